"""Stage 2: text -> lxml tree. Plain text (with stray inline markup) becomes simple HTML."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from article_ingest.extraction.errors import RejectedDocumentError, RejectionReason

# A document that opens with one of these tags (after whitespace/comments) is HTML; anything
# else is treated as text saved from a page, whose only markup is stray inline tags.
HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype|html|head|body|\?xml|meta|title)\b", re.I | re.S)
# Count of block tags above which a document without a doctype is still taken as HTML.
MIN_BLOCK_TAGS_FOR_HTML = 3
BLOCK_TAG = re.compile(r"<(p|div|article|section|table|ul|ol|h[1-6]|br)\b", re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
INLINE_LINK = re.compile(r"""<a\s+[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>(.*?)</a\s*>""", re.I | re.S)
ANY_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """The parsed tree and whether it came from plain text rather than HTML."""

    tree: lxml.html.HtmlElement
    from_text: bool


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML document rather than text with stray tags."""
    return bool(HTML_START.match(text)) or len(BLOCK_TAG.findall(text[:20000])) >= MIN_BLOCK_TAGS_FOR_HTML


def text_to_html(text: str) -> str:
    """Wrap each non-empty line of a text document in <p>, keeping inline links as links."""
    paragraphs = []
    for line in text.splitlines():
        if not line.strip():
            continue
        paragraphs.append(f"<p>{_inline_markup_to_html(line.strip())}</p>")
    return "<html><body>" + "\n".join(paragraphs) + "</body></html>"


def _inline_markup_to_html(line: str) -> str:
    """Escape a text line, except for <a href> links which stay links; other tags are dropped."""
    out: list[str] = []
    position = 0
    for match in INLINE_LINK.finditer(line):
        out.append(html.escape(ANY_TAG.sub("", line[position : match.start()])))
        href, label = match.group(1), ANY_TAG.sub("", match.group(2))
        out.append(f'<a href="{html.escape(href)}">{html.escape(label)}</a>')
        position = match.end()
    out.append(html.escape(ANY_TAG.sub("", line[position:])))
    return "".join(out)


def parse(text: str) -> ParsedDocument:
    """Parse HTML (or text turned into HTML) into an lxml tree.

    lxml's HTML parser resolves no external or DTD entities (no "billion laughs") and caps
    nesting depth, which bounds the memory a hostile document can claim.
    """
    from_text = not looks_like_html(text)
    source = text_to_html(text) if from_text else XML_DECLARATION.sub("", text, count=1)
    source = source.replace("\x00", "")
    try:
        return ParsedDocument(tree=lxml.html.document_fromstring(source), from_text=from_text)
    except (etree.ParserError, ValueError) as exc:
        raise RejectedDocumentError(RejectionReason.NOT_ARTICLE, f"unparseable markup: {exc}") from exc
