"""Source adapter: reads an announced object version from S3, with a byte cap."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from article_ingest.aws.errors import (
    SourceMissingError,
    TransientAwsError,
    error_code,
    is_missing,
    is_transient,
)
from article_ingest.errors import PermanentError, RejectionReason
from article_ingest.models.refs import ObjectRef

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class ObjectTooLargeError(PermanentError):
    """Raised by S3Source.fetch when the object is larger than the configured cap (nothing beyond
    it is read), and by IngestService when the event already declares a larger size: recorded as
    `too_large`."""

    def __init__(self, size: int, limit: int, *, declared: bool = False) -> None:
        size_text = f"declared size {size}" if declared else f"{size} bytes"
        super().__init__(RejectionReason.TOO_LARGE, f"{size_text} > limit {limit}")
        self.size = size
        self.limit = limit


@dataclass(frozen=True, slots=True)
class SourceObject:
    """An object's bytes and the metadata S3 returned with them."""

    data: bytes
    content_type: str | None
    content_encoding: str | None
    size: int
    version_id: str | None
    etag: str | None
    last_modified: datetime | None


class S3Source:
    """Fetches object versions from S3 with an injected client."""

    def __init__(self, client: S3Client) -> None:
        self._client = client

    def fetch(self, ref: ObjectRef, *, max_bytes: int) -> SourceObject:
        """Read the object version `ref` names; raise ObjectTooLargeError past `max_bytes`."""
        params = {"Bucket": ref.bucket, "Key": ref.key}
        if ref.version_id:
            params["VersionId"] = ref.version_id
        try:
            response = self._client.get_object(**params)  # type: ignore[arg-type]
            size = response.get("ContentLength", 0)
            if size > max_bytes:
                response["Body"].close()
                raise ObjectTooLargeError(size, max_bytes)
            # Read at most one byte past the cap, whatever ContentLength claimed.
            data = response["Body"].read(max_bytes + 1)
        except ClientError as exc:
            if is_missing(exc):
                raise SourceMissingError(f"s3://{ref.bucket}/{ref.key}: {error_code(exc)}") from exc
            if is_transient(exc):
                raise TransientAwsError(f"S3 GetObject failed: {error_code(exc)}") from exc
            raise
        except BotoCoreError as exc:
            raise TransientAwsError(f"S3 GetObject failed: {exc}") from exc
        if len(data) > max_bytes:
            raise ObjectTooLargeError(len(data), max_bytes)
        return SourceObject(
            data=data,
            content_type=response.get("ContentType"),
            content_encoding=response.get("ContentEncoding"),
            size=len(data),
            version_id=response.get("VersionId") or ref.version_id,
            etag=(response.get("ETag") or "").strip('"') or ref.etag,
            last_modified=response.get("LastModified"),
        )
