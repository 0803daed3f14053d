"""Commands that run or watch a stack: up, ui, status, demo."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from pathlib import Path
from typing import Any

import click

from article_ingest_local import display
from article_ingest_local.cli.context import (
    PORT,
    UI_PORT,
    journal_of,
    stack_options,
    target_of,
    template_of,
)
from article_ingest_local.local_stack import LocalStack, isolate_from_real_aws
from article_ingest_local.ports import claim, usable_port
from article_ingest_local.reader.server import ReaderApp, serve
from article_ingest_local.session import DEFAULT_PORT, StackTarget, resolve_endpoint, state_base
from article_ingest_local.status import changes, stack_status, ticks
from article_ingest_local.uploads import collect_files

DEMO_TIMEOUT_SECONDS = 120
DEMO_RETRY_DELAY_SECONDS = 2  # the demo's samples never fail; a retry, if any, comes quickly
STATUS_EVERY_SECONDS = 2.0  # how often `up` checks for progress to show
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _echo(line: str) -> None:
    click.echo(line, err=True)


@click.command()
@click.option(
    "--retry-delay", default=5, show_default=True, help="Seconds before a failed message is retried."
)
@click.option("--concurrency", default=1, show_default=True, help="Pollers running the function at once.")
@click.option("--fresh", is_flag=True, help="Start empty: forget the state a previous `up` saved.")
@click.option("--ui-port", type=PORT, default=UI_PORT, show_default=True, help="The reader page's port.")
@click.option(
    "--log-level",
    default="INFO",
    show_default=True,
    type=click.Choice(LOG_LEVELS, case_sensitive=False),
    help="The function's log level.",
)
@stack_options
@click.pass_context
def up(  # noqa: PLR0917 - click passes one argument per option
    ctx: click.Context, retry_delay: int, concurrency: int, log_level: str, fresh: bool, ui_port: int
) -> None:
    """Start the local stack (moto server on 127.0.0.1) and run the function until Ctrl-C.

    What the stack holds is saved under the state folder when it stops, and restored when it
    starts again on the same port (`--fresh` starts empty)."""
    stack = _start_stack(
        ctx, retry_delay=retry_delay, concurrency=concurrency, log_level=log_level, fresh=fresh
    )
    stack.run_pollers()
    reader, _ = serve(_reader_app(ctx, stack.target), usable_port(ui_port))
    _echo(f"reader page: http://127.0.0.1:{reader.server_address[1]}/")
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    _echo(f"function logs and metrics: {stack.function_log}")
    flag = "" if stack.port == DEFAULT_PORT else f" --port {stack.port}"
    _echo(f"ready: local stack at {stack.endpoint}; drop files with `article-ingest{flag} drop PATH`")
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C stops the stack as SIGTERM does
        _show_progress(stack.target, stopped)
    _echo("stopping")
    reader.shutdown()
    stack.stop()


@click.command()
@click.option("--ui-port", type=PORT, default=UI_PORT, show_default=True, help="The reader page's port.")
@stack_options
@click.pass_context
def ui(ctx: click.Context, ui_port: int) -> None:
    """Serve the reader page for a running stack (local, or --stack) on 127.0.0.1 until Ctrl-C."""
    target = target_of(ctx)
    target.dynamodb().describe_table(TableName=target.resources.articles_table)  # it answers, or one line
    claim(ui_port)
    server, thread = serve(_reader_app(ctx, target), ui_port)
    _echo(f"reader page: http://127.0.0.1:{ui_port}/ (read only; Ctrl-C stops)")
    try:
        thread.join()
    except KeyboardInterrupt:
        server.shutdown()


@click.command()
@stack_options
@click.pass_context
def status(ctx: click.Context) -> None:
    """Documents stored and rejected, messages queued and dead-lettered."""
    target = target_of(ctx)
    click.echo(stack_status(target.dynamodb(), target.sqs(), target.resources).line())


@click.command()
@click.option(
    "--samples", type=click.Path(exists=True, path_type=Path), help="Files to drop (default: samples/)."
)
@click.option(
    "--timeout", default=DEMO_TIMEOUT_SECONDS, show_default=True, help="Seconds to wait for processing."
)
@stack_options
@click.pass_context
def demo(ctx: click.Context, samples: Path | None, timeout: int) -> None:
    """Stack up, drop the samples, wait for every article and notice, show them, stack down."""
    if ctx.obj.get("port") is None:  # the demo runs its own stack: any free port will do
        ctx.obj["port"] = usable_port(resolve_endpoint().port)
    stack = _start_stack(
        ctx, retry_delay=DEMO_RETRY_DELAY_SECONDS, concurrency=1, log_level="INFO", fresh=True
    )
    try:
        stack.run_pollers()
        files = collect_files([samples or stack.template.root / "samples"]).files
        _echo(f"local stack up at {stack.endpoint}; dropping {len(files)} sample file(s)")
        stack.drop(files)
        settled = stack.wait_until_settled(len(files), journal_of(ctx, stack.target), timeout_seconds=timeout)
        display.print_table(display.articles_table(settled.items))
        display.print_table(display.notices_table(settled.notices))
        _echo(f"function logs and metrics: {stack.function_log}")
        if len(settled.items) < len(files):
            _echo(f"only {len(settled.items)} of {len(files)} files processed in {timeout}s")
            sys.exit(1)
    finally:
        stack.stop()


def _start_stack(
    ctx: click.Context, *, retry_delay: int, concurrency: int, log_level: str, fresh: bool
) -> LocalStack:
    """The local stack on --port (or $AWS_ENDPOINT_URL's), started from its saved state."""
    isolate_from_real_aws()
    port = resolve_endpoint(ctx.obj.get("port")).port
    claim(port)
    template = template_of(ctx)
    stack = LocalStack(template, port=port, retry_delay_seconds=retry_delay, concurrency=concurrency)
    restored = stack.start_saved(state_base(template), fresh=fresh, log_level=log_level)
    if restored.problem:
        _echo(f"could not restore the saved state, starting empty: {restored.problem}")
    elif restored.loaded:
        _echo(f"restored the state saved in {stack.state_folder} (`up --fresh` starts empty)")
    return stack


def _show_progress(target: StackTarget, stopped: threading.Event) -> None:
    """The stack's counts, a line each time they change, until `stopped` is set."""
    dynamodb, sqs = target.dynamodb(), target.sqs()
    lines = (
        stack_status(dynamodb, sqs, target.resources).line() for _ in ticks(STATUS_EVERY_SECONDS, stopped)
    )
    for line in changes(lines):
        _echo(line)


def _reader_app(ctx: click.Context, target: StackTarget) -> ReaderApp:
    journal = journal_of(ctx, target)

    def notices() -> list[dict[str, Any]]:
        journal.drain()
        return journal.read()

    return ReaderApp(target, notices)


COMMANDS = (up, ui, status, demo)
