"""Route an invocation's event to per-object ingestion, with partial batch failures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from article_ingest.aws.events import refs_from_event, refs_from_sqs_record
from article_ingest.errors import TransientError
from article_ingest.models.outcome import Outcome
from article_ingest.models.refs import ObjectRef

logger = Logger(child=True)
IngestOne = Callable[[ObjectRef], Outcome]


class DirectEventError(TransientError):
    """Raised by handle_event after a direct (non-SQS) event was processed with some objects
    failing transiently.

    Lambda's async retry runs it again; idempotency turns the finished objects into no-ops.
    """


def handle_event(event: dict[str, Any], context: LambdaContext, ingest_one: IngestOne) -> dict[str, Any]:
    """Process an SQS batch (the production path), a direct S3 notification or an EventBridge event."""
    records = event.get("Records") or []
    if records and records[0].get("eventSource") == "aws:sqs":
        processor = BatchProcessor(event_type=EventType.SQS)

        def record_handler(record: SQSRecord) -> None:  # Powertools passes it as `record`
            for ref in refs_from_sqs_record(record):
                ingest_one(ref)

        response = process_partial_response(
            event=event, record_handler=record_handler, processor=processor, context=context
        )
        return dict(response)
    return _handle_direct(refs_from_event(event), ingest_one)


def _handle_direct(refs: list[ObjectRef], ingest_one: IngestOne) -> dict[str, Any]:
    outcomes, failures = [], []
    for ref in refs:
        try:
            outcomes.append(ingest_one(ref))
        except Exception:  # keep going: the other objects of the event still get processed
            logger.exception("object failed", extra={"bucket": ref.bucket, "key": ref.key})
            failures.append(ref.key)
    if failures:
        raise DirectEventError(f"{len(failures)} object(s) failed: {failures}")
    return {"outcomes": [{"kind": o.kind, "article_id": o.article_id, "reason": o.reason} for o in outcomes]}
