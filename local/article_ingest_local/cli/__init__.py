"""The `article-ingest` command, one module per command group: `stack` (up, ui, status, demo),
`inbox` (drop, redrive, reprocess), `articles` (articles, show, notices) and `extract`; `main`
assembles them. Each command is a few lines over functions of the local package."""

from __future__ import annotations

from article_ingest_local.cli.main import main

__all__ = ["main"]
