"""The JSON Schema (draft 2020-12) of the document format ``govbudget/1``.

The schema is generated from the attrs model — every class, field, type,
default, enumeration and word list comes from the code that loads documents —
and shipped in the package as ``schema.json``; a test keeps the two equal, so
the schema cannot drift from the model. Each field carries a description
(``_DESCRIPTIONS`` below); a model field without one fails the tests.

>>> schema = build_schema()
>>> schema["properties"]["format"]["const"]
'govbudget/1'
>>> schema["$defs"]["Precision"]["properties"]["decimals"]["maximum"]
8

Regenerate the shipped file after a model change with
``python -m govbudget.io.schema``.
"""

from __future__ import annotations

import json
import sys
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final, Union

import attrs

from govbudget.figure import DIRECTION_WORDS, Figure, StatedChange, StatedPercent
from govbudget.io.document import FORMAT, MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_VALUES
from govbudget.model import COMPARATOR_WORDS, DepartmentBudget
from govbudget.money import _UNIT_NAMES, MAX_DIGITS, Amount, Unit
from govbudget.precision import Precision

__all__ = ["SCHEMA_ID", "build_schema", "schema", "schema_text"]

#: The ``$id`` of the schema: a name, not a place to fetch it from.
SCHEMA_ID: Final = "urn:govbudget:schema:govbudget-1"

JSONSchema = dict[str, object]

