"""Hand-written variants of real phrasing of each pattern, and broken text.

Each variant is a short narrative in our own words and figures, written the way disclosures
write (PDF line breaks, full-width digits, stray spaces and all), and must give exactly its
figures, leave exactly its listed numbers not understood (the reader reports what it cannot
read and never invents a figure), and raise exactly its quality warnings; every number the
reader maps must be the figure at the path it names. The real excerpts are read where they
are, in tests/test_conformance.py.
"""

from __future__ import annotations

from enum import Enum

import pytest
from attrs import frozen

from govbudget import Severity, validate
from govbudget.figure import StatedChange, StatedPercent
from govbudget.model import DepartmentBudget
from govbudget.money import Amount, Unit, amount
from govbudget.narrative import Disposition, Extraction, read_narrative, value_at
from govbudget.tree import Node


@frozen
class Variant:
    """A narrative, what must be read from it, and what must be left unread."""

    name: str
    text: str
    figures: dict[str, str]
    summary: tuple[int, int, int, int]  # found, mapped, context, not understood
    unread: tuple[str, ...] = ()  # the numbers (as written) left not understood
    warnings: tuple[str, ...] = ()  # the codes of the quality warnings, in order
    department: str | None = None


HEAD = "某县财政局2025年部门预算情况说明\n"

