"""`--stack NAME` resolves a deployed stack's resources from its CloudFormation outputs."""

from __future__ import annotations

import json
from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from article_ingest_local.session import aws_target
from article_ingest_local.template import Template

OUTPUT_RESOURCES = {
    "InboxBucketName": ("InboxBucket", {"Type": "AWS::S3::Bucket"}),
    "BodiesBucketName": ("BodiesBucket", {"Type": "AWS::S3::Bucket"}),
    "ArticlesTableName": (
        "ArticlesTable",
        {
            "Type": "AWS::DynamoDB::Table",
            "Properties": {
                "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            },
        },
    ),
    "ArticlesTopicArn": ("ArticlesTopic", {"Type": "AWS::SNS::Topic"}),
    "IngestQueueUrl": ("IngestQueue", {"Type": "AWS::SQS::Queue"}),
    "IngestDeadLetterQueueUrl": ("IngestDeadLetterQueue", {"Type": "AWS::SQS::Queue"}),
}


@pytest.fixture
def deployed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    with mock_aws():
        yield


def test_a_deployed_stack_is_found_through_its_outputs(deployed: None) -> None:
    # Given a stack deployed with the template's output names (plain resources standing in)
    resources = dict(OUTPUT_RESOURCES.values())
    resources["IdempotencyTable"] = resources["ArticlesTable"]
    outputs = {name: {"Value": {"Ref": logical}} for name, (logical, _) in OUTPUT_RESOURCES.items()}
    outputs["IdempotencyTableName"] = {"Value": {"Ref": "IdempotencyTable"}}
    boto3.client("cloudformation").create_stack(
        StackName="prod-articles", TemplateBody=json.dumps({"Resources": resources, "Outputs": outputs})
    )
    # When the commands target it by name
    target = aws_target("prod-articles", Template.load())
    # Then every resource resolves to the deployed one, with no local endpoint
    assert target.endpoint is None
    assert target.resources.inbox_bucket in [b["Name"] for b in boto3.client("s3").list_buckets()["Buckets"]]
    assert target.resources.topic_arn.startswith("arn:aws:sns:us-east-1:")
    sqs = boto3.client("sqs")
    for url in (target.resources.ingest_queue_url, target.resources.dead_letter_queue_url):
        assert "QueueArn" in sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    assert set(Template.load().body["Outputs"]) >= set(outputs)
