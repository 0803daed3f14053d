"""The three event shapes that announce a new object, reduced to one ObjectRef.

- S3 notification (direct, or wrapped in an SQS message body: the production path),
- EventBridge "Object Created" (direct, or wrapped in SQS).
S3 notification keys are URL-encoded ("+" for space); EventBridge keys are not.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote_plus

from aws_lambda_powertools.utilities.data_classes import EventBridgeEvent, S3Event

from article_ingest.errors import ArticleIngestError
from article_ingest.models.refs import ObjectRef


class UnsupportedEventError(ArticleIngestError):
    """Raised by refs_from_event and refs_from_sqs_body for an event (or SQS body) of none of the
    supported shapes. It names no object to record, so it is no outcome: the message fails, and
    the queue's retries end in the dead-letter queue."""


def refs_from_event(event: dict[str, Any]) -> list[ObjectRef]:
    """ObjectRefs from a direct S3 notification or EventBridge event."""
    if event.get("detail-type") == "Object Created":
        return [_ref_from_eventbridge(event)]
    records = event.get("Records")
    if isinstance(records, list) and records and records[0].get("eventSource") == "aws:s3":
        return _refs_from_s3_notification(event)
    raise UnsupportedEventError("not an S3 notification or EventBridge Object Created event")


def refs_from_sqs_body(body: str) -> list[ObjectRef]:
    """ObjectRefs from an SQS message body; S3's setup test message yields none."""
    try:
        payload = json.loads(body)
    except ValueError as exc:
        raise UnsupportedEventError("SQS body is not JSON") from exc
    if not isinstance(payload, dict):
        raise UnsupportedEventError("SQS body is not a JSON object")
    if payload.get("Event") == "s3:TestEvent":
        return []
    return refs_from_event(payload)


def _refs_from_s3_notification(event: dict[str, Any]) -> list[ObjectRef]:
    refs = []
    # The data class (not the strict parser model): moto's events lack userIdentity & co.
    for record in S3Event(event).records:
        if not record.event_name.startswith("ObjectCreated"):
            continue
        obj = record.s3.get_object
        raw = record.raw_event["s3"]["object"]
        refs.append(
            ObjectRef(
                bucket=record.s3.bucket.name,
                key=unquote_plus(raw["key"]),
                version_id=raw.get("versionId") or None,
                etag=raw.get("eTag") or None,
                size=obj.size,
                sequencer=raw.get("sequencer") or None,
                event_time=record.event_time,
            )
        )
    return refs


def _ref_from_eventbridge(event: dict[str, Any]) -> ObjectRef:
    bridge = EventBridgeEvent(event)
    detail = bridge.detail
    # Read the raw key: EventBridge keys are not URL-encoded, and decoding would turn "+" into " ".
    obj = detail["object"]
    return ObjectRef(
        bucket=detail["bucket"]["name"],
        key=obj["key"],
        version_id=obj.get("version-id") or None,
        etag=obj.get("etag") or None,
        size=obj.get("size"),
        sequencer=obj.get("sequencer") or None,
        event_time=bridge.time,
    )
