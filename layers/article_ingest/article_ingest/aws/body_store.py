"""Overflow adapter: article bodies too large for a DynamoDB item go to S3."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from article_ingest.aws.errors import TransientAwsError, is_transient

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class BodyStore:
    """Writes {text, html, markdown, links} documents to the bodies bucket, one object per content hash."""

    def __init__(self, client: S3Client, *, bucket: str, prefix: str) -> None:
        self._client = client
        self._bucket = bucket
        self._prefix = prefix

    def put(self, article_id: str, content_hash: str, body: Mapping[str, object]) -> str:
        """Store the body and return its s3:// URI. Same content, same key: retries overwrite."""
        key = f"{self._prefix}{article_id}/{content_hash}.json"
        try:
            self._client.put_object(
                Bucket=self._bucket,
                Key=key,
                Body=json.dumps(body, ensure_ascii=False).encode(),
                ContentType="application/json",
            )
        except (ClientError, BotoCoreError) as exc:
            if is_transient(exc):
                raise TransientAwsError("S3 PutObject (body) failed") from exc
            raise
        return f"s3://{self._bucket}/{key}"
