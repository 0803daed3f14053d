"""The DynamoDB item: one per source key, stored or rejected, mapped from an Article or a reason."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

from article_ingest.errors import RejectionReason
from article_ingest.extraction import Article
from article_ingest.extraction.metadata.fields import plain_text
from article_ingest.models.refs import ObjectRef

Status = Literal["stored", "rejected"]

# Bounds on metadata strings, so no field can push the item or the notice past AWS's limits.
MAX_TITLE_CHARS = 1_000
MAX_DESCRIPTION_CHARS = 5_000
MAX_AUTHORS = 20
MAX_AUTHOR_CHARS = 200
MAX_TAGS = 50
MAX_URL_CHARS = 2_000
MAX_DETAIL_CHARS = 1_000
EXCERPT_CHARS = 400  # enough for a preview line in a subscriber's UI
# The only URL schemes a stored link, image or canonical URL may carry (no javascript:, data:...).
SAFE_URL_SCHEMES = ("http://", "https://")
SEQUENCER_WIDTH = 64  # S3 sequencers are hex of varying length: left-pad to compare as numbers
# Order keys: "s:" + sequencer sorts above "e:" + event time (see order_key).
SEQUENCED_PREFIX = "s:"
TIMED_PREFIX = "e:"


def article_id(bucket: str, key: str) -> str:
    """A stable id per source location: a newer upload of the key replaces the article."""
    return hashlib.sha256(f"{bucket}/{key}".encode()).hexdigest()[:32]


def order_key(ref: ObjectRef, last_modified: datetime | None) -> str:
    """A string that sorts events of one key oldest to newest.

    S3's sequencer is authoritative when present (real S3 and EventBridge events carry it);
    otherwise the event's time stands in, then the version's LastModified (second resolution).
    Time-ordered keys ("e:") sort below sequenced ones ("s:"), so an event without a sequencer
    can never block the real S3 events of a key.
    """
    if ref.sequencer:
        return SEQUENCED_PREFIX + ref.sequencer.upper().rjust(SEQUENCER_WIDTH, "0")
    moment = _parse_time(ref.event_time) or last_modified or datetime.fromtimestamp(0, UTC)
    return TIMED_PREFIX + moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%f")


def sequencer_of(key: str) -> str | None:
    """The (left-padded) S3 sequencer an order key was made from; None for a time-ordered key."""
    return key.removeprefix(SEQUENCED_PREFIX) if key.startswith(SEQUENCED_PREFIX) else None


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def plain(value: str | None, limit: int) -> str | None:
    """A metadata string made inert (the extraction's own rule, applied again at the boundary
    for any Article, whoever built it) and clipped."""
    text = plain_text(value)
    return text[:limit] if text else None


def safe_url(value: str | None) -> str | None:
    """The URL if it is an http(s) URL within the length bound, else None."""
    if not value:
        return None
    url = value.strip()
    if not url.lower().startswith(SAFE_URL_SCHEMES) or len(url) > MAX_URL_CHARS:
        return None
    return url


@dataclass(frozen=True, slots=True)
class ArticleItem:
    """What the articles table holds for one source key."""

    id: str
    status: Status
    source_bucket: str
    source_key: str
    order_key: str
    ingested_at: str
    source_version: str | None = None
    source_etag: str | None = None
    source_size: int | None = None
    source_content_type: str | None = None
    reason: RejectionReason | None = None
    reason_detail: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    tags: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    word_count: int = 0
    reading_time_minutes: int = 0
    excerpt: str | None = None
    text: str | None = None
    html: str | None = None
    markdown: str | None = None
    body_location: str | None = None  # s3:// URI of text/html/links when too large for the item
    content_hash: str | None = None
    extractor: str | None = None
    sources: dict[str, str] = field(default_factory=dict)  # metadata field -> where it came from

    def to_attributes(self) -> dict[str, Any]:
        """Plain attributes without empty values (GSI keys may not be empty strings)."""
        return {name: value for name, value in asdict(self).items() if value not in (None, "", [], {})}

    @classmethod
    def from_attributes(cls, attributes: dict[str, Any]) -> ArticleItem:
        """The item from attributes read back from the table (numbers arrive as Decimal)."""
        known = {name: attributes[name] for name in cls.__dataclass_fields__ if name in attributes}
        for name in ("word_count", "reading_time_minutes", "source_size"):
            if name in known:
                known[name] = int(known[name])
        for name in ("authors", "tags", "links"):
            if name in known:
                known[name] = list(known[name])
        if "reason" in known:
            known["reason"] = RejectionReason(known["reason"])
        return cls(**known)

    def body(self) -> ItemBody:
        """The part of the item that moves to S3 when the item would pass DynamoDB's limit."""
        return ItemBody(text=self.text, html=self.html, markdown=self.markdown, links=list(self.links))

    def without_body(self, location: str) -> ArticleItem:
        """The same item with text, html, Markdown and links moved out to `location`."""
        return replace(self, text=None, html=None, markdown=None, links=[], body_location=location)

    def with_body(self, body: ItemBody) -> ArticleItem:
        """The item whole again: its body read back from `body_location` (which it keeps)."""
        return replace(self, text=body.text, html=body.html, markdown=body.markdown, links=list(body.links))


