"""Stage 3: metadata from the strongest evidence: JSON-LD, OpenGraph/Twitter, meta tags, markup, URL.

Each field has its own module (titles, authors, dates, language); this one gathers them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import lxml.html

from article_ingest.extraction.metadata.authors import find_authors
from article_ingest.extraction.metadata.dates import find_modified, find_published
from article_ingest.extraction.metadata.jsonld import (
    JsonObject,
    first_value,
    is_article,
    json_ld_objects,
    names,
)
from article_ingest.extraction.metadata.language import declared_language
from article_ingest.extraction.metadata.meta_tags import MetaTags, index_meta
from article_ingest.extraction.metadata.titles import find_title

# Metadata fields are plain text: a tag-like sequence in one (a <script> written inside <title>,
# which HTML keeps as text) is markup that leaked through. Matched as browsers read a tag: "<"
# then a letter, "/", "!" or "?"; "a < b" is left alone.
TAG_LIKE = re.compile(r"</?[a-zA-Z!?][^<>]*>?")
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about itself, before the body is considered."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()


def _site_name(meta: MetaTags, ld: list[JsonObject]) -> str | None:
    publisher = names(first_value(ld, "publisher"))
    return meta.first("og:site_name", "application-name") or (publisher[0] if publisher else None)


def _image(meta: MetaTags, ld: list[JsonObject]) -> str | None:
    ld_image = first_value(ld, "image", articles_only=True)
    if isinstance(ld_image, list):
        ld_image = ld_image[0] if ld_image else None
    if isinstance(ld_image, dict):
        ld_image = ld_image.get("url")
    image = meta.first("og:image", "og:image:url", "twitter:image", "twitter:image:src")
    return image or (ld_image if isinstance(ld_image, str) else None)


def _tags(meta: MetaTags, ld: list[JsonObject]) -> tuple[str, ...]:
    keywords = meta.first("keywords", "news_keywords") or ""
    tags = [tag.strip() for tag in keywords.split(",")]
    tags += [tag.strip() for tag in meta.all("article:tag")]
    ld_keywords = first_value(ld, "keywords", articles_only=True)
    if isinstance(ld_keywords, str):
        tags += [tag.strip() for tag in ld_keywords.split(",")]
    elif isinstance(ld_keywords, list):
        tags += [tag.strip() for tag in ld_keywords if isinstance(tag, str)]
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def _canonical(tree: lxml.html.HtmlElement, meta: MetaTags) -> str | None:
    links = [href.strip() for href in tree.xpath('//link[@rel="canonical"]/@href') if href.strip()]
    return links[0] if links else meta.first("og:url")


def extract_metadata(tree: lxml.html.HtmlElement, *, url: str | None = None) -> Metadata:
    """Collect page metadata; each field takes the strongest source that has it."""
    ld = json_ld_objects(tree)
    meta = index_meta(tree)
    site_name = _site_name(meta, ld)
    canonical = _canonical(tree, meta)
    description = first_value(ld, "description", articles_only=True)
    article = ld[0] if ld and is_article(ld[0]) else {}
    ld_titles = [value for key in ("headline", "name") if isinstance(value := article.get(key), str)]
    return Metadata(
        title=find_title(tree, meta, ld_titles, site_name),
        authors=find_authors(tree, meta, ld),
        published=find_published(tree, meta, first_value(ld, "datePublished"), url or canonical),
        modified=find_modified(tree, meta, first_value(ld, "dateModified")),
        language=declared_language(tree, meta),
        site_name=site_name,
        description=meta.first("dc.description", "description", "og:description", "twitter:description")
        or (description if isinstance(description, str) else None),
        canonical_url=canonical,
        image=_image(meta, ld),
        tags=_tags(meta, ld),
    )


def plain_text(value: str | None) -> str | None:
    """A metadata string without tag-like sequences, spaces collapsed; None when nothing is left."""
    if value is None:
        return None
    return WHITESPACE.sub(" ", TAG_LIKE.sub(" ", value)).strip() or None


def _plain_all(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(text for text in map(plain_text, values) if text)


def plain_metadata(meta: Metadata) -> Metadata:
    """The metadata with every free-text field (title, names, description, tags) made plain text."""
    return replace(
        meta,
        title=plain_text(meta.title),
        authors=_plain_all(meta.authors),
        site_name=plain_text(meta.site_name),
        description=plain_text(meta.description),
        tags=_plain_all(meta.tags),
    )
