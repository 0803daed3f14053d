"""Reading a benchmark corpus: one folder per page with its source and expectations."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import lxml.html

SOURCE_NAMES = ("source.html", "source.txt")


@dataclass(frozen=True, slots=True)
class Expectation:
    """What a page should yield: its body text and the metadata fields that are known."""

    text: str
    title: str | None
    byline: str | None
    published: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class Page:
    """One corpus page: its name, raw bytes and expectation."""

    name: str
    data: bytes
    expected: Expectation


def expected_text(expected_html: str) -> str:
    """The text content of a page's expected.html."""
    if not expected_html.strip():
        return ""
    return str(lxml.html.fromstring(expected_html).text_content())


def load_page(folder: Path) -> Page | None:
    """The page stored in a corpus folder, or None if the folder is not one."""
    source = next((folder / name for name in SOURCE_NAMES if (folder / name).is_file()), None)
    if source is None or not (folder / "expected.html").is_file():
        return None
    meta_path = folder / "expected-metadata.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    expected = Expectation(
        text=expected_text((folder / "expected.html").read_text(encoding="utf-8")),
        title=meta.get("title") or None,
        byline=meta.get("byline") or None,
        published=meta.get("publishedTime") or None,
        language=meta.get("lang") or None,
    )
    return Page(name=folder.name, data=source.read_bytes(), expected=expected)


def load_corpus(root: Path) -> list[Page]:
    """Every page of a corpus folder, in name order."""
    pages = (load_page(folder) for folder in sorted(root.iterdir()) if folder.is_dir())
    return [page for page in pages if page is not None]
