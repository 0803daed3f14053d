"""The marked container replaces readability's pick only when it adds real prose."""

from __future__ import annotations

import lxml.html

from article_ingest.extraction.body.second_opinion import prefer_container
from article_ingest.extraction.words import count_words

PARAGRAPH = (
    "<p>The council voted on Tuesday to reopen the old town to buses after three years of works "
    "on the bridge and the square.</p>"
)


def _fragment(markup: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(f"<div>{markup}</div>")


def _measured(pick: lxml.html.HtmlElement) -> tuple[str, int]:
    text = pick.text_content()
    return text, count_words(text)


def test_a_container_adding_only_short_sidebar_labels_does_not_replace_the_pick() -> None:
    # Given readability's pick, and a <main> holding it plus a sidebar of short module labels
    pick = _fragment(PARAGRAPH * 4)
    labels = "".join(
        f"<h3>Partner offers {i}</h3><li>Terms apply</li><li>Powered by Lender</li>" for i in range(8)
    )
    container = _fragment(PARAGRAPH * 4 + labels)
    # When the second opinion weighs them / Then the pick stays
    assert not prefer_container(*_measured(pick), container, link_density=0.0)


def test_a_container_adding_sentence_length_paragraphs_replaces_the_pick() -> None:
    # Given a <main> that holds readability's pick and two more real paragraphs
    pick = _fragment(PARAGRAPH * 4)
    extra = (
        "<p>Residents of the northern districts welcomed the decision, saying the detour had "
        "doubled their commute every morning.</p>"
        "<p>The transport authority said the first buses would run next Monday, with a full "
        "timetable from the first of the month.</p>"
    )
    container = _fragment(PARAGRAPH * 4 + extra)
    # When the second opinion weighs them / Then the container wins
    assert prefer_container(*_measured(pick), container, link_density=0.0)
