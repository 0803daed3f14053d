"""Where the commands find the stack: a local moto endpoint or a deployed CloudFormation stack."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import boto3

from article_ingest.aws.body_store import BodyStore
from article_ingest.aws.dynamodb_store import ArticleStore
from article_ingest_local.resources import StackResources
from article_ingest_local.template import LOCAL_REGION, Template

DEFAULT_PORT = 5000
# moto accepts any credentials; these keep boto3 from looking for (or using) real ones locally.
LOCAL_CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def port_of(endpoint: str) -> int | None:
    """The port of an http://host:port endpoint, if it names one."""
    tail = endpoint.rstrip("/").rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def local_endpoint(port: int | None = None) -> str:
    """The local stack's endpoint: `--port`, else $AWS_ENDPOINT_URL, else 127.0.0.1:5000."""
    if port is not None:
        return f"http://127.0.0.1:{port}"
    return os.environ.get("AWS_ENDPOINT_URL") or f"http://127.0.0.1:{DEFAULT_PORT}"


@dataclass(frozen=True)
class StackTarget:
    """A session, an endpoint (None on AWS) and the stack's resources."""

    session: boto3.Session
    endpoint: str | None
    resources: StackResources
    name: str
    bodies_prefix: str  # where the function writes bodies too large for an item

    def client(self, service: str) -> object:
        return self.session.client(service, endpoint_url=self.endpoint)  # type: ignore[call-overload]

    def article_store(self) -> ArticleStore:
        """The articles table (and the bodies bucket behind it), read through the very adapters
        the function writes with."""
        s3 = self.session.client("s3", endpoint_url=self.endpoint)
        bodies = BodyStore(s3, bucket=self.resources.bodies_bucket, prefix=self.bodies_prefix)
        dynamodb = self.session.client("dynamodb", endpoint_url=self.endpoint)
        return ArticleStore(dynamodb, table=self.resources.articles_table, bodies=bodies)

    def state_dir(self, base: Path) -> Path:
        """Where this stack's received notices are journaled."""
        folder = base / self.name
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def local_target(template: Template, endpoint: str) -> StackTarget:
    """The local stack at `endpoint` (names are derived from the template, so nothing is stored)."""
    session = boto3.Session(
        region_name=LOCAL_REGION,
        aws_access_key_id=LOCAL_CREDENTIALS["aws_access_key_id"],
        aws_secret_access_key=LOCAL_CREDENTIALS["aws_secret_access_key"],
    )
    resources = StackResources.from_outputs(template.outputs(queue_url_base=endpoint))
    port = endpoint.rsplit(":", 1)[-1].strip("/")
    return StackTarget(
        session=session,
        endpoint=endpoint,
        resources=resources,
        name=f"local-{port}",
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
