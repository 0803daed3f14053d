"""In-memory stand-ins for the article store and the notice journal, for the local package's
unit tests (the real ones are exercised against moto in tests/integration and tests/e2e)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from article_ingest.models.items import ArticleItem, article_id


def stored(key: str) -> ArticleItem:
    """A stored item for inbox/`key`."""
    return ArticleItem(
        id=article_id("inbox", key),
        status="stored",
        source_bucket="inbox",
        source_key=key,
        order_key="s:1",
        ingested_at="2026-01-01T00:00:00Z",
    )


@dataclass
class FakeStore:
    """A table whose items appear `per_scan` more at each scan (as the function stores them)."""

    items: list[ArticleItem]
    per_scan: int | None = None  # None: every item from the first scan
    scans: int = 0

    def scan(self) -> Iterable[ArticleItem]:
        self.scans += 1
        shown = len(self.items) if self.per_scan is None else self.scans * self.per_scan
        return list(self.items[:shown])

    def get(self, wanted: str) -> ArticleItem | None:
        return next((item for item in self.items if item.id == wanted), None)


@dataclass
class FakeJournal:
    """Notices arriving `per_drain` at a drain, each drain taking `seconds_per_drain` of `clock`."""

    waiting: list[dict[str, Any]]
    clock: FakeClock
    per_drain: int = 1
    seconds_per_drain: float = 1.0
    received: list[dict[str, Any]] = field(default_factory=list)
    drains: int = 0

    def drain(self, wait_seconds: int = 0) -> int:
        self.drains += 1
        self.clock.now += self.seconds_per_drain
        arrived, self.waiting = self.waiting[: self.per_drain], self.waiting[self.per_drain :]
        self.received.extend(arrived)
        return len(arrived)

    def read(self) -> list[dict[str, Any]]:
        return list(self.received)


@dataclass
class FakeClock:
    """A monotonic clock that moves only when told."""

    now: float = 0.0

    def __call__(self) -> float:
        return self.now
