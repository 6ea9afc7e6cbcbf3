"""Who and when a narrative is about: the unit, the budget year and 预算 or 决算.

Disclosures say it in their title ("某局2024年度部门决算"), a 单位名称/主管部门 line, a
heading ("XX县2019年财政拨款“三公”经费预算情况"), the first sentence of a part, or the
signature at the end; excerpts often say none of it. :func:`identify` reads what the text
says and leaves the rest ``None`` — a fragment is never taken for a name ("现将示例镇",
"主要原因是我院"), and the year is the year the document is about, not the earlier year it
compares with or the date it was published.

>>> i = identify("示例区政府办2021年度一般公共预算财政拨款“三公”经费支出决算情况说明\\n…")
>>> i.department, i.year, i.kind.value
('示例区政府办', 2021, 'final')
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from attrs import frozen

from govbudget.model import Kind, Level

__all__ = ["Identity", "identify", "unit_from_file_name", "year_from_file_name"]


@frozen
class Identity:
    """The unit, year, kind and level a text states (``None`` where it does not)."""

    department: str | None
    year: int | None
    kind: Kind
    level: Level


#: Endings of the names of budget units, longest first where one ends another.
_SUFFIXES: Final = (
    "人民代表大会常务委员会",
    "常务委员会",
    "人民政府办公室",
    "人民政府",
    "委员会",
    "办公室",
    "管理局",
    "管理处",
    "管理所",
    "管理站",
    "服务中心",
    "事务中心",
    "研究所",
    "研究院",
    "研究中心",
    "联合会",
    "联合社",
    "合作社",
    "幼儿园",
    "卫生院",
    "医院",
    "学校",
    "中学",
    "小学",
    "学院",
    "大学",
    "学区",
    "中心",
    "政协",
    "人大",
    "法院",
    "检察院",
    "公安局",
    "街道办事处",
    "办事处",
    "街道",
    "电视台",
    "广播电视台",
    "纪念馆",
    "博物馆",
    "图书馆",
    "文化馆",
    "档案馆",
    "事务局",
    "局",
    "委",
    "办",
    "院",
    "厅",
    "部",
    "署",
    "会",
    "所",
    "站",
    "队",
    "馆",
    "处",
    "镇",
    "乡",
    "社",
    "台",
    "园",
    "室",
    "团",
    "校",
    "支队",
    "大队",
    "总队",
    "集团",
    "公司",
    "本级",
    "市级",
    "县级",
    "区级",
    "省级",
)
_SUFFIX: Final = "|".join(re.escape(s) for s in sorted(set(_SUFFIXES), key=len, reverse=True))
#: A unit's name as titles write it: Chinese words (with brackets and 、 inside), a suffix.
_NAME: Final = rf"[\u4e00-\u9fff（）()、“”]{{1,40}}?(?:{_SUFFIX})"
#: Words that start a clause, not a name ("现将示例镇…", "主要原因是我院…", "根据…").
_NOT_A_NAME: Final = re.compile(
    r"(?:现将|根据|按照|依据|关于|为了|为|经|由|对|在|是|我|本|该|各|全|所属|其中|主要|原因|说明|"
    r"一般公共|政府性|国有资本|财政拨款|部门预算|部门决算|单位预算|单位决算|预算|决算|第)"
)
#: Words that never stand in a name: a title's or a sentence's words caught before one.
_NOT_IN_A_NAME: Final = re.compile(
    r"现将|主要原因|我|如下|情况|报告|公开|内容|详细|说明|目录|预算|决算|收入|支出|经费|年度|关于|"
    r"机构设置|概况|职能|职责|[：:，。；]"
)
#: What a news item or a sentence puts before a name: "…日电", "纳入…", "包括…".
_LEAD_IN: Final = re.compile(r"^(?:.*日电|纳入|包括|含|其中|以及|和|及)")
#: A title: a name, then the year, then what the document is ("某局2024年度部门决算").
_TITLE: Final = re.compile(
    rf"(?P<name>{_NAME})\s*(?P<year>(?:19|20)\d\d)\s*(?:年度?|(?=(?:部门|单位)?(?:预算|决算)))"
    r"(?P<rest>[^\n。]{0,40}?(?P<kind>预算|决算))"
)
#: Where a title's year stands: the year, 年 (or the kind right after), the kind soon after.
_TITLE_YEAR: Final = re.compile(
    r"((?:19|20)\d\d)\s*(?:年度?|(?=(?:部门|单位)?(?:预算|决算)))(?=[^\n。]{0,40}?(?:预算|决算))"
)
#: The name ending right before a title's year.
_NAME_BEFORE: Final = re.compile(rf"[\u4e00-\u9fff（）()、“”]{{1,40}}(?:{_SUFFIX})\s*$")


def _titles(head: str) -> list[tuple[str, int]]:
    """(name, year) of each title in ``head``: what :data:`_TITLE` finds, anchored on the
    years so that the name is looked for only where a year follows it (linear)."""
    found: list[tuple[str, int]] = []
    for year in _TITLE_YEAR.finditer(head):
        line_start = head.rfind("\n", 0, year.start()) + 1
        segment = head[max(line_start, year.start() - 44) : year.start()]
        name = _NAME_BEFORE.search(segment)
        if name is not None:
            found.append((name.group().strip(), int(year.group(1))))
    return found


#: A title that names the year first ("2019年示例市委宣传部“三公”经费…").
_TITLE_YEAR_FIRST: Final = re.compile(
    rf"^(?P<year>(?:19|20)\d\d)\s*年度?\s*(?P<name>{_NAME})(?=[“\"]?三公|部门|单位|预算|决算|财政|一般)",
    re.MULTILINE,
)
#: A performance report's title, which says neither 预算 nor 决算: "某馆2024年度项目支出绩效自评报告"
#: (the unit that reports, before its 主管部门 line names the department above it).
_EVALUATION_TITLE: Final = re.compile(
    rf"^\s*(?P<name>{_NAME})\s*(?:19|20)\d\d\s*年度?[^\n。]{{0,30}}?绩效(?:自评|评价)",
    re.MULTILINE,
)
#: "单位名称：某局", "主管部门：某局", "部门：某局" (table headers), "填报单位：某局"; in a
#: project's performance table "实施单位（盖章）| 某局 |" or "主管部门 (433)某局(部门)": the
#: label, a code or 盖章 in brackets, a colon or a cell's bar, the name, and a 部门 or 本级 the
#: table adds to the department's name.
_NAMED: Final = re.compile(
    r"(?P<label>实施单位|单位名称|部门名称|主管部门|预算单位|预算部门|编制单位|填报单位|编报单位|部门|单位)"
    r"\s*(?:[（(](?:\d{1,12}|盖章)[）)])?\s*(?:[：:]|[|｜]\s*\n?|(?<=[）)]))\s*"
    rf"(?:[（(]\d{{1,12}}[）)])?(?P<name>{_NAME})(?:[（(]部门[）)]|部门|本级)?(?=[\s\n，。|｜）]|$)"
)
#: Whose document a site's page says it is: "发布机构：某中心".
_PUBLISHER: Final = re.compile(
    rf"(?:发布机构|发文机关|来源单位)\s*[：:]?\s*(?P<name>{_NAME})(?=[\s\n|｜\-—－]|$)"
)
#: A line that is only a name: a title page, or the signature at the end.
_NAME_LINE: Final = re.compile(rf"^\s*(?P<name>{_NAME})\s*$", re.MULTILINE)
#: "某局2021年度…支出决算为…": a sentence that opens with the unit and the year.
_OPENING: Final = re.compile(
    rf"(?:^|[\n。])\s*(?P<name>{_NAME})\s*(?P<year>(?:19|20)\d\d)\s*年度?(?=[^\n]{{0,30}}(?:预算|决算|收入|支出|经费))"
)
#: A region's name (the unit of a government's report or of a region's summary).
_REGION_NAME: Final = (
    r"(?:[\u4e00-\u9fff]{1,6}?(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|县|旗|区)){1,3}"
)
#: A government's report on its budget: "关于某市2021年预算执行情况和2022年预算草案的报告",
#: "某县2022年财政预算执行情况…", "某区2022年的“三公”经费决算…".
_REGION_TITLE: Final = re.compile(
    rf"(?:^|(?<=关于)|(?<=[\n）)\d\s：:]))(?P<name>{_REGION_NAME})(?:[（(][\u4e00-\u9fff]{{1,6}}[）)])?"
    r"\s*(?:19|20)\d\d\s*年度?的?"
    r"(?=(?:财政|市级|县级|区级|本级|全市|全县|全区|一般公共)?\s*(?:预算执行|决算|[“\"]?三公))"
)
#: The first sentence about the unit: "某委员会是…的常设机关", "某学区现有学校9所".
_SUBJECT: Final = re.compile(
    rf"(?:^|\n)\s*(?P<name>{_NAME})(?=是|为|现有|下设|内设|主要职能|主要职责|共有)", re.MULTILINE
)
#: The signature at the end: the unit on its own line, the date on the next.
_SIGNATURE: Final = re.compile(
    r"^\s*(?P<name>[\u4e00-\u9fff（）()]{2,30})\s*\n\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日",
    re.MULTILINE,
)
_YEAR_KIND: Final = re.compile(
    r"((?:19|20)\d\d)\s*年度?[^\n。，；]{0,24}?(部门|单位)?(预算|决算)(?!数?[的为]?\s*\d)"
)
_YEAR: Final = re.compile(r"(?<![\d-])((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月)")
_DATE: Final = re.compile(
    r"(?:19|20)\d\d\s*(?:年\s*\d{1,2}\s*月|[-/.]\s*\d{1,2}\s*[-/.])"
    r"|(?:发布|日期|时间|归档|公开)[^\n]{0,12}?(?:19|20)\d\d"
)
#: Words a 决算 uses and a 预算 does not.
_FINAL_WORDS: Final = re.compile(
    r"决算|完成(?:年初|全年|调整)?预算|年初预算数?为|为(?:年初|调整)预算的"
    r"|与年初预算(?:数)?(?:对比|相比|比较)|执行数|预算执行率|全年预算数|实际支出|自评"
)
_HEADING_FINAL: Final = re.compile(r"决算(?:执行)?(?:公开|情况|表|报告|说明|$)")
_HEADING_BUDGET: Final = re.compile(r"预算(?:安排)?(?:公开|情况|表|报告|说明|$)")
#: The title of a government's budget report: "关于某市2022年市级决算…的报告", "关于某县2021年
#: 预算执行情况和2022年预算草案的报告".
_REPORT_KIND: Final = re.compile(
    r"关于[^\n。，\d]{0,20}?(?P<year>(?:19|20)\d\d)\s*年度?[^\n。，]{0,6}?"
    r"(?:(?P<final>决算)|预算执行情况[^\n。，]{0,16}?预算(?:\(|（)?草案)[^\n。]{0,30}?报告"
)
_TARGETS: Final = re.compile(r"绩效目标(?:表|申报表?|公开)")
_SELF_EVALUATION: Final = re.compile(r"绩效(?:自评|评价)(?:报告|表|情况|结果)?|自评(?:报告|表)")
_REGION_UNITS: Final = re.compile(r"(?:本级|汇总|市级|县级|区级|省级)")
#: A report on the execution of a year's budget names that year first.
_EXECUTED: Final = re.compile(r"((?:19|20)\d\d)\s*年度?[^\n。\d]{0,8}?预算执行情况")
#: Where a year is the base of a comparison ("比2023年…", "较 2022 年度决算数…").
_BASE: Final = re.compile(r"(?:比|较|与|同|对比|相比|同口径比)\s*")


def identify(text: str, *, lines: str | None = None) -> Identity:
    """The unit, year, kind and level the normalised ``text`` states.

    ``lines`` is the end of the text with its lines as the document breaks them, each
    folded as the text is (:func:`~govbudget.narrative.text.fold_line`), where the
    signature is looked for too.

    >>> identify("2018年基本支出预算较上年增23.4万元。比2017年预算数减少0.08万元。").year
    2018
    >>> identify("现将示例镇2022年部门预算公开如下").department  # not "现将示例镇"
    '示例镇'
    >>> identify("支出增加，主要原因是我院2023年新增项目。").department is None
    True
    """
    head = text[:3000]
    kind = _kind(text)
    titles = _titles(head)
    department = _department(head, text, titles, lines)
    year = _year(head, text, kind, titles)
    level = (
        Level.UNIT if re.search(r"\d{4}\s*年度?\s*单位(?:预算|决算)", head) else Level.DEPARTMENT
    )
    return Identity(department, year, kind, level)


def _kind(text: str) -> Kind:
    """What the first title or heading that says it says, else 决算 when the text uses its
    words (决算数, 完成年初预算的 …), else 预算."""
    lines = [line for line in text[:4000].split("\n") if 0 < len(line) <= 60]
    for line in lines[:15]:
        final, budget = _HEADING_FINAL.search(line), _HEADING_BUDGET.search(line)
        if not final and not budget:
            final, budget = _SELF_EVALUATION.search(line), _TARGETS.search(line)
        if final and not budget:
            return Kind.FINAL
        if budget and not final:
            return Kind.BUDGET
    # A government's report on the year's budget execution and the next year's draft budget
    # is a 预算 document whatever it says of completion; a 决算 report says 决算 first.
    head = text[:400]
    report = _REPORT_KIND.search(head)
    if report is not None:
        return Kind.FINAL if report.group("final") else Kind.BUDGET
    # A performance document says in its title which it belongs to: targets are set with the
    # budget (绩效目标表), self-evaluations are made of the year's execution (绩效自评).
    final, budget = _SELF_EVALUATION.search(head), _TARGETS.search(head)
    if final and not budget:
        return Kind.FINAL
    if budget and not final:
        return Kind.BUDGET
    words = _FINAL_WORDS.findall(text)
    return Kind.FINAL if len(words) >= 2 or "决算" in "".join(words) else Kind.BUDGET


def _clean(name: str) -> str | None:
    """The name in a match, without what came before it, or ``None`` if it is not a name."""
    # The match may start with a title's or a sentence's words: the name is what follows
    # the last of them ("…公开具体内容示例县住房和城乡建设局" is 示例县住房和城乡建设局).
    name = _NOT_IN_A_NAME.split(name)[-1]
    name = _LEAD_IN.sub("", name.strip("（）()、“” "))
    name = re.sub(r"^[（(][^）)]*[）)]", "", name)
    if len(name) < 2 or _NOT_A_NAME.match(name) or _REGION_UNITS.fullmatch(name):
        return None
    return name


def _department(
    head: str, text: str, titles: list[tuple[str, int]], lines: str | None
) -> str | None:
    for title, _ in titles:
        name = _clean(title)
        if name is not None:
            return name
    named = [m for m in _NAMED.finditer(head) if m.group("label") == "实施单位"]
    for matches in (
        _TITLE_YEAR_FIRST.finditer(head),
        _EVALUATION_TITLE.finditer(head[:200]),
        named or _NAMED.finditer(head),
        _OPENING.finditer(head),
    ):
        for match in matches:
            name = _clean(match.group("name"))
            if name is not None:
                return name
    for match in _NAME_LINE.finditer(head[:300]):
        name = _clean(match.group("name"))
        if name is not None:
            return name
    # the signature, on the lines as the text breaks them (a reader may join a name to the
    # paragraph before it)
    for tail in (text[-400:], (lines or "")[-400:]):
        for match in reversed(list(_SIGNATURE.finditer(tail))):
            name = _clean(match.group("name"))
            if name is not None:
                return name
    for match in reversed(list(_NAME_LINE.finditer(text[-400:]))):
        name = _clean(match.group("name"))
        if name is not None:
            return name
    for pattern in (_SUBJECT, _PUBLISHER, _REGION_TITLE):
        for match in pattern.finditer(head):
            name = _clean(match.group("name"))
            if name is not None:
                return name
    return None


def _year(head: str, text: str, kind: Kind, titles: list[tuple[str, int]]) -> int | None:
    """The year the document is about: its title's, else the latest year said with its kind."""
    dates = {m.start() for m in _DATE.finditer(text)}
    for title, year in titles:
        if _clean(title) is not None:
            return year
    for match in _TITLE_YEAR_FIRST.finditer(head):
        return int(match.group("year"))
    report = _REPORT_KIND.search(head, 0, 400)
    if report is not None:
        return int(report.group("year"))  # "2022年市级决算及2023年上半年预算执行情况的报告"
    executed = _EXECUTED.search(head)
    if executed is not None:
        return int(executed.group(1))  # "2022年预算执行情况和2023年预算草案的报告"
    word = "决算" if kind is Kind.FINAL else "预算"
    bases = {m.end() for m in _BASE.finditer(text)}
    with_kind = [
        int(m.group(1))
        for m in _YEAR_KIND.finditer(text)
        if m.group(3) == word and not _in_date(m.start(), dates) and m.start() not in bases
    ]
    if with_kind:
        # The latest year stated with the document's kind: earlier ones are compared with.
        return max(with_kind)
    years = [
        int(m.group(1))
        for m in _YEAR.finditer(text)
        if not _in_date(m.start(), dates) and m.start() not in bases
    ]
    if not years:
        return None
    return Counter(years).most_common(1)[0][0]


