"""Lead paragraphs readability leaves outside its pick are recovered; furniture is not."""

from __future__ import annotations

from article_ingest.extraction import extract
from tests.support.pages import html_page

LEAD = "A federal team has been touring newsrooms this week to ease worries about the new data law."
PARAGRAPH = (
    "<p>The council voted on Tuesday to expand the city's bus network, citing rising demand. "
    "Officials said the new routes would open in the spring, with more buses at night.</p>"
)


def _split_story(between: str = "") -> bytes:
    rest = f"<div id='more'><div id='more-content'>{PARAGRAPH * 8}</div></div>"
    return html_page(f"<div class='story'><div class='intro'><p>{LEAD}</p></div>{between}{rest}</div>")


def test_a_lead_paragraph_in_a_separate_intro_box_is_kept() -> None:
    # Given a story whose lead sits in an intro box and the rest in a "more" wrapper
    # When extracted / Then the lead opens the body
    assert extract(_split_story()).text.startswith(LEAD)


def test_a_lead_beyond_a_non_prose_block_is_not_pulled_in() -> None:
    # Given a menu list between the lead and the rest of the story
    menu = "<ul><li>Home</li><li>News</li></ul>"
    # When extracted / Then the walk stops at the menu and the lead is not added
    assert LEAD not in extract(_split_story(between=menu)).text


def test_a_paragraph_is_not_recovered_twice_when_a_script_sat_inside_it() -> None:
    # Given a paragraph with an inline script, which readability strips from its copy
    body = (
        "<article>"
        + PARAGRAPH * 6
        + "<p>Buses run late on Fridays.<script>x()</script> Trams too.</p></article>"
    )
    # When extracted / Then that paragraph appears once
    assert extract(html_page(body)).text.count("Buses run late on Fridays.") == 1
