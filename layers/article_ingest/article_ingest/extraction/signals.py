"""The vocabulary every stage of the body shares: what furniture is called, how much of a block is
links, what ends a sentence. One list and one function for each, so the stages cannot drift apart.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Hashable
from itertools import islice
from typing import TypeVar

import lxml.html

from article_ingest.extraction.words import EDGE_PUNCTUATION, count_words, pieces

Counted = TypeVar("Counted", bound=Hashable)
TOKEN = re.compile(r"\w+")
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# A photo's caption or credit line: "(Credit: AP)", "Getty Images", "(Photo Jane Doe. AFP)".
PHOTO_CREDIT = r"\b(?:credit|getty images|photograph|caption)s?\b|\((?:photo|foto)s?\b"
# English month names and their short forms ("Sept"), an alternation without a group.
MONTH_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A weekday's name or its usual short forms ("Mon", "Tues", "Thurs")
WEEKDAY_WORDS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
)
# A dateline: "24 July 2015", "8th January 2008", "December 18, 2020", "2017-03-10 09:58",
# "08.04.2015 12:46", "8-Jan-2008", "Published on: June 25, 2024", "3 days ago".
DATELINE = re.compile(
    rf"\b(?:\d{{1,2}}(?:\.|st|nd|rd|th)?\s+(?:{MONTH_WORDS})\.?,?\s+\d{{4}}|"
    rf"(?:{MONTH_WORDS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{1,2}}-(?:{MONTH_WORDS})-\d{{4}}|"
    r"\d+ (?:second|minute|hour|day|week|month|year)s? ago)\b",
    re.I,
)
# What a dateline holds beside its date: a weekday, a clock, "at" and "on" ("Posted on Wednesday,
# October 24, 2012 at 10:30 am")
DATE_COMPANIONS = re.compile(
    rf"\b(?:{WEEKDAY_WORDS})\b|\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\b)?|\b(?:at|on)\b", re.I
)
# What prose ends with: sentence punctuation, closing quotes and brackets, CJK full stops.
SENTENCE_END = re.compile(r"[.!?\"'\u201d\u2019)\u3002\uff01\uff1f]$")


class CaselessWords:
    """A regex of lowercase words matched ignoring case (re.IGNORECASE), for class and id names.
    On an ASCII name the same test is the case-sensitive regex over its lowercase, ~5x faster:
    case-insensitive matching turns off the regex engine's skipping of impossible start
    positions. Other names keep the case-insensitive regex (its Unicode folding matches a long
    s as an s, which lowercasing does not)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE or pattern.pattern != pattern.pattern.lower():
            raise ValueError(f"not a case-insensitive pattern of lowercase words: {pattern.pattern!r}")
        self.caseless = pattern
        self.lowercase = re.compile(pattern.pattern)

    def found_in(self, name: str) -> bool:
        """Whether `self.caseless.search(name)` finds a match."""
        if name.isascii():
            return self.lowercase.search(name.lower()) is not None
        return self.caseless.search(name) is not None


