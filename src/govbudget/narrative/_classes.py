"""The general public budget's class and item lines, named without codes (internal).

The 一般公共预算财政拨款支出 part of a narrative names its 类, 款 and 项 by name with the
level in brackets — in its structure ("一般公共服务支出（类）400万元，占71.43%") and in
its detail, one numbered line per item ("1、一般公共服务支出（类）档案事务（款）行政运行
（项）。主要用于…。年初预算为300万元，支出决算为310万元…"). Each is read into
``appropriation.by_function``. The class must be named exactly as the code table names a
class (this year's name or a former one), or as the document's own table prints one
(``printed``: that table's codes and names): a line whose class is neither is left to the
other readers. The 款 and 项 under it get the code the code table, else the document's
table, gives their exact name, and keep their name alone where neither does. A 项 named
alone ("行政运行（项）：年初预算为…") is placed only where the document's own table prints
exactly one 项 of that name, under that row's 类 and 款. A part lists the lines it
explains, not necessarily all: every line with lines under it is ``partial``. Where no line
names its level, a list after a head that says it lists the classes ("支出按功能科目分类：
农林水支出400万元，占80%；…") is read as the classes when every name in it is a class's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from attrs import evolve

from govbudget.classification.names import normalize
from govbudget.narrative._labelled import apply, sentences
from govbudget.narrative._ledger import Ledger
from govbudget.narrative.codes import code_for, top_code
from govbudget.narrative.patterns import Item, numbers_in, read_clause, read_items
from govbudget.narrative.text import ITEM_MARKER
from govbudget.tree import Node

__all__ = ["GENERAL_PUBLIC_TITLE", "ClassLines"]

#: A part's title that says it is about the general public budget's spending.
GENERAL_PUBLIC_TITLE: Final = re.compile(r"一般公共预算")

# A name: Chinese characters, with short bracketed words or numbers inside ("党委办公厅（室）"),
# never a level's bracket; at most 40 pieces (the longest official names have some 25).
_NAME: Final = r"(?:[\u4e00-\u9fff]|[（(](?![类款项][）)])[\u4e00-\u9fff\d]{1,4}[）)]){1,40}?"
#: A 类 with its 款 and 项, or a 项 named alone ("行政运行（项）：年初预算为…").
_CHAIN: Final = re.compile(
    rf"(?P<cls>{_NAME})[（(]类[）)]"
    rf"(?:(?P<sec>{_NAME})[（(]款[）)](?:(?P<item>{_NAME})[（(]项[）)])?)?"
    rf"|(?P<only>{_NAME})[（(]项[）)]"
)
#: After a chain, before its figures: another level's name, which the chain did not take in.
_MORE_LEVELS: Final = re.compile(r"[^，。；：\d]{0,40}?[（(][款项][）)]")
#: A sentence that says what a line pays for, not its figures.
_DESCRIPTION: Final = re.compile(r"[。，；：\s]*(?:主要)?(?:用于|包括|反映|是指|指)")
_ROOT: Final = "/appropriation/by_function"
#: What ends a list of the main classes only ("…社会保障和就业支出（类）100万元，占10%等。").
_ETC: Final = re.compile(r"等(?:方面|支出|科目)?[。；]")
#: What opens a list of the classes by name alone ("支出按功能科目分类：一般公共服务支出…",
#: "主要用于以下方面：教育支出…"): its names are classes only where every one is a class's.
#: A list said to be of the main ones ("主要用于：…", not "主要用于以下方面：") need not be all.
_LIST_HEAD: Final = re.compile(
    r"按(?:照)?(?:支出)?功能(?:科目)?分类(?:科目)?|主要用于以下(?:几个)?方面|(?P<main>主要用于)"
)

#: The rest of a line after a list's head that is a title's, not the list ("支出情况：").
_TITLE_REST: Final = re.compile(r"[^，。；\d]{0,20}")

Keys = tuple[str, ...]


class ClassLines:
    """Reads class and item lines into the general public budget's function tree."""

    def __init__(
        self,
        ledger: Ledger,
        year: int | None,
        final: bool,
        printed: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.ledger = ledger
        self.stated_year = year
        self.year = 2025 if year is None else year  # for code look-ups only
        self.final = final
        self.printed = dict(printed)
        self.by_name: dict[str, list[str]] = {}  # the table's codes by their name as compared
        for code, name in printed:
            self.by_name.setdefault(normalize(name), []).append(code)
        self.lines: dict[Keys, tuple[str | None, str]] = {}
        self.partial = False  # the classes a sentence lists end in 等: not all of them

    def read(self, start: int, end: int) -> list[tuple[int, int]]:
        """Read every class or item line of ``text[start:end]``; returns the spans read."""
        text = self.ledger.text.text
        chains = list(_CHAIN.finditer(text, start, end))
        spans: list[tuple[int, int]] = []
        for index, match in enumerate(chains):
            found = self._resolve(match)
            if found is None:
                continue
            chain_start, levels = found
            line_start = max(start, text.rfind("\n", start, chain_start) + 1)
            line_end = text.find("\n", match.end(), end)
            stop = end if line_end < 0 else line_end
            if index + 1 < len(chains):
                stop = min(stop, chains[index + 1].start())
            marker = ITEM_MARKER.match(text, line_start, chain_start)
            if marker is None or text[marker.end() : chain_start].strip():
                # Within a sentence ("…：一般公共服务支出（类）400万元，占71.43%；…"): its
                # figures end with the sentence; a numbered line's run on to its end.
                sentence_end = text.find("。", match.end(), stop)
                stop = stop if sentence_end < 0 else sentence_end
            if _MORE_LEVELS.match(text, match.end(), stop):
                continue
            if self._figures(levels, match.end(), stop):
                spans.append((chain_start, stop))
                if len(levels) == 1 and _ETC.match(text, self._figures_end(match.end(), stop)):
                    self.partial = True  # "…，占10%等。": the main classes only
                for number in numbers_in(self.ledger.numbers, chain_start, match.end()):
                    self.ledger.context(number, "line name")  # "一般行政管理事务（6）"
        if not chains:
            spans += self._bare_lists(start, end)
        return spans

    def _bare_lists(self, start: int, end: int) -> list[tuple[int, int]]:
        """The lists of classes named without （类） after a head that says they are the
        spending's classes ("支出按功能科目分类：农林水支出1100万元，占85.27%；…"): read only
        where every name of the list is exactly a class's (this year's or a former name)."""
        text = self.ledger.text.text
        spans: list[tuple[int, int]] = []
        for head in _LIST_HEAD.finditer(text, start, end):
            begin, stop = self._list_span(head.end(), end)
            items = read_items(text, self.ledger.numbers, begin, stop)
            classes = [self._bare_class(item) for item in items]
            if not items or any(code is None for code, _ in classes):
                continue
            for index, (item, level) in enumerate(zip(items, classes, strict=True)):
                after = items[index + 1].name_start if index + 1 < len(items) else stop
                self._figures([level], item.number.start, after)
            last = self._figures_end(items[-1].number.start, stop)
            if _ETC.match(text, last) or head.group("main"):
                self.partial = True  # "…，占10%等。": the main classes only
            spans.append((head.start(), stop))
        return spans

    def _list_span(self, start: int, end: int) -> tuple[int, int]:
        """Where a list after its head starts and ends: the rest of its sentence or line, or
        the next line where the head is a sub-heading's title ("（二）按功能分类支出情况")."""
        text = self.ledger.text.text
        stop = text.find("。", start, end)
        stop = end if stop < 0 else stop
        line_end = text.find("\n", start, stop)
        if line_end < 0:
            return start, stop
        if _TITLE_REST.fullmatch(text, start, line_end) and line_end + 1 < end:
            return self._list_span(line_end + 1, end)
        return start, line_end

    def _bare_class(self, item: Item) -> tuple[str | None, str]:
        """The (code, name) of a list's item named as a class exactly (``None`` if not)."""
        code = top_code(item.name, "function", self.year) or self._printed_code(item.name, "", 3)
        return code, item.name

    def _resolve(self, match: re.Match[str]) -> tuple[int, list[tuple[str | None, str]]] | None:
        """Where the chain starts and the (code, name) of each of its levels; ``None`` when
        no end of the words before （类） is a class's official name."""
        if match.group("only") is not None:
            return self._resolve_item(match)
        written = match.group("cls")
        cuts = (
            (
                cut,
                top_code(written[cut:], "function", self.year)
                or self._printed_code(written[cut:], "", 3),
            )
            for cut in range(len(written) - 1)
        )
        cut, code = next(((c, code) for c, code in cuts if code is not None), (0, None))
        if code is None:
            return None
        levels: list[tuple[str | None, str]] = [(code, written[cut:])]
        parent: str | None = code
        for group in ("sec", "item"):
            name = match.group(group)
            if name is None:
                break
            own = None
            if parent is not None:
                own = code_for(name, "function", self.year, parent=parent, exact=True)
                own = own or self._printed_code(name, parent, len(parent) + 2)
            levels.append((own, name))
            parent = own
        return match.start("cls") + cut, levels

    def _printed(self, name: str, under: str, digits: int) -> list[str]:
        """The codes of the table's lines of ``digits`` digits under ``under`` named ``name``."""
        named = self.by_name.get(normalize(name), ())
        return [code for code in named if len(code) == digits and code.startswith(under)]

    def _printed_code(self, name: str, under: str, digits: int) -> str | None:
        """The one table line of that exact name under ``under``, if the table has one."""
        codes = self._printed(name, under, digits)
        return codes[0] if len(codes) == 1 else None

    def _resolve_item(
        self, match: re.Match[str]
    ) -> tuple[int, list[tuple[str | None, str]]] | None:
        """A 项 named alone: placed where the document's own table prints the one 项 of that
        exact name (an end of the words before （项）), under that row's 类 and 款."""
        written = match.group("only")
        for cut in range(len(written) - 1):
            codes = self._printed(written[cut:], "", 7)
            if len(codes) == 1:
                (code,) = codes
                levels: list[tuple[str | None, str]] = [
                    (code[:3], self.printed.get(code[:3], code[:3])),
                    (code[:5], self.printed.get(code[:5], code[:5])),
                    (code, written[cut:]),
                ]
                return match.start("only") + cut, levels
            if codes:
                return None  # more than one 项 of that name: which is not known
        return None

    def _figures(self, levels: list[tuple[str | None, str]], start: int, stop: int) -> bool:
        """Read the figures of the line ``levels`` names from ``text[start:stop]``."""
        text, ledger = self.ledger.text.text, self.ledger
        keys = tuple(code if code is not None else name for code, name in levels)
        path = f"{_ROOT}/{'/'.join(keys)}"
        read = False
        for s_start, s_end in sentences(text, start, stop):
            if _DESCRIPTION.match(text, s_start, s_end):
                ledger.remark(s_start, s_end)
                continue
            clause = read_clause(
                text,
                ledger.numbers,
                s_start,
                s_end,
                final=self.final,
                note_end=s_end,
                unit=ledger.unit.label,
                year=self.stated_year,
            )
            if clause.empty:
                continue
            apply(ledger, path, clause, s_start)
            read = True
        if read:
            for depth, level in enumerate(levels, 1):
                self.lines.setdefault(keys[:depth], level)
        return read

    def _figures_end(self, start: int, stop: int) -> int:
        """Where the figures of a line end: after its last number and unit (``start`` if none)."""
        found = numbers_in(self.ledger.numbers, start, stop)
        return max((n.unit_end for n in found), default=start)

    def nodes(self) -> tuple[Node, ...]:
        """The lines read, as a tree: each under its class (and 款)."""

        def children(prefix: Keys) -> tuple[Node, ...]:
            found: list[Node] = []
            for keys, (code, name) in self.lines.items():
                if len(keys) != len(prefix) + 1 or keys[: len(prefix)] != prefix:
                    continue
                under = children(keys)
                node = self.ledger.node(
                    f"{_ROOT}/{'/'.join(keys)}", code=code, name=name, children=under
                )
                found.append(evolve(node, partial=True) if under else node)
            return tuple(found)

        return children(())
