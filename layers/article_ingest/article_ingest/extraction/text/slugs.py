"""Slugs: the words an article's address spells ("/council-votes-on-the-budget-1690268064").

Text saved from a page keeps some of its links. A link whose address spells the line's own words
is a headline linked to its article; an address the page links to from its in-page links
("#replies", "Jump to content") is the page's own, and the line spelling it is its headline.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from urllib.parse import unquote, urlsplit

from article_ingest.extraction.signals import clear_leader

SLUG_ID = re.compile(r"(?:[-_]?\d{4,})+$")  # the numeric id a slug may end in
EXTENSION = re.compile(r"\.\w+$")  # "/chapter1.html"
MIN_SLUG_SHARE = 0.5  # share of the line's letters the slug spells, from its start
MIN_SLUG_CHARS = 12  # a shorter slug ("/news", "/about-us") names a section, not an article
# The page's own address is linked more than once (a permalink dateline, "#replies"); a page
# that links once, with a fragment, to another page's section ("/rfc6749#section-4.2") is not it.
MIN_OWN_LINKS = 2
MIN_OWN_SLUG_WORDS = 3  # "/maispopulares/#mais-lidas" is a section's page; an article's slug has words


def slug_words(address: str) -> list[str]:
    """The words of the address's last path segment, less its id and extension, as `squash`
    writes them ("caf%C3%A9-owners" -> "cafe", "owners")."""
    try:
        path = unquote(urlsplit(html.unescape(address)).path)
    except ValueError:  # "http://[broken/x": no address, no slug
        return []
    segment = next((part for part in reversed(path.split("/")) if part), "")
    slug = SLUG_ID.sub("", EXTENSION.sub("", segment))
    return [squashed for word in re.split(r"[\W_]+", slug) if (squashed := squash(word))]


def spells(words: list[str], plain: str) -> bool:
    """Whether the slug's words spell the start of the line (a slug may be cut short)."""
    slug, squashed = "".join(words), squash(plain)
    return (
        len(slug) >= MIN_SLUG_CHARS
        and squashed.startswith(slug)
        and len(slug) >= MIN_SLUG_SHARE * len(squashed)
    )


def own_slug(addresses: list[str]) -> list[str]:
    """The slug of the page's own address: the one its in-page links point to most (a tie tells
    nothing: a "Most read" box's "#comments" link beside the article's own), when the page links
    there more than once and the slug has words; else no words."""
    pages = [address.split("#", 1)[0] for address in addresses]
    in_page = Counter(page for page, address in zip(pages, addresses, strict=True) if "#" in address and page)
    own = clear_leader(in_page)
    if own is None:  # none, or no clear one
        return []
    words = slug_words(own)
    return words if pages.count(own) >= MIN_OWN_LINKS and len(words) >= MIN_OWN_SLUG_WORDS else []


def squash(plain: str) -> str:
    """The line's letters and digits as a slug has them: accents dropped, in lower case."""
    folded = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode("ascii")
    return "".join(char for char in folded.casefold() if char.isalnum())
