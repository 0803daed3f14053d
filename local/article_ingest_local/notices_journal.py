"""Notices received from the topic (through the watch queue), kept in a JSON Lines journal.

Reading a queue consumes it, so every message drained is appended to the journal first;
`notices` prints the journal, which therefore holds every notice received so far.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from article_ingest_local.provision import ensure_watch_queue
from article_ingest_local.session import StackTarget

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient

JOURNAL_NAME = "notices.jsonl"
FOLLOW_WAIT_SECONDS = 1  # a long poll: `notices --follow` shows a notice within a second of it


class NoticeJournal:
    """Drains a watch queue into a journal file and reads it back."""

    def __init__(self, sqs: SQSClient, queue_url: str, folder: Path) -> None:
        self._sqs = sqs
        self._queue_url = queue_url
        self.path = folder / JOURNAL_NAME

    def reset(self) -> None:
        """Forget notices of an earlier stack (a new local stack starts empty)."""
        self.path.unlink(missing_ok=True)

    def drain(self, wait_seconds: int = 0) -> int:
        """Move every waiting message into the journal; returns how many were added."""
        added = 0
        while True:
            response = self._sqs.receive_message(
                QueueUrl=self._queue_url,
                MaxNumberOfMessages=10,
                WaitTimeSeconds=wait_seconds,
                MessageAttributeNames=["All"],
            )
            messages = response.get("Messages", [])
            if not messages:
                return added
            with self.path.open("a", encoding="utf-8") as journal:
                for message in messages:
                    journal.write(json.dumps(json.loads(message["Body"]), ensure_ascii=False) + "\n")
            self._sqs.delete_message_batch(
                QueueUrl=self._queue_url,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages)],
            )
            added += len(messages)
            wait_seconds = 0

    def read(self) -> list[dict[str, Any]]:
        """Every notice received so far, oldest first."""
        if not self.path.exists():
            return []
        with self.path.open(encoding="utf-8") as journal:
            return [json.loads(line) for line in journal if line.strip()]

    def follow(self) -> Iterator[dict[str, Any]]:
        """Every notice in the journal, then each new one as it arrives; never ends."""
        shown = 0
        while True:
            received = self.read()
            yield from received[shown:]
            shown = len(received)
            self.drain(wait_seconds=FOLLOW_WAIT_SECONDS)


def notice_journal(target: StackTarget, state_base: Path) -> NoticeJournal:
    """The journal of `target`'s notices, under its folder in `state_base`, fed by its watch queue
    (subscribed to the topic here if it is not yet)."""
    queue_url = ensure_watch_queue(target.session, target.endpoint, target.resources.topic_arn, target.name)
    return NoticeJournal(target.sqs(), queue_url, target.state_dir(state_base))
