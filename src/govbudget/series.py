"""A unit's documents across years: each prior-year figure checked against the earlier document.

:func:`check_series` groups documents by unit and year and checks, with the same
rounding-aware verdicts as every rule (:mod:`govbudget.rounding`), what a later
document states about an earlier year against the earlier document itself:

- a budget's 上年数 (上年预算) against the prior year's budget (SER001);
- a 决算's 年初预算数 against the same year's budget (SER002);
- a 决算's 上年数 against the prior year's 决算 (SER003), and its 年初结转和结余
  against the prior year's 年末结转和结余 (SER004);

and says what keeps documents from being compared: the years missing from a
series (SER005), a unit whose name differs from another's only by the kind of
body — 局 against 委员会 after a reorganisation — which is a warning, not a match
(SER006), a document that names no unit or year (SER007), and two documents for
one unit, year and kind (SER008). Each finding names both places: the later
document's figure as its location, the earlier one in its message.

Units are matched by name, with the usual variants: 全称 and 简称
(中国人民政治协商会议某县委员会 = 某县政协, 某县发展和改革局 = 某县发改局), a name in
brackets (某县政协（县政协）), the ethnic part of an autonomous place
(某某回族彝族自治县 = 某某县), and the region left out (发改局 = 某县发改局, when only one
unit of the set ends so). A 部门 disclosure and a 单位 disclosure of the same name
are different series.

>>> from govbudget import load
>>> budget = load("examples/zengdu-xinfang-2025/budget.json")
>>> [series.name for series in check_series([("2025.json", budget)])]
['曾都区信访局']
>>> unit_key("中国人民政治协商会议示例回族彝族自治县委员会") == unit_key("示例县政协")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Final

from attrs import field, frozen

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget, Kind, Level
from govbudget.place import Place
from govbudget.render import render_markdown, render_text
from govbudget.report import Finding, Report
from govbudget.rounding import Outcome, Stated, check_equal
from govbudget.rules import RULES
from govbudget.rules._support import diagnose_value, figures, money
from govbudget.rules.base import Location, Observation, Rule, Severity
from govbudget.table import Table
from govbudget.validation import select_rules
from govbudget.words import Language

__all__ = ["Series", "SeriesDocument", "check_series", "unit_key", "unit_name"]

# ---- unit names ----------------------------------------------------------------------

#: 全称 → 简称, applied in order (the longer forms first), so that both forms of a
#: name come to the same key.
_SHORT_FORMS: Final = (
    ("内蒙古自治区", "内蒙古"),  # before 蒙古族 autonomy is taken out below
    ("中国共产党", "中共"),
    ("中国人民政治协商会议", "政协"),
    ("人民代表大会常务委员会", "人大常委会"),
    ("人民代表大会", "人大"),
    ("人民政府办公室", "政府办"),
    ("人民政府", "政府"),
    ("人民法院", "法院"),
    ("人民检察院", "检察院"),
    ("纪律检查委员会", "纪委"),
    ("监察委员会", "监委"),
    ("政法委员会", "政法委"),
    ("管理委员会", "管委会"),
    ("办公室", "办"),
    ("发展和改革", "发改"),
    ("发展改革", "发改"),
    ("住房和城乡建设", "住建"),
    ("住房城乡建设", "住建"),
    ("人力资源和社会保障", "人社"),
    ("人力资源社会保障", "人社"),
    ("卫生健康", "卫健"),
    ("卫生和计划生育", "卫计"),
    ("市场监督管理", "市场监管"),
    ("文化广电和旅游", "文广旅"),
    ("文化广电旅游", "文广旅"),
    ("文化和旅游", "文旅"),
    ("工业和信息化", "工信"),
    ("科学技术", "科技"),
    ("退役军人事务", "退役军人"),
    ("医疗保障", "医保"),
    ("应急管理", "应急"),
    ("民族宗教事务", "民宗"),
    ("机关事务管理", "机关事务"),
    ("委员会", "委"),
)
#: What a name says of its level or scope rather than of the unit: kept in the key.
_SCOPE: Final = ("本级", "机关", "汇总")
_BRACKETS: Final = re.compile(r"[（(]([^（）()]*)[）)]")
#: The 55 minority nationalities, as autonomous places name them (longer names first where
#: one begins another: 土家 before 土).
_NATIONALITIES: Final = (
    "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山"
    "|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米"
    "|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺"
)
#: 示例回族彝族自治县 → 示例县, 恩施土家族苗族自治州 → 恩施州: the usual short form.
_AUTONOMOUS: Final = re.compile(rf"(?:(?:{_NATIONALITIES})族)+自治(县|州|旗)")
#: 广西壮族自治区 → 广西, 新疆维吾尔自治区 → 新疆, 西藏自治区 → 西藏.
_AUTONOMOUS_REGION: Final = re.compile(rf"(?:(?:{_NATIONALITIES})族?)*自治区")
#: 政协某县委 (from 中国人民政治协商会议某县委员会) → 某县政协, as it is usually written.
_CPPCC: Final = re.compile(r"政协(.+?[省市区县州旗盟])委(.*)")
_PLACE_END: Final = tuple("省市区县州旗盟镇乡")
#: The kinds of body a reorganisation renames one into another (局 ↔ 委员会 …), longest first.
_ORGANS: Final = (
    "委员会",
    "管理局",
    "办公室",
    "中心",
    "局",
    "委",
    "办",
    "厅",
    "处",
    "站",
    "所",
    "院",
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s·•“”\"'‘’]", "", text)


def _short(name: str) -> str:
    for full, short in _SHORT_FORMS:
        name = name.replace(full, short)
    name = _AUTONOMOUS.sub(r"\1", name)
    name = _AUTONOMOUS_REGION.sub("", name)
    name = name.removeprefix("中共")
    found = _CPPCC.fullmatch(name)
    return f"{found[1]}政协{found[2]}" if found else name


def unit_key(name: str) -> str:
    """The key two names of one unit share: folded, in 简称, a bracketed alias left out.

    >>> unit_key("中共某市某区委员会办公室") == unit_key("某市某区委办")
    True
    >>> unit_key("某县发展和改革局") == unit_key("某县发展和改革委员会")
    False
    """
    folded = _fold(name)
    scope = [part for part in _BRACKETS.findall(folded) if part in _SCOPE]
    base = _BRACKETS.sub("", folded)
    return _short(base) + "".join(scope)


def _aliases(name: str) -> tuple[str, ...]:
    """The keys of the names a unit's name gives in brackets (南县政协（县政协）)."""
    folded = _fold(name)
    return tuple(_short(part) for part in _BRACKETS.findall(folded) if part and part not in _SCOPE)


