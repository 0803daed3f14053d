"""The page's <meta> tags, indexed once by normalised key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

# Dublin Core is spelled "dc:title", "DC.title", "dcterm:title" or "dcterms.title" in the wild.
DUBLIN_CORE = re.compile(r"^(dc|dcterms?)[:.]")


def normalise_key(key: str) -> str:
    """Lowercase, with every Dublin Core spelling folded to "dc.x" / "dcterms.x"."""
    key = key.strip().lower()
    match = DUBLIN_CORE.match(key)
    if match:
        prefix = "dc" if match.group(1) == "dc" else "dcterms"
        key = f"{prefix}.{key[match.end() :]}"
    return key


@dataclass(frozen=True, slots=True)
class MetaTags:
    """Meta contents by key, in document order; `property=` values before `name=` ones."""

    values: dict[str, list[str]] = field(default_factory=dict)

    def first(self, *keys: str) -> str | None:
        """The first value of the first key that has one."""
        return next((self.values[key][0] for key in keys if self.values.get(key)), None)

    def first_keyed(self, *keys: str) -> tuple[str, str] | None:
        """The first value of the first key that has one, with that key."""
        return next(((self.values[key][0], key) for key in keys if self.values.get(key)), None)

    def all(self, key: str) -> list[str]:
        """Every value of a key."""
        return self.values.get(key, [])


def index_meta(tree: lxml.html.HtmlElement) -> MetaTags:
    """Index every <meta> with content; a space-separated property names several keys."""
    by_property: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        content = (element.get("content") or "").strip()
        if not content:
            continue
        for key in (element.get("property") or "").split():
            by_property.setdefault(normalise_key(key), []).append(content)
        for attribute in ("name", "itemprop", "http-equiv"):
            if element.get(attribute):
                by_name.setdefault(normalise_key(element.get(attribute, "")), []).append(content)
    merged = dict(by_property)
    for key, values in by_name.items():
        merged[key] = merged.get(key, []) + values
    return MetaTags(values=merged)
