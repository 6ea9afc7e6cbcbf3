"""Relation-first reading: every sentence's figures, whatever their labels (my own sentences)."""

from __future__ import annotations

from govbudget import Severity, validate
from govbudget.model import Kind
from govbudget.money import wan
from govbudget.narrative import Disposition, read_narrative, value_at
from govbudget.rounding import Outcome
from govbudget.tree import walk


def _read(text: str) -> tuple[list[str], dict[str, object]]:
    extraction = read_narrative(text)
    budget = extraction.budget
    names = [s.name for s in budget.statements]
    mapped = {n.path: value_at(budget, n.path) for n in extraction.numbers if n.path}
    for number in extraction.numbers:
        assert number.disposition is not Disposition.NOT_UNDERSTOOD, number
    return names, mapped


def test_a_figure_of_any_label_is_a_statement_with_its_comparison() -> None:
    text = "某镇2022年决算报告。全镇本级非税收入实现8.5万元，比上年增加0.5万元，增长6.25%。"
    names, mapped = _read(text)
    assert names == ["全镇本级非税收入"]
    assert mapped["/statements/0/全镇本级非税收入/amount"] == wan("8.5")
    report = validate(read_narrative(text).budget)
    outcomes = {
        c.rule_id: c.outcome for c in report.checks if c.location.path.startswith("/statements")
    }
    assert outcomes == {"YOY002": Outcome.EXACT, "YOY003": Outcome.EXACT}


def test_a_wrong_percent_of_a_statement_is_an_error_quoting_it() -> None:
    text = "某局2024年部门预算。会议费12.00万元，比上年减少3.00万元，下降25%。"
    (finding,) = [
        f for f in validate(read_narrative(text).budget).findings if f.rule_id == "YOY002"
    ]
    assert finding.severity is Severity.ERROR
    assert finding.figures()["stated"] == "25"  # 3 ÷ 15 is 20%


def test_numbered_items_after_as_follows_are_the_parts_of_the_figure_before() -> None:
    text = (
        "某院2024年部门预算。\n（一）基本支出情况\n"
        "2024年基本支出较上年增加10.00万元，增长5%。主要变动如下：\n"
        "1.工资福利支出较上年增加8.00万元。\n2.商品和服务支出较上年增加4.00万元。\n"
        "3.对个人和家庭的补助较上年减少1.00万元。\n（二）项目支出情况\n项目支出较上年减少2.00万元。"
    )
    budget = read_narrative(text).budget
    # 基本支出 and 项目支出 are fields; the list's parts add up to a statement standing for 基本支出
    assert budget.expenditure is not None
    assert budget.expenditure.basic is not None
    (basic,) = budget.statements
    assert basic.name == "基本支出"
    assert [c.name for c in basic.children] == [
        "工资福利支出",
        "商品和服务支出",
        "对个人和家庭的补助",
    ]
    assert not basic.partial  # all three economic classes of basic spending
    (finding,) = [f for f in validate(budget).findings if f.rule_id == "YOY005"]
    assert finding.severity is Severity.ERROR  # 8 + 4 − 1 = 11, not 10


def test_parts_listed_after_qizhong_are_children() -> None:
    names, mapped = _read(
        "某镇2023年决算报告。上级补助收入合计120万元，其中：转移支付补助100万元，专项补助20万元。"
    )
    assert names == ["上级补助收入合计"]
    assert mapped["/statements/0/上级补助收入合计/专项补助/amount"] == wan("20")


def test_a_total_stated_twice_in_one_funds_part_is_one_figure() -> None:
    text = (
        "某镇2022年决算报告\n（一）一般公共预算收支情况\n全镇支出总计1,592.36万元。\n"
        "（二）政府性基金预算收支情况\n全镇支出总计0万元。\n"
        "（三）一般公共预算财力及平衡情况\n全镇支出总计,592.36万元，当年收支平衡。"
    )
    budget = read_narrative(text).budget
    (finding,) = [f for f in validate(budget).findings if f.rule_id == "RPT001"]
    assert finding.severity is Severity.ERROR
    assert finding.figures()["stated"] == "592.36"
    assert finding.figures()["computed"] == "1592.36"


def test_what_follows_a_bracket_is_said_of_the_figure_the_bracket_belongs_to() -> None:
    text = (
        "某市2021年“三公”经费预算。公务用车购置及运行维护费20万元（其中：公务用车运行维护费"
        "15万元，公务用车购置费5万元），减少2万元，下降9.09%。"
    )
    three = read_narrative(text).budget.three_public
    assert three is not None
    assert three.vehicles is not None
    assert three.vehicles.change is not None
    assert three.vehicles.change.value == wan("2")
    assert three.vehicle_purchase is not None
    assert three.vehicle_purchase.change is None


