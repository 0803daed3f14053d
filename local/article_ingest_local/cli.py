"""The `article-ingest` command: run the local stack, drop files, read articles and notices."""

from __future__ import annotations

import json
import signal
import socket
import sys
import threading
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from article_ingest import __version__
from article_ingest.extraction import RejectedDocumentError, extract
from article_ingest.models.items import ArticleItem
from article_ingest_local import display
from article_ingest_local.local_stack import LocalStack, isolate_from_real_aws
from article_ingest_local.notices_journal import NoticeJournal
from article_ingest_local.provision import ensure_watch_queue
from article_ingest_local.reader.server import ReaderApp, serve
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
from article_ingest_local.session import (
    DEFAULT_PORT,
    StackTarget,
    aws_target,
    local_endpoint,
    local_target,
    port_of,
    state_base,
)
from article_ingest_local.snapshot import forget_state
from article_ingest_local.status import stack_status
from article_ingest_local.template import Template
from article_ingest_local.uploads import INBOX_PREFIX, collect_files, upload_files
from article_ingest_local.user_errors import FriendlyGroup

DEMO_TIMEOUT_SECONDS = 120
STATUS_EVERY_SECONDS = 2.0  # how often `up` checks for progress to show
UI_PORT = 8765  # the reader page's default port
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
FUNCTION_LOG_NAME = "function.log"  # the function's stdout, as CloudWatch Logs would hold it


def _template(ctx: click.Context) -> Template:
    path = ctx.obj.get("template")
    return Template.load(Path(path) if path else None)


def _target(ctx: click.Context) -> StackTarget:
    template = _template(ctx)
    stack = ctx.obj.get("stack")
    if stack:
        return aws_target(stack, template)
    ctx.obj["endpoint"] = local_endpoint(ctx.obj.get("port"))
    ctx.obj["port"] = ctx.obj.get("port") or port_of(ctx.obj["endpoint"])
    return local_target(template, ctx.obj["endpoint"])


PORT = click.IntRange(1, 65535)
STACK_HELP = "A deployed stack's name: talk to real AWS instead of the local stack."
PORT_HELP = f"Local stack port (default $AWS_ENDPOINT_URL or {DEFAULT_PORT})."


def _remember(name: str) -> Any:
    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        if value is not None:
            ctx.ensure_object(dict)[name] = value
        return value

    return callback


def stack_options(command: Any) -> Any:
    """--stack and --port after the command name too (`article-ingest up --port 5001`)."""
    command = click.option("--stack", expose_value=False, callback=_remember("stack"), help=STACK_HELP)(
        command
    )
    return click.option("--port", type=PORT, expose_value=False, callback=_remember("port"), help=PORT_HELP)(
        command
    )


def _journal(ctx: click.Context, target: StackTarget) -> NoticeJournal:
    queue_url = ensure_watch_queue(target.session, target.endpoint, target.resources.topic_arn, target.name)
    folder = target.state_dir(state_base(_template(ctx)))
    return NoticeJournal(target.client("sqs"), queue_url, folder)


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


@main.command()
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
    reader, _ = serve(_reader_app(ctx, stack.target), _usable_port(ui_port))
    click.echo(f"reader page: http://127.0.0.1:{reader.server_address[1]}/", err=True)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    click.echo(f"function logs and metrics: {stack.function_log}", err=True)
    flag = "" if stack.port == DEFAULT_PORT else f" --port {stack.port}"
    click.echo(
        f"ready: local stack at {stack.endpoint}; drop files with `article-ingest{flag} drop PATH`", err=True
    )
    dynamodb, sqs = stack.target.client("dynamodb"), stack.target.client("sqs")
    shown = ""
    try:
        while not stopped.wait(STATUS_EVERY_SECONDS):
            line = stack_status(dynamodb, sqs, stack.target.resources).line()
            if line != shown:  # progress on the terminal, one line per change
                click.echo(line, err=True)
                shown = line
    except KeyboardInterrupt:
        pass
    click.echo("stopping", err=True)
    reader.shutdown()
    stack.stop()


def _reader_app(ctx: click.Context, target: StackTarget) -> ReaderApp:
    journal = _journal(ctx, target)

    def notices() -> list[dict[str, Any]]:
        journal.drain()
        return journal.read()

    return ReaderApp(target, notices)


@main.command()
@click.option("--ui-port", type=PORT, default=UI_PORT, show_default=True, help="The reader page's port.")
@stack_options
@click.pass_context
def ui(ctx: click.Context, ui_port: int) -> None:
    """Serve the reader page for a running stack (local, or --stack) on 127.0.0.1 until Ctrl-C."""
    target = _target(ctx)
    dynamodb: Any = target.client("dynamodb")
    dynamodb.describe_table(TableName=target.resources.articles_table)  # the stack answers, or one line
    _claim(ui_port)
    server, thread = serve(_reader_app(ctx, target), ui_port)
    click.echo(f"reader page: http://127.0.0.1:{ui_port}/ (read only; Ctrl-C stops)", err=True)
    try:
        thread.join()
    except KeyboardInterrupt:
        server.shutdown()


