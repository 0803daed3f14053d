"""How an extraction is scored against a corpus page's expectations.

Body: lowercase `\\w+` tokens, 4-token shingles compared as multisets; per page tp/fp/fn are
normalised to sum 1, precision and recall are averaged over pages, F1 is taken of the averages.
Metadata: compared only where the expectation is non-null, after a documented normalisation:
- title: case-, whitespace- and punctuation-insensitive equality, also when one side is the
  other less leading or trailing site-name segments ("Headline | Site" matches "Headline");
- byline: every name the expected byline holds is contained in the extracted authors (same
  normalisation). The names of a byline: drop a leading "By"/"Par"/"Von"/"Written by", keep the
  first line, cut at the first digit (bylines run into dates), drop URLs, split on , ; & ( ) and
  the words and/und/et/y/avec/with: "By Jane Doe and John Roe" expects "jane doe" and "john roe";
- published date: the same calendar day (the leading YYYY-MM-DD of both);
- language: the same primary subtag ("en-US" matches "en").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

SHINGLE_SIZE = 4  # long enough to tell boilerplate from body, short enough to forgive a reordering
TOKEN = re.compile(r"\w+")
NON_WORD = re.compile(r"[\W_]+")
BYLINE_SEPARATORS = re.compile(r"\s*(?:[,;&()|]|\b(?:and|und|et|y|avec|with)\b)\s*", re.I)
BYLINE_LEAD = re.compile(r"^\s*(?:written by|posted by|by|von|par|por)\b[:\s]*", re.I)
URL = re.compile(r"(?:https?://|www\.)\S*", re.I)
# Separators between a headline and the site name in a <title>.
TITLE_SEGMENT = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|»|·|_)\s+")
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class BodyScore:
    """One page's shingle overlap, normalised so tp + fp + fn == 1."""

    precision: float
    recall: float


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of 4-token shingles of a text (a shorter text is one shingle)."""
    tokens = [token.lower() for token in TOKEN.findall(text)]
    if len(tokens) < SHINGLE_SIZE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + SHINGLE_SIZE]) for i in range(len(tokens) - SHINGLE_SIZE + 1))


def score_body(extracted: str, expected: str) -> BodyScore:
    """Precision and recall of the extracted body's shingles against the expected body's."""
    got, want = shingles(extracted), shingles(expected)
    tp = sum((got & want).values())
    fp = sum(got.values()) - tp
    fn = sum(want.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return BodyScore(precision=1.0, recall=1.0)
    tp_n, fp_n, fn_n = tp / total, fp / total, fn / total
    precision = tp_n / (tp_n + fp_n) if tp_n + fp_n else 0.0
    recall = tp_n / (tp_n + fn_n) if tp_n + fn_n else 0.0
    return BodyScore(precision=precision, recall=recall)


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def normalise(value: str) -> str:
    """Casefolded, accent-stable text with punctuation and whitespace collapsed to single spaces."""
    return NON_WORD.sub(" ", unicodedata.normalize("NFKC", value).casefold()).strip()


def _title_variants(title: str) -> set[str]:
    """The title, and its leading and trailing runs of separator-delimited segments."""
    parts = TITLE_SEGMENT.split(title.strip())
    variants = {title}
    for cut in range(1, len(parts)):
        variants |= {" ".join(parts[:cut]), " ".join(parts[cut:])}
    return {normalise(variant) for variant in variants}


def title_matches(extracted: str | None, expected: str) -> bool:
    """Whether the titles agree, allowing one side a site-name segment the other lacks."""
    if not extracted:
        return False
    got, want = normalise(extracted), normalise(expected)
    return got == want or got in _title_variants(expected) or want in _title_variants(extracted)


def expected_names(byline: str) -> list[str]:
    """The names a byline such as "By Jane Doe and John Roe" expects."""
    lines = [line for line in BYLINE_LEAD.sub("", byline).splitlines() if line.strip()]
    head = re.split(r"\d", lines[0], maxsplit=1)[0] if lines else ""
    names = [normalise(part) for part in BYLINE_SEPARATORS.split(URL.sub("", head))]
    return [name for name in names if name]


def byline_matches(extracted: str | None, expected: str) -> bool:
    """Whether every expected name is contained in the extracted authors."""
    if not extracted:
        return False
    got = normalise(extracted)
    names = expected_names(expected)
    return bool(names) and all(name in got for name in names)


def date_matches(extracted: str | None, expected: str) -> bool:
    """Whether both dates fall on the same calendar day."""
    got, want = ISO_DAY.search(extracted or ""), ISO_DAY.search(expected)
    return got is not None and want is not None and got.groups() == want.groups()


def language_matches(extracted: str | None, expected: str) -> bool:
    """Whether the primary language subtags agree."""
    if not extracted:
        return False
    return _primary_subtag(extracted) == _primary_subtag(expected)


def _primary_subtag(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].strip().lower()
