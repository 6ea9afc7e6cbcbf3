"""Shares (占比, 份额比例): each stated share is part ÷ whole, and a breakdown's shares add to 100%.

Publishers round shares, sometimes truncate them, and often move one last-place
unit so that a breakdown adds up to exactly 100% (largest-remainder rounding):
all of these are consistent and said so.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from operator import attrgetter
from typing import Final

from attrs import evolve

from govbudget.figure import Figure, StatedPercent
from govbudget.model import DepartmentBudget, Income
from govbudget.rounding import (
    Exact,
    Outcome,
    Stated,
    adjusted_to_100,
    check_sum,
    check_truncated_sum,
    decimal_fraction,
    ratio_range,
)
from govbudget.rules._facts import SPENDING_KINDS, expenditure_total, parents, trees_of
from govbudget.rules._labels import label
from govbudget.rules._support import (
    FIGURE_FIELDS,
    figure_at,
    figures_with,
    memo,
    money,
    percent_observation,
    place,
    stated,
)
from govbudget.rules.base import Diagnosis, Observation, Record, Rule, Scale, Severity, deferring
from govbudget.table import TableKind
from govbudget.tree import Node

__all__ = ["RULES"]

#: A part of a breakdown: (path, zh, en, figure, line). A tree's line (``line`` the line
#: itself) is named when its check is read: ``path`` and ``zh``/``en`` are then the path
#: above it and the tree's names, completed by the line's key and label (see :func:`_names`).
Part = tuple[str, str, str, Figure, Node | None]
#: (path, zh, en, whole, parts, whether the parts make up the whole)
Breakdown = tuple[str, str, str, Figure, Sequence[Part], bool]


def _names(part: Part) -> tuple[str, str, str]:
    """The path and the Chinese and English names of a breakdown's part."""
    path, zh, en, _figure, line = part
    if line is None:
        return path, zh, en
    return f"{path}/{line.key}", f"{zh} {line.label}", f"{en}, {line.label}"


#: The parts named by their field, each (path, zh, en), formed once.
_FIXED: Final[dict[tuple[str, str], tuple[str, str, str]]] = {}


def _fixed(section: str, name: str) -> tuple[str, str, str]:
    found = _FIXED.get((section, name))
    if found is None:
        found = _FIXED[section, name] = (f"/{section}/{name}", *label(section, name))
    return found


#: The fields of each call of :func:`_named`, each with its part's (path, zh, en), formed once
#: (by section and field names, never by budget).
_FIELDS: Final[dict[tuple[str, tuple[str, ...]], tuple[tuple[str, str, str, str], ...]]] = {}


def _named(section: str, owner: object, names: tuple[str, ...]) -> list[Part]:
    """The fields ``names`` of ``owner`` that are stated and not as none (无), as parts named
    by their labels."""
    fields = _FIELDS.get((section, names))
    if fields is None:
        fields = _FIELDS[section, names] = tuple((n, *_fixed(section, n)) for n in names)
    return [
        (path, zh, en, f, None)
        for n, path, zh, en in fields
        if (f := getattr(owner, n)) is not None and not f.none_stated
    ]


def _lines(path: str, zh: str, en: str, lines: Sequence[Node]) -> list[Part]:
    """The tree lines ``lines`` not stated as none (无), as parts named when read."""
    return [(path, zh, en, n, n) for n in lines if not n.none_stated]


