"""Peak memory and scaling: extract() on pages of 10 KB to 50 MB, each in a fresh process.

Pages are grown from one corpus page: its title and paragraphs, repeated in sections inside an
<article>, with a navigation and link-list sidebar around it, until the page reaches the size.
Every size runs in its own interpreter, so the peak RSS (VmHWM) is that document's alone:
interpreter + imports + the page's bytes + the extraction. Time is the best of a few runs for
small pages and one run for large ones.
"""

from __future__ import annotations

import html
import itertools
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

from bench.extraction_speed import SourcePage
from bench.timing import log_slope

KB, MB = 1_000, 1_000_000
SCALING_SIZES = (10 * KB, 100 * KB, 1 * MB, 10 * MB)
MEMORY_SIZES = (1 * MB, 10 * MB, 50 * MB)
MIN_PARAGRAPH_CHARS = 80  # shorter <p> are captions, bylines and buttons, not body text
PARAGRAPHS_PER_SECTION = 8
TARGET_RSS_MB_AT_10MB = 256.0
LAMBDA_MEMORY_MB = 1024  # template.yaml Globals.Function.MemorySize
HEADROOM = 0.8  # keep the largest page's peak under 80% of the function's memory

CHILD = """
import json, re, sys, time
from pathlib import Path
import lxml.html
from article_ingest.extraction import ExtractionLimits, extract
path, repeats, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
data = path.read_bytes()
limits = ExtractionLimits(max_bytes=len(data) + 1)
def status_mb(field):  # VmHWM, unlike ru_maxrss, is not inherited from the forking parent
    status = Path("/proc/self/status").read_text()
    return int(re.search(field + r":\\s+(\\d+)", status).group(1)) / 1024
before = status_mb("VmRSS")
best, words = float("inf"), 0
for _ in range(repeats):
    started = time.perf_counter()
    if mode == "parse":
        lxml.html.document_fromstring(data)
    else:
        words = extract(data, url=None, content_type="text/html", limits=limits).word_count
    best = min(best, time.perf_counter() - started)
print(json.dumps({"seconds": best, "rss_before_mb": before,
                  "peak_rss_mb": status_mb("VmHWM"),
                  "words": words}))
"""


@dataclass(slots=True)
class SizedRun:
    """extract() on one generated page."""

    target_bytes: int
    page_bytes: int
    seconds: float
    peak_rss_mb: float
    rss_before_mb: float  # interpreter + imports + the page's bytes, before extract()
    words: int
    parse_only_peak_rss_mb: float | None = None  # the floor: lxml parsing the same bytes, nothing else


@dataclass(slots=True)
class MemoryScaling:
    """All sizes, the fitted exponents, and the object-size cap that fits the function's memory."""

    base_page: str
    runs: list[SizedRun]
    time_exponent: float
    memory_exponent: float  # of the extraction's own memory (peak minus before), 1 MB to 50 MB
    step_time_ratios: list[float]  # time(10x input) / time(input), per step of the scaling sizes
    rss_mb_per_input_mb: float
    rss_intercept_mb: float
    cap_bytes_for_memory: int
    lambda_memory_mb: int = LAMBDA_MEMORY_MB
    target_rss_mb_at_10mb: float = TARGET_RSS_MB_AT_10MB
    notes: list[str] = field(default_factory=list)

    def peak_for(self, size_bytes: int) -> float:
        """The fitted peak RSS (MB) of the function for one object of `size_bytes`."""
        return self.rss_intercept_mb + self.rss_mb_per_input_mb * size_bytes / MB


def _paragraphs(page: SourcePage) -> list[str]:
    try:
        tree = lxml.html.document_fromstring(page.data)
    except (ValueError, lxml.etree.ParserError):
        return []
    paragraphs = (p for p in tree.iter("p") if isinstance(p, lxml.html.HtmlElement))
    texts = (" ".join(p.text_content().split()) for p in paragraphs)
    return [text for text in texts if len(text) >= MIN_PARAGRAPH_CHARS]


def base_page(pages: list[SourcePage]) -> tuple[SourcePage, list[str]]:
    """The corpus page with the most body paragraphs (ties: first by name)."""
    best = max(pages, key=lambda page: (len(_paragraphs(page)), [-ord(c) for c in page.name]))
    return best, _paragraphs(best)


def grow_page(title: str, paragraphs: list[str], size: int) -> bytes:
    """An article page of about `size` bytes built from `paragraphs`, cycled in sections."""
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(12))
    head = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"</head><body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>{html.escape(title)}</h1>"
    )
    tail = f"</article></main><aside><ul>{nav}</ul></aside><footer><p>Footer links</p></footer></body></html>"
    parts = [head]
    length = len(head) + len(tail)
    index = 0
    while length < size:
        chunk = f"<p>{html.escape(paragraphs[index % len(paragraphs)])}</p>"
        if index % PARAGRAPHS_PER_SECTION == 0:
            chunk = f"<h2>Part {index // PARAGRAPHS_PER_SECTION + 1}</h2>{chunk}"
        parts.append(chunk)
        length += len(chunk.encode())
        index += 1
    parts.append(tail)
    return "".join(parts).encode()


