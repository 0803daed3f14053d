"""The `article-ingest` group: its global options, and every command group's commands."""

from __future__ import annotations

import click

from article_ingest import __version__
from article_ingest_local.cli.articles import COMMANDS as ARTICLES_COMMANDS
from article_ingest_local.cli.context import PORT, PORT_HELP, STACK_HELP
from article_ingest_local.cli.extract import COMMANDS as EXTRACT_COMMANDS
from article_ingest_local.cli.inbox import COMMANDS as INBOX_COMMANDS
from article_ingest_local.cli.stack import COMMANDS as STACK_COMMANDS
from article_ingest_local.user_errors import FriendlyGroup


@click.group(cls=FriendlyGroup)
@click.version_option(__version__, prog_name="article-ingest")
@click.option("--stack", help=STACK_HELP)
@click.option("--port", type=PORT, help=PORT_HELP)
@click.option("--template", type=click.Path(exists=True, dir_okay=False), help="Path to template.yaml.")
@click.pass_context
def main(ctx: click.Context, stack: str | None, port: int | None, template: str | None) -> None:
    """article-ingest: S3 drop -> extraction -> DynamoDB + SNS, locally or on AWS."""
    ctx.ensure_object(dict)
    ctx.obj.update(stack=stack, port=port, template=template)


for command in (*STACK_COMMANDS, *INBOX_COMMANDS, *ARTICLES_COMMANDS, *EXTRACT_COMMANDS):
    main.add_command(command)