VARIANTS: tuple[Variant, ...] = (
    Variant(
        "收入：括号内上年数、同比增减，全角数字，数字与单位分行",
        HEAD + "（一）收入预算情况\n"
        "收入总计 ４２５.２３\n\n万元（上年收入总计 449.17 万元，同\n\n比减少23.94万元，"
        "同比减少5.3%）。其中财政拨款收入425.23万元，为县本级财政当年拨付的资金。\n",
        {
            "/income/grand_total/amount": "425.23",
            "/income/grand_total/prior": "449.17",
            "/income/grand_total/change": "减少 23.94",
            "/income/grand_total/percent": "减少 5.3",
            "/income/appropriation/amount": "425.23",
            "/income/appropriation/note": "为县本级财政当年拨付的资金",
        },
        (6, 5, 1, 0),
    ),
    Variant(
        "收入：比上年增加/增长，千分位，各来源占比",
        "某县财政局2024年部门预算\n一、收入预算情况\n"
        "2024年收入预算合计1,234.56万元，比上年增加34.56万元，增长2.9%。其中：一般公共预算"
        "拨款收入1,034.56万元，占83.8%；事业收入200万元，占16.2%；上年结转0万元。\n",
        {
            "/income/total/amount": "1234.56",
            "/income/total/change": "增加 34.56",
            "/income/total/percent": "增长 2.9",
            "/income/general_public/amount": "1034.56",
            "/income/general_public/share": "83.8",
            "/income/business/amount": "200",
            "/income/business/share": "16.2",
            "/income/carryover/amount": "0",
        },
        (10, 8, 2, 0),
    ),
    Variant(
        "支出：较上年减少/降低，基本支出与项目支出，原因分述",
        HEAD + "（二）支出预算情况\n"
        "支出合计 300 万元，较上年减少 20 万元，降低 6.3%。其中：基本支出 200 万元，"
        "项目支出 100 万元。\n基本支出减少的主要原因是退休人员减少；项目支出增加的主要原因是新增项目。\n",
        {
            "/expenditure/total/amount": "300",
            "/expenditure/total/change": "减少 20",
            "/expenditure/total/percent": "降低 6.3",
            "/expenditure/basic/amount": "200",
            "/expenditure/basic/note": "退休人员减少",
            "/expenditure/project/amount": "100",
            "/expenditure/project/note": "新增项目",
        },
        (6, 5, 1, 0),
    ),
    Variant(
        "按功能分类：带科目编码、（类）（款）（项）",
        HEAD + "（二）支出预算情况\n"
        "按照支出功能分类科目，主要用于：\n"
        "1、（201）一般公共服务支出 300 万元，占 75%；\n"
        "2、社会保障和就业（类）100万元，占25%：主要用于离退休人员支出。\n"
        "3、行政事业单位养老支出（款）60万元。\n",
        {
            "/expenditure/by_function/201/amount": "300",
            "/expenditure/by_function/201/share": "75",
            "/expenditure/by_function/201/code": "201",
            "/expenditure/by_function/208/amount": "100",
            "/expenditure/by_function/208/name": "社会保障和就业",
            "/expenditure/by_function/208/share": "25",
            "/expenditure/by_function/208/20805/amount": "60",
        },
        (10, 6, 4, 0),
    ),
    Variant(
        "按经济分类：括号内明细、“万”作万元、名称跨行、主要用于后的明细",
        HEAD + "（二）支出预算情况\n"
        "按照支出经济分类科目，主要用于：\n"
        "1.工资福利支出 100 万元：主要用于基本工资等。（基本工资 40 万、津贴补\n贴 30 万、"
        "机关事业单位基本养老保险缴费 20 万、其他工资福利 10 万）\n"
        "2.商品和服务支出 20 万元：主要用于办公费 12 万元、水电费 8 万元。\n"
        "3.对个人和家庭的补助 5 万元。\n",
        {
            "/expenditure/by_economic/301/amount": "100",
            "/expenditure/by_economic/301/30101/amount": "40",
            "/expenditure/by_economic/301/30102/name": "津贴补贴",
            "/expenditure/by_economic/301/30108/amount": "20",
            "/expenditure/by_economic/301/30199/name": "其他工资福利",
            "/expenditure/by_economic/302/30201/amount": "12",
            "/expenditure/by_economic/302/水电费/amount": "8",
            "/expenditure/by_economic/303/amount": "5",
        },
        (13, 9, 4, 0),
    ),
    Variant(
        "财政拨款支出：比去年预算、比年初预算，原因逐项对应",
        HEAD + "（三）财政拨款支出情况\n"
        "2025 年度一般公共预算支出 300 万元，比去年预算 320 万元减少 20 万元，其中：基本支出 "
        "200 万元，比年初预算 190 万元增加 10 万元，项目支出 100 万元，比年初预算 130 万元"
        "减少 30 万元。原因：人员经费增加，项目经费缩减。\n",
        {
            "/appropriation/general_public/total/amount": "300",
            "/appropriation/general_public/total/prior": "320",
            "/appropriation/general_public/total/change": "减少 20",
            "/appropriation/general_public/basic/prior": "190",
            "/appropriation/general_public/basic/note": "人员经费增加",
            "/appropriation/general_public/project/change": "减少 30",
            "/appropriation/general_public/project/note": "项目经费缩减",
        },
        (11, 9, 2, 0),
    ),
    Variant(
        "无政府性基金、没有国有资本经营预算：表述为“无”（不同于未提及）",
        HEAD + "（四）政府性基金预算支出情况\n"
        "本部门2025年没有使用政府性基金预算拨款安排的支出。\n"
        "（五）国有资本经营预算支出情况\n本部门无国有资本经营预算拨款收支。\n",
        {
            "/appropriation/government_fund/total/none_stated": "True",
            "/appropriation/state_capital/total/none_stated": "True",
        },
        (2, 0, 2, 0),
    ),
    Variant(
        "机关运行经费：比去年预算数减少、降低，原因另起一句",
        HEAD + "（六）机关运行经费\n"
        "本部门2025年度机关运行经费支出24.1万元，比去年预算数减少2.14万元，降低8.2%。"
        "主要原因是：落实过紧日子要求压减办公经费支出。\n",
        {
            "/institutional_operation/amount": "24.1",
            "/institutional_operation/change": "减少 2.14",
            "/institutional_operation/percent": "降低 8.2",
            "/institutional_operation/note": "落实过紧日子要求压减办公经费支出",
        },
        (5, 3, 2, 0),
    ),
    Variant(
        "政府采购：总额、分类份额比例、中小企业，较上年无变化",
        HEAD + "（七）政府采购情况\n"
        "2025年部门政府采购预算总额 50万元，其中货物类采购预算金额 30万元，份额比例 60%；"
        "工程类采购预算金额 0万元，份额比例 0%；服务类采购金额 20万元，份额比例 40%；"
        "面向中小企业及小微企业采购金额 50万元，份额比例 100%。较上年预算安排的金额无变化。\n",
        {
            "/procurement/total/amount": "50",
            "/procurement/total/change": "无变化",
            "/procurement/goods/share": "60",
            "/procurement/works/amount": "0",
            "/procurement/services/amount": "20",
            "/procurement/sme/amount": "50",
            "/procurement/sme/share": "100",
        },
        (11, 9, 2, 0),
    ),
    Variant(
        "国有资产：以及…、…的枚举，同比变化归于总额；车辆数；截至日期",
        HEAD + "（八）国有资产占用情况\n"
        "截至2024年12月31日，本部门资产总额 16.24万元，以及流动资产 4万元、固定资产 12.24万元，"
        "较上年减少 2.46万元，同比减少 13.2%，主要原因是：一批老旧固定资产下账处理。"
        "本部门共有车辆 2 辆。\n",
        {
            "/assets/total/amount": "16.24",
            "/assets/total/change": "减少 2.46",
            "/assets/total/percent": "减少 13.2",
            "/assets/total/note": "一批老旧固定资产下账处理",
            "/assets/parts/流动资产/amount": "4",
            "/assets/parts/固定资产/amount": "12.24",
            "/assets/as_of": "2024年12月31日",
            "/assets/counts/0/value": "2",
        },
        (10, 6, 4, 0),
    ),
    Variant(
        "“三公”经费：其中分项，持平，比上年增加 0 万元，（1）式编号",
        HEAD + "二、2025年“三公”经费预算情况说明\n"
        "2025年“三公”经费预算 10 万元，比上年减少 2 万元，下降 16.7%。其中：\n"
        "（1）因公出国（境）费 0 万元，较上年持平；\n"
        "（2）公务接待费 4 万元，比上年减少 2 万元，下降 33.3%；\n"
        "（3）公务用车购置及运行维护费 6 万元，其中公务用车购置费 0 万元，公务用车运行维护费 "
        "6 万元，比上年增加 0 万元。\n",
        {
            "/three_public/total/amount": "10",
            "/three_public/total/percent": "下降 16.7",
            "/three_public/overseas/change": "持平",
            "/three_public/reception/percent": "下降 33.3",
            "/three_public/vehicles/amount": "6",
            "/three_public/vehicle_purchase/amount": "0",
            "/three_public/vehicle_operation/change": "增加 0",
        },
        (17, 11, 6, 0),
    ),
    Variant(
        "人员：编制、实有人数括号分类（人/名）、离退休",
        "某县财政局2025年部门预算\n二、部门基本情况\n"
        "本部门编制人数 20 人，实有人数 18 人（其中行政人员 10 人、事业人员 6 人、"
        "工勤人员 2 名），离退休人员 5 人。\n",
        {
            "/staffing/establishment": "20",
            "/staffing/in_service": "18",
            "/staffing/in_service_parts/0/name": "行政人员",
            "/staffing/in_service_parts/2/unit": "名",
            "/staffing/retired": "5",
        },
        (7, 6, 1, 0),
    ),
    Variant(
        "绩效指标：不低于/达到/≥、细分指标类型、无数值与无单位的指标",
        HEAD + "一、部门整体绩效目标\n"
        "年度目标 1：保障财政运行，具体指标设置为：\n"
        "数量指标：培训班次达到 12，审核项目数不少于 300个，指标设立依据是计划标准。\n"
        "质量指标：资金拨付准确率≥98%，指标设立依据是行业标准。\n"
        "社会效益指标：群众满意，指标设立依据是历史标准。\n"
        "服务对象满意度指标：服务对象满意度不低于 90%。\n",
        {
            "/performance/annual/0/number": "1",
            "/performance/annual/0/name": "保障财政运行",
            "/performance/annual/0/indicators/0/target": "12",
            "/performance/annual/0/indicators/1/comparator": "不少于",
            "/performance/annual/0/indicators/1/unit": "个",
            "/performance/annual/0/indicators/2/comparator": "≥",
            "/performance/annual/0/indicators/2/basis": "行业标准",
            "/performance/annual/0/indicators/3/name": "群众满意",
            "/performance/annual/0/indicators/4/kind": "satisfaction",
        },
        (6, 5, 1, 0),
        warnings=("indicator-without-unit", "indicator-without-target"),
    ),
    Variant(
        "重点项目：预算安排、资金来源、另述数字；不在项目支出中",
        HEAD + "二、重点项目绩效目标\n"
        "1、“乡村振兴项目”主要内容是：支持乡村产业发展。2025 年预算安排 20\n万元，其中：20 万元"
        "资金来源为当年一般公共预算资金。\n2、项目绩效总目标是：预计预算 20 万元（上级规定配套"
        "资金为 5 万元，一般不超过 5 万元）。\n产出指标：扶持企业 3 家，指标设立依据是计划标准。\n",
        {
            "/projects/0/name": "乡村振兴项目",
            "/projects/0/amount/amount": "20",
            "/projects/0/funding/当年一般公共预算资金/amount": "20",
            "/projects/0/other_figures/上级规定配套资金/amount": "5",
            "/projects/0/goals/0/indicators/0/target": "3",
        },
        (10, 5, 5, 0),
        warnings=("project-not-in-spending",),
    ),
    Variant(
        "以元为单位的文档：占比，上年结转",
        "某镇人民政府2024年部门预算\n（一）收入预算情况\n"
        "2024年收入预算8652340.50元，其中：本年财政拨款收入7215480.50元，占83.39%；"
        "上年结转1436860元，占16.61%。\n",
        {
            "/income/grand_total/amount": "8652340.5",
            "/income/appropriation/share": "83.39",
            "/income/carryover/amount": "1436860",
        },
        (7, 5, 2, 0),
    ),
    Variant(
        "决算：年初预算数、完成预算百分比、上一年度的数字作上年数",
        "某县财政局2022年度部门决算\n一、“三公”经费支出决算情况\n"
        "2022年度“三公”经费支出 3.46万元，完成预算 82.4%，年初预算为 4.20万元。"
        "2021年度“三公”经费支出 3.61万元。\n",
        {
            "/three_public/total/amount": "3.46",
            "/three_public/total/completion": "82.4",
            "/three_public/total/budget_initial": "4.2",
            "/three_public/total/prior": "3.61",
        },
        (7, 4, 3, 0),
    ),
    Variant(
        "残缺文本：数字中间断开的空格、没有单位的金额、缺数字的增减、表格碎片",
        HEAD + "（二）支出预算情况\n"
        "支出总计 4 25.23 万元。基本支出 295.23，项目支出比上年减少万元。\n"
        "合计\n46.3\n因公出国(境)费\n11.6\n",
        {},
        (6, 0, 1, 5),
        unread=("4", "25.23", "295.23", "46.3", "11.6"),
    ),
    Variant(
        "同一数字两处不一致：后一处列为未能识别，并提示",
        "某县财政局2025年部门预算\n二、2025年“三公”经费预算情况说明\n"
        "“三公”经费预算 10 万元。\n（一）“三公”经费预算情况\n“三公”经费预算 12 万元。\n",
        {"/three_public/total/amount": "10"},
        (4, 1, 2, 1),
        unread=("12",),
        warnings=("restated-differently",),
    ),
    Variant(
        "决算收入总计：本年收入合计、使用非财政拨款结余、年初结转和结余",
        "某县财政局2024年度部门决算情况说明\n二、收入决算情况说明\n"
        "2024年度收入总计110万元，其中：本年收入合计90万元，使用非财政拨款结余5万元，"
        "年初结转和结余15万元。\n",
        {
            "/income/grand_total/amount": "110",
            "/income/total/amount": "90",
            "/income/surplus_used/amount": "5",
            "/income/carryover/amount": "15",
        },
        (6, 4, 2, 0),
    ),
    Variant(
        "决算支出：本年支出合计、基本支出、项目支出，年末结转和结余",
        "某县水利站2024年度部门决算情况说明\n三、支出决算情况说明\n"
        "本年支出合计80万元，其中：基本支出50万元，项目支出30万元。年末结转和结余6万元。\n",
        {
            "/expenditure/total/amount": "80",
            "/expenditure/basic/amount": "50",
            "/expenditure/project/amount": "30",
            "/final/carried_out/amount": "6",
        },
        (5, 4, 1, 0),
    ),
    Variant(
        "财政拨款基本支出一节（不写“一般公共预算”）：人员经费、公用经费属财政拨款",
        "某县水利站2024年度部门决算情况说明\n五、财政拨款基本支出决算情况说明\n"
        "2024年度财政拨款基本支出46.5万元，其中：人员经费40.25万元，公用经费6.25万元。\n",
        {
            "/appropriation/total/basic/amount": "46.5",
            "/appropriation/total/personnel/amount": "40.25",
            "/appropriation/total/public/amount": "6.25",
        },
        (5, 3, 2, 0),
    ),
    Variant(
        "资产一节只写车辆台数：台数留在资产下",
        "某县水利站2024年度部门决算情况说明\n九、国有资产占用情况说明\n"
        "截至2024年12月31日，共有车辆2辆，其中：一般公务用车1辆，执法执勤用车1辆。\n",
        {
            "/assets/counts/0/value": "2",
            "/assets/counts/1/value": "1",
            "/assets/counts/2/value": "1",
        },
        (7, 3, 4, 0),
    ),
    Variant(
        "支出预算总额及其基本、项目支出；各类占比只第一项写明占什么（其余同一句中沿用）",
        HEAD + "二、收支预算总体情况\n2025年支出预算总额300万元，其中：基本支出210万元，"
        "项目支出90万元。\n三、支出预算情况\n一般公共服务支出240万元，占支出预算总额的80%；"
        "卫生健康支出36万元，占12%；住房保障支出24万元，占8%。\n",
        {
            "/expenditure/grand_total/amount": "300",
            "/expenditure/basic/amount": "210",
            "/expenditure/project/amount": "90",
            "/statements/0/一般公共服务支出/amount": "240",
            "/statements/0/一般公共服务支出/share": "80",
            "/statements/0/一般公共服务支出/share_of": "/expenditure/grand_total",
            "/statements/1/卫生健康支出/amount": "36",
            "/statements/1/卫生健康支出/share": "12",
            "/statements/1/卫生健康支出/share_of": "/expenditure/grand_total",
            "/statements/2/住房保障支出/amount": "24",
            "/statements/2/住房保障支出/share": "8",
            "/statements/2/住房保障支出/share_of": "/expenditure/grand_total",
        },
        (11, 9, 2, 0),
    ),
    Variant(
        "实有人数含在职与退休：在职数为在职人员，实有数留作未识别",
        HEAD
        + "一、部门基本情况\n本部门编制人数20人，实有人数26人，其中：在职人员19人，退休人员7人。\n",
        {
            "/staffing/establishment": "20",
            "/staffing/in_service": "19",
            "/staffing/retired": "7",
        },
        (5, 3, 1, 1),
        unread=("26",),
    ),
    Variant(
        "“三公”分项写“为0”（无单位）：零金额",
        HEAD + "二、“三公”经费预算情况\n“三公”经费预算为5万元，其中：因公出国（境）费为0，"
        "公务接待费5万元。\n",
        {
            "/three_public/total/amount": "5",
            "/three_public/overseas/amount": "0",
            "/three_public/reception/amount": "5",
        },
        (4, 3, 1, 0),
    ),
    Variant(
        "一般公共预算拨款支出一节（不写“财政”）：按功能分类的各类是该资金的，不算作全部支出",
        HEAD + "一、收支总体情况\n支出总计500万元，其中：基本支出300万元，项目支出200万元。\n"
        "二、一般公共预算拨款支出情况\n一般公共预算拨款支出450万元。按支出功能分类，"
        "社会保障和就业支出400万元，住房保障支出50万元。\n",
        {
            "/expenditure/grand_total/amount": "500",
            "/expenditure/basic/amount": "300",
            "/expenditure/project/amount": "200",
            "/appropriation/general_public/total/amount": "450",
            "/appropriation/by_function/208/amount": "400",
            "/appropriation/by_function/221/amount": "50",
        },
        (7, 6, 1, 0),
    ),
    Variant(
        "决算“三公”：比预算减少…，原因…；比上年决算数增加…（原因后同一数字的同比）",
        "某县统计局2024年度部门决算\n六、“三公”经费财政拨款支出决算情况说明\n"
        "2024年度“三公”经费财政拨款支出决算为9.6万元，比2024年度预算数减少2.4万元，降低20%，"
        "主要原因是压减会议接待；比2023年度决算数增加0.6万元，增长6.67%。\n",
        {
            "/three_public/total/amount": "9.6",
            "/three_public/total/budget_change": "减少 2.4",
            "/three_public/total/budget_percent": "降低 20",
            "/three_public/total/note": "压减会议接待",
            "/three_public/total/change": "增加 0.6",
            "/three_public/total/percent": "增长 6.67",
        },
        (9, 5, 4, 0),
    ),
    Variant(
        "重点项目逐行写：项目名称、项目金额（冒号后金额）",
        HEAD + "二、重点项目绩效目标\n项目名称：河道保洁经费\n项目金额：12.5万元\n"
        "项目名称：防汛物资储备\n项目金额：8万元\n",
        {
            "/projects/0/name": "河道保洁经费",
            "/projects/0/amount/amount": "12.5",
            "/projects/1/name": "防汛物资储备",
            "/projects/1/amount/amount": "8",
        },
        (3, 2, 1, 0),
        warnings=("project-not-in-spending", "project-not-in-spending"),
    ),
    Variant(
        "绩效自评逐项：年度指标值、实际完成值、分值、得分属同一指标",
        "某县档案馆2024年度项目支出绩效自评报告\n二、绩效指标完成情况\n"
        "数量指标：完成档案数字化，年度指标值≥5000卷，实际完成值5200卷，分值20分，得分20分。\n"
        "满意度指标：查档群众满意度，年度指标值≥90%，实际完成值93%，分值10分，得分9分。\n",
        {
            "/performance/annual/0/indicators/0/name": "完成档案数字化",
            "/performance/annual/0/indicators/0/comparator": "≥",
            "/performance/annual/0/indicators/0/target": "5000",
            "/performance/annual/0/indicators/0/unit": "卷",
            "/performance/annual/0/indicators/0/actual": "5200",
            "/performance/annual/0/indicators/0/weight": "20",
            "/performance/annual/0/indicators/0/score": "20",
            "/performance/annual/0/indicators/1/name": "查档群众满意度",
            "/performance/annual/0/indicators/1/comparator": "≥",
            "/performance/annual/0/indicators/1/target": "90",
            "/performance/annual/0/indicators/1/unit": "%",
            "/performance/annual/0/indicators/1/actual": "93",
            "/performance/annual/0/indicators/1/weight": "10",
            "/performance/annual/0/indicators/1/score": "9",
        },
        (9, 8, 1, 0),
        department="某县档案馆",
    ),
    Variant(
        "收支总预算一个数（收、支两边）",
        HEAD + "一、收支预算总体情况\n2025年收支总预算360.5万元。\n",
        {
            "/income/grand_total/amount": "360.5",
            "/expenditure/grand_total/amount": "360.5",
        },
        (3, 1, 2, 0),
    ),
    Variant(
        "总收入、总支出；收入预算、支出预算（预算的两个总计）",
        HEAD + "一、收支预算总体情况\n2025年部门预算总收入360.5万元，总支出360.5万元。"
        "其中收入预算中财政拨款收入340万元。\n",
        {
            "/income/grand_total/amount": "360.5",
            "/expenditure/grand_total/amount": "360.5",
            "/income/appropriation/amount": "340",
        },
        (5, 3, 2, 0),
    ),
    Variant(
        "收入预算…，支出预算…（同一句）",
        HEAD
        + "一、收支预算总体情况\n本部门2025年收入预算88万元，支出预算88万元，其中：基本支出预算"
        "60万元，项目支出预算28万元。\n",
        {
            "/income/grand_total/amount": "88",
            "/expenditure/grand_total/amount": "88",
            "/expenditure/basic/amount": "60",
            "/expenditure/project/amount": "28",
        },
        (6, 4, 2, 0),
    ),
    Variant(
        "PDF 换行落在“占”“为”“的”之后、数字之前（行宽不齐）",
        HEAD + "三、支出预算情况\n本年支出合计 200.00 万元，其中：基本支出 150.00 万元，占\n"
        "75.00%；项目支出 50.00 万元，占本年支出合计的\n25.00%。\n"
        "四、“三公”经费预算情况\n“三公”经费年初预算为 10.00 万元，因公出国（境）费为\n"
        "0.00 万元，公务接待费\n4.00 万元，公务用车购置及运行维护费 6.00 万元。\n",
        {
            "/expenditure/total/amount": "200",
            "/expenditure/basic/amount": "150",
            "/expenditure/basic/share": "75.00",
            "/expenditure/project/amount": "50",
            "/expenditure/project/share": "25.00",
            "/three_public/total/amount": "10",
            "/three_public/overseas/amount": "0",
            "/three_public/reception/amount": "4",
            "/three_public/vehicles/amount": "6",
        },
        (10, 9, 1, 0),
    ),
    Variant(
        "一般公共预算当年拨款：该基金的支出",
        HEAD + "四、一般公共预算拨款支出预算情况\n2025年一般公共预算当年拨款320万元，"
        "比2024年预算增加20万元，增长6.67%。\n",
        {
            "/appropriation/general_public/total/amount": "320",
            "/appropriation/general_public/total/change": "增加 20",
            "/appropriation/general_public/total/percent": "增长 6.67",
        },
        (6, 3, 3, 0),
    ),
    Variant(
        "网址中的数字：不是金额",
        HEAD + "（一）收入预算情况\n收入总计 100 万元，详见 "
        "http://czj.example.gov.cn/art/2024/3/art_133619.html?id=7。\n",
        {"/income/grand_total/amount": "100"},
        (6, 1, 5, 0),
    ),
    Variant(
        "收支并列：各是 A，B；各减少 A，B；各下降 X%、Y%（先收入、后支出）",
        HEAD + "一、收支预算总体情况\n2025年收、支总计各是2396.14,2396.14万元。与2024年相比,"
        "收、支总计各减少1418.53,1418.53万元,各下降37.18%、37.19%。主要变动原因是项目收入减少。\n",
        {
            "/income/grand_total/amount": "2396.14",
            "/expenditure/grand_total/amount": "2396.14",
            "/income/grand_total/change": "减少 1418.53",
            "/expenditure/grand_total/change": "减少 1418.53",
            "/income/grand_total/percent": "下降 37.18",
            "/expenditure/grand_total/percent": "下降 37.19",
        },
        (9, 6, 3, 0),
    ),
    Variant(
        "收支并列：分别为、均为（上年数）、较上年增加（无单位的增减额）",
        HEAD + "一、收支预算总体情况\n收入、支出总计分别为120.5万元和120.5万元。"
        "2024年收支总计均为100万元。收支较上年增加20.5，增长20.5%。\n",
        {
            "/income/grand_total/amount": "120.5",
            "/expenditure/grand_total/amount": "120.5",
            "/income/grand_total/prior": "100",
            "/expenditure/grand_total/prior": "100",
            "/income/grand_total/change": "增加 20.5",
            "/expenditure/grand_total/change": "增加 20.5",
            "/expenditure/grand_total/percent": "增长 20.5",
        },
        (7, 5, 2, 0),
    ),
    Variant(
        "收支并列：收入、支出总计一个数（两者都是）",
        HEAD + "一、收支预算总体情况\n2025年收入、支出总计1,234.56万元。\n",
        {
            "/income/grand_total/amount": "1234.56",
            "/expenditure/grand_total/amount": "1234.56",
        },
        (3, 1, 2, 0),
    ),
    Variant(
        "收支并列而数字多于两个：不猜",
        HEAD + "一、收支预算总体情况\n收、支总计各是1，2，3万元。\n",
        {},
        (4, 0, 1, 3),
        unread=("1", "2", "3"),
    ),
    Variant(
        "缺少部门名称：需由调用者提供",
        "2025年“三公”经费预算 10 万元，比上年减少 2 万元。\n",
        {"/three_public/total/amount": "10", "/three_public/total/change": "减少 2"},
        (3, 2, 1, 0),
        department="某单位",
    ),
    Variant(
        "收入合计的其中列有上年结转：该合计是收入总计",
        HEAD + "（一）收入预算情况\n收入合计500万元，其中：一般公共预算拨款收入420万元；"
        "政府性基金预算拨款收入50万元；上年结转30万元。\n",
        {
            "/income/grand_total/amount": "500",
            "/income/general_public/amount": "420",
            "/income/government_fund/amount": "50",
            "/income/carryover/amount": "30",
        },
        (5, 4, 1, 0),
    ),
    Variant(
        "决算支出合计的其中列有年末结转和结余：该合计是支出总计",
        "某县水利局2024年度部门决算说明\n（二）支出决算情况\n"
        "支出合计260万元，其中：基本支出150万元，项目支出90万元，年末结转和结余20万元。\n",
        {
            "/expenditure/grand_total/amount": "260",
            "/expenditure/basic/amount": "150",
            "/final/carried_out/amount": "20",
        },
        (5, 4, 1, 0),
    ),
    Variant(
        "页码独占一行（“— 3 —”“第 4 页 共 9 页”）：不是数字，句子跨页接续",
        HEAD + "（二）支出预算情况\n支出合计300万元，其中：基本支出200万元，项目支出\n— 3 —\n"
        "100万元。\n第 4 页 共 9 页\n（三）“三公”经费预算情况\n“三公”经费5万元。\n",
        {
            "/expenditure/total/amount": "300",
            "/expenditure/project/amount": "100",
            "/three_public/total/amount": "5",
        },
        (5, 4, 1, 0),
    ),
    Variant(
        "整体绩效目标写成一段（无“数量指标：”等）：各率的目标值（达到…以上、不低于、≥）",
        HEAD + "七、部门整体支出绩效目标\n全年完成道路养护里程不少于50公里，优良路率达到80%以上，"
        "群众满意度不低于92%，资金支付率≥95%，政府采购预算执行率达到100%。\n",
        {},
        (6, 0, 6, 0),
    ),
    Variant(
        "一般公共预算财政拨款支出按功能科目分类，类名不带（类）：读作该资金的各类",
        "某县林业局2024年度部门决算说明\n五、一般公共预算财政拨款支出决算情况说明\n"
        "一般公共预算财政拨款支出500万元。支出按功能科目分类：农林水支出400万元，占80%；"
        "社会保障和就业支出60万元，占12%；住房保障支出40万元，占8%。\n",
        {
            "/appropriation/general_public/total/amount": "500",
            "/appropriation/by_function/213/amount": "400",
            "/appropriation/by_function/213/share": "80",
            "/appropriation/by_function/208/amount": "60",
            "/appropriation/by_function/221/share": "8",
        },
        (8, 7, 1, 0),
    ),
    Variant(
        "（二）按功能分类支出情况：一般公共预算部分的小标题，不另起支出部分",
        "某县林业局2024年度部门决算说明\n五、一般公共预算财政拨款支出决算情况说明\n"
        "（一）总体情况\n一般公共预算财政拨款支出500万元。\n（二）按功能分类支出情况\n"
        "农林水支出450万元，占90%；住房保障支出50万元，占10%。\n",
        {
            "/appropriation/general_public/total/amount": "500",
            "/appropriation/by_function/213/amount": "450",
            "/appropriation/by_function/221/amount": "50",
            "/appropriation/by_function/221/share": "10",
        },
        (6, 5, 1, 0),
    ),
    Variant(
        "财政拨款收入总计…，财政拨款支出总计…：财政拨款收支总表的总计，说了两遍",
        "某县林业局2024年度部门决算说明\n四、财政拨款收入支出决算总体情况说明\n"
        "2024年度财政拨款收入总计640万元，财政拨款支出总计640万元。与上年相比，财政拨款收、"
        "支总计各增加40万元，增长6.67%。\n",
        {
            "/appropriation/grand_total/amount": "640",
            "/appropriation/grand_total/change": "增加 40",
            "/appropriation/grand_total/percent": "增长 6.67",
        },
        (6, 4, 2, 0),
    ),
    Variant(
        "页码只有数字、独占一行，夹在句子与它的数字之间（PDF 页脚）：不是数字，句子接续",
        HEAD + "（一）收入预算情况\n收入合计500万元，其中：一般公共预算拨款收入450万元，占\n"
        "9\n90%；上年结转50万元，占10%。本年收入较上年增加20万元，\n10\n主要原因是新增护林项目。\n"
        "（二）“三公”经费预算情况\n公务用车保有量为\n4\n辆。\n",
        {
            "/income/grand_total/amount": "500",
            "/income/general_public/share": "90",
            "/income/carryover/share": "10",
            "/income/total/change": "增加 20",
            "/three_public/counts/0/value": "4",
        },
        (8, 7, 1, 0),
    ),
    Variant(
        "收入预算总额、支出预算总额在前，同句再说“收、支预算总额各增加”：前两个仍各是其总额",
        HEAD
        + "一、收支预算总体情况\n本部门2025年收入预算总额3,200,000元，支出预算总额3,200,000元，"
        "与上年相比收、支预算总额各增加200,000元，增长6.67%。\n",
        {
            "/income/grand_total/amount": "3200000",
            "/expenditure/grand_total/amount": "3200000",
            "/income/grand_total/change": "增加 200000",
            "/expenditure/grand_total/percent": "增长 6.67",
        },
        (6, 4, 2, 0),
    ),
    Variant(
        "（四）一般公共预算当年拨款情况：是财政拨款支出部分，其下各类是该资金的",
        HEAD
        + "（三）支出预算情况\n支出预算800,000元，其中：基本支出600,000元，项目支出200,000元。\n"
        "（四）一般公共预算当年拨款情况\n1．一般公共预算当年拨款规模变化情况\n"
        "一般公共预算当年拨款750,000元，比上年增加50,000元，增长7.14%。\n"
        "2．一般公共预算当年拨款结构情况\n"
        "农林水支出（类）700,000元，占93.33%；住房保障支出（类）50,000元，占6.67%。\n",
        {
            "/expenditure/basic/amount": "600000",
            "/appropriation/general_public/total/amount": "750000",
            "/appropriation/general_public/total/percent": "增长 7.14",
            "/appropriation/by_function/213/share": "93.33",
            "/appropriation/by_function/221/amount": "50000",
        },
        (13, 10, 3, 0),
    ),
    Variant(
        "人员经费、公用经费“占基本支出的…%”：其份额是该基本支出的（可核对）",
        "某县林业局2024年度部门决算说明\n六、一般公共预算财政拨款基本支出决算情况说明\n"
        "一般公共预算财政拨款基本支出400万元，其中：人员经费350万元，占基本支出的87.5%；"
        "公用经费50万元，占基本支出的12.5%。\n",
        {
            "/appropriation/general_public/personnel/share": "87.5",
            "/appropriation/general_public/personnel/share_of": "/appropriation/general_public/basic",
            "/appropriation/general_public/public/share_of": "/appropriation/general_public/basic",
        },
        (6, 5, 1, 0),
    ),
    Variant(
        "项目支出主要是：甲项目…万元、乙项目…万元：冒号后的金额是所列项目的，不是项目支出的",
        HEAD + "三、支出预算情况\n基本支出预算300万元，占75%；项目支出预算100万元，占25%。"
        "项目支出主要是：护林防火项目60万元、苗木采购项目40万元。\n",
        {
            "/expenditure/project/amount": "100",
            "/expenditure/project/share": "25",
            "/statements/0/护林防火项目/amount": "60",
            "/statements/1/苗木采购项目/amount": "40",
        },
        (7, 6, 1, 0),
    ),
)