def unit_name(budget: DepartmentBudget) -> str | None:
    """The unit's name with its region where the document gives that apart.

    >>> unit_name(DepartmentBudget(department="信访局", region="曾都区", year=2025))
    '曾都区信访局'
    """
    name = budget.department
    if name is None or budget.region is None or name.startswith(budget.region):
        return name
    return budget.region + name


def _organ(key: str) -> tuple[str, str] | None:
    """The key's stem and its kind of body (``某县发改``, ``局``), if it ends with one."""
    for organ in _ORGANS:
        if key.endswith(organ) and len(key) > len(organ):
            return key[: -len(organ)], organ
    return None


# ---- documents and series ------------------------------------------------------------


_KIND_NAMES: Final = {
    Kind.BUDGET: ("部门预算", "budget"),
    Kind.FINAL: ("部门决算", "final accounts"),
}


@frozen
class SeriesDocument:
    """One document of a series: where it was read, and the budget it states."""

    source: str
    budget: DepartmentBudget

    def label(self, lang: Language = "zh", place: Place | None = None) -> str:
        """The document as a message names it, with a place in it (by default the file):
        ``2025年部门预算（a.json）``.

        >>> SeriesDocument("a.pdf", DepartmentBudget(year=2024)).label("en", Place.parse("a.pdf p. 3"))
        'the 2024 budget (a.pdf p. 3)'
        """
        year = self.budget.year
        kind_zh, kind_en = _KIND_NAMES[self.budget.kind]
        where = str(place) if place is not None else self.source
        if lang == "zh":
            return f"{year}年{kind_zh}（{where}）"
        return f"the {year} {kind_en} ({where})"


