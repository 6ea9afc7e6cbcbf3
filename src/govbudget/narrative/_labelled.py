"""Reading figures by their labels, part by part (internal).

Each part of a narrative names its figures with a few words ("收入总计",
"公务接待费", "货物类采购"). :func:`read_labelled` finds those labels sentence by
sentence and reads what follows each with :func:`~govbudget.narrative.patterns.read_clause`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from attrs import evolve, frozen

from govbudget.narrative._ledger import Ledger
from govbudget.narrative.patterns import (
    Clause,
    read_clause,
)
from govbudget.narrative.sections import SectionKind
from govbudget.narrative.text import ITEM_MARKER

# ---------------------------------------------------------------------------
# Labels: the words that name a figure, by part.

# A figure path; "fund:<field>" for the current fund of 财政拨款支出; "fund=<fund>" (its
# total) and "fund=<fund>:<field>" also make <fund> the current one.
Target = str


@frozen
class Label:
    pattern: re.Pattern[str]
    target: Target


def _labels(*pairs: tuple[str, Target]) -> tuple[Label, ...]:
    return tuple(Label(re.compile(p), t) for p, t in pairs)


#: 财政拨款收入支出总计: the 总计 of the 财政拨款收入支出决算总表, neither its income nor its spending
#: (the table's two sides have one 总计: "财政拨款收入总计…，财政拨款支出总计…" say it twice).
_APPROPRIATION_GRAND: Final = (
    r"财政拨款(?:收入[、和与及]?支出|收[、和与及]?支|收入|支出)(?:预算|决算)?总计"
    r"|财政拨款收支总(?:预算|决算)",
    "/appropriation/grand_total",
)
INCOME: Final = _labels(
    _APPROPRIATION_GRAND,
    (r"收入(?:预算)?总计|收入总预算|收支总预算|收支总计", "/income/grand_total"),
    (
        r"(?:本年)?收入(?:预算)?合计|本年收入(?:预算)?(?=较|比|与|为|是|\d)"
        r"|(?<=本单位|本部门|我单位|我部门)收入(?=为|是|共计|总额|：|\d)|(?<![^、.\n])收入(?=：)",
        "/income/total",
    ),
    (r"一般公共预算(?:财政)?拨款(?:收入)?", "/income/general_public"),
    (r"政府性基金(?:预算)?(?:财政)?拨款(?:收入)?", "/income/government_fund"),
    (r"国有资本经营预算(?:财政)?拨款(?:收入)?", "/income/state_capital"),
    (r"(?:本年)?财政拨款(?:（补助）)?收入", "/income/appropriation"),
    (r"事业单位经营收入|经营收入", "/income/operating"),
    (r"事业收入", "/income/business"),
    (r"上级补助收入", "/income/higher_subsidy"),
    (r"附属单位上缴收入", "/income/affiliated"),
    (r"其他收入", "/income/other"),
    (r"上年结转(?:结余|和结余)?(?:收入|资金)?|年初结转(?:和)?结余", "/income/carryover"),
    (r"使用非财政拨款结余(?:（使用专用结余）)?|使用专用结余", "/income/surplus_used"),
    (r"(?<!比)收入预算", "/income/grand_total"),
)
EXPENDITURE: Final = _labels(
    (r"支出(?:预算)?总计|支出总预算|支出预算总额", "/expenditure/grand_total"),
    (
        r"(?:本年)?支出(?:预算)?合计|本年支出(?:预算)?(?=较|比|与|为|是|\d)"
        r"|(?<=本单位|本部门|我单位|我部门)支出(?=为|是|共计|总额|：|\d)|(?<![^、.\n])支出(?=：)",
        "/expenditure/total",
    ),
    (r"预算支出|支出预算", "expenditure:any"),
    (r"年末结转(?:和)?结余(?:资金)?", "/final/carried_out"),
    (r"基本支出", "/expenditure/basic"),
    (r"项目支出", "/expenditure/project"),
    (r"上缴上级支出", "/expenditure/to_higher"),
    (r"(?:事业单位)?经营支出", "/expenditure/operating"),
    (r"对附属单位补助支出", "/expenditure/to_affiliated"),
    (r"人员经费", "/expenditure/personnel"),
    (r"公用经费", "/expenditure/public"),
)
#: Where a unit's own total may be named: after no other word, the year, 本部门 or 本单位 (not
#: "国家财政性教育经费总收入", a part of some larger total).
_OWN: Final = r"(?:(?<![\u4e00-\u9fff])|(?<=年)|(?<=年度)|(?<=本部门)|(?<=本单位))"
#: What a budget's overview says of its two totals besides what :data:`INCOME` and the first
#: of :data:`EXPENDITURE` read: "支出预算 1234.56 万元" beside "收入预算…", "总收入…，总支出…".
BUDGET_TOTALS: Final = _labels(
    (_OWN + r"支出预算(?=为|是|共计|\d)", "/expenditure/grand_total"),
    (_OWN + r"(?:部门)?(?:预算)?总收入(?:预算)?", "/income/grand_total"),
    (_OWN + r"(?:部门)?(?:预算)?总支出(?:预算)?", "/expenditure/grand_total"),
)
APPROPRIATION: Final = _labels(
    _APPROPRIATION_GRAND,
    (r"一般公共预算(?:财政拨款)?基本支出", "fund=general_public:basic"),
    (r"一般公共预算(?:财政拨款)?(?:当年)?(?:支出|拨款)(?:预算)?", "fund=general_public"),
    (r"政府性基金(?:预算)?(?:财政拨款)?(?:支出|拨款)(?:预算)?", "fund=government_fund"),
    (r"国有资本经营预算(?:财政拨款)?(?:支出|拨款)(?:预算)?", "fund=state_capital"),
    (r"财政拨款(?:支出)?(?:预算)?(?:总额|合计|总计)?", "fund=total"),
    (r"基本支出", "fund:basic"),
    (r"项目支出", "fund:project"),
    (r"人员经费", "fund:personnel"),
    (r"公用经费", "fund:public"),
)
FUND_SECTION: Final = {
    SectionKind.GOVERNMENT_FUND: _labels(
        (
            # Not the fund's own revenue ("政府性基金预算收入完成…"), which is no appropriation.
            r"政府性基金(?!(?:预算)?收入)(?:预算)?(?:财政拨款)?(?:收支|支出)?(?:预算)?",
            "/appropriation/government_fund/total",
        ),
    ),
    SectionKind.STATE_CAPITAL: _labels(
        (
            r"国有资本经营(?!(?:预算)?收入)(?:预算)?(?:财政拨款)?(?:收支|支出)?(?:预算)?",
            "/appropriation/state_capital/total",
        ),
    ),
}
OPERATION: Final = _labels((r"机关运行经费", "/institutional_operation"))
PROCUREMENT: Final = _labels(
    (
        r"政府采购(?!货物|工程|服务)(?:预算)?(?:支出|资金)?(?:总额|合计|总计|金额)?",
        "/procurement/total",
    ),
    (r"货物(?:类)?", "/procurement/goods"),
    (r"工程(?:类)?", "/procurement/works"),
    (r"服务(?:类)?", "/procurement/services"),
    (
        r"(?:面向|授予)?中小企业(?:及|和|与)小微企业|(?:面向|授予)?中小(?:微)?企业",
        "/procurement/sme",
    ),
)
ASSETS: Final = _labels((r"资产总额|资产总计|国有资产总额|资产合计", "/assets/total"))
ASSET_PARTS: Final = re.compile(
    r"流动资产|固定资产|无形资产|在建工程|对外投资|长期投资|长期股权投资|其他资产|公共基础设施"
)
THREE_PUBLIC: Final = _labels(
    (r"[“\"]?三公[”\"]?经费|“三公”", "/three_public/total"),
    (
        r"因公出国(?:（境）|、出境|\(境\))(?:费用?|经费|支出)?|因公出国（境）",
        "/three_public/overseas",
    ),
    (r"公务接待(?:费用?|经费|支出)?", "/three_public/reception"),
    (
        r"公务用车购置及运行(?:维护)?(?:费用?|经费)?|公车购置及运行(?:维护)?费?"
        r"|公务用车运行(?:维护)?(?:费)?及购置(?:费用?|经费)?|公车运行(?:维护)?及购置费?",
        "/three_public/vehicles",
    ),
    (
        r"公务(?:用)?车(?:辆)?购置(?:经费|费|支出)?|公车购置费?|车辆购置(?:费)?",
        "/three_public/vehicle_purchase",
    ),
    (
        r"公务(?:用)?车(?:辆)?(?:及)?运行(?:维护)?(?:费用?|经费)?|公车运行(?:维护)?费?|车辆运行(?:维护)?(?:费)?",
        "/three_public/vehicle_operation",
    ),
)
_NO_LABEL_BEFORE: Final = re.compile(r"(?:上年度?|去年度?|上一年度?|比|较|与|占)$")
#: Words before a label that make it a part of the region's figure (区直部门, 市级 …).
_PART_OF_REGION: Final = re.compile(
    r"(?:区直|市直|县直|区级|市级|县级|乡镇级|镇级|乡级)[^，。；：、\d]{0,14}$"
)
# A sentence can state a figure only with a Chinese word in it (a label, 持平, 原因 …).
_WORTH_READING: Final = re.compile(r"[\u4e00-\u9fff]")
_JOINED: Final = re.compile(r"[^\d，。；：、（）\n]{0,2}")
#: A year opening a sentence's lead ("2021年度…"), not a date (截至2024年12月).
YEAR_OPENING: Final = re.compile(r"(?<!截至)(?<!截止)((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月)")

# The figure a part is about, that a sentence without a label refers to.
HEADS: Final = {
    SectionKind.INCOME: ("/income/grand_total", "/income/total"),
    SectionKind.EXPENDITURE: ("/expenditure/grand_total", "/expenditure/total"),
    SectionKind.OPERATION: ("/institutional_operation",),
    SectionKind.PROCUREMENT: ("/procurement/total",),
    SectionKind.ASSETS: ("/assets/total",),
    SectionKind.THREE_PUBLIC: ("/three_public/total",),
    SectionKind.GOVERNMENT_FUND: ("/appropriation/government_fund/total",),
    SectionKind.STATE_CAPITAL: ("/appropriation/state_capital/total",),
}
NONE_STATED: Final = re.compile(
    r"(?:无|没有|未安排|未发生|不涉及)[^。，；\d]{0,20}?(?:预算|收支|支出|经费|资金|采购|资产)"
)


_YEAR_BEFORE: Final = re.compile(r"((?:19|20)\d\d)\s*年度?(?:的)?$")
_EXECUTED: Final = re.compile(r"执行数|决算数|实际支出|执行情况|实际执行")
_LISTS: Final = re.compile(r"(?:其中|包括|具体)")


def _closing(text: str, start: int, read: Read, stop: int) -> int | None:
    """Where the bracket the label of ``read`` stands in closes, if before ``stop``."""
    opened = text.rfind("（", start, read.label_start)
    if opened < 0 or opened < text.rfind("）", start, read.label_start):
        return None
    close = text.find("）", read.label_end, stop)
    return close if close >= 0 else None


def _after_bracket(text: str, clause: Clause, stop: int) -> int | None:
    """Where the words after a bracket right behind the clause's amount start, when the
    clause stopped inside it ("862.40万元（其中：…800万元…），占…")."""
    if clause.amount is None:
        return None
    opened = clause.amount.unit_end
    if opened >= stop or text[opened] != "（":
        return None
    close = text.find("）", opened, stop)
    if close < 0 or "（" in text[opened + 1 : close] or clause.end > close:
        return None
    after = close + 1
    while after < stop and text[after] in "，、 ":
        after += 1
    return after if after < stop else None


def _owner(text: str, start: int, reads: Sequence[Read], index: int) -> str | None:
    """The figure whose bracket the label of ``reads[index]`` stands in: the last label
    before the bracket opens, when it names a figure directly."""
    opened = text.rfind("（", start, reads[index].label_start)
    for read in reversed(reads[:index]):
        if read.label_start < opened:
            return read.target if read.target.startswith("/") else None
    return None


def _after_marker(text: str, start: int, end: int) -> int:
    """Where a sentence's words start, after its numbering ("1.", "（二）")."""
    match = ITEM_MARKER.match(text, start, end)
    return match.end() if match is not None else start


