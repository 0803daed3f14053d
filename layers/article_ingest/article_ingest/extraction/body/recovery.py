"""Paragraphs readability left out just before or after the part of the article it picked.

readability scores containers; when a page splits its body (an intro box, then the rest in a
"read more" wrapper), it picks the larger part and drops the lead. The page's own order tells
where the pick sits: prose paragraphs that directly precede or follow it, in the same enclosing
element and outside any furniture, are the rest of the article. The walk stops at the first
block that is not such a paragraph, so menus, teasers and comments further away stay out.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable

import lxml.html

from article_ingest.extraction.signals import SENTENCE_END, link_density, named_as_furniture, tokens
from article_ingest.extraction.words import count_words

BLOCKS = ("p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table", "figcaption")
PROSE_TAGS = ("p", "blockquote")
MIN_PROSE_WORDS = 12  # shorter paragraphs are captions, datelines and buttons
MAX_PROSE_LINK_DENSITY = 0.25  # more linked text than this is a teaser or a link list
INVISIBLE = ("script", "style", "noscript", "template")
ENCLOSING_LEVELS = 2  # look this far above the pick's paragraphs; higher up is page layout
Normalizer = Callable[[lxml.html.HtmlElement], str]


def _visible_text(element: lxml.html.HtmlElement) -> str:
    """The element's text without script or style text (readability drops those, so they must not
    make a kept paragraph look new)."""
    parts = []
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag not in INVISIBLE and node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return " ".join(parts)


def _normalized(text: str) -> str:
    """The text's words, lowercased and single-spaced."""
    return " ".join(tokens(text.lower()))


def _normal(element: lxml.html.HtmlElement) -> str:
    """The element's visible words, lowercased and single-spaced."""
    return _normalized(_visible_text(element))


def _common_ancestor(elements: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
    shared = list(elements[0].iterancestors())
    for element in elements[1:]:
        ancestors = set(element.iterancestors())
        while shared and shared[0] not in ancestors:
            shared.pop(0)
    return shared[0] if shared else None


def _is_prose(element: lxml.html.HtmlElement, text: str) -> bool:
    if element.tag not in PROSE_TAGS or count_words(text) < MIN_PROSE_WORDS or not SENTENCE_END.search(text):
        return False
    return link_density(element) <= MAX_PROSE_LINK_DENSITY


def _blocks_outside_furniture(scope: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    blocks, stack = [], [scope]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or (element is not scope and named_as_furniture(element)):
            continue
        if element.tag in BLOCKS:
            blocks.append(element)
        stack.extend(reversed(element))
    return blocks


def _scope(found: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
    """The element the search runs in: up to ENCLOSING_LEVELS above the pick's paragraphs."""
    scope = _common_ancestor(found)
    for _ in range(ENCLOSING_LEVELS):
        parent = scope.getparent() if scope is not None else None
        if parent is None or parent.tag in ("body", "html"):
            break
        scope = parent
    return scope


def _adjacent_prose(
    blocks: list[lxml.html.HtmlElement], start: int, step: int, have: str, normal: Normalizer
) -> list[lxml.html.HtmlElement]:
    """Prose paragraphs from `start` walking by `step`, until the first block that is not one."""
    recovered: list[lxml.html.HtmlElement] = []
    index = start
    while 0 <= index < len(blocks):
        text = normal(blocks[index])
        if text and text not in have:
            if not _is_prose(blocks[index], blocks[index].text_content().strip()):
                break
            recovered.append(blocks[index])
        index += step
    return recovered


def recover_adjacent_paragraphs(tree: lxml.html.HtmlElement, pick: lxml.html.HtmlElement) -> None:
    """Add to `pick` (in place) the prose paragraphs directly around it in the page."""
    have = _normal(pick)
    # the pick's paragraphs are copies of the page's: each text is normalised once, for both
    picked_texts: dict[str, str] = {}
    for paragraph in pick.iter("p"):
        text = _visible_text(paragraph)
        if text not in picked_texts:
            picked_texts[text] = _normalized(text)
    picked = set(picked_texts.values()) - {""}

    @functools.cache  # the page's paragraphs are read more than once
    def normal(element: lxml.html.HtmlElement) -> str:
        text = _visible_text(element)
        return picked_texts[text] if text in picked_texts else _normalized(text)

    found = [paragraph for paragraph in tree.iter("p") if normal(paragraph) in picked]
    scope = _scope(found) if found else None
    if scope is None:
        return
    blocks = _blocks_outside_furniture(scope)
    positions = [index for index, block in enumerate(blocks) if block.tag == "p" and normal(block) in picked]
    if not positions:
        return
    before = _adjacent_prose(blocks, positions[0] - 1, -1, have, normal)
    after = _adjacent_prose(blocks, positions[-1] + 1, 1, have, normal)
    for block in before:
        pick.insert(0, copy.deepcopy(block))
    for block in after:
        pick.append(copy.deepcopy(block))