def clear_leader(counts: Counter[Counted], *, at_least: int = 1, times: int = 1) -> Counted | None:
    """The most counted item when it clearly leads: counted `at_least` times, more often than
    the runner-up and at least `times` times as often (a tie tells nothing: two stories' share
    links, a "Most read" box's "#comments" link beside the article's own)."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < at_least:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] > runner_up and ranked[0][1] >= times * runner_up else None


def tokens(text: str) -> list[str]:
    """TOKEN.findall(text): the text's runs of word characters, in order. A whitespace-separated
    token that is all letters and digits once its edge punctuation (no word character) is cut is
    one run, taken without a regex match; three in four are, in prose."""
    found: list[str] = []
    for piece in pieces(text):
        for token in piece.split():
            core = token.strip(EDGE_PUNCTUATION)
            if core.isalnum():
                found.append(core)
            elif core:
                found.extend(TOKEN.findall(token))
    return found


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
COMMENT_STEMS = ("comment", "comentario", "commentaire", "kommentar")  # reader comments' names
# The words that name a comment thread or one comment in it, whole ("comment-7", "commentlist",
# id "comments", "respond"; not "commentary"), on the few blocks nearest a date: a page-wide
# wrapper's "has-comments" says nothing about the date inside it.
THREAD_WORDS = frozenset(
    [
        *COMMENT_STEMS,
        "comments", "commentlist", "comentarios", "commentaires", "kommentare", "respond", "reply", "replies",
    ]
)  # fmt: skip
THREAD_REACH = 6  # ancestors of a date searched: WordPress nests a comment's time five deep
# Words of class and id names that mark furniture; names are split into words at punctuation and
# camelCase ("mbArticleShareBtn" -> mb article share btn). Stems also match compounds
# ("relatedposts", "sharedaddy"); short words only whole ("ad", not "address").
FURNITURE_STEMS = (
    "share", "sharing", "social", "related", *COMMENT_STEMS, "newsletter", "promo", "sidebar", "advert",
    "subscribe", "breadcrumb", "recommend", "popular", "trending", "footer", "masthead", "navbox",
    "toolbar", "sponsor", "outbrain", "taboola",
)  # fmt: skip
FURNITURE_WORDS = frozenset(["ad", "ads", "hidden", "bio"])
NAME_PART = re.compile(r"[A-Za-z0-9]+")
CAMEL_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
MAX_ID_WORDS = 3  # a longer id is a heading's slug ("getting-into-trouble-with-shared-history")
NAME_CACHE_SIZE = 4096  # distinct class/id pairs remembered; a page has a few hundred
MIN_CLASS_CHARS = 3  # one- and two-letter classes are generated ("go gp ad"), not named
# A block holding more than this share of the body's words is the article's wrapper, whatever
# its class says.
MAX_FURNITURE_SHARE = 0.3


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
    words = _class_and_id_words(classes, element_id)
    return not words.isdisjoint(FURNITURE_WORDS) or any(word.startswith(FURNITURE_STEMS) for word in words)


def _class_and_id_words(classes: str, element_id: str) -> set[str]:
    """The words of class names and of an id short enough to be a name (not a heading's slug)."""
    words = _name_words(classes)
    if len(NAME_PART.findall(element_id)) <= MAX_ID_WORDS:
        words |= _name_words(element_id)
    return words


def in_comment_thread(element: lxml.html.HtmlElement) -> bool:
    """Whether one of the element's THREAD_REACH nearest ancestors is named as reader comments."""
    return any(
        _thread_names(ancestor.get("class") or "", ancestor.get("id") or "")
        for ancestor in islice(element.iterancestors(), THREAD_REACH)
        if ancestor.get("class") or ancestor.get("id")
    )


def names_comment_thread(element: lxml.html.HtmlElement) -> bool:
    """Whether the element's own class or id names it as reader comments."""
    return _thread_names(element.get("class") or "", element.get("id") or "")


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def _thread_names(classes: str, element_id: str) -> bool:
    return not THREAD_WORDS.isdisjoint(_class_and_id_words(classes, element_id))


def is_furniture_block(element: lxml.html.HtmlElement, body_words: Callable[[], int]) -> bool:
    """A furniture tag (an <aside> or a <nav> is never the article's wrapper, however large), or
    named as furniture and not holding much of the body (a wrapper called "post share-enabled"
    that holds the article is the article, not a share bar). `body_words` counts the body's
    words; it is called only for a block named as furniture."""
    if element.tag in FURNITURE_TAGS:
        return True
    if not named_as_furniture(element):
        return False
    return count_words(element.text_content()) <= MAX_FURNITURE_SHARE * max(body_words(), 1)


def link_density(element: lxml.html.HtmlElement) -> float:
    """The share of an element's text that sits inside links."""
    text = element.text_content()
    linked = sum(len(link.text_content()) for link in element.iter("a"))
    return linked / max(len(text), 1)
