"""The readers of the parts that are more than labelled figures (internal).

Staffing, the 按功能分类/按经济分类 lists with their items, assets, 三公 counts,
the performance goals and indicators, and the key projects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

from attrs import Factory, define, evolve

from govbudget.model import (
    Count,
    EconomicScheme,
    Goal,
    GoalKind,
    Indicator,
    Project,
    Staffing,
)
from govbudget.narrative._classes import ClassLines
from govbudget.narrative._labelled import (
    ASSET_PARTS,
    ASSETS,
    HEADS,
    NONE_STATED,
    Label,
    Target,
    apply,
    existing,
    is_enumerated,
    move_tail,
    read_labelled,
)
from govbudget.narrative._ledger import Ledger
from govbudget.narrative.codes import TreeKind, code_for
from govbudget.narrative.numbers import Number
from govbudget.narrative.patterns import (
    KIND_HEAD,
    KIND_OF,
    Clause,
    IndicatorText,
    Item,
    numbers_in,
    read_clause,
    read_indicators,
    read_items,
)
from govbudget.narrative.sections import Section, SectionKind
from govbudget.narrative.text import ITEM_MARKER
from govbudget.tree import Node

# ---------------------------------------------------------------------------
# The parts.


class PartReader:
    """Reads the parts of one text into a ledger and the budget's lists."""

    def __init__(
        self, ledger: Ledger, year: int | None, final: bool, lines: ClassLines | None = None
    ) -> None:
        self.ledger = ledger
        self.stated_year = year
        self.prior_part = False
        self.text = ledger.text.text
        self.numbers = ledger.numbers
        self.year = 2025 if year is None else year  # for code look-ups only
        self.final = final
        self.fund = "total"
        self.function: list[Node] = []
        self.economic: list[Node] = []
        self.partial: set[str] = set()  # the trees ("功能", "经济") listed in part only
        self.scheme = EconomicScheme.DEPARTMENT
        self.asset_parts: list[Node] = []
        self.asset_counts: list[Count] = []
        self.as_of: str | None = None
        self.three_public_counts: list[Count] = []
        self.staffing: Staffing | None = None
        self.overall: str | None = None
        self.long_term: list[Goal] = []
        self.annual: list[Goal] = []
        self.projects: list[Project] = []
        self.stated_none: set[SectionKind] = set()
        self.general_public_lines = lines or ClassLines(ledger, year, final)

    # -- generic --------------------------------------------------------------
    def labelled(
        self, labels: Sequence[Label], start: int, end: int, head: Sequence[str] = ()
    ) -> list[str]:
        return read_labelled(
            self.ledger,
            labels,
            start,
            end,
            final=self.final,
            resolve=self.resolve,
            head=head,
            year=self.stated_year,
            prior_part=self.prior_part,
        )

    def resolve(self, target: Target) -> str | None:
        if target.startswith("fund="):
            self.fund, _, part = target.removeprefix("fund=").partition(":")
            return f"/appropriation/{self.fund}/{part or 'total'}"
        if target.startswith("fund:"):
            return f"/appropriation/{self.fund}/{target.removeprefix('fund:')}"
        if target == "expenditure:any":
            return existing(self.ledger, ("/expenditure/grand_total", "/expenditure/total")) or (
                "/expenditure/grand_total"
            )
        return target

    def none_stated(self, section: Section, path: str) -> None:
        """A part that says it has none (无…预算) records a stated none."""
        body = self.text[section.start : section.end]
        match = NONE_STATED.search(body)
        if match is None or self.ledger.has(path):
            return
        if any(
            n.money is not None and n.value
            for n in numbers_in(self.numbers, section.start, section.end)
        ):
            return
        sentence_start = (
            max(body.rfind("。", 0, match.start()), body.rfind("\n", 0, match.start())) + 1
        )
        sentence_end = body.find("。", match.end())
        sentence = body[
            sentence_start : sentence_end + 1 if sentence_end >= 0 else len(body)
        ].strip()
        span = (section.start + sentence_start, section.start + sentence_start + len(sentence))
        self.ledger.put(path, "none_stated", True, None, section.start + match.start())
        self.ledger.put_note(path, self.ledger.text.published(*span), section.start + match.start())
        self.ledger.remark(*span)
        self.stated_none.add(section.kind)

    # -- staffing -------------------------------------------------------------
    def staff(self, start: int, end: int) -> None:
        text, ledger = self.text, self.ledger
        body = text[start:end]
        in_service = re.search(r"(?:实有|在职|在编)[^，。；\d]{0,8}?(\d+)\s*(人|名)", body)
        retired = re.search(r"(?:离)?退休(?:人员)?[^，。；\d]{0,4}?(\d+)\s*(人|名)", body)
        establishment = re.search(r"编制(?:数|人数)?[^，。；\d]{0,8}?(\d+)\s*(人|名)", body)
        if not (in_service or retired or establishment):
            return
        counts = {
            name: (start + match.start(1), int(match.group(1)))
            for name, match in (
                ("in_service", in_service),
                ("retired", retired),
                ("establishment", establishment),
            )
            if match is not None
        }
        serving = self._serving_among_all(start, end, in_service)
        if serving is not None:
            counts["in_service"] = serving
        values: dict[str, int] = {}
        for name, (offset, value) in counts.items():
            number = _number_at(self.numbers, offset)
            if number is not None and not ledger.is_used(number):
                values[name] = value
                ledger.mark(number, f"/staffing/{name}")
        parts = self._staff_list(start, end, in_service, "in_service_parts")
        establishment_parts = self._staff_list(start, end, establishment, "establishment_parts")
        self.staffing = Staffing(
            establishment=values.get("establishment"),
            establishment_parts=establishment_parts,
            in_service=values.get("in_service"),
            in_service_parts=parts,
            retired=values.get("retired"),
        )

    def _serving_among_all(
        self, start: int, end: int, head: re.Match[str] | None
    ) -> tuple[int, int] | None:
        """Where a count of all the staff lists those in service and the retired ("实有人数31人，
        其中：在职人员23人，退休人员8人"): the offset and value of the count in service. The
        count of all is left not understood: the model keeps the two apart."""
        if head is None or not head.group(0).startswith("实有"):
            return None
        listed = _STAFF_LIST.match(self.text, start + head.end(), end)
        if listed is None:
            return None
        group = 1 if listed.group(1) is not None else 2
        found = list(_staff_parts(listed.group(group)))
        serving = [p for p in found if _SERVING.match(p.group(1))]
        if len(serving) != 1 or not any(_RETIRED.search(p.group(1)) for p in found):
            return None
        whole = _number_at(self.numbers, start + head.start(1))
        if whole is not None and not self.ledger.is_used(whole):
            self.ledger.unread(
                whole, "counts the staff in service and the retired together (kept apart)"
            )
        return listed.start(group) + serving[0].start(2), int(serving[0].group(2))

    def _staff_list(
        self, start: int, end: int, head: re.Match[str] | None, field: str
    ) -> list[Count]:
        """The categories a staff count lists after it: in brackets ("14人（行政人员6人，…）")
        or after 其中 ("在职实有12人，其中参公编制人数8人，参公后勤服务编制人数2人"). A list of
        kinds of people among them (职称, 党员, 女 …) is not a breakdown and is left alone."""
        text, ledger = self.text, self.ledger
        if head is None:
            return []
        after = start + head.end()
        listed = _STAFF_LIST.match(text, after, end)
        if listed is None:
            return []
        group = 1 if listed.group(1) is not None else 2
        inner_start = listed.start(group)
        found = list(_staff_parts(listed.group(group)))
        if not found or any(_STAFF_SUBSET.search(part.group(1)) for part in found):
            return []
        if field == "in_service_parts" and any(_RETIRED.search(part.group(1)) for part in found):
            return []  # "实有人数11人，其中在职10人，退休1人": all the staff, not those in service
        parts: list[Count] = []
        for part in found:
            number = _number_at(self.numbers, inner_start + part.start(2))
            if number is None or ledger.is_used(number):
                continue
            ledger.mark(number, f"/staffing/{field}/{len(parts)}/value")
            parts.append(
                Count(
                    name=part.group(1).strip().removeprefix("其中").strip("："),
                    value=int(part.group(2)),
                    unit=part.group(3),
                    source=ledger.where(inner_start + part.start()),
                )
            )
        return parts

    # -- classified lists -------------------------------------------------------
    def classified(self, start: int, end: int) -> list[tuple[int, int]]:
        """The 按功能分类 and 按经济分类 lists of the expenditure part; returns their spans."""
        text = self.text
        spans: list[tuple[int, int]] = []
        heads = list(re.finditer(r"按(?:照)?(?:支出)?(功能|经济)分类(?:科目)?", text[start:end]))
        for head in heads:
            tree = head.group(1)
            line_end = text.find("\n", start + head.end(), end)
            line_end = end if line_end < 0 else line_end
            cursor = line_end + 1
            inline = read_items(text, self.numbers, start + head.end(), line_end)
            if inline:
                if _MAIN_ONES.search(text, start + head.end(), inline[0].name_start):
                    self.partial.add(tree)  # "按经济分类，主要用于：…": the main classes only
                self.inline_classes(tree, inline, line_end)
                spans.append((start + head.start(), line_end))
            last = line_end
            while cursor < end:
                stop = text.find("\n", cursor, end)
                stop = end if stop < 0 else stop
                marker = ITEM_MARKER.match(text, cursor, stop)
                if marker is None:
                    break
                last = self.class_line(tree, marker.end(), stop)
                cursor = stop + 1
            spans.append((start + head.start(), last))
        return spans

    def class_line(self, tree: str, start: int, end: int) -> int:
        """Read one numbered line of a classified list; returns where what it read ends.

        What follows the class's own sentence and its bracketed items on the same
        line (another paragraph run on by the PDF) is left to the labels.
        """
        text, _ledger = self.text, self.ledger
        inside = numbers_in(self.numbers, start, end)
        amount = next((n for n in inside if n.money is not None), None)
        if amount is None:
            return end
        head = text[start : amount.start]
        codes = [
            n
            for n in inside
            if n.start < amount.start and n.money is None and len(n.text) in (3, 5, 7)
        ]
        code = codes[0].text if codes else None
        level = re.search(r"（(类|款|项)）", head)
        name = re.sub(r"（?(?:\d{3,7})）?|（(?:类|款|项)）", "", head)
        name = re.sub(r"(?:为|是|预算|共计|合计|：)+$", "", name.strip("：，、 ")).strip()
        if not name:
            return end
        bracket_end = _clause_end(text, amount.unit_end, end)
        clause = read_clause(
            text, self.numbers, amount.start, bracket_end, final=self.final, year=self.stated_year
        )
        children, used = self.children(amount.unit_end, end)
        bracketed = bool(children)
        if not children:
            children = read_items(text, self.numbers, amount.unit_end, end)
            used = children[-1].number.unit_end if children else _clause_end(text, bracket_end, end)
        level_word = level.group(1) if level else None
        self.add_class(tree, code, name, level_word, clause, start, children, codes, bracketed)
        while used < end and text[used] in "。；，等）":
            used += 1
        return used

    def inline_classes(self, tree: str, items: Sequence[Item], end: int) -> None:
        """Classes listed on one line ("按经济分类：工资福利支出255.88万元，商品和服务支出…")."""
        for index, item in enumerate(items):
            stop = items[index + 1].name_start if index + 1 < len(items) else end
            clause = read_clause(
                self.text,
                self.numbers,
                item.number.start,
                stop,
                final=self.final,
                year=self.stated_year,
            )
            self.add_class(tree, None, item.name, None, clause, item.name_start, (), ())

    def children(self, start: int, end: int) -> tuple[list[Item], int]:
        """The items of a class's bracketed lists ("（基本工资55.58万、津贴补贴30万 …）"),
        and where the last of those lists ends."""
        found: list[Item] = []
        used = start
        for bracket in _BRACKET.finditer(self.text, start, end):
            items = read_items(self.text, self.numbers, bracket.start(1), bracket.end(1))
            if items:
                found += items
                used = bracket.end()
        return found, used

    def scheme_kind(self) -> TreeKind:
        return "government" if self.scheme is EconomicScheme.GOVERNMENT else "department"

    def add_class(
        self,
        tree: str,
        code: str | None,
        name: str,
        level: str | None,
        clause: Clause,
        offset: int,
        children: Sequence[Item],
        code_numbers: Sequence[Number],
        bracketed: bool = True,
    ) -> None:
        """One line of a classified list, under its parent where its code or level says so."""
        kind: TreeKind = "function" if tree == "功能" else self.scheme_kind()
        roots = self.function if tree == "功能" else self.economic
        parent: Node | None = None
        if level in ("款", "项") and roots:
            parent = roots[-1]
        if code is None:
            code = code_for(name, kind, self.year, parent=parent.code if parent else None)
            if code is None and kind == "department" and parent is None:
                code = code_for(name, "government", self.year)
                if code is not None:
                    self.scheme = EconomicScheme.GOVERNMENT
        if code is not None and roots and parent is None:
            last = roots[-1]
            if last.code and code.startswith(last.code) and len(code) > len(last.code):
                parent = last
        base = f"/expenditure/by_{'function' if tree == '功能' else 'economic'}"
        prefix = f"{base}/{parent.key}" if parent is not None else base
        key = code if code is not None else name
        path = f"{prefix}/{key}"
        for number in code_numbers:
            self.ledger.mark(number, f"{path}/code")
        apply(self.ledger, path, clause, offset)
        child_nodes: list[Node] = []
        note = None
        for child in children:
            child_code = None
            if code is not None and tree == "经济":
                child_code = code_for(child.name, kind, self.year, parent=code)
            child_path = f"{path}/{child_code or child.name}"
            apply(self.ledger, child_path, Clause(amount=child.number), child.name_start)
            note = note or child.note
            child_nodes.append(self.ledger.node(child_path, code=child_code, name=child.name))
        if note:
            self.ledger.put_note(path, note, offset)
        node = self.ledger.node(path, code=code, name=name, children=child_nodes)
        if child_nodes and not bracketed:
            # "主要用于办公费12万元、水电费8万元" names the main items, not all of them.
            node = evolve(node, partial=True)
        if parent is not None:
            # A 款 or 项 line under its 类: the text need not list every one.
            roots[-1] = evolve(parent, children=(*parent.children, node), partial=True)
        else:
            roots.append(node)

    # -- assets -----------------------------------------------------------------
    def assets(self, start: int, end: int) -> None:
        """国有资产占用: the total, its parts (流动资产、固定资产 …), the date, and counts."""
        text, ledger = self.text, self.ledger
        self.labelled(ASSETS, start, end, head=HEADS[SectionKind.ASSETS])
        for match in ASSET_PARTS.finditer(text, start, end):
            stop = _clause_end(text, match.end(), end)
            clause = read_clause(
                text, self.numbers, match.end(), stop, final=self.final, year=self.stated_year
            )
            if clause.amount is None or ledger.is_used(clause.amount):
                continue
            path = f"/assets/parts/{match.group()}"
            if is_enumerated(text[max(start, match.start() - 6) : match.start()]):
                clause = move_tail(ledger, "/assets/total", clause, match.start())
            if clause.note and ledger.has("/assets/total", "note"):
                clause = evolve(clause, note=None)  # the list's reason, already the total's
            apply(ledger, path, clause, match.start())
            self.asset_parts.append(ledger.node(path, code=None, name=match.group()))
        as_of = _AS_OF.search(text, start, end)
        if as_of is not None and ledger.has("/assets/total"):
            self.as_of = as_of.group(1).replace(" ", "")
        for count in _ASSET_COUNT.finditer(text, start, end):
            self.count(count, "/assets/counts", self.asset_counts, count.group(1))

    def three_public_counts_in(self, start: int, end: int) -> None:
        """The 三公 counts: 接待 12 批次、150 人次, 出国团组 2 个 …, named by their line."""
        for count in _THREE_PUBLIC_COUNT.finditer(self.text, start, end):
            before = self.text[max(start, count.start() - 30) : count.start()]
            lines = _THREE_PUBLIC_LINE.findall(before)
            name = lines[-1] if lines else "“三公”经费"
            self.count(count, "/three_public/counts", self.three_public_counts, name)

    def count(self, match: re.Match[str], prefix: str, sink: list[Count], name: str) -> None:
        """Read a count (its number is the match's last-but-one group, its unit the last)."""
        last = match.lastindex or 0
        number = _number_at(self.numbers, match.start(last - 1))
        if number is None or number.value is None or self.ledger.is_used(number):
            return
        self.ledger.mark(number, f"{prefix}/{len(sink)}/value")
        unit = match.group(last)
        where = self.ledger.where(match.start())
        sink.append(Count(name=name, value=int(number.value), unit=unit, source=where))

    # -- performance ------------------------------------------------------------
    def performance_overall(self, start: int, end: int) -> None:
        text = self.text
        overall = re.search(r"整体绩效目标(?:是|为)[：]?", text[start:end])
        events = self.goal_events(start, end)
        if overall is not None:
            o_start = start + overall.end()
            o_end = next((e for e, _ in events if e > o_start), end)
            self.overall = self.published(o_start, o_end)
            self.ledger.remark(o_start, o_end)
        self.read_goals(events, end, default=GoalKind.ANNUAL, sink=None)

    def goal_events(self, start: int, end: int) -> list[tuple[int, re.Match[str]]]:
        text = self.text
        events: list[tuple[int, re.Match[str]]] = []
        for pattern in (_GOAL_HEAD, _PROJECT_GOAL_HEAD, KIND_HEAD):
            for match in pattern.finditer(text, start, end):
                events.append((match.start(), match))
        events.sort(key=lambda e: e[0])
        kept: list[tuple[int, re.Match[str]]] = []
        for event in events:
            if kept and event[0] < kept[-1][1].end():
                continue
            kept.append(event)
        return kept

    def read_goals(
        self,
        events: Sequence[tuple[int, re.Match[str]]],
        end: int,
        *,
        default: GoalKind,
        sink: list[Goal] | None,
        prefix: str = "",
    ) -> None:
        """Goals from their heads and indicator clauses, into ``sink`` or the department's."""
        drafts: list[_GoalDraft] = []
        for index, (position, match) in enumerate(events):
            stop = events[index + 1][0] if index + 1 < len(events) else end
            if match.re is _GOAL_HEAD:
                kind = GoalKind.LONG_TERM if match.group(1) == "长期目标" else GoalKind.ANNUAL
                number = _number_at(self.numbers, match.start(2)) if match.group(2) else None
                drafts.append(_GoalDraft(kind, _plain(match.group(3)) or None, number, position))
            elif match.re is _PROJECT_GOAL_HEAD:
                kind = GoalKind.PROJECT if sink is not None else default
                drafts.append(_GoalDraft(kind, _plain(match.group(1)) or None, None, position))
            else:
                if not drafts:
                    kind = GoalKind.PROJECT if sink is not None else default
                    drafts.append(_GoalDraft(kind, None, None, position))
                drafts[-1].indicators.extend(
                    read_indicators(
                        self.text, self.numbers, KIND_OF[match.group(1)], match.end(), stop
                    )
                )
        for draft in drafts:
            if sink is not None:
                goals, base = sink, f"{prefix}/goals/{len(sink)}"
            elif draft.kind is GoalKind.LONG_TERM:
                goals, base = self.long_term, f"/performance/long_term/{len(self.long_term)}"
            else:
                goals, base = self.annual, f"/performance/annual/{len(self.annual)}"
            self.ledger.places.setdefault(base, draft.at)
            if draft.number is not None:
                self.ledger.mark(draft.number, f"{base}/number")
            goals.append(
                Goal(
                    kind=draft.kind,
                    name=draft.name,
                    number=int(draft.number.text) if draft.number is not None else None,
                    indicators=[
                        self.indicator(found, f"{base}/indicators/{i}")
                        for i, found in enumerate(draft.indicators)
                    ],
                )
            )

    def indicator(self, found: IndicatorText, path: str) -> Indicator:
        ledger = self.ledger
        target: Decimal | None = None
        if found.target is not None and found.target.value is not None:
            target = found.target.value
            ledger.mark(found.target, f"{path}/target")
        for number in found.name_numbers:
            ledger.context(number, "count")
        actual, weight, score = (
            self._indicator_field(number, f"{path}/{name}")
            for name, number in (
                ("actual", found.actual),
                ("weight", found.weight),
                ("score", found.score),
            )
        )
        if found.target is None:
            ledger.warn(
                "indicator-without-target",
                f"绩效指标“{found.name}”没有可衡量的指标值",
                f"performance indicator {found.name!r} states no number",
                found.start,
                path,
            )
        elif not found.unit:
            ledger.warn(
                "indicator-without-unit",
                f"绩效指标“{found.name}”的指标值没有计量单位",
                f"performance indicator {found.name!r} states no unit",
                found.start,
                path,
            )
        return Indicator(
            kind=found.kind,
            name=found.name,
            comparator=found.comparator,
            target=target,
            unit=found.unit,
            basis=found.basis,
            actual=actual,
            weight=weight,
            score=score,
            source=ledger.where(found.start),
        )

    def _indicator_field(self, number: Number | None, path: str) -> Decimal | None:
        """The value of an indicator's 实际完成值, 分值 or 得分, marked as read into ``path``."""
        if number is None or number.value is None:
            return None
        self.ledger.mark(number, path)
        return number.value

    def key_projects(self, start: int, end: int) -> None:
        text = self.text
        heads = sorted(
            (*_PROJECT_HEAD.finditer(text, start, end), *_PROJECT_NAMED.finditer(text, start, end)),
            key=lambda m: m.start(),
        )
        for index, head in enumerate(heads):
            p_end = _line_start(text, heads[index + 1].start()) if index + 1 < len(heads) else end
            self.project(head, p_end)

    def project(self, head: re.Match[str], end: int) -> None:
        text, ledger = self.text, self.ledger
        index = len(self.projects)
        prefix = f"/projects/{index}"
        ledger.places.setdefault(prefix, head.start())
        name = head.group(1).strip()
        events = self.goal_events(head.end(), end)
        body_end = events[0][0] if events else end
        description_end = body_end
        for number in numbers_in(self.numbers, head.end(), body_end):
            if number.money is not None:
                description_end = min(
                    description_end, _sentence_start(text, number.start, head.end())
                )
                break
        description = self.published(head.end(), description_end) or None
        ledger.remark(head.end(), description_end)
        amount_path = f"{prefix}/amount"
        funding: list[Node] = []
        others: list[Node] = []
        for number in numbers_in(self.numbers, description_end, body_end):
            if number.money is None or ledger.is_used(number) or self.in_remark(number):
                continue
            before = _phrase_before(text, number.start, description_end)
            colon = number.start - len(before) - 1
            if not before.strip() and colon >= description_end and text[colon] in "：:":
                before = _phrase_before(text, colon, description_end)  # "项目金额：85万元"
            after = text[number.unit_end : body_end]
            source = re.match(r"(?:资金)?来源(?:为|于|是)([^，。；）]+)", after)
            if source is not None:
                path = f"{prefix}/funding/{source.group(1)}"
                ledger.put_amount(path, "amount", number)
                funding.append(ledger.node(path, code=None, name=source.group(1)))
                continue
            if re.search(r"预算|安排|项目(?:金额|资金)|资金总额", before) and "匹配" not in before:
                ledger.put_amount(amount_path, "amount", number)
                continue
            label = re.sub(r"(?:为|是|约|共)$", "", before).strip()
            if not label:
                continue
            path = f"{prefix}/other_figures/{label}"
            ledger.put_amount(path, "amount", number)
            rest = re.match(r"，([^（）。]*)", after)
            if rest is not None and rest.group(1):
                span = (number.unit_end + rest.start(1), number.unit_end + rest.end(1))
                ledger.put_note(path, ledger.text.published(*span), number.start)
                ledger.remark(*span)
            others.append(ledger.node(path, code=None, name=label))
        goals: list[Goal] = []
        self.read_goals(events, end, default=GoalKind.PROJECT, sink=goals, prefix=prefix)
        self.projects.append(
            Project(
                name=name,
                amount=ledger.figure(amount_path),
                funding=funding,
                description=description,
                goals=goals,
                other_figures=others,
            )
        )

    def published(self, start: int, end: int) -> str:
        """A passage as published, without a trailing item marker or edge punctuation."""
        body = _strip_trailing_marker(self.text[start:end])
        return self.ledger.text.published(start, start + len(body)).strip("，、 ")

    def in_remark(self, number: Number) -> bool:
        return number.start in self.ledger.remarks


