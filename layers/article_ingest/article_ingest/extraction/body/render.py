"""Stage 5: the body element -> sanitized HTML, plain text, Markdown and outbound links."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
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

_CLEANER = Cleaner(
    scripts=True,
    javascript=True,
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


@dataclass(frozen=True, slots=True)
class RenderedBody:
    """The body in the shapes stored: sanitized HTML, plain text and its outbound links."""

    html: str
    text: str
    links: tuple[str, ...]
    markdown: str = ""


def render(body: lxml.html.HtmlElement, *, url: str | None) -> RenderedBody:
    """Sanitize the body (no scripts, handlers or javascript: URLs) and render it as text."""
    _drop_malformed_attributes(body)
    clean = _CLEANER.clean_html(body)
    if url:
        clean.make_links_absolute(url, resolve_base_href=False, handle_failures="discard")
    links = tuple(
        dict.fromkeys(href for href in clean.xpath(".//a/@href") if href.startswith(("http://", "https://")))
    )
    return RenderedBody(
        html=lxml.html.tostring(clean, encoding="unicode"),
        text=to_text(clean),
        links=links,
        markdown=to_markdown(clean),
    )


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
