"""Stage 4: metadata from the strongest evidence: JSON-LD, OpenGraph, meta tags, <html lang>."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import lxml.html


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


def _meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for element in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]'):
            value = (element.get("content") or "").strip()
            if value:
                return value
    return None


def _json_ld(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first schema.org Article-like object in the page's JSON-LD, if any."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        candidates = data if isinstance(data, list) else data.get("@graph", [data])
        for item in candidates:
            if isinstance(item, dict) and "Article" in str(item.get("@type", "")):
                return item
    return {}


def _ld_authors(item: dict[str, Any]) -> tuple[str, ...]:
    author = item.get("author")
    entries = author if isinstance(author, list) else [author] if author else []
    names = [entry.get("name") if isinstance(entry, dict) else entry for entry in entries]
    return tuple(name.strip() for name in names if isinstance(name, str) and name.strip())


def extract_metadata(tree: lxml.html.HtmlElement) -> Metadata:
    """Collect page metadata; each field takes the first source that has it."""
    ld = _json_ld(tree)
    title_element = tree.find(".//title")
    page_title = title_element.text_content().strip() if title_element is not None else None
    author_meta = _meta(tree, "author", "article:author")
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    keywords = _meta(tree, "keywords", "news_keywords") or ""
    return Metadata(
        title=ld.get("headline") or _meta(tree, "og:title", "twitter:title") or page_title,
        authors=_ld_authors(ld) or ((author_meta,) if author_meta else ()),
        published=ld.get("datePublished") or _meta(tree, "article:published_time", "date"),
        modified=ld.get("dateModified") or _meta(tree, "article:modified_time"),
        language=(tree.get("lang") or _meta(tree, "og:locale") or "").split("-")[0].split("_")[0] or None,
        site_name=_meta(tree, "og:site_name", "application-name"),
        description=_meta(tree, "description", "og:description", "twitter:description"),
        canonical_url=canonical[0].strip() if canonical else _meta(tree, "og:url"),
        image=_meta(tree, "og:image", "twitter:image"),
        tags=tuple(tag.strip() for tag in keywords.split(",") if tag.strip()),
    )
