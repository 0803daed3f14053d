"""Quality gate: article-ingest's scores on the corpora must not fall below the pinned floors.

Body F1: every sample of bench/gate.py (the Mozilla pages whole, and a fixed sample of each dev
corpus's check half when ../shared is beside the repository; else the subset in tests/fixtures)
against tests/quality/floors.json, which only `python -m bench.gate --repin` changes and which
refuses to drop unless told to. Metadata: the Mozilla pages, against the floors below.
Scoring: bench/scoring.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from bench import gate
from bench.as_text import as_text
from bench.corpus import load_corpus
from bench.quality import DEFAULT_CORPUS, DEFAULT_TEXT_CORPUS, SHARED_CORPORA, SystemReport, evaluate
from bench.structure import KINDS
from bench.systems import run_article_ingest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
# l3s-gn1's pages rendered as text (bench/as_text.py): the text path's headlines on pages it was
# not tuned on. Achieved 2026-12-01: 440/603 (439 before the page's own address and the one-word
# subject). The corpus is research-use only and stays outside the repository: no subset.
RENDERED_CORPUS = SHARED_CORPORA / "l3s-gn1"
RENDERED_TITLE_FLOOR = 0.72
# The headline on l3s-gn1's pages (501/603 achieved 2026-12-02; the issue's target is 450)
HEADLINE_FLOOR = 0.82


@dataclass(frozen=True, slots=True)
class Floors:
    """The lowest scores accepted on one corpus."""

    title: float  # share of pages with an expected value that must come out right
    byline: float
    published: float
    language: float
    text_title: float  # the same shares on the as-text corpus
    text_byline: float
    structure: dict[str, float]  # Markdown structure recall per kind of block (bench/structure.py)


# Achieved (bench.quality, 2026-12-01): title 122/127 (lowered from 126 on purpose: the headline
# rules that took l3s-gn1 from 437 to 480/603 cost 3 pages here, all defensible), byline 70/76,
# date 33/33, language 73/73; as-text title 70/127 (53 before the text-header rules of 2026-12-01
# evening, 59 before headlines linked to their own page and section headings under a byline, 64
# before notices above the header and a headline shown again wrapped, 67 before the page's own
# address, 69 before a one-word subject shown twice),
# byline 44/76; Markdown structure recall list
# items 0.86, headings 0.90, code blocks 0.96, block quotes 0.93, table cells 0.86 (read by a
# CommonMark parser since 2026-12-01; 0.84, 0.76, 0.82, 0.91, 0.80 before; headings 0.76 and
# table cells 0.81 before linked section headings and data tables were kept). Subset: title
# 13/13, as-text title 11/13, byline 7/12; structure 166/170, 29/32, 4/4, 51/54, 106/106. Body F1
# floors live in floors.json (bench/gate.py).
FULL = Floors(
    title=0.96,
    byline=0.90,
    published=0.96,
    language=0.98,
    text_title=0.55,
    text_byline=0.57,
    structure={
        "list item": 0.85,
        "heading": 0.89,
        "code block": 0.95,
        "block quote": 0.92,
        "table cell": 0.85,
    },
)
SUBSET = Floors(
    title=0.90,
    byline=0.90,
    published=0.90,
    language=0.90,
    text_title=0.84,
    text_byline=0.55,
    structure={
        "list item": 0.90,
        "heading": 0.85,
        "code block": 0.75,
        "block quote": 0.90,
        "table cell": 0.90,
    },
)


def corpus_and_floors() -> tuple[Path, Path, Floors]:
    if DEFAULT_CORPUS.is_dir() and DEFAULT_TEXT_CORPUS.is_dir():
        return DEFAULT_CORPUS, DEFAULT_TEXT_CORPUS, FULL
    return FIXTURES / "readability-test-pages", FIXTURES / "readability-test-pages-as-text", SUBSET


@pytest.fixture(scope="module")
def reports() -> tuple[SystemReport, SystemReport, Floors]:
    html_dir, text_dir, floors = corpus_and_floors()
    html = evaluate("article-ingest", run_article_ingest, load_corpus(html_dir))
    text = evaluate("article-ingest", run_article_ingest, load_corpus(text_dir))
    return html, text, floors


@pytest.mark.parametrize("sample", gate.samples(), ids=lambda sample: sample.key)
def test_body_f1_on_each_corpus_sample_stays_above_its_pinned_floor(sample: gate.Sample) -> None:
    # Given the floor pinned for this sample (every sample has one)
    floor = gate.load_floors()[sample.key]
    # When article-ingest runs over it / Then its body F1 is at least the floor
    assert gate.measure(sample).f1 >= floor


@pytest.mark.parametrize("field", ["title", "byline", "published", "language"])
def test_metadata_accuracy_stays_above_its_floor(
    reports: tuple[SystemReport, SystemReport, Floors], field: str
) -> None:
    html, _, floors = reports
    tally = html.fields[field]
    assert tally.right / max(tally.total, 1) >= getattr(floors, field), tally.misses


@pytest.mark.parametrize("field", ["title", "byline"])
def test_text_metadata_accuracy_stays_above_its_floor(
    reports: tuple[SystemReport, SystemReport, Floors], field: str
) -> None:
    _, text, floors = reports
    tally = text.fields[field]
    assert tally.right / max(tally.total, 1) >= getattr(floors, f"text_{field}"), tally.misses


@pytest.mark.skipif(not RENDERED_CORPUS.is_dir(), reason="l3s-gn1 lives in ../shared only")
def test_text_titles_on_pages_rendered_as_text_stay_above_their_floor() -> None:
    # Given l3s-gn1's pages rendered as text saved from a browser (no <title> shown)
    pages = [as_text(page) for page in load_corpus(RENDERED_CORPUS)]
    # When the text path reads them / Then the headline comes out on as many as pinned
    tally = evaluate("article-ingest", run_article_ingest, pages).fields["title"]
    assert tally.right / max(tally.total, 1) >= RENDERED_TITLE_FLOOR, tally.misses


@pytest.mark.skipif(not RENDERED_CORPUS.is_dir(), reason="l3s-gn1 lives in ../shared only")
def test_headlines_on_l3s_gn1_stay_above_their_floor() -> None:
    # Given l3s-gn1's pages, each with its headline marked by hand
    pages = load_corpus(RENDERED_CORPUS)
    # When article-ingest reads them / Then the title is the headline on as many as pinned
    tally = evaluate("article-ingest", run_article_ingest, pages).fields["title"]
    assert tally.right / max(tally.total, 1) >= HEADLINE_FLOOR, tally.misses


def test_no_date_is_claimed_for_text_input(reports: tuple[SystemReport, SystemReport, Floors]) -> None:
    # Given the as-text corpus, whose pages carry no trustworthy publication date
    _, text, _ = reports
    # Then no page is given one
    assert text.fields["published"].answered == 0


@pytest.mark.parametrize("kind", KINDS)
def test_markdown_structure_recall_stays_above_its_floor(
    reports: tuple[SystemReport, SystemReport, Floors], kind: str
) -> None:
    # Given the HTML corpus's expected bodies / Then each kind of block survives into the Markdown
    html, _, floors = reports
    assert html.structure.total[kind]
    assert html.structure.recall(kind) >= floors.structure[kind]
