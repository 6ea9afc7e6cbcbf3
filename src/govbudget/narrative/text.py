"""Normalising PDF-extracted narrative text, keeping a map back to line and column.

Text extracted from a PDF breaks lines wherever the page did — inside words,
between a number and its unit, sometimes inside a number — and adds blank
lines, stray spaces and full-width characters. :func:`normalize` turns it into
*logical lines*: one per paragraph or list item, with

- full-width digits, letters and ``％．`` folded to ASCII, and the ASCII forms
  of ``( ) : ;`` and list commas written the Chinese way (``（ ） ： ； ，``), so
  one pattern reads both;
- spaces removed, except one between two ASCII words or numbers (``2380.56
  2396.14`` stays two numbers);
- thousands separators removed (``1,234.56``) — only where the groups are exact;
- a line joined to the next unless the line is a heading, is clearly shorter
  than the page's lines (a paragraph's end), or the next line starts a
  numbered item; two digits either side of a line break are joined only when
  the line is as long as the page's full lines (a number split by the margin),
  never otherwise — two separate numbers are never made into one.

Every character of the result remembers the offset it came from, so a place in
the normalised text is reported as the line and column of the original.

>>> t = normalize("收入总计 425.23\\n\\n万元（上年 449.17 万元）")
>>> t.text
'收入总计425.23万元（上年449.17万元）'
>>> t.position(t.text.index("449"))
(3, 7)
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from functools import cache
from typing import Final, Protocol

from attrs import field, frozen

__all__ = ["ITEM_MARKER", "Text", "fold_line", "normalize"]

#: A numbered heading or list item at the start of a line: 第一部分, 一、, （一）, 1., 1、, （1）, 1）.
ITEM_MARKER: Final = re.compile(
    r"第[一二三四五六七八九十百零〇]+部分"
    r"|[一二三四五六七八九十]+[、.]"
    r"|（[一二三四五六七八九十]+）"
    r"|\d{1,2}[、.](?![\d.%])"
    r"|（\d{1,2}）"
    r"|\d{1,2}）"
)

_FOLD: Final[dict[int, int | None]] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})
_FOLD.update({0x202F: 0x20, 0x200B: None, 0xFEFF: None, 0x2212: ord("-")})
# After folding, these ASCII forms are written the Chinese way.
_CHINESE: Final = {
    ord("("): "（",
    ord(")"): "）",
    ord(":"): "：",
    ord(";"): "；",
    ord("?"): "？",
    ord("!"): "！",
}
_DIGITS_AND_COMMAS: Final = re.compile(r"[\d,]+")
_SPACE: Final = re.compile(r"[ \t\f\v]+")
_ASCII_WORD: Final = re.compile(r"[0-9A-Za-z]")
_KEEPS_SPACE: Final = re.compile(r"[0-9A-Za-z.%]")
# Only from the first blank of a run: tried from every blank of a long run that no line
# break ends, the pattern would run to the run's end each time (quadratic).
_PUBLISHED_BREAK: Final = re.compile(r"(?<![ \t\u3000])[ \t\u3000]*(?:\r\n|\r|\n)\s*")
_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


def _is_wide(char: str) -> bool:
    return ord(char) > 0x2E7F


_WIDE: Final = re.compile("[\u2e80-\U0010ffff]")


def _width(line: str) -> int:
    """The printed width of a line in half-width units (a CJK character is 2)."""
    return len(line) + len(_WIDE.findall(line))


@frozen
class Text:
    """Normalised text: logical lines joined by ``\\n``, each character mapped to its origin.

    ``raw`` is the text as given; :meth:`position` gives the 1-based line and
    column in ``raw`` of a character of ``text``.
    """

    raw: str = field(repr=False)
    text: str
    _origin: array[int] = field(alias="origin", repr=False, eq=False)
    _line_starts: tuple[int, ...] = field(alias="line_starts", repr=False, eq=False)
    _breaks: tuple[int, ...] = field(alias="breaks", repr=False, eq=False)
    _cleaned: Mapping[str, str] = field(alias="cleaned", repr=False, eq=False, factory=dict)

    def fold(self, line: str) -> str:
        """A line of ``raw`` as normalising wrote it on its own (see :func:`fold_line`): the
        lines of this text are folded once, here and by :func:`normalize`."""
        found = self._cleaned.get(line)
        return found if found is not None else fold_line(line)

    def origin(self, index: int) -> int:
        """The offset in ``raw`` of the character at ``index`` of ``text``."""
        if not self._origin:
            return 0
        return self._origin[min(max(index, 0), len(self._origin) - 1)]

    def position(self, index: int) -> tuple[int, int]:
        """The 1-based (line, column) in the original of the character at ``index``.

        >>> normalize("一\\n二三").position(2)
        (2, 2)
        """
        offset = self.origin(index)
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def around(self, start: int, end: int, width: int = 12) -> str:
        """The words around ``text[start:end]`` on its logical line, the span in 【】."""
        line_start, line_end = self.line_at(start)
        before = self.text[max(line_start, start - width) : start]
        after = self.text[end : min(line_end, end + width)]
        return f"{before}【{self.text[start:end]}】{after}"

    def published(self, start: int, end: int) -> str:
        """``text[start:end]`` as the original writes it (spaces kept), on one line.

        >>> t = normalize("2025 年本部门无政府性\\n\\n基金预算。")
        >>> t.published(0, len(t.text))
        '2025 年本部门无政府性基金预算。'
        """
        if end <= start or not self._origin:
            return ""
        piece = self.raw[self.origin(start) : self.origin(end - 1) + 1]
        return _PUBLISHED_BREAK.sub("", piece)

    def line_at(self, index: int) -> tuple[int, int]:
        """The span in ``text`` of the logical line holding ``index``.

        >>> normalize("一、收入\\n二、支出").line_at(6)
        (5, 9)
        """
        at = bisect_left(self._breaks, index)
        start = self._breaks[at - 1] + 1 if at else 0
        end = self._breaks[at] if at < len(self._breaks) else len(self.text)
        return start, end

    def lines(self) -> list[tuple[int, str]]:
        """The logical lines with the offset in ``text`` each starts at."""
        found: list[tuple[int, str]] = []
        start = 0
        for line in self.text.split("\n"):
            found.append((start, line))
            start += len(line) + 1
        return found


def _group_commas(text: str) -> set[int]:
    """The offsets of the thousands separators of exact groups ("1,234,567"), to drop.

    What ``(?<![\\d.])\\d{1,3}(?:,\\d{3})+(?![\\d,])`` finds, found from the groups
    of each run of digits and commas instead: that pattern retries every group of a
    long run that does not end in a whole group ("1" + ",000" * n + "0"), which takes
    time quadratic in the run. A grouped number ends its run, and starts at the
    earliest group that only whole groups follow.
    """
    drop: set[int] = set()
    for run in _DIGITS_AND_COMMAS.finditer(text):
        groups = run.group().split(",")
        if len(groups) < 2 or len(groups[-1]) != 3:
            continue
        first = len(groups) - 2
        while first > 0 and len(groups[first]) == 3:
            first -= 1
        after_point = first == 0 and run.start() > 0 and text[run.start() - 1] == "."
        if not 1 <= len(groups[first]) <= 3 or after_point:
            first += 1
        if first > len(groups) - 2:
            continue
        offset = run.start() + sum(len(group) + 1 for group in groups[:first])
        for group in groups[first:-1]:
            offset += len(group)
            drop.add(offset)
            offset += 1
    return drop


@frozen
class _Line:
    """A physical line: cleaned text, each character's raw offset, and its printed width."""

    text: str
    offsets: list[int]
    width: int  # half-widths as printed, spaces included: a margin cuts lines by this


