"""The header of a text document: its headline and byline, looked for just above the article.

Text saved from a page keeps the page's menus above the article, so the first heading-like line
is rarely the headline. The article's run of prose lines is found first (text_input.py); the
headline is then the heading-like line that best fits these hints, weighed together:
- it is repeated: the page's <title> ("Headline - Site") or a breadcrumb ends with it;
- a byline or a dateline follows it closely;
- it sits close above the article's first prose line.
The byline is a "By ..." line after the headline, or a name on its own line next to a dateline.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from article_ingest.extraction.metadata.authors import clean_authors

TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|»|\u203a|·|_)\s+")
BREADCRUMB = re.compile(r"\s(?:»|\u203a|>|/|\|)\s")
BYLINE = re.compile(r"^(?:by|von|par|por|written by)\b[:\s]*(\S.*)?$", re.I)
MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december"
)
# A dateline: "24 July 2015", "December 18, 2020", "2017-03-10 09:58", "Published on: June 25, 2024".
DATELINE = re.compile(
    rf"\b(?:\d{{1,2}}\.?\s+(?:{MONTHS})\.?,?\s+\d{{4}}|(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})\b",
    re.I,
)
# Page furniture that looks like a heading: calls to action, sharing, captions and credits.
INTERFACE = re.compile(
    r"^(?:share|print|email|e-mail|save|tweet|pin|follow|subscribe|sign (?:in|up|out)|log ?(?:in|out)|"
    r"my |menu|search|view |full screen|skip|jump to|resize|explore|report (?:chapter|abuse|this)|"
    r"continue reading|read (?:on|more)|buy|supported by|sponsored|advertisement|"
    r"comments?\b|reviewed by|updated|published|posted|related|recommended|trending|home\b)|"
    r"\b(?:credit|getty images|photograph|caption)s?\b",
    re.I,
)
NAME_WORD = re.compile(r"^[A-Z\u00c0-\u00de][\w'\u2019.-]*$")
SENTENCE_END = re.compile(r"[.,;:]$")  # a headline may end in ? or !, not in a full stop
PROSE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\u3002\uff01\uff1f]$")  # how a line of prose ends
MIN_TITLE_WORDS = 2  # one word is a menu item or a section name
MAX_TITLE_WORDS = 25  # longer lines are sentences, not headlines
MAX_TITLE_CHARS = 200
MAX_DATELINE_WORDS = 14  # a longer line with a date in it is prose mentioning a date
NAME_WORDS = (2, 4)  # a name on its own line: first and last name, maybe a middle name
TITLE_LOOKBACK = 60  # lines above the article's first prose line searched for the headline
TITLE_LOOKAHEAD = 1  # the headline may open the prose run (a long headline scores as prose)
HEADER_SPAN = 5  # lines after the headline searched for its byline and dateline
NEAR_RUN = 8  # lines above the article that count as "close to it"
REPEATED_WEIGHT = 5  # a headline repeated by the <title> or a breadcrumb is the surest hint
BYLINE_WEIGHT = 2  # a byline or dateline just below is the next surest
NEAR_WEIGHT = 2  # closeness to the article decides among plain heading-like lines...
NEARISH_WEIGHT = 1  # ...and a little within twice that distance
LIST_COST = 3  # a line between two one-to-four-word lines is a menu or contents entry
MAX_MENU_WORDS = 4  # menu entries are a few words; a headline's neighbours (subtitle, byline) longer
MIN_REPEATED_WORDS = 4  # menus repeat their short entries; a repeated longer line is a headline
MIN_TITLE_SCORE = 2  # below this no line is trusted as the headline


@dataclass(frozen=True, slots=True)
class TextHeader:
    """Where the headline and byline are (line indexes) and the byline's names."""

    title_index: int | None = None
    byline_end: int | None = None  # index of the last byline line, when there is one
    authors: tuple[str, ...] = ()


def _is_dateline(plain: str) -> bool:
    return len(plain.split()) <= MAX_DATELINE_WORDS and bool(DATELINE.search(plain))


def _is_name_line(plain: str) -> bool:
    words = plain.split()
    return NAME_WORDS[0] <= len(words) <= NAME_WORDS[1] and all(NAME_WORD.match(word) for word in words)


def _title_like(plain: str, following: str, *, linked: bool) -> bool:
    """A standalone heading-like line: short, unpunctuated, not a link, byline, date or crumb.

    A line that starts in lower case, or is continued by one that does, is a hard-wrapped
    sentence, not a headline.
    """
    words = len(plain.split())
    return (
        MIN_TITLE_WORDS <= words <= MAX_TITLE_WORDS
        and not plain[0].islower()
        and not (following[:1].islower() and not BYLINE.match(following))
        and len(plain) <= MAX_TITLE_CHARS
        and not linked
        and not SENTENCE_END.search(plain)
        and not BREADCRUMB.search(plain)
        and not BYLINE.match(plain)
        and not _is_dateline(plain)
        and not INTERFACE.search(plain)
        and any(char.isalpha() for char in plain)
    )


