"""Language: the page's declaration when its text agrees, else a detector; unsure means none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from article_ingest.extraction import extract
from tests.support.pages import html_page, prose

LANGUAGES = Path(__file__).parents[2] / "fixtures" / "languages"
EXPECTED: dict[str, str | None] = json.loads((LANGUAGES / "expected.json").read_text(encoding="utf-8"))
# Of the 39 languages, close neighbours may be left without a language, never given a wrong one.
MIN_RIGHT = 36


def test_undeclared_pages_in_39_languages_get_their_language_or_none_never_a_wrong_one() -> None:
    # Given the project's own news pages in 39 languages, none declaring its language
    found = {name: extract((LANGUAGES / name).read_bytes()).language for name in EXPECTED}
    # When their languages are compared with the truth
    right = [name for name, code in found.items() if code == EXPECTED[name]]
    wrong = {name: code for name, code in found.items() if code is not None and code != EXPECTED[name]}
    # Then nearly all are right and none is wrong (lorem ipsum has no language)
    assert wrong == {}
    assert len(right) >= MIN_RIGHT
    assert found["xx-lorem.html"] is None


NEIGHBOURS = ["uk.html", "bg.html", "sr.html", "sk.html", "da.html", "no.html", "ca.html"]


@pytest.mark.parametrize("name", NEIGHBOURS)
def test_close_neighbours_are_told_apart(name: str) -> None:
    # Given a page in a language with a close neighbour (ru, cs, sv, es ...) / When extracted
    article = extract((LANGUAGES / name).read_bytes())
    # Then it is its own language, marked as detected
    assert (article.language, article.sources["language"]) == (EXPECTED[name], "detected")


def test_a_declared_language_the_text_agrees_with_is_kept_as_declared() -> None:
    article = extract(html_page(prose(), lang="en-US"))
    assert (article.language, article.sources["language"]) == ("en", "declared")


def test_a_template_declaring_english_over_a_german_article_yields_to_the_text() -> None:
    # Given a German article in a template that declares English
    german = "Der Stadtrat hat am Dienstag beschlossen, das Busnetz der Stadt deutlich zu erweitern. "
    body = "".join(f"<p>{german * 3}</p>" for _ in range(4))
    # When it is extracted
    article = extract(html_page(body, lang="en"))
    # Then the text's language wins, and says it was detected
    assert (article.language, article.sources["language"]) == ("de", "detected")


def test_too_little_text_to_tell_keeps_the_declaration_and_guesses_nothing_without_one() -> None:
    short = "<p>Buses return.</p>"
    assert extract(html_page(short, lang="fr")).language == "fr"
    assert extract(f"<html><body>{short}</body></html>".encode()).language is None
