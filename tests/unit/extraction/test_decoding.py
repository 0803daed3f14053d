"""Inputs in any charset, with or without gzip, decode to the same text."""

from __future__ import annotations

import gzip
import random

import pytest

from article_ingest.extraction import RejectedDocumentError, extract
from article_ingest.extraction.input import decode
from tests.support.pages import html_page, prose

WORD = "Zürich café façade"


def page_with_word() -> str:
    body = f"<h1>{WORD}</h1>{prose()}<p>{WORD} again.</p>"
    return f"<!doctype html><html><head>{{meta}}</head><body>{body}</body></html>"


def test_meta_charset_decodes_a_latin1_page() -> None:
    # Given a page in windows-1252 that says so in <meta charset>
    data = page_with_word().replace("{meta}", '<meta charset="windows-1252">').encode("cp1252")
    # When extracted / Then accented words survive
    assert WORD in extract(data).text


def test_a_page_saved_as_utf8_under_a_latin1_declaration_reads_as_utf8() -> None:
    # Given a page whose bytes are UTF-8 while its <meta>, or the server, still says ISO-8859-1
    declared = page_with_word().replace("{meta}", '<meta charset="iso-8859-1">').encode()
    served = page_with_word().replace("{meta}", "").encode()
    # When extracted
    articles = [extract(declared), extract(served, content_type="text/html; charset=ISO-8859-1")]
    # Then the letters are the UTF-8 ones, not mojibake ("ZÃ¼rich")
    assert [article.title for article in articles] == [WORD, WORD]


def test_a_meta_declaring_utf16_on_ascii_bytes_reads_as_utf8() -> None:
    # Given a page whose bytes are ASCII (and even in number) but whose <meta> says UTF-16
    page = page_with_word().replace(WORD, "Zurich cafe").replace("{meta}", '<meta charset="utf-16">')
    data = page.encode() + (b" " if len(page.encode()) % 2 else b"")
    # When extracted / Then it reads as browsers read it: as UTF-8, not as UTF-16 garbage
    assert extract(data).title == "Zurich cafe"


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


def test_declared_utf8_with_a_few_stray_latin1_bytes_keeps_its_utf8() -> None:
    # Given a page declaring UTF-8, its title valid UTF-8, with three Latin-1 bytes pasted into the body
    page = page_with_word().replace("{meta}", '<meta charset="utf-8"><title>Café</title>').encode()
    page = page.replace(b"again.", b"caf\xe9 na\xefve caf\xe9 again.")
    # When extracted
    article = extract(page)
    # Then the UTF-8 text reads as written and the stray bytes as the Latin-1 letters they were
    assert article.title == "Café"
    assert WORD in article.text
    assert "café naïve café again." in article.text


def test_a_page_mixing_utf8_latin1_and_cp1252_paragraphs_is_decoded_not_rejected() -> None:
    # Given paragraphs in UTF-8, Latin-1 and Windows-1252 in turn, no charset declared
    words = "The council met in Zürich on Monday, where l'été coûte cher, said the mayor. "
    paragraphs = b"".join(f"<p>{words}</p>".encode(codec) for codec in ("utf-8", "latin-1", "cp1252") * 3)
    page = b"<html><head><title>Mixed</title></head><body><article>" + paragraphs + b"</article></body>"
    # When extracted
    article = extract(page)
    # Then every paragraph reads as written
    assert article.text.count("Zürich") == 9
    assert article.text.count("l'été coûte") == 9


# Pieces of UTF-8 documents that hold (or nearly hold) characters XML refuses: control bytes,
# U+FFFE / U+FFFF and their neighbours, stray legacy bytes, multi-byte letters.
PIECES = (
    b"<p>plain text</p>", b"\x01", b"\x0b", b"\x1f", b"\t\n\r", b"\xef\xbf\xbe", b"\xef\xbf\xbf",
    b"\xef\xbf\xbd", b"\xef\xbb\xbf", "é".encode(), "中".encode(), b"\x92", b"\xe9", b"&#1;", b"&#65;",
)  # fmt: skip


@pytest.mark.parametrize("charset", ["utf-8", "us-ascii", "windows-1252", None])
def test_the_byte_scan_removes_what_the_text_scan_would(charset: str | None) -> None:
    # Given documents built from pieces with and without XML-incompatible characters
    generator = random.Random(7)
    head = f'<meta charset="{charset}">'.encode() if charset else b""
    for _ in range(400):
        data = head + b"".join(generator.choice(PIECES) for _ in range(generator.randint(1, 12)))
        try:
            raw = decode._decode(data, content_type=None)
        except RejectedDocumentError:
            continue  # too messy for any charset (no charset declared): refused either way
        # When they are decoded
        decoded = decode.decode(data, content_type=None)
        # Then the text is what the regex over the whole decoded text leaves
        expected = decode.CHARACTER_REFERENCE.sub(
            decode._drop_incompatible_reference, decode.XML_INCOMPATIBLE.sub("", raw.text)
        )
        assert decoded.text == expected
        assert not decode.XML_INCOMPATIBLE.search(decoded.text)
