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
