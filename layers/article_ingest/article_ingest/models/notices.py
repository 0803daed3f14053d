"""The SNS notice: a versioned, bounded summary of an item, never the body."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Literal

from article_ingest.errors import RejectionReason
from article_ingest.models.items import ArticleItem

SCHEMA_VERSION = "1.0"
NoticeType = Literal["article.stored", "article.rejected"]
# SNS rejects messages over 256 KiB (body + attributes); every field is clipped well below.
MAX_NOTICE_BYTES = 256 * 1024
MAX_ATTRIBUTE_CHARS = 256  # a filter-policy value longer than this is useless for matching


@dataclass(frozen=True, slots=True)
class NoticeSource:
    """Where the article came from."""

    bucket: str
    key: str
    version_id: str | None
    etag: str | None


@dataclass(frozen=True, slots=True)
class NoticeFetch:
    """Where a subscriber reads the full article."""

    table: str
    id: str
    body_s3_uri: str | None


@dataclass(frozen=True, slots=True)
class Notice:
    """The JSON document published on the articles topic (schema: schemas/notice.schema.json)."""

    schema_version: str
    type: NoticeType
    notice_id: str  # the same for every redelivery of one version: subscribers dedupe on it
    article_id: str
    occurred_at: str
    source: NoticeSource
    fetch: NoticeFetch
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    language: str | None = None
    language_source: str | None = None  # "declared" by the page or "detected" from its text
    site_name: str | None = None
    url: str | None = None
    word_count: int = 0
    excerpt: str | None = None
    reason: RejectionReason | None = None
    reason_detail: str | None = None

    def to_json(self) -> str:
        """The message body."""
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    def message_attributes(self) -> dict[str, dict[str, str]]:
        """SNS message attributes for subscription filter policies: type, language (and its
        source, so a policy can take declared languages only), site."""
        attributes = {
            "type": self.type,
            "language": self.language,
            "language_source": self.language_source,
            "site": self.site_name,
        }
        return {
            name: {"DataType": "String", "StringValue": value[:MAX_ATTRIBUTE_CHARS]}
            for name, value in attributes.items()
            if value
        }


def notice_for(item: ArticleItem, *, table: str) -> Notice:
    """Build the notice announcing `item`."""
    kind: NoticeType = "article.stored" if item.status == "stored" else "article.rejected"
    identity = f"{item.id}|{item.order_key}|{item.source_version}|{item.source_etag}|{kind}"
    return Notice(
        schema_version=SCHEMA_VERSION,
        type=kind,
        notice_id=hashlib.sha256(identity.encode()).hexdigest()[:32],
        article_id=item.id,
        occurred_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
        source=NoticeSource(item.source_bucket, item.source_key, item.source_version, item.source_etag),
        fetch=NoticeFetch(table=table, id=item.id, body_s3_uri=item.body_location),
        title=item.title,
        authors=tuple(item.authors),
        published=item.published,
        language=item.language,
        language_source=item.sources.get("language"),
        site_name=item.site_name,
        url=item.canonical_url,
        word_count=item.word_count,
        excerpt=item.excerpt,
        reason=item.reason,
        reason_detail=item.reason_detail,
    )
