"""Reads items back from the articles table (and overflowed bodies from S3) for the commands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from boto3.dynamodb.types import TypeDeserializer

_DESERIALIZER = TypeDeserializer()


def plain(value: Any) -> Any:
    """DynamoDB's Decimals as ints/floats, so items print as ordinary JSON."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | set | tuple):
        return [plain(item) for item in value]
    if type(value).__name__ == "Decimal":
        return int(value) if value == int(value) else float(value)
    return value


def scan_items(dynamodb: Any, table: str) -> Iterator[dict[str, Any]]:
    """Every item, page by page."""
    for page in dynamodb.get_paginator("scan").paginate(TableName=table):
        for raw in page.get("Items", []):
            yield plain({name: _DESERIALIZER.deserialize(value) for name, value in raw.items()})


def get_item(dynamodb: Any, s3: Any, table: str, article_id: str) -> dict[str, Any] | None:
    """One item in full; a body stored in S3 is read back into text/html/links."""
    raw = dynamodb.get_item(TableName=table, Key={"id": {"S": article_id}}).get("Item")
    if not raw:
        return None
    item: dict[str, Any] = plain({name: _DESERIALIZER.deserialize(value) for name, value in raw.items()})
    location = item.get("body_location")
    if location:
        bucket, _, key = location.removeprefix("s3://").partition("/")
        item.update(json.loads(s3.get_object(Bucket=bucket, Key=key)["Body"].read()))
    return item
