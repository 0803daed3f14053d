"""The ingest function's permissions, read from the CloudFormation that SAM deploys."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.sam import of_type, render, translate

# Everything the function may do, and on what: anything more is a finding.
EXPECTED_GRANTS = {
    ("s3:GetObject", "InboxBucket.Arn/*"),
    ("s3:GetObjectVersion", "InboxBucket.Arn/*"),
    ("s3:ListBucket", "InboxBucket.Arn"),
    ("s3:PutObject", "BodiesBucket.Arn/bodies/*"),
    ("dynamodb:PutItem", "ArticlesTable.Arn"),
    ("dynamodb:GetItem", "IdempotencyTable.Arn"),
    ("dynamodb:PutItem", "IdempotencyTable.Arn"),
    ("dynamodb:UpdateItem", "IdempotencyTable.Arn"),
    ("dynamodb:DeleteItem", "IdempotencyTable.Arn"),
    ("sns:Publish", "ArticlesTopic"),
    ("sqs:ReceiveMessage", "IngestQueue.Arn"),
    ("sqs:DeleteMessage", "IngestQueue.Arn"),
    ("sqs:ChangeMessageVisibility", "IngestQueue.Arn"),
    ("sqs:GetQueueAttributes", "IngestQueue.Arn"),
    ("logs:CreateLogStream", "IngestFunctionLogGroup.Arn"),
    ("logs:PutLogEvents", "IngestFunctionLogGroup.Arn"),
    ("xray:PutTraceSegments", "*"),
    ("xray:PutTelemetryRecords", "*"),
}
# Actions AWS defines without resource-level permissions: "*" is their only valid resource.
RESOURCELESS_ACTIONS = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}
PUBLIC_ENDPOINT_TYPES = {
    "AWS::Lambda::Url",
    "AWS::ApiGateway::RestApi",
    "AWS::ApiGatewayV2::Api",
    "AWS::Serverless::Api",
    "AWS::Serverless::HttpApi",
}


@pytest.fixture(scope="module")
def cloudformation() -> dict[str, Any]:
    return translate()


def _function_role(cloudformation: dict[str, Any]) -> dict[str, Any]:
    (function,) = of_type(cloudformation, "AWS::Lambda::Function").values()
    role_logical_id = function["Properties"]["Role"]["Fn::GetAtt"][0]
    role: dict[str, Any] = cloudformation["Resources"][role_logical_id]
    return role


def _statements(role: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        statement
        for policy in role["Properties"].get("Policies", [])
        for statement in policy["PolicyDocument"]["Statement"]
    ]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _grants(role: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (action, render(resource))
        for statement in _statements(role)
        if statement["Effect"] == "Allow"
        for action in _as_list(statement["Action"])
        for resource in _as_list(statement["Resource"])
    }


def test_the_function_role_grants_exactly_the_expected_actions_on_its_own_resources(
    cloudformation: dict[str, Any],
) -> None:
    # Given the role the deployed function runs with / Then it grants these pairs and no others
    assert _grants(_function_role(cloudformation)) == EXPECTED_GRANTS


def test_the_function_role_has_no_managed_policies_and_no_wildcard_actions(
    cloudformation: dict[str, Any],
) -> None:
    # Given the role / Then no managed policy widens it, and no action is a wildcard
    role = _function_role(cloudformation)
    assert role["Properties"].get("ManagedPolicyArns", []) == []
    assert all("*" not in action for action, _ in _grants(role))


def test_only_actions_without_resource_level_permissions_use_a_wildcard_resource(
    cloudformation: dict[str, Any],
) -> None:
    # Given the role's grants / Then "*" appears only where AWS allows nothing narrower
    wildcard = {action for action, resource in _grants(_function_role(cloudformation)) if resource == "*"}
    assert wildcard <= RESOURCELESS_ACTIONS


def test_only_lambda_in_this_account_may_assume_the_function_role(cloudformation: dict[str, Any]) -> None:
    # Given the role's trust policy / Then it trusts the Lambda service alone, for this account
    (statement,) = _function_role(cloudformation)["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Principal"] == {"Service": "lambda.amazonaws.com"}
    assert statement["Condition"]["StringEquals"]["aws:SourceAccount"] == {"Ref": "AWS::AccountId"}


def test_the_function_has_no_url_no_api_and_no_public_invoke_permission(
    cloudformation: dict[str, Any],
) -> None:
    # Given the deployed resources / Then nothing exposes the function to callers outside the queue
    types = {resource["Type"] for resource in cloudformation["Resources"].values()}
    assert types.isdisjoint(PUBLIC_ENDPOINT_TYPES)
    assert of_type(cloudformation, "AWS::Lambda::Permission") == {}
    mappings = of_type(cloudformation, "AWS::Lambda::EventSourceMapping").values()
    assert [render(m["Properties"]["EventSourceArn"]) for m in mappings] == ["IngestQueue.Arn"]
