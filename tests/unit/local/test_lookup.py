"""`show` finds an item by its id or by an unambiguous start of it."""

from __future__ import annotations

import pytest

from article_ingest_local.lookup import ItemNotFoundError, find_item
from tests.unit.local.fakes import FakeStore, stored

FIRST, SECOND = stored("first.html"), stored("second.html")


def _distinct_prefix(wanted: str, other: str) -> str:
    return next(wanted[:n] for n in range(1, len(wanted)) if not other.startswith(wanted[:n]))


def test_a_prefix_that_only_one_id_starts_with_finds_that_item() -> None:
    # Given two items / When asked for a start of the first's id that the second's lacks
    found = find_item(FakeStore([FIRST, SECOND]), _distinct_prefix(FIRST.id, SECOND.id))
    # Then the first item is found
    assert found == FIRST


def test_a_full_id_finds_its_item_without_a_scan() -> None:
    # Given a store / When asked for a whole id
    store = FakeStore([FIRST, SECOND])
    found = find_item(store, SECOND.id)
    # Then that item is read directly
    assert found == SECOND
    assert store.scans == 0


def test_a_prefix_that_several_ids_start_with_is_refused_with_the_count() -> None:
    # Given two items / When asked for the empty prefix, which both ids start with
    with pytest.raises(ItemNotFoundError, match="2 items match ''"):
        find_item(FakeStore([FIRST, SECOND]), "")


def test_a_prefix_no_id_starts_with_is_refused() -> None:
    # Given one item / When asked for a prefix that is not hexadecimal, so no id starts with it
    with pytest.raises(ItemNotFoundError, match="0 items match 'zz'"):
        find_item(FakeStore([FIRST]), "zz")


def test_a_full_id_of_no_item_is_refused() -> None:
    # Given one item / When asked for another whole id
    with pytest.raises(ItemNotFoundError, match=f"no article {SECOND.id}"):
        find_item(FakeStore([FIRST]), SECOND.id)
