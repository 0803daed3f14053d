"""The body as Markdown keeps its structure: every kind of block, as that kind."""

from __future__ import annotations

import lxml.html

from article_ingest.extraction import extract
from article_ingest.extraction.body.markdown import to_markdown
from tests.support.pages import html_page, prose


def _md(html: str) -> str:
    return to_markdown(lxml.html.fromstring(f"<div>{html}</div>"))


def test_headings_paragraphs_emphasis_code_and_links_become_their_markdown() -> None:
    markdown = _md(
        '<h2>Bus <em>news</em></h2><p>Read <a href="https://x.example/a">more</a> on <code>a*b</code>.</p>'
    )
    assert markdown == "## Bus *news*\n\nRead [more](https://x.example/a) on `a*b`.\n"


def test_nested_lists_keep_their_markers_and_depth() -> None:
    markdown = _md(
        '<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul><ol start="3"><li>three</li></ol>'
    )
    assert markdown == "- one\n  - nested\n- two\n\n3. three\n"


def test_a_table_gets_a_header_row_and_escaped_cells() -> None:
    markdown = _md(
        "<table><tr><th>Line</th><th>Stops</th></tr><tr><td>A | B</td><td><p>12</p></td></tr></table>"
    )
    assert markdown == "| Line | Stops |\n| --- | --- |\n| A \\| B | 12 |\n"


def test_code_framed_by_a_layout_table_stays_a_code_block() -> None:
    # Given highlighted code inside a table (a syntax highlighter's frame: line numbers, code)
    code = '<pre class="javascript">fetch(url)\n  .then(f)</pre>'
    html = f"<table><tr><td>1<br>2</td><td>{code}</td></tr></table>"
    # When converted / Then the cells' blocks come out in order, the code fenced with its lines
    assert _md(html) == "1  \n2\n\n```\nfetch(url)\n  .then(f)\n```\n"


def test_a_one_cell_table_is_a_frame_not_a_table() -> None:
    # Given a table with a single cell holding two paragraphs
    html = "<table><tr><td><p>First paragraph.</p><p>Second one.</p></td></tr></table>"
    # When converted / Then its paragraphs are paragraphs
    assert _md(html) == "First paragraph.\n\nSecond one.\n"


def test_an_article_laid_out_in_a_table_cell_keeps_its_lists_but_an_infobox_stays_a_table() -> None:
    # Given a layout table whose cell holds an article (paragraphs and a list), and an infobox
    # whose cell holds three short captions
    prose_paragraph = "<p>" + "Word " * 60 + "ends.</p>"
    layout = f"<table><tr><td>{prose_paragraph * 3}<ul><li>one point</li></ul></td><td>side</td></tr></table>"
    infobox = "<table><tr><th>Flag</th><td><p>Flag</p><p>Coat of arms</p><p>Anthem</p></td></tr></table>"
    # When converted
    article, data = _md(layout), _md(infobox)
    # Then the article's list is a list, and the infobox a table
    assert "\n- one point\n" in article
    assert "|" not in article
    assert data.startswith("| Flag | Flag Coat of arms Anthem |")


def test_code_after_three_paragraphs_in_a_cell_still_makes_the_table_a_frame() -> None:
    # Given a cell whose code block comes after three short paragraphs
    html = (
        "<table><tr><td><p>one</p><p>two</p><p>three</p><pre>x = 1\ny = 2</pre></td><td>b</td></tr></table>"
    )
    # When converted / Then the code is a fenced block with its lines
    assert "```\nx = 1\ny = 2\n```" in _md(html)


def test_a_nested_table_is_written_once() -> None:
    # Given a data table with a small table nested in one of its cells
    nested = "<table><tr><td>n1</td><td>n2</td></tr></table>"
    html = f"<table><tr><td>outer {nested}</td><td>o2</td></tr><tr><td>a</td><td>b</td></tr></table>"
    # When converted / Then the outer table has its own two rows, the nested cells inside its cell
    markdown = _md(html)
    assert markdown.count("n1") == 1
    assert markdown.splitlines()[2] == "| a | b |"


def test_code_keeps_its_lines_indentation_and_language() -> None:
    markdown = _md('<pre class="language-python"><code>def f():\n    return 1</code></pre>')
    assert markdown == "```python\ndef f():\n    return 1\n```\n"


def test_a_quote_a_figure_and_text_that_looks_like_markup_read_as_they_show() -> None:
    markdown = _md(
        "<blockquote><p>first</p><p>second</p></blockquote>"
        '<figure><img src="https://x.example/i.png" alt="a bus"><figcaption>The new bus</figcaption></figure>'
        "<p>- not a list, *not* emphasis</p>"
    )
    assert markdown == (
        "> first\n>\n> second\n\n![a bus](https://x.example/i.png)\n\nThe new bus\n\n"
        "\\- not a list, \\*not\\* emphasis\n"
    )


def test_every_article_carries_its_markdown() -> None:
    # Given an article with a list / When extracted / Then its Markdown holds the list items
    body = prose() + "<ul><li>Route 12 runs every ten minutes now</li><li>Route 7 is extended</li></ul>"
    article = extract(html_page(body))
    assert "- Route 12 runs every ten minutes now\n- Route 7 is extended" in article.markdown
