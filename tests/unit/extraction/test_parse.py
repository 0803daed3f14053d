"""Fragments parsed as lxml.html parses them, with the C-level element lookup."""

from __future__ import annotations

import lxml.html
import pytest
from lxml import etree

from article_ingest.extraction.input.parse import parse_fragment

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
