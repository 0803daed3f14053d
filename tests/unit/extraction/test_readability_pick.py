"""readability's pick: same measure, cheaper, and quiet about the failures it falls back from."""

from __future__ import annotations

import logging

import lxml.html
import pytest

from article_ingest.extraction.body.readability_pick import READABILITY_LOGGER, readability_pick, text_length
from tests.support.pages import prose


def test_text_length_counts_whitespace_runs_as_one_character() -> None:
    # Given an element whose text is spread over indented lines
    element = lxml.html.fragment_fromstring("<div>\n   Buses\t\treturn  <b>today</b>\n</div>")
    # When measured / Then the runs of whitespace count once and the ends not at all
    assert text_length(element) == len("Buses return today")


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
