"""Moves messages from the dead-letter queue back to the ingest queue once their cause is fixed.

Each message is sent to the ingest queue before it is deleted from the dead-letter queue, so a
crash in between duplicates a message but never loses one; the function's idempotency turns
the duplicate into a no-op.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RECEIVE_BATCH = 10  # SQS's maximum per ReceiveMessage
# An empty short poll does not mean an empty queue (SQS samples a subset of its servers): the
# redrive ends only when a long poll of this many seconds finds nothing.
EMPTY_AFTER_WAIT_SECONDS = 2
# Long enough to send and delete a batch; a message not deleted by then is offered again.
REDRIVE_VISIBILITY_SECONDS = 30


@dataclass(frozen=True, slots=True)
class RedriveResult:
    """What one redrive did."""

    moved: int


def redrive(
    sqs: Any, *, dead_letter_queue_url: str, queue_url: str, limit: int | None = None
) -> RedriveResult:
    """Move up to `limit` (default: every) message from the dead-letter queue to `queue_url`.

    Bodies and message attributes are kept; receive counts start again from zero.
    """
    moved = 0
    while limit is None or moved < limit:
        wanted = RECEIVE_BATCH if limit is None else min(RECEIVE_BATCH, limit - moved)
        messages = sqs.receive_message(
            QueueUrl=dead_letter_queue_url,
            MaxNumberOfMessages=wanted,
            WaitTimeSeconds=EMPTY_AFTER_WAIT_SECONDS,
            VisibilityTimeout=REDRIVE_VISIBILITY_SECONDS,
            MessageAttributeNames=["All"],
        ).get("Messages", [])
        if not messages:
            break
        for message in messages:
            sqs.send_message(QueueUrl=queue_url, MessageBody=message["Body"], **_attributes(message))
            sqs.delete_message(QueueUrl=dead_letter_queue_url, ReceiptHandle=message["ReceiptHandle"])
            moved += 1
    return RedriveResult(moved=moved)


def _attributes(message: dict[str, Any]) -> dict[str, Any]:
    attributes = message.get("MessageAttributes")
    return {"MessageAttributes": attributes} if attributes else {}


def start_native_redrive(sqs: Any, *, dead_letter_queue_url: str) -> str:
    """On AWS: SQS's own move task back to the source queue (what the console's "redrive" runs);
    returns its task handle. The messages move in the background, at SQS's pace."""
    arn = sqs.get_queue_attributes(QueueUrl=dead_letter_queue_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    return str(sqs.start_message_move_task(SourceArn=arn)["TaskHandle"])
