"""Year on year: stated changes, percents and direction words against the two years' figures.

For every figure with a prior-year value, a stated change or a stated percent:
change = current − prior; percent = change ÷ prior × 100 at the percent's own
decimals (with the prior implied as current − change when it is not stated);
the direction word (增加/减少/持平 …) matches the sign; and a total's change is
the sum of its parts' changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final, NamedTuple

from attrs import evolve, frozen

from govbudget.figure import DIRECTION_WORDS, Direction, Figure, StatedPercent, direction_of
from govbudget.model import DepartmentBudget, ThreePublic
from govbudget.rounding import (
    Exact,
    Outcome,
    Stated,
    check_sum,
    decimal_fraction,
    growth_range,
    implied_growth_range,
    ratio_range,
    round_half_up,
)
from govbudget.rules._facts import (
    SPENDING_KINDS,
    expenditure_total,
    parents,
    spending_kinds,
    trees_of,
)
from govbudget.rules._labels import label
from govbudget.rules._support import (
    figures_with,
    memo,
    money,
    percent_observation,
    place,
    stated,
)
from govbudget.rules.base import (
    Deferred,
    Diagnosis,
    Location,
    Observation,
    Record,
    Rule,
    Scale,
    Severity,
    deferring,
    observe,
    resolve,
)
from govbudget.tree import Node

__all__ = ["BUDGET", "PRIOR_YEAR", "RULES", "Basis", "Items"]

#: Figures with their paths and names, as :func:`~govbudget.rules._support.figures` gives them.
Items = Iterable[tuple[str, str, str, Figure]]


@frozen
class Basis:
    """What a stated change is against, and the words for its two figures.

    The year-on-year rules compare ``amount`` with ``prior``; the budget-execution
    rules use the same checks on a 决算 figure's amount against its budget, with
    the budget in ``prior`` (see :func:`~govbudget.rules.execution.against_budget`).
    """

    suffix: str  # the path suffix before /change, /percent, /direction
    current_zh: str
    current_en: str
    base_zh: str
    base_en: str
    wrong_base_zh: str  # the diagnosis of a percent taken against the current figure
    wrong_base_en: str


#: The year before: 本年 against 上年.
PRIOR_YEAR: Final = Basis(
    "",
    "本年",
    "current",
    "上年",
    "prior",
    "百分比按本年数而非上年数计算（增减额 ÷ 本年数）",
    "the percent was computed against the current year (change ÷ current) instead of the prior year",
)
#: The budget: a 决算 figure against its 年初/全年预算数.
BUDGET: Final = Basis(
    "/budget",
    "决算数",
    "final",
    "预算数",
    "budget",
    "百分比按决算数而非预算数计算（增减额 ÷ 决算数）",
    "the percent was computed against the final figure (change ÷ final) instead of the budget",
)


def _half(budget: DepartmentBudget, figure: Figure) -> Exact:
    return budget.precision_of(figure).half_width_fen


def _change_stated(
    budget: DepartmentBudget, figure: Figure, *, derived: bool = False
) -> Stated | None:
    """The stated change, signed by its word.

    Publishers often print the change as the difference of the two printed
    figures rather than the rounded true change; then it is good only to two
    half-widths. ``derived`` allows for that where the change is used on its own
    (to imply a prior, or summed with other changes); against the two figures
    it came from, one half-width is right either way.
    """
    if figure.change is None:
        return None
    if figure.change.value is None and figure.change.direction is not Direction.FLAT:
        return None
    half = _half(budget, figure)
    return Stated(figure.change.signed.fen, 2 * half if derived else half)


def _worded(figure: Figure) -> bool:
    return figure.change is not None and figure.change.word is not None


_SIGN_OF: Final = {Direction.UP: 1, Direction.DOWN: -1, Direction.FLAT: 0}
#: The sign each direction word states (1 up, −1 down, 0 flat), by the word as written.
_WORD_SIGNS: Final = {word: _SIGN_OF[direction] for word, direction in DIRECTION_WORDS.items()}


def _word_sign(word: str) -> int:
    """The sign ``word`` states: 1 (增加), −1 (减少) or 0 (持平)."""
    found = _WORD_SIGNS.get(word)
    return _SIGN_OF[direction_of(word)] if found is None else found


def _amount_fen(figure: Figure) -> int | None:
    """The figure's amount in fen as :func:`stated` reads it (a stated none is zero)."""
    if figure.none_stated:
        return 0
    amount = figure.amount
    # The rules' hot paths read an amount's fen from its slot (Amount.fen is a property).
    return None if amount is None else amount._fen


def _signed_change(figure: Figure) -> int | None:
    """The value of :func:`_change_stated` (the change signed by its word), in fen."""
    change = figure.change
    if change is None:
        return None
    if change.value is None:  # a word alone: only 持平 and its like state an amount (zero)
        return 0 if change.word is not None and _word_sign(change.word) == 0 else None
    return change.signed_fen


def _change(budget: DepartmentBudget) -> Iterable[Record]:
    """Each stated change (增减额) equals 本年数 − 上年数; with a word (增加/减少) its magnitude.

    Why: a change worked from misread figures, or left from last year's text, is a common slip;
    the publisher may print the difference of the two rounded figures, so a gap within their
    rounding passes. A word alone (与上年持平) states no amount and is YOY003's.
    Example: 本年 86.5、上年 92，写明“减少 5.5 万元” holds; “减少 6.5 万元” fails.
    """
    # change_records of figures_with(budget, "change"), found in the pass of _plan.
    return _made(*_plan(budget).changes)


