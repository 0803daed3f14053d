"""Structure recall: does the Markdown keep each list item, heading, code block, block quote and
table cell of the expected body as that kind of block?

For every such element of a page's expected.html with at least MIN_WORDS words, its words must
appear, in order, inside the Markdown's blocks of the same kind: list items (`- `, `1. ` and
their continuation lines), headings (`#`), fenced code blocks, block quotes (`>`) and GFM table
rows (`|`). Words are letters and digits, lowercased (Markdown's escapes do not count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

KINDS = ("list item", "heading", "code block", "block quote", "table cell")
MIN_WORDS = 3  # shorter elements ("Yes", "1", "Back") say little about structure
WORD = re.compile(r"[^\W_]+")
LINK_TARGET = re.compile(r"\]\([^)]*\)")  # a link's or image's (url "title"): not the text's words
LIST_MARKER = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
TAG_KIND = {
    "li": "list item",
    "pre": "code block",
    "blockquote": "block quote",
    "td": "table cell",
    "th": "table cell",
}
TAG_KIND.update({f"h{level}": "heading" for level in range(1, 7)})


def _words(text: str) -> str:
    return " ".join(word.lower() for word in WORD.findall(LINK_TARGET.sub("]", text)))


def _own_text(element: lxml.html.HtmlElement) -> str:
    """The element's text without nested lists (a list item's sub-items are items of their own)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in ("ul", "ol"):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join(parts)


def expected_blocks(expected_html: str) -> list[tuple[str, str]]:
    """(kind, words) of each structural element of the expected body with enough words."""
    if not expected_html.strip():
        return []
    found = []
    root: lxml.html.HtmlElement = lxml.html.fromstring(expected_html)
    for element in root.iter(*TAG_KIND):
        words = _words(_own_text(element) if element.tag == "li" else element.text_content())
        if len(words.split()) >= MIN_WORDS:
            found.append((TAG_KIND[element.tag], words))
    return found


def markdown_regions(markdown: str) -> dict[str, str]:
    """The words of the Markdown's blocks, by kind: each block's words in order, blocks apart."""
    blocks: dict[str, list[list[str]]] = {kind: [] for kind in KINDS}
    open_kind: str | None = None  # the kind whose last block a continuation line extends
    in_code = False
    for line in markdown.splitlines():
        if FENCE.match(line):
            in_code = not in_code
            if in_code:
                blocks["code block"].append([])
            open_kind = None
            continue
        if in_code:
            blocks["code block"][-1].append(line)
            continue
        if not line.strip():
            open_kind = None
            continue
        quoted = QUOTE.match(line)
        text = quoted.group(1) if quoted else line
        if quoted:
            if open_kind == "block quote":
                blocks["block quote"][-1].append(text)
            else:
                blocks["block quote"].append([text])
            open_kind = "block quote"
        if match := HEADING.match(text):
            blocks["heading"].append([match.group(1)])
        elif text.lstrip().startswith("|"):
            blocks["table cell"].extend([cell] for cell in text.strip().strip("|").split("|"))
        elif match := LIST_MARKER.match(text):
            blocks["list item"].append([match.group(2)])
            open_kind = open_kind if quoted else "list item"
        elif open_kind == "list item":
            blocks["list item"][-1].append(text)
    return {kind: " | ".join(_words(" ".join(block)) for block in found) for kind, found in blocks.items()}


@dataclass(slots=True)
class StructureRecall:
    """Found and total per kind, over pages."""

    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    def add(self, expected_html: str, markdown: str) -> None:
        regions = markdown_regions(markdown)
        for kind, words in expected_blocks(expected_html):
            self.total[kind] += 1
            self.found[kind] += words in regions[kind]

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.total[kind] if self.total[kind] else 0.0
