"""The extractors compared: article-ingest and its peers, each behind one signature."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import lxml.html

from article_ingest.extraction import RejectedDocumentError, extract


@dataclass(frozen=True, slots=True)
class Extraction:
    """What a system found on a page; None where it has no such field."""

    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None


System = Callable[[bytes], Extraction]


def _as_text(data: bytes) -> str:
    """Peers get decoded text, as article-ingest decodes before parsing."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def run_article_ingest(data: bytes) -> Extraction:
    """article-ingest's extract(), everything from one call."""
    try:
        article = extract(data)
    except RejectedDocumentError:
        return Extraction(text="")
    return Extraction(
        text=article.text,
        title=article.title,
        byline=", ".join(article.authors) or None,
        published=article.published,
        language=article.language,
    )


def run_readability(data: bytes) -> Extraction:
    """readability-lxml alone: the summary's text and short_title(); it has no other metadata."""
    from readability import Document  # noqa: PLC0415 - peers load only when benchmarked

    document = Document(_as_text(data))
    summary = document.summary(html_partial=True)
    text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    return Extraction(text=str(text), title=document.short_title())


def run_trafilatura(data: bytes) -> Extraction:
    """trafilatura with default settings: body and metadata from one bare_extraction() pass."""
    from trafilatura import bare_extraction  # noqa: PLC0415 - peers load only when benchmarked

    document = bare_extraction(_as_text(data), with_metadata=True)
    if document is None:
        return Extraction(text="")
    text = "\n".join(part for part in (document.text, document.comments) if part)
    return Extraction(
        text=text,
        title=document.title,
        byline=document.author,
        published=document.date,
        language=document.language,
    )


INLINE_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def run_every_line(data: bytes) -> Extraction:
    """The as-text baseline: keep every line of the saved page, as text (inline tags dropped)."""
    return Extraction(text=html.unescape(INLINE_TAG.sub("", _as_text(data))))


SYSTEMS: dict[str, System] = {
    "article-ingest": run_article_ingest,
    "readability-lxml": run_readability,
    "trafilatura": run_trafilatura,
}
TEXT_SYSTEMS: dict[str, System] = {
    "article-ingest": run_article_ingest,
    "readability-lxml": run_readability,
    "trafilatura": run_trafilatura,
    "keep every line": run_every_line,
}
