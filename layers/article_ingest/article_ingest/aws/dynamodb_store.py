"""Store adapter: writes article items to DynamoDB, newest source version wins."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import BotoCoreError, ClientError

from article_ingest.aws.body_store import BodyStore
from article_ingest.aws.errors import TransientAwsError, is_transient
from article_ingest.models.items import ArticleItem

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

# DynamoDB's item limit is 400 KB; the margin covers attribute-name and type overhead.
MAX_ITEM_BYTES = 350_000

_SERIALIZER = TypeSerializer()
_DESERIALIZER = TypeDeserializer()


class ArticleStore:
    """Puts and reads article items; bodies past the item limit overflow to a BodyStore."""

    def __init__(self, client: DynamoDBClient, *, table: str, bodies: BodyStore) -> None:
        self._client = client
        self._table = table
        self._bodies = bodies

    @property
    def table(self) -> str:
        """The table name (for notices that say where to fetch the article)."""
        return self._table

    def fit(self, item: ArticleItem) -> ArticleItem:
        """The item as it will be written: its body moved to S3 if it would pass the limit."""
        if item_size(item) <= MAX_ITEM_BYTES:
            return item
        location = self._bodies.put(item.id, item.content_hash or "body", item.body())
        return item.without_body(location)

    def put_if_newer(self, item: ArticleItem) -> bool:
        """Write the item unless the table holds a newer source version; False when superseded.

        Equal order keys overwrite: the same version processed again writes the same article.
        """
        attributes = {name: _SERIALIZER.serialize(value) for name, value in item.to_attributes().items()}
        try:
            self._client.put_item(
                TableName=self._table,
                Item=attributes,
                ConditionExpression="attribute_not_exists(id) OR order_key <= :order",
                ExpressionAttributeValues={":order": {"S": item.order_key}},
            )
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                return False
            if is_transient(exc):
                raise TransientAwsError("DynamoDB PutItem failed") from exc
            raise
        except BotoCoreError as exc:
            raise TransientAwsError("DynamoDB PutItem failed") from exc
        return True

    def get(self, article_id: str) -> ArticleItem | None:
        """One item, whole: a body that overflowed to S3 is read back into it.

        The read side (get, scan) serves the command line and the reader page, which explain
        botocore's errors themselves: they are not wrapped as the function's writes are.
        """
        response = self._client.get_item(
            TableName=self._table, Key={"id": {"S": article_id}}, ConsistentRead=True
        )
        raw = response.get("Item")
        if not raw:
            return None
        item = ArticleItem.from_attributes(_deserialize(raw))
        return item.with_body(self._bodies.get(item.body_location)) if item.body_location else item

    def scan(self) -> Iterator[ArticleItem]:
        """Every item, page by page, as the table holds it (an overflowed body stays in S3)."""
        for page in self._client.get_paginator("scan").paginate(TableName=self._table):
            for raw in page.get("Items", []):
                yield ArticleItem.from_attributes(_deserialize(raw))


def item_size(item: ArticleItem) -> int:
    """An upper estimate of the item's DynamoDB size (UTF-8 JSON of names and values)."""
    return len(json.dumps(item.to_attributes(), ensure_ascii=False).encode())


def _deserialize(raw: dict[str, Any]) -> dict[str, Any]:
    return {name: _DESERIALIZER.deserialize(value) for name, value in raw.items()}
