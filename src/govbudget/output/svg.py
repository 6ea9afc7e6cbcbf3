"""Small bar charts as inline SVG, made by hand.

Why not a plotting library: the report needs three kinds of horizontal bar
chart (amounts by class, stated beside computed, changes that may be
negative). Written here they are a few hundred bytes of SVG per chart, with
their labels as real text (so Chinese is drawn by the reader's own fonts,
searchable and copyable), no script, no style sheet and no dependency. Four
bars of 支出功能分类 take 1.3 KB here and 17.7 KB from pygal 3.1 (without its
script); matplotlib is a much larger dependency and needs a CJK font
installed to draw Chinese labels.

>>> chart = bars([Bar("201 一般公共服务支出", Fraction(33803, 100))], unit="万元", title="支出")
>>> chart.startswith("<svg") and "一般公共服务支出" in chart
True
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from html import escape
from typing import Final

from attrs import frozen

__all__ = ["Bar", "bars", "number_label"]

_WIDTH: Final = 640
_LABEL: Final = 240  # the labels' column
_ROW: Final = 22
_COLOURS: Final = ("#3b6ea5", "#d9822b")


@frozen
class Bar:
    """One row of a chart: its label and one value per series; ``href`` links the row."""

    label: str
    value: Fraction
    other: Fraction | None = None
    href: str | None = None
    note: str | None = None


def number_label(value: Fraction, decimals: int) -> str:
    """``value`` rounded half-up to ``decimals`` places, for a bar's label."""
    scaled = abs(value) * 10**decimals
    whole = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)
    digits = str(whole).rjust(decimals + 1, "0")
    text = f"{digits[:-decimals]}.{digits[-decimals:]}" if decimals else digits
    return f"-{text}" if value < 0 and whole else text


def _x(value: Fraction, low: Fraction, span: Fraction) -> int:
    return _LABEL + round((value - low) / span * (_WIDTH - _LABEL - 70))


def bars(
    rows: Sequence[Bar],
    *,
    unit: str,
    title: str,
    series: tuple[str, str] | None = None,
    decimals: int = 2,
) -> str:
    """A horizontal bar chart of ``rows``; with ``series`` two bars a row (``value``, ``other``).

    Negative values extend left of the zero line.
    """
    values = [v for r in rows for v in (r.value, r.other) if v is not None]
    low = min([Fraction(0), *values])
    high = max([Fraction(0), *values])
    span = (high - low) or Fraction(1)
    per_row = _ROW * (2 if series else 1) + 8
    legend = 18 if series else 0
    height = 28 + legend + per_row * len(rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {_WIDTH}'
        f' {height}" width="{_WIDTH}" height="{height}" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" font-weight="bold">{escape(title)}（{escape(unit)}）</text>'
        if unit
        else f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>',
    ]
    if series:
        for i, name in enumerate(series):
            x = _LABEL + i * 140
            parts.append(
                f'<rect x="{x}" y="24" width="10" height="10" fill="{_COLOURS[i]}"/>'
                f'<text x="{x + 14}" y="33">{escape(name)}</text>'
            )
    zero = _x(Fraction(0), low, span)
    top = 28 + legend
    parts.append(
        f'<line x1="{zero}" y1="{top}" x2="{zero}" y2="{height}" stroke="#888" stroke-width="1"/>'
    )
    for index, row in enumerate(rows):
        y = top + index * per_row
        group = [
            f'<text x="{_LABEL - 6}" y="{y + 15}" text-anchor="end">{escape(_short(row.label))}</text>'
        ]
        for i, value in enumerate((row.value, row.other)[: 2 if series else 1]):
            if value is None:
                continue
            start, end = sorted((zero, _x(value, low, span)))
            by = y + i * _ROW
            shown = number_label(value, decimals)
            tip = f"{row.label}: {shown}{unit}" + (f" ({series[i]})" if series else "")
            if row.note:
                tip += f" ({row.note})"
            group.append(
                f'<rect class="bar" x="{start}" y="{by + 3}" width="{max(end - start, 1)}"'
                f' height="{_ROW - 6}" fill="{_COLOURS[i]}"><title>{escape(tip)}</title></rect>'
                f'<text x="{max(end, zero) + 4}" y="{by + 15}">{escape(shown)}</text>'
            )
        body = "".join(group)
        if row.href:
            body = f'<a href="{escape(row.href)}">{body}</a>'
        parts.append(f"<g>{body}</g>")
    parts.append("</svg>")
    return "".join(parts)


def _short(label: str, width: int = 34) -> str:
    """A label cut to fit the labels' column (a CJK character takes two)."""
    used, out = 0, list[str]()
    for char in label:
        used += 2 if ord(char) > 0x2E80 else 1
        if used > width:
            return "".join(out) + "…"
        out.append(char)
    return label
