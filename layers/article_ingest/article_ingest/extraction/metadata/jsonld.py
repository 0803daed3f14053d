"""Schema.org JSON-LD: the objects a page describes itself with, article-like ones first."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import lxml.html

# Types that describe the page's main content; an Article beats a WebPage beats anything else.
ARTICLE_TYPES = ("Article", "BlogPosting", "Report", "Posting", "Review", "Recipe", "HowTo")
PAGE_TYPES = ("WebPage", "CreativeWork", "VideoObject")
# A JSON-LD graph deeper than this is not walked further (keeps hostile input bounded).
MAX_DEPTH = 6
# XHTML pages wrap script bodies in CDATA sections, often inside // or /* */ comments.
CDATA = re.compile(r"<!\[CDATA\[|\]\]>")

JsonObject = dict[str, Any]


def _types(item: JsonObject) -> str:
    kind = item.get("@type", "")
    return " ".join(str(part) for part in kind) if isinstance(kind, list) else str(kind)


def _walk(node: Any, depth: int, out: list[JsonObject]) -> None:
    if depth > MAX_DEPTH:
        return
    if isinstance(node, list):
        for child in node:
            _walk(child, depth + 1, out)
    elif isinstance(node, dict):
        out.append(node)
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(node.get(key), list | dict):
                _walk(node[key], depth + 1, out)


def _rank(item: JsonObject) -> int:
    kind = _types(item)
    if any(name in kind for name in ARTICLE_TYPES):
        return 0
    return 1 if any(name in kind for name in PAGE_TYPES) else 2


def is_article(item: JsonObject) -> bool:
    """Whether the object describes an article (or a similar standalone piece)."""
    return _rank(item) == 0


def json_ld_objects(tree: lxml.html.HtmlElement) -> list[JsonObject]:
    """Every JSON-LD object of the page, article-like ones first, then pages, then the rest."""
    found: list[JsonObject] = []
    # //script[contains(@type, "ld+json")], without an XPath scan of every element's attributes
    scripts = (script for script in tree.getroottree().iter("script") if "ld+json" in script.get("type", ""))
    for script in scripts:
        try:
            _walk(json.loads(CDATA.sub("", script.text or "").strip(" \t\r\n/*")), 0, found)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; other evidence decides
    return sorted(found, key=_rank)


def first_value(objects: Sequence[JsonObject], key: str, *, articles_only: bool = False) -> Any:
    """The first non-empty value of a key, searching article-like objects first."""
    for item in objects:
        if articles_only and _rank(item) > 1:
            break
        value = item.get(key)
        if value:
            return value
    return None


def names(value: Any) -> list[str]:
    """The names in a JSON-LD person/organization value: a string, an object or a list of them."""
    entries = value if isinstance(value, list) else [value]
    out: list[str] = []
    for entry in entries:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, str) and name.strip():
            out.append(name.strip())
    return out