def _breakdowns(budget: DepartmentBudget) -> Iterator[Breakdown]:
    """The breakdowns of the budget, without parts stated as none (无): those have no share
    to state."""
    income, spending, procurement = budget.income, budget.expenditure, budget.procurement
    if income is not None:
        yield from _income_breakdowns(income)
    if spending is not None and (found := expenditure_total(spending, budget)) is not None:
        whole = found[1]
        yield (
            "/expenditure",
            "支出",
            "expenditure",
            whole,
            _named("expenditure", spending, SPENDING_KINDS),
            True,
        )
        for tree in ("by_function", "by_economic"):
            roots = getattr(spending, tree)
            path, zh, en = _fixed("expenditure", tree)
            yield path, zh, en, whole, _lines(path, zh, en, roots), True
    general = budget.appropriation
    if (
        general is not None
        and general.by_function
        and general.general_public is not None
        and general.general_public.total is not None
        and not _general_public_table(budget)
    ):
        # "一般公共预算财政拨款支出940万元，主要用于：一般公共服务支出（类）800万元，占85.11%…":
        # each class a share of the fund's total (with its table, TAB012 checks them).
        path, zh, en = _fixed("appropriation", "by_function")
        yield (
            path,
            zh,
            en,
            general.general_public.total,
            _lines(path, zh, en, general.by_function),
            not general.function_partial,
        )
    if procurement is not None and procurement.total is not None:
        parts = _named("procurement", procurement, ("goods", "works", "services"))
        yield "/procurement", "政府采购", "procurement", procurement.total, parts, True
        if procurement.sme is not None:
            yield (
                "/procurement",
                "政府采购",
                "procurement",
                procurement.total,
                _named("procurement", procurement, ("sme",)),
                False,
            )
    three = budget.three_public
    if three is not None and three.total is not None:
        vehicles = (
            ("vehicles",)
            if three.vehicles is not None
            else ("vehicle_purchase", "vehicle_operation")
        )
        items = _named("three_public", three, ("overseas", "reception", *vehicles))
        yield "/three_public", "“三公”经费", "three public expenses", three.total, items, True
    # A tree's lines are looked at only when one of them states a share at all.
    if not any(isinstance(item[3], Node) for item in _stating_shares(budget)):
        return
    for tree_path, tree_zh, tree_en, roots in trees_of(budget):
        for keys, node in parents(roots):
            # A line none of whose parts states a share has nothing to check: not named.
            if any(c.share is not None for c in node.children):
                prefix = f"{tree_path}/{'/'.join(keys)}"
                yield (
                    prefix,
                    f"{tree_zh} {node.label}",
                    f"{tree_en}, {node.label}",
                    node,
                    _lines(prefix, tree_zh, tree_en, node.children),
                    not node.partial,
                )


def _general_public_table(budget: DepartmentBudget) -> bool:
    """Whether the budget holds its general public budget's spending table."""
    wanted = (TableKind.FINAL_GENERAL_PUBLIC, TableKind.BUDGET_GENERAL_PUBLIC)
    return any(table.kind in wanted for table in budget.tables)


_FUNDS: Final = ("general_public", "government_fund", "state_capital")
_OTHERS: Final = ("business", "operating", "higher_subsidy", "affiliated", "other")
#: The fund fields of an income, read by one C-level getter.
_FUNDS_OF: Final = attrgetter(*_FUNDS)
#: The sources of income a breakdown lists: the funds instead of 财政拨款收入, or it.
_BY_FUNDS: Final = (*_FUNDS, *_OTHERS)
_BY_APPROPRIATION: Final = ("appropriation", *_OTHERS)


def _income_breakdowns(income: Income) -> Iterator[Breakdown]:
    """The sources of income as the totals rule counts them (财政拨款 or its funds, the other
    sources and income lines, and 使用非财政拨款结余 and 上年结转结余 in a 收入总计) make up the whole; the funds
    beside a stated 财政拨款收入 are its 其中 lines, each a share of the whole too."""
    whole = income.total if income.total is not None else income.grand_total
    if whole is None:
        return
    funds = _FUNDS_OF(income)
    funds_instead = income.appropriation is None and any(funds)
    parts = _named("income", income, _BY_FUNDS if funds_instead else _BY_APPROPRIATION)
    parts += _lines("/income/lines", "收入", "income", income.lines)
    if income.total is None:
        parts += _named("income", income, ("surplus_used", "carryover"))
    # Without 财政拨款收入 (or its funds) the stated sources need not make up the whole.
    complete = income.appropriation is not None or funds_instead
    yield "/income", "收入", "income", whole, parts, complete
    # A breakdown of figures all stated as none (无) still has its whole read (SHR001).
    if not funds_instead and funds != (None, None, None):
        yield "/income", "收入", "income", whole, _named("income", income, _FUNDS), False
    if (
        income.total is not None
        and income.grand_total is not None
        and (income.surplus_used is not None or income.carryover is not None)
    ):
        carryover = _named("income", income, ("surplus_used", "carryover"))
        yield "/income", "收入总计", "grand total of income", income.grand_total, carryover, False