def test_a_final_account_states_budget_and_final_of_one_line() -> None:
    text = (
        "某办2021年度“三公”经费决算情况说明。某办2021年度“三公”经费支出预算为20万元，"
        "支出决算为15万元，完成预算的75%。公务接待费支出决算6万元，与2021年度预算相比减少2万元，"
        "下降25%。"
    )
    budget = read_narrative(text).budget
    assert budget.kind is Kind.FINAL
    three = budget.three_public
    assert three is not None
    assert three.total is not None
    assert three.reception is not None
    assert (three.total.budget_initial, three.total.amount) == (wan("20"), wan("15"))
    assert three.reception.budget_change is not None
    assert three.reception.budget_change.value == wan("2")
    assert three.reception.change is None  # against the budget, not the year before
    report = validate(budget)
    assert all(f.severity is not Severity.ERROR for f in report.findings)


def test_a_three_public_total_that_counts_more_than_three_public_is_a_statement() -> None:
    text = (
        "某区2022年“三公”经费决算说明。某区2022年的“三公”经费决算数合计为30.00万元，其中："
        "因公出国（境）费0万元、公务用车购置费5.00万元、公务用车运行维护费10.00万元、"
        "公务接待费5.00万元、会议费6.00万元、培训费4.00万元。"
    )
    budget = read_narrative(text).budget
    assert budget.three_public is not None
    assert budget.three_public.total is None  # not the model's 三公 total: it counts 会议费 too
    (whole,) = budget.statements
    assert whole.amount == wan("30")
    assert [c.name for c in whole.children][-2:] == ["会议费", "培训费"]
    assert not whole.partial
    report = validate(budget)
    assert not [f for f in report.findings if f.severity is Severity.ERROR]


def test_bracketed_parts_belong_to_the_item_before_the_bracket() -> None:
    text = (
        "某市2021年“三公”经费预算。安排“三公”经费预算50.00亿元，其中：因公出国（境）费6.00亿元；"
        "公务用车购置及运行费40.00亿元（包括购置费9.00亿元、运行费31.00亿元）；公务接待费4.00亿元。"
    )
    budget = read_narrative(text).budget
    report = validate(budget)
    assert not [f for f in report.findings if f.severity is Severity.ERROR]
    three = budget.three_public
    assert three is not None
    assert three.total is not None
    assert three.total.amount == wan("500000")


def test_staff_categories_after_qizhong_are_its_parts() -> None:
    text = (
        "某中心2024年部门预算。\n一、基本情况\n编制人数9人，其中行政编制6人，事业编制3人；"
        "在职实有8人，其中行政人员5人，事业人员2人。\n"
    )
    budget = read_narrative(text).budget
    staffing = budget.staffing
    assert staffing is not None
    assert [(c.name, c.value) for c in staffing.establishment_parts] == [
        ("行政编制", 6),
        ("事业编制", 3),
    ]
    assert [c.value for c in staffing.in_service_parts] == [5, 2]
    (finding,) = [f for f in validate(budget).findings if f.rule_id == "STF001"]
    assert finding.severity is Severity.ERROR  # 5 + 2 is 7, not 8
    # a list of kinds of people among them is no breakdown
    titles = read_narrative(
        "某校2024年部门预算。\n一、基本情况\n在职教职工30人，其中高级职称8人。\n"
    )
    assert titles.budget.staffing is not None
    assert titles.budget.staffing.in_service_parts == ()


def test_a_yuan_amount_among_wan_amounts_is_a_likely_unit_slip() -> None:
    text = "某局2024年部门预算。支出合计8425.84万元，其中基本支出8396.48万元，项目支出29.36元。"
    extraction = read_narrative(text)
    spending = extraction.budget.expenditure
    assert spending is not None
    assert spending.basic is not None
    assert spending.project is not None
    assert spending.project.amount == wan("29.36")  # read as the 万元 that was meant
    assert [w.code for w in extraction.warnings] == ["unit-slip"]
    assert extraction.budget.statements == ()  # the parts are the fields' own
    # 元 amounts of their own (per head, or a whole text in 元) are read as written
    per_head = read_narrative("某校2024年部门决算。生均支出11436.20元，比上年减少2850.75元。")
    assert [w.code for w in per_head.warnings if w.code == "unit-slip"] == []
    rate = read_narrative(
        "某局2024年部门预算。支出合计8425.84万元，其中基本支出8396.48万元，人均项目支出29.36元。"
    )
    assert [w.code for w in rate.warnings if w.code == "unit-slip"] == []


