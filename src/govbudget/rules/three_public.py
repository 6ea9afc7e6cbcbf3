"""“三公”经费: the total and its parts, and the parts against the economic classification."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from govbudget.figure import Figure
from govbudget.model import DepartmentBudget
from govbudget.rules._facts import _all_appropriation, expenditure_total
from govbudget.rules._labels import label
from govbudget.rules._support import (
    at_most,
    equal_relation,
    memo,
    place,
    sums_in_columns,
)
from govbudget.rules.base import Observation, Record, Rule, Severity, deferring
from govbudget.tree import Node, lines

__all__ = ["ECONOMIC_ITEMS", "RULES"]

#: 三公 parts and the 部门预算支出经济分类 款 that state the same spending.
ECONOMIC_ITEMS: Final = (
    ("overseas", "30212", "因公出国（境）费用"),
    ("reception", "30217", "公务接待费"),
    ("vehicle_operation", "30231", "公务用车运行维护费"),
    ("vehicle_purchase", "31013", "公务用车购置"),
)


#: The lines of the spending trees that rules look up by code: the 经济分类 款 of the “三公” parts
#: and 30113 住房公积金, and the 功能分类 22102 住房改革支出 and 221 住房保障支出 (XS002).
_LOOKED_UP: Final = {
    "by_economic": frozenset({*(code for _, code, _ in ECONOMIC_ITEMS), "30113"}),
    "by_function": frozenset({"22102", "221"}),
}


#: The memo key of each spending tree's lines of :data:`_LOOKED_UP`.
_LINES_KEY: Final = {tree: "three_public.lines " + tree for tree in _LOOKED_UP}


def spending_line(budget: DepartmentBudget, tree: str, code: str) -> Node | None:
    """The first line (in walk order, as :func:`govbudget.tree.find` finds it) with ``code``
    in the spending tree ``tree`` (``by_economic`` or ``by_function``), for a code of
    :data:`_LOOKED_UP`: the tree is walked once per ``validate()`` for all of them."""
    assert code in _LOOKED_UP[tree]
    return spending_lines(budget, tree).get(code)


def spending_lines(budget: DepartmentBudget, tree: str) -> dict[str, Node]:
    """:func:`spending_line` of each code of :data:`_LOOKED_UP` ``[tree]`` that is there."""
    spending = budget.expenditure
    if spending is None:
        return {}
    roots: tuple[Node, ...] = getattr(spending, tree)
    return memo(budget, _LINES_KEY[tree], lambda: _first_lines(roots, _LOOKED_UP[tree]))


def _first_lines(roots: tuple[Node, ...], codes: frozenset[str]) -> dict[str, Node]:
    """The first line under ``roots`` with each of ``codes`` that is there, in walk order."""
    found: dict[str, Node] = {}
    wanted = len(codes)
    for node in lines(roots):
        code = node.code
        if code in codes and code not in found:
            found[code] = node
            if len(found) == wanted:
                break
    return found


def all_appropriation(budget: DepartmentBudget) -> bool:
    """Whether all income is appropriation (财政拨款) with nothing carried over (see
    :func:`~govbudget.rules._facts._all_appropriation`), once per ``validate()``."""
    return memo(budget, "three_public.all_appropriation", lambda: _all_appropriation(budget))


def _total(budget: DepartmentBudget) -> Iterator[Record]:
    """“三公”经费 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费 (or its two parts).

    Why: the “三公” total is the figure most quoted and compared year on year; a part mistyped or
    left out shows as the gap. A gap within rounding passes.
    Example: “三公”经费 9.5 = 因公出国（境）费 0 + 公务接待费 1.5 + 公务用车购置及运行维护费 8.
    """
    three = budget.three_public
    if three is None:
        return
    vehicles: list[tuple[str, Figure | None]]
    if three.vehicles is not None:
        vehicles = [("公务用车购置及运行维护费", three.vehicles)]
    else:
        vehicles = [
            ("公务用车购置费", three.vehicle_purchase),
            ("公务用车运行维护费", three.vehicle_operation),
        ]
    yield from sums_in_columns(
        budget,
        path="/three_public/total",
        zh="“三公”经费 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费",
        en="three public expenses = travel abroad + reception + vehicles",
        total=three.total,
        parts=[("因公出国（境）费", three.overseas), ("公务接待费", three.reception), *vehicles],
    )


def _vehicles(budget: DepartmentBudget) -> Iterator[Record]:
    """公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费, in each column.

    Why: the vehicle line is stated with its two parts, and a misprint in one shows as the gap.
    Example: 公务用车购置及运行维护费 8 = 购置费 0 + 运行维护费 8.
    """
    three = budget.three_public
    if three is None or three.vehicles is None:
        return
    yield from sums_in_columns(
        budget,
        path="/three_public/vehicles",
        zh="公务用车购置及运行维护费 = 购置费 + 运行维护费",
        en="official vehicles = purchase + operation",
        total=three.vehicles,
        parts=[
            ("公务用车购置费", three.vehicle_purchase),
            ("公务用车运行维护费", three.vehicle_operation),
        ],
    )


def _economic(budget: DepartmentBudget) -> Iterator[Record]:
    """Each “三公” part against the 经济分类 款 of the same spending (30212 因公出国（境）费用,
    30217 公务接待费, 30231 公务用车运行维护费, 31013 公务用车购置).

    Why: both state one spending twice. They must be equal (an error) only when all income is
    财政拨款 with nothing carried over; otherwise the 款 may count other sources, so only
    part ≤ 款 is checked, as a warning.
    Example: 公务接待费 1.5 = 30217 公务接待费 1.5; with 事业收入 as well, 1.5 ≤ 1.8 holds.
    """
    three, spending = budget.three_public, budget.expenditure
    if three is None or spending is None or not spending.by_economic:
        return
    certain = all_appropriation(budget) and expenditure_total(spending, budget) is not None
    lines = spending_lines(budget, "by_economic")
    for field, code, name in ECONOMIC_ITEMS:
        part: Figure | None = getattr(three, field)
        if part is None:
            continue
        item = lines.get(code)
        if item is None:
            continue
        small, big = amount_fen(part), amount_fen(item)
        if small is None or big is None:
            continue  # nothing to compare
        # equal where it is certain, else at most the 款
        if small == big if certain else small <= big:
            yield (_observe_economic, budget, field, code, name, part, item, certain)
            continue
        observation = _observe_economic(budget, field, code, name, part, item, certain)
        if observation is not None:
            yield observation


def amount_fen(figure: Figure) -> int | None:
    """:func:`~govbudget.rules._support.column_value` of ``figure``'s amount, in fen (a stated
    none is zero), without making an amount: Amount.fen, a property, is read from its slot."""
    if figure.none_stated:
        return 0
    amount = figure.amount
    return None if amount is None else amount._fen


def _observe_economic(
    budget: DepartmentBudget,
    field: str,
    code: str,
    name: str,
    part: Figure,
    item: Node,
    certain: bool,
) -> Observation | None:
    """SG003's check of the “三公” part ``field`` against the 经济分类 款 ``item``."""
    zh, en = label("three_public", field)
    location = place(
        f"/three_public/{field}",
        f"“三公”{zh}与经济分类 {code} {name}",
        f"three public {en} and economic class {code} {name}",
        part,
    )
    formula = f"“三公”{zh} = 经济分类 {code} {name}"
    if certain:
        return equal_relation(budget, location=location, first=part, second=item, formula=formula)
    return at_most(
        budget,
        location=location,
        part=part,
        whole=item,
        severity=Severity.WARNING,
        formula=formula,
    )


