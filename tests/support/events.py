"""Event factory: the JSON files in events/ (shared with `sam local invoke`), varied per test.

S3 notifications are built by article_ingest.aws.events.s3_notification, as `article-ingest
reprocess` builds its messages; tests/unit/test_events.py checks that it rebuilds the sample.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from article_ingest.aws.events import s3_notification as build_s3_notification
from article_ingest.models.refs import ObjectRef

EVENTS_DIR = Path(__file__).resolve().parents[2] / "events"
# What S3 says of the requester; the function never reads it, moto leaves it out.
REQUESTER_FIELDS = ("userIdentity", "requestParameters", "responseElements")


def load(name: str) -> dict[str, Any]:
    """One sample event, as stored."""
    data: dict[str, Any] = json.loads((EVENTS_DIR / name).read_text(encoding="utf-8"))
    return data


def s3_notification(
    *,
    bucket: str,
    key: str,
    version_id: str | None = None,
    etag: str | None = None,
    size: int = 100,
    sequencer: str | None = None,
    event_time: str | None = None,
) -> dict[str, Any]:
    """A direct S3 notification for one object, built by the code `article-ingest reprocess`
    sends with (the key URL-encoded as S3 sends it); region, configuration, time and the
    requester's fields, which the function never reads, are the sample's."""
    sample = load("s3-notification.json")["Records"][0]
    ref = ObjectRef(
        bucket=bucket,
        key=key,
        version_id=version_id,
        etag=etag or "0" * 32,
        size=size,
        sequencer=sequencer,
        event_time=event_time or sample["eventTime"],
    )
    event = build_s3_notification(
        ref, region=sample["awsRegion"], configuration_id=sample["s3"]["configurationId"]
    )
    record = event["Records"][0]
    record.update({name: sample[name] for name in REQUESTER_FIELDS})
    record["s3"]["bucket"]["ownerIdentity"] = sample["s3"]["bucket"]["ownerIdentity"]
    return event


def sqs_batch(*bodies: dict[str, Any]) -> dict[str, Any]:
    """An SQS event whose records carry the given bodies (S3 notifications or EventBridge events)."""
    template = load("sqs-s3-notification.json")["Records"][0]
    records = []
    for index, body in enumerate(bodies):
        record = copy.deepcopy(template)
        record["messageId"] = f"message-{index}"
        record["body"] = json.dumps(body)
        records.append(record)
    return {"Records": records}


def eventbridge(
    *,
    bucket: str,
    key: str,
    version_id: str | None = None,
    etag: str | None = None,
    size: int = 100,
    sequencer: str | None = None,
) -> dict[str, Any]:
    """An EventBridge Object Created event; its key is not URL-encoded."""
    event = load("eventbridge-object-created.json")
    event["detail"]["bucket"]["name"] = bucket
    obj = event["detail"]["object"]
    obj.update(key=key, size=size, etag=etag or "0" * 32)
    _set_or_drop(obj, "version-id", version_id)
    _set_or_drop(obj, "sequencer", sequencer)
    return event


def _set_or_drop(target: dict[str, Any], name: str, value: str | None) -> None:
    if value is None:
        target.pop(name, None)
    else:
        target[name] = value


def for_upload(bucket: str, key: str, put: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """The S3 notification announcing one PutObject response (its VersionId and ETag)."""
    return s3_notification(
        bucket=bucket,
        key=key,
        version_id=str(put["VersionId"]) if put.get("VersionId") else None,
        etag=str(put["ETag"]).strip('"'),
        **extra,
    )
