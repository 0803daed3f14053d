"""Memory and time stay bounded for the worst inputs: each measured in a fresh process.

Budgets come from the template: peak RSS within a share of the function's MemorySize (the
process also holds moto's copy of the object and the test's), time within a share of its Timeout.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from article_ingest_local.template import Template
from tests.support.bounds import ATTRIBUTE_FLOOD, LARGEST_ACCEPTED
from tests.support.sam import ROOT

MEMORY_SHARE = 0.75  # of MemorySize: room for the runtime and a warm container's caches
TIME_SHARE = 0.5  # of Timeout: room for a slow cold start and AWS latency
WORST_CASES = [
    "gzip_bomb",
    "deeply_nested",
    "attributes_on_one_element",
    ATTRIBUTE_FLOOD,
    "billion_laughs",
    "mixed_encodings",
    LARGEST_ACCEPTED,
]


def _measure(case: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.support.bounds", case],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    measured: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return measured


@pytest.mark.parametrize("case", WORST_CASES)
def test_the_worst_inputs_stay_within_the_functions_memory_and_time(case: str) -> None:
    # Given the function's memory and timeout from the template
    spec = Template.load().function()
    # When one of the worst documents is handled in a fresh process
    measured = _measure(case)
    # Then it is settled with a definite outcome, within both budgets
    assert measured["batch_item_failures"] == 0, measured
    assert measured["status"] in ("stored", "rejected"), measured
    assert measured["peak_rss_mb"] < MEMORY_SHARE * spec.memory_mb, measured
    assert measured["seconds"] < TIME_SHARE * spec.timeout_seconds, measured
