"""The stored HTML is inert: no scripts, handlers or javascript: URLs; links made absolute."""

from __future__ import annotations

from article_ingest.extraction import extract
from tests.support.pages import html_page, prose

HOSTILE = (
    '<p onclick="steal()">Click <a href="javascript:alert(1)">here</a> and'
    ' <a href="/next" onmouseover="x()">next</a>.</p><script>alert("x")</script>'
    '<iframe src="https://evil.example"></iframe><form action="/x"><input name="q"></form>'
)


def hostile_article() -> bytes:
    return html_page(prose() + HOSTILE + prose())


def test_script_elements_are_removed() -> None:
    html = extract(hostile_article()).html
    assert "<script" not in html
    assert "alert(" not in html


def test_javascript_urls_are_removed() -> None:
    assert "javascript:" not in extract(hostile_article()).html


def test_event_handler_attributes_are_removed() -> None:
    html = extract(hostile_article()).html
    assert "onclick" not in html
    assert "onmouseover" not in html


def test_iframes_and_forms_are_removed() -> None:
    html = extract(hostile_article()).html
    assert "<iframe" not in html
    assert "<form" not in html


def test_relative_links_become_absolute_when_the_url_is_known() -> None:
    # Given a page fetched from a known URL / When extracted / Then its relative links are absolute
    article = extract(hostile_article(), url="https://news.example/2024/05/01/story")
    assert "https://news.example/next" in article.links


def test_malformed_attribute_names_are_dropped_not_raised() -> None:
    # Given markup broken into attribute names no XML tree can address
    page = html_page(
        '<p {="x" ||="y" class="lead">' + "Buses return to the old town this week. " * 8 + "</p>"
    )
    # When extracted / Then the text survives and the odd attributes are gone
    article = extract(page)
    assert "Buses return" in article.text
    assert "||" not in article.html