def _run(path: Path, repeats: int, mode: str = "extract") -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(repeats), mode],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def measure(pages: list[SourcePage], handler_baseline_mb: float = 0.0) -> MemoryScaling:
    """Every size of SCALING_SIZES and MEMORY_SIZES, one fresh process each.

    `handler_baseline_mb` (the handler's RSS after init) replaces the fitted intercept when
    larger: the function carries boto3 and Powertools besides the extraction.
    """
    page, paragraphs = base_page(pages)
    title = f"Generated from {page.name}"
    runs = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in sorted(set(SCALING_SIZES) | set(MEMORY_SIZES)):
            path = Path(scratch) / f"page-{size}.html"
            path.write_bytes(grow_page(title, paragraphs, size))
            figures = _run(path, repeats=5 if size <= 1 * MB else 1)
            floor = _run(path, repeats=1, mode="parse") if size in MEMORY_SIZES else None
            runs.append(
                SizedRun(
                    target_bytes=size,
                    page_bytes=path.stat().st_size,
                    seconds=round(figures["seconds"], 4),
                    peak_rss_mb=round(figures["peak_rss_mb"], 1),
                    rss_before_mb=round(figures["rss_before_mb"], 1),
                    words=int(figures["words"]),
                    parse_only_peak_rss_mb=round(floor["peak_rss_mb"], 1) if floor else None,
                )
            )
            path.unlink()
    return summarize(page.name, runs, handler_baseline_mb)


def summarize(base: str, runs: list[SizedRun], handler_baseline_mb: float = 0.0) -> MemoryScaling:
    """Exponents over the scaling sizes, a linear RSS fit over the memory sizes, and the cap."""
    scaling = [run for run in runs if run.target_bytes in SCALING_SIZES]
    time_exponent = log_slope([r.page_bytes for r in scaling], [r.seconds for r in scaling])
    ratios = [round(b.seconds / a.seconds, 1) for a, b in itertools.pairwise(scaling)]
    big = [run for run in runs if run.target_bytes in MEMORY_SIZES]
    # Below 1 MB the extraction's own memory hides in the interpreter's: fit over the large pages.
    own = [max(r.peak_rss_mb - r.rss_before_mb, 0.1) for r in big]
    memory_exponent = log_slope([r.page_bytes for r in big], own)
    slope = (big[-1].peak_rss_mb - big[0].peak_rss_mb) / ((big[-1].page_bytes - big[0].page_bytes) / MB)
    intercept = max(big[0].peak_rss_mb - slope * big[0].page_bytes / MB, handler_baseline_mb)
    cap = int((LAMBDA_MEMORY_MB * HEADROOM - intercept) / slope * MB)
    return MemoryScaling(
        base_page=base,
        runs=runs,
        time_exponent=round(time_exponent, 2),
        memory_exponent=round(memory_exponent, 2),
        step_time_ratios=ratios,
        rss_mb_per_input_mb=round(slope, 1),
        rss_intercept_mb=round(intercept, 1),
        cap_bytes_for_memory=cap,
    )


def markdown(result: MemoryScaling) -> str:
    lines = [
        f"### Peak memory and scaling (pages grown from corpus page `{result.base_page}`, one process each)",
        "",
        "| page | time s | peak RSS MB | RSS before extract MB | floor: lxml parse only, peak MB | words |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for run in result.runs:
        floor = f"{run.parse_only_peak_rss_mb:.0f}" if run.parse_only_peak_rss_mb else ""
        lines.append(
            f"| {run.page_bytes / MB:.2f} MB | {run.seconds:.3f} | {run.peak_rss_mb:.0f} "
            f"| {run.rss_before_mb:.0f} | {floor} | {run.words} |"
        )
    ten = next((r for r in result.runs if r.target_bytes == 10 * MB), None)
    verdict = "met" if ten and ten.peak_rss_mb < result.target_rss_mb_at_10mb else "NOT met"
    lines += [
        "",
        f"- Time exponent (log-log slope, 10 KB to 10 MB): **{result.time_exponent}** "
        f"(1.0 = linear); time ratio per 10x step: {', '.join(f'{r}x' for r in result.step_time_ratios)}.",
        f"- Extraction memory exponent (peak minus before, 1 MB to 50 MB): {result.memory_exponent}.",
        f"- 10 MB page peak RSS: {ten.peak_rss_mb if ten else '?'} MB, target < "
        f"{result.target_rss_mb_at_10mb:.0f} MB: {verdict}.",
        f"- Peak RSS ~ {result.rss_intercept_mb} MB + {result.rss_mb_per_input_mb} MB per input MB: a "
        f"{result.lambda_memory_mb} MB function stays under {HEADROOM:.0%} of its memory up to "
        f"**{result.cap_bytes_for_memory / MB:.0f} MB** per object (MAX_OBJECT_BYTES; template: 20 MB).",
    ]
    return "\n".join(lines)
