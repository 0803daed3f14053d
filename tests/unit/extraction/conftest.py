"""Shared inputs of the extraction unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from article_ingest.extraction import Article, extract

REPO_ROOT = Path(__file__).resolve().parents[3]
ZELENSKIY = REPO_ROOT / "samples" / "zelenskiy-putin-meeting.txt"


@pytest.fixture(scope="session")
def zelenskiy() -> Article:
    """The page saved as text, extracted once for all the tests that read it."""
    return extract(ZELENSKIY.read_bytes())


def html_page(body: str, *, head: str = "", lang: str = "en") -> bytes:
    """A minimal HTML document with an article-sized body."""
    return f'<!doctype html><html lang="{lang}"><head>{head}</head><body>{body}</body></html>'.encode()


def prose(sentences: int = 12) -> str:
    """Paragraphs of plain article prose, long enough for readability to score."""
    sentence = "The council voted on Tuesday to expand the city's bus network, citing rising demand. "
    return "".join(f"<p>{sentence * 3}</p>" for _ in range(sentences // 3 or 1))
