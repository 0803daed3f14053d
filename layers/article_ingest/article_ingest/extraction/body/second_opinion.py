"""A second opinion on the body: the container the page itself marks as its main content.

readability-lxml scores paragraphs and can settle on one part of a long article (a table, a
section). Pages often mark the whole body (itemprop=articleBody, a single <article>, <main>);
when that container holds readability's pick and adds text that is not links or furniture, it
is the more complete body.
"""

from __future__ import annotations

import copy

import lxml.html
from lxml import etree

from article_ingest.extraction.body.boilerplate import drop_furniture
from article_ingest.extraction.signals import link_density, tokens
from article_ingest.extraction.words import collapsed, count_words, single_spaced

# The marks of a content container, strongest first: an attribute's value, or a tag name
# (`//*[@itemprop="articleBody"]`, `//article`, `//*[@role="main"]`, `//main`). The two attribute
# marks are found in one XPath pass over the page, the tags by lxml's tag iterator.
MARKED_CONTAINERS: tuple[tuple[str, str] | str, ...] = (
    ("itemprop", "articleBody"),
    "article",
    ("role", "main"),
    "main",
)
MARKED_BY_ATTRIBUTE = etree.XPath('//*[@itemprop="articleBody" or @role="main"]')
MIN_AGREEMENT = 0.8  # share of readability's words the container must also hold
MAX_GROWTH = 3.0  # a container this much larger than readability's pick is the whole page
MAX_LINK_DENSITY = 0.25  # more link text than this is navigation, not an article body
PARAGRAPH_TAGS = ("p", "li", "blockquote", "pre", "h2", "h3", "h4")
# The container must add this many words of real paragraphs to be worth its extra furniture.
MIN_MISSING_WORDS = 30  # at least a paragraph...
MIN_MISSING_SHARE = 0.1  # ...or a tenth of what readability found
# Only sentence-length blocks count as missing prose: sidebar modules are short labels.
MIN_PROSE_WORDS = 8


def marked_container(tree: lxml.html.HtmlElement, pick_words: int = 0) -> lxml.html.HtmlElement | None:
    """The one element the page marks as its content, without its furniture, if there is one
    and it holds more than the pick's `pick_words` words (prefer_container wants more, and
    dropping furniture takes words away: a smaller one is not worth cleaning. Strictly, a block
    dropped from between two hyphens splits "well-<i>known</i>-thing" into two words; no dev
    page changed)."""
    by_attribute: list[lxml.html.HtmlElement] = MARKED_BY_ATTRIBUTE(tree)  # type: ignore[assignment]
    for mark in MARKED_CONTAINERS:
        if isinstance(mark, str):
            found = list(tree.getroottree().iter(mark))
        else:
            name, value = mark
            found = [element for element in by_attribute if element.get(name) == value]
        if len(found) == 1:
            words = count_words(found[0].text_content())
            return _without_furniture(found[0], words) if words > pick_words else None
    return None


def _without_furniture(element: lxml.html.HtmlElement, words: int) -> lxml.html.HtmlElement:
    """A copy of the container (of `words` words) with its furniture dropped, by the same rules
    as readability's pick."""
    clean = copy.deepcopy(element)
    drop_furniture(clean, words)
    return clean


def _agreement(inner: str, outer: str) -> float:
    inner_words = tokens(inner.lower())
    outer_words = set(tokens(outer.lower()))
    return sum(word in outer_words for word in inner_words) / max(len(inner_words), 1)


def prefer_container(
    pick_text: str, pick_words: int, container: lxml.html.HtmlElement | None, link_density: float
) -> bool:
    """Whether the marked container is the better body than readability's pick (its text and its
    word count, which the caller has already taken)."""
    if container is None or link_density > MAX_LINK_DENSITY:
        return False
    container_text = container.text_content()
    container_words = count_words(container_text)
    if container_words <= pick_words or container_words > MAX_GROWTH * max(pick_words, 1):
        return False
    # the paragraphs the pick left out are tested before the agreement of all their words: most
    # containers add none worth taking, and the test costs a fraction of the agreement's
    missing = _missing_paragraph_words(container, pick_text)
    if missing < max(MIN_MISSING_WORDS, MIN_MISSING_SHARE * pick_words):
        return False
    return _agreement(pick_text, container_text) >= MIN_AGREEMENT


def _missing_paragraph_words(container: lxml.html.HtmlElement, pick_text: str) -> int:
    """Words of the container's paragraphs that readability's pick left out."""
    have = single_spaced(pick_text)
    missing = 0
    for paragraph in container.iter(*PARAGRAPH_TAGS):
        text = collapsed(paragraph.text_content())
        if text in have:  # most of the container's paragraphs: a substring search, before counting
            continue
        words = count_words(text)
        if words >= MIN_PROSE_WORDS and link_density(paragraph) <= MAX_LINK_DENSITY:
            missing += words
    return missing
