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
    rejected: str | None = None  # the rejection reason, when the system refused the page
    markdown: str | None = None  # the body as Markdown, for systems that give one


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
    except RejectedDocumentError as rejection:
        return Extraction(text="", rejected=rejection.reason.value)
    return Extraction(
        text=article.text,
        title=article.title,
        byline=", ".join(article.authors) or None,
        published=article.published,
        language=article.language,
        markdown=article.markdown,
    )


def run_readability(data: bytes) -> Extraction:
    """readability-lxml alone: the summary's text and short_title(); it has no other metadata."""
    from readability import Document  # noqa: PLC0415 - peers load only when benchmarked
    from readability.readability import Unparseable  # noqa: PLC0415

    document = Document(_as_text(data))
    try:
        summary = document.summary(html_partial=True)
    except Unparseable:  # an empty document (a page of frames rendered as text): no article
        return Extraction(text="")
    text = ""
    if summary.strip():
        body: lxml.html.HtmlElement = lxml.html.fromstring(summary)
        text = str(body.text_content())
    return Extraction(text=text, title=document.short_title())


def run_trafilatura(data: bytes) -> Extraction:
    """trafilatura's defaults for an article (no comments, tables kept): body and metadata from
    one bare_extraction() pass, the same work as `extract(data, include_comments=False)`."""
    from trafilatura import bare_extraction  # noqa: PLC0415 - peers load only when benchmarked
    from trafilatura.settings import Document  # noqa: PLC0415

    document = bare_extraction(
        _as_text(data), with_metadata=True, include_comments=False, include_tables=True
    )
    if not isinstance(document, Document):  # None: no article (a dict only with as_dict=True)
        return Extraction(text="")
    return Extraction(
        text=document.text or "",
        title=document.title,
        byline=document.author,
        published=document.date,
        language=document.language,
    )


def run_trafilatura_extract(data: bytes) -> Extraction:
    """trafilatura's `extract()` with every default (comments included, its fallbacks on): the
    configuration the speed bar is set against."""
    from trafilatura import extract as trafilatura_extract  # noqa: PLC0415 - peers load only when benchmarked

    return Extraction(text=trafilatura_extract(_as_text(data)) or "")


INLINE_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def run_every_line(data: bytes) -> Extraction:
    """The as-text baseline: keep every line of the saved page, as text (inline tags dropped)."""
    return Extraction(text=html.unescape(INLINE_TAG.sub("", _as_text(data))))


SYSTEMS: dict[str, System] = {
    "article-ingest": run_article_ingest,
    "readability-lxml": run_readability,
    "trafilatura": run_trafilatura,
}
# Joins the systems on corpora of pages saved as text.
TEXT_BASELINE: dict[str, System] = {"keep every line": run_every_line}
