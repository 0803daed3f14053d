"""The stored HTML is inert: no scripts, handlers or javascript: URLs; links made absolute."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from lxml_html_clean import Cleaner

from article_ingest.extraction import extract
from article_ingest.extraction.body import render as render_module
from article_ingest.extraction.body.render import render
from tests.support.pages import html_page, prose

# render.py's sanitizer settings, but for javascript (render.py does that pass itself)
RENDER_CLEANER_OPTIONS: dict[str, Any] = {
    "scripts": True,
    "comments": True,
    "style": True,
    "inline_style": True,
    "links": True,
    "meta": True,
    "page_structure": True,
    "processing_instructions": True,
    "embedded": True,
    "frames": True,
    "forms": True,
    "annoying_tags": True,
    "remove_unknown_tags": True,
    "safe_attrs_only": True,
}

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


TRICKY_LINKS = (
    '<a href="  /spaced  ">a</a><a href="java&#09;script:alert(1)">b</a><a href=" JavaScript:x()">c</a>'
    '<a href="jav%61script:x()">d</a><img src="data:image/png;base64,AAAA"><img src="data:text/html,x">'
    '<a href="http://[::1">e</a><a href="../up/./here?q=1#f">f</a><q cite="/quoted">g</q>'
    '<a href="https://other.example/x">h</a><a href="#anchor">i</a><img src="">'
)


@pytest.mark.parametrize("url", ["https://news.example/2024/05/01/story", "", None])
def test_links_are_blanked_and_joined_exactly_as_the_cleaner_and_lxml_do(url: str | None) -> None:
    # Given a body of links of every awkward kind (javascript: spelled around, spaces, an IPv6
    # host that cannot be joined, dot segments, data: URLs)
    markup = f"<div><p>{TRICKY_LINKS}</p></div>"
    # When rendered, and when cleaned by lxml_html_clean's own javascript pass and made absolute
    # by lxml's make_links_absolute
    ours = render(lxml.html.fragment_fromstring(markup), url=url).html
    reference = Cleaner(**{**RENDER_CLEANER_OPTIONS, "javascript": True}).clean_html(
        lxml.html.fragment_fromstring(markup)
    )
    if url:
        reference.make_links_absolute(url, resolve_base_href=False, handle_failures="discard")
    # Then the HTML is the same (and the comparison is with render.py's own settings)
    assert ours == lxml.html.tostring(reference, encoding="unicode")
    assert {
        name: getattr(render_module._CLEANER, name) for name in RENDER_CLEANER_OPTIONS
    } == RENDER_CLEANER_OPTIONS
