"""Quality benchmark: article-ingest against readability-lxml and trafilatura on one corpus.

    python -m bench.quality [CORPUS_DIR] [--text-corpus DIR] [--json OUT]

Every system runs on the same pages in the same process. Scoring is described in
bench/scoring.py; the output is a markdown table (and optionally the raw figures as JSON).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.corpus import Page, load_corpus
from bench.scoring import (
    byline_matches,
    date_matches,
    f1,
    language_matches,
    score_body,
    title_matches,
)
from bench.systems import SYSTEMS, TEXT_SYSTEMS, Extraction, System

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "readability-test-pages"
DEFAULT_TEXT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "readability-test-pages-as-text"
METADATA_FIELDS = ("title", "byline", "published", "language")


@dataclass(slots=True)
class Tally:
    """Right answers out of the pages that have an expectation for one field."""

    right: int = 0
    total: int = 0
    answered: int = 0  # pages where the system gave any value
    misses: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SystemReport:
    """One system's figures over a corpus."""

    name: str
    pages: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    ms_per_page: float = 0.0
    fields: dict[str, Tally] = field(default_factory=dict)
    page_f1: dict[str, float] = field(default_factory=dict)


MATCHERS = {
    "title": title_matches,
    "byline": byline_matches,
    "published": date_matches,
    "language": language_matches,
}


def _tally_metadata(report: SystemReport, page: Page, found: Extraction) -> None:
    for name in METADATA_FIELDS:
        expected = getattr(page.expected, name)
        if not expected:
            continue
        tally = report.fields.setdefault(name, Tally())
        tally.total += 1
        tally.answered += bool(getattr(found, name))
        if MATCHERS[name](getattr(found, name), expected):
            tally.right += 1
        else:
            tally.misses.append(page.name)


def evaluate(name: str, system: System, pages: list[Page]) -> SystemReport:
    """Run one system over every page and score it."""
    report = SystemReport(name=name, fields={field_name: Tally() for field_name in METADATA_FIELDS})
    if pages:
        system(pages[0].data)  # warm-up: lazy imports and caches are not per-page cost
    precision = recall = elapsed = 0.0
    for page in pages:
        start = time.perf_counter()
        found = system(page.data)
        elapsed += time.perf_counter() - start
        body = score_body(found.text, page.expected.text)
        precision += body.precision
        recall += body.recall
        report.page_f1[page.name] = f1(body.precision, body.recall)
        _tally_metadata(report, page, found)
    count = max(len(pages), 1)
    report.pages = len(pages)
    report.precision, report.recall = precision / count, recall / count
    report.f1 = f1(report.precision, report.recall)
    report.ms_per_page = 1000 * elapsed / count
    return report


def _cell(tally: Tally) -> str:
    """right/total, or n/a for a field the system never fills (readability has no byline)."""
    return f"{tally.right}/{tally.total}" if tally.answered else "n/a"


def markdown_table(reports: list[SystemReport], *, with_metadata: bool) -> str:
    """The reports as a markdown table."""
    head = "| system | pages | body P | body R | body F1 |"
    rule = "|---|---:|---:|---:|---:|"
    if with_metadata:
        head += " title | byline | date | language |"
        rule += "---:|---:|---:|---:|"
    head += " ms/page |"
    rule += "---:|"
    rows = [head, rule]
    for report in reports:
        row = f"| {report.name} | {report.pages} | {report.precision:.3f} | {report.recall:.3f} |"
        row += f" {report.f1:.3f} |"
        if with_metadata:
            row += "".join(f" {_cell(report.fields[name])} |" for name in METADATA_FIELDS)
        rows.append(f"{row} {report.ms_per_page:.1f} |")
    return "\n".join(rows)


def run(corpus: Path, text_corpus: Path | None) -> dict[str, list[SystemReport]]:
    """Benchmark the HTML corpus (and the as-text corpus, when given)."""
    pages = load_corpus(corpus)
    results = {"html": [evaluate(name, system, pages) for name, system in SYSTEMS.items()]}
    if text_corpus is not None and text_corpus.is_dir():
        text_pages = load_corpus(text_corpus)
        results["text"] = [evaluate(name, system, text_pages) for name, system in TEXT_SYSTEMS.items()]
    return results


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--text-corpus", type=Path, default=DEFAULT_TEXT_CORPUS)
    parser.add_argument("--no-text-corpus", action="store_true", help="skip the as-text corpus")
    parser.add_argument("--json", type=Path, help="write the raw figures (with misses) here")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"corpus folder not found: {args.corpus}")
    results = run(args.corpus, None if args.no_text_corpus else args.text_corpus)
    sys.stdout.write(f"HTML corpus: {args.corpus.name}\n\n")
    sys.stdout.write(markdown_table(results["html"], with_metadata=True) + "\n")
    if "text" in results:
        sys.stdout.write(f"\nAs-text corpus: {args.text_corpus.name}\n\n")
        sys.stdout.write(markdown_table(results["text"], with_metadata=True) + "\n")
    if args.json:
        raw = {kind: [asdict(report) for report in reports] for kind, reports in results.items()}
        args.json.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