@frozen
class Series:
    """A unit's documents in order of year (a budget before the 决算 of its year), and the
    report of the checks across them.

    ``name`` is the unit's name in its latest document (``None`` for the documents that
    name no unit or year, which form no series); ``names`` every name it was written
    with; ``missing`` the years without a document, by kind, between the first and the
    last year of that kind.
    """

    name: str | None
    level: Level | None
    documents: tuple[SeriesDocument, ...]
    report: Report
    names: tuple[str, ...] = ()
    missing: Mapping[Kind, tuple[int, ...]] = field(factory=dict)

    @property
    def years(self) -> tuple[int, ...]:
        """The years the series has a document for."""
        return tuple(sorted({d.budget.year for d in self.documents if d.budget.year}))

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The checks a person should see, worst first."""
        return self.report.findings

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return self.report.ok

    def title(self, lang: Language = "zh") -> str:
        """The unit and its years: ``曾都区信访局 2023–2025``."""
        zh = lang == "zh"
        if self.name is None:
            return "未写明单位或年度的文件" if zh else "documents that name no unit or year"
        years = self.years
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else f"{years[0]}"
        level = ""
        if self.level is Level.UNIT:
            level = "（单位）" if zh else " (unit)"
        return f"{self.name}{level} {span}"

    def to_dict(self) -> dict[str, object]:
        """JSON-ready data with stable keys: the unit, its documents, the missing years and
        the report (``ok``, ``summary``, ``findings`` as :meth:`Report.to_dict` gives them)."""
        report = self.report.to_dict()
        return {
            "series": self.name,
            "names": list(self.names),
            "level": None if self.level is None else self.level.value,
            "documents": [
                {
                    "source": d.source,
                    "department": d.budget.department,
                    "year": d.budget.year,
                    "kind": d.budget.kind.value,
                }
                for d in self.documents
            ],
            "missing": {kind.value: list(years) for kind, years in self.missing.items()},
            "ok": report["ok"],
            "summary": report["summary"],
            "findings": report["findings"],
        }

    def render(self, lang: Language = "zh", *, markdown: bool = False) -> str:
        """The series as text (or Markdown): its documents, then its findings."""
        return "\n".join(_render(self, lang, markdown))


def _render(series: Series, lang: Language, markdown: bool) -> Iterator[str]:
    zh = lang == "zh"
    title = series.title(lang) + (" — 跨年核对" if zh else " — across years")
    yield f"# {title}" if markdown else title
    yield ""
    for document in series.documents:
        kind = _KIND_NAMES[document.budget.kind][0 if zh else 1]
        year = document.budget.year if document.budget.year is not None else "—"
        line = f"{year} {kind}  {document.source}"
        yield f"- {line}" if markdown else f"  {line}"
    yield ""
    if len(series.documents) > 1 and not series.report.checks:
        # "no problem found" would claim a comparison that was never made
        yield (
            "⚠ 没有可比较的数字：这些文件没有一个数字可与另一年度的文件核对"
            if zh
            else "⚠ nothing to compare: no figure of these documents can be checked against"
            " another year's"
        )
        return
    # The findings as a report renders them, without its title line.
    write = render_markdown if markdown else render_text
    body = write(series.report, lang=lang, layout="families").split("\n")
    yield from body[2:]


# ---- checks across documents ---------------------------------------------------------

#: The columns a cross-document check reads, with what they add to the place's name.
_COLUMNS: Final = {
    "amount": ("", ""),
    "prior": ("（上年数）", " (prior year)"),
    "budget_initial": ("（年初预算数）", " (initial budget)"),
}


#: The figures a document's 收支总表 states, for a document read from a PDF or a workbook whose
#: narrative does not state them: (model path, section, field, side, row).
_TABLE_FIGURES: Final = (
    ("/income/total", "income", "total", "收入", "本年收入合计"),
    ("/income/grand_total", "income", "grand_total", "收入", "总计"),
    ("/expenditure/total", "expenditure", "total", "支出", "本年支出合计"),
    ("/expenditure/grand_total", "expenditure", "grand_total", "支出", "总计"),
    ("/final/carried_in", "final", "carried_in", "收入", "年初结转和结余"),
    ("/final/carried_out", "final", "carried_out", "支出", "年末结转和结余"),
)

Keyed = dict[str, tuple[str, str, Figure, Place | None]]


def _summary_columns(table: Table, side: str | None, final: bool) -> dict[str, int]:
    """The columns of one side of a 收支总表 by the Figure field they hold: the amount (决算数
    in a 决算, else the side's first column that is not the prior year's), and where printed
    the 年初预算数 of a 决算 and the 上年数."""
    from govbudget.tables.query import key

    columns: dict[str, int] = {}
    for index, column in enumerate(table.columns):
        if column.side != side:
            continue
        name = key(column.name)
        if "上年" in name:
            columns.setdefault("prior", index)
        elif final and "年初预算" in name:
            columns.setdefault("budget_initial", index)
        elif final and "决算" in name:
            columns["amount"] = index
        elif not final or "预算" not in name:
            columns.setdefault("amount", index)
    return columns


def _table_figures(budget: DepartmentBudget) -> Keyed:
    """The figures of the document's 收支总表 (收入支出决算总表 for a 决算), each at its cell."""
    from govbudget.rules._labels import label
    from govbudget.rules.tables import spot_cell
    from govbudget.table import TableKind

    final = budget.kind is Kind.FINAL
    kind = TableKind.FINAL_SUMMARY if final else TableKind.BUDGET_SUMMARY
    found: Keyed = {}
    for path, section, name, side, row in _TABLE_FIGURES:
        if section == "final" and not final:
            continue
        ref = spot_cell(budget, (kind, side, row, ""))
        if ref is None:
            continue
        table = budget.tables[ref[0]]
        line = table.rows[ref[1]]
        columns = _summary_columns(table, table.columns[ref[2]].side, final)
        amount = columns.get("amount")
        if amount is None or line.values[amount] is None:
            continue
        prior, initial = columns.get("prior"), columns.get("budget_initial")
        place = table.cell_place(ref[1], amount)
        figure = Figure(
            amount=line.values[amount],
            prior=None if prior is None else line.values[prior],
            budget_initial=None if initial is None else line.values[initial],
            precision=table.precision,
            source=str(place),
        )
        zh, en = label(section, name)
        found[path] = (f"{zh}（{table.title}）", f"{en} ({table.title})", figure, place)
    return found