RULES: Final = (
    Rule(
        id="SG001",
        family="three_public",
        severity=Severity.ERROR,
        title_zh="“三公”经费合计等于三项之和",
        title_en="The three public expenses total equals its three parts",
        message_zh="{where}：合计 {stated}{unit}，{count} 项之和 {computed}{unit}",
        message_en="{where}: stated {stated} {unit}, its {count} parts add up to {computed} {unit}",
        formula="“三公”经费 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费",
        check=deferring(_total),
        example="“三公”经费 1969 = 因公出国（境）40 + 公务接待 242 + 公务用车 1687",
    ),
    Rule(
        id="SG002",
        family="three_public",
        severity=Severity.ERROR,
        title_zh="公务用车费用等于购置费加运行维护费",
        title_en="Official vehicle spending equals purchase plus operation",
        message_zh="{where}：合计 {stated}{unit}，{count} 项之和 {computed}{unit}",
        message_en="{where}: stated {stated} {unit}, its {count} parts add up to {computed} {unit}",
        formula="公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费",
        check=deferring(_vehicles),
        example="公务用车购置及运行维护费 996 = 购置费 37 + 运行维护费 959",
    ),
    Rule(
        id="SG003",
        family="three_public",
        severity=Severity.ERROR,
        title_zh="“三公”各项与经济分类中的同一科目一致",
        title_en="Each three-public part agrees with the same item of the economic classification",
        message_zh="{where}：经济分类 {computed}{unit}，“三公”写明 {stated}{unit}",
        message_en="{where}: the economic classification states {computed} {unit}, the three public section {stated} {unit}",
        formula="全部为财政拨款时，“三公”各项 = 经济分类同名科目（错误）；否则“三公”各项 ≤ 经济分类科目（警告）",
        check=deferring(_economic),
        example="全部为财政拨款时，“三公”公务接待费 0.4 = 经济分类 30217 公务接待费 0.4",
    ),
)
