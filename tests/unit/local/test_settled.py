"""The demo waits until every dropped file has an item and a notice, or until its timeout."""

from __future__ import annotations

from article_ingest_local.settled import wait_until_settled
from tests.unit.local.fakes import FakeClock, FakeJournal, FakeStore, stored

FILES = 3


def _notices(count: int) -> list[dict[str, str]]:
    return [{"type": "article.stored", "article_id": str(n)} for n in range(count)]


def test_the_wait_ends_as_soon_as_every_file_has_an_item_and_a_notice() -> None:
    # Given three items stored at once and their notices arriving one per second
    clock = FakeClock()
    store = FakeStore([stored(f"{n}.html") for n in range(FILES)])
    journal = FakeJournal(_notices(FILES), clock)
    # When the demo waits for three, with time to spare
    settled = wait_until_settled(store, journal, FILES, timeout_seconds=60, clock=clock)
    # Then it stops at the third notice, holding all three items and notices
    assert journal.drains == FILES
    assert (len(settled.items), len(settled.notices)) == (FILES, FILES)
    assert settled.reached(FILES)


def test_notices_without_their_items_keep_the_wait_going() -> None:
    # Given every notice already received, but the items stored one per scan
    clock = FakeClock()
    store = FakeStore([stored(f"{n}.html") for n in range(FILES)], per_scan=1)
    journal = FakeJournal(_notices(FILES), clock, per_drain=FILES)
    # When the demo waits for three
    settled = wait_until_settled(store, journal, FILES, timeout_seconds=60, clock=clock)
    # Then it waits until the third item shows up
    assert store.scans == FILES
    assert len(settled.items) == FILES


def test_at_the_timeout_the_wait_returns_what_has_arrived() -> None:
    # Given one file of three that never gets its item or notice
    clock = FakeClock()
    store = FakeStore([stored(f"{n}.html") for n in range(FILES - 1)])
    journal = FakeJournal(_notices(FILES - 1), clock)
    # When the demo waits ten seconds for three
    settled = wait_until_settled(store, journal, FILES, timeout_seconds=10, clock=clock)
    # Then it gives up at the timeout with the two that came
    assert clock.now == 10
    assert (len(settled.items), len(settled.notices)) == (FILES - 1, FILES - 1)
    assert not settled.reached(FILES)