def change_checks(budget: DepartmentBudget, items: Items, basis: Basis) -> Iterator[Observation]:
    """Each stated change of ``items`` against its two figures (YOY001, EXE003)."""
    return map(resolve, change_records(budget, items, basis))


def change_records(budget: DepartmentBudget, items: Items, basis: Basis) -> Iterator[Record]:
    """The checks of :func:`change_checks`, the exact ones deferred."""
    for path, zh, en, figure in items:
        change = figure.change
        if change is None or change.value is None:
            continue  # a word alone ("与上年持平") writes no amount: the word is YOY003's (EXE005's)
        prior = figure.prior
        current = _amount_fen(figure)
        if current is None or prior is None:
            continue
        if _change_fits(change.value.fen, change.word is not None, current - prior.fen):
            yield (_observe_change, budget, path, zh, en, figure, basis)
        else:
            yield _observe_change(budget, path, zh, en, figure, basis)


def _change_fits(magnitude: int, worded: bool, difference: int) -> bool:
    """Whether :func:`_observe_change` finds a change of ``magnitude`` fen exact against the
    two figures' ``difference``: with a word the number is a magnitude (the word's sign is
    YOY003's), else signed."""
    return abs(magnitude) == abs(difference) if worded else magnitude == difference


def _observe_change(
    budget: DepartmentBudget, path: str, zh: str, en: str, figure: Figure, basis: Basis
) -> Observation:
    """The observation of one stated change (:func:`change_records`)."""
    current, prior = stated(budget, figure), stated(budget, figure, "prior")
    change = _change_stated(budget, figure)
    assert current is not None
    assert prior is not None
    assert change is not None
    signs = [1, -1]
    if _worded(figure) and current.value < prior.value:
        # With a word the number is a magnitude; the word's sign is checked by YOY003.
        change = Stated(-change.value if change.value < 0 else change.value, change.half)
        signs = [-1, 1]
    elif _worded(figure):
        change = Stated(-change.value if change.value < 0 else change.value, change.half)
    verdict = check_sum(change, [current, prior], signs=signs)
    scale = money(budget, figure)
    return Observation(
        outcome=verdict.outcome,
        location=place(f"{path}{basis.suffix}/change", zh, en, figure),
        verdict=verdict,
        scale=scale,
        params={"current": scale.show(current.value), "prior": scale.show(prior.value)},
        formula=f"增减额 = {basis.current_zh} − {basis.base_zh}",
    )


def _percent(budget: DepartmentBudget) -> Iterable[Record]:
    """Each stated percent (增减率) equals (本年 − 上年) ÷ 上年 × 100 at its own decimals,
    with 上年 implied as 本年 − 增减额 when not stated.

    Why: a percent taken against 本年, or an amount written for the percent, is diagnosed; any
    percent within the figures' rounding range (truncated too) passes; 上年为零 has no percent,
    and a comparable-basis (同口径) percent on an unstated base is only a warning.
    Example: 本年 110、上年 100，“增长 10%” holds; “增长 9.09%” (÷ 本年) fails.
    """
    # percent_records of figures_with(budget, "percent"), found in the pass of _plan.
    return _made(*_plan(budget).percents)


def percent_checks(budget: DepartmentBudget, items: Items, basis: Basis) -> Iterator[Observation]:
    """Each stated percent of ``items`` against the change and its base (YOY002, EXE004)."""
    return map(resolve, percent_records(budget, items, basis))


def percent_records(budget: DepartmentBudget, items: Items, basis: Basis) -> Iterator[Record]:
    """The checks of :func:`percent_checks`, the exact ones deferred."""
    for path, zh, en, figure in items:
        percent = figure.percent
        if percent is None:
            continue
        if _percent_exact(figure, percent):
            yield (_percent_of, budget, path, zh, en, figure, basis)
            continue
        observation = _percent_of(budget, path, zh, en, figure, basis)
        if observation is not None:
            yield observation


def _percent_exact(figure: Figure, percent: StatedPercent) -> bool:
    """Whether :func:`_percent_of` would find the stated percent exact (see :func:`_percent_fits`)."""
    prior = figure.prior
    return _percent_fits(
        percent, _amount_fen(figure), None if prior is None else prior.fen, _signed_change(figure)
    )


def _percent_fits(
    percent: StatedPercent, current: int | None, prior: int | None, change: int | None
) -> bool:
    """Whether :func:`_percent_of` would find ``percent`` exact, on integers, for a figure of
    ``current`` fen (:func:`_amount_fen`), ``prior`` fen and a signed ``change`` of fen
    (:func:`_signed_change`): the point (change ÷ base × 100, the base stated or implied as
    :func:`_percent_of` takes it) rounds half up to the stated digits, as
    :func:`~govbudget.rounding.check_ratio`'s exact branch tests (and :func:`_unbounded`'s, on
    the same point); with a zero base, a stated 0% of no change. ``False`` too where there is
    nothing to check."""
    if current is not None and prior is not None:
        difference, base = current - prior, prior
    elif current is not None and change is not None:
        difference, base = change, current - change
    elif prior is not None and change is not None:
        difference, base = change, prior
    else:
        return False
    value = percent.value  # with a word, the magnitude; without, the signed percent
    if difference == 0:
        # A point of zero rounds to zero at any digits (and a zero base allows only a 0% of no
        # change): the digits need not be read, and the percent is zero if it is not true.
        return not value
    if base == 0:
        return False
    numerator, denominator = 100 * difference, base
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    if numerator < 0 and percent.word is not None:
        numerator = -numerator  # a magnitude: compared with |point|
    units, scale = _units(value)
    rounded = (2 * abs(numerator) * scale + denominator) // (2 * denominator)
    return (-rounded if numerator < 0 else rounded) == units


