"""What a document's words show beyond its figures: the evidence the wording rules judge.

A reviewer reads more than the arithmetic: a template placeholder left in
("XX局", "××", "增加（减少）"), a heading or date of another year, 部门 written
where the document is a 单位's, a reason sentence that stops after "主要原因是：",
doubled punctuation, a percent written without "%". The narrative reader
records each such place as a :class:`Wording` — what kind of thing it is, the
words as printed, the words around them and where — in
``DepartmentBudget.wording``; the rules of the family "wording"
(:mod:`govbudget.rules.wording`) judge them against the document (its year,
kind and level) with a severity and a message. Recording is neutral: a year
in a heading is recorded whatever it is, and the rule decides whether it
contradicts the document's year.

``DepartmentBudget.contents`` keeps the document's table of contents (目录), so
that the required tables can be checked against it.

>>> w = Wording(WordingKind.HEADING_YEAR, "2023年度", around="2023年度部门决算表", year=2023)
>>> w.kind.value, w.year
('heading_year', 2023)
"""

from __future__ import annotations

from enum import Enum

from attrs import field, frozen

__all__ = ["Wording", "WordingKind"]


class WordingKind(Enum):
    """The kinds of wording evidence a reader records."""

    PLACEHOLDER = "placeholder"  # a template slot left in: XX局, ××, 增加（减少）
    HEADING_YEAR = "heading_year"  # the year a heading or title names
    AS_OF_YEAR = "as_of_year"  # the year of a 截至/截止 date (截至2023年12月31日)
    LEVEL_WORD = "level_word"  # how the document names itself: 部门决算 / 单位决算 …
    CUT_REASON = "cut_reason"  # a reason sentence with nothing after its colon
    PUNCTUATION = "punctuation"  # doubled punctuation (。。, ，，)
    PERCENT_SIGN = "percent_sign"  # a rate written without %
    BLANK = "blank"  # a template slot left empty: 占 %, 增加 万元


@frozen
class Wording:
    """One place of the text a wording rule judges.

    - ``kind``: what it is; ``text``: the words as printed;
    - ``around``: the words around it, for the reader of a finding;
    - ``year``: the year named (``HEADING_YEAR``, ``AS_OF_YEAR``);
    - ``word``: the word used (``LEVEL_WORD``: 部门 or 单位);
    - ``source``: where it is (``narrative.txt:12:5``; not part of equality).
    """

    kind: WordingKind
    text: str
    around: str | None = None
    year: int | None = None
    word: str | None = None
    source: str | None = field(default=None, eq=False)
