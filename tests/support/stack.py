"""The template's stack inside moto's in-process mock, with the real handler loaded from it."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import boto3

from article_ingest.aws.dynamodb_store import ArticleStore
from article_ingest.models.items import ArticleItem
from article_ingest_local.lambda_runtime import load_handler, new_context
from article_ingest_local.provision import ensure_watch_queue, provision
from article_ingest_local.resources import StackResources
from article_ingest_local.session import StackTarget, template_bodies_prefix
from article_ingest_local.template import LOCAL_REGION, Template

MOCK_QUEUE_URL_BASE = f"https://sqs.{LOCAL_REGION}.amazonaws.com"


@dataclass
class MockStack:
    """Resources created from template.yaml, clients on them, and the loaded handler module."""

    template: Template
    resources: StackResources
    session: boto3.Session
    watch_queue_url: str
    app: ModuleType
    store: ArticleStore  # read through the adapters the function writes with, as the CLI reads

    def client(self, service: str) -> Any:
        """A client of any service on the mocked account (boto3's typed overloads want a literal
        name; the tests ask for whichever they need)."""
        make_client: Callable[..., Any] = self.session.client
        return make_client(service, region_name=LOCAL_REGION)

    def invoke(self, event: dict[str, Any]) -> dict[str, Any]:
        spec = self.template.function()
        result: dict[str, Any] = self.app.lambda_handler(event, new_context(spec, "ingest"))
        return result

    def put(self, key: str, body: bytes, **extra: Any) -> dict[str, Any]:
        """Upload to the inbox; returns PutObject's response (VersionId, ETag)."""
        response: dict[str, Any] = self.client("s3").put_object(
            Bucket=self.resources.inbox_bucket, Key=key, Body=body, **extra
        )
        return response

    def item(self, article_id: str) -> ArticleItem | None:
        """One item, whole (an overflowed body read back from the bodies bucket)."""
        return self.store.get(article_id)

    def items(self) -> list[ArticleItem]:
        """Every item, as the table holds it."""
        return list(self.store.scan())

    def notices(self) -> list[dict[str, Any]]:
        """Drain the watch queue (raw SNS delivery) and return the notice documents."""
        return self.drain(self.watch_queue_url)

    def announced(self) -> list[dict[str, Any]]:
        """Drain the ingest queue and return the S3 event documents the bucket sent it."""
        return self.drain(self.resources.ingest_queue_url)

    def drain(self, queue_url: str) -> list[dict[str, Any]]:
        """Receive and delete every message of a queue; returns their JSON bodies."""
        sqs = self.client("sqs")
        out: list[dict[str, Any]] = []
        while True:
            messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
            if not messages:
                return out
            for message in messages:
                out.append(json.loads(message["Body"]))
                sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])


def build_mock_stack(monkeypatch: Any) -> MockStack:
    """Provision the template under an active mock_aws and load the handler with its env."""
    template = Template.load()
    session = boto3.Session(region_name=LOCAL_REGION)
    outputs = provision(template, session, None, queue_url_base=MOCK_QUEUE_URL_BASE)
    resources = StackResources.from_outputs(outputs)
    watch = ensure_watch_queue(session, None, resources.topic_arn, "test")
    spec = template.function()
    for name, value in spec.environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "true")
    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "true")
    monkeypatch.setenv("POWERTOOLS_LOG_LEVEL", "WARNING")
    handler = load_handler(spec, {})
    app = sys.modules[handler.__module__]
    reader = StackTarget(session, None, resources, "test", bodies_prefix=template_bodies_prefix(template))
    return MockStack(template, resources, session, watch, app, reader.article_store())
