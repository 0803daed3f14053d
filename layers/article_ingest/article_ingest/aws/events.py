"""The three event shapes that announce a new object, reduced to one ObjectRef.

- S3 notification (direct, or wrapped in an SQS message body: the production path),
- EventBridge "Object Created" (direct, or wrapped in SQS).
S3 notification keys are URL-encoded ("+" for space); EventBridge keys are not.

`s3_notification` goes the other way, ObjectRef to S3 notification. The function never calls
it: the local `reprocess` command and the tests' event factory do, so the key's encoding is
written once, beside its decoding.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote_plus, unquote_plus

from aws_lambda_powertools.utilities.data_classes import S3Event, S3EventBridgeNotificationEvent
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from article_ingest.errors import ArticleIngestError
from article_ingest.models.refs import ObjectRef

S3_EVENT_SOURCE = "aws:s3"
S3_EVENT_VERSION = "2.1"  # the notification format S3 sends today
S3_SCHEMA_VERSION = "1.0"


class UnsupportedEventError(ArticleIngestError):
    """Raised by refs_from_event and refs_from_sqs_record for an event (or SQS body) of none of
    the supported shapes. It names no object to record, so it is no outcome: the message fails, and
    the queue's retries end in the dead-letter queue."""


def refs_from_event(event: dict[str, Any]) -> list[ObjectRef]:
    """ObjectRefs from a direct S3 notification or EventBridge event."""
    if event.get("detail-type") == "Object Created":
        return [_ref_from_eventbridge(event)]
    records = event.get("Records")
    if isinstance(records, list) and records and records[0].get("eventSource") == S3_EVENT_SOURCE:
        return _refs_from_s3_notification(event)
    raise UnsupportedEventError("not an S3 notification or EventBridge Object Created event")


def refs_from_sqs_record(record: SQSRecord) -> list[ObjectRef]:
    """ObjectRefs from the event an SQS message carries; S3's setup test message yields none."""
    try:
        payload = record.json_body
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
        refs.append(
            ObjectRef(
                bucket=record.s3.bucket.name,
                key=unquote_plus(obj.key),  # the property is the key as sent: URL-encoded
                version_id=obj.version_id or None,
                etag=obj.etag or None,
                size=obj.size,
                # Read as a field: the property raises KeyError where moto's events leave it out.
                sequencer=obj.get("sequencer") or None,
                event_time=record.event_time,
            )
        )
    return refs


def _ref_from_eventbridge(event: dict[str, Any]) -> ObjectRef:
    bridge = S3EventBridgeNotificationEvent(event)
    obj = bridge.detail.object
    return ObjectRef(
        bucket=bridge.detail.bucket.name,
        # Not `obj.key`: that property URL-decodes, but EventBridge sends keys as they are, so
        # decoding would turn a "+" in the name into a space (and "%2B" into "+").
        key=obj["key"],
        # Read as fields: these properties raise KeyError for an unversioned bucket (no
        # version-id) and for events without a sequencer.
        version_id=obj.get("version-id") or None,
        etag=obj.etag or None,
        size=obj.size,
        sequencer=obj.get("sequencer") or None,
        event_time=bridge.time,
    )


def s3_notification(ref: ObjectRef, *, region: str, configuration_id: str) -> dict[str, Any]:
    """The S3 ObjectCreated notification announcing `ref`, as S3 sends it: the key URL-encoded,
    versionId and sequencer only when known. The requester's fields (userIdentity, request
    parameters) are left out: nothing reads them. `ref.event_time` is required."""
    if ref.event_time is None:
        raise ValueError("an S3 notification needs the event's time")
    obj: dict[str, Any] = {
        "key": quote_plus(ref.key, safe="/"),
        "size": ref.size or 0,
        "eTag": ref.etag or "",
    }
    if ref.version_id:
        obj["versionId"] = ref.version_id
    if ref.sequencer:
        obj["sequencer"] = ref.sequencer
    record = {
        "eventVersion": S3_EVENT_VERSION,
        "eventSource": S3_EVENT_SOURCE,
        "awsRegion": region,
        "eventTime": ref.event_time,
        "eventName": "ObjectCreated:Put",
        "s3": {
            "s3SchemaVersion": S3_SCHEMA_VERSION,
            "configurationId": configuration_id,
            "bucket": {"name": ref.bucket, "arn": f"arn:aws:s3:::{ref.bucket}"},
            "object": obj,
        },
    }
    return {"Records": [record]}
