"""Queue facts the commands, tests and benchmarks read."""

from __future__ import annotations

from typing import Any


def queue_depth(sqs: Any, queue_url: str) -> int:
    """Messages in the queue, visible or in flight (approximate, as SQS reports them)."""
    attributes = sqs.get_queue_attributes(
        QueueUrl=queue_url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]) + int(
        attributes["ApproximateNumberOfMessagesNotVisible"]
    )