def _keyed_figures(budget: DepartmentBudget) -> Keyed:
    """Every stated figure by a path that means the same in another year's document:
    key projects by name, not by their place in the list; a figure the narrative does not
    state, from the document's 收支总表 when it has one (a PDF or a workbook)."""
    keyed: Keyed = {
        path: (zh, en, figure, None)
        for path, zh, en, figure in figures(budget)
        if not path.startswith("/projects/")
    }
    for project in budget.projects:
        if project.amount is not None:
            keyed[f"/projects/{project.name}/amount"] = (
                f"重点项目“{project.name}”",
                f"key project {project.name}",
                project.amount,
                None,
            )
    if budget.tables:
        for path, found in _table_figures(budget).items():
            keyed.setdefault(path, found)
    return keyed


def _stated(budget: DepartmentBudget, figure: Figure, column: str) -> Stated | None:
    value = getattr(figure, column)
    if value is None and column == "amount" and figure.none_stated:
        return Stated(0)
    if value is None:
        return None
    return Stated(value.fen, budget.precision_of(figure).half_width_fen)


def _place(document: SeriesDocument, figure: Figure, at: Place | None = None) -> Place:
    if at is not None:
        return at
    if figure.source is not None:
        place = Place.parse(figure.source)
        if place.file is not None:
            return place
    return Place(file=document.source)


