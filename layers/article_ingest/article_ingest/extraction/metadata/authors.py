"""Author names: from JSON-LD, meta tags and visible bylines, cleaned of "By", roles and dates."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator

import lxml.html
from lxml import etree

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
# Meta keys a page repeats once per author; others repeat only by mistake (property and name).
REPEATABLE_META = frozenset({"citation_author", "article:author"})
# Elements that may hold the byline, strongest marking first: rel="author", itemprop="author",
# then a class or id naming a byline, then one naming an author (ASCII letters compared in any
# case). One XPath pass finds every element carrying such an attribute; byline_marks() sorts them.
MARKED_ELEMENTS = etree.XPath("//*[@rel or @itemprop or @class or @id]")
BYLINE_STRENGTHS = 4
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
XML_SPACE = re.compile(r"[ \t\r\n]+")  # what XPath's normalize-space() collapses
LEAD = re.compile(
    r"^\s*(?:(?:written|posted|words|reported|story|text|photos?)\s+by|by|par|von|por|door|di|de|"
    r"autor(?:in)?|author|auteur)\b\s*[:\-]?\s*",
    re.I,
)
CUT = re.compile(
    r"\d|\s[|\u2022\u00b7/]\s|\s[-\u2013\u2014]\s|\b(?:last\s+)?(?:updated|published|posted|on)\b|@|\n", re.I
)
URL = re.compile(r"\(?(?:https?://|www\.)[^\s)]*\)?|\S+@\S+\.\w+", re.I)
SPLIT = re.compile(r"(\s*(?:[,;&()]|\b(?:and|und|et|y|e|avec|with|mit|con|com)\b)\s*)", re.I)
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
# Words that make a byline a desk, not a person: "Our Foreign Staff", "Staff Writers", "News Desk".
DESK_WORDS = frozenset(
    ["staff", "desk", "team", "newsroom", "editors", "writers", "reporters", "correspondents", "wires"]
)
# News agencies credited in bylines. An agency is the author only when the page names nobody else.
AGENCIES = frozenset(
    [
        "afp",
        "agence france-presse",
        "ap",
        "associated press",
        "reuters",
        "dpa",
        "efe",
        "ansa",
        "xinhua",
        "upi",
        "pa",
        "press association",
        "aap",
        "kyodo",
    ]
)
# "F.", "R.J", "J.R.R.": initials, never a name alone ("AFP", "CNN" are acronyms, not initials).
INITIALS = re.compile(r"^(?:[A-Z\u00c0-\u00dd]\.?){1,2}$|^(?:[A-Z\u00c0-\u00dd]\.){3}$")
LABEL = re.compile(r"[:\uff1a]\s*$")  # a line ending in a colon (ASCII or full-width) labels the next
# Block-level tags: their text stands on its own line, as a browser shows it.
BLOCK_TAGS = frozenset(
    ["br", "p", "div", "li", "ul", "ol", "dd", "dt", "dl", "h1", "h2", "h3", "h4", "tr", "td"]
)
MAX_NAME_WORDS = 6  # longer "names" are sentences picked up by a loose selector
MIN_NAME_LETTERS = 2  # "s", "J": a stray letter of a split line, not a name (CJK names have two)
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
        and not DESK_WORDS.intersection(lowered.split())
        and not INITIALS.match(name.replace(" ", ""))
        and sum(char.isalpha() for char in name) >= MIN_NAME_LETTERS
    )


def is_agency(name: str) -> bool:
    """Whether a name is a news agency's rather than a person's."""
    return name.casefold().strip(" .") in AGENCIES


def _rejoined(pieces: list[str]) -> list[str]:
    """Names from a byline split at separators (pieces alternate part, separator, part ...),
    rejoined where the split was inside a name: initials belong to the name before them ("Kooman,
    F."), and a fragment too short to be a name was part of its neighbour ("Mac & i")."""
    names_found: list[str] = []
    for index in range(0, len(pieces), 2):
        part = _strip_role(pieces[index].strip(" .,:;()[]|-"))
        if not part:
            continue
        if names_found and INITIALS.match(part.replace(" ", "")):
            names_found[-1] = f"{names_found[-1]} {part}"
        elif names_found and sum(char.isalpha() for char in part) < MIN_NAME_LETTERS:
            names_found[-1] = f"{names_found[-1]}{pieces[index - 1]}{part}"
        else:
            names_found.append(part)
    return names_found


def clean_authors(raw: str) -> list[str]:
    """The names in a raw byline: "By Jane Doe and John Roe, Staff Writers" -> [Jane Doe, John Roe]."""
    lines = [line for line in LEAD.sub("", raw.strip()).splitlines() if line.strip()]
    if len(lines) > 1 and LABEL.search(lines[0]):
        lines = lines[1:]
    text = URL.sub("", lines[0]).strip() if lines else ""
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", CUT.split(text, maxsplit=1)[0])
    return [name for name in _rejoined(SPLIT.split(text)) if _is_name(name)]


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


def shown_text(element: lxml.html.HtmlElement) -> str:
    """An element's text with the line breaks a browser shows (<br> and blocks on their own line):
    "diyguy<br>Member since 2009" reads as two lines, not "diyguyMember since 2009"."""
    parts: list[str] = []
    for node in element.iter():
        if node is not element and isinstance(node.tag, str) and node.tag in BLOCK_TAGS:
            parts.append("\n")
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def _byline_strengths(element: lxml.html.HtmlElement) -> Iterator[int]:
    """The strengths (0 strongest) at which the element's attributes mark it as a byline."""
    if element.get("rel") == "author":
        yield 0
    if "author" in XML_SPACE.split((element.get("itemprop") or "").strip(" \t\r\n")):
        yield 1
    names = f"{element.get('class') or ''}\0{element.get('id') or ''}".translate(ASCII_LOWER)
    if "byline" in names:
        yield 2
    if "author" in names:
        yield 3


def byline_marks(tree: lxml.html.HtmlElement) -> list[list[lxml.html.HtmlElement]]:
    """The elements marked as bylines, in document order, for each strength (strongest first)."""
    marked: list[list[lxml.html.HtmlElement]] = [[] for _ in range(BYLINE_STRENGTHS)]
    for element in MARKED_ELEMENTS(tree):  # type: ignore[union-attr]  # elements: the XPath is //*
        for strength in _byline_strengths(element):
            marked[strength].append(element)
    return marked


def _visible_authors(tree: lxml.html.HtmlElement) -> Iterator[list[str]]:
    """The names of each byline-marked element, by the marking's strength, read as needed."""
    for elements in byline_marks(tree):
        for element in elements:
            named = element.xpath('.//*[@itemprop="name"]')
            text = shown_text(named[0] if named else element).strip()
            if 0 < len(text) <= MAX_BYLINE_CHARS and (found := clean_authors(text)):
                yield found


def _people(names_found: list[str], not_people: set[str]) -> list[str]:
    return [name for name in names_found if name.casefold() not in not_people and not is_agency(name)]


def _candidates(evidence: Evidence) -> Iterator[Found[list[str]]]:
    raw = names(first_value(evidence.json_ld, "author", articles_only=True))
    yield Found([name for value in raw for name in clean_authors(value)], Source.JSON_LD)
    if meta := _meta_authors(evidence.meta):
        yield meta
    for names_found in _visible_authors(evidence.tree):
        yield Found(names_found, Source.BYLINE)


def find_authors(evidence: Evidence, site_names: tuple[str, ...] = ()) -> Found[tuple[str, ...]] | None:
    """The article's authors from the strongest evidence naming people: JSON-LD, meta tags, a
    visible byline. The site's own name or an agency is the author only when no evidence names
    a person (a BBC page credited to "BBC News" alone)."""
    not_people = {name.casefold() for name in site_names if name}
    institution: Found[tuple[str, ...]] | None = None
    for candidate in _candidates(evidence):
        if people := _people(candidate.value, not_people):
            return Found(_dedupe(people), candidate.source)
        if candidate.value and institution is None:
            institution = Found((candidate.value[0],), candidate.source)
    return institution
