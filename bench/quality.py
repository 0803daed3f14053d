"""Quality benchmark: article-ingest against readability-lxml and trafilatura on one or more corpora.

    python -m bench.quality CORPUS_DIR [CORPUS_DIR ...] [--as-text CORPUS_DIR ...] [--json OUT]
                            [--systems a,b] [--half tune]

Every system runs on the same pages in the same process. Per corpus it prints body P/R/F1 (over
all pages and over each half of the fixed tune/check split, bench/corpus.py), rejections, the
metadata fields the corpus has truth for, and ms per page; then the macro-average over corpora.
`--as-text` also scores HTML corpora rendered as text saved from a browser (bench/as_text.py):
the text path measured on pages it was not tuned on.
Scoring is described in bench/scoring.py. `--json` writes every page's scores, which
`python -m bench.diff OLD NEW` compares.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.as_text import as_text
from bench.corpus import Half, Page, load_corpus
from bench.scoring import (
    byline_matches,
    date_matches,
    f1,
    language_matches,
    score_body,
    title_matches,
)
from bench.structure import KINDS, StructureRecall
from bench.systems import SYSTEMS, TEXT_BASELINE, Extraction, System

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPORA = REPO_ROOT.parent / "shared" / "corpus"
DEFAULT_CORPUS = SHARED_CORPORA / "readability-test-pages"
DEFAULT_TEXT_CORPUS = SHARED_CORPORA / "readability-test-pages-as-text"
METADATA_FIELDS = ("title", "byline", "published", "language")
HALVES: tuple[Half, ...] = ("tune", "check")


@dataclass(slots=True)
class Tally:
    """Right answers out of the pages that have an expectation for one field."""

    right: int = 0
    total: int = 0
    answered: int = 0  # pages where the system gave any value
    unbacked: int = 0  # values given where the truth says the page has none
    misses: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PageScore:
    """One system's result on one page."""

    precision: float
    recall: float
    f1: float
    ms: float
    half: Half
    rejected: str | None = None


@dataclass(slots=True)
class BodyFigures:
    """Body precision, recall and F1 (of the averaged P and R) over a set of pages."""

    pages: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0


@dataclass(slots=True)
class SystemReport:
    """One system's figures over a corpus."""

    name: str
    pages: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    ms_per_page: float = 0.0
    rejected: int = 0
    halves: dict[str, BodyFigures] = field(default_factory=dict)
    fields: dict[str, Tally] = field(default_factory=dict)
    page_scores: dict[str, PageScore] = field(default_factory=dict)
    structure: StructureRecall = field(default_factory=StructureRecall)  # of the Markdown, if any


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
            if name in page.expected.absent and getattr(found, name):
                report.fields.setdefault(name, Tally()).unbacked += 1
            continue
        tally = report.fields.setdefault(name, Tally())
        tally.total += 1
        tally.answered += bool(getattr(found, name))
        if MATCHERS[name](getattr(found, name), expected):
            tally.right += 1
        else:
            tally.misses.append(page.name)


def body_figures(scores: list[PageScore]) -> BodyFigures:
    """Average precision and recall over pages, and the F1 of those averages."""
    if not scores:
        return BodyFigures()
    precision = statistics.fmean(score.precision for score in scores)
    recall = statistics.fmean(score.recall for score in scores)
    return BodyFigures(pages=len(scores), precision=precision, recall=recall, f1=f1(precision, recall))


def evaluate(name: str, system: System, pages: list[Page]) -> SystemReport:
    """Run one system over every page and score it."""
    report = SystemReport(name=name, fields={field_name: Tally() for field_name in METADATA_FIELDS})
    if pages:
        system(pages[0].data)  # warm-up: lazy imports and caches are not per-page cost
    for page in pages:
        start = time.perf_counter()
        found = system(page.data)
        elapsed = time.perf_counter() - start
        body = score_body(found.text, page.expected.text)
        report.page_scores[page.name] = PageScore(
            precision=body.precision,
            recall=body.recall,
            f1=f1(body.precision, body.recall),
            ms=1000 * elapsed,
            half=page.half,
            rejected=found.rejected,
        )
        _tally_metadata(report, page, found)
        if found.markdown is not None and page.expected.html is not None and not page.is_text:
            report.structure.add(page.expected.html, found.markdown)
    scores = list(report.page_scores.values())
    overall = body_figures(scores)
    report.pages, report.precision, report.recall, report.f1 = (
        overall.pages,
        overall.precision,
        overall.recall,
        overall.f1,
    )
    report.halves = {half: body_figures([s for s in scores if s.half == half]) for half in HALVES}
    report.rejected = sum(score.rejected is not None for score in scores)
    report.ms_per_page = statistics.fmean(score.ms for score in scores) if scores else 0.0
    return report


def _cell(tally: Tally) -> str:
    """right/total (+ values the truth does not back), or n/a for a field the system never fills."""
    if not tally.answered:
        return "n/a"
    return f"{tally.right}/{tally.total}" + (f" +{tally.unbacked}" if tally.unbacked else "")