@main.command()
@stack_options
@click.pass_context
def status(ctx: click.Context) -> None:
    """Documents stored and rejected, messages queued and dead-lettered."""
    target = _target(ctx)
    click.echo(stack_status(target.client("dynamodb"), target.client("sqs"), target.resources).line())


def _is_free(port: int) -> bool:
    """Whether a server could listen on the loopback port now. Probed as moto's and the reader
    page's servers bind (SO_REUSEADDR): a port whose last connections linger in TIME_WAIT is free."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _usable_port(preferred: int) -> int:
    """`preferred` if nothing listens on it, else a free loopback port."""
    if _is_free(preferred):
        return preferred
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _claim(port: int) -> None:
    """Fail at once, touching nothing, if the port is taken (moto's server would hang on it)."""
    if not _is_free(port):
        raise click.ClickException(
            f"port {port} is in use (another `article-ingest up`?): stop it, or start on another "
            f"port with `article-ingest up --port {port + 1}`"
        )


def _start_stack(
    ctx: click.Context, *, retry_delay: int, concurrency: int, log_level: str, fresh: bool
) -> LocalStack:
    isolate_from_real_aws()
    port = ctx.obj.get("port") or port_of(local_endpoint()) or DEFAULT_PORT
    _claim(port)
    template = _template(ctx)
    stack = LocalStack(template, port=port, retry_delay_seconds=retry_delay, concurrency=concurrency)
    state = stack.target.state_dir(state_base(template))
    stack.function_log = state / FUNCTION_LOG_NAME
    if fresh:  # forget the saved state, the notices received and the function's old output
        forget_state(state)
        stack.function_log.unlink(missing_ok=True)
    restored = stack.start(log_level=log_level, state_folder=state)
    if fresh:
        _journal(ctx, stack.target).reset()
    if restored.problem:
        click.echo(f"could not restore the saved state, starting empty: {restored.problem}", err=True)
    elif restored.loaded:
        click.echo(f"restored the state saved in {state} (`up --fresh` starts empty)", err=True)
    return stack


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--prefix", default=INBOX_PREFIX, show_default=True, help="Key prefix in the inbox bucket.")
@stack_options
@click.pass_context
def drop(ctx: click.Context, paths: tuple[Path, ...], prefix: str) -> None:
    """Upload files (or every file in folders, but hidden ones) to the inbox bucket."""
    target = _target(ctx)
    collected = collect_files(paths)
    if collected.hidden:
        click.echo(f"skipped {len(collected.hidden)} hidden file(s), e.g. {collected.hidden[0]}", err=True)
    bucket = target.resources.inbox_bucket
    keys: list[str] = []
    try:
        upload_files(target.client("s3"), bucket, collected.files, prefix=prefix, uploaded=keys)
    except KeyboardInterrupt:
        click.echo(
            f"interrupted: {len(keys)} of {len(collected.files)} file(s) went up to s3://{bucket}/{prefix}",
            err=True,
        )
        raise SystemExit(130) from None
    click.echo(f"dropped {len(keys)} file(s) into s3://{bucket}/{prefix}", err=True)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@stack_options
@click.pass_context
def articles(ctx: click.Context, as_json: bool) -> None:
    """List every item, stored and rejected."""
    items = list(_target(ctx).article_store().scan())
    if as_json:
        click.echo(json.dumps([item.to_attributes() for item in items], ensure_ascii=False, indent=2))
    else:
        display.print_table(display.articles_table(items))


FORMATS = click.Choice(["json", "markdown", "text"])


@main.command()
@click.argument("article_id")
@click.option(
    "--format", "body_format", type=FORMATS, default="json", show_default=True, help="How to print it."
)
@stack_options
@click.pass_context
def show(ctx: click.Context, article_id: str, body_format: str) -> None:
    """Print one item in full (an id prefix from `articles` is enough): the item as JSON, or the
    article rendered for reading (`--format markdown` or `text`)."""
    store = _target(ctx).article_store()
    if len(article_id) < 32:
        matches = [item.id for item in store.scan() if item.id.startswith(article_id)]
        if len(matches) != 1:
            raise click.ClickException(f"{len(matches)} items match {article_id!r}")
        article_id = matches[0]
    item = store.get(article_id)
    if item is None:
        raise click.ClickException(f"no article {article_id}")
    if body_format == "json":
        click.echo(json.dumps(item.to_attributes(), ensure_ascii=False, indent=2))
    else:
        display.print_article(item.to_attributes(), body_format=body_format)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array of the notice documents.")
@click.option("--follow", is_flag=True, help="Keep printing notices as they arrive (Ctrl-C stops).")
@stack_options
@click.pass_context
def notices(ctx: click.Context, as_json: bool, follow: bool) -> None:
    """Print the SNS notices received."""
    journal = _journal(ctx, _target(ctx))
    journal.drain()
    received = journal.read()
    if as_json and not follow:
        click.echo(json.dumps(received, ensure_ascii=False, indent=2))
        return
    if not follow:
        display.print_table(display.notices_table(received))
        return
    shown = 0
    try:
        while True:
            for notice in received[shown:]:
                click.echo(json.dumps(notice, ensure_ascii=False) if as_json else _notice_line(notice))
            shown = len(received)
            journal.drain(wait_seconds=1)
            received = journal.read()
    except KeyboardInterrupt:
        pass


def _notice_line(notice: dict[str, Any]) -> str:
    label = notice.get("title") if notice.get("type") == "article.stored" else notice.get("reason")
    return f"{notice.get('type')}  {notice.get('article_id', '')[:10]}  {label}"


@main.command("extract")
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--jsonl", is_flag=True, help="One JSON object per input (item field names).")
@click.option(
    "--format", "body_format", type=FORMATS, default="text", show_default=True, help="How to print each."
)
@click.option("--url", help="The page's URL, to make relative links absolute.")
def extract_command(paths: tuple[Path, ...], jsonl: bool, body_format: str, url: str | None) -> None:
    """Extract local files without AWS (.gz is read transparently)."""
    for path in paths:
        record = _extract_record(path, url)
        if jsonl or body_format == "json":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(f"== {path}  [{record['status']}]")
            display.print_article(record, body_format=body_format)


def _extract_record(path: Path, url: str | None) -> dict[str, Any]:
    source = str(path)
    try:
        article = extract(path.read_bytes(), url=url)
    except RejectedDocumentError as exc:
        return {
            "source": source,
            "status": "rejected",
            "reason": exc.reason.value,
            "reason_detail": exc.detail,
        }
    record = {"source": source, "status": "stored", **asdict(article)}
    return {name: list(value) if isinstance(value, tuple) else value for name, value in record.items()}


@main.command()
@stack_options
@click.pass_context
def redrive(ctx: click.Context) -> None:
    """Move messages from the dead-letter queue back to the ingest queue."""
    target = _target(ctx)
    if ctx.obj.get("stack"):
        handle = start_native_redrive(
            target.client("sqs"), dead_letter_queue_url=target.resources.dead_letter_queue_url
        )
        click.echo(f"started SQS's move task back to the ingest queue (task {handle[:24]}…)", err=True)
        return
    result = move_back(
        target.client("sqs"),
        dead_letter_queue_url=target.resources.dead_letter_queue_url,
        queue_url=target.resources.ingest_queue_url,
    )
    click.echo(f"redrove {result.moved} message(s)", err=True)


@main.command()
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
    target = _target(ctx)
    resources = target.resources
    reprocessor = Reprocessor(
        s3=target.client("s3"),  # type: ignore[arg-type]  # StackTarget.client is loosely typed
        dynamodb=target.client("dynamodb"),  # type: ignore[arg-type]
        sqs=target.client("sqs"),  # type: ignore[arg-type]
        names=StackNames(
            bucket=resources.inbox_bucket,
            table=resources.articles_table,
            queue_url=resources.ingest_queue_url,
            region=target.session.region_name or "us-east-1",
        ),
    )
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

        count = reprocessor.run(selection, on_progress=show)
    click.echo(
        f"re-queued {count.queued} of {count.scanned} object(s) under "
        f"s3://{resources.inbox_bucket}/{prefix} ({count.skipped} skipped, {count.vanished} gone)",
        err=True,
    )


@main.command()
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
    template = _template(ctx)
    if ctx.obj.get("port") is None:  # the demo runs its own stack: any free port will do
        ctx.obj["port"] = _usable_port(int(local_endpoint().rsplit(":", 1)[-1].strip("/")))
    stack = _start_stack(ctx, retry_delay=2, concurrency=1, log_level="INFO", fresh=True)
    try:
        stack.run_pollers()
        target = stack.target
        files = collect_files([samples or template.root / "samples"]).files
        click.echo(f"local stack up at {stack.endpoint}; dropping {len(files)} sample file(s)", err=True)
        upload_files(target.client("s3"), target.resources.inbox_bucket, files, prefix=INBOX_PREFIX)
        journal = _journal(ctx, target)
        store = target.article_store()
        deadline = time.monotonic() + timeout
        items: list[ArticleItem] = []
        while time.monotonic() < deadline:
            journal.drain(wait_seconds=1)
            items = list(store.scan())
            if len(items) >= len(files) and len(journal.read()) >= len(files):
                break
        display.print_table(display.articles_table(items))
        display.print_table(display.notices_table(journal.read()))
        click.echo(f"function logs and metrics: {stack.function_log}", err=True)
        if len(items) < len(files):
            click.echo(f"only {len(items)} of {len(files)} files processed in {timeout}s", err=True)
            sys.exit(1)
    finally:
        stack.stop()
