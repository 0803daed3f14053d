"""Integration fixtures: the template's resources under moto's in-process mock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from moto import mock_aws

from article_ingest_local.moto_fidelity import make_dynamodb_writes_atomic
from tests.support.stack import MockStack, build_mock_stack


@pytest.fixture
def aws_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake credentials so nothing can reach a real account."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)


@pytest.fixture
def stack(aws_credentials: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[MockStack]:
    """A fresh stack per test: tables, buckets, queues and topic from template.yaml."""
    make_dynamodb_writes_atomic()  # concurrent tests need DynamoDB's atomic conditional writes
    with mock_aws():
        yield build_mock_stack(monkeypatch)