def test_what_follows_a_bracket_of_parts_is_said_of_the_amount_before_it() -> None:
    text = (
        "某所2023年度部门决算\n（二）收入决算情况说明\n本年收入合计500万元；其中财政拨款收入"
        "400万元（其中：基本支出300万元，项目支出100万元），占收入合计80%；其他收入100万元。"
    )
    extraction = read_narrative(text, kind=Kind.FINAL)
    income = extraction.budget.income
    assert income is not None
    assert income.appropriation is not None
    assert income.appropriation.share is not None
    assert income.appropriation.share.value == 80
    assert all(n.disposition is not Disposition.NOT_UNDERSTOOD for n in extraction.numbers)


def test_a_funds_name_ending_in_yusuan_is_not_a_budget_figure() -> None:
    text = (
        "某所2023年度部门决算\n（二）收入决算情况说明\n本年收入合计500万元；其中财政拨款收入"
        "400万元（一般公共预算400万元，政府性基金预算0万元），占收入合计80%。"
    )
    budget = read_narrative(text, kind=Kind.FINAL).budget
    assert budget.income is not None
    assert budget.income.appropriation is not None
    assert budget.income.appropriation.budget_initial is None
    parts = [(node.name, node.amount, node.budget_initial) for _, node in walk(budget.statements)]
    assert ("一般公共预算", wan(400), None) in parts


def test_a_table_of_contents_ending_in_the_glossary_does_not_swallow_the_text() -> None:
    text = (
        "某园2021年度单位决算\n目录\n一、收入支出决算总体情况说明\n二、名词解释\n\n"
        "一、收入支出决算总体情况说明\n2021年度收入总计220.50万元，支出总计220.50万元，"
        "与2020年度相比，各增加20.50万元，增长9.30%。\n二、名词解释\n1.财政拨款收入：指…。\n"
    )
    budget = read_narrative(text).budget
    assert budget.expenditure is not None
    assert budget.expenditure.grand_total is not None
    assert budget.expenditure.grand_total.amount == wan("220.50")
    (finding,) = [f for f in validate(budget).findings if f.rule_id == "YOY002"]
    assert finding.severity is Severity.ERROR  # 20.50 over the prior 200 is 10.25%


def _checks(text: str) -> dict[str, list[tuple[str, Outcome, Severity]]]:
    report = validate(read_narrative(text).budget)
    found: dict[str, list[tuple[str, Outcome, Severity]]] = {}
    for check in report.checks:
        found.setdefault(check.rule_id, []).append(
            (check.location.path, check.outcome, check.severity)
        )
    return found


def test_completion_rates_of_a_budget_execution_report() -> None:
    text = (
        "某县2023年预算执行情况的报告。\n"
        "全县一般公共预算收入完成40.0亿元，完成年度预算的100.5%，同比增长4.0%。"
        "政府性基金预算支出完成12.0亿元，占调整预算的96.0%。"
    )
    names, mapped = _read(text)
    assert "全县一般公共预算收入" in names
    completions = [path for path in mapped if path.endswith("/completion")]
    assert len(completions) == 2


def test_a_share_names_its_whole_without_the_regions_words() -> None:
    text = (
        "某县2023年预算执行情况的报告。\n"
        "地方一般公共预算收入完成2000万元，同比增长5%。"
        "其中税收收入完成1500万元，占一般公共预算收入的75%；"
        "非税收入完成500万元，占一般公共预算收入的25%。"
    )
    _read(text)  # every number read
    shares = [p for p, o, _ in _checks(text).get("SHR003", []) if o is Outcome.EXACT]
    assert len(shares) == 2


def test_a_qualifier_in_brackets_stays_in_the_label() -> None:
    text = "某县2023年预算执行情况。地方一般公共预算收入（同口径）完成300万元，同比增长20%。"
    names, _ = _read(text)
    assert names == ["地方一般公共预算收入（同口径）"]


def test_a_comparable_basis_percent_against_an_implied_prior_is_a_warning() -> None:
    # 60 ÷ (360 − 60) is 20%: 15% on a comparable basis uses a prior the text does not state.
    text = (
        "某县2023年预算执行情况。一般公共预算收入（同口径）完成360万元，同比增长15%，增收60万元。"
    )
    (check,) = _checks(text)["YOY002"]
    assert check[1:] == (Outcome.INCONSISTENT, Severity.WARNING)
    # Without the qualifier the same figures are an error.
    plain = "某县2023年预算执行情况。一般公共预算收入完成360万元，同比增长15%，增收60万元。"
    (check,) = _checks(plain)["YOY002"]
    assert check[1:] == (Outcome.INCONSISTENT, Severity.ERROR)