def show(value: object, unit: Unit) -> str:
    """A value of the model as the variants write it ("减少 23.94", "下降 5.3", "True")."""
    if isinstance(value, Amount):
        return f"{value.in_unit(unit).normalize():f}"
    if isinstance(value, StatedChange):
        number = "" if value.value is None else f" {show(value.value, unit)}"
        return f"{value.word or ''}{number}"
    if isinstance(value, StatedPercent):
        return f"{value.word} {value.value}" if value.word else str(value.value)
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def assert_mapped_numbers_are_their_figures(extraction: Extraction) -> None:
    """Every mapped number is the value at its path: no figure is made up or moved."""
    budget = extraction.budget
    assert budget is not None
    for use in extraction.numbers:
        if use.disposition is not Disposition.MAPPED:
            continue
        assert use.path is not None
        assert use.value is not None
        value = value_at(budget, use.path)
        if isinstance(value, StatedChange):
            value = value.value
        if isinstance(value, StatedPercent):
            value = value.value
        if isinstance(value, Amount):
            # A number written without its unit ("较上年3.61减少…") takes the clause's.
            units = [Unit.parse(use.unit)] if use.unit else list(Unit)
            assert any(value == amount(use.value, u) for u in units), use
        elif isinstance(value, str):
            assert value == use.text, use
        else:
            assert value == use.value, use


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.name for v in VARIANTS])
def test_variant(variant: Variant) -> None:
    extraction = read_narrative(variant.text, department=variant.department)
    budget = extraction.budget
    assert isinstance(budget, DepartmentBudget)
    unit = budget.precision.unit
    read = {path: show(value_at(budget, path), unit) for path in variant.figures}
    assert read == variant.figures
    s = extraction.summary
    assert (s.found, s.mapped, s.context, s.not_understood) == variant.summary
    assert tuple(n.text for n in extraction.not_understood) == variant.unread
    assert tuple(w.code for w in extraction.warnings) == variant.warnings
    assert_mapped_numbers_are_their_figures(extraction)
    # None of these texts has an arithmetic error: reading them raises no false alarm.
    assert [f.rule_id for f in validate(budget).findings if f.severity is Severity.ERROR] == []


