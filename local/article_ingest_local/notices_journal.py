"""Notices received from the topic (through the watch queue), kept in a JSON Lines journal.

Reading a queue consumes it, so every message drained is appended to the journal first;
`notices` prints the journal, which therefore holds every notice received so far.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

JOURNAL_NAME = "notices.jsonl"


class NoticeJournal:
    """Drains a watch queue into a journal file and reads it back."""

    def __init__(self, sqs: Any, queue_url: str, folder: Path) -> None:
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
