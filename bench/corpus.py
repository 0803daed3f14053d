"""Reading a benchmark corpus: one folder per page with its source and expectations.

Two layouts are read:
- Mozilla's readability test pages: `source.html` (or `source.txt` for pages saved as text),
  `expected.html` and `expected-metadata.json` (title, byline, publishedTime, lang);
- the dev corpora (dragnet, l3s-gn1, cleanportaleval): `source.html.gz`, `expected.txt` (the
  marked main text, one block per line) and `expected-metadata.json` (url, title).

Every page belongs once and for all to a tune half or a check half, by a hash of its folder
name: rules are tuned on the tune half and kept only if the check half agrees.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import lxml.html

SOURCE_NAMES = ("source.html", "source.txt", "source.html.gz")
EXPECTED_NAMES = ("expected.html", "expected.txt")
Half = Literal["tune", "check"]


@dataclass(frozen=True, slots=True)
class Expectation:
    """What a page should yield: its body text and the metadata fields that are known."""

    text: str
    title: str | None
    byline: str | None
    published: str | None
    language: str | None
    # Fields the truth states as absent (a key with a null value): a value found there is a claim
    # the truth does not back.
    absent: frozenset[str] = frozenset()
    html: str | None = None  # the expected body's markup, where the corpus gives expected.html


# expected-metadata.json keys (Readability.js's names) of the fields compared.
METADATA_KEYS = {"title": "title", "byline": "byline", "published": "publishedTime", "language": "lang"}


@dataclass(frozen=True, slots=True)
class Page:
    """One corpus page: its name, raw bytes (gunzipped), expectation and half."""

    name: str
    data: bytes
    expected: Expectation
    half: Half
    is_text: bool = False  # saved as text (source.txt), not HTML


def half_of(name: str) -> Half:
    """The page's half: the low bit of the first byte of SHA-256 over its folder name."""
    return "tune" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "check"


def expected_text(expected_html: str) -> str:
    """The text content of a page's expected.html."""
    if not expected_html.strip():
        return ""
    root: lxml.html.HtmlElement = lxml.html.fromstring(expected_html)
    return str(root.text_content())


def _read_expected(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    return expected_text(raw) if path.suffix == ".html" else raw


def load_page(folder: Path) -> Page | None:
    """The page stored in a corpus folder, or None if the folder is not one."""
    source = next((folder / name for name in SOURCE_NAMES if (folder / name).is_file()), None)
    expected_path = next((folder / name for name in EXPECTED_NAMES if (folder / name).is_file()), None)
    if source is None or expected_path is None:
        return None
    meta_path = folder / "expected-metadata.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    expected = Expectation(
        text=_read_expected(expected_path),
        title=meta.get("title") or None,
        byline=meta.get("byline") or None,
        published=meta.get("publishedTime") or None,
        language=meta.get("lang") or None,
        absent=frozenset(name for name, key in METADATA_KEYS.items() if key in meta and not meta[key]),
        html=expected_path.read_text(encoding="utf-8") if expected_path.suffix == ".html" else None,
    )
    data = source.read_bytes()
    if source.suffix == ".gz":
        data = gzip.decompress(data)
    return Page(
        name=folder.name,
        data=data,
        expected=expected,
        half=half_of(folder.name),
        is_text=source.name == "source.txt",
    )


def load_corpus(root: Path) -> list[Page]:
    """Every page of a corpus folder, in name order."""
    pages = (load_page(folder) for folder in sorted(root.iterdir()) if folder.is_dir())
    return [page for page in pages if page is not None]