def test_lists_that_need_not_be_complete_are_partial() -> None:
    classes = next(v for v in VARIANTS if v.name.startswith("按功能分类"))
    economic = next(v for v in VARIANTS if v.name.startswith("按经济分类"))
    functions = read_narrative(classes.text).budget
    items = read_narrative(economic.text).budget
    assert functions is not None
    assert items is not None
    assert functions.expenditure is not None
    assert items.expenditure is not None
    social = value_at(functions, "/expenditure/by_function/208")
    assert isinstance(social, Node)
    assert social.partial  # a 款 line under its 类: not every 款 need be listed
    wages, goods, _ = items.expenditure.by_economic
    assert not wages.partial  # the bracketed list of items is the whole class
    assert goods.partial  # "主要用于办公费12万元、水电费8万元" names the main items


def test_a_bare_class_list_is_read_only_where_every_name_is_a_class_s() -> None:
    head = "某县林业局2024年度部门决算说明\n五、一般公共预算财政拨款支出决算情况说明\n"
    mixed = read_narrative(
        head + "支出按功能科目分类：农林水支出400万元，占80%；防火专项100万元，占20%。\n"
    ).budget
    main = read_narrative(
        head + "一般公共预算财政拨款支出500万元，主要用于：农林水支出400万元，占80%。\n"
    ).budget
    assert mixed is not None
    assert mixed.appropriation is None  # "防火专项" is no class: not a class list
    assert main is not None
    assert main.appropriation is not None
    assert [n.code for n in main.appropriation.by_function] == ["213"]
    assert main.appropriation.function_partial  # "主要用于" names the main classes only
    wrong = head + "一般公共预算财政拨款支出500万元。支出按功能科目分类：农林水支出400万元，"
    wrong += "占85%；住房保障支出100万元，占20%。\n"
    budget = read_narrative(wrong).budget
    assert budget is not None
    errors = {f.rule_id for f in validate(budget).findings if f.severity is Severity.ERROR}
    assert "SHR001" in errors


