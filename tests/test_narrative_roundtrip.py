"""Property: a budget rendered into narrative text, any phrasing, reads back to the same figures.

The renderer below writes generated figures the way disclosures do — each part under a
heading numbered in one of the styles (第一部分, 一、, （一）, 1., 1、), year-on-year changes in
brackets or after 比上年/较上年/比去年, "万" or "万元", codes or 类 markers on the function
classes, full-width digits, stray spaces — then wraps the text the way a PDF page does (by
printed width, so a number or a word may be cut at the margin, with blank lines and page
breaks between lines). Reading it back must give every figure, and leave no number
unexplained.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from attrs import frozen
from hypothesis import given
from hypothesis import strategies as st

from govbudget.figure import StatedChange, StatedPercent
from govbudget.money import Amount, Unit
from govbudget.narrative import Disposition, read_narrative, value_at

FUNCTION = (
    ("201", "一般公共服务支出"),
    ("205", "教育支出"),
    ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"),
    ("221", "住房保障支出"),
)
WAGES = (("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"), ("30113", "住房公积金"))
DEPARTMENTS = ("某县财政局", "某市教育局", "某区卫生健康委员会", "某镇人民政府")
MARKERS = (
    lambda i: f"{'一二三四五六七八九十'[i]}、",
    lambda i: f"（{'一二三四五六七八九十'[i]}）",
    lambda i: f"{i + 1}.",
    lambda i: f"{i + 1}、",
)


@frozen
class Style:
    """How one rendering writes: the choices a publisher makes."""

    marker: Callable[[int], str]
    wan: str  # "万元" or "万"
    yoy: int  # which year-on-year phrasing
    full_width: bool
    spaces: bool
    coded: int  # how function classes name themselves
    width: int  # printed width of a page line
    breaks: tuple[str, ...]  # what stands between two lines of the page


@frozen
class Rendered:
    text: str
    expected: dict[str, str]


def _number(value: Decimal, style: Style) -> str:
    text = f"{value.normalize():f}" if value else "0"
    if style.full_width:
        text = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return f" {text} " if style.spaces else text


def _money(value: Decimal, style: Style) -> str:
    return _number(value, style) + style.wan


def _yoy(amount: Decimal, prior: Decimal, percent: Decimal, style: Style) -> str:
    change = amount - prior
    up = change >= 0
    word, pword = ("增加", "增长") if up else ("减少", "下降")
    c, p = _money(abs(change), style), _number(percent, style) + "%"
    if style.yoy == 0:
        return f"（上年{_money(prior, style)}，同比{word}{c}，同比{word}{p}）"
    if style.yoy == 1:
        return f"，比上年{word}{c}，{pword}{p}"
    if style.yoy == 2:
        return f"，较上年{word}{c}，同比{'降低' if not up else '增长'}{p}"
    return f"，比去年预算{_money(prior, style)}{word}{c}"


def _yoy_expected(
    path: str, amount: Decimal, prior: Decimal, percent: Decimal, style: Style
) -> dict[str, str]:
    change = amount - prior
    up = change >= 0
    word = "增加" if up else "减少"
    found = {f"{path}/amount": _plain(amount), f"{path}/change": f"{word} {_plain(abs(change))}"}
    if style.yoy in (0, 3):
        found[f"{path}/prior"] = _plain(prior)
    written = _plain(percent)
    if style.yoy == 0:
        found[f"{path}/percent"] = f"{word} {written}"
    elif style.yoy == 1:
        found[f"{path}/percent"] = f"{'增长' if up else '下降'} {written}"
    elif style.yoy == 2:
        found[f"{path}/percent"] = f"{'增长' if up else '降低'} {written}"
    return found


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}" if value else "0"


def _wrap(paragraphs: list[str], style: Style, draw: st.DrawFn) -> str:
    """Paragraphs cut into page lines by printed width, with what PDFs put between them."""
    lines: list[str] = []
    for paragraph in paragraphs:
        line, width = "", 0.0
        for char in paragraph:
            size = 1.0 if ord(char) > 0x2E7F else 0.5
            if width + size > style.width and line:
                lines.append(line)
                line, width = "", 0.0
            line += char
            width += size
        lines.append(line)
    out = lines[0]
    for line in lines[1:]:
        out += draw(st.sampled_from(style.breaks)) + line
    return out + "\n"


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)
percents = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99.9"), places=1)


@st.composite
def narratives(draw: st.DrawFn) -> Rendered:
    style = Style(
        marker=draw(st.sampled_from(MARKERS)),
        wan=draw(st.sampled_from(("万元", "万"))),
        yoy=draw(st.integers(0, 3)),
        full_width=draw(st.booleans()),
        spaces=draw(st.booleans()),
        coded=draw(st.integers(0, 2)),
        width=draw(st.integers(22, 40)),
        breaks=draw(st.sampled_from((("\n",), ("\n\n",), ("\n", "\n\n", "\n\n\n\n")))),
    )
    department = draw(st.sampled_from(DEPARTMENTS))
    year = draw(st.integers(2019, 2030))
    m = style.marker
    expected: dict[str, str] = {"/department": department, "/year": str(year)}
    paragraphs = [f"{department}{year}年部门预算情况说明"]

    total, prior, percent = draw(amounts), draw(amounts), draw(percents)
    paragraphs += [
        f"{m(0)}收入预算情况",
        f"收入总计{_money(total, style)}{_yoy(total, prior, percent, style)}。",
    ]
    expected.update(_yoy_expected("/income/grand_total", total, prior, percent, style))

    classes = draw(st.lists(st.sampled_from(FUNCTION), min_size=1, max_size=4, unique=True))
    paragraphs += [f"{m(1)}支出预算情况", "按照支出功能分类科目，主要用于："]
    for index, (code, name) in enumerate(classes):
        value = draw(amounts)
        label = (f"（{code}）{name}", f"{name.removesuffix('支出')}（类）", name)[style.coded]
        paragraphs.append(f"{index + 1}.{label}{_money(value, style)}：主要用于相关方面的支出。")
        expected[f"/expenditure/by_function/{code}/amount"] = _plain(value)
    wages = draw(st.lists(st.sampled_from(WAGES), min_size=1, max_size=4, unique=True))
    wage_values = [draw(amounts) for _ in wages]
    items = "、".join(
        f"{name}{_money(v, style)}" for (_, name), v in zip(wages, wage_values, strict=True)
    )
    paragraphs += [
        "按照支出经济分类科目，主要用于：",
        f"1.工资福利支出{_money(sum(wage_values, Decimal(0)), style)}：主要用于工资福利。（{items}）",
    ]
    for (code, _), value in zip(wages, wage_values, strict=True):
        expected[f"/expenditure/by_economic/301/{code}/amount"] = _plain(value)

    operation, op_prior, op_percent = draw(amounts), draw(amounts), draw(percents)
    paragraphs += [
        f"{m(2)}机关运行经费",
        f"本部门{year}年度机关运行经费支出{_money(operation, style)}{_yoy(operation, op_prior, op_percent, style)}。",
    ]
    expected.update(
        _yoy_expected("/institutional_operation", operation, op_prior, op_percent, style)
    )

    reception, purchase, running = draw(amounts), draw(amounts), draw(amounts)
    three = reception + purchase + running
    paragraphs += [
        f"{m(3)}“三公”经费预算情况说明",
        f"{year}年“三公”经费预算{_money(three, style)}。其中：因公出国（境）费{_money(Decimal(0), style)}，"
        f"较上年持平；公务接待费{_money(reception, style)}；公务用车购置费{_money(purchase, style)}；"
        f"公务用车运行维护费{_money(running, style)}。",
    ]
    expected.update(
        {
            "/three_public/total/amount": _plain(three),
            "/three_public/overseas/amount": "0",
            "/three_public/overseas/change": "持平",
            "/three_public/reception/amount": _plain(reception),
            "/three_public/vehicle_purchase/amount": _plain(purchase),
            "/three_public/vehicle_operation/amount": _plain(running),
        }
    )
    fund = draw(st.booleans())
    paragraphs += [f"{m(4)}政府性基金预算情况"]
    if fund:
        paragraphs.append(f"{year}年本部门无政府性基金收支预算。")
        expected["/appropriation/government_fund/total/none_stated"] = "True"
    else:
        paragraphs.append(f"{year}年政府性基金预算支出{_money(Decimal(0), style)}。")
        expected["/appropriation/government_fund/total/amount"] = "0"
    return Rendered(_wrap(paragraphs, style, draw), expected)


def _show(value: object) -> str:
    if isinstance(value, Amount):
        return _plain(value.in_unit(Unit.WAN))
    if isinstance(value, StatedChange):
        return f"{value.word or ''}{'' if value.value is None else ' ' + _show(value.value)}"
    if isinstance(value, StatedPercent):
        return f"{value.word} {value.value}" if value.word else str(value.value)
    return str(value)


@given(narratives())
def test_rendered_budgets_read_back(rendered: Rendered) -> None:
    extraction = read_narrative(rendered.text)
    budget = extraction.budget
    assert budget is not None, rendered.text
    read = {path: _show(value_at(budget, path)) for path in rendered.expected}
    assert read == rendered.expected, rendered.text
    unread = [
        n.describe() for n in extraction.numbers if n.disposition is Disposition.NOT_UNDERSTOOD
    ]
    assert unread == [], rendered.text
