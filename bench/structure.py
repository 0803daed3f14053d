"""Structure recall: does the Markdown keep each list item, heading, code block, block quote and
table cell of the expected body as that kind of block?

For every such element of a page's expected.html with at least MIN_WORDS words, its words must
appear, in order, inside the Markdown's blocks of the same kind, as a CommonMark parser
(markdown-it-py, GFM tables on) reads them: list items, headings, code blocks, block quotes and
table cells. Words are letters and digits, lowercased (Markdown's escapes do not count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from markdown_it import MarkdownIt

KINDS = ("list item", "heading", "code block", "block quote", "table cell")
MIN_WORDS = 3  # shorter elements ("Yes", "1", "Back") say little about structure
WORD = re.compile(r"[^\W_]+")
LINK_TARGET = re.compile(r"\]\([^)]*\)")  # a link's or image's (url "title"): not the text's words
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


# markdown-it-py's token types for each kind's blocks (it parses CommonMark, GFM tables enabled).
OPENING_TOKENS = {
    "list_item_open": "list item",
    "heading_open": "heading",
    "blockquote_open": "block quote",
    "th_open": "table cell",
    "td_open": "table cell",
}
CLOSING_TOKENS = {name.replace("_open", "_close"): kind for name, kind in OPENING_TOKENS.items()}
CODE_TOKENS = ("fence", "code_block")


def markdown_regions(markdown: str) -> dict[str, str]:
    """The words of the Markdown's blocks, by kind: each block's words in order, blocks apart.

    The Markdown is read by a CommonMark parser, so a block counts as what a renderer shows it
    as: a heading or a paragraph indented under a list item belongs to that item. A list item's
    words are its own (not its sub-items'); a block quote's are all it holds, as in expected.html.
    """
    blocks: dict[str, list[list[str]]] = {kind: [] for kind in KINDS}
    open_blocks: dict[str, list[list[str]]] = {kind: [] for kind in KINDS}
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type in OPENING_TOKENS:
            block: list[str] = []
            blocks[OPENING_TOKENS[token.type]].append(block)
            open_blocks[OPENING_TOKENS[token.type]].append(block)
        elif token.type in CLOSING_TOKENS:
            open_blocks[CLOSING_TOKENS[token.type]].pop()
        elif token.type in CODE_TOKENS or token.type == "inline":
            if token.type in CODE_TOKENS:
                blocks["code block"].append([token.content])
            for kind, opened in open_blocks.items():
                targets = opened if kind == "block quote" else opened[-1:]
                for target in targets:
                    target.append(token.content)
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
            self.found[kind] += f" {words} " in f" {regions[kind]} "  # whole words only

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.total[kind] if self.total[kind] else 0.0
