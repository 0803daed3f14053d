"""Where the time goes: pyinstrument over extract() on the corpus, and over the handler (AWS stubbed).

Two views per run: functions by self time (time in their own code, lxml's C calls counted
under the Python function that made them), and the extraction's functions by inclusive time
(their whole call tree, each counted once even when it recurses).
"""

from __future__ import annotations

import contextlib
import sysconfig
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pyinstrument import Profiler
from pyinstrument.frame import Frame

from article_ingest.extraction import RejectedDocumentError, extract
from bench import handler_speed
from bench.extraction_speed import SourcePage

SAMPLE_INTERVAL_S = 0.0005
STDLIB = sysconfig.get_paths()["stdlib"]
TOP = 15
EXTRACTION_PATH = "article_ingest/extraction/"


@dataclass(slots=True)
class Hotspots:
    """One profiled run: total seconds, and the top functions with their share of it."""

    name: str
    seconds: float
    self_share: dict[str, float] = field(default_factory=dict)
    extraction_inclusive_share: dict[str, float] = field(default_factory=dict)
    outside_extraction_share: float = 0.0
    outside_self_share: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class _Tally:
    own: dict[str, float] = field(default_factory=dict)
    inclusive: dict[str, float] = field(default_factory=dict)
    outside: dict[str, float] = field(default_factory=dict)


def _where(frame: Frame) -> str:
    return f"{frame.function} ({frame.file_path_short}:{frame.line_no})"


def _is_library_glue(frame: Frame) -> bool:
    """Built-ins and the standard library: their time belongs to the caller that used them."""
    path = frame.file_path or ""
    return not path or path == "<built-in>" or (STDLIB in path and "site-packages" not in path)


def _label(frame: Frame, ancestors: list[Frame]) -> str:
    if not _is_library_glue(frame):
        return _where(frame)
    caller = next((a for a in reversed(ancestors) if not _is_library_glue(a)), None)
    return f"{frame.function} [{frame.file_path_short}] called from {_where(caller) if caller else '?'}"


def _add(counts: dict[str, float], label: str, seconds: float) -> None:
    counts[label] = counts.get(label, 0.0) + seconds


def _top(counts: dict[str, float], total: float, n: int = TOP) -> dict[str, float]:
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)[:n]
    return {label: round(seconds / total, 3) for label, seconds in ranked}


def _walk(frame: Frame, ancestors: list[Frame], tally: _Tally, active: set[str], inside: bool) -> None:
    if frame.is_synthetic:
        return
    label = _label(frame, ancestors)
    _add(tally.own, label, frame.total_self_time)
    in_extraction = EXTRACTION_PATH in (frame.file_path or "")
    if not (inside or in_extraction):
        _add(tally.outside, label, frame.total_self_time)
    entered = in_extraction and label not in active
    if entered:
        _add(tally.inclusive, label, frame.time)
        active.add(label)
    ancestors.append(frame)
    for child in frame.children:
        _walk(child, ancestors, tally, active, inside or in_extraction)
    ancestors.pop()
    if entered:
        active.discard(label)


def profile(name: str, work: Callable[[], object]) -> Hotspots:
    """Run `work` under pyinstrument and rank functions by self and inclusive time."""
    profiler = Profiler(interval=SAMPLE_INTERVAL_S)
    profiler.start()
    work()
    session = profiler.stop()
    root = session.root_frame()
    total = session.duration
    tally = _Tally()
    if root is not None:
        _walk(root, [], tally, set(), inside=False)
    return Hotspots(
        name=name,
        seconds=round(total, 3),
        self_share=_top(tally.own, total),
        extraction_inclusive_share=_top(tally.inclusive, total),
        outside_extraction_share=round(sum(tally.outside.values()) / total, 3),
        outside_self_share=_top(tally.outside, total, 8),
    )


def _extract_all(pages: list[SourcePage]) -> None:
    for page in pages:
        with contextlib.suppress(RejectedDocumentError):
            extract(page.data)


def measure(pages: list[SourcePage]) -> list[Hotspots]:
    """The extraction alone over every page, then the handler over the same pages in batches of 10."""
    _extract_all(pages[:5])  # imports and caches out of the profile
    results = [profile("extract() over the corpus", lambda: _extract_all(pages))]
    with (
        contextlib.redirect_stdout(handler_speed.log_sink()),
        handler_speed.stubbed_handler(pages) as (
            invoke,
            batches,
        ),
    ):
        invoke(batches[0])
        results.append(profile("handler, AWS stubbed", lambda: _invoke_all(invoke, batches[1:])))
    return results


def _invoke_all(invoke: Callable[[dict[str, object]], object], batches: list[dict[str, object]]) -> None:
    for batch in batches:
        invoke(batch)


def _rows(shares: dict[str, float]) -> Iterator[str]:
    for label, share in shares.items():
        yield f"| {share:.1%} | `{label}` |"


def markdown(results: list[Hotspots]) -> str:
    lines = []
    for result in results:
        lines += [
            f"### Hot spots: {result.name} ({result.seconds:.2f} s profiled, pyinstrument)",
            "",
            "| self time share | function |",
            "|---:|---|",
            *_rows(result.self_share),
            "",
            "| inclusive share | extraction function |",
            "|---:|---|",
            *_rows(result.extraction_inclusive_share),
            "",
            f"Outside the extraction: {result.outside_extraction_share:.1%} of the time; its top functions:",
            "",
            "| self time share | function (not under extract()) |",
            "|---:|---|",
            *_rows(result.outside_self_share),
            "",
        ]
    return "\n".join(lines).rstrip()
