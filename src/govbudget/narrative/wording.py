"""The wording evidence of a narrative, and its table of contents, recorded with their places.

:func:`scan_wording` records the places the wording rules
(:mod:`govbudget.rules.wording`) judge: template placeholders left in, the
years headings and 截至 dates name, the 部门/单位 words titles use, reason
sentences cut off after their colon, doubled punctuation and rates written
without "%". It records, it does not judge: whether a year contradicts the
document is the rule's call, made with the document's own year.
:func:`table_of_contents` reads the entries of a 目录.

Both read the normalised text (:func:`~govbudget.narrative.text.normalize`):
one logical line per heading or paragraph, full-width forms folded, so
"２０２３年度" and "2023年度" are the same; places are the original's line and column.

>>> from govbudget.narrative.text import normalize
>>> found = scan_wording(normalize("第一部分 某局2023年度部门决算\\n一、较上年增加（减少）5万元。。"), "n.txt")
>>> [(w.kind.value, w.text) for w in found]
[('heading_year', '2023年度'), ('level_word', '部门决算'), ('placeholder', '增加（减少）'), ('punctuation', '。。')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from govbudget.narrative.text import Text
from govbudget.wording import Wording, WordingKind

__all__ = ["scan_wording", "table_of_contents"]

_PLACEHOLDER: Final = re.compile(
    r"(?:[XＸ]{2,}|[×]{2,}|[Xx]{3,})(?:[\u4e00-\u9fff]{0,6}?(?:局|委|办|院|中心|单位|部门|县|区|市|镇|乡|街道))?"
    r"|(?:增加|增长|上升)[（(](?:减少|下降|降低)[）)]"
    r"|[（(](?:增加|增长|上升)[/、或](?:减少|下降|降低)[）)]"
)
_HEADING_MAX: Final = 60
_TITLE: Final = re.compile(r"(?:决算|预算)(?:表|情况|说明|公开|报告)?|部门概况|名词解释|目录")
_YEAR: Final = re.compile(r"((?:19|20)\d\d)\s*年度?")
_LEVEL: Final = re.compile(r"(部门|单位)(决算|预算)")
_AS_OF: Final = re.compile(
    r"截[至止]到?\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?"
)
_CUT_REASON: Final = re.compile(r"(?:主要)?原因(?:是|为)?[:：]\s*(?:(?=[。；，])|\n(?!\Z))")
#: What may follow a reason's colon on the next line: its first item (1、 （一） 一是 …).
_FIRST_ITEM: Final = re.compile(r"[（(]?(?:1|一|①)[）)、.．]|一是|首先|其一|第一")
_DOUBLED: Final = re.compile(r"(?<![。，；、：])([。，；、：])\1(?![。，；、：])")
# A rate word and a number with neither "%" nor a unit after it, where the rate ends.
_BARE_RATE: Final = re.compile(
    r"(?:增长|下降|上升|降低|增幅为?|降幅为?|占比为?|比重为?|完成(?:年初|全年|调整)?预算的?)"
    r"\s*(\d+(?:\.\d+)?)(?=[，。；、）)]|\n)",
)
#: A slot of a template left empty: a unit where its number should be ("占 %", "增加 万元").
_BLANK: Final = re.compile(
    r"(?:占(?:比)?|增长|下降|增加|减少|增幅|降幅|比例为|完成(?:年初)?预算的?)为?(?:%|万元)(?=[，。；）、]|$)",
    re.MULTILINE,
)
_TOC: Final = re.compile(r"^(?:目\s*录|录)$")
_LEADER: Final = re.compile(r"(?:[.．·…_\-—]{2,}\s*\d*|PAGEREF\s*_Toc\d+\s*\\h\s*\d*|\s\d{1,3})$")


def _around(text: Text, start: int, end: int) -> str:
    line_start, line_end = text.line_at(start)
    return text.text[max(line_start, start - 14) : min(line_end, end + 14)]


def _place(text: Text, source: str, index: int) -> str:
    line, column = text.position(index)
    return f"{source}:{line}:{column}"


def _record(
    text: Text, source: str, kind: WordingKind, start: int, end: int, **extra: object
) -> Wording:
    return Wording(
        kind,
        text.text[start:end],
        around=_around(text, start, end),
        source=_place(text, source, start),
        **extra,  # type: ignore[arg-type]
    )


def _headings(text: Text) -> Iterator[tuple[int, str]]:
    """The lines that are titles or headings: short, no sentence, naming a 决算/预算 part."""
    for start, line in text.lines():
        short = len(line) <= _HEADING_MAX and not line.rstrip().endswith(("：", "，", "；"))
        if short and "。" not in line and _TITLE.search(line):
            yield start, line


#: A title a document site gives an upload: a template, a sample, a model text.
_TEMPLATE_TITLE: Final = re.compile(r"模板|模版|范文|范本|样本|样表")


def scan_wording(text: Text, source: str = "<text>") -> tuple[Wording, ...]:
    """Every place of ``text`` a wording rule judges, in the order of the text."""
    found: list[tuple[int, Wording]] = []
    body = text.text
    for start, line in _headings(text):
        years = list(_YEAR.finditer(line))
        # the document's kind is the last of the words (一般公共预算财政拨款…决算表)
        kinds = re.findall(r"决算|预算", line)
        # a heading naming two years (预算执行情况和下年预算草案) or a budget's execution
        # (预算执行情况, a 决算 in all but name) names no year of its own kind
        if len({m.group(1) for m in years}) > 1 or "执行" in line:
            years = []
        if _TEMPLATE_TITLE.search(line):
            years = []  # a document site's title for the file ("…决算公开模板"), not the text's
        for match in years:
            at = start + match.start()
            found.append(
                (
                    at,
                    _record(
                        text,
                        source,
                        WordingKind.HEADING_YEAR,
                        at,
                        start + match.end(),
                        year=int(match.group(1)),
                        word=kinds[-1] if kinds else None,
                    ),
                )
            )
        for match in _LEVEL.finditer(line):
            at = start + match.start()
            found.append(
                (
                    at,
                    _record(
                        text,
                        source,
                        WordingKind.LEVEL_WORD,
                        at,
                        start + match.end(),
                        word=match.group(1),
                    ),
                )
            )
    simple = (
        (_PLACEHOLDER, WordingKind.PLACEHOLDER),
        (_CUT_REASON, WordingKind.CUT_REASON),
        (_DOUBLED, WordingKind.PUNCTUATION),
        (_BARE_RATE, WordingKind.PERCENT_SIGN),
        (_BLANK, WordingKind.BLANK),
    )
    for pattern, kind in simple:
        for match in pattern.finditer(body):
            end = match.end()
            if kind is WordingKind.CUT_REASON:
                if _FIRST_ITEM.match(body, end):
                    continue  # the reasons follow as a list
                end = len(match.group(0).rstrip()) + match.start()
            found.append((match.start(), _record(text, source, kind, match.start(), end)))
    for match in _AS_OF.finditer(body):
        found.append(
            (
                match.start(),
                _record(
                    text,
                    source,
                    WordingKind.AS_OF_YEAR,
                    match.start(),
                    match.end(),
                    year=int(match.group(1)),
                ),
            )
        )
    found.sort(key=lambda pair: pair[0])
    return tuple(w for _, w in found)


def table_of_contents(text: Text) -> tuple[str, ...]:
    """The entries of the text's 目录, as printed (dotted leaders and page numbers dropped).

    The entries are the short lines after a "目录" line, up to the first one
    the text repeats as a heading of its body (or the first sentence).

    >>> from govbudget.narrative.text import normalize
    >>> toc = "目录\\n第一部分 概况\\n第二部分 决算表……3\\n一、收入支出决算总表\\n第一部分 概况\\n职能。"
    >>> table_of_contents(normalize(toc))
    ('第一部分概况', '第二部分决算表', '一、收入支出决算总表')
    """
    lines = text.lines()
    for index, (_, line) in enumerate(lines):
        if not _TOC.match(line.strip()):
            continue
        entries: list[str] = []
        for _, entry in lines[index + 1 :]:
            entry = _LEADER.sub("", entry.strip()).strip()
            if not entry:
                continue
            if entry in entries or "。" in entry or len(entry) > _HEADING_MAX:
                break
            entries.append(entry)
        return tuple(entries)
    return ()