def _units(value: Decimal) -> tuple[int, int]:
    """``value`` as ``units ÷ scale``, ``scale`` 10 to its decimals (as check_ratio reads it).

    >>> _units(Decimal("13.20")), _units(Decimal("-0.5")), _units(Decimal("1E+2"))
    ((1320, 100), (-5, 10), (100, 1))
    """
    # Every stated percent of a change passes here: its digits read from its text (a C call),
    # which costs a sixth of Decimal.as_tuple() (that builds a named tuple in Python).
    whole, _, fraction = str(value).partition(".")
    try:
        return int(whole + fraction), 10 ** len(fraction)
    except ValueError:  # written with an exponent ("1E+2"): rare
        sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        units = int("".join(map(str, digits))) * 10 ** max(0, exponent)
        return -units if sign else units, 10 ** max(0, -exponent)


def _percent_of(
    budget: DepartmentBudget, path: str, zh: str, en: str, figure: Figure, basis: Basis
) -> Observation | None:
    assert figure.percent is not None
    percent = figure.percent
    current, prior = stated(budget, figure), stated(budget, figure, "prior")
    change = _change_stated(budget, figure, derived=True)
    scale = money(budget, figure)
    location = place(f"{path}{basis.suffix}/percent", zh, en, figure)
    now_zh, now_en, base_zh, base_en = (
        basis.current_zh,
        basis.current_en,
        basis.base_zh,
        basis.base_en,
    )
    show = scale.show
    if current is not None and prior is not None:
        computed = growth_range(current, prior)
        now, then = show(current.value), show(prior.value)
        basis_zh = f"{now_zh} {now}、{base_zh} {then}"
        basis_en = f"{now_en} {now} and {base_en} {then}"
        difference, base = current.value - prior.value, prior.value
    elif current is not None and change is not None:
        computed = implied_growth_range(current, change)
        implied = current.value - change.value
        now, by, then = show(current.value), show(change.value), show(implied)
        basis_zh = f"{now_zh} {now}、增减 {by}（{base_zh}推算为 {then}）"
        basis_en = f"{now_en} {now} and change {by} ({base_en} implied {then})"
        difference, base = change.value, implied
    elif prior is not None and change is not None:
        computed = ratio_range(change, prior)
        by, then = show(change.value), show(prior.value)
        basis_zh = f"增减 {by}、{base_zh} {then}"
        basis_en = f"change {by} and {base_en} {then}"
        difference, base = change.value, prior.value
    else:
        return None
    params = {"basis_zh": basis_zh, "basis_en": basis_en}
    if base == 0:
        params = {
            "basis_zh": basis_zh + f"；{base_zh}为零，增减率无定义",
            "basis_en": basis_en + f"; the {base_en} is zero, so no percent is defined",
            "stated": str(percent.value),
        }
        return _undefined(location, figure, difference, params)
    if computed is None:
        return _unbounded(location, percent, Fraction(difference) / base * 100, params)
    fen = budget.precision_of(figure).unit.fen

    def alternatives() -> list[tuple[Exact, Diagnosis]]:
        # Only an inconsistent percent is diagnosed: the values mistakes would give.
        current_value = base + difference
        found: list[tuple[Exact, Diagnosis]] = []
        if current_value:
            found.append(
                (
                    Fraction(difference) / current_value * 100,
                    Diagnosis("percent_of_current", basis.wrong_base_zh, basis.wrong_base_en),
                )
            )
        found.append((Fraction(difference, 1) / fen, _AMOUNT_AS_PERCENT))
        return found

    observation = percent_observation(
        location=location,
        percent=percent,
        computed=computed,
        magnitude=percent.word is not None,
        formula=f"增减率 = ({now_zh} − {base_zh}) ÷ {base_zh} × 100%",
        alternatives=alternatives,
        params=params,
    )
    if (
        prior is None
        and "口径" in zh
        and observation.outcome is Outcome.INCONSISTENT
        and observation.diagnosis is None
    ):
        # "收入（同口径）完成…，同比增长P%，增收C万元": a comparable-basis percent is taken on
        # an adjusted prior the text does not state, which current − change need not be.
        return evolve(observation, severity=Severity.WARNING, diagnosis=_COMPARABLE_BASIS)
    return observation


_AMOUNT_AS_PERCENT: Final = Diagnosis(
    "amount_as_percent",
    "百分比位置写成了增减金额",
    "an amount (the change) was written where the percent belongs",
)
_COMPARABLE_BASIS: Final = Diagnosis(
    "comparable_basis",
    "按可比口径（同口径）计算的增减率以调整后的上年数为基数，文中未写明该基数，"
    "不能由本年数减增减额推算；请核对",
    "a comparable-basis (同口径) percent is taken on an adjusted prior the text does not"
    " state, which is not the current figure less the change; to be checked",
)


