"""The body: prose kept, furniture dropped, one block a line, counts filled."""

from __future__ import annotations

import hashlib
from importlib.metadata import version

import lxml.html

from article_ingest.extraction import extract
from article_ingest.extraction.body.render import render
from tests.support.pages import html_page, prose


def test_headings_and_list_items_are_lines_of_their_own() -> None:
    # Given a body with a heading and a list inside running text
    body = lxml.html.fragment_fromstring(
        "<div><p>Buses <b>return</b> today.</p><h2>What changes</h2>"
        "<ul><li>More buses</li><li>Later trains</li></ul></div>"
    )
    # When rendered as text / Then each block is a paragraph of its own, inline markup joined
    assert render(body, url=None).text == "Buses return today.\n\nWhat changes\n\nMore buses\n\nLater trains"


def test_list_items_of_an_article_are_kept() -> None:
    # Given an article with a list between its paragraphs
    items = "<li>More buses will run on the northern routes, every ten minutes.</li>" * 2
    body = f"<article>{prose()}<ul>{items}</ul>{prose()}</article>"
    # When extracted
    lines = extract(html_page(body)).text.split("\n\n")
    # Then each item is a line of the body
    assert lines.count("More buses will run on the northern routes, every ten minutes.") == 2


def test_navigation_and_footer_are_not_in_the_body() -> None:
    # Given an article between a navigation bar and a footer
    nav = "<nav>" + "".join(f'<a href="/s{i}">Section {i}</a>' for i in range(10)) + "</nav>"
    body = nav + f"<article>{prose()}</article><footer>Copyright City Paper</footer>"
    # When extracted
    text = extract(html_page(body)).text
    # Then neither is in the body
    assert "Section 3" not in text
    assert "Copyright" not in text


def test_a_heading_repeating_the_title_is_dropped_from_the_body() -> None:
    # Given an article whose heading repeats the page's title
    head = "<title>Buses return to the old town</title>"
    body = f"<article><h1>Buses return to the old town</h1>{prose()}</article>"
    # When extracted / Then the body does not say it a second time
    assert "Buses return" not in extract(html_page(body, head=head)).text


def test_word_count_reading_time_and_content_hash_describe_the_body() -> None:
    # Given a page of twelve paragraphs of prose (about 150 words)
    # When extracted
    article = extract(html_page(prose(12)))
    # Then the counts are the body's, and the hash is the SHA-256 of its text (bodies dedupe on it)
    assert article.word_count == len(article.text.split())
    assert article.reading_time_minutes == 1
    assert article.content_hash == hashlib.sha256(article.text.encode()).hexdigest()


def test_the_extractor_names_the_package_and_the_version_it_is_installed_as() -> None:
    # Given the version the project is installed as (pyproject.toml's, through the package metadata)
    installed = version("article-ingest")
    # When a page is extracted
    article = extract(html_page(prose()))
    # Then the article names the extractor that made it (what `reprocess --extractor-older-than`
    # compares), so a version bump in pyproject.toml without the package's __version__ fails here
    assert article.extractor == f"article-ingest/{installed}"


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
