"""Speed benchmark: time, throughput, cold start, package size, memory, scaling, cost, hot spots.

    python -m bench.speed [CORPUS_DIR] [--json OUT] [--repeats N] [--cold-runs N]

One run measures everything on the same corpus pages and prints markdown tables (progress goes
to stderr); the raw figures are written as JSON. Each part is described in its own module:
extraction_speed, handler_speed, coldstart, package_size, memory, cost, hotspots.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from article_ingest.extraction import EXTRACTOR
from article_ingest_local.template import Template
from bench import coldstart, cost, extraction_speed, handler_speed, hotspots, memory, package_size

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "readability-test-pages"
DEFAULT_JSON = REPO_ROOT / "build" / "bench-speed.json"


def _step(name: str) -> float:
    print(f"[bench-speed] {name}...", file=sys.stderr, flush=True)
    return time.perf_counter()


def max_object_bytes() -> int:
    """MaxObjectBytes's default in template.yaml: the largest object the function accepts."""
    parameter = Template.load(REPO_ROOT / "template.yaml").body["Parameters"]["MaxObjectBytes"]
    return int(parameter["Default"])


def run(corpus: Path, *, repeats: int, cold_runs: int) -> tuple[dict[str, Any], list[str]]:
    """Every measurement, as (figures for JSON, markdown sections)."""
    pages = extraction_speed.load_sources(corpus)
    started = _step("extraction time per document")
    speed = extraction_speed.measure(corpus, repeats=repeats)
    _step("handler throughput")
    throughput = handler_speed.measure(pages)
    _step("cold start")
    cold = coldstart.measure(cold_runs)
    _step("package size (pip install of the layer, twice)")
    sizes = package_size.measure()
    _step("memory and scaling (one process per page size)")
    scaling = memory.measure(pages, handler_baseline_mb=cold.rss_mb_after_init)
    largest = max_object_bytes()
    stubbed = next(t for t in throughput if t.mode == "AWS stubbed")
    costs = cost.model(stubbed.seconds / stubbed.documents, scaling.peak_for(largest))
    _step("hot spots (pyinstrument)")
    spots = hotspots.measure(pages)
    figures = {
        "extractor": EXTRACTOR,
        "machine": f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}",
        "corpus": str(corpus),
        "extraction": asdict(speed),
        "handler": [asdict(t) for t in throughput],
        "cold_start": asdict(cold),
        "package_size": asdict(sizes),
        "memory": asdict(scaling),
        "cost": asdict(costs),
        "hotspots": [asdict(h) for h in spots],
        "seconds": round(time.perf_counter() - started, 1),
    }
    sections = [
        f"## article-ingest speed ({EXTRACTOR}; {figures['machine']}; corpus {corpus.name})",
        extraction_speed.markdown(speed),
        handler_speed.markdown(throughput),
        coldstart.markdown(cold),
        package_size.markdown(sizes),
        memory.markdown(scaling),
        cost.markdown(costs, largest / memory.MB),
        hotspots.markdown(spots),
    ]
    return figures, sections


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the tables, write the JSON."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help="corpus folder")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"default {DEFAULT_JSON}")
    parser.add_argument("--repeats", type=int, default=3, help="runs per page and system (best kept)")
    parser.add_argument("--cold-runs", type=int, default=7, help="fresh processes for the cold start")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"corpus folder not found: {args.corpus}")
    figures, sections = run(args.corpus, repeats=args.repeats, cold_runs=args.cold_runs)
    print("\n\n".join(sections))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(f"\n[bench-speed] {figures['seconds']} s; figures in {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