@dataclass(frozen=True, slots=True)
class ItemBody:
    """An item's body as the bodies bucket holds it: one JSON object {text, html, markdown, links}."""

    text: str | None
    html: str | None
    markdown: str | None
    links: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        """The stored document."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, document: str | bytes) -> ItemBody:
        """The body from a stored document."""
        fields: dict[str, Any] = json.loads(document)
        return cls(
            text=fields.get("text"),
            html=fields.get("html"),
            markdown=fields.get("markdown"),
            links=list(fields.get("links") or []),
        )


@dataclass(frozen=True, slots=True)
class SourceFacts:
    """What is known about the source object when the item is built."""

    ref: ObjectRef
    order_key: str
    version_id: str | None = None
    etag: str | None = None
    size: int | None = None
    content_type: str | None = None


def _base(source: SourceFacts, status: Status) -> dict[str, Any]:
    return {
        "id": article_id(source.ref.bucket, source.ref.key),
        "status": status,
        "source_bucket": source.ref.bucket,
        "source_key": source.ref.key,
        "order_key": source.order_key,
        "ingested_at": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "source_version": source.version_id or source.ref.version_id,
        "source_etag": source.etag or source.ref.etag,
        "source_size": source.size if source.size is not None else source.ref.size,
        "source_content_type": source.content_type,
    }


def stored_item(source: SourceFacts, article: Article) -> ArticleItem:
    """Map an extracted Article to its item; metadata strings are clipped to fixed bounds."""
    item = ArticleItem(
        **_base(source, "stored"),
        title=plain(article.title, MAX_TITLE_CHARS),
        authors=_plain_list(article.authors[:MAX_AUTHORS], MAX_AUTHOR_CHARS),
        published=article.published,
        modified=article.modified,
        language=article.language,
        site_name=plain(article.site_name, MAX_TITLE_CHARS),
        description=plain(article.description, MAX_DESCRIPTION_CHARS),
        canonical_url=safe_url(article.canonical_url),
        image=safe_url(article.image),
        tags=_plain_list(article.tags[:MAX_TAGS], MAX_AUTHOR_CHARS),
        links=[link for link in article.links if safe_url(link)],
        word_count=article.word_count,
        reading_time_minutes=article.reading_time_minutes,
        excerpt=excerpt(article.text),
        text=article.text,
        html=article.html,
        markdown=article.markdown,
        content_hash=article.content_hash,
        extractor=article.extractor,
    )
    # The sources of the fields the item kept (an unsafe URL, say, is dropped with its source).
    kept = {name: source for name, source in article.sources.items() if getattr(item, name, None)}
    return replace(item, sources=kept)


def _plain_list(values: tuple[str, ...], limit: int) -> list[str]:
    return [text for text in (plain(value, limit) for value in values) if text]


def rejected_item(source: SourceFacts, reason: RejectionReason, detail: str, extractor: str) -> ArticleItem:
    """The item recording why a source yielded no article."""
    return ArticleItem(
        **_base(source, "rejected"),
        reason=reason,
        reason_detail=detail[:MAX_DETAIL_CHARS],
        extractor=extractor,
    )


def excerpt(text: str) -> str:
    """The first words of the body, cut at a word boundary."""
    if len(text) <= EXCERPT_CHARS:
        return text
    return text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + "…"
