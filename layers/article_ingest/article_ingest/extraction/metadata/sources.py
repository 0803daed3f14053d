"""Where a metadata field came from: one vocabulary, carried to the item and the notice.

Subscribers use it to weigh a value: a `declared` language is the page's own word, a `detected`
one a guess; a `json-ld` date was set by the publisher, an `htmldate` one was found in the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Source(StrEnum):
    """The kinds of evidence a field can come from (documented in schemas/article-item.schema.json)."""

    JSON_LD = "json-ld"  # schema.org JSON-LD objects
    OPENGRAPH = "opengraph"  # og:, article: and twitter: meta properties
    META = "meta"  # other <meta> names (Dublin Core, parsely, citation_, description, ...)
    MICRODATA = "microdata"  # itemprop attributes in the markup
    TIME = "time"  # a <time datetime> element
    LINK = "link"  # <link rel=canonical>
    TITLE = "title"  # the <title> element
    HEADLINE = "headline"  # the heading the page shows above the article
    BYLINE = "byline"  # a visible byline element
    URL = "url"  # the document's URL
    HTMLDATE = "htmldate"  # found by the htmldate library in the page
    DATELINE = "dateline"  # a date shown as the article's: under its headline, or labelled "Published"
    DECLARED = "declared"  # the language the document declares (<html lang>, meta, og:locale)
    DETECTED = "detected"  # the language a detector reads from the text
    TEXT_HEAD = "text-head"  # the head lines of a plain-text document


def meta_source(key: str) -> Source:
    """OpenGraph-family keys (og:, article:, twitter:) versus every other meta name."""
    return Source.OPENGRAPH if key.startswith(("og:", "article:", "twitter:")) else Source.META


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """A field's value and the evidence it was taken from."""

    value: T
    source: Source