def _compare(
    later: SeriesDocument,
    earlier: SeriesDocument,
    column: str,
    renamed: Mapping[str, str] | None = None,
) -> Iterator[Observation]:
    """``column`` of each figure of the later document against the amount of the same
    figure in the earlier one (or of the figure ``renamed`` maps its path to; then only
    those paths are compared)."""
    late, early = _keyed_figures(later.budget), _keyed_figures(earlier.budget)
    paths = list(renamed) if renamed is not None else list(late)
    for path in paths:
        if path not in late:
            continue
        zh, en, figure, at = late[path]
        stated = _stated(later.budget, figure, column)
        other = early.get(path if renamed is None else renamed[path])
        if stated is None or other is None:
            continue
        computed = _stated(earlier.budget, other[2], "amount")
        if computed is None:
            continue
        verdict = check_equal(stated, computed)
        scale = money(later.budget, figure)
        inconsistent = verdict.outcome is Outcome.INCONSISTENT
        suffix_zh, suffix_en = _COLUMNS[column]
        yield Observation(
            outcome=verdict.outcome,
            location=Location(
                f"{path}#{column}", zh + suffix_zh, en + suffix_en, _place(later, figure, at)
            ),
            verdict=verdict,
            scale=scale,
            diagnosis=diagnose_value(stated.value, computed.value, scale) if inconsistent else None,
            params=_documents(
                later, _place(later, figure, at), earlier, _place(earlier, other[2], other[3])
            ),
        )


def _documents(
    later: SeriesDocument, at: Place, earlier: SeriesDocument, earlier_at: Place
) -> dict[str, str]:
    """The message parameters naming both documents and the figure's place in each."""
    return {
        "later": later.label("zh", at),
        "earlier": earlier.label("zh", earlier_at),
        "later_en": later.label("en", at),
        "earlier_en": earlier.label("en", earlier_at),
    }


def _by_year(documents: Iterable[SeriesDocument], kind: Kind) -> dict[int, list[SeriesDocument]]:
    found: dict[int, list[SeriesDocument]] = defaultdict(list)
    for document in documents:
        year = document.budget.year
        if document.budget.kind is kind and year is not None:
            found[year].append(document)
    return found


_CARRIED: Final = {"/final/carried_in": "/final/carried_out"}


def _across(documents: Sequence[SeriesDocument]) -> Iterator[tuple[str, Observation]]:
    """The figure-by-figure checks of one series, with the id of the rule of each."""
    budgets, finals = _by_year(documents, Kind.BUDGET), _by_year(documents, Kind.FINAL)
    for year, later in sorted(budgets.items()):
        for document in later:
            for earlier in budgets.get(year - 1, ()):
                yield from (("SER001", o) for o in _compare(document, earlier, "prior"))
    for year, later in sorted(finals.items()):
        for document in later:
            for budget in budgets.get(year, ()):
                yield from (("SER002", o) for o in _compare(document, budget, "budget_initial"))
            for earlier in finals.get(year - 1, ()):
                yield from (("SER003", o) for o in _compare(document, earlier, "prior"))
                carried = _compare(document, earlier, "amount", _CARRIED)
                yield from (("SER004", o) for o in carried)


def _missing(documents: Sequence[SeriesDocument]) -> dict[Kind, tuple[int, ...]]:
    """The years without a document of a kind, between the first and the last of that kind."""
    missing: dict[Kind, tuple[int, ...]] = {}
    for kind in Kind:
        years = sorted(_by_year(documents, kind))
        absent = tuple(y for y in range(years[0], years[-1] + 1) if y not in years) if years else ()
        if absent:
            missing[kind] = absent
    return missing


def _gap(missing: Mapping[Kind, tuple[int, ...]]) -> Observation:
    zh = "、".join(
        f"{'、'.join(str(y) for y in years)}年{_KIND_NAMES[kind][0]}"
        for kind, years in missing.items()
    )
    en = "; ".join(
        f"the {_KIND_NAMES[kind][1]} of {', '.join(str(y) for y in years)}"
        for kind, years in missing.items()
    )
    return Observation(
        outcome=Outcome.INCONSISTENT,
        location=Location("/series", "本序列", "this series"),
        params={"missing_zh": zh, "missing_en": en},
    )


