"""Whose disclosure it is, for which year: the department (单位) and year from cover and titles.

A disclosure says who and when on its cover ("上海市示例区规划和自然资源局" over
"2024 年度部门决算"), in its running header, in its part headings ("第二部分
上海市XX局2024年度部门决算表") and in its table titles. :func:`identify` reads
them in that order of trust from a document's pages: the cover's name may be
set in large type over several lines (they are joined), the year written with
spaces, in Chinese numerals (二〇二四年度) or without 度; a name is taken whole,
never the tail a line break left ("资源局").

>>> from govbudget.page import Line, Page
>>> cover = Page(1, (Line("上海市示例区规划和自然"), Line("资源局"), Line("2024 年度部门决算")))
>>> identify([cover])
Identity(department='上海市示例区规划和自然资源局', year=2024, kind=<Kind.FINAL: 'final'>)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from attrs import frozen

from govbudget.model import Kind
from govbudget.page import Line, Page
from govbudget.tables.specs import match_title, normalize_text

__all__ = ["Identity", "identify"]


@frozen
class Identity:
    """The department, year and kind a disclosure names (``None`` where it names none)."""

    department: str | None = None
    year: int | None = None
    kind: Kind | None = None


_NUMERALS: Final = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")
# "2024年度部门决算", "2024年部门预算", "2024年度单位决算公开", "2024年度收入支出决算总表"
_YEAR_KIND: Final = re.compile(r"((?:19|20)\d{2})年度?[^，,。\d]{0,24}?(决算|预算)")
_YEAR: Final = re.compile(r"((?:19|20)\d{2})年度?")
_CHINESE_YEAR: Final = re.compile(r"[〇零○Ｏ一二三四五六七八九]{4}(?=年)")
_PART: Final = re.compile(r"^(?:第[一二三四五六七八九十]+部分|附件\d*[:：]?)")
_NOT_NAME: Final = re.compile(r"[\d，,。；;：:、“”%]|目录|公开|说明|情况")
_MAX_NAME: Final = 40
# Lines of the cover above the year line that may hold the name (large type wraps).
_MAX_NAME_LINES: Final = 3


def _folded(text: str) -> str:
    clean = normalize_text(text)
    return _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_NUMERALS), clean)


def _name(text: str) -> str | None:
    """``text`` as a department's name: not a sentence, not a heading, not too long."""
    name = _PART.sub("", text).strip()
    if not 2 <= len(name) <= _MAX_NAME or _NOT_NAME.search(name):
        return None
    return name


def _texts(page: Page) -> list[str]:
    return [_folded(b.text) for b in page.blocks if isinstance(b, Line)]


def _found(text: str) -> tuple[str, int, Kind] | None:
    """(what precedes the year, year, kind) of a line naming the year and 决算/预算."""
    if len(text) > 60 or "。" in text or "，" in text:
        return None
    found = _YEAR_KIND.search(text)
    if found is None:
        # A 预算's table titles may not say 预算: "某局2025年部门收支总表" is the budget's 总表.
        year = _YEAR.search(text)
        spec = None if year is None else match_title(text[year.end() :])
        if year is None or spec is None:
            return None
        return text[: year.start()], int(year.group(1)), spec.document
    kind = Kind.FINAL if found.group(2) == "决算" else Kind.BUDGET
    return text[: found.start()], int(found.group(1)), kind


def _cover(pages: Sequence[Page]) -> Iterator[Identity]:
    """The identity on the first page with text: the year line and the name lines above it."""
    texts = next((t for t in (_texts(p) for p in pages) if t), [])
    for index, text in enumerate(texts):
        found = _found(text)
        if found is None:
            continue
        before, year, kind = found
        name = _name(before)
        if name is None:
            above: list[str] = []
            for line in reversed(texts[max(0, index - _MAX_NAME_LINES) : index]):
                if _name(line) is None:
                    break
                above.insert(0, line)
            name = _name("".join(above)) if above else None
        if name is None:
            below = texts[index + 1] if index + 1 < len(texts) else ""
            name = _name(below)
        yield Identity(name, year, kind)
        return


def _titles(pages: Sequence[Page]) -> Iterator[Identity]:
    """Identities from running headers, headings and titles that name department and year."""
    for page in pages:
        headings = [t for t in _texts(page) if _PART.match(t) or match_title(t) is not None]
        for text in [*(_folded(m) for m in page.margins), *headings]:
            found = _found(text)
            if found is not None:
                before, year, kind = found
                yield Identity(_name(before), year, kind)


def identify(pages: Sequence[Page]) -> Identity:
    """The department, year and kind the pages name: the cover first, then headers and titles.

    A name from the cover is kept unless a header or title names a longer one
    that ends with it (the cover printed "XX局" under a region line that
    wrapped away); the year and kind come from the same place as the name,
    or from the first line naming them.

    >>> from govbudget.page import Line, Page
    >>> identify([Page(1, (Line("第二部分 某市某局二〇二四年度部门预算表"),))]).year
    2024
    >>> identify([Page(1, (Line("某县水务局2025年部门收支总表"),))]).kind  # a 预算 table's title
    <Kind.BUDGET: 'budget'>
    >>> identify([Page(1, (Line("目录"),))])
    Identity(department=None, year=None, kind=None)
    """
    found = [*_cover(pages), *_titles(pages)]
    if not found:
        return Identity()
    best = found[0]
    named = [f for f in found if f.department is not None]
    if best.department is None and named:
        best = Identity(named[0].department, best.year, best.kind)
    if best.department is not None:
        longer = [
            f.department
            for f in named
            if f.department is not None
            and f.department != best.department
            and f.department.endswith(best.department)
        ]
        if longer:
            best = Identity(max(longer, key=len), best.year, best.kind)
    return best