# ---------------------------------------------------------------------------
# Reading figures by label.


@frozen
class Read:
    label_start: int
    label_end: int
    target: Target
    clause: Clause


def sentences(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """The spans of the sentences of ``text[start:end]`` (ended by 。 or a line break)."""
    pos = start
    for match in re.finditer(r"[。\n]", text[start:end]):
        stop = start + match.end()
        if stop - 1 > pos:
            yield pos, stop - 1
        pos = stop
    if pos < end:
        yield pos, end


def _family(target: Target) -> str:
    return target.strip("/").split("/")[0].split(":")[0].split("=")[0]


def _label_matches(text: str, labels: Sequence[Label], start: int, end: int) -> list[Read]:
    found: list[tuple[int, int, Target]] = []
    for label in labels:
        for match in label.pattern.finditer(text, start, end):
            if match.end() == match.start():
                continue
            if _NO_LABEL_BEFORE.search(text[max(start, match.start() - 3) : match.start()]):
                continue
            if _PART_OF_REGION.search(text, max(start, match.start() - 16), match.start()):
                continue  # "区直…“三公”经费": a part of the region's, not the document's figure
            found.append((match.start(), match.end(), label.target))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    chosen: list[tuple[int, int, Target]] = []
    for item in found:
        if chosen and item[0] < chosen[-1][1]:
            continue
        if chosen and _JOINED.fullmatch(text, chosen[-1][1], item[0]):
            # Two labels in one phrase are one label: a part's ("政府采购货物支出" is 货物)
            # when both name the same part of the budget, else the first ("“三公”经费支出预算").
            if _family(chosen[-1][2]) == _family(item[2]):
                chosen[-1] = item
            continue
        chosen.append(item)
    return [Read(s, e, t, Clause()) for s, e, t in chosen]


#: The balances a 合计 of the year's own income or spending leaves out, by that 合计.
_BALANCES: Final = {
    "/income/total": ("/income/grand_total", ("/income/carryover", "/income/surplus_used")),
    "/expenditure/total": ("/expenditure/grand_total", ("/final/carried_out",)),
}


def _whole_with_balances(text: str, reads: list[Read]) -> list[Read]:
    """A 合计 whose list of parts names a balance ("收入合计1856.4万元，其中：…，上年结转36.4万元")
    is the 总计 the balance is a part of: the year's own 合计 leaves it out. Not when the label
    says it is the year's own ("本年收入合计")."""
    for index, read in enumerate(reads):
        whole = _BALANCES.get(read.target)
        if whole is None or text.startswith("本年", read.label_start):
            continue
        for later in reads[index + 1 :]:
            if later.target in whole[1] and _LISTS.search(text, read.label_end, later.label_start):
                reads[index] = evolve(read, target=whole[0])
                break
    return reads


def read_labelled(
    ledger: Ledger,
    labels: Sequence[Label],
    start: int,
    end: int,
    *,
    final: bool,
    resolve: Callable[[Target], str | None],
    head: Sequence[str] = (),
    year: int | None = None,
    prior_part: bool = False,
) -> list[str]:
    """Read every labelled figure in ``text[start:end]``; returns the paths touched, in order.

    A sentence without a label that states a change ("较上年无变化") is about the
    figure the previous sentence began with, or else the part's ``head``. A
    sentence that opens with the year before ``year`` ("2021年度“三公”经费合计支出
    16.45万元"), or any sentence of a ``prior_part``, states prior-year amounts.
    """
    text, numbers = ledger.text.text, ledger.numbers
    touched: list[str] = []
    last_sentence: list[str] = []
    # What a sentence without a label is about: the first figure of the last sentence that
    # was not a list of parts ("其中：…" lists the parts of the figure before it).
    subject: list[str] = []
    for s_start, s_end in sentences(text, start, end):
        if not _WORTH_READING.search(text, s_start, s_end):
            continue
        reads = _whole_with_balances(text, _label_matches(text, labels, s_start, s_end))
        this_sentence: list[str] = []
        lead_end = reads[0].label_start if reads else s_end
        # The year that opens the sentence ("2021年度…"), not one a comparison names further on
        # ("…，比2014年预算数减少…").
        opening = YEAR_OPENING.match(text, _after_marker(text, s_start, lead_end), lead_end)
        as_prior = prior_part or (
            year is not None and opening is not None and int(opening.group(1)) == year - 1
        )
        if as_prior and not final and _EXECUTED.search(text, s_start, s_end):
            # "2024年…执行数 1536.20 万元" in a 2025 预算 that compares with 上年预算数: the year
            # before's execution is not the prior its changes are taken against.
            continue
        # Where a reason ends at a ；: the labels a ； comes just before, in order.
        stops = tuple(
            r.label_start for r in reads if text[r.label_start - 1 : r.label_start] == "；"
        )
        lead = read_clause(
            text,
            numbers,
            s_start,
            lead_end,
            final=final,
            head_gap=40,
            note_end=s_end,
            note_stops=stops,
            unit=ledger.unit.label,
            year=year,
        )
        if (lead.amount is None and not lead.empty) or (lead.note and lead.empty):
            target = None
            if not lead.empty:
                target = subject[0] if subject else existing(ledger, head)
            if target is not None:
                apply(ledger, target, lead, s_start, allow_amount=False)
                this_sentence.append(target)
            elif lead.note and lead.empty and last_sentence:
                _distribute_reason(ledger, last_sentence, lead.note, s_start)
        if lead.note:
            ledger.remark(*lead.note)
        reached = lead.end if lead.note else s_start
        mode = lead.mode  # a comparison made once goes on for the sentence
        for index, read in enumerate(reads):
            if read.label_start < reached:
                continue
            stop = reads[index + 1].label_start if index + 1 < len(reads) else s_end
            # An item in brackets ends at the bracket; what follows the bracket is said of the
            # figure the bracket belongs to: "用车费2066万元（其中：运行费1920万元，购置费146
            # 万元），减少12万元" — the 12 is the 2066's change.
            close = _closing(text, s_start, read, stop)
            clause = read_clause(
                text,
                numbers,
                read.label_end,
                stop if close is None else close,
                final=final,
                note_end=s_end if close is None else close,
                note_stops=stops,
                unit=ledger.unit.label,
                year=year,
                mode=mode,
            )
            reached = clause.end
            mode = clause.mode or mode
            owner = _owner(text, s_start, reads, index) if close is not None else None
            if close is not None and owner is not None:
                after_start = close + 1
                while after_start < stop and text[after_start] in "，、 ":
                    after_start += 1
                _said_after(ledger, owner, after_start, stop, s_end, final, year)
            path = resolve(read.target)
            if path is not None and clause.empty and _states_none(text, read, s_start, stop):
                ledger.put(path, "none_stated", True, None, read.label_start)
                if clause.change is None:
                    flat = read_clause(text, numbers, read.label_end, stop, head_gap=stop)
                    clause = evolve(clause, change=flat.change)
                apply(ledger, path, clause, read.label_start)
                this_sentence.append(path)
                continue
            if path is None or (clause.empty and clause.note is None):
                continue
            if clause.empty and clause.note is not None:
                ledger.put_note(path, ledger.text.published(*clause.note), read.label_start)
                ledger.remark(*clause.note)
                continue
            between = text[reads[index - 1].label_end : read.label_start] if index else ""
            if index and this_sentence and is_enumerated(between):
                clause = move_tail(ledger, this_sentence[0], clause, read.label_start)
            # The year just before the label names the clause's year ("…，2015年三公经费
            # 预算拨入41.30万元" in a 2016 document), else the sentence's opening does.
            own_year = _YEAR_BEFORE.search(
                text, max(s_start, read.label_start - 8), read.label_start
            )
            clause_prior = as_prior
            if own_year is not None and year is not None:
                clause_prior = int(own_year.group(1)) == year - 1
            if clause_prior and clause.amount is not None and clause.prior is None:
                clause = evolve(clause, amount=None, prior=clause.amount)
            apply(ledger, path, clause, read.label_start)
            this_sentence.append(path)
            behind = _after_bracket(text, clause, stop)
            if behind is not None:
                # "财政拨款收入862.40万元（其中：…），占收入合计91.26%": what follows the
                # bracket of parts is said of the amount before it.
                _said_after(ledger, path, behind, stop, s_end, final, year)
        touched.extend(this_sentence)
        if this_sentence:
            last_sentence = this_sentence
            if not _LISTS.match(text, _after_marker(text, s_start, s_end), s_end):
                subject = this_sentence
    return touched


_NONE_BEFORE: Final = re.compile(r"(?:无|没有|未安排|未发生)$")
_NONE_AFTER: Final = re.compile(r"[^，。；\d]{0,4}?(?:没有|无|未安排|未发生)(?=[，。；]|$)")


def _said_after(
    ledger: Ledger, path: str, start: int, stop: int, s_end: int, final: bool, year: int | None
) -> None:
    """What ``text[start:stop]`` says of the figure at ``path`` without an amount of its own
    (a change, a percent, a share after the bracket the figure's parts are listed in)."""
    after = read_clause(
        ledger.text.text,
        ledger.numbers,
        start,
        stop,
        final=final,
        head_gap=2,
        note_end=s_end,
        unit=ledger.unit.label,
        year=year,
    )
    if after.amount is None and not after.empty:
        apply(ledger, path, after, start, allow_amount=False)


def _states_none(text: str, read: Read, start: int, stop: int) -> bool:
    """Whether the text says the labelled figure is none: "无因公出国（境）支出", "费用没有"."""
    if _NONE_BEFORE.search(text, max(start, read.label_start - 4), read.label_start):
        return True
    return _NONE_AFTER.match(text, read.label_end, stop) is not None


def is_enumerated(between: str) -> bool:
    """Whether a label follows the previous figure in a 、-list ("流动资产4万元、固定资产…")."""
    tail = between[-6:]
    return "、" in tail and "，" not in tail.split("、")[-1]


def move_tail(ledger: Ledger, head: str, clause: Clause, offset: int) -> Clause:
    """The year-on-year part of the last item of a 、-list belongs to the list's head."""
    if clause.prior is None and clause.change is None and clause.percent is None:
        return clause
    moved = evolve(clause, amount=None, share=None)
    apply(ledger, head, moved, offset, allow_amount=False)
    return evolve(clause, prior=None, change=None, percent=None, note=None)


def existing(ledger: Ledger, paths: Sequence[str]) -> str | None:
    return next((p for p in paths if ledger.has(p)), None)


def _distribute_reason(
    ledger: Ledger, paths: Sequence[str], span: tuple[int, int], offset: int
) -> None:
    """A reason sentence after a sentence of figures: one reason each to the last figures,
    or the whole reason to the last figure."""
    text = ledger.text
    pieces: list[tuple[int, int]] = []
    start = span[0]
    for match in re.finditer(r"[，；]", text.text[span[0] : span[1]]):
        pieces.append((start, span[0] + match.start()))
        start = span[0] + match.end()
    pieces.append((start, span[1]))
    if 1 < len(pieces) <= len(paths):
        # "原因：人员经费增加，项目经费缩减" after "…基本支出…，项目支出…": one each, in order.
        for path, piece in zip(paths[-len(pieces) :], pieces, strict=True):
            ledger.put_note(path, text.published(*piece), offset)
    else:
        ledger.put_note(paths[-1], text.published(*span), offset)


def apply(
    ledger: Ledger, path: str, clause: Clause, offset: int, allow_amount: bool = True
) -> None:
    ledger.places.setdefault(path, offset)
    if clause.amount is not None and allow_amount:
        ledger.put_amount(path, "amount", clause.amount)
    for name in ("prior", "budget_initial", "budget_full_year", "budget_difference"):
        number = getattr(clause, name)
        if number is not None:
            ledger.put_amount(path, name, number)
    if clause.change is not None:
        ledger.put_change(path, clause.change[0], clause.change[1])
    if clause.percent is not None:
        ledger.put_percent(path, "percent", clause.percent[0], clause.percent[1])
    if clause.share is not None:
        ledger.put_percent(path, "share", clause.share, None)
        parent, _, name = path.rpartition("/")
        if name in ("personnel", "public") and (clause.share_base or "").endswith("基本支出"):
            # "人员经费1580万元，占基本支出的89.77%": of its own basic spending, not of all.
            ledger.put(path, "share_of", f"{parent}/basic", None, clause.share.start)
    if clause.completion is not None:
        ledger.put_percent(path, "completion", clause.completion, None)
    if clause.budget_change is not None:
        ledger.put_change(path, clause.budget_change[0], clause.budget_change[1], "budget_change")
    if clause.budget_percent is not None:
        ledger.put_percent(
            path, "budget_percent", clause.budget_percent[0], clause.budget_percent[1]
        )
    if clause.note:
        ledger.put_note(path, ledger.text.published(*clause.note), offset)
        ledger.remark(*clause.note)
    for number in clause.context:
        ledger.context(number, "date")
