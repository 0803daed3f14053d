"""Commands that put work into the stack: drop, redrive, reprocess."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from article_ingest_local.cli.context import stack_options, target_of
from article_ingest_local.redrive import redrive as move_back
from article_ingest_local.redrive import start_native_redrive
from article_ingest_local.reprocess import (
    ReprocessCount,
    ReprocessError,
    Reprocessor,
    Selection,
    StackNames,
    parse_version,
)
from article_ingest_local.session import StackTarget
from article_ingest_local.uploads import INBOX_PREFIX, collect_files, upload_files

INTERRUPTED_EXIT = 130  # the shell's code for a command ended by Ctrl-C


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--prefix", default=INBOX_PREFIX, show_default=True, help="Key prefix in the inbox bucket.")
@stack_options
@click.pass_context
def drop(ctx: click.Context, paths: tuple[Path, ...], prefix: str) -> None:
    """Upload files (or every file in folders, but hidden ones) to the inbox bucket."""
    target = target_of(ctx)
    collected = collect_files(paths)
    if collected.hidden:
        click.echo(f"skipped {len(collected.hidden)} hidden file(s), e.g. {collected.hidden[0]}", err=True)
    bucket = target.resources.inbox_bucket
    keys: list[str] = []
    try:
        upload_files(target.s3(), bucket, collected.files, prefix=prefix, uploaded=keys)
    except KeyboardInterrupt:
        click.echo(
            f"interrupted: {len(keys)} of {len(collected.files)} file(s) went up to s3://{bucket}/{prefix}",
            err=True,
        )
        raise SystemExit(INTERRUPTED_EXIT) from None
    click.echo(f"dropped {len(keys)} file(s) into s3://{bucket}/{prefix}", err=True)


@click.command()
@stack_options
@click.pass_context
def redrive(ctx: click.Context) -> None:
    """Move messages from the dead-letter queue back to the ingest queue."""
    target = target_of(ctx)
    dead_letter_queue_url = target.resources.dead_letter_queue_url
    if ctx.obj.get("stack"):
        handle = start_native_redrive(target.sqs(), dead_letter_queue_url=dead_letter_queue_url)
        click.echo(f"started SQS's move task back to the ingest queue (task {handle[:24]}…)", err=True)
        return
    result = move_back(
        target.sqs(), dead_letter_queue_url=dead_letter_queue_url, queue_url=target.resources.ingest_queue_url
    )
    click.echo(f"redrove {result.moved} message(s)", err=True)


@click.command()
@click.option("--prefix", default="", help="Only keys under this prefix of the inbox bucket.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    help="Only objects last modified at or after this date (UTC).",
)
@click.option(
    "--extractor-older-than",
    metavar="VERSION",
    help='Only objects whose article was made by an older extractor (e.g. "0.2.0"), or has none.',
)
@stack_options
@click.pass_context
def reprocess(
    ctx: click.Context, prefix: str, since: datetime | None, extractor_older_than: str | None
) -> None:
    """Re-queue existing inbox objects so the function extracts and announces them again."""
    if extractor_older_than is not None:
        try:
            parse_version(extractor_older_than)
        except ReprocessError as exc:
            raise click.BadParameter(str(exc), param_hint="--extractor-older-than") from exc
    target = target_of(ctx)
    selection = Selection(
        prefix=prefix,
        since=since.replace(tzinfo=UTC) if since else None,
        extractor_older_than=extractor_older_than,
    )
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("listing", total=None)

        def show(count: ReprocessCount) -> None:
            progress.update(task, description=f"scanned {count.scanned}, queued {count.queued}")

        count = reprocessor_for(target).run(selection, on_progress=show)
    click.echo(
        f"re-queued {count.queued} of {count.scanned} object(s) under "
        f"s3://{target.resources.inbox_bucket}/{prefix} ({count.skipped} skipped, {count.vanished} gone)",
        err=True,
    )


def reprocessor_for(target: StackTarget) -> Reprocessor:
    """A Reprocessor over the stack's inbox, table and ingest queue."""
    resources = target.resources
    return Reprocessor(
        s3=target.s3(),
        dynamodb=target.dynamodb(),
        sqs=target.sqs(),
        names=StackNames(
            bucket=resources.inbox_bucket,
            table=resources.articles_table,
            queue_url=resources.ingest_queue_url,
            region=target.session.region_name or "us-east-1",
        ),
    )


COMMANDS = (drop, redrive, reprocess)
