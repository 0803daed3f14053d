"""HTML corpus pages rendered as text saved from a browser, to measure the text path on pages
it was not tuned on.

The as-text corpus (readability-test-pages-as-text) holds only the 130 Mozilla pages, the same
pages the HTML rules were tuned on. Any HTML corpus with truth can be read the same way: each
page's visible text, one block a line, its links left inline as <a href> markup (that corpus's
format, see its README; text and addresses unescaped). The <head> (and so the <title>) is not
shown, nor scripts, styles, form controls or embedded frames; whitespace collapses as a
browser's does.
"""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html
from lxml.html import defs

from article_ingest.extraction.errors import RejectedDocumentError
from article_ingest.extraction.input.decode import decode
from article_ingest.extraction.input.guards import guard_markup
from article_ingest.extraction.input.parse import parse_html
from bench.corpus import Page

# Elements a browser lays out as blocks (a line of their own when saved as text): HTML 4's block
# elements (lxml's list, less the inline <del> and <ins>) and HTML5's sectioning ones.
HTML5_BLOCKS = ["article", "aside", "figcaption", "figure", "footer", "header", "main", "nav", "section"]
BLOCKS = (defs.block_tags - {"del", "ins"}) | frozenset([*HTML5_BLOCKS, "br"])
HIDDEN = frozenset(["script", "style", "noscript", "head", "template", "svg", "iframe", "select", "button"])
HEAD_ONLY = frozenset(["title", "meta", "link", "base"])  # a head's own elements: never shown
SPACE = re.compile(r"\s+")
QUOTE, APOSTROPHE = '"', "'"  # written %22 and %27 in an address: either would end it


def render(source: bytes) -> str:
    """The page's visible text, one block a line, with its links as <a href> markup."""
    try:  # (read as the extractor reads HTML: an unclosed <title> does not swallow the page)
        root = parse_html(guard_markup(decode(source, content_type=None).text))
    except (RejectedDocumentError, ValueError):  # nothing to render: an empty text
        return ""
    out: list[str] = []
    body = root.find("body")
    if body is not None:
        _walk(body, out)
    else:  # the parser left the page in its head (after an unknown element there): a browser shows it
        for part in root:
            for child in part if part.tag == "head" else [part]:
                if child.tag in HEAD_ONLY:
                    out.append(_shown(child.tail))
                else:
                    _walk(child, out)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "".join(f"{line}\n" for line in lines if line)


def _walk(element: lxml.html.HtmlElement, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag and tag not in HIDDEN:
        block = tag in BLOCKS
        out.append("\n" if block else "")
        href = element.get("href") if tag == "a" else None
        if href and not href.lower().startswith("javascript:"):
            shown = [_shown(element.text)]  # (its blocks apart, its scripts not shown)
            for child in element:
                _walk(child, shown)
            if inner := " ".join("".join(shown).split()):
                out.append(f'<a href="{href.replace(QUOTE, "%22").replace(APOSTROPHE, "%27")}">{inner}</a>')
        else:
            out.append(_shown(element.text))
            for child in element:
                _walk(child, out)
        out.append("\n" if block else "")
    out.append(_shown(element.tail))


def _shown(text: str | None) -> str:
    return SPACE.sub(" ", text) if text else ""


def as_text(page: Page) -> Page:
    """The page rendered as text (its truth unchanged)."""
    return replace(page, data=render(page.data).encode("utf-8"), is_text=True)