# One description per model field, "Class.field". Field names are English; the
# official Chinese term follows, as in the model's docstrings.
_DESCRIPTIONS: Final[dict[str, str]] = {
    "DepartmentBudget.department": "The publishing department or unit, as named (部门/单位名称); null or absent when the document does not say.",
    "DepartmentBudget.year": "The budget year (预算年度 / 决算年度), 1949–2200; null or absent when the document does not say.",
    "DepartmentBudget.kind": "`budget` for a 部门预算, `final` for a 部门决算.",
    "DepartmentBudget.level": "`department` (部门, consolidated) or `unit` (单位).",
    "DepartmentBudget.region": "The administrative region (地区), e.g. 曾都区.",
    "DepartmentBudget.precision": "The unit and decimals every amount is published at, unless a figure declares its own.",
    "DepartmentBudget.staffing": "人员: establishment, staff in service, retirees.",
    "DepartmentBudget.income": "收入: totals and each source.",
    "DepartmentBudget.expenditure": "支出: the total and its views by function, economic class and kind.",
    "DepartmentBudget.appropriation": "财政拨款支出: the spending funded by appropriations.",
    "DepartmentBudget.institutional_operation": "机关运行经费.",
    "DepartmentBudget.three_public": "“三公”经费.",
    "DepartmentBudget.procurement": "政府采购.",
    "DepartmentBudget.assets": "国有资产占用.",
    "DepartmentBudget.projects": "重点项目 (key projects), in the order published.",
    "DepartmentBudget.performance": "预算绩效: overall statement, long-term and annual goals.",
    "DepartmentBudget.final": "What a 决算 adds: 年初结转和结余, 结余分配, 年末结转和结余.",
    "Precision.unit": "The unit: 元, 千元, 万元 or 亿元 (also written 万, 亿, yuan, wan …).",
    "Precision.decimals": "The decimals the figures were rounded to (0–8); `10` 万元 at 2 decimals means 10.00.",
    "Staffing.establishment": "编制数: the authorised establishment.",
    "Staffing.establishment_parts": "The establishment by category, as stated (其中 …).",
    "Staffing.in_service": "实有在职人员: staff in service.",
    "Staffing.in_service_parts": "Staff in service by category (行政, 事业, 工勤 …).",
    "Staffing.retired": "离退休人员: retirees.",
    "Staffing.retired_parts": "Retirees by category (离休, 退休 …).",
    "Count.name": "What is counted (行政人员, 公务用车 …).",
    "Count.value": "The count.",
    "Count.unit": "The counting word (人, 名, 辆, 批次 …).",
    "Count.source": "Where the count was read (file:line); not part of equality.",
    "Income.total": "收入合计: this year's income.",
    "Income.grand_total": "收入总计: income with 上年结转结余 (and a 决算's 使用非财政拨款结余).",
    "Income.appropriation": "财政拨款收入: appropriations (the three funds together).",
    "Income.general_public": "一般公共预算财政拨款收入.",
    "Income.government_fund": "政府性基金预算财政拨款收入.",
    "Income.state_capital": "国有资本经营预算财政拨款收入.",
    "Income.business": "事业收入.",
    "Income.operating": "事业单位经营收入 (经营收入).",
    "Income.higher_subsidy": "上级补助收入.",
    "Income.affiliated": "附属单位上缴收入.",
    "Income.other": "其他收入.",
    "Income.carryover": "上年结转结余 (用上年结转结余 / 年初结转和结余 as income).",
    "Income.surplus_used": "决算 only: 使用非财政拨款结余 (使用专用结余), part of 收入总计, not of 收入合计.",
    "Income.lines": "Further named income lines the fields above do not cover.",
    "Figure.amount": "The figure itself (本年数, 决算数).",
    "Figure.prior": "The prior year's amount (上年数).",
    "Figure.change": "The stated year-on-year change (比上年增加/减少 …).",
    "Figure.percent": "The stated year-on-year percent (增长/下降 …%).",
    "Figure.share": "A stated share of the whole it belongs to (占比, 份额比例), in percent.",
    "Figure.budget_initial": "决算 only: 年初预算数.",
    "Figure.budget_full_year": "决算 only: 全年预算数 (调整预算数).",
    "Figure.budget_difference": "决算 only: the stated difference (差值) between the figure and its 年初预算数 (or 全年预算数), without sign.",
    "Figure.completion": "决算 only: the stated completion percent (完成预算的 …%).",
    "Figure.budget_change": "决算 only: the stated change against the budget (与年初预算相比减少 …, 决算数大于预算数 …, 与预算相比无变化).",
    "Figure.budget_percent": "决算 only: the stated percent of the change against the budget (下降 …%).",
    "Figure.share_of": "The path of the figure a share is of, where the text names the whole (占基本支出的 …%).",
    "Figure.restated": "The same figure stated again elsewhere in the document, each with its amount.",
    "Restatement.amount": "The amount as stated the other time.",
    "Restatement.source": "Where it was stated (file:line); not part of equality.",
    "Figure.precision": "This figure's own unit and decimals, overriding the document's (not its children's).",
    "Figure.written": "The amounts written with fewer decimals than the figure's precision (预算为1万元 beside 0.53万元): a relation that holds only at those digits is a warning, not an error. Not part of equality.",
    "Written.column": "The amount: amount, prior, budget_initial or budget_full_year.",
    "Written.decimals": "The decimals it is written with.",
    "Figure.none_stated": "The document says there is none (无 …), rather than being silent.",
    "Figure.note": "The reason or remark given with the figure (主要原因是 …).",
    "Figure.source": "Where the figure was read (file:line); not part of equality.",
    "Node.code": "The classification code as published: 3, 5 or 7 digits (类, 款, 项); absent for a line without one.",
    "Node.name": "The line's name as published.",
    "Node.children": "The lines under this one; a child's code extends its parent's.",
    "Node.partial": "The children are a 其中 list naming only some parts, so they need not add up to the line.",
    "StatedChange.value": "The change as written (a magnitude when a word gives the direction).",
    "StatedChange.word": "The direction word (增加, 减少, 持平 …).",
    "StatedPercent.value": "The percent as written: 5.3 for 5.3%; its decimals set its precision.",
    "StatedPercent.word": "The direction word (增长, 下降 …).",
    "Expenditure.total": "支出合计: this year's expenditure.",
    "Expenditure.grand_total": "支出总计: expenditure with 年末结转和结余.",
    "Expenditure.basic": "基本支出.",
    "Expenditure.project": "项目支出.",
    "Expenditure.personnel": "人员经费 (part of 基本支出).",
    "Expenditure.public": "公用经费 (part of 基本支出).",
    "Expenditure.to_higher": "上缴上级支出 (a kind of spending beside 基本支出 and 项目支出).",
    "Expenditure.operating": "经营支出 (事业单位经营支出).",
    "Expenditure.to_affiliated": "对附属单位补助支出.",
    "Expenditure.by_function": "By function (支出功能分类): 类 → 款 → 项.",
    "Expenditure.by_economic": "By economic class (支出经济分类): 类 → 款.",
    "Expenditure.function_partial": "Whether only some function classes are listed (主要用于…): they add up to at most the total.",
    "Expenditure.economic_partial": "Whether only some economic classes are listed (主要用于…): they add up to at most the total.",
    "Expenditure.economic_scheme": "`department` (部门预算经济分类, 3xx) or `government` (政府预算经济分类, 5xx).",
    "Appropriation.grand_total": "财政拨款收入支出总计: with the appropriations carried over.",
    "Appropriation.total": "财政拨款支出 in all.",
    "Appropriation.general_public": "一般公共预算财政拨款支出.",
    "Appropriation.government_fund": "政府性基金预算财政拨款支出.",
    "Appropriation.state_capital": "国有资本经营预算财政拨款支出.",
    "Appropriation.by_function": "Appropriation spending by function.",
    "Appropriation.by_economic": "Appropriation spending by economic class.",
    "Appropriation.function_partial": "Whether only some function classes are listed (…等): they add up to at most the general public total.",
    "Appropriation.economic_partial": "Whether only some economic classes are listed (…等): they add up to at most the general public basic spending.",
    "Spending.total": "The spending total.",
    "Spending.basic": "基本支出.",
    "Spending.project": "项目支出.",
    "Spending.personnel": "人员经费.",
    "Spending.public": "公用经费.",
    "ThreePublic.total": "“三公”经费合计.",
    "ThreePublic.overseas": "因公出国（境）费.",
    "ThreePublic.reception": "公务接待费.",
    "ThreePublic.vehicles": "公务用车购置及运行维护费 (the subtotal).",
    "ThreePublic.vehicle_purchase": "公务用车购置费.",
    "ThreePublic.vehicle_operation": "公务用车运行维护费.",
    "ThreePublic.counts": "Counts stated with the 三公 figures (批次, 人次, 辆 …).",
    "Procurement.total": "政府采购 total.",
    "Procurement.goods": "货物.",
    "Procurement.works": "工程.",
    "Procurement.services": "服务.",
    "Procurement.sme": "The part awarded to 中小企业.",
    "Assets.total": "国有资产 total.",
    "Assets.parts": "Its parts (流动资产, 固定资产 …).",
    "Assets.as_of": "The date the figures stand at (截至 …), as written.",
    "Assets.counts": "Counts (车辆, 单价 50 万元以上设备 …).",
    "Project.name": "The project's name as published.",
    "Project.amount": "The project's budget.",
    "Project.funding": "Where its money comes from (其中 … 资金来源为 …).",
    "Project.description": "What the project does, as written.",
    "Project.goals": "Its performance goals.",
    "Project.other_figures": "Other amounts stated about the project that are not its budget.",
    "Goal.kind": "`long_term` (长期目标), `annual` (年度目标) or `project` (项目绩效目标).",
    "Goal.name": "The goal as written.",
    "Goal.number": "Its number in the document's list.",
    "Goal.indicators": "Its indicators.",
    "Indicator.kind": "`output` (产出), `effect` (效益), `satisfaction` (满意度) or `cost` (成本).",
    "Indicator.name": "The indicator as written.",
    "Indicator.comparator": "The comparator word (大于, 不低于, 达到 …).",
    "Indicator.target": "The target number.",
    "Indicator.unit": "The target's unit (件, 人次, %, 天 …).",
    "Indicator.basis": "The basis of the target (历史标准, 行业标准 …).",
    "Indicator.category": "Its 二级指标 in a performance table (数量指标, 质量指标, 社会效益指标 …).",
    "Indicator.target_text": "A target that is not a number with a unit (优良, 及时, 2024.03-2024.12), as written.",
    "Indicator.actual": "The 实际完成值 (完成值) a self-evaluation states, when it is a number.",
    "Indicator.actual_text": "The 实际完成值 as written when it is words (完成, 达标 …).",
    "Indicator.weight": "Its 分值 (权重) in a performance table.",
    "Indicator.score": "Its 得分 in a self-evaluation.",
    "Indicator.source": "Where the indicator was read (file:line); not part of equality.",
    "Performance.overall": "The department's overall performance statement.",
    "Performance.long_term": "长期目标.",
    "Performance.annual": "年度目标.",
    "Performance.tables": "The performance tables printed (项目支出绩效目标表, 绩效自评表).",
    "Performance.project_counts": "The numbers of projects a performance report states (实施项目共 N 个 = 年初 N₁ 个 + 年中增加 N₂ 个).",
    "Performance.funds": "The funds a performance report states in sentences, with their 执行率 (全年预算数 60 万元，全年执行数 57 万元，执行率 95%).",
    "ProjectCount.total": "The number of projects stated for all (实施项目共 N 个).",
    "ProjectCount.initial": "The projects of the budget at the start of the year (年初批复 N 个).",
    "ProjectCount.added": "The projects added during the year (年中增加 N 个).",
    "ProjectCount.initial_amount": "The amount of the projects at the start of the year (年初批复 … 985 万元).",
    "ProjectCount.source": "Where the counts were read (file:line:column); not part of equality.",
    "PerformanceTable.kind": "`targets` (绩效目标表, 绩效目标申报表) or `self_evaluation` (绩效自评表).",
    "PerformanceTable.title": "The table's title as printed.",
    "PerformanceTable.project": "The project (项目名称) as written.",
    "PerformanceTable.funds": "Its funds (资金来源, 预算执行情况), line by line.",
    "PerformanceTable.indicators": "Its indicators (一级/二级/三级指标 with their values, weights and scores).",
    "PerformanceTable.weights": "The weights it states for its parts (绩效指标（90分）, 产出指标权重分值50分 …).",
    "PerformanceTable.total_weight": "The 合计 of the weights (usually 100).",
    "PerformanceTable.total_score": "The 合计 of the scores (总分, 自评得分).",
    "PerformanceTable.complete": "Whether the indicators end where the table says (a 合计 row, or a part after them) rather than where the text stops.",
    "PerformanceTable.source": "Where the table was read (file:line); not part of equality.",
    "FundLine.name": "The line as written (资金总额, 其中：财政资金, 其他资金 …).",
    "FundLine.part": "Whether the line is one of the parts (其中 …) of the line before the parts.",
    "FundLine.initial": "年初预算数 (年初安排金额).",
    "FundLine.full_year": "全年预算数 (调整后预算数).",
    "FundLine.executed": "全年执行数 (预算执行数).",
    "FundLine.rate": "The stated 执行率 (percent).",
    "FundLine.weight": "The 分值 (权重) of budget execution.",
    "FundLine.score": "The 得分 of budget execution.",
    "FundLine.source": "Where the line was read (file:line); not part of equality.",
    "StatedWeight.name": "The part as written (绩效指标, 产出指标, 预算执行情况 …).",
    "StatedWeight.part": "`indicators` (all the indicators), `funds` (budget execution) or an indicator kind (`output`, `effect` …).",
    "StatedWeight.weight": "The weight stated (分).",
    "FinalAccounts.carried_in": "年初结转和结余.",
    "FinalAccounts.distribution": "结余分配.",
    "FinalAccounts.carried_out": "年末结转和结余.",
    "DepartmentBudget.tables": "The standard tables (公开表) as printed, when the disclosure was read with them.",
    "DepartmentBudget.statements": "Figures the text states that no other field holds, each a line named by its label as written, with the parts it lists as children.",
    "DepartmentBudget.contents": "The document's table of contents (目录), entry by entry as printed.",
    "DepartmentBudget.wording": "Places of the text the wording rules judge (placeholders, years, 部门/单位 words …).",
    "Wording.kind": "What the place is: `placeholder`, `heading_year`, `as_of_year`, `level_word`, `cut_reason`, `punctuation` or `percent_sign`.",
    "Wording.text": "The words as printed.",
    "Wording.around": "The words around them.",
    "Wording.year": "The year named (for `heading_year` and `as_of_year`).",
    "Wording.word": "The word used (for `level_word`: 部门 or 单位).",
    "Wording.source": "Where the place is in the text (file:line:column); not part of equality.",
    "Table.title": "The table's title as printed (收入支出决算总表 …).",
    "Table.kind": "Which standard table it is (`final.summary`, `budget.income` …), if recognised.",
    "Table.precision": "The unit of the table's 单位 line and its decimals; absent means the document's.",
    "Table.unit_line": "The unit line as printed (单位：万元); absent when the table prints none.",
    "Table.columns": "The value columns, left to right.",
    "Table.rows": "The rows, top to bottom (left half before right half where printed side by side).",
    "Table.pages": "The pages the table is printed on.",
    "Table.sheet": "The worksheet the table was read from.",
    "Table.line": "The line of a narrative text the table's title is on, for a table pasted into the text.",
    "Table.empty_statement": "The statement that the table has no data (本表无数据 …).",
    "Table.source": "The file the table was read from; not part of equality.",
    "Column.name": "The column header as printed, its levels joined by / (公务用车购置及运行维护费/小计/决算数).",
    "Column.side": "The half of a two-sided table the column is in (收入 / 支出).",
    "Row.name": "The row's name as printed (科目名称, 合计, 一、一般公共服务支出 …).",
    "Row.code": "The classification code, 类/款/项 joined (2010301).",
    "Row.values": "One amount per column in the table's unit; null is a blank cell, not zero.",
    "Row.side": "The half of a two-sided table the row is in (收入 / 支出).",
    "Row.page": "The page (or sheet number) the row is printed on.",
    "Row.line": "The line of a narrative text the row starts on, for a table pasted into the text.",
    "Row.cells": "The spreadsheet cell of each value (C4; null for none), for a row read from a workbook.",
}

