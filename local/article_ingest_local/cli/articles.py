"""Commands that read what the stack made: articles, show, notices."""

from __future__ import annotations

import json

import click

from article_ingest_local import display
from article_ingest_local.cli.context import journal_of, stack_options, target_of
from article_ingest_local.lookup import find_item

FORMATS = click.Choice(["json", "markdown", "text"])


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@stack_options
@click.pass_context
def articles(ctx: click.Context, as_json: bool) -> None:
    """List every item, stored and rejected."""
    items = list(target_of(ctx).article_store().scan())
    if as_json:
        click.echo(json.dumps([item.to_attributes() for item in items], ensure_ascii=False, indent=2))
    else:
        display.print_table(display.articles_table(items))


@click.command()
@click.argument("article_id")
@click.option(
    "--format", "body_format", type=FORMATS, default="json", show_default=True, help="How to print it."
)
@stack_options
@click.pass_context
def show(ctx: click.Context, article_id: str, body_format: str) -> None:
    """Print one item in full (an id prefix from `articles` is enough): the item as JSON, or the
    article rendered for reading (`--format markdown` or `text`)."""
    item = find_item(target_of(ctx).article_store(), article_id)
    if body_format == "json":
        click.echo(json.dumps(item.to_attributes(), ensure_ascii=False, indent=2))
    else:
        display.print_article(item.to_attributes(), body_format=body_format)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array of the notice documents.")
@click.option("--follow", is_flag=True, help="Keep printing notices as they arrive (Ctrl-C stops).")
@stack_options
@click.pass_context
def notices(ctx: click.Context, as_json: bool, follow: bool) -> None:
    """Print the SNS notices received."""
    journal = journal_of(ctx, target_of(ctx))
    journal.drain()
    if follow:
        try:
            for notice in journal.follow():
                click.echo(json.dumps(notice, ensure_ascii=False) if as_json else display.notice_line(notice))
        except KeyboardInterrupt:
            pass
    elif as_json:
        click.echo(json.dumps(journal.read(), ensure_ascii=False, indent=2))
    else:
        display.print_table(display.notices_table(journal.read()))


COMMANDS = (articles, show, notices)
