"""Markup built to stall or blind the parser: refused quickly, or defused so the text survives."""

from __future__ import annotations

import random
import time

import lxml.html
import pytest

from article_ingest.extraction import RejectedDocumentError, RejectionReason, extract
from article_ingest.extraction.input import guards
from article_ingest.extraction.input.guards import MAX_ATTRIBUTES_PER_ELEMENT, cut_attribute_bombs
from tests.support.pages import html_page, prose

SECONDS = 5  # any one hostile document, far under the function's timeout
WORDS = " ".join(f"word{i}" for i in range(200))


def rejection(data: bytes) -> RejectedDocumentError:
    with pytest.raises(RejectedDocumentError) as caught:
        extract(data)
    return caught.value


def test_an_element_with_fifty_thousand_attributes_is_cut_down_and_the_article_kept_in_seconds() -> None:
    # Given one <p> carrying 50,000 attributes (libxml2 checks them pairwise)
    attributes = " ".join(f'data-a{i}="{i}"' for i in range(50_000))
    page = html_page(f"<article><p {attributes}>{prose()}</p></article>")
    # When extracted
    started = time.perf_counter()
    article = extract(page)
    # Then the article is kept (the element keeps its first attributes), and quickly
    assert "bus network" in article.text
    assert time.perf_counter() - started < SECONDS


def test_an_attribute_bomb_keeps_only_its_first_attributes_and_is_closed() -> None:
    # Given a start tag with more attributes than the limit, cut short by the next tag
    tag = "<p " + " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES_PER_ELEMENT + 50))
    # When defused
    defused = cut_attribute_bombs(tag + "<div>text</div>")
    # Then it keeps exactly the first attributes, is closed, and what follows is untouched
    kept = f"a{MAX_ATTRIBUTES_PER_ELEMENT - 1}>"
    assert defused.endswith(kept + "<div>text</div>")
    assert f"a{MAX_ATTRIBUTES_PER_ELEMENT} " not in defused


def test_a_stray_quote_after_a_value_does_not_swallow_the_following_markup() -> None:
    # Given a form whose hidden inputs carry a doubled closing quote (a real page's typo), 300 times
    inputs = '<input name="x" value="1" type="hidden""/>\n' * 300
    page = html_page(inputs + prose())
    # When defused / Then nothing is cut: browsers and libxml2 read `"/` as an attribute name
    assert cut_attribute_bombs(page.decode()) == page.decode()


def test_a_self_closed_html_tag_does_not_empty_the_page() -> None:
    # Given a page whose <html> start tag is broken into a self-closing one
    page = b'<!DOCTYPE html>\n<html xmlogo.jpg" alt="x" />' + html_page(prose())
    # When extracted / Then the body is read (libxml2 would close <html> at once)
    assert "bus network" in extract(page).text


def test_a_title_never_closed_does_not_swallow_the_page() -> None:
    # Given a page whose <title> is not closed before its body
    page = f"<html><head><title>Buses\n<script>x()</script></head><body>{prose()}</body></html>"
    # When extracted / Then the body is read and the title is the title's line
    article = extract(page.encode())
    assert "bus network" in article.text
    assert article.title == "Buses"


def test_thousands_of_attributes_spread_over_many_elements_are_an_ordinary_page() -> None:
    # Given 2,000 spans with ten attributes each
    spans = "".join(
        "<span " + " ".join(f'data-x{j}="{j}"' for j in range(10)) + f">word{i} </span>" for i in range(2_000)
    )
    # When extracted / Then it is an article
    assert extract(html_page(f"<article><p>{spans}</p></article>")).word_count == 2_000


def test_broken_quoting_and_comparisons_in_scripts_are_not_attribute_bombs() -> None:
    # Given prose turned into 500 attribute names by a stray quote, and a script full of `i<n`
    broken = "<a title=" + " ".join(f'word{i}=""' for i in range(500)) + ">link</a>"
    script = "<script>for(i=0;i<vendors.length;i++){" + 'x["a"]+' * 3_000 + "1}</script>"
    # When extracted / Then it is an ordinary article
    assert "bus network" in extract(html_page(script + prose() + broken)).text


