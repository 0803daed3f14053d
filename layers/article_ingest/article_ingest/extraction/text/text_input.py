"""Plain text saved from a page (with stray inline links): title, byline and the article's lines.

Such text keeps the page's furniture (breadcrumbs, menus, share bars, "You may also like",
comment forms) as lines around the article. Each line is scored as prose or furniture and the
highest-scoring contiguous run of lines is the article (the maximum-subarray view of
Finn et al.'s body text extraction).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import lxml.html

from article_ingest.extraction.input.parse import parse_fragment
from article_ingest.extraction.text.slugs import own_slug, slug_words, spells, squash
from article_ingest.extraction.text.text_header import FURNITURE, TextHeader, read_header
from article_ingest.extraction.words import count_words

# (a link's text holds no other link's start: an unclosed <a> is not read on to the line's end)
INLINE_LINK = re.compile(
    r"""<a\s+[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>((?:(?!<a\s).)*?)</a\s*>""", re.I | re.S
)
ANY_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
BREADCRUMB = re.compile(r"\s(?:»|\u203a|>|/|\|)\s")
SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\u3002\uff01\uff1f]$")
# Lines of noise interleaved with the article (ad slots, teasers): dropped, but the run goes on.
NOISE = re.compile(
    r"^(?:advertisement|anzeige|publicité|read more|subscribe|sign up|newsletter|cookie)", re.I
)
# Lines that open the reader comments: prose after them is not the article's.
COMMENTS = re.compile(
    r"^(?:leave a (?:comment|reply)|add (?:new|a) comment|post a comment|(?:view|show|read) comments|"
    r"\d+ comments?$|comments?(?: \(\d+\))?$|join the discussion|reader comments)",
    re.I,
)
MIN_WORDS_BEFORE_COMMENTS = 150  # a comments marker this early is a link in the page header
MAX_LINE_SCORE = 20  # one long teaser must not outweigh the short lines around it
SHORT_LINE_COST = 4  # words a line without sentence punctuation needs to count as prose
PROSE_BONUS = 5  # sentence punctuation is the strongest hint of prose
LINK_LINE_COST = 15  # a line that is only a link is navigation
FURNITURE_COST = 60  # furniture markers cut the run
NOISE_COST = 3  # an ad slot between paragraphs must not split the article
MAX_CRUMB_WORDS = 12  # a breadcrumb is a few short links; a longer line with a slash is prose
LINK_LINE_SHARE = 0.8  # a line whose text is mostly link text is a link, not prose
LIST_REACH = 2  # article links this close together are a list ("Read on" labels between)


@dataclass(frozen=True, slots=True)
class TextArticle:
    """What a text document yields: the headline, byline names and the body as HTML."""

    title: str | None
    authors: tuple[str, ...]
    body: lxml.html.HtmlElement


def _plain(line: str) -> str:
    return html.unescape(ANY_TAG.sub("", line)).strip()


def inline_markup_to_html(line: str) -> str:
    """Escape a text line, except for <a href> links which stay links; other tags are dropped."""
    out: list[str] = []
    position = 0
    for match in INLINE_LINK.finditer(line):
        out.append(html.escape(_plain(line[position : match.start()]), quote=False))
        out.append(f'<a href="{html.escape(match.group(1))}">{html.escape(_plain(match.group(2)))}</a>')
        position = match.end()
    out.append(html.escape(_plain(line[position:]), quote=False))
    return " ".join(part for part in out if part)


def _line_score(line: str) -> int:
    plain = _plain(line)
    words = count_words(plain)
    if FURNITURE.match(plain):
        return -FURNITURE_COST
    if NOISE.match(plain):
        return -NOISE_COST
    if _is_link_line(line, plain):
        return -LINK_LINE_COST
    score = min(words, MAX_LINE_SCORE) - SHORT_LINE_COST
    return score + PROSE_BONUS if SENTENCE_END.search(plain) else score


def best_run(scores: list[int]) -> tuple[int, int]:
    """The [start, end) of the contiguous run with the highest total score."""
    best, best_span, total, start = 0, (0, 0), 0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0, index
        total += score
        if total > best:
            best, best_span = total, (start, index + 1)
    return best_span


def _cut_comments(lines: list[str], start: int) -> list[str]:
    """The lines up to the reader comments, once enough of the article came before them."""
    words = 0
    for index in range(start, len(lines)):
        plain = _plain(lines[index])
        if words >= MIN_WORDS_BEFORE_COMMENTS and COMMENTS.match(plain):
            return lines[:index]
        words += count_words(plain) if _line_score(lines[index]) > 0 else 0
    return lines


def _is_furniture(plain: str) -> bool:
    """Breadcrumbs and furniture lines caught inside the article run."""
    return bool(FURNITURE.match(plain) or NOISE.match(plain)) or (
        bool(BREADCRUMB.search(plain)) and len(plain.split()) <= MAX_CRUMB_WORDS
    )


def _is_link_line(line: str, plain: str) -> bool:
    linked = sum(len(_plain(match.group(2))) for match in INLINE_LINK.finditer(line))
    return bool(linked) and linked >= len(plain) * LINK_LINE_SHARE


def _is_permalink(line: str, plain: str) -> bool:
    """Whether the line is a link whose address's last segment spells the line's own words: an
    article's headline linked to its page ("/minecraft-18-the-bountiful-update"), the slug
    perhaps cut short ("...-gamings-riche-128402")."""
    match = INLINE_LINK.search(line)
    return match is not None and spells(slug_words(match.group(1)), plain)


def _rejoin_wrapped_headline(lines: list[str], own: list[str]) -> list[str]:
    """The lines with the headline made one line again when it was saved wrapped over two
    ("List of films" / "featuring time loops") and together they spell the page's own slug."""
    slug = "".join(own)
    for index in range(len(lines) - 1):
        first = squash(_plain(lines[index]))
        joined = f"{lines[index]} {lines[index + 1]}"
        if first and slug.startswith(first) and len(slug) > len(first) and spells(own, _plain(joined)):
            return [*lines[:index], joined, *lines[index + 2 :]]
    return lines


def _navigation_links(lines: list[str], plains: list[str]) -> list[bool]:
    """Which lines are navigation links: link lines, but for a headline linked to its own page.

    Article links close together are a list of other articles (related, featured), not a headline.
    """
    permalinks = [_is_permalink(line, plain) for line, plain in zip(lines, plains, strict=True)]
    lone = [
        permalink and sum(permalinks[max(0, index - LIST_REACH) : index + 1 + LIST_REACH]) == 1
        for index, permalink in enumerate(permalinks)
    ]
    return [
        _is_link_line(line, plain) and not lone[index]
        for index, (line, plain) in enumerate(zip(lines, plains, strict=True))
    ]


def _article_lines(lines: list[str], scores: list[int], header: TextHeader) -> list[str]:
    """The best run of lines below the header, less the furniture inside it."""
    below = header.end_index if header.end_index is not None else header.title_index
    start = below + 1 if below is not None else 0
    first, last = best_run(scores[start:])
    return [line for line in lines[start + first : start + last] if not _is_furniture(_plain(line))]


def read_text(text: str) -> TextArticle:
    """Split a text document into headline, byline and article lines.

    The article's run is found first, the headline and byline above it (text_header.py), and
    the run is then taken again from below the byline, so the header is not part of the body.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # (the reader comments' "#comment-12" links point to the page too)
    own = own_slug([match.group(1) for line in lines for match in INLINE_LINK.finditer(line)])
    lines = _cut_comments(lines, 0)
    lines = _rejoin_wrapped_headline(lines, own) if own else lines
    plains = [_plain(line) for line in lines]
    scores = [_line_score(line) for line in lines]
    run_start, run_end = best_run(scores)
    linked = _navigation_links(lines, plains)
    # without a run of prose there is no article to find a header above
    header = read_header(plains, linked, run_start, own) if run_end > run_start else TextHeader()
    kept = _article_lines(lines, scores, header)
    if not kept and header.title_index is not None:
        header = TextHeader()  # a "headline" that leaves no article below it was the article
        kept = _article_lines(lines, scores, header)
    kept = kept or lines
    body = "".join(f"<p>{inline_markup_to_html(line)}</p>" for line in kept)
    title = plains[header.title_index] if header.title_index is not None else None
    return TextArticle(title=title, authors=header.authors, body=parse_fragment(body))
