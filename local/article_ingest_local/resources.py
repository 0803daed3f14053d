"""The names of a running stack (local or deployed), taken from the template's Outputs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StackResources:
    """Everything the commands talk to, by physical name."""

    inbox_bucket: str
    bodies_bucket: str
    articles_table: str
    idempotency_table: str
    topic_arn: str
    ingest_queue_url: str
    dead_letter_queue_url: str

    @classmethod
    def from_outputs(cls, outputs: dict[str, str]) -> StackResources:
        """Map stack outputs (template.yaml `Outputs`) to resources."""
        return cls(
            inbox_bucket=outputs["InboxBucketName"],
            bodies_bucket=outputs["BodiesBucketName"],
            articles_table=outputs["ArticlesTableName"],
            idempotency_table=outputs["IdempotencyTableName"],
            topic_arn=outputs["ArticlesTopicArn"],
            ingest_queue_url=outputs["IngestQueueUrl"],
            dead_letter_queue_url=outputs["IngestDeadLetterQueueUrl"],
        )
