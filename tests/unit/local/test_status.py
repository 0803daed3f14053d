"""`up` prints the stack's counts when they change, every few seconds until it is stopped."""

from __future__ import annotations

import threading
from itertools import islice

from article_ingest_local.status import StackStatus, changes, ticks


def test_a_line_is_shown_only_when_it_differs_from_the_last_one_shown() -> None:
    # Given the counts read at five ticks, unchanged between some of them
    lines = ["stored 0", "stored 0", "stored 1", "stored 1", "stored 0"]
    # When only the changes are kept / Then each change appears once, in order
    assert list(changes(lines)) == ["stored 0", "stored 1", "stored 0"]


def test_ticks_keep_coming_until_the_stack_is_stopped() -> None:
    # Given a running stack / When three ticks are taken / Then three come
    stopped = threading.Event()
    assert len(list(islice(ticks(0, stopped), 3))) == 3
    # And once it is stopped, none come
    stopped.set()
    assert list(ticks(0, stopped)) == []


def test_the_status_line_names_every_count() -> None:
    # Given counts / When shown on one line / Then each is named with its number
    line = StackStatus(stored=3, rejected=1, queued=2, dead_lettered=0).line()
    assert line == "stored 3 · rejected 1 · queued 2 · dead-lettered 0"