# Field constraints the model's validators enforce, as schema keywords.
_NON_EMPTY: Final[JSONSchema] = {"type": "string", "pattern": r"\S"}
_CONSTRAINTS: Final[dict[str, JSONSchema]] = {
    "DepartmentBudget.department": _NON_EMPTY,
    "DepartmentBudget.year": {"type": "integer", "minimum": 1949, "maximum": 2200},
    "Precision.decimals": {"type": "integer", "minimum": 0, "maximum": 8},
    "Node.code": {"type": "string", "pattern": r"^[0-9]{3}(?:[0-9]{2}){0,2}$"},
    "Node.name": _NON_EMPTY,
    "Indicator.comparator": {"enum": list(COMPARATOR_WORDS)},
    "StatedChange.word": {"$ref": "#/$defs/DirectionWord"},
    "StatedPercent.word": {"$ref": "#/$defs/DirectionWord"},
}

# A decimal number as publishers write it (thousands separators, full-width
# digits and signs, spaces), or a JSON number; the loader reads both exactly.
_DIGIT: Final = "[0-9０-９]"
_DECIMAL_PATTERN: Final = (
    rf"^\s*[+＋\-－−–—﹣]?\s*{_DIGIT}(?:[0-9０-９,，\s]*{_DIGIT})?(?:[.．]{_DIGIT}+)?\s*$"
)
_SHARED_DEFS: Final[dict[str, JSONSchema]] = {
    "Decimal": {
        "description": f"A decimal number, written as a JSON number or a string, at most {MAX_DIGITS} digits; read exactly, never through binary floating point.",
        "anyOf": [
            {"type": "number"},
            {"type": "string", "pattern": _DECIMAL_PATTERN},
        ],
    },
    "Amount": {
        "description": "An amount in the unit of the figure's (or the document's) precision, e.g. \"425.23\" for 425.23 万元; it must be a whole number of fen.",
        "$ref": "#/$defs/Decimal",
    },
    "DirectionWord": {
        "description": "A word stating the direction of a change.",
        "enum": list(DIRECTION_WORDS),
    },
    "Unit": {
        "description": "A unit of money.",
        "enum": list(_UNIT_NAMES),
    },
}


