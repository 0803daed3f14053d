"""Fragments parsed as lxml.html parses them, with the C-level element lookup."""

from __future__ import annotations

import lxml.html
import pytest
from lxml import etree

from article_ingest.extraction.input.parse import looks_like_html, parse_fragment

FRAGMENTS = (
    "",
    "plain text",
    "  <p>one</p>  ",
    "lead <b>bold</b> text<p>block</p>tail",
    "<p>a</p><p>b</p><table><tr><td>cell</td></tr></table>",
    "<html><body><article><h1>Title</h1><p>x</p></article></body></html>",
    "<form action='/s'><input name='q'><select><option>a</option></select></form>",
)


@pytest.mark.parametrize("markup", FRAGMENTS)
def test_a_fragment_parses_to_lxml_html_s_tree(markup: str) -> None:
    # Given markup as readability and the text path hand it over
    # When parsed here and by lxml.html with a created parent
    ours = parse_fragment(markup)
    theirs = lxml.html.fragment_fromstring(markup, create_parent="div")
    # Then the trees are the same, and every element is a plain HtmlElement (the C-level lookup;
    # lxml.html's own gives forms and inputs classes of their own)
    assert lxml.html.tostring(ours) == lxml.html.tostring(theirs)
    assert all(type(element) is lxml.html.HtmlElement for element in ours.iter(etree.Element))


def test_text_quoting_markup_in_a_code_sample_is_text() -> None:
    # Given an article saved as text whose code sample is a small HTML page
    prose = "So you are testing your frontend code at last, and you want to know how much of it runs.\n" * 12
    sample = "<html>\n<head>\n<title>Test</title>\n</head>\n<body>\n<div id='a'></div>\n<div id='b'></div>\n"
    text = f"{prose}{sample}<div id='c'></div>\n</body>\n</html>\n{prose}"
    # When sniffed / Then it is text with a code sample, not a page titled "Test"
    assert not looks_like_html(text)


@pytest.mark.parametrize(
    "page",
    [
        "<p>one</p><p>two</p><p>three</p>",
        "<script>var a = 1;\nfunction f() { return a; }</script>\n<div>x</div><div>y</div><p>z</p>",
        "  \n" * 300 + "<body><table><tr><td>x</td></tr></table><div>a</div><div>b</div></body>",
    ],
)
def test_markup_without_a_doctype_is_still_html(page: str) -> None:
    # Given a fragment, a page whose head was cut (script first) and one padded with blank lines
    # When sniffed / Then each is HTML
    assert looks_like_html(page)


def test_a_fragment_opening_on_a_long_comment_is_still_html() -> None:
    # Given a fragment (no doctype) that opens with a licence comment of many words
    licence = "<!-- " + "This file is part of the site and is shared under its licence terms. " * 8 + "-->"
    # When sniffed / Then the comment is markup, not prose before it
    assert looks_like_html(licence + "<div><p>one</p><p>two</p><p>three</p></div>")
