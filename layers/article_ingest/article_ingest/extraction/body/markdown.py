"""The sanitized body as Markdown (CommonMark, with GFM tables): headings, paragraphs, nested
lists, tables with a header row, fenced code with its language, block quotes, figures and
images, emphasis, inline code and links.

Written over the lxml tree the pipeline already holds (no second parse): converting libraries
measured 18 ms a page (markdownify, through BeautifulSoup) or weigh 8 MB in the layer
(html-to-markdown); this takes about a millisecond.
"""

from __future__ import annotations

import re
from itertools import islice

import lxml.html

from article_ingest.extraction.words import collapsed, single_spaced

HEADINGS = {f"h{level}": level for level in range(1, 7)}
# Elements whose content forms blocks of its own; anything else is inline.
BLOCK_TAGS = frozenset(
    [
        *HEADINGS,
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "address",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "pre",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "figcaption",
        "hr",
        "body",
        "html",
        "center",
        "details",
        "summary",
    ]
)
EMPHASIS = {"em": "*", "i": "*", "cite": "*", "strong": "**", "b": "**"}
CODE_TAGS = frozenset(["code", "kbd", "samp", "tt"])
ESCAPED = re.compile(r"([\\`*_\[\]])")
LINE_START_MARK = re.compile(r"^(\s*)([#>+\-]|\d+[.)])(\s)")
LANGUAGE_CLASS = re.compile(r"\b(?:language|lang)-([\w+#.-]+)")
FENCE = "```"
# A table used for layout is rendered as its cells' blocks, not as a GFM table (whose cells hold
# one line of inline text): a table with a cell holding code or a heading, or an article's worth
# of blocks and words. A data table's cell holds a paragraph or two (a value and its note), an
# infobox's cell a few short captions; the cell a page lays its article out in holds more.
MIN_LAYOUT_BLOCKS = 3
MIN_LAYOUT_WORDS = 150
LAYOUT_BLOCKS = ("p", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6")
FRAME_ONLY_BLOCKS = ("pre", "h1", "h2", "h3", "h4", "h5", "h6")
NESTED_LIST = re.compile(r"^(?:- |\d+\. )")


def to_markdown(root: lxml.html.HtmlElement) -> str:
    """The element's content as Markdown, blocks separated by blank lines."""
    return "\n\n".join(block for block in _blocks(root) if block.strip()).strip() + "\n"


def _tag(node: lxml.html.HtmlElement) -> str:
    return node.tag.lower() if isinstance(node.tag, str) else ""


def _blocks(element: lxml.html.HtmlElement) -> list[str]:  # noqa: PLR0911 - one return per kind
    """The blocks of an element holding a mix of inline runs and block children."""
    tag = _tag(element)
    if tag in HEADINGS:
        text = _inline_content(element)
        return [f"{'#' * HEADINGS[tag]} {text}"] if text else []
    if tag in ("ul", "ol"):
        return [_list(element)]
    if tag == "pre":
        return [_code_block(element)]
    if tag == "blockquote":
        inner = "\n\n".join(_blocks_of_children(element))
        return ["\n".join(f"> {line}" if line else ">" for line in inner.splitlines())] if inner else []
    if tag == "table":
        return _table(element)
    if tag == "hr":
        return ["---"]
    if tag == "dt":
        text = _inline_content(element)
        return [f"**{text}**"] if text else []
    return _blocks_of_children(element)


def _blocks_of_children(element: lxml.html.HtmlElement) -> list[str]:
    blocks: list[str] = []
    run: list[str] = [_text(element.text)]
    for child in element:
        if _tag(child) in BLOCK_TAGS:
            _flush(run, blocks)
            blocks.extend(_blocks(child))
            run.append(_text(child.tail))
            continue
        run.append(_inline(child))
        run.append(_text(child.tail))
    _flush(run, blocks)
    return blocks


def _flush(run: list[str], blocks: list[str]) -> None:
    paragraph = _paragraph("".join(run))
    if paragraph:
        blocks.append(paragraph)
    run.clear()


def _paragraph(text: str) -> str:
    lines = [collapsed(line) for line in text.split("\n")]
    lines = [LINE_START_MARK.sub(r"\1\\\2\3", line) for line in lines if line]
    return "  \n".join(lines)  # a <br> inside a paragraph stays a line break


def _text(value: str | None) -> str:
    if not value:
        return ""
    if value.isspace():  # the layout whitespace between blocks, most text nodes: one space
        return " "
    return ESCAPED.sub(r"\\\1", single_spaced(value))


def _inline_content(element: lxml.html.HtmlElement) -> str:
    parts = [_text(element.text)]
    for child in element:
        parts.append(_inline(child))
        parts.append(_text(child.tail))
    return collapsed("".join(parts))


def _inline(node: lxml.html.HtmlElement) -> str:  # noqa: PLR0911 - one return per kind
    tag = _tag(node)
    if tag == "br":
        return "\n"
    if tag == "img":
        src = node.get("src")
        return f"![{_text(node.get('alt'))}]({src})" if src else ""
    if tag in CODE_TAGS:
        code = single_spaced(node.text_content())
        ticks = "``" if "`" in code else "`"
        return f"{ticks}{code}{ticks}" if code.strip() else ""
    content = _inline_content(node)
    if not content:
        return ""
    if tag == "a" and node.get("href"):
        return f"[{content}]({node.get('href')})"
    if tag in EMPHASIS:
        mark = EMPHASIS[tag]
        return f"{mark}{content}{mark}"
    return f" {content} " if tag in BLOCK_TAGS else content


def _list(element: lxml.html.HtmlElement) -> str:
    ordered = _tag(element) == "ol"
    start = int(element.get("start", "1")) if (element.get("start") or "").isdigit() else 1
    items = []
    for index, item in enumerate(child for child in element if _tag(child) == "li"):
        marker = f"{start + index}. " if ordered else "- "
        body = _item_body(_blocks(item))
        lines = body.splitlines() or [""]
        indent = " " * len(marker)
        items.append("\n".join([marker + lines[0], *(indent + line if line else "" for line in lines[1:])]))
    return "\n".join(items)


def _item_body(blocks: list[str]) -> str:
    """An item's blocks: a nested list follows its line directly, further paragraphs after a
    blank line (a loose item)."""
    joined = ""
    for block in blocks:
        nested = NESTED_LIST.match(block) is not None
        joined += ("\n" if nested else "\n\n") + block if joined else block
    return joined


def _code_block(element: lxml.html.HtmlElement) -> str:
    code = element.text_content().strip("\n")
    marks = " ".join(filter(None, [element.get("class"), *(c.get("class") for c in element.iter("code"))]))
    language = LANGUAGE_CLASS.search(marks or "")
    fence = FENCE
    while fence in code:
        fence += "`"
    return f"{fence}{language.group(1) if language else ''}\n{code}\n{fence}"


def _table(element: lxml.html.HtmlElement) -> list[str]:
    """A GFM table, or, for a table used for layout, the blocks of its cells in order."""
    rows = _own_rows(element)
    cells = [cell for row in rows for cell in row if _tag(cell) in ("td", "th")]
    if len(cells) == 1 or any(_holds_blocks(cell) for cell in cells):
        return [block for cell in cells for block in _blocks_of_children(cell)]
    return [_data_table(rows)]


def _own_rows(table: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The table's rows, not those of a table nested in one of its cells (that one is its own block)."""
    return [row for row in table.iter("tr") if _outermost(row, table)]


def _holds_blocks(cell: lxml.html.HtmlElement) -> bool:
    """Whether the cell holds what a GFM cell cannot: code, a heading, or the blocks of an article
    (a page laid out in a table keeps its article in a cell)."""
    if next(cell.iter(*FRAME_ONLY_BLOCKS), None) is not None:
        return True
    blocks = list(islice(cell.iter(*LAYOUT_BLOCKS), MIN_LAYOUT_BLOCKS))
    return len(blocks) >= MIN_LAYOUT_BLOCKS and len(cell.text_content().split()) >= MIN_LAYOUT_WORDS


def _outermost(part: lxml.html.HtmlElement, table: lxml.html.HtmlElement) -> bool:
    """Whether the row belongs to the table itself, not to a table nested in one of its cells."""
    return next(part.iterancestors("table"), None) is table


def _data_table(own_rows: list[lxml.html.HtmlElement]) -> str:
    rows = [[_cell(cell) for cell in row if _tag(cell) in ("td", "th")] for row in own_rows]
    rows = [row for row in rows if row]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    lines = [_row(padded[0]), _row(["---"] * width), *(_row(row) for row in padded[1:])]
    return "\n".join(lines)


def _cell(cell: lxml.html.HtmlElement) -> str:
    text = " ".join(block.replace("\n", " ") for block in _blocks_of_children(cell))
    return collapsed(text).replace("|", "\\|")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