#: What mirror sites and word processors add that is not the document's text: a pinyin gloss
#: after a character ("經（jīng）費"), a Word field code in a table of contents
#: ("PAGEREF _Toc25831 \h"), an HTML conditional comment ("<![endif]>").
_NOISE: Final = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(][a-zA-Z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]*[)）]"
    r"|(?:PAGEREF|HYPERLINK|REF)\s*\\?l?\s*\"?_Toc\d+\"?\s*(?:\\?[hpo](?![a-zA-Z]))?"
    r"|<!\[(?:end)?if[^\]]*\]>"
)

#: A page's number on a line of its own, as a PDF's header or footer prints it ("— 3 —",
#: "-12-", "第 3 页", "第3页 共12页"): not the document's text, and the sentence it cuts
#: goes on after it.
_PAGE_LINE: Final = re.compile(
    r"[-—－–]+\s*\d{1,3}\s*[-—－–]+|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?"
)


def _drop_noise(line: str) -> set[int]:
    """The offsets in ``line`` of characters that are noise (see :data:`_NOISE`)."""
    if "（" not in line and "(" not in line and "_Toc" not in line and "<![" not in line:
        return set()
    return {i for match in _NOISE.finditer(line) for i in range(match.start(), match.end())}


def _simplified(text: str) -> str:
    """``text`` in simplified characters, character for character (traditional mirrors)."""
    convert = _converter().convert
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        # A lone surrogate cannot go to OpenCC (it works on UTF-8): it stays as it is, and
        # the characters around it are converted on their own.
        return "".join(
            char if 0xD800 <= ord(char) <= 0xDFFF else _one(convert, char) for char in text
        )
    converted = convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase conversion changed the length: convert one character at a time instead, so
    # every character keeps its place in the original.
    return "".join(_one(convert, char) for char in text)


