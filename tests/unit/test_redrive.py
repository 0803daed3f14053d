"""Redrive on AWS uses SQS's own move task; locally it ends only on an empty long poll."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boto3
from botocore.stub import Stubber

from article_ingest_local.redrive import EMPTY_AFTER_WAIT_SECONDS, redrive, start_native_redrive

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient

DLQ_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/ingest-dlq"
DLQ_ARN = "arn:aws:sqs:eu-west-1:123456789012:ingest-dlq"
QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/ingest"


def _sqs() -> SQSClient:
    return boto3.client("sqs", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x")


def test_on_aws_the_dead_letter_queue_is_redriven_by_sqs_move_task() -> None:
    # Given the dead-letter queue of a deployed stack
    sqs = _sqs()
    with Stubber(sqs) as stub:
        stub.add_response(
            "get_queue_attributes",
            {"Attributes": {"QueueArn": DLQ_ARN}},
            {"QueueUrl": DLQ_URL, "AttributeNames": ["QueueArn"]},
        )
        stub.add_response("start_message_move_task", {"TaskHandle": "handle-1"}, {"SourceArn": DLQ_ARN})
        # When redriven / Then SQS's move task is started for it (back to its source queue)
        assert start_native_redrive(sqs, dead_letter_queue_url=DLQ_URL) == "handle-1"
        stub.assert_no_pending_responses()


def test_locally_an_empty_answer_ends_the_redrive_only_after_a_long_poll() -> None:
    # Given a dead-letter queue that answers a long poll with nothing
    sqs = _sqs()
    with Stubber(sqs) as stub:
        stub.add_response(
            "receive_message",
            {},
            {
                "QueueUrl": DLQ_URL,
                "MaxNumberOfMessages": 10,
                "WaitTimeSeconds": EMPTY_AFTER_WAIT_SECONDS,
                "VisibilityTimeout": 30,
                "MessageAttributeNames": ["All"],
            },
        )
        # When redriven / Then nothing moved, and the receive that said so waited
        assert redrive(sqs, dead_letter_queue_url=DLQ_URL, queue_url=QUEUE_URL).moved == 0
        stub.assert_no_pending_responses()
    assert EMPTY_AFTER_WAIT_SECONDS > 0