def _unbounded(
    location: Location, percent: StatedPercent, point: Fraction, params: dict[str, str]
) -> Observation:
    """A prior implied as current − change whose rounding reaches zero: any percent fits.

    The implied prior is not zero as stated, but the two rounded figures it comes
    from allow one as small as zero, so the percent has no bound either way.
    """
    magnitude = percent.word is not None
    value = decimal_fraction(percent.value if magnitude else percent.signed)
    probe = abs(point) if magnitude else point
    scale = Scale.percent(percent.decimals)
    exact = round_half_up(probe, percent.decimals) == value
    return Observation(
        outcome=Outcome.EXACT if exact else Outcome.WITHIN_ROUNDING,
        location=location,
        scale=scale,
        params={
            **params,
            "basis_zh": params["basis_zh"] + "；推算的上年数在舍入范围内可接近零，增减率不受限",
            "basis_en": params["basis_en"]
            + "; rounding lets the implied prior come close to zero, so any percent fits",
            "stated": str(percent.value),
            "computed": scale.show(probe),
            "low": "-∞",
            "high": "+∞",
        },
        formula="增减率 = 增减额 ÷ (本年 − 增减额) × 100%",
    )


def _undefined(
    location: Location, figure: Figure, difference: Exact, params: dict[str, str]
) -> Observation:
    assert figure.percent is not None
    fine = figure.percent.value == 0 and difference == 0
    return Observation(
        outcome=Outcome.EXACT if fine else Outcome.INCONSISTENT,
        location=location,
        scale=Scale.percent(figure.percent.decimals),
        params={**params, "undefined": "yes"},
        severity=None if fine else Severity.WARNING,
        diagnosis=None
        if fine
        else Diagnosis(
            "zero_prior",
            f"上年数为零，增减率无意义（应写“无可比性”），却写了 {figure.percent.value}%",
            f"the prior year is zero, so a growth percent is undefined; {figure.percent.value}% was stated",
        ),
        formula="上年为零时增减率无定义",
    )


def _signs(budget: DepartmentBudget, figure: Figure) -> int | None:
    """The sign of the change the figures show: −1, 0, 1, or None when unknown."""
    current, prior = stated(budget, figure), stated(budget, figure, "prior")
    if current is not None and prior is not None:
        difference = current.value - prior.value
        return (difference > 0) - (difference < 0)
    if figure.change is not None and figure.change.value is not None:
        magnitude = figure.change.value.fen
        if magnitude == 0:
            return 0
        if figure.change.word is None:
            return (magnitude > 0) - (magnitude < 0)
    return None


def _sign(figure: Figure) -> int | None:
    """:func:`_signs` on integers, without reading the figures as :func:`stated` does."""
    current, prior = _amount_fen(figure), figure.prior
    if current is not None and prior is not None:
        difference = current - prior.fen
        return (difference > 0) - (difference < 0)
    change = figure.change
    if change is not None and change.value is not None:
        magnitude = change.value.fen
        if magnitude == 0:
            return 0
        if change.word is None:
            return (magnitude > 0) - (magnitude < 0)
    return None


def _read(budget: DepartmentBudget, figure: Figure) -> None:
    """Read the figure's two years as :func:`stated` does, for nothing but that: while
    ``validate()`` reads amounts as written (``READ_AS_WRITTEN``), YOY004's check notes the
    figure it is about among those read wider (``WIDENED``) though it compares no amount."""
    if figure.written:  # (nothing to note otherwise)
        stated(budget, figure)
        stated(budget, figure, "prior")


def _could_be_flat(budget: DepartmentBudget, figure: Figure) -> bool:
    """Whether the figures' rounding allows no change at all."""
    current, prior = stated(budget, figure), stated(budget, figure, "prior")
    if current is not None and prior is not None:
        bound = current.half + prior.half
        return -bound <= current.value - prior.value <= bound
    change = _change_stated(budget, figure, derived=True)
    return change is not None and -change.half <= change.value <= change.half


def _words(figure: Figure) -> list[tuple[str, str]]:
    found = []
    if figure.change is not None and figure.change.word is not None:
        found.append(("change", figure.change.word))
    if figure.percent is not None and figure.percent.word is not None:
        found.append(("percent", figure.percent.word))
    return found


def _direction(budget: DepartmentBudget) -> Iterable[Record]:
    """Each direction word (增加/减少/持平 …) matches the sign of 本年 − 上年 (or of the change).

    Why: a word left from last year's text contradicts the figures; 持平 for figures within
    rounding of each other passes, 基本持平 beyond rounding is only a warning (how close is the
    publisher's call), and words of the change and the percent must agree.
    Example: 本年 90、上年 100 with “增加 10 万元” fails: the figures decrease.
    """
    # direction_records of figures_with(budget, "change", "percent"), found in the pass of _plan.
    return _made(*_plan(budget).directions)


def direction_checks(budget: DepartmentBudget, items: Items, basis: Basis) -> Iterator[Observation]:
    """Each direction word of ``items`` against the sign of the change (YOY003, EXE005)."""
    return map(resolve, direction_records(budget, items, basis))


def direction_records(budget: DepartmentBudget, items: Items, basis: Basis) -> Iterator[Record]:
    """The checks of :func:`direction_checks`, the exact ones deferred."""
    for path, zh, en, figure in items:
        change, percent = figure.change, figure.percent
        change_word = None if change is None else change.word
        percent_word = None if percent is None else percent.word
        if change_word is None and percent_word is None:
            continue
        exact = _direction_fits(
            None if change_word is None else _word_sign(change_word),
            None if percent_word is None else _word_sign(percent_word),
            _sign(figure),
        )
        if exact is None:
            continue
        if exact:
            yield (_direction_of, budget, path, zh, en, figure, basis)
            continue
        observation = _direction_of(budget, path, zh, en, figure, basis)
        if observation is not None:
            yield observation


