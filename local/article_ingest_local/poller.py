"""Plays Lambda's SQS event source: polls the queue, invokes the handler with batches, and
deletes only the messages the handler did not report as failed (ReportBatchItemFailures).

Failed messages become visible again after `retry_delay_seconds` (Lambda waits out the visibility
timeout; a short delay keeps local runs quick). The queue's redrive policy moves a message to
the dead-letter queue after its max receive count, as in AWS.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from article_ingest_local.lambda_runtime import Handler, new_context
from article_ingest_local.template import FunctionSpec

log = logging.getLogger("article_ingest_local.poller")
LONG_POLL_SECONDS = 1  # short enough that Ctrl-C stops the loop promptly


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What one invocation did with its batch."""

    received: int
    failed: int


class SqsEventSource:
    """One poller: receive a batch, invoke, settle. Several may run at once (concurrency)."""

    def __init__(
        self,
        sqs: Any,
        *,
        queue_url: str,
        queue_arn: str,
        handler: Handler,
        spec: FunctionSpec,
        function_name: str,
        retry_delay_seconds: int = 5,
    ) -> None:
        self._sqs = sqs
        self._queue_url = queue_url
        self._queue_arn = queue_arn
        self._handler = handler
        self._spec = spec
        self._function_name = function_name
        self._retry_delay = retry_delay_seconds

    def poll_once(self) -> BatchResult:
        """Receive up to one batch and process it; returns what happened."""
        response = self._sqs.receive_message(
            QueueUrl=self._queue_url,
            MaxNumberOfMessages=min(self._spec.event_source.batch_size, 10),
            WaitTimeSeconds=LONG_POLL_SECONDS,
            MessageSystemAttributeNames=["All"],
            MessageAttributeNames=["All"],
        )
        messages = response.get("Messages", [])
        if not messages:
            return BatchResult(received=0, failed=0)
        event = {"Records": [self._record(message) for message in messages]}
        failed_ids = self._invoke(event, [m["MessageId"] for m in messages])
        self._settle(messages, failed_ids)
        return BatchResult(received=len(messages), failed=len(failed_ids))

    def run(self, stop: threading.Event, on_batch: Any = None) -> None:
        """Poll until `stop` is set."""
        while not stop.is_set():
            result = self.poll_once()
            if result.received and on_batch is not None:
                on_batch(result)

    def _invoke(self, event: dict[str, Any], message_ids: list[str]) -> set[str]:
        context = new_context(self._spec, self._function_name)
        try:
            response = self._handler(event, context) or {}
        except Exception:  # a crashed invocation fails the whole batch, as in Lambda
            log.exception("invocation failed; the whole batch will be retried")
            return set(message_ids)
        if not self._spec.event_source.report_batch_item_failures:
            return set()
        return {failure["itemIdentifier"] for failure in response.get("batchItemFailures", [])}

    def _settle(self, messages: list[dict[str, Any]], failed_ids: set[str]) -> None:
        done = [m for m in messages if m["MessageId"] not in failed_ids]
        for start in range(0, len(done), 10):
            chunk = done[start : start + 10]
            self._sqs.delete_message_batch(
                QueueUrl=self._queue_url,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(chunk)],
            )
        for message in messages:
            if message["MessageId"] in failed_ids:
                self._sqs.change_message_visibility(
                    QueueUrl=self._queue_url,
                    ReceiptHandle=message["ReceiptHandle"],
                    VisibilityTimeout=self._retry_delay,
                )

    def _record(self, message: dict[str, Any]) -> dict[str, Any]:
        """An SQS message in the shape Lambda's event source hands to the function."""
        return {
            "messageId": message["MessageId"],
            "receiptHandle": message["ReceiptHandle"],
            "body": message["Body"],
            "attributes": message.get("Attributes", {}),
            "messageAttributes": {
                name: {
                    "stringValue": value.get("StringValue"),
                    "binaryValue": value.get("BinaryValue"),
                    "dataType": value["DataType"],
                }
                for name, value in message.get("MessageAttributes", {}).items()
            },
            "md5OfBody": message.get("MD5OfBody", ""),
            "eventSource": "aws:sqs",
            "eventSourceARN": self._queue_arn,
            "awsRegion": self._queue_arn.split(":")[3],
        }
