"""The emulated DynamoDB keeps DynamoDB's promise that a conditional write is atomic."""

from __future__ import annotations

import threading
import time
from typing import Any

import boto3
import moto.dynamodb.models.table as moto_table
import pytest
from moto import mock_aws
from moto.dynamodb import comparisons

from article_ingest_local.moto_fidelity import make_dynamodb_writes_atomic

CONTENDERS = 4
WIDENED_SECONDS = 0.05  # moto parses the condition between its read and its write: slowed here


def test_of_concurrent_conditional_puts_of_one_key_exactly_one_succeeds(
    aws_credentials: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given moto's gap between reading the item and writing it widened to make the race certain
    parse = comparisons.get_filter_expression  # defined there, looked up by the table module

    def slow_parse(*args: Any, **kwargs: Any) -> Any:
        time.sleep(WIDENED_SECONDS)
        return parse(*args, **kwargs)

    monkeypatch.setattr(moto_table, "get_filter_expression", slow_parse)
    make_dynamodb_writes_atomic()
    with mock_aws():
        client = boto3.client("dynamodb")
        client.create_table(
            TableName="locks",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        winners: list[int] = []

        def put(index: int) -> None:
            try:
                client.put_item(
                    TableName="locks",
                    Item={"id": {"S": "one"}, "by": {"N": str(index)}},
                    ConditionExpression="attribute_not_exists(id)",
                )
                winners.append(index)
            except client.exceptions.ConditionalCheckFailedException:
                pass

        # When several writers race for the same key
        threads = [threading.Thread(target=put, args=(i,)) for i in range(CONTENDERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    # Then exactly one wins, as in DynamoDB
    assert len(winners) == 1
