"""Stage 2: text -> lxml tree, or the verdict that the text is not HTML at all."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from article_ingest.extraction.errors import RejectedDocumentError, RejectionReason

# A document that opens with one of these tags (after whitespace/comments) is HTML; anything
# else is treated as text saved from a page, whose only markup is stray inline tags.
HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype|html|head|body|\?xml|meta|title)\b", re.I | re.S)
# Closed block elements above which a document without a doctype is still taken as HTML; text
# that merely mentions tags ("Allowed HTML tags: <p> <br>") does not close them.
MIN_BLOCK_TAGS_FOR_HTML = 3
BLOCK_TAG = re.compile(r"</(p|div|article|section|table|ul|ol|li|h[1-6])\s*>", re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML document rather than text with stray tags."""
    return bool(HTML_START.match(text)) or len(BLOCK_TAG.findall(text[:20000])) >= MIN_BLOCK_TAGS_FOR_HTML


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse HTML into an lxml tree.

    lxml's HTML parser resolves no external or DTD entities (no "billion laughs") and caps
    nesting depth, which bounds the memory a hostile document can claim.
    """
    source = XML_DECLARATION.sub("", text, count=1).replace("\x00", "")
    try:
        return lxml.html.document_fromstring(source)
    except (etree.ParserError, ValueError) as exc:
        raise RejectedDocumentError(RejectionReason.NOT_ARTICLE, f"unparseable markup: {exc}") from exc
