"""Counting words in any script: CJK characters count one word each."""

from __future__ import annotations

import re

# Scripts written without spaces: each character is (roughly) a word.
UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u0e00-\u0e7f"
# Apostrophes and hyphens inside a word keep it one word ("city's", "well-known").
WORD = re.compile(rf"[{UNSPACED}]|[^\W{UNSPACED}]+(?:['\u2019\-][^\W{UNSPACED}]+)*")
# Up to this many characters the words are listed and counted (twice as fast as counting them as
# they match); a longer text's list would cost memory (a 10 MB page's words alone ~100 MB), so
# its words are counted as they match, never held.
MAX_LISTED_CHARS = 200_000


def count_words(text: str) -> int:
    """Words in the text, with unspaced scripts counted per character."""
    if len(text) <= MAX_LISTED_CHARS:
        return len(WORD.findall(text))
    return sum(1 for _ in WORD.finditer(text))
