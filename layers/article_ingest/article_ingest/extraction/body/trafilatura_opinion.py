"""A second extractor's opinion, asked only when the first one is unsure.

readability-lxml scores paragraphs; on pages whose text is not in paragraph-like blocks (link-rich
blog layouts, text in table cells and <br>-separated runs) its pick can come back with a handful
of words, and the whole visible page is then mostly menus. trafilatura's main extractor works from
different signals (its own tag conversion, text and link density per element), so it often finds
the article there. It runs in fast mode: its own external fallbacks are readability and justext,
and readability has already had its say. It takes the tree already parsed (it copies it before
cleaning) and is imported on first use, so pages that never need it never pay for it (the import
is ~370 ms: trafilatura loads its date and URL libraries with it).
"""

from __future__ import annotations

import lxml.html

from article_ingest.extraction.input.parse import parse_fragment
from article_ingest.extraction.words import count_words


def trafilatura_body(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """trafilatura's body for the page as simple HTML (headings, paragraphs, lists, tables, links),
    or None when it finds nothing."""
    from trafilatura import bare_extraction  # noqa: PLC0415 - loaded only for unsure pages
    from trafilatura.htmlprocessing import convert_to_html  # noqa: PLC0415
    from trafilatura.settings import Document  # noqa: PLC0415

    document = bare_extraction(
        tree, fast=True, include_comments=False, include_tables=True, include_links=True, with_metadata=False
    )
    if not isinstance(document, Document) or document.body is None:
        return None
    if not count_words("".join(map(str, document.body.itertext()))):
        return None
    body = convert_to_html(document.body).find("body")
    # trafilatura builds plain etree elements; render() needs lxml.html's (text_content, links),
    # so the small body is serialised and read back as HTML.
    html = lxml.html.tostring(body, encoding="unicode")
    return parse_fragment(html)
