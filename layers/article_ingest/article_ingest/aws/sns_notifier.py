"""Notifier adapter: publishes notices on the articles topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from article_ingest.aws.errors import TransientAwsError, is_transient
from article_ingest.errors import ArticleIngestError
from article_ingest.models.notices import MAX_NOTICE_BYTES, Notice

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient


class NoticeTooLargeError(ArticleIngestError):
    """Raised by SnsNotifier.publish if a notice would pass SNS's 256 KiB limit.

    The item's bounds should make it impossible, so it is a bug, not an outcome: neither
    permanent (the item is already written) nor transient, it propagates, and the queue's
    retries end in the dead-letter queue, where the alarm shows it.
    """


class SnsNotifier:
    """Publishes notices with filterable message attributes."""

    def __init__(self, client: SNSClient, *, topic_arn: str) -> None:
        self._client = client
        self._topic_arn = topic_arn

    def publish(self, notice: Notice) -> str:
        """Publish one notice; returns the SNS message id."""
        body = notice.to_json()
        if len(body.encode()) > MAX_NOTICE_BYTES:
            raise NoticeTooLargeError(f"notice {notice.notice_id} is {len(body.encode())} bytes")
        try:
            response = self._client.publish(
                TopicArn=self._topic_arn,
                Message=body,
                MessageAttributes=notice.message_attributes(),  # type: ignore[arg-type]
            )
        except (ClientError, BotoCoreError) as exc:
            if is_transient(exc):
                raise TransientAwsError("SNS Publish failed") from exc
            raise
        return response["MessageId"]