def _in_date(offset: int, dates: set[int]) -> bool:
    return any(offset - 30 <= d <= offset for d in dates)


# What a file name says besides the unit: the year, the kind of document, its part.
_FILE_WORDS: Final = re.compile(
    r"(?:19|20)\d{2}\s*年?度?|(?:部门|单位)?(?:预算|决算)(?:信息)?(?:公开|情况说明|说明|报告)?|公开|附件\d*|附表"
)
_FILE_SEPARATORS: Final = re.compile(r"[\s_\-—–.,，、:：()（）\[\]【】《》“”\"']+")
_CJK: Final = re.compile(r"[\u4e00-\u9fff]")
_FILE_YEAR: Final = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def unit_from_file_name(stem: str) -> str | None:
    """The unit a file name names: the one Chinese name left without its year and kind of
    document ("上海市某某局2024年度部门决算" → "上海市某某局"), else ``None``.

    >>> unit_from_file_name("2024年度部门决算（某某中心）"), unit_from_file_name("jsgk-2024")
    ('某某中心', None)
    """
    rest = _FILE_WORDS.sub(" ", stem)
    named = [p for p in _FILE_SEPARATORS.split(rest) if p and _CJK.search(p) and 2 <= len(p) <= 40]
    return named[0] if len(named) == 1 else None


def year_from_file_name(stem: str) -> int | None:
    """The year a file name names ("2024年部门预算" → 2024; one year only), else ``None``.

    >>> year_from_file_name("某局2024年部门预算"), year_from_file_name("2023-2024对比")
    (2024, None)
    """
    years = set(_FILE_YEAR.findall(stem))
    return int(years.pop()) if len(years) == 1 else None
