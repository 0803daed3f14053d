"""The command that needs no stack: extract."""

from __future__ import annotations

import json
from pathlib import Path

import click

from article_ingest_local import display
from article_ingest_local.cli.articles import FORMATS
from article_ingest_local.extract_files import extract_record


@click.command("extract")
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
        record = extract_record(path, url)
        if jsonl or body_format == "json":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(f"== {path}  [{record['status']}]")
            display.print_article(record, body_format=body_format)


COMMANDS = (extract_command,)
