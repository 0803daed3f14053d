"""Counting words in any script: CJK characters count one word each."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Scripts written without spaces: each character is (roughly) a word.
UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u0e00-\u0e7f"
# Apostrophes and hyphens inside a word keep it one word ("city's", "well-known").
WORD = re.compile(rf"[{UNSPACED}]|[^\W{UNSPACED}]+(?:['\u2019\-][^\W{UNSPACED}]+)*")
# Words are listed and counted in pieces of about this many characters, cut at whitespace (no
# word spans it): one list for a long text would cost memory (a 10 MB page's words alone ~100 MB).
# A token longer than this (one endless word and its joiners, no whitespace) is counted as it
# matches, never listed.
MAX_LISTED_CHARS = 200_000
# Within a piece, words are counted per whitespace-separated token: a token that is, once the
# punctuation around it is cut, all letters and digits (str.isalnum is the regex's \w less "_")
# below the first unspaced script is one word without a regex match; three tokens in four are,
# in prose. Any other token is matched by WORD.
EDGE_PUNCTUATION = ".,;:!?()[]{}\"'\u2019\u2018\u201c\u201d\u00ab\u00bb-\u2013\u2014\u2026"
FIRST_UNSPACED = "\u0e00"
WHITESPACE = re.compile(r"\s")


def count_words(text: str) -> int:
    """Words in the text, with unspaced scripts counted per character."""
    return sum(_count_listed(piece) for piece in pieces(text))


def pieces(text: str) -> Iterator[str]:
    """The text in pieces of about MAX_LISTED_CHARS characters, cut at whitespace (no word or
    token of word characters spans one): a long text's tokens are listed a piece at a time."""
    start = 0
    while len(text) - start > MAX_LISTED_CHARS:
        cut = WHITESPACE.search(text, start + MAX_LISTED_CHARS)
        if cut is None:
            break
        yield text[start : cut.start()]
        start = cut.start()
    yield text[start:] if start else text


def _count_listed(text: str) -> int:
    count = 0
    for token in text.split():
        core = token.strip(EDGE_PUNCTUATION)
        if core.isalnum() and (core.isascii() or max(core) < FIRST_UNSPACED):
            count += 1
        elif len(token) > MAX_LISTED_CHARS:  # one endless word: counted as it matches
            count += sum(1 for _ in WORD.finditer(token))
        elif core:
            count += len(WORD.findall(token))
    return count


def single_spaced(text: str) -> str:
    """Each run of whitespace as one space: `re.sub(r"\\s+", " ", text)`, made by str.split (several
    times faster; both know whitespace by str.isspace)."""
    words = text.split()
    if not words:
        return " " if text else ""
    joined = " ".join(words)
    if text[0].isspace():
        joined = " " + joined
    return joined + " " if text[-1].isspace() else joined


def collapsed(text: str) -> str:
    """single_spaced(text).strip(): the words joined by single spaces."""
    return " ".join(text.split())
