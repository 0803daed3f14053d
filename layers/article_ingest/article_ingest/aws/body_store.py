"""Overflow adapter: article bodies too large for a DynamoDB item go to S3, and come back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from article_ingest.aws.errors import TransientAwsError, is_transient
from article_ingest.models.items import ItemBody

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

S3_SCHEME = "s3://"


class BodyStore:
    """Writes and reads {text, html, markdown, links} documents in the bodies bucket, one object
    per content hash."""

    def __init__(self, client: S3Client, *, bucket: str, prefix: str) -> None:
        self._client = client
        self._bucket = bucket
        self._prefix = prefix

    def put(self, article_id: str, content_hash: str, body: ItemBody) -> str:
        """Store the body and return its s3:// URI. Same content, same key: retries overwrite."""
        key = f"{self._prefix}{article_id}/{content_hash}.json"
        try:
            self._client.put_object(
                Bucket=self._bucket, Key=key, Body=body.to_json().encode(), ContentType="application/json"
            )
        except (ClientError, BotoCoreError) as exc:
            if is_transient(exc):
                raise TransientAwsError("S3 PutObject (body) failed") from exc
            raise
        return f"{S3_SCHEME}{self._bucket}/{key}"

    def get(self, location: str) -> ItemBody:
        """Read back the body `put` stored at `location` (an item's `body_location`).

        Only readers call it (the command line, the reader page), so botocore's errors reach
        them unwrapped: they explain an unreachable endpoint or a refused call themselves.
        """
        bucket, _, key = location.removeprefix(S3_SCHEME).partition("/")
        document = self._client.get_object(Bucket=bucket, Key=key)["Body"].read()
        return ItemBody.from_json(document)
