from __future__ import annotations

import pytest
from attrs import evolve
from attrs.exceptions import FrozenInstanceError

from govbudget.errors import ModelError
from govbudget.money import wan
from govbudget.tree import Node, find, replace_at, walk


def _wages() -> Node:
    return Node(
        code="301",
        name="工资福利支出",
        amount=wan("85.58"),
        children=(
            Node(code="30101", name="基本工资", amount=wan("55.58")),
            Node(code="30102", name="津贴补贴", amount=wan("30")),
        ),
    )


@pytest.mark.parametrize("code", ["3", "30", "3010", "301011", "30101011", "abc", "30a", " 301"])
def test_code_must_be_3_5_or_7_digits(code: str) -> None:
    with pytest.raises(ModelError, match=repr(code)):
        Node(code=code, name="x")


def test_child_code_must_extend_parent_code() -> None:
    with pytest.raises(
        ModelError, match="302 商品和服务支出: child 30101 基本工资 does not extend"
    ):
        Node(code="302", name="商品和服务支出", children=(Node(code="30101", name="基本工资"),))
    with pytest.raises(ModelError, match="does not extend"):
        Node(code="301", name="工资福利支出", children=(Node(code="301", name="工资福利支出"),))


def test_sibling_codes_must_be_unique() -> None:
    with pytest.raises(ModelError, match="two children have the code 30101"):
        Node(
            code="301",
            name="工资福利支出",
            children=(Node(code="30101", name="基本工资"), Node(code="30101", name="基本工资")),
        )


def test_name_is_required() -> None:
    with pytest.raises(ModelError, match="non-empty name"):
        Node(code="301", name="  ")


def test_sums_are_not_enforced() -> None:
    node = Node(
        code="302",
        name="商品和服务支出",
        amount=wan("24.1"),
        children=(Node(code="30201", name="办公费", amount=wan("999")),),
    )
    assert node.children[0].amount == wan("999")


def test_uncoded_lines_are_allowed_under_coded_ones() -> None:
    node = Node(
        code="302", name="商品和服务支出", children=(Node(name="水电费", amount=wan("2.5")),)
    )
    assert node.children[0].key == "水电费"
    assert node.children[0].label == "水电费"
    assert node.label == "302 商品和服务支出"


def test_nodes_are_frozen_and_hashable() -> None:
    node = _wages()
    with pytest.raises(FrozenInstanceError):
        node.name = "x"  # type: ignore[misc]
    assert hash(node) == hash(_wages())
    assert isinstance(node.children, tuple)


def test_walk_find_and_replace() -> None:
    roots = (_wages(),)
    assert [p for p, _ in walk(roots)] == [("301",), ("301", "30101"), ("301", "30102")]
    found = find(roots, ("301", "30102"))
    assert found is not None
    assert found.name == "津贴补贴"
    assert find(roots, "30101") is not None
    assert find(roots, ("301", "39999")) is None
    new = evolve(found, amount=wan("31"))
    replaced = replace_at(roots, ("301", "30102"), new)
    assert replaced[0].children[1].amount == wan("31")
    assert roots[0].children[1].amount == wan("30")  # the input is untouched
    with pytest.raises(ModelError, match="no node at 301/30199"):
        replace_at(roots, ("301", "30199"), new)
