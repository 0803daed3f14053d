"""How far a stack has got: documents stored and rejected, messages waiting and dead-lettered."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from article_ingest_local.queues import queue_depth
from article_ingest_local.resources import StackResources

STATUS_INDEX = "by-status-ingested"  # template.yaml: ArticlesTable's index keyed by status


@dataclass(frozen=True, slots=True)
class StackStatus:
    """Counts read from the table's status index and the queues' attributes."""

    stored: int
    rejected: int
    queued: int  # in the ingest queue, waiting or being processed (a retry waits here too)
    dead_lettered: int

    def line(self) -> str:
        """One line for a terminal."""
        return (
            f"stored {self.stored} · rejected {self.rejected} · "
            f"queued {self.queued} · dead-lettered {self.dead_lettered}"
        )


def _count(dynamodb: Any, table: str, status: str) -> int:
    total, start = 0, None
    while True:
        page = dynamodb.query(
            TableName=table,
            IndexName=STATUS_INDEX,
            KeyConditionExpression="#s = :s",
            ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues={":s": {"S": status}},
            Select="COUNT",
            **({"ExclusiveStartKey": start} if start else {}),
        )
        total += int(page["Count"])
        start = page.get("LastEvaluatedKey")
        if not start:
            return total


def stack_status(dynamodb: Any, sqs: Any, resources: StackResources) -> StackStatus:
    """The stack's counts now."""
    return StackStatus(
        stored=_count(dynamodb, resources.articles_table, "stored"),
        rejected=_count(dynamodb, resources.articles_table, "rejected"),
        queued=queue_depth(sqs, resources.ingest_queue_url),
        dead_lettered=queue_depth(sqs, resources.dead_letter_queue_url),
    )


def ticks(every_seconds: float, stopped: threading.Event) -> Iterator[None]:
    """One tick every `every_seconds`, until `stopped` is set."""
    while not stopped.wait(every_seconds):
        yield None


def changes(lines: Iterable[str]) -> Iterator[str]:
    """Each line that differs from the one before it (progress on a terminal, one line per change)."""
    shown: str | None = None
    for line in lines:
        if line != shown:
            yield line
            shown = line
