"""The body: prose kept, furniture dropped, one block a line, counts filled."""

from __future__ import annotations

import lxml.html

from article_ingest.extraction import EXTRACTOR, extract
from article_ingest.extraction.body.render import render

from .conftest import html_page, prose


def test_headings_and_list_items_are_lines_of_their_own() -> None:
    # Given a body with a heading and a list inside running text
    body = lxml.html.fragment_fromstring(
        "<div><p>Buses <b>return</b> today.</p><h2>What changes</h2>"
        "<ul><li>More buses</li><li>Later trains</li></ul></div>"
    )
    # When rendered as text / Then each block is a paragraph of its own, inline markup joined
    assert render(body, url=None).text == "Buses return today.\n\nWhat changes\n\nMore buses\n\nLater trains"


def test_list_items_of_an_article_are_kept() -> None:
    items = "<li>More buses will run on the northern routes, every ten minutes.</li>" * 2
    body = f"<article>{prose()}<ul>{items}</ul>{prose()}</article>"
    lines = extract(html_page(body)).text.split("\n\n")
    assert lines.count("More buses will run on the northern routes, every ten minutes.") == 2


def test_navigation_and_footer_are_not_in_the_body() -> None:
    nav = "<nav>" + "".join(f'<a href="/s{i}">Section {i}</a>' for i in range(10)) + "</nav>"
    body = nav + f"<article>{prose()}</article><footer>Copyright City Paper</footer>"
    text = extract(html_page(body)).text
    assert "Section 3" not in text
    assert "Copyright" not in text


def test_a_heading_repeating_the_title_is_dropped_from_the_body() -> None:
    head = "<title>Buses return to the old town</title>"
    body = f"<article><h1>Buses return to the old town</h1>{prose()}</article>"
    assert "Buses return" not in extract(html_page(body, head=head)).text


def test_word_count_reading_time_hash_and_extractor_are_filled() -> None:
    article = extract(html_page(prose(12)))
    assert article.word_count == len(article.text.split())
    assert article.reading_time_minutes == 1
    assert len(article.content_hash) == 64
    assert article.extractor == EXTRACTOR


def test_a_short_note_is_kept_whole() -> None:
    # Given a page of a single short sentence / When extracted / Then it is the body, not a rejection
    assert extract(b"<html><body><p>Back at five.</p></body></html>").text == "Back at five."


def _note_among_link_lists(note: str) -> bytes:
    links = "".join(f'<li><a href="/c{i}">Category {i} of the archive</a> (12)</li>' for i in range(40))
    tags = " ".join(f'<a href="/t{i}">tag{i}</a>' for i in range(60))
    return (
        f'<html><head><title>Leaf bunting</title></head><body><div id="side"><ul>{links}</ul>'
        f'<div class="cloud">{tags}</div></div><div class="entry"><p>{note}</p></div>'
        "<div id='foot'>Copyright 2012 All rights reserved Powered by WordPress</div></body></html>"
    ).encode()


def test_a_blog_note_of_one_sentence_among_link_lists_is_the_body() -> None:
    # Given a one-sentence post (19 words) in a page of archive links and a tag cloud
    note = (
        "Simple As That shares this easy fall leaf bunting that would be a lovely addition to your "
        "Thanksgiving decorations."
    )
    # When extracted / Then the body is the note, not the link lists around it
    assert extract(_note_among_link_lists(note)).text == note