def _direction_fits(
    change_sign: int | None, percent_sign: int | None, sign: int | None
) -> bool | None:
    """Whether :func:`_direction_of` finds the words exact, for the signs the change's and the
    percent's words state (``None`` without a word) and the sign the figures show
    (:func:`_sign`); ``None`` when it checks nothing (or it is YOY004's)."""
    if change_sign is None:
        if percent_sign is None:
            return None
        word_sign, both, agree = percent_sign, False, True
    else:
        word_sign, both = change_sign, percent_sign is not None
        agree = percent_sign is None or percent_sign == word_sign
    if not agree:
        return False  # the change and the percent state opposite directions
    if sign is None:
        # One word and no sign to hold it to: nothing; the change and the percent words agree.
        return True if both else None
    if sign == word_sign:
        return True
    if sign == 0:
        return None  # a zero change written with 增加/减少: a wording slip, YOY004's
    return False


def _direction_of(
    budget: DepartmentBudget, path: str, zh: str, en: str, figure: Figure, basis: Basis
) -> Observation | None:
    """The observation of one figure's direction words (:func:`direction_records`)."""
    words = _words(figure)
    if not words:
        return None
    sign = _signs(budget, figure)
    stated_signs = {_SIGN_OF[direction_of(word)] for _, word in words}
    location = place(f"{path}{basis.suffix}/direction", zh, en, figure)
    written = "、".join(dict.fromkeys(word for _, word in words))
    params = {"words": written, "actual_zh": _actual_zh(sign), "actual_en": _actual_en(sign)}
    if len(stated_signs) > 1:
        return _word_finding(
            location,
            params,
            "words_disagree",
            f"增减额与增减率的方向用词互相矛盾（{written}）",
            f"the change and the percent state opposite directions ({written})",
        )
    (word_sign,) = stated_signs
    if sign is None:
        if len(words) > 1:  # the change and the percent words agree
            return Observation(outcome=Outcome.EXACT, location=location, params=params)
        return None
    if sign == 0 and word_sign != 0:
        return None  # a zero change written with 增加/减少: a wording slip, YOY004
    if sign == word_sign:
        return Observation(outcome=Outcome.EXACT, location=location, params=params)
    if word_sign == 0 and _could_be_flat(budget, figure):
        # 持平 for figures that differ by no more than their rounding: the true
        # values may be equal.
        return Observation(outcome=Outcome.WITHIN_ROUNDING, location=location, params=params)
    if word_sign == 0 and all(word in ROUGHLY_FLAT for _, word in words):
        return evolve(
            _word_finding(
                location,
                params,
                "not_roughly_flat",
                f"写“{written}”，实际{_sign_zh(sign)}，超出舍入范围（相差多少算“基本持平”由发布者判断，请核实）",
                f"“{written}” (roughly equal), but the figures {_sign_en(sign)} beyond rounding"
                " (how close is the publisher's judgement: worth a look)",
            ),
            severity=Severity.WARNING,
        )
    return _word_finding(
        location,
        params,
        "wrong_direction",
        f"方向用词与实际增减相反：写“{written}”，实际{_sign_zh(sign)}",
        f"the direction word contradicts the figures: “{written}” but they {_sign_en(sign)}",
    )


#: Words that say a figure is close to the other, not equal to it: how close is the
#: publisher's judgement, so figures that differ beyond rounding are a warning, never an error.
ROUGHLY_FLAT: Final = frozenset({"基本持平", "基本相当", "大致持平", "基本一致"})


def _actual_zh(sign: int | None) -> str:
    """What the figures say of the direction, for YOY003's message."""
    if sign is None:
        return "数字未写明本年数与上年数，无法判断增减"
    return f"数字显示{_sign_zh(sign)}"


def _actual_en(sign: int | None) -> str:
    if sign is None:
        return "the figures do not state both years, so they do not tell the direction"
    return f"the figures {_sign_en(sign)}"


def _sign_zh(sign: int | None) -> str:
    return {1: "增加", -1: "减少", 0: "持平", None: "未知"}[sign]


def _sign_en(sign: int | None) -> str:
    return {1: "increase", -1: "decrease", 0: "stay flat", None: "unknown"}[sign]


def _word_finding(
    location: Location, params: dict[str, str], code: str, zh: str, en: str
) -> Observation:
    return Observation(
        outcome=Outcome.INCONSISTENT,
        location=location,
        params=params,
        diagnosis=Diagnosis(code, zh, en),
    )


def _zero_with_word(budget: DepartmentBudget) -> Iterator[Observation]:
    """A change that is zero but written with 增加/减少 (or 增长/下降).

    Why: not an arithmetic error but a wording slip (宜写“持平”或“无变化”), so only information;
    a change that rounds to zero yet is not zero (增加 0.00 万元，增长 40%) is left alone.
    Example: “比上年增加 0 万元，增长 0%” is noted.
    """
    # The figures of figures_with(budget, "change", "percent") it is about, found by _plan.
    for path, zh, en, figure, words in _plan(budget).zeros:
        _read(budget, figure)  # the figures this check reads (an override may make it an error)
        yield _zero_worded(path, zh, en, figure, words)


