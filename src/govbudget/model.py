"""The department budget model: everything a 部门预算/决算 disclosure states.

All classes are frozen and slotted; collections are tuples. A part the document
does not state is ``None`` (or an empty tuple), never zero. Updates are
functional: :func:`attrs.evolve`, or :func:`replace_node` for a tree line.

>>> b = DepartmentBudget(department="曾都区信访局", year=2025)
>>> b.kind, b.precision.unit.label
(<Kind.BUDGET: 'budget'>, '万元')
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from typing import Final, Literal, TypeAlias

from attrs import evolve, field, frozen

from govbudget.errors import ModelError
from govbudget.figure import Figure, StatedPercent, _optional_amount, _to_decimal
from govbudget.money import Amount
from govbudget.precision import DEFAULT_PRECISION, Precision
from govbudget.table import Table
from govbudget.tree import Node, Path, replace_at
from govbudget.wording import Wording

__all__ = [
    "COMPARATOR_WORDS",
    "EXPENDITURE_FIGURES",
    "Appropriation",
    "Assets",
    "Comparator",
    "Count",
    "DepartmentBudget",
    "EconomicScheme",
    "Expenditure",
    "FinalAccounts",
    "FundLine",
    "Goal",
    "GoalKind",
    "Income",
    "Indicator",
    "IndicatorKind",
    "Kind",
    "Level",
    "Performance",
    "PerformanceTable",
    "PerformanceTableKind",
    "Procurement",
    "Project",
    "ProjectCount",
    "Spending",
    "Staffing",
    "StatedWeight",
    "ThreePublic",
    "TreeName",
    "replace_node",
]


def _nodes(value: Iterable[Node]) -> tuple[Node, ...]:
    return tuple(value)


def _counts(value: Iterable[Count]) -> tuple[Count, ...]:
    return tuple(value)


def _indicators(value: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(value)


def _goals(value: Iterable[Goal]) -> tuple[Goal, ...]:
    return tuple(value)


def _funds(value: Iterable[FundLine]) -> tuple[FundLine, ...]:
    return tuple(value)


def _weights(value: Iterable[StatedWeight]) -> tuple[StatedWeight, ...]:
    return tuple(value)


def _performance_tables(value: Iterable[PerformanceTable]) -> tuple[PerformanceTable, ...]:
    return tuple(value)


def _project_counts(value: Iterable[ProjectCount]) -> tuple[ProjectCount, ...]:
    return tuple(value)


def _projects(value: Iterable[Project]) -> tuple[Project, ...]:
    return tuple(value)


def _wording(value: Iterable[Wording]) -> tuple[Wording, ...]:
    return tuple(value)


def _contents(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _tables(value: Iterable[Table]) -> tuple[Table, ...]:
    return tuple(value)


class Kind(Enum):
    """预算 (a budget) or 决算 (final accounts)."""

    BUDGET = "budget"
    FINAL = "final"


class Level(Enum):
    """Whether the disclosure is a 部门 (department, consolidated) or a 单位 (one unit)."""

    DEPARTMENT = "department"
    UNIT = "unit"


class EconomicScheme(Enum):
    """Which 支出经济分类 the economic tree uses: 部门预算 (3xx) or 政府预算 (5xx)."""

    DEPARTMENT = "department"
    GOVERNMENT = "government"


@frozen(kw_only=True)
class Count:
    """A counted quantity (人, 名, 辆 …) with what it counts.

    >>> Count(name="行政人员", value=6).value
    6
    """

    name: str
    value: int
    unit: str = "人"
    source: str | None = field(default=None, eq=False)


@frozen(kw_only=True)
class Staffing:
    """人员: establishment (编制), staff in service, retirees — each with its categories."""

    establishment: int | None = None
    establishment_parts: tuple[Count, ...] = field(default=(), converter=_counts)
    in_service: int | None = None
    in_service_parts: tuple[Count, ...] = field(default=(), converter=_counts)
    retired: int | None = None
    retired_parts: tuple[Count, ...] = field(default=(), converter=_counts)


@frozen(kw_only=True)
class Income:
    """收入: totals and each source a disclosure names.

    ``total`` is 收入合计 (this year's income); ``grand_total`` is 收入总计 (with
    上年结转结余 and, in a 决算, 使用非财政拨款结余). ``appropriation`` is 财政拨款收入,
    made of ``general_public`` (一般公共预算), ``government_fund`` (政府性基金) and
    ``state_capital`` (国有资本经营预算). ``surplus_used`` is a 决算's 使用非财政拨款结余
    (使用专用结余): earlier years' non-appropriation balances spent this year, beside
    this year's income. ``lines`` holds further named lines the fields do not cover.
    """

    total: Figure | None = None
    grand_total: Figure | None = None
    appropriation: Figure | None = None
    general_public: Figure | None = None
    government_fund: Figure | None = None
    state_capital: Figure | None = None
    business: Figure | None = None
    operating: Figure | None = None
    higher_subsidy: Figure | None = None
    affiliated: Figure | None = None
    other: Figure | None = None
    carryover: Figure | None = None
    surplus_used: Figure | None = None
    lines: tuple[Node, ...] = field(default=(), converter=_nodes)


@frozen(kw_only=True)
class Spending:
    """A spending total and its split: 基本支出 (basic) + 项目支出 (project).

    ``personnel`` (人员经费) and ``public`` (公用经费) split the basic part.
    """

    total: Figure | None = None
    basic: Figure | None = None
    project: Figure | None = None
    personnel: Figure | None = None
    public: Figure | None = None


@frozen(kw_only=True)
class Expenditure:
    """支出: the total and its three views — function, economic class and kind.

    ``total`` is 支出合计; ``grand_total`` is 支出总计 (with 年末结转和结余). By kind,
    支出合计 is ``basic`` (基本支出) + ``project`` (项目支出) + the kinds a public
    institution may also have: ``to_higher`` (上缴上级支出), ``operating``
    (经营支出, 事业单位经营支出) and ``to_affiliated`` (对附属单位补助支出).
    ``function_partial`` / ``economic_partial`` say the document lists only some classes of
    that view ("主要用于：工资福利支出…"): they add up to at most 支出合计.
    """

    total: Figure | None = None
    grand_total: Figure | None = None
    basic: Figure | None = None
    project: Figure | None = None
    personnel: Figure | None = None
    public: Figure | None = None
    to_higher: Figure | None = None
    operating: Figure | None = None
    to_affiliated: Figure | None = None
    by_function: tuple[Node, ...] = field(default=(), converter=_nodes)
    by_economic: tuple[Node, ...] = field(default=(), converter=_nodes)
    economic_scheme: EconomicScheme = EconomicScheme.DEPARTMENT
    function_partial: bool = False
    economic_partial: bool = False


#: The fields of :class:`Expenditure` that hold one figure, in order.
EXPENDITURE_FIGURES: Final = (
    "total",
    "grand_total",
    "basic",
    "project",
    "personnel",
    "public",
    "to_higher",
    "operating",
    "to_affiliated",
)


@frozen(kw_only=True)
class Appropriation:
    """财政拨款支出: the spending funded by appropriations, by fund.

    ``total`` covers all appropriations; ``general_public`` (一般公共预算),
    ``government_fund`` (政府性基金) and ``state_capital`` (国有资本经营预算) are its
    parts, each split into basic and project spending. ``grand_total`` is
    财政拨款收入支出总计, the 总计 of the 财政拨款收入支出（决算）总表: this year's
    appropriation income with the appropriations carried over from the year before —
    neither 财政拨款收入 nor 财政拨款支出. ``function_partial`` / ``economic_partial`` say
    the document lists only some classes of the general public budget's spending ("…等"):
    they add up to at most its total.
    """

    grand_total: Figure | None = None
    total: Spending | None = None
    general_public: Spending | None = None
    government_fund: Spending | None = None
    state_capital: Spending | None = None
    by_function: tuple[Node, ...] = field(default=(), converter=_nodes)
    by_economic: tuple[Node, ...] = field(default=(), converter=_nodes)
    function_partial: bool = False
    economic_partial: bool = False


@frozen(kw_only=True)
class ThreePublic:
    """“三公”经费: 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费.

    ``vehicles`` is the 公务用车 subtotal, made of ``vehicle_purchase`` (购置费)
    and ``vehicle_operation`` (运行维护费).
    """

    total: Figure | None = None
    overseas: Figure | None = None
    reception: Figure | None = None
    vehicles: Figure | None = None
    vehicle_purchase: Figure | None = None
    vehicle_operation: Figure | None = None
    counts: tuple[Count, ...] = field(default=(), converter=_counts)


@frozen(kw_only=True)
class Procurement:
    """政府采购: total = 货物 (goods) + 工程 (works) + 服务 (services); part for 中小企业."""

    total: Figure | None = None
    goods: Figure | None = None
    works: Figure | None = None
    services: Figure | None = None
    sme: Figure | None = None


@frozen(kw_only=True)
class Assets:
    """国有资产占用: the total and its parts (流动资产, 固定资产 …), and counts."""

    total: Figure | None = None
    parts: tuple[Node, ...] = field(default=(), converter=_nodes)
    as_of: str | None = None
    counts: tuple[Count, ...] = field(default=(), converter=_counts)


class IndicatorKind(Enum):
    """The kind of a performance indicator."""

    OUTPUT = "output"  # 产出指标
    EFFECT = "effect"  # 效益指标
    SATISFACTION = "satisfaction"  # 满意度指标
    COST = "cost"  # 成本指标


class Comparator(Enum):
    """How a target is to be met."""

    GT = ">"
    GE = ">="
    EQ = "="
    LE = "<="
    LT = "<"


#: Comparator words as performance tables write them.
COMPARATOR_WORDS: Final[dict[str, Comparator]] = {
    "大于": Comparator.GT,
    "高于": Comparator.GT,
    "超过": Comparator.GT,
    ">": Comparator.GT,
    "不低于": Comparator.GE,
    "不少于": Comparator.GE,
    "大于等于": Comparator.GE,
    "≥": Comparator.GE,
    ">=": Comparator.GE,
    "达到": Comparator.EQ,
    "等于": Comparator.EQ,
    "为": Comparator.EQ,
    "=": Comparator.EQ,
    "不高于": Comparator.LE,
    "不超过": Comparator.LE,
    "小于等于": Comparator.LE,
    "≤": Comparator.LE,
    "<=": Comparator.LE,
    "小于": Comparator.LT,
    "低于": Comparator.LT,
    "少于": Comparator.LT,
    "<": Comparator.LT,
}


def _check_comparator(_instance: object, _attribute: object, value: str | None) -> None:
    if value is not None and value not in COMPARATOR_WORDS:
        raise ModelError(f"unknown comparator {value!r}; known: {'、'.join(COMPARATOR_WORDS)}")


def _optional_decimal(value: Decimal | str | int | None) -> Decimal | None:
    return None if value is None else _to_decimal(value)


@frozen(kw_only=True)
class Indicator:
    """A performance indicator: kind, name, comparator word, target, unit and basis.

    In a performance table (:class:`PerformanceTable`) it also has its 二级指标
    (``category``: 数量指标, 质量指标 …), the 实际完成值 (``actual``, or ``actual_text``
    when the table writes words such as 完成), its 分值/权重 (``weight``) and 得分
    (``score``). ``target_text`` keeps a target that is not a number with a unit
    (优良, 及时, a period such as 2024.03-2024.12) as written.

    >>> Indicator(kind=IndicatorKind.OUTPUT, name="完成上级交办案件",
    ...           comparator="大于", target=Decimal(110), unit="件").comparison
    <Comparator.GT: '>'>
    """

    kind: IndicatorKind
    name: str
    comparator: str | None = field(default=None, validator=_check_comparator)
    target: Decimal | None = field(default=None, converter=_optional_decimal)
    unit: str | None = None
    basis: str | None = None
    category: str | None = None
    target_text: str | None = None
    actual: Decimal | None = field(default=None, converter=_optional_decimal)
    actual_text: str | None = None
    weight: Decimal | None = field(default=None, converter=_optional_decimal)
    score: Decimal | None = field(default=None, converter=_optional_decimal)
    source: str | None = field(default=None, eq=False)

    @property
    def comparison(self) -> Comparator | None:
        """The comparator the word states."""
        return None if self.comparator is None else COMPARATOR_WORDS[self.comparator]


class GoalKind(Enum):
    """Which part of the performance section a goal belongs to."""

    LONG_TERM = "long_term"  # 长期目标
    ANNUAL = "annual"  # 年度目标
    PROJECT = "project"  # 项目绩效目标


@frozen(kw_only=True)
class Goal:
    """A performance goal (绩效目标) and its indicators."""

    kind: GoalKind
    name: str | None = None
    number: int | None = None
    indicators: tuple[Indicator, ...] = field(default=(), converter=_indicators)


class PerformanceTableKind(Enum):
    """Which performance table: a target table or a self-evaluation."""

    TARGETS = "targets"  # 绩效目标表, 绩效目标申报表
    SELF_EVALUATION = "self_evaluation"  # 绩效自评表


@frozen(kw_only=True)
class FundLine:
    """One line of a performance table's funds (资金来源, 预算执行情况).

    ``initial`` is the 年初预算数 (年初安排金额), ``full_year`` the 全年预算数
    (调整后预算数), ``executed`` the 全年执行数 (预算执行数), ``rate`` the stated
    执行率, and ``weight``/``score`` the 分值 and 得分 of budget execution. ``part``
    says the line is one of the parts (其中 …) of the line before the parts.

    >>> from govbudget.money import wan
    >>> FundLine(name="总额", full_year=wan("3.36"), executed=wan("3.36")).executed
    Money('33600.00', 'CNY')
    """

    name: str
    part: bool = False
    initial: Amount | None = field(default=None, converter=_optional_amount)
    full_year: Amount | None = field(default=None, converter=_optional_amount)
    executed: Amount | None = field(default=None, converter=_optional_amount)
    rate: StatedPercent | None = None
    weight: Decimal | None = field(default=None, converter=_optional_decimal)
    score: Decimal | None = field(default=None, converter=_optional_decimal)
    source: str | None = field(default=None, eq=False)


@frozen(kw_only=True)
class StatedWeight:
    """A weight a performance table states for a part of it: 绩效指标（90分）,
    产出指标权重分值50分, 预算执行情况（10分）.

    ``part`` is ``indicators`` (all the indicators), ``funds`` (budget
    execution) or an indicator kind's value (``output``, ``effect`` …).
    """

    name: str
    part: str
    weight: Decimal = field(converter=_to_decimal)


@frozen(kw_only=True)
class PerformanceTable:
    """A 项目支出绩效目标表 or 绩效自评表: the project, its funds and its scored indicators.

    ``weights`` are the weights the table states for its parts; ``total_weight`` and
    ``total_score`` the 合计 (总分) row. ``complete`` says the indicators end
    where the table says (a 合计 row, or a part after them) rather than where the
    text stops: only then are the weights of a part summed.
    """

    kind: PerformanceTableKind
    title: str | None = None
    project: str | None = None
    funds: tuple[FundLine, ...] = field(default=(), converter=_funds)
    indicators: tuple[Indicator, ...] = field(default=(), converter=_indicators)
    weights: tuple[StatedWeight, ...] = field(default=(), converter=_weights)
    total_weight: Decimal | None = field(default=None, converter=_optional_decimal)
    total_score: Decimal | None = field(default=None, converter=_optional_decimal)
    complete: bool = False
    source: str | None = field(default=None, eq=False)


@frozen(kw_only=True)
class ProjectCount:
    """How many projects a performance report says were carried out, and how they came:
    实施项目共 12 个 … 年初批复预算 6 个项目 540 万元 … 年中增加 6 个项目.

    ``total`` is the number stated for all; ``initial`` the projects of the budget at
    the start of the year (with their amount, ``initial_amount``), ``added`` those added
    during the year.

    >>> ProjectCount(total=15, initial=8, added=7).added
    7
    """

    total: int
    initial: int | None = None
    added: int | None = None
    initial_amount: Amount | None = field(default=None, converter=_optional_amount)
    source: str | None = field(default=None, eq=False)


@frozen(kw_only=True)
class Performance:
    """预算绩效: the department's overall statement, long-term and annual goals, the
    performance tables (绩效目标表, 绩效自评表) the disclosure prints, and what its
    performance report states in sentences: the project counts, and the funds with
    their 执行率 (``funds``: 全年预算数 60 万元，全年执行数 57 万元，预算执行率 95%)."""

    overall: str | None = None
    long_term: tuple[Goal, ...] = field(default=(), converter=_goals)
    annual: tuple[Goal, ...] = field(default=(), converter=_goals)
    tables: tuple[PerformanceTable, ...] = field(default=(), converter=_performance_tables)
    project_counts: tuple[ProjectCount, ...] = field(default=(), converter=_project_counts)
    funds: tuple[FundLine, ...] = field(default=(), converter=_funds)


@frozen(kw_only=True)
class Project:
    """A key project (重点项目): its amount, funding sources, goals and other stated figures.

    ``funding`` lists where its money comes from (其中 … 资金来源为 …);
    ``other_figures`` keeps amounts the text states about the project that are
    not its budget (e.g. 上级规定地方匹配资金 50 万元).
    """

    name: str
    amount: Figure | None = None
    funding: tuple[Node, ...] = field(default=(), converter=_nodes)
    description: str | None = None
    goals: tuple[Goal, ...] = field(default=(), converter=_goals)
    other_figures: tuple[Node, ...] = field(default=(), converter=_nodes)


@frozen(kw_only=True)
class FinalAccounts:
    """What a 决算 adds: 年初结转和结余, 结余分配 and 年末结转和结余.

    With 本年收入 and 本年支出 (the budget's income and expenditure totals) and
    使用非财政拨款结余 (``Income.surplus_used``):
    收入 + 使用非财政拨款结余 + 年初结转和结余 = 支出 + 结余分配 + 年末结转和结余.
    """

    carried_in: Figure | None = None
    distribution: Figure | None = None
    carried_out: Figure | None = None


def _check_year(_instance: object, _attribute: object, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1949 <= value <= 2200:
        raise ModelError(f"year must be an integer from 1949 to 2200 (or None), not {value!r}")


def _check_department(_instance: object, _attribute: object, value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ModelError(f"department must be a non-empty name (or None), not {value!r}")


@frozen(kw_only=True)
class DepartmentBudget:
    """A 部门预算 or 部门决算 disclosure: identity, precision and every stated part.

    ``department`` and ``year`` are ``None`` when the document does not say them (a
    narrative excerpt that names neither): such a budget is checked like any other, the
    rules that need the year (the code tables) say they could not run, and IDN001 warns
    once that the unit or year is not named.
    ``precision`` is the document's declared unit and decimals (万元, 2 unless
    declared otherwise); a figure's own ``precision`` overrides it. ``tables``
    holds the standard tables (公开表) as printed, when the disclosure was read
    with them (:func:`govbudget.read_document`) or pasted into its text.
    ``statements`` holds the figures a narrative states that no field of the model holds ("全镇本级一般公共预算收入 236.40
    万元", "工资福利支出较上年增 13.42 万元"), each a line named by its label as written,
    with the parts it lists (其中 …) as children: the rules check them like any other
    figure (sums of parts, changes, percents, shares, completion, restatements).
    ``contents`` is its table of contents (目录) as printed, entry by entry, and
    ``wording`` the places of its text the wording rules judge
    (:mod:`govbudget.wording`).
    """

    department: str | None = field(default=None, validator=_check_department)
    year: int | None = field(default=None, validator=_check_year)
    kind: Kind = Kind.BUDGET
    level: Level = Level.DEPARTMENT
    region: str | None = None
    precision: Precision = DEFAULT_PRECISION
    staffing: Staffing | None = None
    income: Income | None = None
    expenditure: Expenditure | None = None
    appropriation: Appropriation | None = None
    institutional_operation: Figure | None = None
    three_public: ThreePublic | None = None
    procurement: Procurement | None = None
    assets: Assets | None = None
    projects: tuple[Project, ...] = field(default=(), converter=_projects)
    performance: Performance | None = None
    final: FinalAccounts | None = None
    statements: tuple[Node, ...] = field(default=(), converter=_nodes)
    tables: tuple[Table, ...] = field(default=(), converter=_tables)
    contents: tuple[str, ...] = field(default=(), converter=_contents)
    wording: tuple[Wording, ...] = field(default=(), converter=_wording)

    def precision_of(self, figure: Figure) -> Precision:
        """The precision ``figure`` is published at: its own, or the document's."""
        return figure.precision if figure.precision is not None else self.precision


#: The trees of a budget that :func:`replace_node` can edit.
TreeName: TypeAlias = Literal[
    "expenditure.by_function",
    "expenditure.by_economic",
    "appropriation.by_function",
    "appropriation.by_economic",
]


def replace_node(
    budget: DepartmentBudget, tree: TreeName, path: Path, new: Node
) -> DepartmentBudget:
    """A new budget with the node at ``path`` of ``tree`` replaced by ``new``.

    >>> from govbudget.money import wan
    >>> b = DepartmentBudget(department="某局", year=2025, expenditure=Expenditure(
    ...     by_function=(Node(code="201", name="一般公共服务支出", amount=wan(1)),)))
    >>> c = replace_node(b, "expenditure.by_function", ("201",),
    ...                  Node(code="201", name="一般公共服务支出", amount=wan(2)))
    >>> c.expenditure.by_function[0].amount == wan(2), b.expenditure.by_function[0].amount == wan(1)
    (True, True)
    """
    section_name, tree_name = tree.split(".")
    section = getattr(budget, section_name)
    if section is None:
        raise ModelError(f"the budget has no {section_name} section")
    roots: tuple[Node, ...] = getattr(section, tree_name)
    updated = evolve(section, **{tree_name: replace_at(roots, path, new)})
    return evolve(budget, **{section_name: updated})
