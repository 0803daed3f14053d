"""Where the commands find the stack: a local moto endpoint or a deployed CloudFormation stack."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import boto3

from article_ingest.aws.body_store import BodyStore
from article_ingest.aws.dynamodb_store import ArticleStore
from article_ingest_local.errors import UserError
from article_ingest_local.resources import StackResources
from article_ingest_local.template import LOCAL_REGION, Template

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient

DEFAULT_PORT = 5000
# moto accepts any credentials; these keep boto3 from looking for (or using) real ones locally.
LOCAL_CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@dataclass(frozen=True, slots=True)
class LocalEndpoint:
    """Where a local stack answers: the URL clients call, and the port its server listens on."""

    url: str
    port: int

    @classmethod
    def loopback(cls, port: int) -> LocalEndpoint:
        """The local stack on 127.0.0.1 at `port` (where `up` binds it)."""
        return cls(url=f"http://127.0.0.1:{port}", port=port)

    @classmethod
    def from_url(cls, url: str) -> LocalEndpoint:
        """`url` as given; its port, or DEFAULT_PORT when it names none."""
        try:
            port = urlsplit(url).port
        except ValueError as exc:
            raise UserError(f"AWS_ENDPOINT_URL {url!r} is not a URL with a port: {exc}") from None
        return cls(url=url, port=port or DEFAULT_PORT)

    @property
    def stack_name(self) -> str:
        """The local stack's name, which names its state folder and watch queue."""
        return f"local-{self.port}"


def resolve_endpoint(port: int | None = None, environ: Mapping[str, str] = os.environ) -> LocalEndpoint:
    """The local stack's endpoint: `--port`, else $AWS_ENDPOINT_URL, else 127.0.0.1:5000.

    The one place that turns the option or the variable into an endpoint and a port."""
    if port is not None:
        return LocalEndpoint.loopback(port)
    configured = environ.get("AWS_ENDPOINT_URL")
    return LocalEndpoint.from_url(configured) if configured else LocalEndpoint.loopback(DEFAULT_PORT)


@dataclass(frozen=True)
class StackTarget:
    """A session, an endpoint (None on AWS) and the stack's resources."""

    session: boto3.Session
    endpoint: str | None
    resources: StackResources
    name: str
    bodies_prefix: str  # where the function writes bodies too large for an item

    def s3(self) -> S3Client:
        """A client of the stack's S3 (the inbox and bodies buckets)."""
        return self.session.client("s3", endpoint_url=self.endpoint)

    def dynamodb(self) -> DynamoDBClient:
        """A client of the stack's DynamoDB (the articles table)."""
        return self.session.client("dynamodb", endpoint_url=self.endpoint)

    def sqs(self) -> SQSClient:
        """A client of the stack's SQS (the ingest, dead-letter and watch queues)."""
        return self.session.client("sqs", endpoint_url=self.endpoint)

    def article_store(self) -> ArticleStore:
        """The articles table (and the bodies bucket behind it), read through the very adapters
        the function writes with."""
        bodies = BodyStore(self.s3(), bucket=self.resources.bodies_bucket, prefix=self.bodies_prefix)
        return ArticleStore(self.dynamodb(), table=self.resources.articles_table, bodies=bodies)

    def state_dir(self, base: Path) -> Path:
        """Where this stack's received notices are journaled."""
        folder = base / self.name
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def local_target(template: Template, endpoint: LocalEndpoint) -> StackTarget:
    """The local stack at `endpoint` (names are derived from the template, so nothing is stored)."""
    session = boto3.Session(
        region_name=LOCAL_REGION,
        aws_access_key_id=LOCAL_CREDENTIALS["aws_access_key_id"],
        aws_secret_access_key=LOCAL_CREDENTIALS["aws_secret_access_key"],
    )
    resources = StackResources.from_outputs(template.outputs(queue_url_base=endpoint.url))
    return StackTarget(
        session=session,
        endpoint=endpoint.url,
        resources=resources,
        name=endpoint.stack_name,
        bodies_prefix=template_bodies_prefix(template),
    )


def template_bodies_prefix(template: Template) -> str:
    """The function's BODIES_PREFIX, as the template sets it."""
    return template.function().environment["BODIES_PREFIX"]


def aws_target(stack_name: str, template: Template) -> StackTarget:
    """A deployed stack (of `template`), found through CloudFormation with the normal credential
    chain."""
    # boto3 reads AWS_DEFAULT_REGION; AWS_REGION (what Lambda and most tools set) is honoured too.
    session = boto3.Session(region_name=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION"))
    cloudformation = session.client("cloudformation")
    stack = cloudformation.describe_stacks(StackName=stack_name)["Stacks"][0]
    outputs = {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}
    return StackTarget(
        session=session,
        endpoint=None,
        resources=StackResources.from_outputs(outputs),
        name=stack_name,
        bodies_prefix=template_bodies_prefix(template),
    )


def state_base(template: Template) -> Path:
    """$ARTICLE_INGEST_STATE_DIR, else .article-ingest/ beside the template."""
    configured = os.environ.get("ARTICLE_INGEST_STATE_DIR")
    return Path(configured) if configured else template.root / ".article-ingest"
