"""Inputs in any charset, with or without gzip, decode to the same text."""

from __future__ import annotations

import gzip

from article_ingest.extraction import extract

from .conftest import html_page, prose

WORD = "Zürich café façade"


def page_with_word() -> str:
    body = f"<h1>{WORD}</h1>{prose()}<p>{WORD} again.</p>"
    return f"<!doctype html><html><head>{{meta}}</head><body>{body}</body></html>"


def test_meta_charset_decodes_a_latin1_page() -> None:
    # Given a page in windows-1252 that says so in <meta charset>
    data = page_with_word().replace("{meta}", '<meta charset="windows-1252">').encode("cp1252")
    # When extracted / Then accented words survive
    assert WORD in extract(data).text


def test_content_type_charset_decodes_when_the_page_declares_none() -> None:
    data = page_with_word().replace("{meta}", "").encode("iso-8859-1")
    assert WORD in extract(data, content_type="text/html; charset=ISO-8859-1").text


def test_a_utf16_page_with_a_bom_decodes() -> None:
    data = page_with_word().replace("{meta}", "").encode("utf-16")
    assert WORD in extract(data).text


def test_gzip_input_is_recognised_by_its_magic_bytes() -> None:
    # Given a gzipped page and no Content-Encoding / When extracted / Then it reads as the plain page
    data = gzip.compress(html_page(prose(), head="<title>Buses</title>"))
    assert "bus network" in extract(data).text


def test_an_undeclared_charset_is_detected() -> None:
    data = page_with_word().replace("{meta}", "").encode("cp1252")
    assert "caf" in extract(data).text