def _duplicates(documents: Sequence[SeriesDocument]) -> Iterator[Observation]:
    for kind in Kind:
        for year, found in sorted(_by_year(documents, kind).items()):
            if len(found) < 2:
                continue
            zh, en = _KIND_NAMES[kind]
            yield Observation(
                outcome=Outcome.INCONSISTENT,
                location=Location(f"/{year}/{kind.value}", f"{year}年{zh}", f"the {year} {en}"),
                params={
                    "year": str(year),
                    "kind_zh": zh,
                    "kind_en": en,
                    "count": str(len(found)),
                    "sources": ", ".join(d.source for d in found),
                },
            )


def _unnamed(document: SeriesDocument) -> Observation:
    budget = document.budget
    missing = [
        (zh, en)
        for value, zh, en in (
            (budget.department, "部门（单位）名称", "unit"),
            (budget.year, "年度", "year"),
        )
        if value is None
    ]
    return Observation(
        outcome=Outcome.INCONSISTENT,
        location=Location(
            "/department" if budget.department is None else "/year",
            f"文件 {document.source}",
            f"the document {document.source}",
            Place(file=document.source),
        ),
        params={
            "missing_zh": "和".join(zh for zh, _ in missing),
            "missing_en": " or ".join(en for _, en in missing),
        },
    )


# ---- grouping documents into series --------------------------------------------------