def _zero_worded(path: str, zh: str, en: str, figure: Figure, words: str) -> Observation:
    """The observation of a zero change written with 增加/减少 ``words`` (:func:`_zero_with_word`)."""
    # The location place() gives, made directly: eager, and made for each of them.
    where = Location(path + "/direction", zh, en, figure.source)
    return observe(Outcome.INCONSISTENT, where, params=(("words", words),), severity=Severity.INFO)


def _sum_of_changes(budget: DepartmentBudget) -> Iterator[Record]:
    """A total's change equals the sum of its parts' changes (Δ合计 = Σ Δ各部分): spending
    by kind, each fund's 基本 + 项目, the “三公” parts, and each tree line with children.

    Why: changes restated by part are often taken from different drafts; each change may be the
    difference of two rounded figures, so gaps within twice their rounding pass.
    Example: 支出减少 5.5 = 基本支出增加 2 + 项目支出减少 7.5.
    """
    # Without a stated change of the total there is no sum of changes to check: that is
    # asked first, before the parts are gathered.
    spending = budget.expenditure
    if spending is not None and spending.basic is not None and spending.project is not None:
        found = expenditure_total(spending, budget)
        if found is not None and _signed_change(found[1]) is not None:
            name, total = found
            kinds = [f for kind in SPENDING_KINDS if (f := getattr(spending, kind)) is not None]
            exact = _changes_add_up(total, kinds)
            if exact:
                yield (_observe_spending_changes, budget, name, total)
            elif exact is not None:
                yield _observe_spending_changes(budget, name, total)
    appropriation = budget.appropriation
    if appropriation is not None:
        for fund in _FUNDS:
            block = getattr(appropriation, fund)
            if block is None or block.total is None or block.basic is None or block.project is None:
                continue
            exact = _changes_add_up(block.total, (block.basic, block.project))
            if exact:
                yield (_observe_fund_changes, budget, fund, block.total, block.basic, block.project)
            elif exact is not None:
                yield _observe_fund_changes(budget, fund, block.total, block.basic, block.project)
    three = budget.three_public
    if three is not None and three.total is not None and _signed_change(three.total) is not None:
        parts = _three_public_parts(three)
        if parts is not None:
            exact = _changes_add_up(three.total, [f for _, f in parts])
            if exact:
                yield (_observe_changes, budget, *_THREE_PUBLIC, three.total, parts)
            elif exact is not None:
                yield _observe_changes(budget, *_THREE_PUBLIC, three.total, parts)
    if not _plan(budget).lines_with_changes:
        return  # no line of a tree states a change: no sum of lines' changes to check
    for tree_path, tree_zh, tree_en, roots in trees_of(budget):
        for keys, node in parents(roots):
            # Without a stated change of the total there is no sum of changes to check.
            if node.partial or node.change is None:
                continue
            exact = _changes_add_up(node, node.children)
            if exact:
                yield (_observe_line_changes, budget, tree_path, tree_zh, tree_en, keys, node)
            elif exact is not None:
                yield _observe_line_changes(budget, tree_path, tree_zh, tree_en, keys, node)


def _changes_add_up(total: Figure, parts: Sequence[Figure]) -> bool | None:
    """Whether the stated changes of ``parts`` add up to the total's, on integers of fen;
    ``None`` when the total or a part states no change (nothing to check)."""
    whole = _signed_change(total)
    if whole is None or not parts:
        return None
    found = 0
    for part in parts:
        value = _signed_change(part)
        if value is None:
            return None
        found += value
    return found == whole


def _observe_changes(
    budget: DepartmentBudget,
    path: str,
    zh: str,
    en: str,
    total: Figure,
    parts: Sequence[tuple[str, Figure]],
) -> Observation:
    """The observation of one total's change against its parts' (:func:`_sum_of_changes`)."""
    whole = _change_stated(budget, total, derived=True)
    values = [_change_stated(budget, part, derived=True) for _, part in parts]
    assert whole is not None
    known = [v for v in values if v is not None]
    verdict = check_sum(whole, known)
    return Observation(
        outcome=verdict.outcome,
        location=place(path + "/change", zh, en, total),
        verdict=verdict,
        scale=money(budget, total),
        params={"count": str(len(known)), "parts": "、".join(name for name, _ in parts)},
        formula="Δ合计 = Σ Δ各部分",
    )


def _observe_spending_changes(budget: DepartmentBudget, name: str, total: Figure) -> Observation:
    """Spending's change against its kinds' (基本支出 + 项目支出 …)."""
    assert budget.expenditure is not None
    zh, en, parts = spending_kinds(budget.expenditure)
    return _observe_changes(
        budget, f"/expenditure/{name}", f"支出：{zh}", f"expenditure: {en}", total, parts
    )


def _observe_fund_changes(
    budget: DepartmentBudget, fund: str, total: Figure, basic: Figure, project: Figure
) -> Observation:
    """A fund's change against its 基本支出's and 项目支出's."""
    fund_zh, fund_en = label("appropriation", fund)
    return _observe_changes(
        budget,
        f"/appropriation/{fund}/total",
        f"{fund_zh}：基本支出 + 项目支出",
        f"{fund_en}: basic + project",
        total,
        [("基本支出", basic), ("项目支出", project)],
    )


