"""Stage 4: pick the article body out of the page (readability-lxml's candidate)."""

from __future__ import annotations

import copy

import lxml.html

from article_ingest.extraction.body.boilerplate import drop_furniture
from article_ingest.extraction.body.readability_pick import readability_pick
from article_ingest.extraction.body.recovery import recover_adjacent_paragraphs
from article_ingest.extraction.body.second_opinion import marked_container, prefer_container
from article_ingest.extraction.body.trafilatura_opinion import trafilatura_body
from article_ingest.extraction.errors import RejectedDocumentError, RejectionReason
from article_ingest.extraction.signals import SENTENCE_END, link_density
from article_ingest.extraction.words import count_words

# readability needs some text to score; below this its pick is unreliable and the whole
# visible body (a short note, a test page) is the better answer.
MIN_CANDIDATE_WORDS = 25
# A shorter pick that reads as prose (this many words, ending a sentence) is a short article, not
# a failed pick: blog notes of a sentence or two, which a second opinion or the visible page would
# bury in the page's other text.
MIN_SHORT_ARTICLE_WORDS = 15
# A short page whose text is mostly link text is navigation (a listing, a login or error page).
MAX_SHORT_PAGE_LINK_DENSITY = 0.5
MIN_NAVIGATION_LINKS = 5  # fewer links is a short note that happens to link, not a menu
# trafilatura has already pruned navigation by its own link-density tests; what it keeps may be a
# list of headlines (a "week in review"), but a body that is nearly all link text is a menu.
MAX_OPINION_LINK_DENSITY = 0.8
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "nav", "header", "footer", "form")


def _visible_body(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The <body> without scripts, styles and page chrome."""
    body = tree.find(".//body")
    body = copy.deepcopy(body if body is not None else tree)
    for element in list(body.iter(*INVISIBLE_TAGS)):
        element.drop_tree()
    body.tag = "div"
    return body


def _is_short_article(text: str, words: int) -> bool:
    return words >= MIN_SHORT_ARTICLE_WORDS and bool(SENTENCE_END.search(text.strip()))


def _trafilatura_if_better(tree: lxml.html.HtmlElement, picked_words: int) -> lxml.html.HtmlElement | None:
    """trafilatura's body when readability's pick is too short to trust and trafilatura finds an
    article-sized body that is not navigation."""
    opinion = trafilatura_body(tree)
    if opinion is None:
        return None
    words = count_words(opinion.text_content())
    too_few = words < MIN_CANDIDATE_WORDS or words <= picked_words
    return None if too_few or link_density(opinion) > MAX_OPINION_LINK_DENSITY else opinion


def pick_content(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """Return the element holding the article body, or reject the page as not an article."""
    body = readability_pick(tree)
    drop_furniture(body)
    picked_text = body.text_content()
    picked_words = count_words(picked_text)
    container = marked_container(tree, picked_words)
    if container is not None and prefer_container(
        picked_text, picked_words, container, link_density(container)
    ):
        container.tag = "div"  # its furniture is already dropped (marked_container)
        return container
    if picked_words >= MIN_CANDIDATE_WORDS or _is_short_article(picked_text, picked_words):
        recover_adjacent_paragraphs(tree, body)
        return body
    opinion = _trafilatura_if_better(tree, picked_words)
    if opinion is not None:
        return opinion
    visible = _visible_body(tree)
    words = count_words(visible.text_content())
    if words == 0:
        raise RejectedDocumentError(RejectionReason.NOT_ARTICLE, "no visible text")
    is_menu = len(visible.xpath(".//a")) >= MIN_NAVIGATION_LINKS
    if is_menu and link_density(visible) > MAX_SHORT_PAGE_LINK_DENSITY:
        raise RejectedDocumentError(RejectionReason.NOT_ARTICLE, f"{words} words, mostly links")
    return visible if words > count_words(body.text_content()) else body