def markdown_table(reports: list[SystemReport]) -> str:
    """One corpus's reports as a markdown table (metadata columns where the corpus has truth)."""
    fields = [name for name in METADATA_FIELDS if any(r.fields[name].total for r in reports)]
    head = "| system | pages | body P | body R | body F1 | F1 tune | F1 check | rejected |"
    rule = "|---|---:|---:|---:|---:|---:|---:|---:|"
    head += "".join(f" {name} |" for name in fields) + " ms/page |"
    rule += "---:|" * len(fields) + "---:|"
    rows = [head, rule]
    for r in reports:
        row = f"| {r.name} | {r.pages} | {r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} |"
        row += f" {r.halves['tune'].f1:.3f} | {r.halves['check'].f1:.3f} | {r.rejected} |"
        row += "".join(f" {_cell(r.fields[name])} |" for name in fields)
        rows.append(f"{row} {r.ms_per_page:.1f} |")
    return "\n".join(rows)


def structure_table(reports: list[SystemReport]) -> str:
    """Structure recall of the Markdown per kind of block, for the systems that give Markdown."""
    rows = [
        "| system | " + " | ".join(KINDS) + " |",
        "|---|" + "---:|" * len(KINDS),
    ]
    for report in reports:
        recall = report.structure
        if sum(recall.total.values()):
            cells = " | ".join(
                f"{recall.recall(kind):.2f} ({recall.found[kind]}/{recall.total[kind]})" for kind in KINDS
            )
            rows.append(f"| {report.name} | {cells} |")
    return "\n".join(rows) if len(rows) > 2 else ""


def macro_table(results: dict[str, list[SystemReport]]) -> str:
    """Body F1 per corpus and the macro-average (overall and per half) for each system."""
    corpora = list(results)
    names = [report.name for report in next(iter(results.values()))]
    head = "| system |" + "".join(f" {corpus} |" for corpus in corpora)
    head += " macro F1 | macro tune | macro check |"
    rule = "|---|" + "---:|" * (len(corpora) + 3)
    rows = [head, rule]
    for index, name in enumerate(names):
        reports = [results[corpus][index] for corpus in corpora]
        macro = statistics.fmean(r.f1 for r in reports)
        tune = statistics.fmean(r.halves["tune"].f1 for r in reports)
        check = statistics.fmean(r.halves["check"].f1 for r in reports)
        cells = "".join(f" {r.f1:.3f} |" for r in reports)
        rows.append(f"| {name} |{cells} {macro:.3f} | {tune:.3f} | {check:.3f} |")
    return "\n".join(rows)


def run(
    corpora: list[Path],
    systems: dict[str, System],
    half: Half | None = None,
    rendered: tuple[Path, ...] = (),
) -> dict[str, list[SystemReport]]:
    """Benchmark every corpus with every system (the as-text baseline joins on text corpora),
    then the `rendered` corpora's pages as text."""
    results = {}
    runs = [(corpus.name, corpus, False) for corpus in corpora]
    runs += [(f"{corpus.name} as text", corpus, True) for corpus in rendered]
    for name, corpus, as_shown in runs:
        pages = [page for page in load_corpus(corpus) if half is None or page.half == half]
        pages = [as_text(page) for page in pages] if as_shown else pages
        chosen = dict(systems)
        if pages and all(page.is_text for page in pages):
            chosen.update(TEXT_BASELINE)
        results[name] = [evaluate(system_name, system, pages) for system_name, system in chosen.items()]
    return results


def to_json(results: dict[str, list[SystemReport]]) -> dict[str, object]:
    """The results as JSON-ready data (per-page scores included)."""
    return {corpus: {r.name: asdict(r) for r in reports} for corpus, reports in results.items()}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, help="corpus folders (default: the Mozilla pages)")
    parser.add_argument("--json", type=Path, help="write every page's scores here (for bench.diff)")
    parser.add_argument("--systems", help=f"comma-separated subset of: {', '.join(SYSTEMS)}")
    parser.add_argument("--half", choices=HALVES, help="score only this half of each corpus")
    parser.add_argument(
        "--as-text", nargs="+", type=Path, default=[], help="HTML corpus folders also scored rendered as text"
    )
    args = parser.parse_args(argv)
    corpora = args.corpora or [DEFAULT_CORPUS]
    for corpus in [*corpora, *args.as_text]:
        if not corpus.is_dir():
            parser.error(f"corpus folder not found: {corpus} (the corpora live outside the repo)")
    systems = SYSTEMS
    if args.systems:
        unknown = set(args.systems.split(",")) - set(SYSTEMS)
        if unknown:
            known = ", ".join(SYSTEMS)
            parser.error(f"unknown system(s): {', '.join(sorted(unknown))}; choose from {known}")
        systems = {name: SYSTEMS[name] for name in args.systems.split(",")}
    results = run(corpora, systems, args.half, tuple(args.as_text))
    for corpus, reports in results.items():
        sys.stdout.write(f"\n## {corpus}\n\n{markdown_table(reports)}\n")
        if structure := structure_table(reports):
            sys.stdout.write(f"\nStructure recall of the Markdown (bench/structure.py):\n\n{structure}\n")
    if len(results) > 1:
        html_results = {c: r for c, r in results.items() if len(r) == len(systems)}
        sys.stdout.write(f"\n## Body F1 over the HTML corpora\n\n{macro_table(html_results)}\n")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(to_json(results), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
