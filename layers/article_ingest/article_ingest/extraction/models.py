"""The typed values that flow through the extraction pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ExtractionLimits:
    """Bounds that keep one document inside the function's memory and time."""

    # Larger inputs (after gzip) are rejected as too_large: lxml needs ~10x the bytes in RAM.
    max_bytes: int = 20_000_000


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: body (text and sanitized HTML) plus metadata.

    Field names match the DynamoDB item and `article-ingest extract --jsonl`.
    """

    title: str | None
    text: str
    html: str
    markdown: str = ""  # CommonMark with GFM tables: the body's structure kept
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601
    modified: str | None = None  # ISO 8601
    language: str | None = None  # BCP 47 primary tag, e.g. "en"
    site_name: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    links: tuple[str, ...] = field(default=())  # absolute outbound links found in the body
    word_count: int = 0
    reading_time_minutes: int = 0
    content_hash: str = ""  # sha256 of `text`
    extractor: str = ""  # name/version of the pipeline that produced it
    # Where each metadata field came from: field name -> json-ld, opengraph, meta, microdata, time,
    # link, title, headline, byline, url, htmldate, dateline, declared, detected or text-head.
    sources: dict[str, str] = field(default_factory=dict)