def _units(value: Decimal) -> tuple[int, int]:
    """A percent as written, as ``units ÷ scale`` on integers (``12.50`` → 1250 ÷ 100), as
    :func:`~govbudget.rounding.check_ratio` reads it."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    units = int("".join(map(str, digits)))
    if exponent >= 0:
        return (-units if sign else units) * 10**exponent, 1
    return -units if sign else units, 10**-exponent


def rounds_to(percent: Decimal, numerator: Exact, denominator: Exact) -> bool:
    """Whether ``numerator ÷ denominator`` (not zero), rounded half away from zero to the
    decimals ``percent`` is written with, is ``percent``: the exact case of
    :func:`~govbudget.rounding.check_ratio`, on integers (``False`` for other numbers)."""
    if not isinstance(numerator, int) or not isinstance(denominator, int):
        return False
    units, scale = _units(percent)
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    rounded = (2 * abs(numerator) * scale + denominator) // (2 * denominator)
    return (-rounded if numerator < 0 else rounded) == units


def share_defined(whole: Stated) -> bool:
    """Whether a share of ``whole`` can be computed: its interval does not reach zero (as
    :func:`~govbudget.rounding.ratio_range` has it)."""
    value, half = whole.value, whole.half
    return not value - half <= 0 <= value + half


def _share_records(budget: DepartmentBudget, breakdown: Breakdown) -> Iterator[Record]:
    """SHR001's checks of one breakdown: a share that rounds to what is stated, deferred."""
    whole_value = stated(budget, breakdown[3])
    if whole_value is None:
        return
    whole = whole_value.value
    defined = share_defined(whole_value)
    for part in breakdown[4]:
        figure = part[3]
        share = figure.share
        # A share whose whole the text names (share_of) is SHR003's, not this breakdown's.
        if share is None or figure.share_of is not None:
            continue
        amount = figure.amount  # its stated value: a part stated as none (无) is no part here
        if amount is None:
            continue
        # A share of a whole that can be zero is exact only as 0% of nothing.
        exact = (
            rounds_to(share.signed, 100 * amount.fen, whole)
            if defined
            else share.value == 0 and amount.fen == 0
        )
        if exact:
            yield (_observe_share, budget, breakdown, part, whole_value)
        else:
            yield _observe_share(budget, breakdown, part, whole_value)


def _adds_to_100(breakdown: Breakdown) -> bool:
    """Whether the breakdown is complete, each of its parts states a share of it and the
    shares add up to exactly 100."""
    parts = breakdown[4]
    shared = [p[3].share for p in parts if p[3].share is not None and p[3].share_of is None]
    return (
        breakdown[5]
        and len(shared) == len(parts) > 1
        and sum(decimal_fraction(s.value) for s in shared if s is not None) == 100
    )


def _observe_share(
    budget: DepartmentBudget, breakdown: Breakdown, part: Part, whole_value: Stated
) -> Observation:
    """SHR001's check of the share of ``part`` in ``breakdown`` (whose whole is
    ``whole_value``)."""
    figure = part[3]
    share = figure.share
    part_value = stated(budget, figure)
    assert share is not None
    assert part_value is not None
    path, zh, en = _names(part)
    location = place(path + "/share", zh, en, figure)
    computed = ratio_range(part_value, whole_value)
    if computed is None:
        fine = share.value == 0 and part_value.value == 0
        return Observation(
            outcome=Outcome.EXACT if fine else Outcome.INCONSISTENT,
            location=location,
            scale=Scale.percent(share.decimals),
            params={
                "stated": str(share.value),
                "message_zh": "{where}：写明占比 {stated}%，但合计为零，占比无从计算",
                "message_en": "{where}: stated share {stated}%, but the whole is zero,"
                " so no share can be computed",
            },
            severity=None if fine else Severity.WARNING,
            diagnosis=None
            if fine
            else Diagnosis(
                "zero_whole",
                "合计为零，占比无意义",
                "the whole is zero, so no share is defined",
            ),
        )
    observation = percent_observation(
        location=location,
        percent=share,
        computed=computed,
        magnitude=False,
        formula="占比 = 部分 ÷ 合计 × 100%",
    )
    verdict = observation.verdict
    if (
        observation.outcome is Outcome.INCONSISTENT
        and verdict is not None
        and _adds_to_100(breakdown)
    ):
        adjusted = adjusted_to_100(verdict, Fraction(1, 10**share.decimals))
        if adjusted is not verdict:
            observation = evolve(observation, outcome=adjusted.outcome, verdict=adjusted)
    return observation


def _stating_shares(budget: DepartmentBudget) -> tuple[tuple[str, str, str, Figure], ...]:
    """The figures that state a share, in the order of
    :func:`~govbudget.rules._support.figures_with`: once per ``validate()``, from the figures
    with any field that the execution rules look in too."""
    return memo(
        budget,
        "shares.stating",
        lambda: tuple(
            item for item in figures_with(budget, *FIGURE_FIELDS) if item[3].share is not None
        ),
    )


