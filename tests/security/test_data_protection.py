"""Encryption at rest, TLS in transit and no public access, for every data resource."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.sam import of_type, render, sam_document

PUBLIC_ACCESS_FLAGS = ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
# Resource type -> (its policy's type, the property naming what the policy applies to)
POLICIES = {
    "AWS::S3::Bucket": ("AWS::S3::BucketPolicy", "Bucket"),
    "AWS::SQS::Queue": ("AWS::SQS::QueuePolicy", "Queues"),
    "AWS::SNS::Topic": ("AWS::SNS::TopicPolicy", "Topics"),
}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return sam_document()


def _denies_insecure_transport(statement: dict[str, Any]) -> bool:
    condition = statement.get("Condition", {}).get("Bool", {})
    return (
        statement["Effect"] == "Deny"
        and statement["Principal"] in ("*", {"AWS": "*"})
        and str(condition.get("aws:SecureTransport")).lower() == "false"
    )


def _policies_of(template: dict[str, Any], logical_id: str) -> list[dict[str, Any]]:
    resource_type = template["Resources"][logical_id]["Type"]
    policy_type, target = POLICIES[resource_type]
    out = []
    for policy in of_type(template, policy_type).values():
        targets = policy["Properties"][target]
        if logical_id in [render(t) for t in (targets if isinstance(targets, list) else [targets])]:
            out.append(policy["Properties"]["PolicyDocument"])
    return out


def _logical_ids(resource_type: str) -> list[str]:
    return sorted(of_type(sam_document(), resource_type))


@pytest.mark.parametrize("bucket", _logical_ids("AWS::S3::Bucket"))
def test_every_bucket_blocks_public_access_and_acls(template: dict[str, Any], bucket: str) -> None:
    # Given a bucket / Then all four public access blocks are on and ACLs are disabled
    props = template["Resources"][bucket]["Properties"]
    assert all(props["PublicAccessBlockConfiguration"][flag] is True for flag in PUBLIC_ACCESS_FLAGS)
    assert props["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]


@pytest.mark.parametrize("bucket", _logical_ids("AWS::S3::Bucket"))
def test_every_bucket_encrypts_at_rest_and_refuses_plain_http(template: dict[str, Any], bucket: str) -> None:
    # Given a bucket / Then it has default encryption and a policy denying non-TLS access to it
    # and to its objects
    props = template["Resources"][bucket]["Properties"]
    assert props["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]
    denied = [
        {render(r) for r in statement["Resource"]}
        for policy in _policies_of(template, bucket)
        for statement in policy["Statement"]
        if _denies_insecure_transport(statement)
    ]
    assert {f"{bucket}.Arn", f"{bucket}.Arn/*"} in denied


@pytest.mark.parametrize("resource", _logical_ids("AWS::SQS::Queue") + _logical_ids("AWS::SNS::Topic"))
def test_every_queue_and_topic_encrypts_at_rest_and_refuses_plain_http(
    template: dict[str, Any], resource: str
) -> None:
    # Given a queue or topic / Then it is encrypted and its policy denies non-TLS access
    props = template["Resources"][resource]["Properties"]
    assert props.get("SqsManagedSseEnabled") is True or props.get("KmsMasterKeyId")
    statements = [s for policy in _policies_of(template, resource) for s in policy["Statement"]]
    assert any(_denies_insecure_transport(s) for s in statements)


@pytest.mark.parametrize("table", _logical_ids("AWS::DynamoDB::Table"))
def test_every_table_encrypts_at_rest_and_can_be_restored(template: dict[str, Any], table: str) -> None:
    # Given a table / Then server-side encryption and point-in-time recovery are on
    props = template["Resources"][table]["Properties"]
    assert props["SSESpecification"]["SSEEnabled"] is True
    assert props["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True


@pytest.mark.parametrize("bucket", ["InboxBucket", "BodiesBucket"])
def test_the_data_buckets_log_access(template: dict[str, Any], bucket: str) -> None:
    # Given a bucket holding documents or bodies / Then its server access is logged
    logging = template["Resources"][bucket]["Properties"]["LoggingConfiguration"]
    assert render(logging["DestinationBucketName"]) == "AccessLogsBucket"
