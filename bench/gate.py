"""The quality gate: article-ingest's body F1 on a fixed sample of every corpus, against pinned floors.

    python -m bench.gate            # measure the sample and compare with tests/quality/floors.json
    python -m bench.gate --repin    # raise the floors to what this code achieves (less a margin)
    python -m bench.gate --repin --allow-lower   # lower them too: a deliberate act, say why in the commit

tests/quality runs the same comparison. The sample is fast enough for every `make test`: the
Mozilla pages whole (or the subset copied into tests/fixtures when ../shared is absent) and the
first SAMPLE_PAGES pages of the check half of each dev corpus; the full corpora belong to
`make bench-quality`. Modelled on trafilatura's tests/eval_gate.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import Page, load_corpus
from bench.quality import SHARED_CORPORA, SystemReport, evaluate
from bench.systems import run_article_ingest

REPO_ROOT = Path(__file__).resolve().parent.parent
FLOORS_FILE = REPO_ROOT / "tests" / "quality" / "floors.json"
FIXTURE_CORPORA = REPO_ROOT / "tests" / "fixtures" / "corpus"
WHOLE_CORPORA = ("readability-test-pages", "readability-test-pages-as-text")
DEV_CORPORA = ("dragnet", "l3s-gn1", "cleanportaleval")
SAMPLE_PAGES = 80  # per dev corpus: ~3 s each, and enough pages that one page moves F1 ~0.01
MARGIN = 0.003  # floors sit this far below the figure achieved (timing-free, so only code moves it)


@dataclass(frozen=True, slots=True)
class Sample:
    """The pages the gate measures, keyed by a name that says where they came from."""

    key: str
    pages: list[Page]


def samples(*, fixtures: bool = False) -> list[Sample]:
    """The full shared corpora's sample when ../shared is there (and `fixtures` is not asked for),
    else the repository's fixtures."""
    if not fixtures and all((SHARED_CORPORA / name).is_dir() for name in WHOLE_CORPORA):
        found = [Sample(f"shared/{name}", load_corpus(SHARED_CORPORA / name)) for name in WHOLE_CORPORA]
        for name in DEV_CORPORA:
            if (SHARED_CORPORA / name).is_dir():
                check = [page for page in load_corpus(SHARED_CORPORA / name) if page.half == "check"]
                found.append(Sample(f"shared/{name}/check-sample", check[:SAMPLE_PAGES]))
        return found
    return [Sample(f"fixtures/{name}", load_corpus(FIXTURE_CORPORA / name)) for name in WHOLE_CORPORA]


def measure(sample: Sample) -> SystemReport:
    """article-ingest's report on one sample."""
    return evaluate("article-ingest", run_article_ingest, sample.pages)


def load_floors() -> dict[str, float]:
    """The pinned floors: sample key -> lowest accepted body F1."""
    return dict(json.loads(FLOORS_FILE.read_text(encoding="utf-8")))


def repin(achieved: dict[str, float], *, allow_lower: bool) -> list[str]:
    """Write floors at the achieved figures less MARGIN; returns the floors that would drop."""
    floors = load_floors() if FLOORS_FILE.is_file() else {}
    wanted = {key: round(value - MARGIN, 3) for key, value in achieved.items()}
    drops = [key for key, value in wanted.items() if value < floors.get(key, 0.0)]
    if drops and not allow_lower:
        return drops
    if not allow_lower:
        wanted = {key: max(value, floors.get(key, 0.0)) for key, value in wanted.items()}
    merged = {**floors, **wanted}
    FLOORS_FILE.write_text(json.dumps(dict(sorted(merged.items())), indent=2) + "\n", encoding="utf-8")
    return []


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repin", action="store_true", help="raise the floors to this code's figures")
    parser.add_argument("--allow-lower", action="store_true", help="with --repin: let floors drop")
    parser.add_argument("--fixtures", action="store_true", help="measure the fixture subset (a clone's case)")
    args = parser.parse_args(argv)
    achieved = {sample.key: measure(sample).f1 for sample in samples(fixtures=args.fixtures)}
    floors = load_floors() if FLOORS_FILE.is_file() else {}
    failed = False
    for key, value in achieved.items():
        floor = floors.get(key)
        verdict = "no floor" if floor is None else ("ok" if value >= floor else "BELOW FLOOR")
        failed |= floor is not None and value < floor
        sys.stdout.write(f"{key}: F1 {value:.4f} floor {floor if floor is not None else '-'} {verdict}\n")
    if args.repin:
        drops = repin(achieved, allow_lower=args.allow_lower)
        if drops:
            sys.stdout.write(f"refused: floors would drop for {', '.join(drops)} (add --allow-lower)\n")
            return 1
        sys.stdout.write(f"floors written to {FLOORS_FILE.relative_to(REPO_ROOT)}\n")
        return 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
