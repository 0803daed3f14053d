"""Author names: from JSON-LD, meta tags and visible bylines, cleaned of "By", roles and dates."""

from __future__ import annotations

import json
import re

import lxml.html

from article_ingest.extraction.metadata.evidence import Evidence
from article_ingest.extraction.metadata.jsonld import first_value, names
from article_ingest.extraction.metadata.meta_tags import MetaTags
from article_ingest.extraction.metadata.sources import Found, Source, meta_source

AUTHOR_META = (
    "dc.creator",
    "dcterms.creator",
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
)
LOWER_CLASS = 'translate(@class, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")'
LOWER_ID = 'translate(@id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")'
# Meta keys a page repeats once per author; others repeat only by mistake (property and name).
REPEATABLE_META = frozenset({"citation_author", "article:author"})
# Elements whose class or id says they hold the byline.
BYLINE_XPATH = (
    '//*[@rel="author"]',
    '//*[contains(concat(" ", normalize-space(@itemprop), " "), " author ")]',
    f'//*[contains({LOWER_CLASS}, "byline") or contains({LOWER_ID}, "byline")]',
    f'//*[contains({LOWER_CLASS}, "author") or contains({LOWER_ID}, "author")]',
)
LEAD = re.compile(
    r"^\s*(?:(?:written|posted|words|reported|story|text|photos?)\s+by|by|par|von|por|door|di|de|"
    r"autor(?:in)?|author|auteur)\b\s*[:\-]?\s*",
    re.I,
)
CUT = re.compile(
    r"\d|\s[|\u2022\u00b7/]\s|\s[-\u2013\u2014]\s|\b(?:last\s+)?(?:updated|published|posted|on)\b|@|\n", re.I
)
URL = re.compile(r"\(?(?:https?://|www\.)[^\s)]*\)?|\S+@\S+\.\w+", re.I)
SPLIT = re.compile(r"\s*(?:[,;&()]|\b(?:and|und|et|y|e|avec|with|mit|con|com)\b)\s*", re.I)
# Job titles that follow a name in bylines ("James Carter Senior News Editor").
ROLE_ANCHORS = frozenset(
    [
        "editor",
        "reporter",
        "correspondent",
        "writer",
        "contributor",
        "columnist",
        "journalist",
        "photographer",
        "producer",
        "analyst",
        "intern",
        "critic",
        "redakteur",
        "redakteurin",
        "rédacteur",
        "rédactrice",
        "editora",
        "editor-in-chief",
    ]
)
ROLE_WORDS = ROLE_ANCHORS | frozenset(
    [
        "senior",
        "junior",
        "chief",
        "managing",
        "deputy",
        "associate",
        "assistant",
        "executive",
        "contributing",
        "staff",
        "news",
        "political",
        "sports",
        "business",
        "tech",
        "technology",
        "science",
        "health",
        "culture",
        "foreign",
        "national",
        "digital",
        "special",
        "lead",
        "freelance",
        "guest",
        "the",
        "our",
        "of",
        "and",
    ]
)
DEGREES = frozenset(["ma", "ms", "md", "phd", "rn", "mph", "dr", "mba", "bsc", "msc"])
NOT_NAMES = frozenset(
    ["admin", "administrator", "staff", "editor", "follow", "author", "anonymous", "unknown", "guest"]
)
MAX_NAME_WORDS = 6  # longer "names" are sentences picked up by a loose selector
MAX_BYLINE_CHARS = 120  # a byline element with more text is a bio or a comment


def _strip_role(name: str) -> str:
    words = name.split()
    if words and words[-1].lower().strip(".,") in ROLE_ANCHORS:
        while words and words[-1].lower().strip(".,") in ROLE_WORDS:
            words.pop()
    return " ".join(words)


def _is_name(name: str) -> bool:
    lowered = name.lower()
    return (
        0 < len(name.split()) <= MAX_NAME_WORDS
        and lowered not in NOT_NAMES
        and lowered.strip(".") not in DEGREES
        and any(char.isalpha() for char in name)
    )


def clean_authors(raw: str) -> list[str]:
    """The names in a raw byline: "By Jane Doe and John Roe, Staff Writers" -> [Jane Doe, John Roe]."""
    lines = [line for line in LEAD.sub("", raw.strip()).splitlines() if line.strip()]
    text = URL.sub("", lines[0]).strip() if lines else ""
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", CUT.split(text, maxsplit=1)[0])
    parts = (_strip_role(part.strip(" .,:;()[]|-")) for part in SPLIT.split(text))
    return [part for part in parts if _is_name(part)]


def _dedupe(found: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in found:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def _meta_authors(meta: MetaTags) -> Found[list[str]] | None:
    for key in AUTHOR_META:
        values = meta.all(key) if key in REPEATABLE_META else meta.all(key)[:1]
        found = [name for value in values for name in clean_authors(value)]
        if found:
            return Found(found, meta_source(key))
    parsely = _parsely_authors(meta.first("parsely-page") or "")
    return Found(parsely, Source.META) if parsely else None


def _parsely_authors(content: str) -> list[str]:
    try:
        data = json.loads(content)
    except ValueError:
        return []
    authors = data.get("authors") if isinstance(data, dict) else None
    return [name for author in authors or [] if isinstance(author, str) for name in clean_authors(author)]


def _visible_authors(tree: lxml.html.HtmlElement) -> list[str]:
    for xpath in BYLINE_XPATH:
        for element in tree.xpath(xpath):
            named = element.xpath('.//*[@itemprop="name"]')
            text = (named[0] if named else element).text_content().strip()
            if 0 < len(text) <= MAX_BYLINE_CHARS and (found := clean_authors(text)):
                return found
    return []


def find_authors(evidence: Evidence) -> Found[tuple[str, ...]] | None:
    """The article's authors from the strongest evidence: JSON-LD, meta tags, visible byline."""
    raw = names(first_value(evidence.json_ld, "author", articles_only=True))
    if ld_names := [name for value in raw for name in clean_authors(value)]:
        return Found(_dedupe(ld_names), Source.JSON_LD)
    if meta := _meta_authors(evidence.meta):
        return Found(_dedupe(meta.value), meta.source)
    visible = _visible_authors(evidence.tree)
    return Found(_dedupe(visible), Source.BYLINE) if visible else None