def _description(owner: type, name: str) -> str:
    for cls in owner.__mro__:
        found = _DESCRIPTIONS.get(f"{cls.__name__}.{name}")
        if found is not None:
            return found
    raise KeyError(f"the field {owner.__name__}.{name} has no description in the schema")


def _constraint(owner: type, name: str) -> JSONSchema | None:
    for cls in owner.__mro__:
        found = _CONSTRAINTS.get(f"{cls.__name__}.{name}")
        if found is not None:
            return dict(found)
    return None


class _Builder:
    """Walks the model's classes and collects one ``$defs`` entry per class."""

    def __init__(self) -> None:
        self.defs: dict[str, JSONSchema] = {}

    def type_schema(self, tp: object) -> JSONSchema:
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            options = [a for a in typing.get_args(tp) if a is not type(None)]
            return {"anyOf": [self.type_schema(options[0]), {"type": "null"}]}
        if origin is tuple:
            return {"type": "array", "items": self.type_schema(typing.get_args(tp)[0])}
        if tp is Amount:
            return {"$ref": "#/$defs/Amount"}
        if tp is Decimal:
            return {"$ref": "#/$defs/Decimal"}
        if isinstance(tp, type) and issubclass(tp, Enum):
            return self.enum(tp)
        if isinstance(tp, type) and attrs.has(tp):
            return self.ref(tp)
        scalar = {bool: "boolean", int: "integer", str: "string"}.get(tp)  # type: ignore[call-overload]
        if scalar is None:
            raise TypeError(f"no schema for the field type {tp!r}")
        return {"type": scalar}

    def enum(self, tp: type[Enum]) -> JSONSchema:
        if tp.__name__ not in self.defs:
            doc = (tp.__doc__ or "").strip().splitlines()[0]
            self.defs[tp.__name__] = {"description": doc, "enum": [m.value for m in tp]}
        return {"$ref": f"#/$defs/{tp.__name__}"}

    def ref(self, tp: type) -> JSONSchema:
        name = tp.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: a class may refer to itself (Node.children)
            self.defs[name] = self.object_schema(tp)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, tp: type) -> JSONSchema:
        hints = typing.get_type_hints(tp)
        properties: dict[str, JSONSchema] = {}
        required: list[str] = []
        for f in attrs.fields(tp):
            if not f.init:
                continue
            if tp is Precision and f.name == "unit":
                field_schema: JSONSchema = {"$ref": "#/$defs/Unit"}
            else:
                field_schema = _constraint(tp, f.name) or self.type_schema(hints[f.name])
                if _constraint(tp, f.name) is not None and _optional(hints[f.name]):
                    field_schema = {"anyOf": [field_schema, {"type": "null"}]}
            field_schema = {"description": _description(tp, f.name), **field_schema}
            if f.default is attrs.NOTHING:
                required.append(f.name)
            elif isinstance(f.default, Unit):
                field_schema["default"] = f.default.label
            elif isinstance(f.default, Enum):
                field_schema["default"] = f.default.value
            elif isinstance(f.default, bool | int | str):
                field_schema["default"] = f.default
            properties[f.name] = field_schema
        doc = (tp.__doc__ or "").strip().splitlines()[0]
        result: JSONSchema = {"description": doc, "type": "object", "properties": properties}
        if required and tp is not StatedChange:  # a change may be a word alone ("持平")
            result["required"] = required
        result["additionalProperties"] = False
        if tp is StatedChange:
            return {"description": doc, "anyOf": [{"$ref": "#/$defs/Amount"}, result]}
        if tp is StatedPercent:
            return {"description": doc, "anyOf": [{"$ref": "#/$defs/Decimal"}, result]}
        return result


