"""Lines the body repeats from the metadata: the headline and the byline, shown once."""

from __future__ import annotations

import re

import lxml.html

NON_WORD = re.compile(r"\W+")
HEADINGS = ("h1", "h2", "h3", "header")
MAX_BYLINE_CHARS = 80  # a byline line is short; longer blocks that mention the author are prose
# Raw text this many times longer than the title or byline cannot normalise down to either;
# skipping it spares normalising every container of the article (whitespace inflates raw text).
RAW_SLACK = 4


def _key(text: str) -> str:
    return NON_WORD.sub(" ", text.casefold()).strip()


def drop_repeated_metadata(
    body: lxml.html.HtmlElement, *, title: str | None, authors: tuple[str, ...]
) -> None:
    """Remove headings that repeat the title and short lines that are only the byline."""
    title_key = _key(title or "")
    names = [_key(name) for name in authors if name.strip()]
    max_raw = RAW_SLACK * max(len(title or ""), MAX_BYLINE_CHARS)
    doomed = []
    for element in body.iter(*HEADINGS, "p", "div", "span"):
        raw = element.text_content()
        if element is body or len(raw) > max_raw:
            continue
        text = _key(raw)
        if not text:
            continue
        repeats_title = element.tag in HEADINGS and text == title_key
        if repeats_title or (names and len(text) <= MAX_BYLINE_CHARS and _is_byline(text, names)):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _is_byline(text: str, names: list[str]) -> bool:
    rest = text
    for name in names:
        rest = rest.replace(name, " ")
    return rest != text and _key(rest) in ("", "by", "von", "par", "por", "and", "by and")
