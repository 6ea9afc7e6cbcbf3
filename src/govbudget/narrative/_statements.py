"""Relation-first reading: what every sentence states that no part reader took (internal).

The part readers read the figures their labels name. This pass reads each sentence again by
its shape — a label, an amount, and what the sentence says of it: the year before, a change
and its percent, the budget, a share of a named whole, the parts a 其中 lists — whatever the
label. A figure whose label names a field the part readers left empty fills it; any other
becomes a *statement* (``DepartmentBudget.statements``): a line named by its label as
written, its 其中 parts as children. The rules then check every one of them.

Two statements with the same label, in the same part of the same fund and of the same year,
are one figure stated twice: a different amount the second time is a restatement that RPT001
reports ("支出总计2,315.62万元" … "支出总计,315.62万元").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from fractions import Fraction
from typing import Final

from attrs import define, evolve, field, frozen

from govbudget.figure import Restatement
from govbudget.narrative._labelled import (
    ASSETS,
    EXPENDITURE,
    INCOME,
    OPERATION,
    PROCUREMENT,
    THREE_PUBLIC,
    YEAR_OPENING,
    Label,
    apply,
    sentences,
)
from govbudget.narrative._ledger import Ledger
from govbudget.narrative.codes import code_for
from govbudget.narrative.numbers import Number, Numbers
from govbudget.narrative.patterns import Clause, read_clause
from govbudget.narrative.sections import Section, SectionKind
from govbudget.narrative.text import ITEM_MARKER
from govbudget.tree import Node

__all__ = ["StatementReader"]

#: Where a label starts: after the previous clause's punctuation or a bracket.
_BOUNDARY: Final = re.compile(r"[，。；：、（）\n]|其中|包括|以及|另外|此外|加上|扣除")
#: A direction word in brackets ("较上年（减少）21.07万元"), or a qualifier that is part of
#: the label ("教育支出（类）", "…收入（同口径）", "…经费（含教育费附加）"): its brackets are
#: no boundary.
_WORD_IN_BRACKETS: Final = re.compile(
    r"（(?:增加|减少|增|减|类|款|项|[^（）\d]{0,6}口径|不?含[^（）\d]{1,16}|包括[^（）\d]{1,30})）"
)
#: What stands between a label's words and its amount ("为", "共计", "预算安排" …), kept for
#: :func:`~govbudget.narrative.patterns.read_clause` to read (预算为, 决算数为 …).
_LINK: Final = re.compile(
    r"(?:(?:年初|全年|调整(?:后)?)?(?:(?<!公共)(?<!基金)(?<!经营)预算|决算)(?:安排)?数?"
    r"|安排|实际|累计|完成|实现|发生)?"
    r"(?:为|是|达到?|共计?|合计为|总计为|(?<![合总共])计|约|约为|总额为|金额为?)?$"
)
#: What opens a label but is not part of it: numbering, the year, the unit's own words.
_LEAD: Final = re.compile(
    r"^(?:[一二三四五六七八九十\d]+[是、.]|（[一二三四五六七八九十\d]+）|第[一二三四五六七八九十]+[，、]?)?"
    r"(?:(?:19|20)\d\d(?:\s*年度?(?:的)?|(?=[全本]))|本年度?|全年|当年|年初|上年|去年)?"
    r"(?:本(?:部门|单位|局|院|中心|所|委|办|站|馆)|我(?:部门|单位|局|院|中心|所|委|办|站|馆))?"
    r"(?:的|共)?"
    r"(?:主要用于|主要包括)?"  # the list of parts opens here ("主要用于办公费10万元、…")
)
#: A region's words before a label, which do not change what the label names in its own
#: document ("全镇支出总计" is the 支出总计).
_REGION: Final = re.compile(r"^全(?:镇|乡|区|县|市|省|州|旗)(?:本级)?|^(?:镇|乡|区|县|市|省)本级")
#: A region's words that a share's whole may leave out ("地方", "全县", "区级").
_WHOLE_REGION: Final = re.compile(
    r"^(?:地方|全(?:镇|乡|区|县|市|省|州|旗)|(?:镇|乡|区|县|市|省)(?:本级|级))"
)
#: A label that is only a comparison's words: the number is said of the figure before.
_ONLY_COMPARISON: Final = re.compile(
    r"^(?:与|比|较|同比|较上年|比上年|比去年|相比|对比|同口径比)"
    r"|^(?:增加|减少|增长|下降|上升|降低|增幅|降幅|减幅|持平|其中)$"
)
#: Where a comparison starts within a label's text ("…较上年增", "…比2017年预算数减少").
_COMPARISON: Final = re.compile(
    r"(?:同口径)?(?:比|较|与|同比)(?:上年|去年|上一年|年初|全年|调整|预算|决算|\d{4}|同期)"
    r"|(?:同比|环比)(?:增|减|上升|下降)"
)
_HAS_WORD: Final = re.compile(r"[\u4e00-\u9fff]{2,}")
#: A sentence that announces a list: "主要变动原因如下：", "具体情况如下".
_AS_FOLLOWS: Final = re.compile(r"如下[：:]?$|如下[：:]?(?=\n)")
#: A line that starts a new part rather than continuing a list ("二、…", "（二）…").
_HEADING_LIKE: Final = re.compile(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）")
#: A heading line: numbered, short, naming a part ("（三）一般公共预算财力及平衡情况").
_HEADING_LINE: Final = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)([^\n。]{2,40})$"
    r"|^\d{1,2}[、.]([^\n。，；\d]{2,24}(?:情况|说明))$",
    re.MULTILINE,
)
#: How far past its amount a clause is read: far enough for its comparisons and reason.
_CLAUSE_REACH: Final = 160
_THREE_PUBLIC_NAMES: Final = {
    "/three_public/overseas": "因公出国（境）费",
    "/three_public/reception": "公务接待费",
    "/three_public/vehicles": "公务用车购置及运行维护费",
    "/three_public/vehicle_purchase": "公务用车购置费",
    "/three_public/vehicle_operation": "公务用车运行维护费",
}
#: The fields that are parts of a field, by its path: a 其中 list after the whole fills them.
_PARTS_OF: Final[dict[str, tuple[Label, ...]]] = {
    "/expenditure/total": tuple(
        label
        for label in EXPENDITURE
        if label.target.rsplit("/", 1)[-1]
        in ("basic", "project", "to_higher", "operating", "to_affiliated")
    ),
    "/income/total": tuple(
        label
        for label in INCOME
        if label.target not in ("/income/grand_total", "/income/total", "/income/carryover")
    ),
    "/three_public/total": THREE_PUBLIC[1:],
    "/procurement/total": tuple(
        label for label in PROCUREMENT if label.target != "/procurement/total"
    ),
}
_PARTS_OF["/expenditure/grand_total"] = _PARTS_OF["/expenditure/total"]
_PARTS_OF["/income/grand_total"] = _PARTS_OF["/income/total"]
#: Names of the fields a statement may stand for when the text's words for one are not a label.
_FIELD_NAMES: Final = {
    "/three_public/total": "“三公”经费",
    "/income/total": "收入合计",
    "/income/grand_total": "收入总计",
    "/expenditure/total": "支出合计",
    "/expenditure/grand_total": "支出总计",
    "/expenditure/basic": "基本支出",
    "/expenditure/project": "项目支出",
    "/procurement/total": "政府采购",
    "/procurement/sme": "授予中小企业合同",
    "/institutional_operation": "机关运行经费",
}
#: A bracket that says what a label includes, which the label's name leaves out.
_DEFINITION: Final = re.compile(r"（包括[^（）\d]{1,30}）")
_INNER_YEAR: Final = re.compile(r"(?:19|20)\d\d\s*年度?(?:的)?")
#: Words of a sentence that makes no statement of its own figure: a list heading, a rule.
_NOT_A_LABEL: Final = re.compile(r"^(?:主要|具体|分别|如下|情况|详见|按照|根据)")
#: A word that names no figure by itself: what it is of must come from elsewhere.
_GENERIC: Final = re.compile(
    r"(?:支出|收入|经费|费用|金额|合计|共计|总计|资金|总额|预算|决算|小计)"
)
_FUNDS: Final = (
    ("一般公共预算", "general_public"),
    ("政府性基金", "government_fund"),
    ("国有资本经营", "state_capital"),
    ("三公", "three_public"),
    ("财政拨款", "appropriation"),
)
#: The fields a label of the whole text names without doubt, wherever it stands.
_FIELDS: Final = (
    *THREE_PUBLIC,
    *OPERATION,
    *(label for label in INCOME if label.target in ("/income/grand_total", "/income/total")),
    *(
        label
        for label in EXPENDITURE
        if label.target in ("/expenditure/grand_total", "/expenditure/total")
    ),
    *(label for label in PROCUREMENT if label.target == "/procurement/total"),
    Label(re.compile(r"政府采购规模"), "/procurement/total"),
    Label(
        re.compile(
            r"(?:政府采购)?(?:面向|授予)?中小(?:微)?企业(?:的)?(?:采购)?合同(?:总)?(?:金额|额)?"
        ),
        "/procurement/sme",
    ),
    *ASSETS,
)
#: Words a label may end with that do not change what it names ("公务接待费支出决算").
_TRAILING: Final = re.compile(r"(?:支出|经费|费用|预算|决算|数|总额|合计)+$")
#: Labels of totals, the figures documents state again and again: only these are taken for
#: the same figure when stated twice; two lines of one name ("单价", a masked "****支出")
#: are more often two figures.
_RESTATABLE: Final = re.compile(r"^[^*]*(?:总计|合计|总额|总数|收入总|支出总)[^*]*$")
_SHARE_BASE: Final = re.compile(
    r"^占(?:全年|本年|当年)?(.*?)(?:的|的比重为?|的比例为?|比重为?|比例为?)?$"
)


@frozen
class _Key:
    """What makes two statements the same figure: label, fund part and year."""

    label: str
    scope: str
    prior: bool


@define
class _Node:
    """A statement being read: its ledger path, label, parts and what identifies it."""

    path: str
    label: str
    key: _Key
    children: list[_Node] = field(factory=list)
    partial: bool = True


class StatementReader:
    """Reads the statements of one text into the ledger; :meth:`nodes` gives them."""

    def __init__(
        self, ledger: Ledger, sections: Sequence[Section], year: int | None, final: bool
    ) -> None:
        self.ledger = ledger
        self.text = ledger.text.text
        self.year = year
        self.final = final
        self.sections = sections
        self.roots: list[_Node] = []
        self.by_key: dict[_Key, _Node] = {}  # the first statement of each label
        self.field_keys: dict[str, _Key] = {}
        headings = [
            (m.start(), _scope(m.group(1) or m.group(2))) for m in _HEADING_LINE.finditer(self.text)
        ]
        self.heading_starts = [start for start, _ in headings]
        self.heading_scopes = [scope for _, scope in headings]
        # A figure whose sentence ends "…如下：" heads the numbered items that follow it.
        self.last: _Node | None = None
        self.last_field: tuple[str, str, int] | None = None
        #: The first field the part readers read in the current part: its figure.
        self.section_field: tuple[str, str, int] | None = None
        self.mirrors: dict[str, tuple[_Node, int]] = {}  # by the field they stand for
        self.list_head: _Node | None = None
        self.list_style: str | None = None
        #: The whole the last share that named one is of, and where: "A…占支出总额的60%；B…占
        #: 40%" — B's share, naming none, is of the same whole within the sentence.
        self.share_whole: tuple[int, str] | None = None

    # -- the pass ----------------------------------------------------------------
    def read(self) -> None:
        """Read every sentence outside the parts that hold no figures."""
        for section in self.sections:
            if section.kind in (SectionKind.GLOSSARY, SectionKind.DUTIES, SectionKind.TABLES):
                continue
            if section.kind in (SectionKind.PERFORMANCE_OVERALL, SectionKind.KEY_PROJECTS):
                continue
            start = section.heading if section.heading >= 0 else section.start
            self.last = self.list_head = None
            self.last_field = self.section_field = None
            for s_start, s_end in sentences(self.text, max(start, section.start), section.end):
                self._sentence(s_start, s_end, self._scope_at(s_start))

    def _field_head(self, start: int, end: int) -> tuple[str, str, int] | None:
        """The field the part readers read the sentence's first figure into, before any 其中:
        (path, label, offset), when there is one."""
        stop = _list_marker(self.text, start, end)
        numbers = self.ledger.numbers
        found = None
        for number in numbers.between(start, stop if stop >= 0 else end):  # type: ignore[attr-defined]
            use = self.ledger.uses.get(number.start)
            if number.money is not None and use is not None and use[1] is not None:
                found = (number, use[1])
        if found is None:
            return None
        for number, used in (found,):
            path, _, name = used.rpartition("/")
            if name not in ("amount", "change", "prior") or path.startswith("/statements"):
                return None
            # Named as the field's own label reads where it was read, else by the field.
            place = self.ledger.places.get(path, number.start)
            label_start = _label_start(self.text, start, place + 1)
            label, _ = _label(self.text[label_start : number.start], label_start)
            if label is None or _COMPARISON.search(self.text, label_start, number.start):
                label = _FIELD_NAMES.get(path) or _THREE_PUBLIC_NAMES.get(path) or path
            return path, label, number.start
        return None

    def _part_field(self, parent: _Node, label: str) -> str | None:
        """The field a part of a field's 其中 list names, when the model has it and it is free:
        "支出合计…，其中基本支出…万元，项目支出…万元" fills 基本支出 and 项目支出."""
        whole = next((f for f, (node, _) in self.mirrors.items() if node is parent), None)
        labels = _PARTS_OF.get(whole or "")
        if not labels:
            return None
        bare = _TRAILING.sub("", label) or label
        for candidate in labels:
            if candidate.pattern.fullmatch(label) or candidate.pattern.fullmatch(bare):
                path = _plain(candidate)
                if path is not None and not self.ledger.has(path):
                    return path
        return None

    def _mirror(self, path: str, label: str, offset: int, scope: str, prior: bool) -> _Node:
        """A statement standing for a field whose 其中 parts no field holds, with its amount:
        "上级补助收入合计120万元，其中：转移支付补助100万元…" adds up there. One per field: the
        year before's list ("2021年…合计为…，其中：…") adds its parts' priors to it."""
        if path in self.mirrors:
            return self.mirrors[path][0]
        node = self._new(label, _Key(_normal(label) + "·其中", scope, False), None)
        self.mirrors[path] = (node, offset)
        slot = self.ledger.slots.get(path, {})
        for name in ("amount", "change"):  # what the parts add up to; the field keeps the rest
            if slot.get(name) is not None:
                self.ledger.put(node.path, name, slot[name], None, offset)
        return node

    def _scope_of(self, offset: int) -> str:
        """The fund a figure at ``offset`` is of: the one its sentence names before it, else
        its part's heading's."""
        text = self.text
        reach = max(0, offset - _CLAUSE_REACH)
        start = max(text.rfind("\n", reach, offset), text.rfind("。", reach, offset), reach - 1) + 1
        return _scope(text[start:offset]) or self._scope_at(offset)

    def _scope_at(self, offset: int) -> str:
        """The fund the nearest heading line before ``offset`` names ("" when it names none)."""
        index = bisect_right(self.heading_starts, offset) - 1
        return self.heading_scopes[index] if index >= 0 else ""

    def _unused(self, start: int, end: int) -> Numbers:
        numbers = self.ledger.numbers
        between = (
            numbers.between(start, end)
            if isinstance(numbers, Numbers)
            else [n for n in numbers if start <= n.start < end]
        )
        # A number a part reader could not place is this pass's to read.
        return Numbers(n for n in between if not self.ledger.is_used(n) or self.ledger.is_unread(n))

    def _sentence(self, start: int, end: int, scope: str) -> None:
        self._read_sentence(start, end, scope)
        if "比" in self.text[start:end] or "较" in self.text[start:end]:
            self._second_comparisons(start, end)

    def _read_sentence(self, start: int, end: int, scope: str) -> None:
        numbers = self.ledger.numbers
        if (
            isinstance(numbers, Numbers)
            and not numbers.figures_between(start, end)
            and self.list_head is None
            and "如下" not in self.text[start:end]
        ):
            return  # no amount, no percent: nothing to state, no list to start or end
        item = ITEM_MARKER.match(self.text, start, end)
        if item is not None and self.list_head is not None:
            style = _style(item.group())
            if self.list_style is None:
                self.list_style = style
            elif style != self.list_style:
                self.list_head = None
        elif (
            item is None
            and self.list_head is not None
            and _HEADING_LIKE.match(self.text, start, end)
        ):
            self.list_head = None
        unused = self._unused(start, end)
        if _AS_FOLLOWS.search(self.text, start, end + 1):
            announced = self.last
            if announced is None and self.last_field is not None:
                announced = self._mirror(*self.last_field, self._scope_at(start), False)
            self.list_head, self.list_style = announced, None
        field_head = self._field_head(start, end)
        if field_head is not None and item is None:
            self.last, self.last_field = None, field_head
            if self.section_field is None:
                self.section_field = field_head
        if self._budget_columns(start, end):
            return
        if "分别" in self.text[start:end] or "占" in self.text[start:end]:
            self._respectively(start, end)  # shares only may be listed too
            self._said_shares(start, end)
            unused = self._unused(start, end)
        if not any(n.money is not None for n in unused):
            return
        opening = YEAR_OPENING.search(self.text, start, min(end, start + 12))
        prior = (
            self.year is not None
            and opening is not None
            and opening.start() - start <= 2
            and int(opening.group(1)) == self.year - 1
        )
        pos = start
        head: _Node | None = None  # the sentence's first statement: a 其中 list is its parts
        listing = False
        qizhong = _list_marker(self.text, start, end)
        last: tuple[_Node, int] | None = None  # the last statement read, and where
        child: tuple[_Node, int] | None = None  # the last part of the 其中 list, and its end
        for number in unused:
            if number.start < pos or self.ledger.is_used(number) or number.money is None:
                continue
            label_start = _label_start(self.text, pos, number.start)
            raw = self.text[label_start : number.start]
            if 0 <= qizhong < number.start and not listing:  # (once: the list starts once)
                # The 其中 list's whole is the last figure before 其中: a statement read here, or
                # a field a part reader took (then a statement standing for it).
                preceding = last if last is not None and last[1] < qizhong else None
                if field_head is not None and (preceding is None or field_head[2] > preceding[1]):
                    head = self._mirror(*field_head, scope, prior)
                else:
                    head = preceding[0] if preceding is not None else None
                listing = head is not None
            # A clause that names its own year ("…，2025年“三公”经费预算数…") is of that year.
            named = _INNER_YEAR.search(raw)
            clause_prior = prior
            if named is not None and self.year is not None:
                clause_prior = int(named.group()[:4]) == self.year - 1
            label, core_end = _label(raw, label_start)
            if label is None and not raw and self.text[number.start - 1 : number.start] == "，":
                # "支出总计,315.62万元": a comma where a digit was dropped, the label before it.
                before = _label_start(self.text, pos, number.start - 1)
                label, _ = _label(self.text[before : number.start - 1], before)
                core_end = number.start
            subject = None
            if label is None and _GENERIC_LINK.fullmatch(raw):
                # "2019年公务接待17批次，136人次，支出1.62万元": the sentence's subject is named.
                label = subject = self._subject(start, label_start)
            if label is None:
                pos = number.unit_end
                continue
            # An item inside brackets ("（其中：运行维护费1920万元，购置经费146万元），减少12万元")
            # ends at the bracket: what follows it is said of the figure before the bracket.
            near = max(start, label_start - _CLAUSE_REACH)
            inside = self.text.rfind("（", near, label_start) > self.text.rfind(
                "）", near, label_start
            )
            reach = min(end, number.unit_end + _CLAUSE_REACH)
            close = self.text.find("）", number.start, reach) if inside else -1
            # A clause ends within a few dozen characters of its amount; reading no further
            # keeps a sentence of thousands of figures linear.
            stop = close if close >= 0 else min(end, number.unit_end + _CLAUSE_REACH)
            clause = read_clause(
                self.text,
                unused,
                core_end,
                stop,
                final=self.final,
                unit=self.ledger.unit.label,
                year=self.year,
                note_end=stop,
            )
            said = (clause.amount, clause.prior, clause.budget_initial, clause.change)
            if all(v is None for v in said) and clause.budget_change is None:
                pos = number.unit_end
                continue
            consumed = [n.unit_end for n in clause.numbers]
            pos = max([number.unit_end, *consumed, *(clause.note[1:] if clause.note else ())])
            # an average ("平均每辆1.76万元", "人均") is said of the list's whole, not a part of it
            parent = head if listing and not _AVERAGE.search(raw) else None
            if listing and _opened_after(self.text, max(qizhong, near), number.start):
                # "（包括购置费6.10亿元、运行费27.85亿元）": the parts of the item before the bracket,
                # not of the list's whole — nested under it when it is a statement here.
                inner = child is not None and _opened_after(
                    self.text, max(child[1], near), number.start
                )
                parent = child[0] if inner and child is not None else None
            if parent is None and head is None and item is not None and self.list_head is not None:
                parent = self.list_head  # "1.工资福利支出较上年增…" under "基本支出…如下："
            if subject is not None and self._same_as_field(subject, clause, label_start):
                continue  # the subject's figure again, with what else the sentence says of it
            # The fund the sentence names before the label is the figure's ("全区政府性基金预算
            # 收入…，收入合计58.3亿元").
            node = self._put(
                label, self._scope_of(label_start), clause_prior, clause, label_start, parent
            )
            if node is not None and not listing:
                last = (node, number.start)
            if node is not None and listing and parent is head:
                child = (node, number.unit_end)
            heads_list = parent is not None and parent is self.list_head
            if node is not None and head is None and not listing and not heads_list:
                self.last = node
            if clause.note is not None:
                self.ledger.remark(*clause.note)

    # -- lists read in order ------------------------------------------------------
    def _respectively(self, start: int, end: int) -> None:
        """ "货物、工程、服务政府采购规模分别为0.81亿元、0.05亿元和0.46亿元，占全市政府采购规模比例
        为61.36%、3.79%和34.85%": names and values in the same order, each value its name's."""
        text, ledger = self.text, self.ledger
        figures: list[str] = []  # the paths of the last list's figures, for the shares after it
        for match in _RESPECTIVELY.finditer(text, start, end):
            values = self._values_after(match.end(), end)
            if not values:
                continue
            if values[0].is_percent and all(v.is_percent for v in values):
                base = _SHARE_BASE_WORDS.search(text, max(start, match.start() - 24), match.end())
                whole = None
                if base is not None:
                    whole = self._field_of(base.group(1)) or self._whole_of(base.group(1))
                if not figures or len(figures) != len(values):
                    # "A、B、C分别占全市政府采购规模的p、q、r": shares only, of a named whole.
                    figures = self._share_list(text, start, match.start(), values, whole)
                    if not figures:
                        continue
                for path, number in zip(figures, values, strict=True):
                    ledger.put_percent(path, "share", number, None)
                    if whole is not None and not path.startswith("/procurement/"):
                        ledger.put(path, "share_of", whole, None, number.start)
                figures = []
                continue
            if values[0].money is None or any(v.money is None for v in values):
                continue
            names = _names(
                text[_list_start(text, start, match.start()) : match.start()], len(values)
            )
            if names is None:
                continue
            figures = []
            for name, number in zip(names, values, strict=True):
                field_path = self._field_of(name) or self._part_of(name)
                if field_path is None or ledger.has(field_path):
                    key = _Key(_normal(name), self._scope_of(number.start), False)
                    path = self._new(name, key, None).path
                else:
                    path = field_path
                ledger.put_amount(path, "amount", number)
                ledger.places.setdefault(path, number.start)
                figures.append(path)

    def _part_of(self, name: str) -> str | None:
        """A part of procurement its name gives ("货物政府采购规模" is 货物), when it names one."""
        if "采购" not in name:
            return None
        core = re.sub(r"(?:政府)?采购.*$", "", name) or name
        for label in PROCUREMENT:
            if label.target != "/procurement/total" and label.pattern.fullmatch(core):
                return _plain(label)
        return None

    def _subject(self, start: int, at: int) -> str | None:
        """The one field label that opens the sentence before ``at``, as written, when what
        stands between it and ``at`` holds no figure (only counts)."""
        found = [
            m
            for candidate in (*THREE_PUBLIC, *OPERATION)
            for m in [candidate.pattern.search(self.text, start, at)]
            if m is not None
        ]
        if len(found) != 1 or found[0].start() - start > 12:
            return None
        if self.ledger.numbers.figures_between(found[0].end(), at):  # type: ignore[attr-defined]
            return None
        return found[0].group()

    def _same_as_field(self, label: str, clause: Clause, offset: int) -> bool:
        """Whether ``clause`` states again the figure of the field ``label`` names, with the
        same amount: then what it adds goes to that field."""
        path = self._field_of(label)
        if path is None or clause.amount is None or not self.ledger.has(path):
            return False
        parsed = self.ledger.money(clause.amount)
        if parsed is None or parsed[0] != self.ledger.slots[path].get("amount"):
            return False
        self._restate(path, clause, offset)
        return True

    def _second_comparisons(self, start: int, end: int) -> None:
        """ "“三公”经费42.6万元，比上年预算数下降12.46%，比上年决算数下降9.8%": the same
        figure compared again with another base, a statement of its own (“…（比上年决算数）”)
        with the figure's amount, so each comparison is checked against its own base."""
        text, ledger = self.text, self.ledger
        pos = start
        for number in self._unused(start, end):
            if number.start < pos or (ledger.is_used(number) and not ledger.is_unread(number)):
                continue
            if number.money is None and not number.is_percent:
                continue
            clause_start = _list_start(text, max(start, number.start - _CLAUSE_REACH), number.start)
            base = _SECOND_BASE.match(text, clause_start, number.start)
            if base is None:
                continue
            owner = self._compared_before(start, clause_start)
            if owner is None:
                continue
            path = owner[0]
            stop = min(end, number.unit_end + _CLAUSE_REACH)
            clause = read_clause(
                text,
                self._unused(clause_start, stop),
                clause_start,
                stop,
                final=self.final,
                unit=ledger.unit.label,
                year=self.year,
                note_end=stop,
            )
            if clause.amount is not None or (clause.change is None and clause.percent is None):
                continue
            name = f"{self._name_of(path)}（{base.group('base')}）"
            key = _Key(_normal(name), self._scope_of(clause_start), False)
            node = self._new(name, key, None)
            ledger.put(node.path, "amount", ledger.slots[path]["amount"], None, clause_start)
            apply(ledger, node.path, clause, clause_start)
            pos = max([number.unit_end, *(n.unit_end for n in clause.numbers)])

    def _compared_before(self, start: int, at: int) -> tuple[str, Number] | None:
        """The figure whose amount the sentence states last before ``at``, when a comparison
        of it was read already: (its path, the amount's number)."""
        numbers = self.ledger.numbers
        reach = max(start, at - _CLAUSE_REACH)  # linear on a sentence of thousands of figures
        for number in reversed(numbers.between(reach, at)):  # type: ignore[attr-defined]
            if number.money is None:
                continue
            use = self.ledger.uses.get(number.start)
            if use is None or use[1] is None:
                return None
            path, _, name = use[1].rpartition("/")
            if name in ("change", "prior", "budget_change", "budget_initial"):
                continue  # the first comparison's own figures
            if name != "amount":
                return None
            compared = any(self.ledger.has(path, n) for n in ("percent", "change", "prior"))
            return (path, number) if compared and self.ledger.has(path) else None
        return None

    def _name_of(self, path: str) -> str:
        """The name a figure's path is known by in the text."""
        names = {**_FIELD_NAMES, **_THREE_PUBLIC_NAMES}
        if path in names:
            return names[path]
        for node in self.roots:
            if node.path == path:
                return node.label
        return path.rsplit("/", 1)[-1]

    def _budget_columns(self, start: int, end: int) -> bool:
        """ "2023年预算数2150.40万元，调整数2386.75万元，决算数2386.75万元，增加236.35万元": a
        line of a 决算 with no label, the budget, adjusted budget and final columns of its part's
        figure (the first field the part states) — a final column that differs from that figure
        is a restatement."""
        if not self.final or self.section_field is None:
            return False
        found = _BUDGET_COLUMNS.match(self.text, start, end)
        if found is None:
            return False
        path, label, offset = self.section_field
        if not path.endswith("/total") or not self.ledger.has(path):
            return False
        numbers = {n.start: n for n in self._unused(start, end)}
        picked = [numbers.get(found.start(g)) for g in ("initial", "full", "final", "change")]
        initial, full, final, change = picked
        if initial is None or final is None or (found.group("full") and full is None):
            return False
        if initial.money is None or final.money is None:
            return False
        word = found.group("word")
        clause = Clause(
            amount=final,
            budget_initial=initial,
            budget_full_year=full,
            budget_change=(change, word) if change is not None and word else None,
            mode="budget",
            context=tuple(n for n in (self._year_number(found),) if n is not None),
        )
        parsed = self.ledger.money(final)
        if parsed is None or parsed[0] == self.ledger.slots[path].get("amount"):
            self._restate(path, clause, offset)
            return True
        # Another final figure: a restatement of the part's figure, and the line's own columns
        # checked with the final figure they state.
        self._restate(path, Clause(amount=final), offset)
        key = _Key(_normal(label) + "·决算列", self._scope_of(start), False)
        node = self._new(f"{label}（预算数、决算数）", key, None)
        apply(self.ledger, node.path, clause, start)
        return True

    def _year_number(self, found: re.Match[str]) -> Number | None:
        for number in self._unused(found.start("year"), found.end("year")):
            return number
        return None

    def _said_shares(self, start: int, end: int) -> None:
        """ "…合同金额2.4亿元，授予中小企业合同总金额占全县政府采购规模的87.62%": a figure named
        again, with no amount, and its share of a named whole."""
        text, ledger = self.text, self.ledger
        for number in self._unused(start, end):
            if not number.is_percent:
                continue
            clause_start = _list_start(text, max(start, number.start - _CLAUSE_REACH), number.start)
            said = _SAID_SHARE.fullmatch(text, clause_start, number.start)
            if said is None:
                continue
            label, base = said.group(1), said.group(2)
            path = self._field_of(label) or self._whole_of(label)
            whole = self._field_of(base) or self._whole_of(base)
            if path is None or whole is None or path == whole or not ledger.has(whole):
                continue
            if not ledger.has(path) or ledger.has(path, "share"):
                continue
            ledger.put_percent(path, "share", number, None)
            if not path.startswith("/procurement/"):
                ledger.put(path, "share_of", whole, None, number.start)

    def _share_list(
        self, text: str, start: int, at: int, values: Sequence[Number], whole: str | None
    ) -> list[str]:
        """The statements a list of shares only is of, one per name before ``at``; none
        unless the whole is a figure of the text."""
        if whole is None or not self.ledger.has(whole):
            return []
        words = text[_list_start(text, start, at) : at]
        names = _names(_SHARE_OPENING.sub("", words), len(values))
        if names is None:
            return []
        paths = []
        for name, number in zip(names, values, strict=True):
            key = _Key(_normal(name), self._scope_of(number.start), False)
            node = self._new(name, key, None)
            self.ledger.places.setdefault(node.path, number.start)
            paths.append(node.path)
        return paths

    def _values_after(self, start: int, end: int) -> list[Number]:
        """The numbers that follow ``start`` one after another, parted only by 、和及与，."""
        found: list[Number] = []
        pos = start
        for number in self._unused(start, min(end, start + _CLAUSE_REACH)):
            gap = self.text[pos : number.start]
            if gap.strip("、和及与，为是 ") or (found and not gap):
                break
            found.append(number)
            pos = number.unit_end
        return found if len(found) >= 2 else []

    # -- one figure --------------------------------------------------------------
    def _put(
        self,
        label: str,
        scope: str,
        prior: bool,
        clause: Clause,
        offset: int,
        parent: _Node | None,
    ) -> _Node | None:
        key = _Key(_normal(label), scope, prior)
        if prior and clause.amount is not None and clause.prior is None:
            # "2021年度…支出 16.45 万元" in a 2022 document: the figure's year before.
            clause = evolve(clause, amount=None, prior=clause.amount)
            key = _Key(key.label, scope, False)
        path = self._field(label, key) if parent is None else None
        if path is not None:
            if self.ledger.has(path):
                self._restate(path, clause, offset)
            else:
                apply(self.ledger, path, clause, offset)
            return None
        part = self._part_field(parent, label) if parent is not None else None
        if part is not None:
            apply(self.ledger, part, clause, offset)  # "支出合计…，其中基本支出…": the field
            return None
        if parent is not None:
            twin = next((c for c in parent.children if _normal(c.label) == key.label), None)
            if twin is not None and (prior or not self.ledger.has(twin.path)):
                apply(self.ledger, twin.path, clause, offset)  # the year before of the same part
                return twin
        existing = self.by_key.get(key)
        if existing is not None and parent is None and _RESTATABLE.search(label):
            self._restate(existing.path, clause, offset)
            return existing
        node = self._new(label, key, parent)
        clause, whole = self._share_of(clause, parent, offset)
        apply(self.ledger, node.path, clause, offset)
        if whole is not None:
            self.ledger.put(node.path, "share_of", whole, None, offset)
        return node

    def _share_of(
        self, clause: Clause, parent: _Node | None, offset: int
    ) -> tuple[Clause, str | None]:
        """A share that names its whole ("占政府采购支出总额的8.4%"): the path of that whole,
        when it is not the parent's; a share of a whole the text states nowhere is left out
        (and its number said not understood). A share that names none after one that did,
        in the same sentence ("…占支出总额的78.9%；社会保障和就业支出…占11.9%"), is of the
        same whole."""
        base = clause.share_base
        if clause.share is None:
            return clause, None
        if not base:
            carried = self.share_whole
            if parent is None and carried is not None and self._one_sentence(carried[0], offset):
                self.share_whole = (offset, carried[1])
                return clause, carried[1]
            return clause, None
        if parent is not None and _normal(base) in (_normal(parent.label), ""):
            return clause, None
        path = self._field_of(base) or self._whole_of(base)
        if path is not None and self.ledger.has(path):
            self.share_whole = (offset, path) if parent is None else None
            return clause, path
        self.ledger.unread(clause.share, f"a share of {base}, which the text states no figure for")
        return evolve(clause, share=None), None

    def _one_sentence(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is within one sentence (no 。 or paragraph between)."""
        between = self.text[start:end]
        return (
            0 <= end - start <= _CLAUSE_REACH * 4 and "。" not in between and "\n\n" not in between
        )

    def _whole_of(self, base: str) -> str | None:
        """The statement a share's whole names: by its label, else by its label without the
        region's words ("占一般公共预算收入的" after "地方一般公共预算收入完成…")."""
        wanted = _normal(base)
        for node in self.roots:
            if _normal(node.label) == wanted:
                return node.path
        wanted = _normal(_WHOLE_REGION.sub("", base))
        found = [n for n in self.roots if _normal(_WHOLE_REGION.sub("", n.label)) == wanted]
        return found[0].path if len(found) == 1 else None

    def _field_of(self, label: str) -> str | None:
        label = _REGION.sub("", label)
        bare = _TRAILING.sub("", label)
        for candidate in _FIELDS:
            if candidate.pattern.fullmatch(label) or candidate.pattern.fullmatch(bare):
                return _plain(candidate)
        return None

    def _field(self, label: str, key: _Key) -> str | None:
        """The field a label names without doubt, if it is free (or this is its restatement)."""
        label = _REGION.sub("", label)
        bare = _TRAILING.sub("", label)
        for candidate in _FIELDS:
            if not (candidate.pattern.fullmatch(label) or candidate.pattern.fullmatch(bare)):
                continue
            path = _plain(candidate)
            if path is None:
                return None
            first = self.field_keys.get(path)
            if first is None and not self.ledger.has(path):
                self.field_keys[path] = key
                return path
            if first is None and path in self.ledger.places:
                # Filled by a part reader: the same figure if stated in the same fund's part.
                first = _Key(key.label, self._scope_of(self.ledger.places[path]), key.prior)
                self.field_keys[path] = first
            return path if first == key and _RESTATABLE.search(label) else None
        return None

    def _new(self, label: str, key: _Key, parent: _Node | None) -> _Node:
        if parent is None:
            path = f"/statements/{len(self.roots)}/{label}"
            node = _Node(path, label, key)
            self.roots.append(node)
            self.by_key.setdefault(key, node)
            return node
        taken = {c.label for c in parent.children}
        name = label
        while name in taken or name == parent.label:
            name += "（另）"
        node = _Node(f"{parent.path}/{name}", name, key)
        parent.children.append(node)
        return node

    def _restate(self, path: str, clause: Clause, offset: int) -> None:
        """The same figure stated again: an equal amount is one more mention of it; another
        amount is a restatement RPT001 checks; what else the clause says is added."""
        ledger = self.ledger
        if clause.amount is not None and ledger.has(path):
            parsed = ledger.money(clause.amount)
            first = ledger.slots[path].get("amount")
            if parsed is not None and parsed[0] != first:
                where = ledger.where(clause.amount.start)
                ledger.restate(path, clause.amount, Restatement(parsed[0], where))
            elif parsed is not None:
                ledger.mark(clause.amount, f"{path}/amount")
            clause = _without_amount(clause)
        apply(ledger, path, clause, offset)

    def _take_over(self) -> None:
        """A 三公 total whose 其中 list holds more than the 三公 items ("…会议费12.60万元、培训费
        8.45万元"): the document's total is not the model's “三公” total. It becomes a
        statement with the whole list as its parts, and the field is left empty — SG001 would
        otherwise report a difference the document never claims."""
        total = "/three_public/total"
        entry = self.mirrors.get(total)
        ledger = self.ledger
        if entry is None or not entry[0].children or not ledger.slots.get(total):
            return
        node, offset = entry
        start = max(self.text.rfind("\n", 0, offset), self.text.rfind("。", 0, offset)) + 1
        end = min(
            i
            for i in (self.text.find("。", offset), self.text.find("\n", offset), len(self.text))
            if i >= 0
        )
        listed = self.text.find("其中", start, end)
        items: list[tuple[int, _Node]] = []
        for number in ledger.numbers.between(listed, end):  # type: ignore[attr-defined]
            use = ledger.uses.get(number.start)
            path = use[1] if use is not None else None
            if (
                path is None
                or not path.startswith("/three_public/")
                or not path.endswith("/amount")
            ):
                continue
            item = path.removesuffix("/amount")
            if item != total and all(c.path != item for _, c in items):
                name = _THREE_PUBLIC_NAMES.get(item, item)
                items.append((number.start, _Node(item, name, _Key(item, "", False))))
        if not items:
            return
        ledger.slots[node.path] = {**ledger.slots.get(node.path, {}), **ledger.slots.pop(total)}
        if total in ledger.places:
            ledger.places[node.path] = ledger.places.pop(total)
        for start_at, (disposition, used, reason) in list(ledger.uses.items()):
            if used is not None and used.startswith(total + "/"):
                ledger.uses[start_at] = (disposition, node.path + used[len(total) :], reason)
        node.children[:0] = [child for _, child in items]
        node.partial = False

    # -- the result --------------------------------------------------------------
    def nodes(self) -> tuple[Node, ...]:
        """The statements read, as lines of the budget."""
        self._take_over()
        stand_ins = {id(node) for node, _ in self.mirrors.values()}
        kept = [
            index
            for index, n in enumerate(self.roots)
            if self._stated(n) and (n.children or id(n) not in stand_ins)
        ]
        # The numbers read into a statement name it by its place among those kept.
        self.ledger.renumber("/statements/", {old: new for new, old in enumerate(kept)})
        return tuple(self._node(self.roots[index]) for index in kept)

    def _stated(self, node: _Node) -> bool:
        return bool(self.ledger.slots.get(node.path)) or any(self._stated(c) for c in node.children)

    def _node(self, node: _Node) -> Node:
        children = [self._node(c) for c in node.children if self._stated(c)]
        built = self.ledger.node(node.path, code=None, name=node.label, children=children)
        complete = _complete(node.label, [c.name for c in children], self.year)
        return evolve(built, partial=bool(children) and node.partial and not complete)


#: Parts that make up a whole, by the whole's name: basic spending is its economic classes
#: 工资福利支出 (301), 商品和服务支出 (302), 对个人和家庭的补助 (303); a list naming all of them
#: is the whole breakdown, and its changes add up to the whole's.
_WHOLES: Final = {"基本支出": frozenset({"301", "302", "303"})}


def _complete(label: str, parts: Sequence[str], year: int | None) -> bool:
    """Whether ``parts`` are all the parts of ``label`` (so that they must add up to it)."""
    whole = next((c for name, c in _WHOLES.items() if _normal(label) == _normal(name)), None)
    if whole is None or not parts:
        return False
    codes = {_economic_code(name, year or 2025) for name in parts}
    return None not in codes and whole <= codes


def _economic_code(name: str, year: int) -> str | None:
    """The economic class a name states, as texts vary it ("对个人和家庭补助支出" is 303)."""
    for variant in (name, name.removesuffix("支出"), name.replace("的", "").removesuffix("支出")):
        code = code_for(variant, "department", year)
        if code is not None:
            return code
    bare = name.replace("的", "").removesuffix("支出")
    for official in ("对个人和家庭的补助",):
        if bare == official.replace("的", ""):
            return code_for(official, "department", year)
    return None


def _style(marker: str) -> str:
    """The numbering style of a list marker: 1. and 2. are one list, （一） another."""
    if marker[0].isdigit():
        return "digit"
    if marker.startswith("（") and marker[1:2].isdigit():
        return "paren-digit"
    return "chinese"


#: "分别为", "分别是", "分别占": a list of names followed by their values in order.
_RESPECTIVELY: Final = re.compile(
    r"分别(?:为|是|达到?|占[^，。；\d%]{0,16}?(?:的|比例为?|(?=\d)))?|(?<=[，。；])占[^，。；\d%]{0,16}?比例为"
    r"|(?<=[，。；])占[^，。；\d%]{2,16}?的(?=\d+(?:\.\d+)?%[、和])"
)
#: A label of a generic word only, after a comma: "，支出2.05万元".
_GENERIC_LINK: Final = re.compile(r"(?:实际)?(?:支出|开支|经费|费用)(?:金额)?(?:为|共计?|合计)?")
#: A comparison with another base, after a first one: "，比上年决算数字下降…", "；比2014年执行数".
_SECOND_BASE: Final = re.compile(
    r"(?:比|较|与)(?P<base>(?:上年|去年|(?:19|20)\d\d\s*年)度?(?:年初)?(?:预算|决算|执行)(?:数字|数)?)"
    r"(?:相比)?(?:增加|减少|增长|下降|上升|降低|增|减)"
)
#: A 决算 line of columns with no label: year, 预算数, 调整数, 决算数 and the difference.
_AMOUNT: Final = r"\d+(?:\.\d+)?(?:万元|亿元|元)"
_BUDGET_COLUMNS: Final = re.compile(
    r"\s*\d?(?P<year>(?:19|20)\d\d)年度?(?:年初)?预算数?为?(?P<initial>" + _AMOUNT + r")[，,]"
    r"(?:调整(?:后)?(?:预算)?数?为?(?P<full>" + _AMOUNT + r")[，,])?"
    r"(?:支出)?决算数?为?(?P<final>" + _AMOUNT + r")"
    r"(?:[，,](?:比预算|较预算)?(?P<word>增加|减少|节约|超支)(?P<change>" + _AMOUNT + r"))?"
    r"[。；]?\s*$"
)
#: A figure named again with its share of a whole and no amount: "A占B的" before the percent.
_SAID_SHARE: Final = re.compile(
    r"([^，。；：、\d%]{2,24}?)(?:金额|总额|总金额)?占([^，。；：、\d%]{2,16}?)的?(?:比重|比例)?为?"
)
#: What opens a list of names before its shares: "从采购方式看，", "其中，".
_SHARE_OPENING: Final = re.compile(r"^.*?(?:看|来看|而言|其中)[，：]?")
_SHARE_BASE_WORDS: Final = re.compile(
    r"占((?:全市|全区|全县|全省|全镇)?[^，。；\d%的]{2,14}?)(?:的|比例)"
)


def _list_start(text: str, start: int, end: int) -> int:
    """Where the list of names before ``end`` starts: after the clause's last punctuation."""
    found = max(text.rfind(mark, start, end) for mark in "，；：。\n")
    return found + 1 if found >= 0 else start


#: What opens a list of a figure's parts: 其中, or the main items it is used for (主要用于 …,
#: a partial list like any 其中 list the reader cannot tell complete).
_LIST_MARKER: Final = re.compile(r"其中|主要用于|主要包括")
#: Words of an average, which is no part of the figure it is an average of.
_AVERAGE: Final = re.compile(r"平均|人均|车均|单车|每辆|每人|每次|每天")


def _list_marker(text: str, start: int, end: int) -> int:
    """Where the first list of parts in ``text[start:end]`` starts, or -1."""
    found = _LIST_MARKER.search(text, start, end)
    return -1 if found is None else found.start()


def _names(words: str, count: int) -> list[str] | None:
    """``count`` names from "货物、工程、服务政府采购规模" (the last one's extra words are all
    of theirs: 货物政府采购规模 …), or ``None`` when the words are not that many names."""
    words = _LEAD.sub("", _INNER_YEAR.sub("", words)).strip()
    items = [w for w in words.split("、") if w]
    if len(items) == count - 1 and items:
        last = re.split(r"(?<=[^\d])(?:和|及|与)(?=[^\d])", items[-1])
        if len(last) == 2:
            items[-1:] = last
    if len(items) != count or any(not _HAS_WORD.search(i) and len(i) < 2 for i in items):
        return None
    tail = _shared_tail(items) if count > 1 else ""
    if tail:
        items = [i + tail for i in items[:-1]] + [items[-1]]
    return items


#: Words the last name of a list carries for all of them ("…、服务政府采购规模", "…、谈判规模").
_TAIL_WORDS: Final = re.compile(
    r"(?:政府)?(?:采购)?(?:规模|支出|经费|费用|金额|收入|资金|预算数?|决算数?)(?:总额|合计)?"
)


def _shared_tail(items: Sequence[str]) -> str:
    """The words the last name carries for all, or "" when the names are whole.

    The tail is an ending of :data:`_TAIL_WORDS` the other names lack; of those, the one
    that leaves the last name as long as the others are ("货物、工程、服务政府采购规模":
    服务 + 政府采购规模; "竞争性谈判、公开招标、询价采购规模": 询价采购 + 规模).
    """
    last, others = items[-1], items[:-1]
    size = Fraction(sum(len(i) for i in others), len(others))
    tails = [
        last[at:]
        for at in range(1, len(last))
        if _TAIL_WORDS.fullmatch(last[at:]) and not any(i.endswith(last[at:]) for i in others)
    ]
    return min(tails, key=lambda t: abs(len(last) - len(t) - size), default="")


def _opened_after(text: str, start: int, end: int) -> bool:
    """Whether a bracket opened in ``text[start:end]`` is still open at ``end``."""
    opened = text.rfind("（", start, end)
    return opened >= 0 and text.rfind("）", opened, end) < 0


def _without_amount(clause: Clause) -> Clause:
    return evolve(clause, amount=None)


def _plain(label: Label) -> str | None:
    target = label.target
    return target if target.startswith("/") else None


def _label_start(text: str, pos: int, number_start: int) -> int:
    """Where the label of the amount at ``number_start`` starts (not before ``pos``)."""
    start = pos
    inside = [
        range(m.start(), m.end()) for m in _WORD_IN_BRACKETS.finditer(text, pos, number_start)
    ]
    for match in _BOUNDARY.finditer(text, pos, number_start):
        if not any(match.start() in span for span in inside):
            start = match.end()
    return start


def _label(raw: str, offset: int) -> tuple[str | None, int]:
    """The label's words (or ``None``) and where they end in the text.

    A comparison before the number ends the label: "基本支出预算较上年增23.4万元" is
    基本支出 changing by 23.4, read from "较上年增" on.
    """
    compared = _COMPARISON.search(raw)
    if compared is not None:
        raw = raw[: compared.start()]
    link = _LINK.search(raw)
    core = raw[: link.start()] if link is not None else raw
    core_end = offset + len(core)
    lead = _LEAD.match(core)
    words = core[lead.end() :] if lead is not None else core
    words = words.strip(" ：，、")
    if ITEM_MARKER.match(words):
        words = ITEM_MARKER.sub("", words, count=1)
    words = _INNER_YEAR.sub("", words)  # "公务用车购置及运行费2019年财政拨款": the year's
    words = _DEFINITION.sub("", words)  # "教育经费（包括教育事业费、…）": what it includes
    if not words or not _HAS_WORD.search(words) or any(c.isdigit() for c in words):
        return None, core_end
    if _ONLY_COMPARISON.search(words) or _NOT_A_LABEL.match(words) or len(words) > 30:
        return None, core_end
    if _GENERIC.fullmatch(words):
        return None, core_end
    return words, core_end


def _normal(label: str) -> str:
    """A label as compared with another: without the words two statements of it vary in."""
    return re.sub(
        r"(?:支出|预算|决算|数|经费|费用|费)$", "", label.replace("“", "").replace("”", "")
    )


def _scope(title: str) -> str:
    """The fund a heading (or a sentence before a label) names last, which a statement's
    identity includes; "" when it names none."""
    found = [(title.rfind(word), name) for word, name in _FUNDS if word in title]
    return max(found)[1] if found else ""
