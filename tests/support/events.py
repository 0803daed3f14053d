"""Event factory: the JSON files in events/ (shared with `sam local invoke`), varied per test."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

EVENTS_DIR = Path(__file__).resolve().parents[2] / "events"


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
    """A direct S3 notification for one object; the key is URL-encoded as S3 sends it."""
    event = load("s3-notification.json")
    record = event["Records"][0]
    record["s3"]["bucket"]["name"] = bucket
    record["s3"]["bucket"]["arn"] = f"arn:aws:s3:::{bucket}"
    obj = record["s3"]["object"]
    obj.update(key=quote_plus(key, safe="/"), size=size, eTag=etag or "0" * 32)
    _set_or_drop(obj, "versionId", version_id)
    _set_or_drop(obj, "sequencer", sequencer)
    if event_time:
        record["eventTime"] = event_time
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
