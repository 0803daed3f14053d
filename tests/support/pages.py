"""Small HTML documents for the extraction's unit tests."""

from __future__ import annotations


def html_page(body: str, *, head: str = "", lang: str = "en") -> bytes:
    """A minimal HTML document with an article-sized body."""
    return f'<!doctype html><html lang="{lang}"><head>{head}</head><body>{body}</body></html>'.encode()


def prose(sentences: int = 12) -> str:
    """Paragraphs of plain article prose, long enough for readability to score."""
    sentence = "The council voted on Tuesday to expand the city's bus network, citing rising demand. "
    return "".join(f"<p>{sentence * 3}</p>" for _ in range(sentences // 3 or 1))