class _Groups:
    """Union-find over (key, level): the documents of one unit end in one group."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, Level], tuple[str, Level]] = {}

    def add(self, node: tuple[str, Level]) -> None:
        self.parent.setdefault(node, node)

    def find(self, node: tuple[str, Level]) -> tuple[str, Level]:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:  # path halving keeps later finds short
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: tuple[str, Level], b: tuple[str, Level]) -> None:
        self.parent[self.find(a)] = self.find(b)


def _group(documents: Sequence[SeriesDocument]) -> list[list[SeriesDocument]]:
    """The documents by unit: same key, a bracketed alias, or the same name without its
    region (when only one unit of the set ends so)."""
    groups = _Groups()
    nodes: list[tuple[str, Level]] = []
    for document in documents:
        name = unit_name(document.budget)
        assert name is not None
        node = (unit_key(name), document.budget.level)
        groups.add(node)
        nodes.append(node)
    for document, node in zip(documents, nodes, strict=True):
        name = unit_name(document.budget)
        assert name is not None
        for alias in _aliases(name):
            if (alias, node[1]) in groups.parent:
                groups.union(node, (alias, node[1]))
    # A key that another ends with, after a place name: 发改局 and 某县发改局.
    ending: dict[tuple[str, Level], set[tuple[str, Level]]] = defaultdict(set)
    for key, level in list(groups.parent):
        for i in range(1, len(key)):
            if key[i - 1] in _PLACE_END:
                ending[key[i:], level].add((key, level))
    for node in list(groups.parent):
        longer = {groups.find(other) for other in ending.get(node, ())}
        if len(longer) == 1:
            groups.union(node, longer.pop())
    by_root: dict[tuple[str, Level], list[SeriesDocument]] = {}
    for document, node in zip(documents, nodes, strict=True):
        by_root.setdefault(groups.find(node), []).append(document)
    return list(by_root.values())


def _ordered(documents: Iterable[SeriesDocument]) -> tuple[SeriesDocument, ...]:
    def order(document: SeriesDocument) -> tuple[int, int, str]:
        budget = document.budget
        return (budget.year or 0, 0 if budget.kind is Kind.BUDGET else 1, document.source)

    return tuple(sorted(documents, key=order))


def _renames(
    series: Sequence[tuple[str, Sequence[SeriesDocument]]],
) -> Iterator[tuple[int, Observation]]:
    """Series whose names differ only by the kind of body (局 / 委员会 …): the later one
    is told of the earlier, by index into ``series``."""
    by_stem: dict[tuple[str, Level], list[tuple[int, str]]] = defaultdict(list)
    for index, (key, documents) in enumerate(series):
        organ = _organ(key)
        if organ is not None:
            by_stem[organ[0], documents[0].budget.level].append((index, organ[1]))
    for found in by_stem.values():
        for index, suffix in found:
            for other, other_suffix in found:
                if other == index or other_suffix == suffix:
                    continue
                mine, theirs = series[index][1], series[other][1]
                if (mine[0].budget.year or 0, index) < (theirs[0].budget.year or 0, other):
                    continue  # the one that starts later is told of the other
                name = unit_name(theirs[-1].budget)
                years = sorted({d.budget.year for d in theirs if d.budget.year is not None})
                yield (
                    index,
                    Observation(
                        outcome=Outcome.INCONSISTENT,
                        location=Location("/department", "单位名称", "the unit's name"),
                        params={
                            "other": f"{name}（{years[0]}–{years[-1]}）"
                            if len(years) > 1
                            else f"{name}（{years[0]}）",
                            "this_suffix": suffix,
                            "other_suffix": other_suffix,
                        },
                    ),
                )


def _findings(
    observations: Iterable[tuple[str, Observation]], rules: Mapping[str, Rule]
) -> tuple[Finding, ...]:
    checks = []
    for rule_id, observation in observations:
        rule = rules.get(rule_id)
        if rule is None:  # not selected
            continue
        severity = (
            observation.severity or rule.severity
            if observation.outcome is Outcome.INCONSISTENT
            else Severity.INFO
        )
        checks.append(Finding(rule, severity, observation))
    return tuple(checks)


def check_series(
    documents: Iterable[tuple[str, DepartmentBudget]],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> tuple[Series, ...]:
    """Group ``(source, budget)`` pairs into a series per unit and check them across years.

    One :class:`Series` per unit (and level), in the order its first document comes
    in, then — when some document names no unit or year — one with ``name`` ``None``
    holding those documents and a SER007 warning for each. ``select``/``ignore``
    choose among the "series" rules as :func:`govbudget.validate` chooses (a selector
    that names no rule at all is an error).

    >>> from govbudget import load
    >>> final = load("examples/shiliwenlv-2024-final/budget.json")
    >>> (series,) = check_series([("a.json", final)])
    >>> series.title("en"), series.ok
    ('示例县文化广电旅游局 2024', True)
    """
    chosen = select_rules(RULES, select, ignore)
    rules = {rule.id: rule for rule in chosen if rule.family == "series"}
    placed: list[SeriesDocument] = []
    unplaced: list[SeriesDocument] = []
    for source, budget in documents:
        document = SeriesDocument(source, budget)
        named = budget.department is not None and budget.year is not None
        (placed if named else unplaced).append(document)
    groups = [_ordered(group) for group in _group(placed)]
    keyed = [(unit_key(unit_name(g[-1].budget) or ""), g) for g in groups]
    renamed: dict[int, list[Observation]] = defaultdict(list)
    for index, observation in _renames(keyed):
        renamed[index].append(observation)
    result: list[Series] = []
    for index, group in enumerate(groups):
        missing = _missing(group)
        observations: list[tuple[str, Observation]] = list(_across(group))
        if missing:
            observations.append(("SER005", _gap(missing)))
        observations += [("SER006", o) for o in renamed[index]]
        observations += [("SER008", o) for o in _duplicates(group)]
        name = unit_name(group[-1].budget)
        names = tuple(dict.fromkeys(unit_name(d.budget) or "" for d in group))
        result.append(
            Series(
                name=name,
                level=group[-1].budget.level,
                documents=group,
                report=Report(name, None, _findings(observations, rules)),
                names=names,
                missing=missing,
            )
        )
    if unplaced:
        checks = _findings((("SER007", _unnamed(d)) for d in unplaced), rules)
        result.append(Series(None, None, tuple(unplaced), Report(None, None, checks)))
    return tuple(result)
