"""Creates the template's buckets, queues, tables and topic on an emulated AWS (moto server).

moto does not apply a bucket's NotificationConfiguration from CloudFormation, so the
notifications declared on the bucket are set here through the S3 API, as S3 would.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from article_ingest_local.template import Template

if TYPE_CHECKING:
    import boto3

WATCH_QUEUE_SUFFIX = "notices-watch"  # local-only queue subscribed to the topic, for `notices`


def provision(
    template: Template, session: boto3.Session, endpoint: str | None, *, queue_url_base: str | None = None
) -> dict[str, str]:
    """Create every supported resource; returns the resolved stack outputs.

    `queue_url_base` is where queue URLs live: the endpoint for moto's server, AWS's form in-process.
    """
    base = queue_url_base or endpoint or ""
    # Typed loosely: properties come from YAML and are passed through as the APIs expect.
    sqs: Any = session.client("sqs", endpoint_url=endpoint)
    s3: Any = session.client("s3", endpoint_url=endpoint)
    dynamodb: Any = session.client("dynamodb", endpoint_url=endpoint)
    sns: Any = session.client("sns", endpoint_url=endpoint)

    def resolve(value: Any) -> Any:
        return template.resolve(value, queue_url_base=base)

    queues = template.of_type("AWS::SQS::Queue")
    for logical in queues:  # all queues first: redrive policies point at each other
        sqs.create_queue(QueueName=template.physical_name(logical))
    for logical, props in queues.items():
        attributes: dict[str, str] = {
            name: str(props[name])
            for name in ("VisibilityTimeout", "MessageRetentionPeriod")
            if name in props
        }
        if "RedrivePolicy" in props:
            attributes["RedrivePolicy"] = json.dumps(resolve(props["RedrivePolicy"]))
        if attributes:
            sqs.set_queue_attributes(QueueUrl=resolve({"Ref": logical}), Attributes=attributes)

    for logical in template.of_type("AWS::SNS::Topic"):
        sns.create_topic(Name=template.physical_name(logical))

    for logical, props in template.of_type("AWS::DynamoDB::Table").items():
        _create_table(dynamodb, template.physical_name(logical), props)

    for logical, props in template.of_type("AWS::S3::Bucket").items():
        _create_bucket(s3, template.physical_name(logical), resolve(props))
    return template.outputs(queue_url_base=base)


def _create_table(dynamodb: Any, name: str, props: dict[str, Any]) -> None:
    request: dict[str, Any] = {
        "TableName": name,
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
        "BillingMode": props.get("BillingMode", "PAY_PER_REQUEST"),
    }
    if props.get("GlobalSecondaryIndexes"):
        request["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
    dynamodb.create_table(**request)
    ttl = props.get("TimeToLiveSpecification")
    if ttl and ttl.get("Enabled"):
        dynamodb.update_time_to_live(
            TableName=name, TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True}
        )


def _create_bucket(s3: Any, name: str, props: dict[str, Any]) -> None:
    s3.create_bucket(Bucket=name)
    if props.get("VersioningConfiguration", {}).get("Status") == "Enabled":
        s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    if "PublicAccessBlockConfiguration" in props:
        s3.put_public_access_block(
            Bucket=name, PublicAccessBlockConfiguration=props["PublicAccessBlockConfiguration"]
        )
    if "BucketEncryption" in props:
        # CloudFormation says ServerSideEncryptionByDefault where the S3 API says Apply...
        rules = [
            {"ApplyServerSideEncryptionByDefault": rule["ServerSideEncryptionByDefault"]}
            for rule in props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
        ]
        s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": rules})
    queue_configs = props.get("NotificationConfiguration", {}).get("QueueConfigurations", [])
    if queue_configs:
        s3.put_bucket_notification_configuration(
            Bucket=name,
            NotificationConfiguration={"QueueConfigurations": [_queue_config(c) for c in queue_configs]},
        )


def _queue_config(config: dict[str, Any]) -> dict[str, Any]:
    """CloudFormation's QueueConfiguration -> the S3 API's shape."""
    rules = config.get("Filter", {}).get("S3Key", {}).get("Rules", [])
    out: dict[str, Any] = {"QueueArn": config["Queue"], "Events": [config["Event"]]}
    if rules:
        out["Filter"] = {"Key": {"FilterRules": [{"Name": r["Name"], "Value": r["Value"]} for r in rules]}}
    return out


def ensure_watch_queue(session: boto3.Session, endpoint: str | None, topic_arn: str, prefix: str) -> str:
    """A queue subscribed to the topic (raw delivery) from which `notices` reads; returns its URL."""
    sqs = session.client("sqs", endpoint_url=endpoint)
    sns = session.client("sns", endpoint_url=endpoint)
    url = sqs.create_queue(QueueName=f"{prefix}-{WATCH_QUEUE_SUFFIX}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "sns.amazonaws.com"},
                "Action": "sqs:SendMessage",
                "Resource": arn,
                "Condition": {"ArnEquals": {"aws:SourceArn": topic_arn}},
            }
        ],
    }
    sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": json.dumps(policy)})
    sns.subscribe(
        TopicArn=topic_arn,
        Protocol="sqs",
        Endpoint=arn,
        Attributes={"RawMessageDelivery": "true"},
        ReturnSubscriptionArn=True,
    )
    return url