def _named_shares(budget: DepartmentBudget) -> Iterator[Record]:
    """Each share whose whole the text names (占基本支出的 60%) equals the amount ÷ that figure.

    Why: the named whole is often a different total than the breakdown's (基本支出, 采购总额 …);
    a share on the wrong one shows here. A share within the figures' rounding range passes.
    Example: 人员经费 54 占基本支出 62 的 87.10% holds (54 ÷ 62 = 87.097%).
    """
    for path, zh, en, figure in _stating_shares(budget):
        share, whole_path = figure.share, figure.share_of
        if share is None or whole_path is None:
            continue
        found = figure_at(budget, whole_path)
        part_value = stated(budget, figure)
        whole_value = None if found is None else stated(budget, found[2])
        if found is None or part_value is None or whole_value is None:
            continue
        if not share_defined(whole_value):
            continue  # no share can be computed: nothing to check
        if rounds_to(share.signed, 100 * part_value.value, whole_value.value):
            yield (_observe_named_share, budget, path, zh, en, figure)
        else:
            yield _observe_named_share(budget, path, zh, en, figure)


def _observe_named_share(
    budget: DepartmentBudget, path: str, zh: str, en: str, figure: Figure
) -> Observation:
    """SHR003's check of ``figure``'s share of the whole it names."""
    share, whole_path = figure.share, figure.share_of
    assert share is not None
    assert whole_path is not None
    found = figure_at(budget, whole_path)
    assert found is not None
    part_value, whole_value = stated(budget, figure), stated(budget, found[2])
    assert part_value is not None
    assert whole_value is not None
    computed = ratio_range(part_value, whole_value)
    assert computed is not None
    return percent_observation(
        location=place(path + "/share", zh, en, figure),
        percent=share,
        computed=computed,
        magnitude=False,
        formula=f"占比 = {zh} ÷ {found[0]} × 100%",
        params={"whole_zh": found[0], "whole_en": found[1]},
    )


def _stated_breakdowns(budget: DepartmentBudget) -> list[Breakdown]:
    """The breakdowns without parts stated as none (无): those have no share to state.

    Named once per ``validate()`` for SHR001 and SHR002."""
    return memo(budget, "shares.breakdowns", lambda: list(_breakdowns(budget)))