def _one(convert: Callable[[str], str], char: str) -> str:
    converted = convert(char)
    return converted if len(converted) == 1 else char


class _Convert(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _converter() -> _Convert:
    """OpenCC's traditional-to-simplified converter, made on first use (it loads dictionaries)."""
    import opencc

    converter: _Convert = opencc.OpenCC("t2s")
    return converter


#: The folding of :data:`_FOLD` without its deletions, for ``str.translate``.
_FOLD_KEEP: Final = {k: v for k, v in _FOLD.items() if v is not None}
_DELETED: Final = re.compile("[" + "".join(chr(k) for k, v in _FOLD.items() if v is None) + "]")
#: What the second pass changes one for one: "," and the ASCII forms written the Chinese way.
_CHINESE_KEEP: Final = {ord(","): "，", **_CHINESE}
_SECOND_PASS: Final = re.compile(r"[\s,]")


def _clean_line(line: str, start: int) -> _Line:
    """One physical line folded, de-spaced and de-grouped, with each char's raw offset."""
    # Folding may delete characters (zero-width spaces, noise): keep the offsets alongside.
    noise = _drop_noise(line)
    if noise or _DELETED.search(line):
        chars: list[str] = []
        offsets: list[int] = []
        for i, char in enumerate(line):
            mapped = _FOLD.get(ord(char), ord(char))
            if mapped is None or i in noise:
                continue
            chars.append(chr(mapped))
            offsets.append(start + i)
        text = "".join(chars)
    else:
        # The common case, at C speed: nothing deleted, one character for one.
        text = line.translate(_FOLD_KEEP)
        offsets = list(range(start, start + len(line)))
    if not _SECOND_PASS.search(text):
        return _Line(text.translate(_CHINESE_KEEP), offsets, _width(line.strip()))
    # What goes: the thousands separators of exact groups, and runs of spaces — one stays
    # between two ASCII words or numbers ("2380.56 2396.14" stays two numbers).
    cuts = [(i, i + 1, False) for i in _group_commas(text)]
    for space in _SPACE.finditer(text):
        a, b = space.span()
        keep = (
            a > 0
            and b < len(text)
            and bool(_KEEPS_SPACE.match(text[a - 1]) and _ASCII_WORD.match(text[b]))
        )
        cuts.append((a, b, keep))
    pieces: list[str] = []
    kept: list[int] = []
    pos = 0
    for a, b, keep in sorted(cuts):
        if a < pos:
            continue
        pieces.append(text[pos:a])
        kept.extend(offsets[pos:a])
        if keep and pieces and pieces[-1]:
            pieces.append(" ")
            kept.append(offsets[a])
        pos = b
    pieces.append(text[pos:])
    kept.extend(offsets[pos:])
    return _Line("".join(pieces).translate(_CHINESE_KEEP), kept, _width(line.strip()))


_HEADING_WORDS: Final = re.compile(r"情况|说明|概况|职责|解释|预算表|决算表|目标|经费|采购|资产")
#: A short title naming a kind of figure ("二、财政拨款支出"): a heading too, where a longer
#: numbered line with brackets ("1、…支出（类）…（款）") is an item.
_SHORT_TITLE: Final = re.compile(r"[^（）()]{0,12}(?:支出|收入|拨款|绩效)[^（）()]{0,4}")
_HEADING_END: Final = re.compile(r"(?:情况|说明|概况|职责|解释|表|目标)[：。]?$")
_MIN_PAGE_WIDTH: Final = 24  # half-widths
# A line this wide that stops inside a number was cut by the margin, not a table cell.
_LONG_LINE: Final = 40  # half-widths
_ENDS_SENTENCE: Final = "。！？；"
_NUMBER_END: Final = re.compile(r"\d\.?$")
_NUMBER_START: Final = re.compile(r"^\.?\d")
_NUMBER_CHARS: Final = re.compile(r"[\d.]+")
_UNIT_START: Final = re.compile(
    r"^(?:万元|万|亿元|亿|千元|元|%|‰|人次|人|名|件|场|天|次|个|项|户|家|辆)"
)


def _is_heading_line(line: _Line, full: int, wrapped: bool) -> bool:
    """Whether a numbered line is a heading: a few words of a part's title, no punctuation
    inside, shorter than the page's lines where the text is wrapped."""
    marker = ITEM_MARKER.match(line.text)
    if marker is None:
        return False
    title = line.text[marker.end() :]
    if any(mark in title.rstrip("：。") for mark in "：。，；"):
        return False
    if not _HEADING_WORDS.search(title) and not _SHORT_TITLE.fullmatch(title.rstrip("：")):
        return False
    if _NUMBER_END.search(title):
        return False  # "1.一般公共服务支出（类）338.03" goes on with its unit on the next line
    return not wrapped or 10 * line.width < 9 * full or bool(_HEADING_END.search(title))


def _page_width(lines: list[_Line]) -> tuple[int, bool]:
    """The width of a full line of the page, and whether the text is wrapped at it.

    The page width is the widest that at least three lines come within a tenth of
    (one overlong line does not set it); the text is wrapped when such full lines
    are at least a tenth of its lines and hold a dozen characters or more.
    """
    widths = sorted(line.width for line in lines)
    for top in reversed(widths):
        full = bisect_right(widths, top) - bisect_left(widths, -(-9 * top // 10))
        if full >= 3:
            wrapped = top >= _MIN_PAGE_WIDTH and 10 * full >= len(widths)
            return top, wrapped
    return (widths[-1] if widths else 0), False


#: A page's bare number on a line of its own ("7"), where a PDF's footer cuts a sentence.
_BARE_PAGE: Final = re.compile(r"\d{1,3}")
#: What may follow a number on its own line as its unit or its sentence's punctuation ("12" and
#: "批次" on two lines): that number is the sentence's, not the page's.
_GOES_ON_NUMBER: Final = re.compile(
    r"^(?:[，。、；：%‰）.\-—~～]|[万亿千元人名件场天次个项户家辆批台套所座处倍年月日号期轮篇份张部间"
    r"栋条亩吨米小节课门种类级岁周届季分度株只头棵册本盏口眼点宗起例以余多左]|公里|平方)"
)


def _is_page_number(before: _Line, line: _Line, after: _Line, full: int, wrapped: bool) -> bool:
    """Whether a line of 1–3 digits alone is a page's number between two lines of one
    sentence ("…财政拨款收入1300万元，占" / "7" / "92.86%；…"): the line before is prose that
    does not end its sentence or a number, and what follows is no unit or punctuation of it —
    or, in wrapped text, the line before is a full line of prose the margin cut inside a
    number that the line after goes on with ("…项目支出4" / "5" / "65.60万元").

    >>> normalize("财政拨款收入1,300万元，占\\n7\\n92.86%；事业收入70万元。").text
    '财政拨款收入1300万元，占92.86%；事业收入70万元。'
    >>> normalize("共有车辆，其中一般公务用车\\n3\\n辆").text
    '共有车辆，其中一般公务用车\\n3辆'
    """
    if not _BARE_PAGE.fullmatch(line.text):
        return False
    previous = before.text
    if ITEM_MARKER.match(after.text) or previous[-1] in _ENDS_SENTENCE + "：:":
        return False
    if _NUMBER_END.search(previous):
        cut = wrapped and 10 * before.width >= 9 * full and before.width >= _LONG_LINE
        return cut and bool(_NUMBER_START.match(after.text)) and _in_prose(before, previous)
    if _GOES_ON_NUMBER.match(after.text):
        return False
    if _NUMBER_START.match(after.text):
        # The sentence's own number follows: only where the line before waits for one ("占"),
        # not a table's row ("一、事业收入" / "4" / "0.00": its 栏次, then its value).
        return bool(_AWAITS_NUMBER.search(previous))
    short_item = ITEM_MARKER.match(previous) is not None and before.width < _LONG_LINE
    return _in_prose(before, previous) and not short_item


def fold_line(line: str) -> str:
    """One line as :func:`normalize` writes it (folded, simplified, de-spaced), on its own.

    >>> fold_line("公務用車 運行費 1,234.5 萬元")
    '公务用车运行费1234.5万元'
    """
    base = _simplified(line) if any(ord(c) > 0x2E7F for c in line) else line
    return _clean_line(base, 0).text


def normalize(raw: str) -> Text:
    """Normalise PDF-extracted text into logical lines (see the module docstring).

    >>> normalize("1.一般公共服务（类）338.03\\n万元").text
    '1.一般公共服务（类）338.03万元'
    >>> normalize("合计\\n46.3\\n因公出国(境)费\\n11.6").text
    '合计\\n46.3\\n因公出国（境）费\\n11.6'
    """
    physical: list[_Line] = []
    line_starts = [0]
    position = 0
    # Traditional characters read as simplified, one conversion for the whole text: OpenCC
    # converts character for character, so every offset stays the original's.
    base = _simplified(raw) if any(ord(c) > 0x2E7F for c in raw) else raw
    cleaned: dict[str, str] = {}  # each raw line as cleaned, for Text.fold
    for match in _LINE_BREAK.finditer(raw):
        physical.append(_clean_line(base[position : match.start()], position))
        cleaned[raw[position : match.start()]] = physical[-1].text
        position = match.end()
        line_starts.append(position)
    physical.append(_clean_line(base[position:], position))
    cleaned[raw[position:]] = physical[-1].text
    lines = [line for line in physical if line.text and not _PAGE_LINE.fullmatch(line.text)]
    full, wrapped = _page_width(lines)
    lines = [
        line
        for index, line in enumerate(lines)
        if not (
            0 < index < len(lines) - 1
            and _is_page_number(lines[index - 1], line, lines[index + 1], full, wrapped)
        )
    ]
    chars: list[str] = []
    origin = array("l")
    for index, line in enumerate(lines):
        if index:
            separator = _separator(lines[index - 1], line.text, full, wrapped)
            if separator:
                chars.append(separator)
                origin.append(line.offsets[0])
        chars.append(line.text)
        origin.extend(line.offsets)
    text = "".join(chars)
    breaks = tuple(i for i, char in enumerate(text) if char == "\n")
    return Text(raw, text, origin, tuple(line_starts), breaks, cleaned)


#: The end of a line whose sentence goes on with a number: a word that states one ("占",
#: "决算为", "增长"), or a comma. No paragraph or table cell ends so.
_AWAITS_NUMBER: Final = re.compile(
    r"(?:占|为|是|达|增长|下降|增加|减少|降低|提高|约|比|较|的|，|、)$"
)
#: The end of a line that names a figure ("…人员经费", "…支出决算"): in prose the sentence goes
#: on with its number; a table's cell, one a line ("合计" above "46.3"), stays a cell.
_MAY_AWAIT_NUMBER: Final = re.compile(r"(?:决算|预算|经费|费|支出|收入|金额|总额|共计|合计|总计)$")


def _in_prose(before: _Line, text: str) -> bool:
    """Whether a line is a line of prose (long, or with a comma), not a table's cell."""
    return before.width >= _LONG_LINE or "，" in text or "、" in text


#: A line that opens with a short label and a colon: a field of a list of fields.
_FIELD_LINE: Final = re.compile(r"[\u4e00-\u9fff（）]{2,10}[：:]")


def _separator(before: _Line, line: str, full: int, wrapped: bool) -> str:
    """What goes between two non-empty physical lines: nothing, a space or a line break."""
    previous = before.text
    if ITEM_MARKER.match(line) or _is_heading_line(before, full, wrapped):
        return "\n"
    if _FIELD_LINE.match(line) and _FIELD_LINE.match(previous):
        return "\n"  # a list of fields, one a line ("项目名称：…", "项目金额：…")
    if _NUMBER_START.match(line) and (
        _AWAITS_NUMBER.search(previous)
        or (_MAY_AWAIT_NUMBER.search(previous) and _in_prose(before, previous))
    ):
        return ""  # "…基本支出 700.00 万元，占" and "70.71%；…": the sentence goes on
    ends_number = bool(_NUMBER_END.search(previous))
    if ends_number and _NUMBER_START.match(line):
        # A number split by the margin, or two numbers on two lines: join only the first.
        near_width = 10 * before.width >= 9 * full
        # The number ending the line, read backwards: searching for "[\d.]+$" retries
        # every digit of a long run that does not end the line (quadratic).
        tail = _NUMBER_CHARS.match(previous[::-1])
        head = _NUMBER_CHARS.match(line)
        single = tail is not None and head is not None and (tail[0] + head[0]).count(".") <= 1
        long_line = wrapped or before.width >= _LONG_LINE
        return "" if near_width and long_line and single else "\n"
    if ends_number and _UNIT_START.match(line):
        return ""  # "425.23" and "万元" on two lines
    if wrapped:
        if 10 * before.width < 8 * full:
            return "\n"  # a paragraph's last line
    elif previous[-1] in _ENDS_SENTENCE or ends_number or _NUMBER_START.match(line):
        return "\n"  # unwrapped text: a line is a paragraph, or a cell of a table
    if _ASCII_WORD.match(previous[-1]) and _ASCII_WORD.match(line[0]):
        return " "
    return ""
