"""Stage 3: metadata from the strongest evidence: JSON-LD, OpenGraph/Twitter, meta tags, markup, URL.

The evidence is gathered once (evidence.py); each field has its own module (titles, authors,
dates, language) choosing from it, and this one puts them together with where each came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

import lxml.html

from article_ingest.extraction.metadata.authors import find_authors
from article_ingest.extraction.metadata.dates import find_modified, find_published
from article_ingest.extraction.metadata.evidence import Evidence, gather_evidence
from article_ingest.extraction.metadata.jsonld import first_value
from article_ingest.extraction.metadata.language import declared_language
from article_ingest.extraction.metadata.sources import Found, Source, meta_source
from article_ingest.extraction.metadata.titles import find_title
from article_ingest.extraction.words import collapsed

# Metadata fields are plain text: a tag-like sequence in one (a <script> written inside <title>,
# which HTML keeps as text) is markup that leaked through. Matched as browsers read a tag: "<"
# then a letter, "/", "!" or "?"; "a < b" is left alone.
TAG_LIKE = re.compile(r"</?[a-zA-Z!?][^<>]*>?")


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
    sources: dict[str, str] = field(default_factory=dict)  # field name -> a sources.Source value

    def with_field(self, name: str, found: Found[Any] | None) -> Metadata:
        """This metadata with one field set from evidence and its source, or emptied (no evidence)."""
        sources = {key: value for key, value in self.sources.items() if key != name}
        if found is None or not found.value:
            empty: dict[str, Any] = {name: () if isinstance(getattr(self, name), tuple) else None}
            return replace(self, **empty, sources=sources)
        value: dict[str, Any] = {name: found.value}
        return replace(self, **value, sources={**sources, name: found.source.value})


# Meta keys, strongest first, for the fields read straight from the head.
SITE_NAME_META = ("og:site_name", "application-name")
DESCRIPTION_META = ("dc.description", "description", "og:description", "twitter:description")
TRUNCATION = re.compile(r"\s*(?:\.\.\.|\u2026|\[\.\.\.\])\s*$")  # "...", "…", "[...]" ending a cut text
IMAGE_META = ("og:image", "og:image:url", "twitter:image", "twitter:image:src")


def _from_meta(evidence: Evidence, keys: tuple[str, ...]) -> Found[str] | None:
    keyed = evidence.meta.first_keyed(*keys)
    return Found(keyed[0], meta_source(keyed[1])) if keyed else None


def _site_name(evidence: Evidence) -> Found[str] | None:
    from_ld = Found(evidence.publishers[0], Source.JSON_LD) if evidence.publishers else None
    return _from_meta(evidence, SITE_NAME_META) or from_ld


def _site_names(evidence: Evidence, site_name: Found[str] | None) -> tuple[str, ...]:
    """Every name the page gives itself (og:site_name, application-name, JSON-LD publisher)."""
    return tuple(name for name in (site_name.value if site_name else None, *evidence.publishers) if name)


def _description(evidence: Evidence) -> Found[str] | None:
    """The strongest description, unless it is a cut-off copy of another ("... the council vo…"):
    then the complete one it starts."""
    found = [Found(value, meta_source(key)) for key in DESCRIPTION_META for value in evidence.meta.all(key)]
    ld = first_value(evidence.json_ld, "description", articles_only=True)
    if isinstance(ld, str) and ld.strip():
        found.append(Found(ld.strip(), Source.JSON_LD))
    if not found:
        return None
    stem = TRUNCATION.sub("", found[0].value).strip()
    longer = [other for other in found if len(other.value) > len(stem) and other.value.startswith(stem)]
    return max(longer, key=lambda other: len(other.value)) if longer else found[0]


def _image(evidence: Evidence) -> Found[str] | None:
    ld_image = first_value(evidence.json_ld, "image", articles_only=True)
    if isinstance(ld_image, list):
        ld_image = ld_image[0] if ld_image else None
    if isinstance(ld_image, dict):
        ld_image = ld_image.get("url")
    return _from_meta(evidence, IMAGE_META) or (
        Found(ld_image, Source.JSON_LD) if isinstance(ld_image, str) else None
    )


def _tags(evidence: Evidence) -> Found[tuple[str, ...]] | None:
    """Keywords from every source, merged; the source named is the first that has any."""
    meta = evidence.meta
    groups: list[tuple[Source, list[str]]] = [
        (Source.META, (meta.first("keywords", "news_keywords") or "").split(",")),
        (Source.OPENGRAPH, meta.all("article:tag")),
    ]
    ld_keywords = first_value(evidence.json_ld, "keywords", articles_only=True)
    if isinstance(ld_keywords, str):
        groups.append((Source.JSON_LD, ld_keywords.split(",")))
    elif isinstance(ld_keywords, list):
        groups.append((Source.JSON_LD, [tag for tag in ld_keywords if isinstance(tag, str)]))
    tags: dict[str, Source] = {}
    for source, values in groups:
        for tag in values:
            if tag.strip():
                tags.setdefault(tag.strip(), source)
    return Found(tuple(tags), next(iter(tags.values()))) if tags else None


def _canonical(evidence: Evidence) -> Found[str] | None:
    if evidence.canonical_link:
        return Found(evidence.canonical_link, Source.LINK)
    return _from_meta(evidence, ("og:url",))


def _language(evidence: Evidence) -> Found[str] | None:
    declared = declared_language(evidence)
    return Found(declared, Source.DECLARED) if declared else None


def extract_metadata(tree: lxml.html.HtmlElement, *, url: str | None = None) -> Metadata:
    """Collect page metadata; each field takes the strongest evidence that has it."""
    evidence = gather_evidence(tree, url=url)
    site_name = _site_name(evidence)
    canonical = _canonical(evidence)
    modified = find_modified(evidence)
    meta = Metadata()
    for name, found in (
        ("site_name", site_name),
        ("canonical_url", canonical),
        ("title", find_title(evidence, site_name.value if site_name else None)),
        ("authors", find_authors(evidence, _site_names(evidence, site_name))),
        ("published", find_published(evidence, url or (canonical.value if canonical else None), modified)),
        ("modified", modified),
        ("language", _language(evidence)),
        ("description", _description(evidence)),
        ("image", _image(evidence)),
        ("tags", _tags(evidence)),
    ):
        meta = meta.with_field(name, found)
    return meta


def plain_text(value: str | None) -> str | None:
    """A metadata string without tag-like sequences, spaces collapsed; None when nothing is left."""
    if value is None:
        return None
    return collapsed(TAG_LIKE.sub(" ", value)) or None


def _plain_all(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(text for text in map(plain_text, values) if text)


def plain_metadata(meta: Metadata) -> Metadata:
    """The metadata with every free-text field (title, names, description, tags) made plain text."""
    plain = replace(
        meta,
        title=plain_text(meta.title),
        authors=_plain_all(meta.authors),
        site_name=plain_text(meta.site_name),
        description=plain_text(meta.description),
        tags=_plain_all(meta.tags),
    )
    emptied = [name for name in plain.sources if not getattr(plain, name)]
    return replace(plain, sources={k: v for k, v in plain.sources.items() if k not in emptied})
