"""The extraction pauses Python's cycle collector while it runs and leaves it as it found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import lxml.html
import pytest

from article_ingest.extraction import RejectedDocumentError, extract, pipeline
from article_ingest.extraction.body.content import pick_content

ARTICLE = (
    b"<html><body><article><p>"
    + b"A sentence of the article, long enough to keep. " * 20
    + b"</p></article></body></html>"
)


@pytest.fixture
def collector_restored() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_off_during_the_extraction_and_on_after(
    monkeypatch: pytest.MonkeyPatch, collector_restored: None
) -> None:
    # Given the collector on, and a spy on a stage inside the extraction
    gc.enable()
    seen: list[bool] = []

    def spy(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
        seen.append(gc.isenabled())
        return pick_content(tree)

    monkeypatch.setattr(f"{pipeline.__name__}.pick_content", spy)
    # When an article is extracted
    article = extract(ARTICLE)
    # Then the stage ran with the collector off, and it is on again
    assert article.word_count > 100
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_rejection(collector_restored: None) -> None:
    gc.enable()
    with pytest.raises(RejectedDocumentError):
        extract(b"")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(collector_restored: None) -> None:
    gc.disable()
    extract(ARTICLE)
    assert not gc.isenabled()


def test_overlapping_extractions_share_one_pause(collector_restored: None) -> None:
    # Given the collector on and two extractions overlapping, as on two threads
    gc.enable()
    first, second = pipeline.cycle_collector_paused(), pipeline.cycle_collector_paused()
    first.__enter__()
    second.__enter__()
    # When the first one ends / Then the collector stays off until the second ends too
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()
