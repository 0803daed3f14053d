"""The headline: from structured evidence, without the " | Site Name" a <title> carries."""

from __future__ import annotations

import re

from article_ingest.extraction.metadata.evidence import Evidence, clean
from article_ingest.extraction.metadata.sources import Found, Source, meta_source
from article_ingest.extraction.words import single_spaced

# Meta tags naming the headline, strongest first (Dublin Core is set deliberately when present).
TITLE_META = ("dc.title", "dcterms.title", "og:title", "twitter:title", "parsely-title", "sailthru.title")
SEPARATOR = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|»|«|·|/|\\|_|:)\s+")
# A bare domain ("TheHostingNews.com") names the site, not the article, even in og:title.
DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[a-z]{2,6})+$", re.IGNORECASE)
# A headline shorter than this after cutting a segment was not a headline but a section name.
MIN_TITLE_WORDS = 3
# A heading the title repeats is the headline when it is most of the title; a shorter one is a
# kicker or a section name inside the headline ("Open Journalism Project:").
MIN_HEADING_SHARE = 0.5


def _heading_within(title: str, headings: list[str]) -> str | None:
    """The longest heading that the title repeats whole and that is most of it: the page shows it
    as the headline, and the rest of the title ("AFP: ", "News > World > ", "- Site") is not."""
    folded = single_spaced(title.casefold())
    least = max(MIN_TITLE_WORDS, MIN_HEADING_SHARE * len(folded.split()))
    within = [h for h in headings if len(h.split()) >= least and h.casefold() in folded]
    return max(within, key=len, default=None)


def strip_site_name(title: str, *, site_name: str | None, headings: list[str]) -> str:
    """Drop site-name segments: keep the heading the title repeats, else the part that is not the site."""
    heading = _heading_within(title, headings)
    if heading is not None:
        return heading
    parts = SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    if site_name:
        kept = [part for part in parts if part.casefold() != site_name.casefold()]
        if 0 < len(kept) < len(parts):
            return _original_span(title, " - ".join(kept))
    head = _original_span(title, " - ".join(parts[:-1]))
    return (
        head if len(parts[-1].split()) < len(head.split()) and len(head.split()) >= MIN_TITLE_WORDS else title
    )


def _original_span(title: str, joined: str) -> str:
    """The stretch of the original title the kept parts cover, with its own separators."""
    pieces = joined.split(" - ")
    start = title.find(pieces[0])
    end = title.rfind(pieces[-1])
    return title[start : end + len(pieces[-1])] if start >= 0 and end >= start else joined


def _overlap(candidate: str, reference: str) -> float:
    """The share of the reference's words the candidate repeats."""
    words, reference_words = set(candidate.casefold().split()), set(reference.casefold().split())
    return len(words & reference_words) / max(len(reference_words), 1)


def _ld_title(ld_names: list[str], page_title: str) -> str:
    """JSON-LD headline or name; when both differ, the one closer to the <title>."""
    candidates = [clean(name) for name in ld_names if name and clean(name)]
    return max(candidates, key=lambda name: _overlap(name, page_title), default="")


def _names_site(value: str, site_name: str | None) -> bool:
    """Whether a meta title is the site's name (its og:site_name, or a bare domain)."""
    return bool(DOMAIN.match(value)) or (site_name is not None and value.casefold() == site_name.casefold())


def _title_evidence(evidence: Evidence, site_name: str | None) -> Found[str] | None:
    """The strongest statement of the headline: JSON-LD, then meta tags, then the <title>; a
    meta tag that names the site is no statement of the headline."""
    ld_names = [value for key in ("headline", "name") if isinstance(value := evidence.article.get(key), str)]
    if ld_title := _ld_title(ld_names, evidence.page_title):
        return Found(ld_title, Source.JSON_LD)
    for key in TITLE_META:
        values = evidence.meta.all(key)  # (meta contents are indexed non-empty)
        if values and (value := clean(values[0])) and not _names_site(value, site_name):
            return Found(value, meta_source(key))
    return Found(evidence.page_title, Source.TITLE) if evidence.page_title else None


def find_title(evidence: Evidence, site_name: str | None) -> Found[str] | None:
    """The headline from JSON-LD, meta tags or <title>, with any site-name segment removed."""
    found = _title_evidence(evidence, site_name)
    if found is None:
        first = evidence.headings[0] if evidence.headings else None
        return Found(first, Source.HEADLINE) if first else None
    shown = [text for text in evidence.headline_candidates if text.casefold() != (site_name or "").casefold()]
    return Found(strip_site_name(found.value, site_name=site_name, headings=shown), found.source)