def test_a_personnel_share_of_basic_spending_that_is_wrong_is_found() -> None:
    text = next(v for v in VARIANTS if v.name.startswith("人员经费、公用经费")).text
    budget = read_narrative(text.replace("占基本支出的87.5%", "占基本支出的85.7%")).budget
    assert budget is not None
    errors = [f.location.path for f in validate(budget).findings if f.severity is Severity.ERROR]
    assert errors == ["/appropriation/general_public/personnel/share"]


def test_broken_text_invents_nothing() -> None:
    broken = next(v for v in VARIANTS if v.name.startswith("残缺文本"))
    extraction = read_narrative(broken.text)
    assert extraction.budget is not None
    assert extraction.budget.expenditure is None
    assert extraction.budget.three_public is None
    spaced = extraction.not_understood[0]
    assert (spaced.line, spaced.column) == (3, 6)
    assert spaced.around == "支出总计【4】 25.23万元。基本支"


def main() -> None:
    """Print the extraction summary of each variant (for the issue's closing note)."""
    for variant in VARIANTS:
        extraction = read_narrative(variant.text, department=variant.department)
        s = extraction.summary
        print(
            f"{variant.name}: {s.found} found, {s.mapped} mapped, {s.context} context, "
            f"{s.not_understood} not understood"
        )


if __name__ == "__main__":
    main()