def _key(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def _repeated_keys(plains: list[str]) -> set[str]:
    """Keys of the lines a page repeats as its title: <title> segments and breadcrumb tails."""
    keys: set[str] = set()
    for plain in plains:
        segments = TITLE_SEPARATOR.split(plain)
        for cut in range(1, len(segments)):
            keys |= {_key(" ".join(segments[:cut])), _key(" ".join(segments[cut:]))}
        if BREADCRUMB.search(plain):
            keys.add(_key(BREADCRUMB.split(plain)[-1]))
    keys.discard("")
    return keys


def _byline_below(plains: list[str], index: int) -> bool:
    end = min(len(plains), index + 1 + HEADER_SPAN)
    return any(
        BYLINE.match(plains[below]) or _is_dateline(plains[below]) or _is_byline_name(plains, below)
        for below in range(index + 1, end)
    )


def _is_byline_name(plains: list[str], index: int) -> bool:
    """A name on its own line under a longer heading, under a bare "By" or beside a dateline."""
    if not _is_name_line(plains[index]):
        return False
    if any(_is_dateline(line) for line in plains[max(0, index - 1) : index + 2]):
        return True
    previous = plains[index - 1] if index else ""
    return bool(BYLINE.match(previous)) or len(previous.split()) > NAME_WORDS[1]


def _score_title(
    plains: list[str], index: int, run_start: int, repeated: set[str], counts: Counter[str]
) -> int:
    plain = plains[index]
    repeats = counts[plain] > 1 and len(plain.split()) >= MIN_REPEATED_WORDS
    score = REPEATED_WEIGHT if _key(plain) in repeated or repeats else 0
    score += BYLINE_WEIGHT if _byline_below(plains, index) else 0
    if run_start - NEAR_RUN <= index:
        score += NEAR_WEIGHT
    elif run_start - 2 * NEAR_RUN <= index:
        score += NEARISH_WEIGHT
    return score - (LIST_COST if _in_list(plains, index) else 0)


def _in_list(plains: list[str], index: int) -> bool:
    """Whether the line sits between two menu entries (a byline below it is no menu entry)."""
    if index == 0 or index + 1 >= len(plains) or _is_byline_name(plains, index + 1):
        return False
    return all(_menu_entry(plains[neighbour]) for neighbour in (index - 1, index + 1))


def _menu_entry(plain: str) -> bool:
    return (
        len(plain.split()) <= MAX_MENU_WORDS
        and not SENTENCE_END.search(plain)
        and not _is_dateline(plain)
        and not BYLINE.match(plain)
    )


def _prose_start(plains: list[str], run_start: int) -> int:
    """The run's first line of prose: a run may open with the header's short lines."""
    index = run_start
    while index < min(len(plains) - 1, run_start + HEADER_SPAN) and _heading_length(plains[index]):
        index += 1
    return index


def _heading_length(plain: str) -> bool:
    return len(plain.split()) <= MAX_TITLE_WORDS and not PROSE_END.search(plain)


def find_title(plains: list[str], linked: list[bool], run_start: int) -> int | None:
    """The index of the headline line, or None when no line is convincing."""
    prose_start = _prose_start(plains, run_start)
    first = max(0, prose_start - TITLE_LOOKBACK)
    last = min(len(plains), prose_start + TITLE_LOOKAHEAD)
    repeated, counts = _repeated_keys(plains[:last]), Counter(plains)
    best, best_score = None, MIN_TITLE_SCORE - 1
    for index in range(first, last):
        following = plains[index + 1] if index + 1 < len(plains) else ""
        if not _title_like(plains[index], following, linked=linked[index]) or _is_byline_name(plains, index):
            continue
        score = _score_title(plains, index, prose_start, repeated, counts)
        if score >= best_score:  # ties go to the line closer to the article
            best, best_score = index, score
    return best


def find_byline(plains: list[str], title_index: int) -> tuple[int | None, tuple[str, ...]]:
    """The byline below the headline: "By Jane Doe", "By" then a name, or a name by a dateline."""
    end = min(len(plains), title_index + 1 + HEADER_SPAN)
    for index in range(title_index + 1, end):
        match = BYLINE.match(plains[index])
        if match and match.group(1):
            return index, tuple(clean_authors(plains[index]))
        if match and index + 1 < len(plains) and _is_name_line(plains[index + 1]):
            return index + 1, tuple(clean_authors(plains[index + 1]))
        if _is_byline_name(plains, index):
            return index, tuple(clean_authors(plains[index]))
    return None, ()


def read_header(plains: list[str], linked: list[bool], run_start: int) -> TextHeader:
    """The headline and byline of a text document whose article starts at `run_start`."""
    title_index = find_title(plains, linked, run_start)
    if title_index is None:
        return TextHeader()
    byline_end, authors = find_byline(plains, title_index)
    return TextHeader(title_index=title_index, byline_end=byline_end, authors=authors)