@define
class _GoalDraft:
    kind: GoalKind
    name: str | None
    number: Number | None
    at: int
    indicators: list[IndicatorText] = Factory(list)


#: The list a staff count gives of its categories: in brackets, or after "，其中".
_STAFF_LIST: Final = re.compile(r"\s*(?:（([^）]*)）|[，,]?\s*其中[：:，]?([^。；]*))")
_RETIRED: Final = re.compile(r"退休|离休")
#: A part of a staff list that counts those in service ("在职人员", "其中：在编").
_SERVING: Final = re.compile(r"\s*(?:其中[：:]?)?\s*(?:在职|在编)")
#: Words of a list of kinds among the staff, not of its categories.
_STAFF_SUBSET: Final = re.compile(
    r"职称|党员|女|男|少数民族|硕士|博士|本科|大专|研究生|学历|岁|高级|中级|初级|正高|副高"
)
_STAFF_PART: Final = re.compile(r"(?:其中[：]?)?([^，、；（）：\d]+?)\s*(\d+)\s*(人|名)")
# Where a try may succeed after one failed: a name after a separator or a digit, or
# "其中：", which reads past its colon into the next name.
_STAFF_PART_START: Final = re.compile(r"(?<![^，、；（）：\d])[^，、；（）：\d]|其中：")


