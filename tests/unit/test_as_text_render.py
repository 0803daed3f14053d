"""HTML pages rendered as text saved from a browser (bench/as_text.py), the as-text corpus's format."""

from __future__ import annotations

from bench.as_text import render


def test_blocks_become_lines_and_links_stay_inline() -> None:
    # Given a page with a head, a paragraph holding a link, a list and a script
    page = (
        b"<html><head><title>Buses - City Paper</title></head><body>"
        b"<h1>Buses return</h1><p>The council &amp; the\n   city "
        b"<a href='/a?x=1&amp;y=2'>voted <i>today</i></a>.</p>"
        b"<ul><li>One</li><li>Two</li></ul><script>var x = 1;</script></body></html>"
    )
    # When rendered / Then each block is a line, spacing collapsed, text and address unescaped,
    # and neither the <title> nor the script is shown
    assert render(page) == (
        'Buses return\nThe council & the city <a href="/a?x=1&y=2">voted today</a>.\nOne\nTwo\n'
    )


def test_a_link_s_text_keeps_its_blocks_apart_and_its_address_its_quotes() -> None:
    # Given a link around a card (two blocks and a script), and one whose address has a quote
    page = (
        b"<body><a href='/card'><div>Card title</div><p>Card excerpt.</p><script>track()</script></a>"
        b'<p><a href="/wiki/Schr%C3%B6dinger\'s_cat">cat</a></p></body>'
    )
    # When rendered / Then the link's text is as shown, and its address whole
    assert render(page) == (
        '<a href="/card">Card title Card excerpt.</a>\n<a href="/wiki/Schr%C3%B6dinger%27s_cat">cat</a>\n'
    )


def test_a_page_whose_title_is_not_closed_is_still_shown() -> None:
    # Given a page whose <title> is never closed (its text runs into a script)
    page = b"<html><head><title>Buses return<script>var a;</script></head>"
    page += b"<body><p>The council voted.</p></body></html>"
    # When rendered / Then the body's text is shown, as the extractor reads the page
    assert render(page) == "The council voted.\n"


def test_a_page_left_in_its_head_by_the_parser_is_still_shown() -> None:
    # Given a page whose head holds an unknown element, then the page's tables (no <body>)
    page = b"<html><head><title>Buses</title><meta name='robots' content='all'><mbox>"
    page += b"<tr><td><p>The council voted.</p></td></tr></mbox></head></html>"
    # When rendered / Then its text is shown, not the title
    assert render(page) == "The council voted.\n"


def test_an_empty_page_renders_as_no_text() -> None:
    # Given pages with nothing to show / Then they render as an empty text
    assert render(b"") == ""
    assert render(b"<html><body><script>x()</script></body></html>") == ""