def _observe_line_changes(
    budget: DepartmentBudget,
    tree_path: str,
    tree_zh: str,
    tree_en: str,
    keys: Sequence[str],
    node: Node,
) -> Observation:
    """A tree line's change against its lines'."""
    return _observe_changes(
        budget,
        f"{tree_path}/{'/'.join(keys)}",
        f"{tree_zh} {node.label}",
        f"{tree_en}, {node.label}",
        node,
        [(c.label, c) for c in node.children],
    )


#: The funds of an appropriation whose 基本支出 and 项目支出 changes YOY005 sums.
_FUNDS: Final = ("total", "general_public", "government_fund", "state_capital")
#: The place of the “三公” total's sum of changes: path and names.
_THREE_PUBLIC: Final = ("/three_public/total", "“三公”经费合计", "three public expenses")


def _three_public_parts(three: ThreePublic) -> list[tuple[str, Figure]] | None:
    """The “三公” parts whose changes should add up to the total's, named; ``None`` unless the
    three are all stated (用车 as itself or both its parts): the changes of some of them need
    not add up to the total's."""
    vehicles: list[tuple[str, Figure]]
    if three.vehicles is not None:
        vehicles = [("公务用车购置及运行维护费", three.vehicles)]
    else:
        vehicles = [
            (n, f)
            for n, f in (
                ("公务用车购置费", three.vehicle_purchase),
                ("公务用车运行维护费", three.vehicle_operation),
            )
            if f is not None
        ]
    parts = [
        (n, f)
        for n, f in (("因公出国（境）费", three.overseas), ("公务接待费", three.reception))
        if f is not None
    ] + vehicles
    complete = (
        three.overseas is not None and three.reception is not None and len(vehicles) in (1, 2)
    ) and (three.vehicles is not None or len(vehicles) == 2)
    return parts if len(parts) >= 2 and complete else None


#: A check the pass of :func:`_plan` found not exact: ``(_EAGER, make, *arguments)``, its
#: observation ``make(*arguments)`` (or nothing, when that is ``None``) made when its rule asks.
_EAGER: Final = object()


#: A rule's records in a :class:`_Plan`, and whether any is :data:`_EAGER`.
_Checks = tuple[tuple[Deferred, ...], bool]


class _Plan(NamedTuple):
    """What the year-on-year rules check among the budget's figures, this year against the
    last (:data:`PRIOR_YEAR`): found in one pass over ``figures_with(budget, "change",
    "percent")`` per ``validate()``, which reads each figure's fen and words once for all."""

    #: YOY001's records (:func:`change_records`), a check not exact as :data:`_EAGER` makes it.
    changes: _Checks
    #: YOY002's (:func:`percent_records`), as ``changes``.
    percents: _Checks
    #: YOY003's (:func:`direction_records`), as ``changes``.
    directions: _Checks
    #: YOY004's figures, named, with the words (增加/减少 …) that go with their zero change.
    zeros: tuple[tuple[str, str, str, Figure, str], ...]
    #: Whether some line with lines under it states a change (YOY005 then sums them).
    lines_with_changes: bool


def _plan(budget: DepartmentBudget) -> _Plan:
    """The :class:`_Plan` of ``budget``, once per ``validate()``."""
    return memo(budget, "yoy.plan", lambda: _planned(budget))


def _made(records: tuple[Deferred, ...], eager: bool) -> Iterable[Record]:
    """``records`` of a :class:`_Plan`, each :data:`_EAGER` one made (and left out if nothing)."""
    return _making(records) if eager else records  # most documents: every check exact


def _making(records: tuple[Deferred, ...]) -> Iterator[Record]:
    for record in records:
        if record[0] is not _EAGER:
            yield record
            continue
        observation = record[1](*record[2:])
        if observation is not None:
            yield observation


