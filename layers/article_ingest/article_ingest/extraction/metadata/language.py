"""Language: what the document declares, else a guess from scripts and common words."""

from __future__ import annotations

import re
from collections import Counter

from article_ingest.extraction.metadata.evidence import Evidence

PRIMARY_TAG = re.compile(r"^[a-zA-Z]{2,3}$")
WORD = re.compile(r"[^\W\d_]+")
# Words frequent in one language and rare in the others, enough to tell apart the big ones.
STOPWORDS = {
    "en": "the and of to is that with for was are this have from not but they which",
    "de": "der die und das ist nicht mit sich auf für dem den ein eine auch",
    "fr": "le la les des est une dans pour pas qui sur que avec du au",
    "es": "el los las del que por una para con se es como más pero sus",
    "pt": "os que não uma para com por mais como dos das foi são ao",
    "it": "il che di della per non sono una con gli del anche più alla",
    "nl": "de het een van en niet dat zijn met voor op ook aan bij",
    "cs": "a je se na že to v s do jsou jako ale by ve pro",
    "pl": "i w nie na się że to jest do z jak ale po od",
    "sv": "och att det som är en på för med av den inte till har",
}
STOPWORD_SETS = {lang: frozenset(words.split()) for lang, words in STOPWORDS.items()}
# Unicode ranges whose script alone names the language (or its usual one).
SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)
SAMPLE_CHARS = 5000  # the head of the text is enough to tell
MIN_SCRIPT_SHARE = 0.15  # share of letters in a script that makes the text that script's
MIN_STOPWORD_HITS = 3  # fewer hits is too little evidence to name a language


def _primary(tag: str | None) -> str | None:
    primary = (tag or "").strip().replace("_", "-").split("-")[0].lower()
    return primary if PRIMARY_TAG.match(primary) else None


def declared_language(evidence: Evidence) -> str | None:
    """The primary language subtag the document declares (<html lang>, meta tags, og:locale)."""
    return next((primary for value in evidence.declared_languages if (primary := _primary(value))), None)


def detect_language(text: str) -> str | None:
    """A guess from the text: the script for non-Latin text, else the most frequent stopwords."""
    sample = text[:SAMPLE_CHARS]
    letters = max(sum(char.isalpha() for char in sample), 1)
    for lang, script in SCRIPTS:
        if len(script.findall(sample)) / letters > MIN_SCRIPT_SHARE:
            return lang
    words = Counter(word.lower() for word in WORD.findall(sample))
    hits = {lang: sum(words[word] for word in stops) for lang, stops in STOPWORD_SETS.items()}
    best = max(hits, key=hits.__getitem__)
    return best if hits[best] >= MIN_STOPWORD_HITS else None