def test_a_list_of_shares_only_names_each_part_of_the_whole() -> None:
    text = (
        "某县2024年政府采购情况。全县政府采购规模2.0亿元。"
        "按采购方式分，竞争性谈判、公开招标、询价采购规模分别占全县政府采购规模的20%、70%、10%。"
        "分散采购、集中采购规模分别为0.5亿元和1.5亿元，占全县政府采购规模的25%和75%。"
    )
    names, mapped = _read(text)
    assert names[:3] == ["竞争性谈判规模", "公开招标规模", "询价采购规模"]
    shares = [path for path in mapped if path.endswith("/share")]
    assert len(shares) == 5


def test_a_figure_named_again_with_its_share_of_a_whole() -> None:
    text = (
        "某县2024年政府采购情况。全县政府采购规模2.0亿元。"
        "授予中小企业合同金额为1.6亿元，授予中小企业合同总金额占全县政府采购规模的80%；"
        "其中授予小微企业合同金额0.8亿元，占授予中小企业合同总金额的50%。"
    )
    _, mapped = _read(text)
    assert mapped["/procurement/sme/share"] is not None
    exact = [p for p, o, _ in _checks(text).get("SHR001", []) if o is Outcome.EXACT]
    assert exact == ["/procurement/sme/share"]


def test_a_bracket_saying_what_a_label_includes_is_left_out_of_its_name() -> None:
    text = (
        "某区2023年教育经费执行情况。2023年，全区教育经费（包括教育事业费和基建经费）为"
        "1100.00万元，比上年1000.00万元增加100.00万元，增长10.00%。"
    )
    names, mapped = _read(text)
    assert names == ["全区教育经费"]
    assert mapped["/statements/0/全区教育经费/prior"] == wan("1000")


def test_a_funds_revenue_and_spending_in_an_execution_report_are_two_figures() -> None:
    text = (
        "某区2023年预算执行情况。\n二、政府性基金预算执行情况\n"
        "2023全区政府性基金预算收入完成80.0亿元，完成年度预算的100.0%。\n"
        "2023全区政府性基金预算支出完成75.0亿元，完成年度预算的95.0%。"
    )
    names, mapped = _read(text)
    # The fund's spending is its figure; its revenue is a statement of its own.
    assert names == ["全区政府性基金预算收入"]
    assert mapped["/appropriation/government_fund/total/amount"] == wan("750000")


def test_procurement_of_goods_is_not_the_procurement_total() -> None:
    text = (
        "某院2023年部门决算。\n七、政府采购支出情况\n政府采购支出总额100.00万元，其中：政府采购货物"
        "支出60.00万元、政府采购工程支出30.00万元、政府采购服务支出10.00万元。"
    )
    budget = read_narrative(text).budget
    assert budget.procurement is not None
    assert budget.procurement.total is not None
    assert budget.procurement.total.amount == wan("100")
    assert budget.procurement.goods is not None
    assert budget.procurement.goods.amount == wan("60")


def test_a_line_of_budget_columns_is_its_parts_figure() -> None:
    head = "某局2023年部门决算。\n（二）一般公共预算财政拨款支出决算情况说明\n"
    consistent = head + (
        "2023年度一般公共预算财政拨款支出500.00万元。\n"
        "2023年预算数450.00万元，调整数500.00万元，决算数500.00万元，增加50.00万元。"
    )
    _read(consistent)
    checks = _checks(consistent)
    assert "RPT001" not in checks
    assert [o for _, o, _ in checks["EXE003"]] == [Outcome.EXACT]
    # The adjusted budget written where the final figure belongs: a restatement, an error.
    restated = head + (
        "2023年度一般公共预算财政拨款支出495.00万元。\n"
        "2023年预算数450.00万元，调整数500.00万元，决算数500.00万元，增加50.00万元。"
    )
    _read(restated)
    checks = _checks(restated)
    assert [(o, s) for _, o, s in checks["RPT001"]] == [(Outcome.INCONSISTENT, Severity.ERROR)]
    assert [o for _, o, _ in checks["EXE003"]] == [Outcome.EXACT]  # the line's own columns


