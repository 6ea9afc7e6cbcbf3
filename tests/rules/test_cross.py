from __future__ import annotations

from govbudget import DepartmentBudget, Outcome, Severity
from govbudget.model import (
    Appropriation,
    Expenditure,
    Income,
    Project,
    Spending,
)
from govbudget.money import wan
from govbudget.rules import RULES
from govbudget.rules.base import Deferring, Record
from govbudget.tree import Node

from .helpers import budget, checks, fig, only, outcomes

E, W, I = Outcome.EXACT, Outcome.WITHIN_ROUNDING, Outcome.INCONSISTENT


def test_xs001_key_project_matches_project_line() -> None:
    tree = (
        Node(
            code="399",
            name="其他支出",
            amount=wan("110"),
            children=(
                Node(name="信访劝返、维稳经费", amount=wan("100")),
                Node(name="信访解难资金", amount=wan("10")),
            ),
        ),
    )
    good = budget(
        expenditure=Expenditure(by_economic=tree),
        projects=(Project(name="信访解难资金项目", amount=fig("10")),),
    )
    assert outcomes(good, "XS001") == [E]
    bad = budget(
        expenditure=Expenditure(by_economic=tree),
        projects=(Project(name="信访劝返维稳经费", amount=fig("90")),),
    )
    finding = only(bad, "XS001")
    assert finding.outcome is I
    assert finding.message_zh.startswith(
        "重点项目“信访劝返维稳经费”与/expenditure/by_economic/399/信访劝返、维稳经费：两处分别写 90万元 与 100万元"
    )


def test_xs002_housing_fund() -> None:
    good = budget(
        expenditure=Expenditure(
            by_economic=(
                Node(
                    code="301",
                    name="工资福利支出",
                    amount=wan("22.32"),
                    children=(Node(code="30113", name="住房公积金", amount=wan("22.32")),),
                ),
            ),
            by_function=(Node(code="221", name="住房保障支出", amount=wan("22.32")),),
        )
    )
    assert outcomes(good, "XS002") == [E]
    bad = budget(
        expenditure=Expenditure(
            by_economic=(
                Node(
                    code="301",
                    name="工资福利支出",
                    amount=wan("30"),
                    children=(Node(code="30113", name="住房公积金", amount=wan("30")),),
                ),
            ),
            by_function=(Node(code="221", name="住房保障支出", amount=wan("22.32")),),
        )
    )
    finding = only(bad, "XS002")
    assert (finding.outcome, finding.severity) == (I, Severity.WARNING)


def _records(rule_id: str, of: DepartmentBudget) -> list[Record]:
    check = RULES[rule_id].check
    assert isinstance(check, Deferring)
    return list(check.records(of))


def test_xs001_each_project_against_the_first_line_of_its_name() -> None:
    tree = (
        Node(
            code="399",
            name="其他支出",
            amount=wan("130"),
            children=(
                Node(name="信访解难资金", amount=wan("10")),
                Node(name="社区服务经费", amount=wan("20")),
                Node(name="信访解难资金项目", amount=wan("100")),  # the same name again
            ),
        ),
    )
    projects = (
        Project(name="社区服务经费项目", amount=fig("25")),
        Project(name="无此项目", amount=fig("5")),  # no line of its name: nothing to check
        Project(name="信访解难、资金", amount=fig("10")),
    )
    both = budget(expenditure=Expenditure(by_economic=tree), projects=projects)
    found = checks(both, "XS001")
    assert [(c.location.path, c.outcome) for c in found] == [
        ("/projects/0/amount", I),
        ("/projects/2/amount", E),
    ]
    assert (
        found[1].location.zh
        == "重点项目“信访解难、资金”与/expenditure/by_economic/399/信访解难资金"
    )
    assert [type(r) is tuple for r in _records("XS001", both)] == [False, True]


def test_xs003_sections_defer_what_agrees() -> None:
    spending = Expenditure(
        total=fig("150", prior="140", change="10", word="增加"),
        basic=fig("95"),
        project=fig("55"),
    )
    block = Spending(
        total=fig("150", prior="145", change="10", word="增加"), basic=fig("95"), project=fig("55")
    )
    same = budget(
        income=Income(total=fig("150"), appropriation=fig("150"), general_public=fig("150")),
        expenditure=spending,
        appropriation=Appropriation(general_public=block),
    )
    found = checks(same, "XS003")
    assert [(c.location.path, c.outcome) for c in found] == [
        ("/appropriation/general_public/total", E),
        ("/appropriation/general_public/total#prior", I),
        ("/appropriation/general_public/total/change", E),
        ("/appropriation/general_public/basic", E),
        ("/appropriation/general_public/project", E),
    ]
    assert found[2].location.zh == "支出预算与一般公共预算财政拨款支出：支出合计（增减）"
    assert [type(r) is tuple for r in _records("XS003", same)] == [True, False, True, True, True]
