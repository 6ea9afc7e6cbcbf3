"""Names a generated budget uses: departments, projects, staff categories, indicators.

Internal to :mod:`govbudget.strategies`. The vocabularies are disjoint where the
checker matches names (key projects against uncoded tree lines), so a generated
name never matches a line it was not meant to.
"""

from __future__ import annotations

from typing import Final

from govbudget.model import IndicatorKind

REGIONS: Final = ("曾都区", "随县", "广水市", "某市", "某县", "某区", "东湖新区", "临江县")
AGENCIES: Final = (
    "信访局",
    "财政局",
    "教育局",
    "卫生健康局",
    "民政局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "机关事务服务中心",
    "档案馆",
    "农业农村局",
    "交通运输局",
    "应急管理局",
)

#: Key projects (重点项目) and the lines that carry them in 其他支出.
PROJECTS: Final = (
    "信访劝返维稳经费",
    "信访解难资金",
    "网上信访工作经费",
    "矛盾纠纷排查化解经费",
    "办公楼维修改造",
    "政务信息化建设",
    "档案数字化工程",
    "农村饮水安全巩固提升",
    "乡村道路养护",
    "防汛物资储备",
    "社区卫生服务能力提升",
    "困难群众临时救助",
)

#: Where a key project's money comes from (其中 … 资金来源).
FUNDING: Final = ("区级财政资金", "上级专项资金", "地方配套资金", "政府债券资金")

#: Income lines (收入明细) a disclosure may list beside the named sources.
INCOME_LINES: Final = ("捐赠收入", "利息收入", "租金收入", "非税收入返还")

#: Labels of figures a narrative states that no field of the model holds, and of their parts.
STATEMENTS: Final = ("一般公共预算收入", "上级补助收入合计", "专项业务经费", "会议费", "培训费")
STATEMENT_PARTS: Final = ("税收收入", "非税收入", "办公费", "印刷费", "差旅费")

#: Parts of 国有资产占用, with the lines some disclosures list under 固定资产.
ASSET_PARTS: Final = ("流动资产", "固定资产", "在建工程", "无形资产", "对外投资", "其他资产")
FIXED_ASSET_PARTS: Final = ("房屋", "车辆", "通用设备", "专用设备", "家具用具")

STAFF_IN_SERVICE: Final = (
    ("行政人员", "人"),
    ("工勤人员", "人"),
    ("事业岗人员", "人"),
    ("转业干部", "名"),
    ("参公人员", "人"),
)
STAFF_RETIRED: Final = (("退休人员", "人"), ("离休人员", "人"))

THREE_PUBLIC_COUNTS: Final = (
    ("因公出国（境）团组", "个"),
    ("公务接待批次", "批次"),
    ("公务用车保有量", "辆"),
)

#: (kind, name, unit, is a rate) of indicators, by kind.
INDICATORS: Final = {
    IndicatorKind.OUTPUT: (
        ("办理信访事项", "件", False),
        ("开展矛盾排查", "次", False),
        ("培训人次", "人次", False),
        ("按时办结率", "%", True),
    ),
    IndicatorKind.EFFECT: (
        ("群众诉求解决率", "%", True),
        ("重复信访下降率", "%", True),
        ("服务对象覆盖", "人", False),
    ),
    IndicatorKind.SATISFACTION: (
        ("群众满意度", "%", True),
        ("服务对象满意度", "%", True),
    ),
    IndicatorKind.COST: (("项目成本控制", "万元", False),),
}
BASES: Final = ("历史标准", "行业标准", "计划标准", None)
GOALS: Final = ("提升信访工作质效", "保障机关正常运转", "完成年度重点任务", "提高公共服务水平")
NOTES: Final = ("人员经费增加", "项目经费缩减", "严格控制一般性支出", "按规定调整", None)
