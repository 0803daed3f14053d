"""A user's mistake or an unreachable stack: one line that says what to do, never a traceback.

`FriendlyGroup` runs every command and turns the failures a person can act on (no stack at the
port, no such deployed stack, no region, no credentials, AWS refusing a call, and the local
package's own `UserError`: a busy port, an unknown id) into a one-line
`click.ClickException` with a non-zero exit; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from typing import Any

import click
from botocore.exceptions import (
    ClientError,
    EndpointConnectionError,
    NoCredentialsError,
    NoRegionError,
)

from article_ingest_local.errors import UserError
from article_ingest_local.session import DEFAULT_PORT

# Error codes AWS and moto give for a queue, table or bucket that the stack should have.
MISSING_RESOURCE_CODES = frozenset(
    {
        "AWS.SimpleQueueService.NonExistentQueue",
        "QueueDoesNotExist",
        "ResourceNotFoundException",
        "NoSuchBucket",
    }
)


def explain(exc: Exception, *, port: int | None, stack: str | None, endpoint: str | None) -> str | None:
    """One line for a failure a person can act on, or None for a bug."""
    if isinstance(exc, EndpointConnectionError):
        if stack:
            return (
                f"cannot reach AWS for stack {stack!r} ({exc.kwargs.get('endpoint_url')}): check the network"
            )
        where = endpoint or "the local endpoint"
        again = f"article-ingest up --port {port}" if port and port != DEFAULT_PORT else "article-ingest up"
        return f"no local stack at {where}: start it with `{again}` (or pass --port)"
    if isinstance(exc, NoRegionError):
        return "no AWS region set: export AWS_REGION (or AWS_DEFAULT_REGION), e.g. AWS_REGION=eu-west-1"
    if isinstance(exc, NoCredentialsError):
        return "no AWS credentials found: configure them (aws configure, AWS_PROFILE), or drop --stack"
    if isinstance(exc, ClientError):
        return _client_error(exc, stack=stack, endpoint=endpoint)
    return None


def _client_error(exc: ClientError, *, stack: str | None, endpoint: str | None) -> str:
    error = exc.response.get("Error", {})
    code, message = error.get("Code", ""), error.get("Message", "")
    operation = exc.operation_name
    if operation == "DescribeStacks" and "does not exist" in message:
        return f"no deployed stack named {stack!r} in this region: check --stack and AWS_REGION"
    if code in MISSING_RESOURCE_CODES:
        where = f"stack {stack!r}" if stack else f"the local stack at {endpoint}"
        return f"{where} lacks a resource of this template ({code}): was it started from another template?"
    return f"AWS refused {operation}: {code}: {message}"


class FriendlyGroup(click.Group):
    """A command group whose commands end in one line for the failures a person can act on."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:  # raised with the very line to show
            raise click.ClickException(str(exc)) from None
        except Exception as exc:  # only those `explain` knows are turned into a line
            obj = ctx.obj or {}
            line = explain(exc, port=obj.get("port"), stack=obj.get("stack"), endpoint=obj.get("endpoint"))
            if line is None:
                raise
            raise click.ClickException(line) from None