def _optional(tp: object) -> bool:
    return typing.get_origin(tp) in (Union, types.UnionType) and type(None) in typing.get_args(tp)


def build_schema() -> JSONSchema:
    """The JSON Schema of ``govbudget/1``, generated from the model."""
    builder = _Builder()
    root = builder.object_schema(DepartmentBudget)
    properties = root["properties"]
    assert isinstance(properties, dict)
    defs = dict(sorted({**_SHARED_DEFS, **builder.defs}.items()))
    assert Figure.__name__ in defs
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "govbudget document, format govbudget/1",
        "description": (
            "A 部门预算 or 部门决算 disclosure as govbudget reads it. Limits:"
            f" at most {MAX_DOCUMENT_BYTES} bytes, {MAX_DEPTH} levels of nesting,"
            f" {MAX_VALUES} values and {MAX_DIGITS} digits per number."
        ),
        "type": "object",
        "properties": {
            "format": {"description": f"The format tag, always {FORMAT!r}.", "const": FORMAT},
            **properties,
        },
        "required": ["format", *typing.cast(list[str], root.get("required", []))],
        "additionalProperties": False,
        "$defs": defs,
    }


def _render(value: JSONSchema) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def schema_text() -> str:
    """The shipped ``schema.json`` as text (what ``govbudget schema`` prints)."""
    return resources.files("govbudget.io").joinpath("schema.json").read_text(encoding="utf-8")


@cache
def _shipped() -> Mapping[str, object]:
    loaded = json.loads(schema_text())
    assert isinstance(loaded, dict)
    return types.MappingProxyType(loaded)


def schema() -> Mapping[str, object]:
    """The shipped schema, parsed (read-only).

    >>> schema()["$id"]
    'urn:govbudget:schema:govbudget-1'
    """
    return _shipped()


def _main(argv: list[str]) -> int:
    target = Path(__file__).with_name("schema.json")
    text = _render(build_schema())
    if argv == ["--check"]:
        return 0 if target.read_text(encoding="utf-8") == text else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
