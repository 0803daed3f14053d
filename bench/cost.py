"""Cost per million documents on Lambda arm64, from the measured per-document durations.

Model (stated, not measured on Lambda):
- Lambda gives a function CPU in proportion to its memory: one full vCPU at 1,769 MB. The
  handler is single-threaded, so below 1,769 MB its CPU time stretches by 1,769 / memory, and
  above it nothing gets faster.
- One vCPU here runs the code as fast as one Graviton vCPU (x86_64 timings used as is).
- Each document also waits on AWS calls (S3 GetObject, two idempotency writes, the article
  PutItem, SNS Publish); that wait does not depend on memory. It is not measurable locally, so
  it is shown as 0 ms and as an assumed 50 ms per document.
- Price: arm64 $0.0000133334 per GB-second, $0.20 per million requests; one request per SQS
  batch of 10 documents. Free tier, SQS, S3, DynamoDB and SNS charges are left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

PRICE_PER_GB_SECOND = 0.0000133334  # Lambda arm64, first pricing tier
PRICE_PER_MILLION_REQUESTS = 0.20
FULL_VCPU_MB = 1769
BATCH_SIZE = 10
ASSUMED_AWS_WAIT_S = 0.050
MEMORY_SIZES_MB = (256, 512, 768, 1024, 1536, 1769, 2048, 3008)
CONFIGURED_MB = 1024  # template.yaml Globals.Function.MemorySize
MEMORY_STEP_MB = 64
HEADROOM = 0.8  # the same headroom as bench/memory.py


@dataclass(slots=True)
class CostRow:
    memory_mb: int
    seconds_per_doc: float
    usd_per_million_cpu_only: float
    usd_per_million_with_wait: float
    fits_largest_object: bool


@dataclass(slots=True)
class CostModel:
    cpu_seconds_per_doc: float  # at one full vCPU, from the stubbed handler run
    required_memory_mb: int  # smallest memory whose 80% holds the largest allowed object's peak
    rows: list[CostRow] = field(default_factory=list)
    cheapest_fitting_mb: int = 0
    configured_mb: int = CONFIGURED_MB
    price_per_gb_second: float = PRICE_PER_GB_SECOND
    price_per_million_requests: float = PRICE_PER_MILLION_REQUESTS


def cost_per_million(memory_mb: int, cpu_seconds: float, wait_seconds: float) -> tuple[float, float]:
    """(seconds per document, USD per million documents) at `memory_mb`."""
    stretch = max(1.0, FULL_VCPU_MB / memory_mb)
    seconds = cpu_seconds * stretch + wait_seconds
    compute = 1_000_000 * seconds * memory_mb / 1024 * PRICE_PER_GB_SECOND
    requests = PRICE_PER_MILLION_REQUESTS / BATCH_SIZE
    return seconds, compute + requests


def model(cpu_seconds_per_doc: float, peak_rss_mb_for_largest: float) -> CostModel:
    """Every memory size of MEMORY_SIZES_MB, and the cheapest that fits the largest object."""
    required = int(math.ceil(peak_rss_mb_for_largest / HEADROOM / MEMORY_STEP_MB) * MEMORY_STEP_MB)
    sizes = sorted({*MEMORY_SIZES_MB, required})
    result = CostModel(cpu_seconds_per_doc=round(cpu_seconds_per_doc, 4), required_memory_mb=required)
    for memory in sizes:
        seconds, cpu_only = cost_per_million(memory, cpu_seconds_per_doc, 0.0)
        _, with_wait = cost_per_million(memory, cpu_seconds_per_doc, ASSUMED_AWS_WAIT_S)
        result.rows.append(
            CostRow(
                memory_mb=memory,
                seconds_per_doc=round(seconds, 4),
                usd_per_million_cpu_only=round(cpu_only, 2),
                usd_per_million_with_wait=round(with_wait, 2),
                fits_largest_object=memory >= required,
            )
        )
    fitting = [row for row in result.rows if row.fits_largest_object]
    result.cheapest_fitting_mb = min(fitting, key=lambda row: row.usd_per_million_with_wait).memory_mb
    return result


def markdown(result: CostModel, largest_object_mb: float) -> str:
    lines = [
        "### Cost per million documents, Lambda arm64",
        "",
        f"CPU per document at one vCPU: {result.cpu_seconds_per_doc * 1000:.1f} ms (handler, AWS stubbed). "
        f"Price ${result.price_per_gb_second:.10f} per GB-s + ${result.price_per_million_requests:.2f} per "
        f"1M requests (1 request per batch of {BATCH_SIZE}). CPU share = memory / {FULL_VCPU_MB} MB.",
        "",
        "| memory MB | s per doc (CPU only) | $ / 1M docs, CPU only | $ / 1M docs, + 50 ms AWS wait "
        f"| fits a {largest_object_mb:.0f} MB object |",
        "|---:|---:|---:|---:|---|",
    ]
    for row in result.rows:
        mark = " (configured)" if row.memory_mb == result.configured_mb else ""
        lines.append(
            f"| {row.memory_mb}{mark} | {row.seconds_per_doc:.3f} | {row.usd_per_million_cpu_only:.2f} "
            f"| {row.usd_per_million_with_wait:.2f} | {'yes' if row.fits_largest_object else 'no'} |"
        )
    lines += [
        "",
        f"Below {FULL_VCPU_MB} MB the CPU part costs the same at any memory (half the memory, twice the "
        "time), so only the AWS wait and the memory floor decide: the cheapest size is the smallest one "
        f"that holds the largest allowed object, **{result.cheapest_fitting_mb} MB** here "
        f"(needs {result.required_memory_mb} MB for {largest_object_mb:.0f} MB objects at {HEADROOM:.0%} "
        "headroom); above it every MB adds cost without speed.",
    ]
    return "\n".join(lines)
