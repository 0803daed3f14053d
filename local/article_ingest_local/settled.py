"""Waiting for dropped files to settle: an item in the table and a notice received for each."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from article_ingest.models.items import ArticleItem

NOTICE_WAIT_SECONDS = 1  # each round long-polls the notices this long, then scans the table


class ItemSource(Protocol):
    """What the wait reads items from (ArticleStore)."""

    def scan(self) -> Iterable[ArticleItem]: ...


class NoticeSource(Protocol):
    """What the wait reads notices from (NoticeJournal)."""

    def drain(self, wait_seconds: int = 0) -> int: ...

    def read(self) -> list[dict[str, Any]]: ...


@dataclass(frozen=True, slots=True)
class Settled:
    """The items in the table and the notices received, when the wait ended."""

    items: list[ArticleItem]
    notices: list[dict[str, Any]]

    def reached(self, expected: int) -> bool:
        """Whether there are at least `expected` items and as many notices."""
        return len(self.items) >= expected and len(self.notices) >= expected


def wait_until_settled(
    items: ItemSource,
    notices: NoticeSource,
    expected: int,
    *,
    timeout_seconds: float,
    clock: Callable[[], float] = time.monotonic,
) -> Settled:
    """The items and notices once there are `expected` of each, or what there is at the timeout."""
    deadline = clock() + timeout_seconds
    settled = Settled(items=[], notices=notices.read())
    while clock() < deadline:
        notices.drain(wait_seconds=NOTICE_WAIT_SECONDS)
        settled = Settled(items=list(items.scan()), notices=notices.read())
        if settled.reached(expected):
            break
    return settled
