"""Stage 2: text -> lxml tree, or the verdict that the text is not HTML at all."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from article_ingest.extraction.errors import RejectedDocumentError, RejectionReason
from article_ingest.extraction.input.guards import flatten_start_tag_runs

# A document that opens with one of these tags (after whitespace/comments) is HTML; anything
# else is treated as text saved from a page, whose only markup is stray inline tags.
HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype|html|head|body|\?xml|meta|title)\b", re.I | re.S)
# Crawlers and archives put a header before the page (`<text id=URL encoding=...>`, a WARC or
# HTTP header): a doctype or <html> tag this close to the start still makes the document HTML.
DOCUMENT_TAG = re.compile(r"<(?:!doctype\s+html|html[\s>])", re.I)
PREAMBLE_CHARS = 1024
# Closed block elements above which a document without a doctype is still taken as HTML; text
# that merely mentions tags ("Allowed HTML tags: <p> <br>") does not close them.
MIN_BLOCK_TAGS_FOR_HTML = 3
BLOCK_TAG = re.compile(r"</(p|div|article|section|table|ul|ol|li|h[1-6])\s*>", re.I)
# ...unless the text reads as prose for a while before its first tag (inline links aside).
FIRST_TAG = re.compile(r"<(?:!|(?!a\b)[a-z][a-z0-9]*[\s/>])", re.I)  # a comment or doctype is markup too
CODE_LINE = re.compile(r"[{};=]")  # script before a page's markup is not prose
MIN_PROSE_WORDS_BEFORE_MARKUP = 50
# Up to the first ">": a broken declaration (an encoding value running into keywords) ends there too.
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
# libxml2 stops parsing at this depth and drops the rest of the document (a page that reaches it
# is parsed again with its runs of empty wrappers cut, guards.flatten_start_tag_runs; markup
# that still does has lost its text to the cap).
MAX_PARSER_DEPTH = 256
DEPTH_ERROR = "Excessive depth"
# lxml.html's own element lookup is Python code run for every element proxy lxml creates (6% of
# the extraction's time); this C-level lookup gives every element the same HtmlElement class. What
# it gives up are lxml.html's form classes (FormElement, InputElement...), which nothing here uses.
HTML_ELEMENTS = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def _html_parser() -> lxml.html.HTMLParser:
    parser = lxml.html.HTMLParser()
    parser.set_element_class_lookup(HTML_ELEMENTS)
    return parser


def parse_fragment(markup: str) -> lxml.html.HtmlElement:
    """`lxml.html.fragment_fromstring(markup, create_parent="div")`: the same tree, with the C-level
    element lookup of parse_html's trees (lxml.html's own would run for every element proxy of
    the body in every later stage)."""
    parser = _html_parser()
    elements = lxml.html.fragments_fromstring(markup, parser=parser)
    root: lxml.html.HtmlElement = parser.makeelement("div")
    if elements and isinstance(elements[0], str):
        root.text = elements.pop(0)
    root.extend(elements)
    return root


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML document rather than text with stray tags."""
    if HTML_START.match(text) or DOCUMENT_TAG.search(text, 0, PREAMBLE_CHARS):
        return True
    return len(BLOCK_TAG.findall(text[:20000])) >= MIN_BLOCK_TAGS_FOR_HTML and not _prose_before_markup(text)


def _prose_before_markup(text: str) -> bool:
    """Whether a page of prose comes before the first tag: an article quoting markup in a code
    sample, not a page (a page's head may be cut, but what comes before its markup is script)."""
    markup = FIRST_TAG.search(text)
    head = text[: markup.start()] if markup else text
    words = sum(len(line.split()) for line in head.splitlines() if not CODE_LINE.search(line))
    return words >= MIN_PROSE_WORDS_BEFORE_MARKUP


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse HTML into an lxml tree.

    lxml's HTML parser resolves no external or DTD entities (no "billion laughs") and caps
    nesting depth, which bounds the memory a hostile document can claim. A document that hits
    the cap is parsed again with its runs of empty wrappers (100,000 nested <div>s) cut to their
    innermost; one that still hits it is refused: the parser dropped everything after the
    deepest element.
    """
    source = XML_DECLARATION.sub("", text, count=1).replace("\x00", "")
    tree, too_deep = _parse(source)
    if too_deep:
        tree, too_deep = _parse(flatten_start_tag_runs(source))
    if too_deep:
        detail = f"elements nested deeper than {MAX_PARSER_DEPTH}: the parser stops there"
        raise RejectedDocumentError(RejectionReason.HOSTILE_MARKUP, detail)
    return tree


def _parse(source: str) -> tuple[lxml.html.HtmlElement, bool]:
    """The parsed tree, and whether the parser stopped at its depth cap."""
    parser = _html_parser()  # one per call: its error log is read below
    try:
        tree = lxml.html.document_fromstring(source, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise RejectedDocumentError(RejectionReason.NOT_ARTICLE, f"unparseable markup: {exc}") from exc
    return tree, any(DEPTH_ERROR in error.message for error in parser.error_log)
