"""How the commands show items and notices: rich tables for people, JSON for programs."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from article_ingest.models.items import ArticleItem

TITLE_WIDTH = 60
PIPE_WIDTH = 160  # output to a pipe or CI log: wide enough that rows stay on one line


def _short(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def articles_table(items: list[ArticleItem]) -> Table:
    """Stored and rejected items, newest first."""
    table = Table(title=f"articles ({len(items)})", show_lines=False)
    for column in ("id", "status", "title / reason", "authors", "published", "lang", "words", "source key"):
        table.add_column(column, overflow="fold")
    for item in sorted(items, key=lambda i: i.ingested_at, reverse=True):
        stored = item.status == "stored"
        table.add_row(
            item.id[:10],
            f"[green]{item.status}[/]" if stored else f"[yellow]{item.status}[/]",
            _short(item.title, TITLE_WIDTH) if stored else f"{item.reason}: {_short(item.reason_detail, 40)}",
            _short(", ".join(item.authors), 30),
            _short(item.published, 10),
            item.language or "",
            str(item.word_count),
            _short(item.source_key, 40),
        )
    return table


def notices_table(notices: list[dict[str, Any]]) -> Table:
    """Notices in the order received."""
    table = Table(title=f"notices received ({len(notices)})")
    for column in ("type", "article", "title / reason", "lang", "site", "words"):
        table.add_column(column, overflow="fold")
    for notice in notices:
        stored = notice.get("type") == "article.stored"
        table.add_row(
            notice.get("type", ""),
            notice.get("article_id", "")[:10],
            _short(notice.get("title"), TITLE_WIDTH) if stored else str(notice.get("reason")),
            notice.get("language") or "",
            _short(notice.get("site_name"), 24),
            str(notice.get("word_count", 0)),
        )
    return table


def notice_line(notice: dict[str, Any]) -> str:
    """One notice on one line, as `notices --follow` prints it: type, short id, title or reason."""
    label = notice.get("title") if notice.get("type") == "article.stored" else notice.get("reason")
    return f"{notice.get('type')}  {notice.get('article_id', '')[:10]}  {label}"


def print_table(table: Table) -> None:
    """Print to the terminal at its width, or to a pipe at a fixed, readable width."""
    console = Console()
    if not console.is_terminal:
        console = Console(width=PIPE_WIDTH)
    console.print(table)


# The metadata lines printed above a rendered article, in this order.
HEADER_FIELDS = ("title", "authors", "published", "language", "site_name", "word_count", "reason")


def print_article(record: dict[str, Any], *, body_format: str) -> None:
    """An article as a person reads it: its metadata, then its body as rendered Markdown or text."""
    console = Console()
    if not console.is_terminal:
        console = Console(width=PIPE_WIDTH)
    for name in HEADER_FIELDS:
        value = record.get(name)
        if value:
            shown = ", ".join(value) if isinstance(value, list) else value
            console.print(f"[bold]{name}[/bold]: {shown}", highlight=False)
    console.print()
    if body_format == "markdown" and record.get("markdown"):
        console.print(Markdown(record["markdown"]))
    else:
        console.print(record.get("text") or "", highlight=False)
