"""Everything the page says about itself, gathered in one pass over the parsed tree.

Each field (titles.py, authors.py, dates.py, language.py, fields.py) chooses from this value
instead of querying the tree again: JSON-LD objects, the <meta> index, microdata, <time>
elements, the <title>, the leading headings, the canonical link and the declared language.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import lxml.html

from article_ingest.extraction.metadata.headline import (
    MAX_HEADLINE_WORDS,
    looks_like_headline,
)
from article_ingest.extraction.metadata.jsonld import (
    JsonObject,
    first_value,
    is_article,
    json_ld_objects,
    names,
)
from article_ingest.extraction.metadata.meta_tags import MetaTags, index_meta
from article_ingest.extraction.words import collapsed

MAX_HEADINGS = 10  # the headline is among the first headings; later ones are sections and sidebars
# Headline-like elements (any heading level, elements classed as headline or title, a bold line
# alone in its block) read as evidence for the title: enough to reach an article's headline below
# a template's many menu headings, bounded for hostile pages.
MAX_HEADLINE_CANDIDATES = 60
MAX_CANDIDATE_CHILDREN = 8  # a "title" element with more children is a container, not a headline
# Attributes in which a document declares its language, on the root element.
LANG_ATTRIBUTES = ("lang", "xml:lang", "{http://www.w3.org/XML/1998/namespace}lang")
# Meta keys that declare the language, strongest first.
LANG_META = ("content-language", "language", "dc.language", "og:locale")


def clean(value: str | None) -> str:
    """Whitespace collapsed, ends trimmed."""
    return collapsed(value or "")


@dataclass(frozen=True, slots=True)
class Evidence:
    """The page's self-description; `tree` stays for the few lookups that need the markup."""

    tree: lxml.html.HtmlElement
    url: str | None
    json_ld: tuple[JsonObject, ...]
    publishers: tuple[str, ...]  # the names of the JSON-LD publisher: the site's own name
    meta: MetaTags
    microdata: MappingProxyType[str, tuple[lxml.html.HtmlElement, ...]]
    times: tuple[lxml.html.HtmlElement, ...]
    page_title: str
    headings: tuple[str, ...]  # h1 and h2 texts, in document order
    headline_candidates: tuple[str, ...]  # texts of headline-like elements, in document order
    canonical_link: str | None
    declared_languages: tuple[str, ...]

    @property
    def article(self) -> JsonObject:
        """The JSON-LD object describing the article, or an empty one."""
        return self.json_ld[0] if self.json_ld and is_article(self.json_ld[0]) else {}

    def itemprop(self, name: str) -> tuple[lxml.html.HtmlElement, ...]:
        """Elements carrying a microdata property, in document order."""
        return self.microdata.get(name, ())


def _microdata(tree: lxml.html.HtmlElement) -> MappingProxyType[str, tuple[lxml.html.HtmlElement, ...]]:
    found: dict[str, list[lxml.html.HtmlElement]] = {}
    for element in tree.xpath("//*[@itemprop]"):
        for name in (element.get("itemprop") or "").split():
            found.setdefault(name, []).append(element)
    return MappingProxyType({name: tuple(elements) for name, elements in found.items()})


def _declared_languages(tree: lxml.html.HtmlElement, meta: MetaTags) -> tuple[str, ...]:
    root = tree.getroottree().getroot()
    values: list[Any] = [root.get(name) for name in LANG_ATTRIBUTES]
    values += [meta.first(key) for key in LANG_META]
    return tuple(value for value in values if isinstance(value, str) and value.strip())


def _headline_candidates(tree: lxml.html.HtmlElement) -> tuple[str, ...]:
    found: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or len(element) > MAX_CANDIDATE_CHILDREN:
            continue
        if looks_like_headline(element):
            text = clean(element.text_content())
            if 0 < len(text.split()) <= MAX_HEADLINE_WORDS:
                found.append(text)
                if len(found) == MAX_HEADLINE_CANDIDATES:
                    break
    return tuple(found)


def gather_evidence(tree: lxml.html.HtmlElement, *, url: str | None = None) -> Evidence:
    """Read the page's self-description once."""
    meta = index_meta(tree)
    title = tree.find(".//title")
    # //link[@rel="canonical"]/@href, without an XPath scan of every element's attributes
    links = tree.getroottree().iter("link")
    hrefs = (link.get("href") for link in links if link.get("rel") == "canonical")
    canonical = [href.strip() for href in hrefs if href is not None and href.strip()]
    headings = []
    for element in tree.iter("h1", "h2"):
        headings.append(clean(element.text_content()))
        if len(headings) == MAX_HEADINGS:
            break
    json_ld = tuple(json_ld_objects(tree))
    return Evidence(
        tree=tree,
        url=url,
        json_ld=json_ld,
        publishers=tuple(names(first_value(json_ld, "publisher"))),
        meta=meta,
        microdata=_microdata(tree),
        times=tuple(element for element in tree.iter("time") if element.get("datetime")),
        page_title=clean(title.text_content()) if title is not None else "",
        headings=tuple(headings),
        headline_candidates=_headline_candidates(tree),
        canonical_link=canonical[0] if canonical else None,
        declared_languages=_declared_languages(tree, meta),
    )
