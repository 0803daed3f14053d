"""Stage 5: the body element -> sanitized HTML, plain text, Markdown and outbound links."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html import defs
from lxml_html_clean import Cleaner

from article_ingest.extraction.body.markdown import to_markdown

# Tags whose text starts a new line in the plain-text rendering.
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "article",
        "section",
        "header",
        "footer",
        "tr",
        "table",
        "ul",
        "ol",
        "dd",
        "dt",
        "figure",
        "figcaption",
        "br",
    ]
)
ATTRIBUTE_NAME = re.compile(r"^[A-Za-z_][-A-Za-z0-9_.]*\Z")
WHITESPACE = re.compile(r"[ \t\r\f\v\u00a0]+")

# javascript=False: its one remaining task once only safe attributes are left (no on* handlers,
# no style), blanking javascript: links, is done by _rewrite_links in the same pass that makes
# the links absolute (the cleaner's own pass tests ~20 link attributes on every element).
_CLEANER = Cleaner(
    scripts=True,
    javascript=False,
    comments=True,
    style=True,
    inline_style=True,
    links=True,
    meta=True,
    page_structure=True,
    processing_instructions=True,
    embedded=True,
    frames=True,
    forms=True,
    annoying_tags=True,
    remove_unknown_tags=True,
    safe_attrs_only=True,
)


# The link attributes lxml rewrites (for the cleaner's javascript: check and make_links_absolute)
# that survive the sanitizer (its safe attributes only; <object>, <meta>, <base>, styles and their
# URLs are gone by then).
LINK_ATTRIBUTES = tuple(sorted(defs.link_attrs & defs.safe_attrs))  # the sanitizer's safe_attrs
# The cleaner's own javascript: test (the link unquoted, whitespace and controls removed, data:
# images allowed); it answers "" for a javascript: link. Not in lxml_html_clean's type stubs.
_JAVASCRIPT_BLANKED: Callable[[str], str] = _CLEANER._remove_javascript_link  # type: ignore[attr-defined]
LINKING_ELEMENTS = etree.XPath(
    "descendant-or-self::*[" + " or ".join(f"@{name}" for name in LINK_ATTRIBUTES) + "]"
)


@dataclass(frozen=True, slots=True)
class RenderedBody:
    """The body in the shapes stored: sanitized HTML, plain text and its outbound links."""

    html: str
    text: str
    links: tuple[str, ...]
    markdown: str = ""


def render(body: lxml.html.HtmlElement, *, url: str | None) -> RenderedBody:
    """Sanitize the body (no scripts, handlers or javascript: URLs) and render it as text. The
    body is sanitized in place: it is the caller's to give away (every caller's is a copy)."""
    _drop_malformed_attributes(body)
    _CLEANER(body)
    _rewrite_links(body, url)
    links = tuple(
        dict.fromkeys(href for href in body.xpath(".//a/@href") if href.startswith(("http://", "https://")))
    )
    return RenderedBody(
        html=lxml.html.tostring(body, encoding="unicode"),
        text=to_text(body),
        links=links,
        markdown=to_markdown(body),
    )


def _rewrite_links(body: lxml.html.HtmlElement, base_url: str | None) -> None:
    """The cleaner's javascript: link blanking (Cleaner(javascript=True)), then, with a base URL,
    lxml's `make_links_absolute(base_url, resolve_base_href=False, handle_failures="discard")`, for
    a sanitized body: the same links changed the same way (one that cannot be joined is dropped),
    looked for only in the attributes the sanitizer keeps, on the elements carrying one (lxml's
    passes visit every element and test ~20 attribute names and a style on each)."""
    linking: list[lxml.html.HtmlElement] = LINKING_ELEMENTS(body)  # type: ignore[assignment]
    for element in linking:
        attributes = element.attrib
        for name in LINK_ATTRIBUTES:
            link = attributes.get(name)
            if link is None:
                continue
            safe = _JAVASCRIPT_BLANKED(link.strip())
            if safe != link:
                attributes[name] = link = safe
            if not base_url:
                continue
            try:
                joined = urljoin(base_url, link.strip())
            except ValueError:
                del attributes[name]
                continue
            if joined != link:
                attributes[name] = joined


def _drop_malformed_attributes(body: lxml.html.HtmlElement) -> None:
    """Remove attributes whose names lxml cannot address (broken markup such as <p {="x">),
    which the sanitizer would otherwise fail on. No allowed attribute has such a name."""
    for element in body.iter():
        if not isinstance(element.tag, str) or all(ATTRIBUTE_NAME.match(name) for name in element.attrib):
            continue
        kept = [(name, value) for name, value in element.attrib.items() if ATTRIBUTE_NAME.match(name)]
        element.attrib.clear()
        for name, value in kept:
            element.set(name, value)


def to_text(element: lxml.html.HtmlElement) -> str:
    """Plain text: blocks separated by blank lines, inline runs joined by spaces."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = WHITESPACE.sub(" ", "".join(current)).strip()
        if line:
            blocks.append(line)
        current.clear()

    for event, node in lxml.etree.iterwalk(element, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS:
                flush()
            if node.text and tag:
                current.append(node.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            if node.tail and node is not element:
                current.append(node.tail)
    flush()
    return "\n\n".join(line.replace("\n", " ") for line in blocks)
