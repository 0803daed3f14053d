"""Furniture left inside the chosen body: share bars, "related" boxes, ad slots, sign-up prompts.

readability keeps every child of the container it picks; pages put their furniture there too.
Two kinds of evidence remove a block, each on its own:
- markup: the class or id names it as furniture (share, related, newsletter, advert, ...), or
  its tag is one pages use only for furniture (aside, nav, form, button, ...);
- text: the whole block is one of the stock lines of page furniture ("Advertisement",
  "Share this:", "Related", "Sign up for our newsletter").
A block that holds much of the body is never removed on its class alone: a wrapper called
"post share-enabled" is the article, not a share bar.
"""

from __future__ import annotations

import functools
import re

import lxml.html

from article_ingest.extraction.words import count_words

FURNITURE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "form",
    "button",
    "iframe",
)
# Words of class and id names that mark furniture; names are split into words at punctuation and
# camelCase ("mbArticleShareBtn" -> mb article share btn). Stems also match compounds
# ("relatedposts", "sharedaddy"); short words only whole ("ad", not "address").
FURNITURE_STEMS = (
    "share", "sharing", "social", "related", "comment", "newsletter", "promo", "sidebar", "advert",
    "subscribe", "breadcrumb", "recommend", "popular", "trending", "footer", "masthead", "navbox",
    "toolbar", "comentario", "commentaire", "kommentar", "sponsor", "outbrain", "taboola",
)  # fmt: skip
FURNITURE_WORDS = frozenset(["ad", "ads", "hidden", "bio"])
NAME_PART = re.compile(r"[A-Za-z0-9]+")
CAMEL_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
MAX_ID_WORDS = 3  # a longer id is a heading's slug ("getting-into-trouble-with-shared-history")
NAME_CACHE_SIZE = 4096  # distinct class/id pairs remembered; a page has a few hundred
MIN_CLASS_CHARS = 3  # one- and two-letter classes are generated ("go gp ad"), not named
# Whole blocks that are page furniture wherever they appear (compared casefolded, trimmed).
STOCK_LINE = re.compile(
    r"^(?:advertisement|advertising|anzeige|publicité|publicidad|sponsored(?: content)?|paid partner|"
    r"story continues below(?: advertisement)?|continue reading(?: below)?|"
    r"share(?: this(?: article| story)?| on \w+)?:?|like this:|related(?: articles| stories| posts)?:?|"
    r"read more:?|sign up for (?:our|the) \w+(?: \w+)? newsletters?\.?|"
    r"subscribe to (?:our|the) newsletter\.?|loading\W*|click to (?:share|email|print)\W*)$",
    re.I,
)
MAX_STOCK_LINE_CHARS = 80  # stock lines are short; a longer block is prose, not read further
# A block holding more than this share of the body's words is the article's wrapper, whatever
# its class says.
MAX_FURNITURE_SHARE = 0.3
BLOCK_TAGS = ("p", "div", "span", "li", "h2", "h3", "h4", "h5", "h6", "figcaption", "section", "ul")


def _name_words(names: str) -> set[str]:
    """The words of space-separated class names: split at punctuation, then at camelCase when
    the part has no digits ("e1ad" is a generated name, not "ad")."""
    words: set[str] = set()
    for name in names.split():
        if len(name) < MIN_CLASS_CHARS:
            continue
        for part in NAME_PART.findall(name):
            words |= (
                {part.lower()}
                if any(c.isdigit() for c in part)
                else {word.lower() for word in CAMEL_WORD.findall(part)}
            )
    return words


def named_as_furniture(element: lxml.html.HtmlElement) -> bool:
    """Whether the element's tag, class or id says it is page furniture."""
    if element.tag in FURNITURE_TAGS:
        return True
    classes, element_id = element.get("class"), element.get("id")
    if not classes and not element_id:
        return False
    return _furniture_names(classes or "", element_id or "")


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def _furniture_names(classes: str, element_id: str) -> bool:
    """Whether class and id name furniture (cached: pages repeat the same names many times)."""
    words = _name_words(classes)
    if len(NAME_PART.findall(element_id)) <= MAX_ID_WORDS:
        words |= _name_words(element_id)
    return not words.isdisjoint(FURNITURE_WORDS) or any(word.startswith(FURNITURE_STEMS) for word in words)


def _short_text(element: lxml.html.HtmlElement, limit: int) -> str | None:
    """The element's text, or None as soon as it passes `limit` characters (bounded work)."""
    parts, size = [], 0
    for part in element.itertext():
        size += len(part)
        if size > limit:
            return None
        parts.append(part)
    return " ".join("".join(parts).split())


def _is_stock_line(element: lxml.html.HtmlElement) -> bool:
    text = _short_text(element, MAX_STOCK_LINE_CHARS)
    return bool(text) and bool(STOCK_LINE.match(text or ""))


def drop_furniture(body: lxml.html.HtmlElement) -> None:
    """Remove furniture blocks from the body, in place (not descending into removed blocks)."""
    total = max(count_words(body.text_content()), 1)
    doomed = []
    stack = list(reversed(body))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        if named_as_furniture(element) and count_words(element.text_content()) <= MAX_FURNITURE_SHARE * total:
            doomed.append(element)
            continue
        if element.tag in BLOCK_TAGS and _is_stock_line(element):
            doomed.append(element)
            continue
        stack.extend(reversed(element))
    for element in doomed:
        element.drop_tree()
