"""Lines the body repeats from the metadata: the headline and the byline, shown once."""

from __future__ import annotations

import re

import lxml.html

NON_WORD = re.compile(r"\W+")
HEADINGS = ("h1", "h2", "h3", "header")
MAX_BYLINE_CHARS = 80  # a byline line is short; longer blocks that mention the author are prose


def _key(text: str) -> str:
    return NON_WORD.sub(" ", text.casefold()).strip()


def drop_repeated_metadata(
    body: lxml.html.HtmlElement, *, title: str | None, authors: tuple[str, ...]
) -> None:
    """Remove headings that repeat the title and short lines that are only the byline."""
    title_key = _key(title or "")
    names = [_key(name) for name in authors if name.strip()]
    doomed = []
    for element in body.iter(*HEADINGS, "p", "div", "span"):
        text = _key(element.text_content())
        if not text or element is body:
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
