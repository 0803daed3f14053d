"""Word counts: the same count however long the text, without holding a long text's words."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from article_ingest.extraction import words
from article_ingest.extraction.signals import TOKEN, clear_leader, tokens
from article_ingest.extraction.words import MAX_LISTED_CHARS, WORD, count_words


def _counted_one_by_one(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))


def test_short_texts_count_words_and_unspaced_characters() -> None:
    assert count_words("The city's well-known bus, 中文") == 6


LONG_TEXTS = {
    "endless hyphenated word": "a-" * MAX_LISTED_CHARS + "a",
    "one long word then words": "ab" * MAX_LISTED_CHARS + " " + "c d",
    "no break at all": "a" * (3 * MAX_LISTED_CHARS),
    "only spaces": " " * (2 * MAX_LISTED_CHARS),
    "short words": "x y " * MAX_LISTED_CHARS,
}


@pytest.mark.parametrize("text", LONG_TEXTS.values(), ids=list(LONG_TEXTS))
def test_long_texts_are_counted_in_pieces_without_splitting_a_word(text: str) -> None:
    # Given a text longer than one listed piece, cut where a word can or cannot run on
    # When counted / Then the count is the one a match-by-match count gives
    assert count_words(text) == _counted_one_by_one(text)


def test_random_long_texts_count_the_same_as_one_by_one() -> None:
    # Given long texts of words, joiners, unspaced characters and breaks in random mixes
    rng = random.Random(11)  # fixed: the same texts on every run
    alphabet = ["a", " ", "-", "'", "\u2019", "中", "\n", ",", "x_", "é"]
    for _ in range(8):
        kinds = alphabet[: rng.randint(2, len(alphabet))]
        text = "".join(rng.choice(kinds) for _ in range(rng.choice([1000, 250_000, 450_000])))
        # When counted / Then the count is the one a match-by-match count gives
        assert count_words(text) == _counted_one_by_one(text)


def test_a_long_text_is_never_listed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a text of many short words, five pieces long
    text = "x y " * (MAX_LISTED_CHARS // 4 * 5)
    pieces: list[int] = []
    count_listed = words._count_listed

    def recording(piece: str) -> int:
        pieces.append(len(piece))
        return count_listed(piece)

    monkeypatch.setattr(words, "_count_listed", recording)
    # When counted / Then every piece split into its words is at most about one piece long
    assert count_words(text) == len(text.split())
    assert len(pieces) >= 5
    assert max(pieces) <= MAX_LISTED_CHARS + 1


def test_tokens_counted_without_a_match_count_as_the_regex_does() -> None:
    # Given short texts mixing the shortcut's cases: plain and accented words, punctuation around
    # and inside them, joiners, underscores, combining marks, numerals, unspaced scripts
    rng = random.Random(5)  # fixed: the same texts on every run
    alphabet = ["a", "B", " ", "-", "'", "\u2019", "中", "\n", ",", "_", "é", ".", "(", "—", "\u0e01", "\xa0"]
    alphabet += ["1", "ß", "\u0301", "Ⅻ", "²", "İ", "«"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.choice([1, 5, 30, 200])))
        # When counted / Then the count is the one a match-by-match count gives
        assert count_words(text) == _counted_one_by_one(text), repr(text)


@pytest.mark.parametrize("size", [1, 5, 30, 200])
def test_tokens_are_the_runs_of_word_characters_the_regex_finds(size: int) -> None:
    # Given short texts of the shortcut's edge cases (punctuation at and inside tokens, joiners,
    # underscores, combining marks, numerals, unspaced scripts, odd whitespace)
    rng = random.Random(size)  # fixed: the same texts on every run
    alphabet = ["a", "B", " ", "-", "'", "\u2019", "中", "\n", ",", "_", "é", ".", "(", "—", "\u0e01", "\xa0"]
    alphabet += ["1", "ß", "\u0301", "Ⅻ", "²", "İ", "«", "\u2028"]
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(size))
        # When tokenised / Then the tokens are TOKEN.findall's
        assert tokens(text) == TOKEN.findall(text), repr(text)


def test_a_long_text_is_tokenised_in_pieces_without_splitting_a_token() -> None:
    # Given texts longer than one piece, with and without whitespace to cut at
    for text in (
        "word, " * MAX_LISTED_CHARS,
        "a" * (2 * MAX_LISTED_CHARS),
        "a " + "b" * MAX_LISTED_CHARS + " c",
    ):
        # When tokenised / Then the tokens are TOKEN.findall's
        assert tokens(text) == TOKEN.findall(text)


def test_single_spacing_is_the_regex_s() -> None:
    # Given texts of letters, punctuation and every kind of whitespace, leading and trailing too
    generator = random.Random(11)
    whitespace = [chr(code) for code in range(0x3001) if chr(code).isspace()]
    pieces = ["a", "word", ".", "\u00e9", "", *whitespace, "  ", "\n\n"]
    texts = ["".join(generator.choice(pieces) for _ in range(generator.randint(0, 8))) for _ in range(5000)]
    # When single-spaced / Then each is what re.sub(r"\s+", " ") makes, and collapsed its strip()
    for text in texts:
        expected = re.sub(r"\s+", " ", text)
        assert words.single_spaced(text) == expected, repr(text)
        assert words.collapsed(text) == expected.strip(), repr(text)


@pytest.mark.parametrize(
    ("counts", "at_least", "times", "leader"),
    [
        ({"a": 3, "b": 1}, 1, 1, "a"),
        ({"a": 2, "b": 2}, 1, 1, None),  # a tie tells nothing
        ({"a": 1}, 2, 1, None),  # counted too few times
        ({"a": 2, "b": 1}, 1, 2, "a"),  # twice the runner-up
        ({"a": 3, "b": 2}, 1, 2, None),  # ...or not
        ({}, 1, 1, None),
    ],
)
def test_the_clear_leader_of_counts(
    counts: dict[str, int], at_least: int, times: int, leader: str | None
) -> None:
    # Given counts / When the clear leader is asked for / Then it is the one leading by the margin
    assert clear_leader(Counter(counts), at_least=at_least, times=times) == leader
