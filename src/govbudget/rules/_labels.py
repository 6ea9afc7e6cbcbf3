"""Chinese and English names of the model's fixed figures, for locations and messages."""

from __future__ import annotations

from typing import Final

#: (section, field) → (Chinese, English).
LABELS: Final[dict[tuple[str, str], tuple[str, str]]] = {
    ("income", "total"): ("收入合计", "total income"),
    ("income", "grand_total"): ("收入总计", "grand total of income"),
    ("income", "appropriation"): ("财政拨款收入", "appropriation income"),
    ("income", "general_public"): (
        "一般公共预算财政拨款收入",
        "general public budget appropriation",
    ),
    ("income", "government_fund"): ("政府性基金预算财政拨款收入", "government fund appropriation"),
    ("income", "state_capital"): ("国有资本经营预算财政拨款收入", "state capital appropriation"),
    ("income", "business"): ("事业收入", "business income"),
    ("income", "operating"): ("事业单位经营收入", "operating income"),
    ("income", "higher_subsidy"): ("上级补助收入", "subsidy from the higher level"),
    ("income", "affiliated"): ("附属单位上缴收入", "income from affiliated units"),
    ("income", "other"): ("其他收入", "other income"),
    ("income", "carryover"): ("上年结转结余", "carry-over from the prior year"),
    ("income", "surplus_used"): ("使用非财政拨款结余", "non-appropriation balances used"),
    ("expenditure", "total"): ("支出合计", "total expenditure"),
    ("expenditure", "grand_total"): ("支出总计", "grand total of expenditure"),
    ("expenditure", "basic"): ("基本支出", "basic expenditure"),
    ("expenditure", "project"): ("项目支出", "project expenditure"),
    ("expenditure", "personnel"): ("人员经费", "personnel expenses"),
    ("expenditure", "public"): ("公用经费", "public expenses"),
    ("expenditure", "to_higher"): ("上缴上级支出", "remittances to the higher level"),
    ("expenditure", "operating"): ("经营支出", "operating expenditure"),
    ("expenditure", "to_affiliated"): ("对附属单位补助支出", "subsidies to affiliated units"),
    ("expenditure", "by_function"): ("支出功能分类", "expenditure by function"),
    ("expenditure", "by_economic"): ("支出经济分类", "expenditure by economic class"),
    ("appropriation", "grand_total"): (
        "财政拨款收入支出总计",
        "grand total of appropriation income and spending",
    ),
    ("appropriation", "total"): ("财政拨款支出", "appropriation spending"),
    ("appropriation", "general_public"): (
        "一般公共预算财政拨款支出",
        "general public budget spending",
    ),
    ("appropriation", "government_fund"): (
        "政府性基金预算财政拨款支出",
        "government fund spending",
    ),
    ("appropriation", "state_capital"): ("国有资本经营预算财政拨款支出", "state capital spending"),
    ("appropriation", "by_function"): (
        "一般公共预算财政拨款支出（按功能分类）",
        "general public budget spending by function",
    ),
    ("appropriation", "by_economic"): (
        "一般公共预算财政拨款基本支出（按经济分类）",
        "general public budget basic spending by economic class",
    ),
    ("spending", "total"): ("合计", "total"),
    ("spending", "basic"): ("基本支出", "basic"),
    ("spending", "project"): ("项目支出", "project"),
    ("spending", "personnel"): ("人员经费", "personnel"),
    ("spending", "public"): ("公用经费", "public expenses"),
    ("three_public", "total"): ("“三公”经费合计", "three public expenses, total"),
    ("three_public", "overseas"): ("因公出国（境）费", "official travel abroad"),
    ("three_public", "reception"): ("公务接待费", "official reception"),
    ("three_public", "vehicles"): ("公务用车购置及运行维护费", "official vehicles"),
    ("three_public", "vehicle_purchase"): ("公务用车购置费", "official vehicle purchase"),
    ("three_public", "vehicle_operation"): ("公务用车运行维护费", "official vehicle operation"),
    ("procurement", "total"): ("政府采购总额", "government procurement, total"),
    ("procurement", "goods"): ("货物类采购", "procurement of goods"),
    ("procurement", "works"): ("工程类采购", "procurement of works"),
    ("procurement", "services"): ("服务类采购", "procurement of services"),
    ("procurement", "sme"): ("面向中小企业采购", "procurement from small and medium enterprises"),
    ("assets", "total"): ("资产总额", "total assets"),
    ("institutional_operation", ""): ("机关运行经费", "institutional operation expenses"),
    ("final", "carried_in"): ("年初结转和结余", "carried in at the start of the year"),
    ("final", "distribution"): ("结余分配", "distribution of the balance"),
    ("final", "carried_out"): ("年末结转和结余", "carried out at the end of the year"),
}


def label(section: str, name: str) -> tuple[str, str]:
    """The Chinese and English name of a fixed figure."""
    return LABELS.get((section, name), (name, name.replace("_", " ")))
