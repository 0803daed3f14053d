"""What every command shares: --stack and --port (before or after the command name), and the
template, stack and notice journal they name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from article_ingest_local.notices_journal import NoticeJournal, notice_journal
from article_ingest_local.session import (
    DEFAULT_PORT,
    StackTarget,
    aws_target,
    local_target,
    resolve_endpoint,
    state_base,
)
from article_ingest_local.template import Template

PORT = click.IntRange(1, 65535)
STACK_HELP = "A deployed stack's name: talk to real AWS instead of the local stack."
PORT_HELP = f"Local stack port (default $AWS_ENDPOINT_URL or {DEFAULT_PORT})."
UI_PORT = 8765  # the reader page's default port

Command = TypeVar("Command", bound=Callable[..., Any])


def template_of(ctx: click.Context) -> Template:
    """The template given with --template, else the project's."""
    path = ctx.obj.get("template")
    return Template.load(Path(path) if path else None)


def target_of(ctx: click.Context) -> StackTarget:
    """The deployed stack named by --stack, else the local stack at --port or $AWS_ENDPOINT_URL
    (remembered in ctx.obj for the one-line errors)."""
    template = template_of(ctx)
    stack = ctx.obj.get("stack")
    if stack:
        return aws_target(stack, template)
    endpoint = resolve_endpoint(ctx.obj.get("port"))
    ctx.obj.update(endpoint=endpoint.url, port=endpoint.port)
    return local_target(template, endpoint)


def journal_of(ctx: click.Context, target: StackTarget) -> NoticeJournal:
    """The journal of the notices `target` has sent."""
    return notice_journal(target, state_base(template_of(ctx)))


def _remember(name: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        if value is not None:
            ctx.ensure_object(dict)[name] = value
        return value

    return callback


def stack_options(command: Command) -> Command:
    """--stack and --port after the command name too (`article-ingest up --port 5001`)."""
    command = click.option("--stack", expose_value=False, callback=_remember("stack"), help=STACK_HELP)(
        command
    )
    return click.option("--port", type=PORT, expose_value=False, callback=_remember("port"), help=PORT_HELP)(
        command
    )