def _planned(budget: DepartmentBudget) -> _Plan:
    """The :class:`_Plan`: :func:`change_records`, :func:`percent_records` and
    :func:`direction_records` of the budget's figures, the figures of :func:`_zero_with_word`
    and whether :func:`_sum_of_changes` sums lines, each decided as those functions decide."""
    changes: list[Deferred] = []
    percents: list[Deferred] = []
    directions: list[Deferred] = []
    zeros: list[tuple[str, str, str, Figure, str]] = []
    lines = eager_changes = eager_percents = eager_directions = False
    basis = PRIOR_YEAR
    signs = _WORD_SIGNS
    record: Deferred
    # One loop for the four rules, their helpers inlined: each figure's fen and word signs
    # are read once, and Amount.fen (a property, a Python call) is read from its slot.
    for path, zh, en, figure in figures_with(budget, "change", "percent"):
        change, percent = figure.change, figure.percent
        if figure.none_stated:
            current: int | None = 0  # _amount_fen
        else:
            amount = figure.amount
            current = None if amount is None else amount._fen
        prior_amount = figure.prior
        prior = None if prior_amount is None else prior_amount._fen
        difference = None if current is None or prior is None else current - prior
        magnitude = signed = change_word = change_sign = None  # signed: _signed_change
        if change is not None:
            value, change_word = change.value, change.word
            if change_word is not None:
                change_sign = signs.get(change_word)
                if change_sign is None:
                    change_sign = _word_sign(change_word)
            if value is not None:
                magnitude = value._fen
                signed = -magnitude if change_sign == -1 else magnitude
                if difference is not None:  # YOY001
                    record = (_observe_change, budget, path, zh, en, figure, basis)
                    if _change_fits(magnitude, change_word is not None, difference):
                        changes.append(record)
                    else:
                        changes.append((_EAGER, *record))
                        eager_changes = True
            elif change_sign == 0:
                signed = 0  # a word alone: only 持平 and its like state an amount (zero)
            if not lines and isinstance(figure, Node) and figure.children:
                lines = True
        percent_word = percent_sign = None
        if percent is not None:  # YOY002
            percent_word = percent.word
            if percent_word is not None:
                percent_sign = signs.get(percent_word)
                if percent_sign is None:
                    percent_sign = _word_sign(percent_word)
            record = (_percent_of, budget, path, zh, en, figure, basis)
            if _percent_fits(percent, current, prior, signed):
                percents.append(record)
            else:
                percents.append((_EAGER, *record))
                eager_percents = True
        if change_sign is None and percent_sign is None:
            continue  # no word: nothing for YOY003 and YOY004
        sign: int | None  # _sign
        if difference is not None:
            sign = (difference > 0) - (difference < 0)
        elif magnitude is None:
            sign = None
        elif magnitude == 0:
            sign = 0
        elif change_word is None:
            sign = (magnitude > 0) - (magnitude < 0)
        else:
            sign = None
        exact = _direction_fits(change_sign, percent_sign, sign)  # YOY003
        if exact is not None:
            record = (_direction_of, budget, path, zh, en, figure, basis)
            if exact:
                directions.append(record)
            else:
                directions.append((_EAGER, *record))
                eager_directions = True
        # YOY004: a zero change with 增加/减少, the number it goes with (if any) zero too
        # ("增加 0.00 万元，增长 40%": the change rounds to zero but is not zero).
        if sign != 0 or not (change_sign or percent_sign):
            continue
        if (change_sign and magnitude) or (
            percent_sign and percent is not None and percent.value != 0
        ):
            continue
        first = change_word if change_sign else None
        second = percent_word if percent_sign else None
        if first and second and first != second:
            words = f"{first}、{second}"
        else:
            words = first or second or ""
        zeros.append((path, zh, en, figure, words))
    return _Plan(
        (tuple(changes), eager_changes),
        (tuple(percents), eager_percents),
        (tuple(directions), eager_directions),
        tuple(zeros),
        lines,
    )


RULES: Final = (
    Rule(
        id="YOY001",
        family="yoy",
        severity=Severity.ERROR,
        title_zh="增减额等于本年数减上年数",
        title_en="A stated change equals current minus prior",
        message_zh="{where}：写明增减 {stated}{unit}，本年 {current} 与上年 {prior} 之差为 {computed}{unit}",
        message_en="{where}: stated change {stated} {unit}, current {current} less prior {prior} is {computed} {unit}",
        formula="增减额 = 本年数 − 上年数（有方向用词时比较绝对值）",
        check=deferring(_change),
        example="本年 425.23、上年 449.17，写明“减少 23.94 万元”（一致）",
    ),
    Rule(
        id="YOY002",
        family="yoy",
        severity=Severity.ERROR,
        title_zh="增减率等于增减额除以上年数",
        title_en="A stated percent equals the change divided by the prior year",
        message_zh="{where}：写明 {stated}%，按{basis_zh}计算为 {computed}%（舍入范围 {low}%～{high}%）",
        message_en="{where}: stated {stated}%, {basis_en} give {computed}% (rounding range {low}% to {high}%)",
        formula="增减率 = (本年 − 上年) ÷ 上年 × 100%，按所写小数位四舍五入；上年为零时无定义",
        check=deferring(_percent),
        example="1418.53 ÷ (2396.14 + 1418.53) = 37.1862%，写作 37.18%：截尾而非四舍五入，仍一致",
    ),
    Rule(
        id="YOY003",
        family="yoy",
        severity=Severity.ERROR,
        title_zh="方向用词与增减方向一致",
        title_en="Direction words match the sign of the change",
        message_zh="{where}：方向用词“{words}”，{actual_zh}",
        message_en="{where}: the words “{words}” state a direction; {actual_en}",
        formula="增加/增长 ⇔ 本年 > 上年；减少/下降 ⇔ 本年 < 上年；持平/无变化 ⇔ 本年 = 上年",
        check=deferring(_direction),
        example="本年 90、上年 100，却写“增加 10 万元”：方向用词与实际相反",
    ),
    Rule(
        id="YOY004",
        family="yoy",
        severity=Severity.INFO,
        title_zh="零增减写成了“增加/减少”",
        title_en="A zero change written with an increase or decrease word",
        message_zh="{where}：增减为零，却写作“{words}”（用词不当，不是计算错误）",
        message_en="{where}: the change is zero but is written with “{words}” (a wording slip, not an arithmetic error)",
        formula="增减为零时宜写“持平”或“无变化”",
        check=_zero_with_word,
        example="“比上年增加 0 万元，同比增加 0%”：用词不当，提示",
    ),
    Rule(
        id="YOY005",
        family="yoy",
        severity=Severity.ERROR,
        title_zh="合计的增减等于各部分增减之和",
        title_en="A total's change equals the sum of its parts' changes",
        message_zh="{where}：合计增减 {stated}{unit}，{count} 个部分（{parts}）增减之和 {computed}{unit}",
        message_en="{where}: the total changes by {stated} {unit}, its {count} parts ({parts}) by {computed} {unit}",
        formula="Δ合计 = Σ Δ各部分（如 Δ支出 = Δ基本支出 + Δ项目支出）",
        check=deferring(_sum_of_changes),
        example="支出减少 23.94 = 基本支出增加 6.06 + 项目支出减少 30",
    ),
)
