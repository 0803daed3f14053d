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

from article_ingest.extraction.signals import is_furniture_block
from article_ingest.extraction.words import count_words

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
BLOCK_TAGS = ("p", "div", "span", "li", "h2", "h3", "h4", "h5", "h6", "figcaption", "section", "ul")


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


def drop_furniture(body: lxml.html.HtmlElement, body_words: int | None = None) -> None:
    """Remove furniture blocks from the body, in place (not descending into removed blocks).
    `body_words`, when the caller has counted them, spares the share guard a second count."""
    # the body's words, counted once and only if a block named as furniture needs the share guard
    total = functools.cache(lambda: count_words(body.text_content()) if body_words is None else body_words)
    doomed = []
    stack = list(reversed(body))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        if is_furniture_block(element, total):
            doomed.append(element)
            continue
        if element.tag in BLOCK_TAGS and _is_stock_line(element):
            doomed.append(element)
            continue
        stack.extend(reversed(element))
    for element in doomed:
        element.drop_tree()