def _count_page_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every parse of a whole page (its <head> included; readability's summary of the chosen body
    is a small fragment of it and is not counted)."""
    calls: list[str] = []
    original = lxml.html.document_fromstring

    def counting(html: str, *args: object, **kwargs: object) -> lxml.html.HtmlElement:
        if "<title>Buses" in html:
            calls.append(html)
        return original(html, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lxml.html, "document_fromstring", counting)
    return calls


def test_the_page_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a count of parses of the whole page
    calls = _count_page_parses(monkeypatch)
    # When an article is extracted / Then the page was parsed once, every stage sharing the tree
    extract(html_page(prose(), head="<title>Buses</title>"))
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("wrappers", "divs_parsed"),
    [(100, [100]), (1_000, [1_000, guards.MAX_START_TAG_RUN])],
    ids=["within-the-depth-cap", "past-the-depth-cap"],
)
def test_wrapper_runs_are_cut_only_when_the_parser_reaches_its_depth_cap(
    monkeypatch: pytest.MonkeyPatch, wrappers: int, divs_parsed: list[int]
) -> None:
    # Given an article inside nested <div>s: 100 (a run the guard would cut, the parser does not
    # mind) or 1,000 (past libxml2's depth of 256)
    calls = _count_page_parses(monkeypatch)
    page = html_page("<div>" * wrappers + WORDS + "</div>" * wrappers, head="<title>Buses</title>")
    # When extracted / Then the words are kept; the page was parsed as it is, and only past the
    # cap parsed again with the run cut to its innermost wrappers
    assert extract(page).word_count == 200
    assert [html.count("<div>") for html in calls] == divs_parsed


def test_a_hundred_thousand_nested_divs_keep_the_text_inside_them() -> None:
    # Given 200 words inside 100,000 nested <div>s (libxml2 stops at depth 256)
    page = html_page("<div>" * 100_000 + WORDS + "</div>" * 100_000)
    # When extracted
    started = time.perf_counter()
    article = extract(page)
    # Then the runs of empty wrappers were cut and the words recovered, quickly
    assert article.word_count == 200
    assert time.perf_counter() - started < SECONDS


def test_nesting_past_the_parser_depth_with_text_between_is_refused_with_that_reason() -> None:
    # Given 100,000 unclosed <span>s each holding a word (no empty run to cut)
    page = html_page("<span>word " * 100_000)
    # When extracted / Then it is refused as hostile markup naming the depth, not as "no text"
    error = rejection(page)
    assert error.reason is RejectionReason.HOSTILE_MARKUP
    assert "nested deeper" in error.detail


def billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0"?><!DOCTYPE html [' + "".join(entities) + "]>"
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>&lol9; Bus &amp; tram</title></head>'
        f"<body><article><p>&lol9;</p><p>{WORDS}</p></article></body></html>"
    ).encode()


def test_an_internal_dtd_subset_leaves_no_trace_in_title_or_text() -> None:
    # Given XHTML whose internal DTD subset defines a billion "lol"s
    # When extracted
    article = extract(billion_laughs())
    # Then neither the subset's tail nor the undefined entity references survive; HTML's own do
    assert article.title == "Bus & tram"
    assert article.text.startswith("word0")
    assert "&lol" not in article.text + article.html
    assert "]>" not in article.text + article.html


def test_an_ordinary_doctype_and_unknown_ampersand_words_are_left_alone() -> None:
    # Given an HTML page (no DTD subset) that writes "&co;" in its text
    page = b"<!DOCTYPE html>" + html_page(f"<p>Smith &co; built the depot. {WORDS}</p>")
    # When extracted / Then the text keeps it as written
    assert "Smith &co; built" in extract(page).text


def test_a_single_character_file_is_not_an_article() -> None:
    # Given a one-byte file / When extracted / Then it is rejected as not an article
    assert rejection(b"a").reason is RejectionReason.NOT_ARTICLE


def test_a_one_word_page_is_still_an_article() -> None:
    # Given a page whose whole text is one word (the corpus holds such pages)
    # When extracted / Then it is kept
    assert extract(b"<html><body>Test</body></html>").text == "Test"


def test_markup_inside_the_title_and_meta_tags_comes_out_as_plain_text() -> None:
    # Given a <title> holding a script (kept as text by HTML) and tags in the site name and description
    head = (
        "<title>Breaking &lt;b&gt;bold&lt;/b&gt; <script>alert(2)</script> news</title>"
        '<meta property="og:site_name" content="&lt;img src=x onerror=alert(1)&gt;Daily">'
        '<meta name="description" content="Buses &lt;script&gt;x()&lt;/script&gt;return">'
        '<meta name="author" content="&lt;i&gt;Ann Lee&lt;/i&gt;">'
    )
    # When extracted
    article = extract(html_page(prose(), head=head))
    # Then no field holds anything tag-like
    assert article.title == "Breaking bold alert(2) news"
    assert article.site_name == "Daily"
    assert article.description == "Buses x() return"
    assert all("<" not in author for author in article.authors)


def test_random_high_bytes_remain_undecodable() -> None:
    # Given bytes no charset makes into text (not control bytes, so not binary by sniffing)
    rng = random.Random(1)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(3_000))
    # When extracted / Then they are rejected as undecodable
    assert rejection(noise).reason is RejectionReason.UNDECODABLE


def test_an_ordinary_tag_with_many_quoted_values_is_scanned_in_linear_time() -> None:
    # Given start tags of 60 quoted attributes each: under the count limit, but a scanner that may
    # split `="x"` into either one unit or four would retry each tag 2**60 ways
    tags = ("<p " + " ".join(f'a{i}="x"' for i in range(60)) + ">text</p>") * 100
    # When the guard scans them
    started = time.perf_counter()
    defused = cut_attribute_bombs(tags)
    # Then nothing is cut, at once
    assert defused == tags
    assert time.perf_counter() - started < 1