def test_a_figure_compared_again_with_another_base_is_checked_against_each() -> None:
    text = (
        "某局2023年部门决算。会议费20.00万元，比上年预算数减少5.00万元，下降20%；"
        "比上年决算数减少2.00万元，下降9.09%。"
    )
    names, mapped = _read(text)
    assert names == ["会议费", "会议费（上年决算数）"]
    assert mapped["/statements/1/会议费（上年决算数）/change"] is not None
    outcomes = [o for p, o, _ in _checks(text)["YOY002"]]
    assert outcomes == [Outcome.EXACT, Outcome.EXACT]
    # Percents only the second time: read, and left for a person to weigh (no base stated).
    text = "某局2023年部门决算。会议费20.00万元，比上年预算数下降20%，比上年决算数下降9.09%。"
    names, _ = _read(text)
    assert names == ["会议费", "会议费（上年决算数）"]


def test_a_generic_word_after_counts_is_the_sentences_subject() -> None:
    text = (
        "某局2023年部门决算。\n三、“三公”经费情况\n"
        "2023年公务接待12批次，80人次，支出1.80万元，较上年减少0.20万元，下降10%。"
    )
    budget = read_narrative(text).budget
    reception = budget.three_public.reception if budget.three_public else None
    assert reception is not None
    assert reception.amount == wan("1.8")
    checks = _checks(text)
    assert [o for p, o, _ in checks["YOY002"] if "reception" in p] == [Outcome.EXACT]


def test_this_years_income_budget_is_the_income_total_not_the_grand_total() -> None:
    # 收入预算总计 holds the carry-over; 本年收入预算 is this year's income, the shares' whole
    text = (
        "某局2024年部门预算\n一、收支预算总体情况\n2024年收入预算总计3,200.00万元。\n"
        "二、收入预算情况\n本年收入预算3,000.00万元，其中财政拨款收入2,850.00万元，占95%；"
        "其他收入150.00万元，占5%。\n"
    )
    budget = read_narrative(text).budget
    assert budget.income is not None
    assert budget.income.grand_total is not None
    assert budget.income.total is not None
    assert (budget.income.grand_total.amount, budget.income.total.amount) == (wan(3200), wan(3000))
    assert [c.rule_id for c in validate(budget).checks if c.outcome is Outcome.INCONSISTENT] == []


def test_a_list_of_the_main_economic_classes_is_partial() -> None:
    text = (
        "某局2024年度部门决算\n一、支出决算情况\n本年支出合计1,000.00万元。按经济分类，主要用于："
        "工资福利支出600.00万元、商品和服务支出300.00万元。\n"
    )
    budget = read_narrative(text).budget
    assert budget.expenditure is not None
    assert budget.expenditure.economic_partial
    assert [n.code for n in budget.expenditure.by_economic] == ["301", "302"]
    assert [c.outcome for c in validate(budget).checks if c.rule_id == "TOT003"] == [Outcome.EXACT]
    listed = read_narrative(text.replace("主要用于：", "")).budget
    assert listed.expenditure is not None
    assert not listed.expenditure.economic_partial


def test_the_words_a_list_shares_are_the_last_names_ending() -> None:
    # the last name carries 规模 for all three, not the last three characters of its own name
    text = (
        "某局2024年度部门决算\n九、政府采购支出情况\n2024年度政府采购支出总额100万元。"
        "公开招标、询价采购、竞争性谈判规模分别为50万元、30万元和20万元。\n"
    )
    names = [s.name for s in read_narrative(text).budget.statements]
    assert names == ["公开招标规模", "询价采购规模", "竞争性谈判规模"]


def test_the_main_items_a_figure_is_used_for_are_its_parts_at_most() -> None:
    text = "三、机关运行经费\n机关运行经费支出9.00万元，主要用于办公费6.00万元、水电费2.00万元。"
    read = read_narrative(text, department="某局", year=2024)
    paths = [n.path for n in read.numbers]
    assert paths[1:] == [
        "/statements/0/机关运行经费支出/办公费/amount",
        "/statements/0/机关运行经费支出/水电费/amount",
    ]
    outcomes = [c.outcome for c in validate(read.budget).checks if c.rule_id == "TRE001"]
    assert outcomes == [Outcome.EXACT]  # 8 ≤ 9: the main items, not all of them
    over = read_narrative(text.replace("9.00", "7.00"), department="某局", year=2024)
    assert [c.outcome for c in validate(over.budget).checks if c.rule_id == "TRE001"] == [
        Outcome.INCONSISTENT
    ]


def test_an_average_is_no_part_of_the_list() -> None:
    text = (
        "三、“三公”经费\n公务用车运行维护费支出6.00万元，主要包括：（1）燃油费4.00万元；"
        "（2）维修费2.00万元，平均每辆3.00万元。"
    )
    budget = read_narrative(text, department="某局", year=2024).budget
    assert [c.outcome for c in validate(budget).checks if c.rule_id == "TRE001"] == [Outcome.EXACT]
