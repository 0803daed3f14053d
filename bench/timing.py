"""Small timing helpers shared by the speed benchmarks (no third-party code)."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (0 < fraction <= 1) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def best_of(repeats: int, call: Callable[[], Any]) -> float:
    """The fastest of `repeats` runs, in seconds: the least disturbed by a shared, noisy machine."""
    best = math.inf
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best


def ms(seconds: float) -> float:
    """Seconds to milliseconds, rounded for tables and JSON."""
    return round(seconds * 1000, 2)


def log_slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """The least-squares slope of log(y) on log(x): 1.0 is linear, 2.0 quadratic."""
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mean_x, mean_y = statistics.fmean(lx), statistics.fmean(ly)
    spread = sum((x - mean_x) ** 2 for x in lx)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(lx, ly, strict=True)) / spread
