"""readability's pick: same measure, cheaper, and quiet about the failures it falls back from."""

from __future__ import annotations

import logging
import random

import lxml.html
import pytest
import readability.readability

from article_ingest.extraction.body.readability_pick import (
    READABILITY_LOGGER,
    clean_whitespace,
    readability_pick,
    text_length,
)

from .conftest import prose


def test_text_length_counts_whitespace_runs_as_one_character() -> None:
    # Given an element whose text is spread over indented lines
    element = lxml.html.fragment_fromstring("<div>\n   Buses\t\treturn  <b>today</b>\n</div>")
    # When measured / Then the runs of whitespace count once and the ends not at all
    assert text_length(element) == len("Buses return today")


def test_whitespace_is_collapsed_exactly_as_readability_does() -> None:
    # Given texts built from runs of every kind of whitespace, some longer than readability's
    # 255-character cut, between letters and commas
    pieces = [" ", "\n", "\t", "\r", "\xa0", "\u2003", "\x0b", "a", ","]
    lengths = [1, 2, 3, 254, 255, 256, 700]
    rng = random.Random(7)  # fixed: the same texts on every run
    texts = [
        "".join(rng.choice(pieces) * rng.choice(lengths) for _ in range(rng.randint(0, 12)))
        for _ in range(3000)
    ]
    # When collapsed by both / Then the output is the library's, text for text
    for text in texts:
        assert clean_whitespace(text) == readability.readability.clean(text), repr(text[:40])


def test_the_stock_readability_module_is_left_alone() -> None:
    # Given the module readability_pick loads its private copy of readability from
    # When the pick has been imported / Then other users of readability get the library's clean()
    assert readability.readability.clean is not clean_whitespace


def test_the_article_is_picked_from_a_parsed_tree() -> None:
    # Given a parsed page with a menu and an article
    menu = "<div class='menu'>" + "".join(f"<a href='/s{i}'>Section {i}</a>" for i in range(8)) + "</div>"
    page = f"<html><body>{menu}<div class='story'>{prose()}</div></body></html>"
    tree = lxml.html.document_fromstring(page)
    # When readability picks / Then the prose is in and the menu is out
    text = readability_pick(tree).text_content()
    assert "bus network" in text
    assert "Section 3" not in text


def test_readability_tracebacks_are_not_logged(caplog: pytest.LogCaptureFixture) -> None:
    # Given readability's logger, as it reports a failure readability_pick falls back from
    logger = logging.getLogger(READABILITY_LOGGER)
    # When it logs the failure with its traceback
    with caplog.at_level(logging.DEBUG, logger=READABILITY_LOGGER):
        try:
            raise ValueError("no body")  # a real exception, for a real traceback
        except ValueError:
            logger.exception("error getting summary: ")
        logger.info("ruthless removal did not work. ")
    # Then the traceback record is dropped and its other messages still pass
    assert [record.getMessage() for record in caplog.records] == ["ruthless removal did not work. "]
