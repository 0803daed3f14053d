"""Which pages a change won and lost: compare two `bench.quality --json` files.

    python -m bench.diff BEFORE.json AFTER.json [--system article-ingest] [--min-change 0.02]

Per corpus: the F1 change overall and on each half, then the pages whose F1 moved by at least
`--min-change`, largest first, with their half (a rule is kept only if the check half agrees).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

DEFAULT_MIN_CHANGE = 0.02  # smaller moves are shingle noise from a word or two


def _pages(run: dict[str, Any], corpus: str, system: str) -> dict[str, dict[str, Any]]:
    return dict(run.get(corpus, {}).get(system, {}).get("page_scores", {}))


def _summary(run: dict[str, Any], corpus: str, system: str) -> tuple[float, float, float]:
    report = run[corpus][system]
    return report["f1"], report["halves"]["tune"]["f1"], report["halves"]["check"]["f1"]


def compare(before: dict[str, Any], after: dict[str, Any], system: str, min_change: float) -> str:
    """A markdown report of the change, corpus by corpus."""
    lines: list[str] = []
    for corpus, systems in after.items():
        if corpus not in before or system not in before[corpus] or system not in systems:
            continue
        old, new = _summary(before, corpus, system), _summary(after, corpus, system)
        lines.append(f"\n## {corpus}: F1 {old[0]:.4f} -> {new[0]:.4f} ({new[0] - old[0]:+.4f})")
        lines.append(
            f"tune {old[1]:.4f} -> {new[1]:.4f} ({new[1] - old[1]:+.4f}); "
            f"check {old[2]:.4f} -> {new[2]:.4f} ({new[2] - old[2]:+.4f})"
        )
        old_pages, new_pages = _pages(before, corpus, system), _pages(after, corpus, system)
        moves = [
            (new_pages[name]["f1"] - old_pages[name]["f1"], name, new_pages[name]["half"])
            for name in new_pages
            if name in old_pages and abs(new_pages[name]["f1"] - old_pages[name]["f1"]) >= min_change
        ]
        won = sorted((m for m in moves if m[0] > 0), reverse=True)
        lost = sorted(m for m in moves if m[0] < 0)
        for label, group in (("won", won), ("lost", lost)):
            listed = ", ".join(f"{name} ({half}) {delta:+.2f}" for delta, name, half in group)
            lines.append(f"{label} {len(group)}: {listed}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--system", default="article-ingest")
    parser.add_argument("--min-change", type=float, default=DEFAULT_MIN_CHANGE)
    args = parser.parse_args(argv)
    for path in (args.before, args.after):
        if not path.is_file():
            parser.error(f"no such file: {path} (write one with python -m bench.quality ... --json FILE)")
    before = json.loads(args.before.read_text(encoding="utf-8"))
    after = json.loads(args.after.read_text(encoding="utf-8"))
    sys.stdout.write(compare(before, after, args.system, args.min_change))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
