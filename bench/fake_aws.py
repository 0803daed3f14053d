"""Stand-ins for the S3, DynamoDB and SNS clients: the handler's own cost without any AWS call.

They answer only the calls the ingest function makes, instantly and always successfully, so
the handler's throughput with them is extraction plus Powertools plus mapping, nothing else.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass
class FakeS3:
    """GetObject from an in-memory map of keys to bytes; PutObject (overflowing bodies) is dropped."""

    objects: dict[str, bytes] = field(default_factory=dict)
    put_bytes: int = 0

    def get_object(self, *, Bucket: str, Key: str, **_: Any) -> dict[str, Any]:  # noqa: N803 - boto3's names
        data = self.objects[Key]
        return {
            "Body": io.BytesIO(data),
            "ContentLength": len(data),
            "ContentType": "text/html",
            "VersionId": "v1",
            "ETag": '"etag"',
            "LastModified": datetime(2026, 1, 1, tzinfo=UTC),
        }

    def put_object(self, *, Body: bytes, **_: Any) -> dict[str, Any]:  # noqa: N803 - boto3's names
        self.put_bytes += len(Body)
        return {"ETag": '"etag"'}


@dataclass
class FakeDynamoDB:
    """Every conditional write succeeds (no record exists yet); reads find nothing."""

    writes: int = 0

    def put_item(self, **_: Any) -> dict[str, Any]:
        self.writes += 1
        return {}

    def update_item(self, **_: Any) -> dict[str, Any]:
        self.writes += 1
        return {}

    def get_item(self, **_: Any) -> dict[str, Any]:
        return {}

    def delete_item(self, **_: Any) -> dict[str, Any]:
        return {}


@dataclass
class FakeSns:
    """Publish returns a fresh message id."""

    published: int = 0
    _ids: itertools.count[int] = field(default_factory=itertools.count)

    def publish(self, **_: Any) -> dict[str, Any]:
        self.published += 1
        return {"MessageId": f"message-{next(self._ids)}"}
