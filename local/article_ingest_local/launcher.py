"""The `article-ingest` command's entry point: the command line needs the `local` extra."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line, or say in one line how to install it."""
    try:
        from article_ingest_local.cli import main as cli  # noqa: PLC0415 - needs click, rich, moto
    except ModuleNotFoundError as exc:
        sys.exit(
            f"article-ingest: the command line needs {exc.name!r}: "
            "pip install 'article-ingest[local]' (the extraction alone needs nothing more)"
        )
    cli()