def _sums_to_100(shares: Sequence[StatedPercent]) -> bool:
    """Whether the shares as written add up to exactly 100, on integers."""
    written = [_units(s.value) for s in shares]
    scale = max(s for _, s in written)
    return sum(units * (scale // s) for units, s in written) == 100 * scale


def _shares(budget: DepartmentBudget) -> Iterator[Record]:
    """Each stated share (占比) of a breakdown equals part ÷ whole × 100 at its own decimals: income
    sources, spending kinds and classes, procurement kinds, the “三公” parts and tree lines.

    Why: a share taken from another year or a mistyped amount shows here; rounded or truncated
    shares pass, and a share moved by one last-place unit so the shares add to 100% passes
    as adjusted. A share of a zero whole is a warning.
    Example: 项目支出 45 ÷ 支出合计 150 = 30%，写作 30.00% holds.
    """
    for breakdown in _stated_breakdowns(budget):
        # A breakdown no part of which states a share makes no check; its whole need not be
        # read then, unless it is written with fewer decimals (stated() notes it for the
        # read-as-written pass, crediting the next check).
        if breakdown[3].written or _any_share(breakdown[4]):
            yield from _share_records(budget, breakdown)


def _any_share(parts: Sequence[Part]) -> bool:
    """Whether any of ``parts`` states a share (most breakdowns' parts state none)."""
    # A loop rather than any() over a generator: no generator per breakdown, and most stop
    # at their first part.
    for part in parts:  # noqa: SIM110
        if part[3].share is not None:
            return True
    return False


def _all_shares(parts: Sequence[Part]) -> bool:
    """Whether every one of ``parts`` states a share."""
    for part in parts:  # noqa: SIM110 (as in _any_share)
        if part[3].share is None:
            return False
    return True


def _hundred(budget: DepartmentBudget) -> Iterator[Record]:
    """The shares of a complete breakdown add up to 100% (each share's rounding allowed).

    Why: shares that miss 100% mean one was mistyped or a part left out; truncated shares fall
    short by less than one last place and pass; the shares of a text that lists only some
    parts may add up to the share of the whole those parts make.
    Example: 基本支出占 70% + 项目支出占 30% = 100% holds; 70% + 20% fails.
    """
    for breakdown in _stated_breakdowns(budget):
        parts, complete = breakdown[4], breakdown[5]
        if not complete or len(parts) < 2 or not _all_shares(parts):
            continue
        total = stated(budget, breakdown[3])
        if total is None or total.value == 0:
            continue
        if _sums_to_100([p[3].share for p in parts if p[3].share is not None]):
            yield (_observe_hundred, budget, breakdown)
        else:
            yield _observe_hundred(budget, breakdown)


def _observe_hundred(budget: DepartmentBudget, breakdown: Breakdown) -> Observation:
    """SHR002's check of one complete breakdown whose every part states a share."""
    path, zh, en, whole, parts, _complete = breakdown
    total = stated(budget, whole)
    assert total is not None
    shares = [p[3].share for p in parts if p[3].share is not None]
    decimals = max(s.decimals for s in shares)
    values = [Stated(decimal_fraction(s.value), Fraction(1, 2 * 10**s.decimals)) for s in shares]
    verdict = check_truncated_sum(Fraction(100), values)
    printed = [stated(budget, p[3]) for p in parts]
    diagnosis = None
    if verdict.outcome is Outcome.INCONSISTENT and all(p is not None for p in printed):
        amounts = [p for p in printed if p is not None]
        parts_total = sum(Fraction(p.value) for p in amounts)
        if check_sum(total, amounts).outcome is Outcome.INCONSISTENT:
            # The parts listed are not the whole breakdown (a text that lists some of
            # the sources): their shares add up to the share of the whole they make up.
            of_listed = check_truncated_sum(parts_total * 100 / Fraction(total.value), values)
            if of_listed.outcome is not Outcome.INCONSISTENT:
                verdict = evolve(verdict, outcome=Outcome.WITHIN_ROUNDING, min_gap=Fraction(0))
        elif parts_total != total.value:
            # The parts are the whole, within rounding; shares that add up to what the
            # printed parts add up to were taken from the rounded amounts.
            scale = money(budget, whole)
            summed = scale.show(parts_total) + scale.label
            printed_whole = scale.show(Fraction(total.value)) + scale.label
            diagnosis = Diagnosis(
                "shares_of_rounded_amounts",
                f"各项占比按舍入后的金额计算（各项之和 {summed}，合计 {printed_whole}）",
                f"the shares were taken from the rounded amounts (the parts add up to "
                f"{summed}, the whole is {printed_whole})",
            )
    return Observation(
        outcome=verdict.outcome,
        # at the sentence the first share is stated in
        location=place(
            path + "/shares", f"{zh}各项占比之和", f"{en}: sum of the shares", parts[0][3]
        ),
        verdict=verdict,
        scale=Scale.percent(decimals),
        params={"count": str(len(values))},
        diagnosis=diagnosis,
        formula="Σ 占比 = 100%",
    )


RULES: Final = (
    Rule(
        id="SHR001",
        family="shares",
        severity=Severity.ERROR,
        title_zh="占比等于部分除以合计",
        title_en="A stated share equals the part divided by the whole",
        message_zh="{where}：写明占比 {stated}%，按金额计算为 {computed}%（舍入范围 {low}%～{high}%）",
        message_en="{where}: stated share {stated}%, the amounts give {computed}% (rounding range {low}% to {high}%)",
        formula="占比 = 部分 ÷ 合计 × 100%，按所写小数位；尾差调整使合计为 100% 时视为一致",
        check=deferring(_shares),
        example="一般公共预算财政拨款收入 2174.38 ÷ 2380.56 = 91.339%，写作 91.34%（一致）",
    ),
    Rule(
        id="SHR002",
        family="shares",
        severity=Severity.ERROR,
        title_zh="各项占比之和为 100%",
        title_en="The shares of a breakdown add up to 100%",
        message_zh="{where}：{count} 项占比之和 {computed}%，应为 100%",
        message_en="{where}: the {count} shares add up to {computed}%, not 100%",
        formula="Σ 占比 = 100%（允许各项舍入误差之和）",
        check=deferring(_hundred),
        example="基本支出占 31.46% + 项目支出占 68.54% = 100%",
    ),
    Rule(
        id="SHR003",
        family="shares",
        severity=Severity.ERROR,
        title_zh="写明基数的占比等于该数除以基数",
        title_en="A share of a named whole equals the figure divided by that whole",
        message_zh="{where}：写明占{whole_zh}的 {stated}%，按金额计算为 {computed}%（舍入范围 {low}%～{high}%）",
        message_en="{where}: stated {stated}% of {whole_en}, the amounts give {computed}% (rounding range {low}% to {high}%)",
        formula="占比 = 该数 ÷ 文中所写基数 × 100%，按所写小数位",
        check=deferring(_named_shares),
        example="授予中小企业合同金额 5915.87，占政府采购支出总额 28861.94 的 20.5%（一致）",
    ),
)