def _staff_parts(inner: str) -> Iterator[re.Match[str]]:
    """``_STAFF_PART.finditer(inner)``, in linear time.

    ``finditer`` tries the lazy name from every character of a long name that no
    count follows ("（" + "一" * n + "）"), each try running to the end: quadratic.
    Every start inside one run of name characters meets the same digits, so when
    one fails, the next try is the next run (or a "其中：" inside this one).
    """
    pos = 0
    while pos < len(inner):
        part = _STAFF_PART.match(inner, pos)
        if part is not None:
            yield part
            pos = part.end()
            continue
        start = _STAFF_PART_START.search(inner, pos + 1)
        if start is None:
            return
        pos = start.start()


_AS_OF: Final = re.compile(
    r"(?:截至|截止)?((?:19|20)\d\d\s*年(?:初|末|底|\d{1,2}\s*月\s*\d{1,2}\s*日)?)"
)
_ASSET_COUNT: Final = re.compile(
    r"(车辆|公务用车|执法执勤用车|特种专业技术用车|房屋|土地)[^，。；\d]{0,8}?(\d+)\s*"
    r"(辆|台|套|平方米|亩|处|栋)"
)
_THREE_PUBLIC_COUNT: Final = re.compile(r"(?<![\d.])(\d+)\s*(批次|人次|个团组|团组|辆)")
_THREE_PUBLIC_LINE: Final = re.compile(r"因公出国（境）|公务接待|外事接待|公务用车")
_BRACKET: Final = re.compile(r"（([^（）]*(?:（[^（）]*）[^（）]*)*)）")
#: Words that name the main classes of a view, not all of them ("主要用于：…", "主要包括…").
_MAIN_ONES: Final = re.compile(r"主要(?:用于|包括|有|是|为)")
_GOAL_HEAD: Final = re.compile(
    r"(长期目标|年度目标|中期目标)\s*(\d+)?\s*[：]([^：。\n]*?)，?具体指标(?:设置)?(?:为|如下)[：]?"
)
_PROJECT_GOAL_HEAD: Final = re.compile(
    r"(?<=[：。\n])([^：。\n，“”]{1,30}?)，具体指标(?:设置)?(?:为|如下)[：]?"
)
_PROJECT_HEAD: Final = re.compile(r"“([^”]{1,40})”(?:项目)?(?:的)?主要内容(?:是|为)?[：]?")
#: A project named on a line of its own ("项目名称：食品安全抽检经费"), its figures and goal on
#: the lines after it ("项目金额：85万元", "绩效目标：…").
_PROJECT_NAMED: Final = re.compile(
    r"(?:^|(?<=[。；\n]))\s*项目名称[：:]\s*([^\n：；。，\d]{1,40}?)\s*(?=[\n；。]|$)"
)


def _number_at(numbers: Sequence[Number], start: int) -> Number | None:
    found = numbers_in(numbers, start, start + 1)
    return found[0] if found else None


def _clause_end(text: str, start: int, end: int) -> int:
    stop = text.find("。", start, end)
    return end if stop < 0 else stop


def _line_start(text: str, offset: int) -> int:
    found = text.rfind("\n", 0, offset)
    return found + 1 if found >= 0 else offset


def _sentence_start(text: str, offset: int, floor: int) -> int:
    return max(floor, text.rfind("。", floor, offset) + 1, text.rfind("\n", floor, offset) + 1)


def _phrase_before(text: str, offset: int, floor: int) -> str:
    start = max(floor, *(text.rfind(mark, floor, offset) + 1 for mark in "，。：（；\n"))
    return text[start:offset]


def _strip_trailing_marker(value: str) -> str:
    lines = value.split("\n")
    while lines and (not lines[-1].strip() or ITEM_MARKER.fullmatch(lines[-1].strip())):
        lines.pop()
    return "\n".join(lines)


def _plain(value: str) -> str:
    return value.replace("\n", "").strip("，、 ")
