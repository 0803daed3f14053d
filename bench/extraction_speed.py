"""Extraction time per document: article-ingest, readability-lxml, trafilatura and the lxml floor.

Every system runs on the same pages in the same process; for each page the systems take turns
(so a burst of load from other work on the machine hits them alike) and each keeps the fastest
of `repeats` runs. Medians and 95th percentiles are over pages.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html

from bench.systems import run_article_ingest, run_readability, run_trafilatura, run_trafilatura_extract
from bench.timing import best_of, median, ms, percentile

OURS = "article-ingest"
FLOOR = "lxml parse (floor)"
SOURCE_NAMES = ("source.html", "source.txt")


def parse_only(data: bytes) -> Any:
    """The floor: the same bytes parsed by lxml, nothing else."""
    return lxml.html.document_fromstring(data)


SPEED_SYSTEMS: dict[str, Callable[[bytes], Any]] = {
    OURS: run_article_ingest,
    "readability-lxml": run_readability,
    "trafilatura": run_trafilatura,
    "trafilatura extract() defaults": run_trafilatura_extract,
    FLOOR: parse_only,
}


@dataclass(frozen=True, slots=True)
class SourcePage:
    """One corpus page's name and bytes."""

    name: str
    data: bytes


@dataclass(slots=True)
class SystemTimes:
    """One system's per-page times (ms) and their summary."""

    name: str
    page_ms: dict[str, float] = field(default_factory=dict)
    median_ms: float = 0.0
    p95_ms: float = 0.0
    mean_ms: float = 0.0
    total_s: float = 0.0


@dataclass(slots=True)
class ExtractionSpeed:
    """All systems on one corpus, and article-ingest's ratios to each."""

    corpus: str
    pages: int
    corpus_bytes: int
    repeats: int
    systems: list[SystemTimes]
    ratio_median: dict[str, float]  # article-ingest's median / the system's median
    ratio_p95: dict[str, float]
    ratio_total: dict[str, float]


def load_sources(root: Path) -> list[SourcePage]:
    """Every page's source bytes (source.html or source.txt), in folder-name order."""
    pages = []
    for folder in sorted(path for path in root.iterdir() if path.is_dir()):
        source = next((folder / name for name in SOURCE_NAMES if (folder / name).is_file()), None)
        if source is not None:
            pages.append(SourcePage(name=folder.name, data=source.read_bytes()))
    return pages


def measure(corpus: Path, *, repeats: int = 3) -> ExtractionSpeed:
    """Time every system on every page of `corpus`."""
    pages = load_sources(corpus)
    if not pages:
        raise SystemExit(f"no pages in {corpus}")
    for system in SPEED_SYSTEMS.values():  # imports and first-call caches out of the figures
        system(pages[0].data)
    times = {name: SystemTimes(name=name) for name in SPEED_SYSTEMS}
    for page in pages:
        for name, system in SPEED_SYSTEMS.items():
            times[name].page_ms[page.name] = ms(best_of(repeats, functools.partial(system, page.data)))
    for summary in times.values():
        values = list(summary.page_ms.values())
        summary.median_ms = round(median(values), 2)
        summary.p95_ms = round(percentile(values, 0.95), 2)
        summary.mean_ms = round(sum(values) / len(values), 2)
        summary.total_s = round(sum(values) / 1000, 3)
    ours = times[OURS]
    others = [summary for name, summary in times.items() if name != OURS]
    return ExtractionSpeed(
        corpus=str(corpus),
        pages=len(pages),
        corpus_bytes=sum(len(page.data) for page in pages),
        repeats=repeats,
        systems=list(times.values()),
        ratio_median={o.name: round(ours.median_ms / o.median_ms, 2) for o in others},
        ratio_p95={o.name: round(ours.p95_ms / o.p95_ms, 2) for o in others},
        ratio_total={o.name: round(ours.total_s / o.total_s, 2) for o in others},
    )


def markdown(result: ExtractionSpeed) -> str:
    """The table: one row per system, article-ingest's ratio to each other system."""
    lines = [
        f"### Extraction time per document ({result.pages} pages, {result.corpus_bytes / 1e6:.1f} MB, "
        f"best of {result.repeats} per page)",
        "",
        "| system | median ms | p95 ms | mean ms | total s | article-ingest / system (median, p95, total) |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for summary in result.systems:
        ratios = (
            "1.00"
            if summary.name == OURS
            else f"{result.ratio_median[summary.name]:.2f}x, {result.ratio_p95[summary.name]:.2f}x, "
            f"{result.ratio_total[summary.name]:.2f}x"
        )
        lines.append(
            f"| {summary.name} | {summary.median_ms:.1f} | {summary.p95_ms:.1f} | {summary.mean_ms:.1f} "
            f"| {summary.total_s:.2f} | {ratios} |"
        )
    return "\n".join(lines)
