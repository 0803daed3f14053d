"""checkov's static scan of template.yaml (as written, and as SAM translates it): zero failures.

checkov runs from a tool venv of its own (its pins conflict with the project's boto3), created on
first use from the pinned requirements beside this file; `make security-tools` creates it ahead.
Each skipped check is suppressed in the template with a reason; the reasons are checked here too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.sam import TEMPLATE, sam_document, translate

REQUIREMENTS = Path(__file__).with_name("requirements-checkov.txt")
TOOL_VENV = Path(sys.prefix) / "tools" / "checkov"
CHECKOV = TOOL_VENV / "bin" / "checkov"
INSTALL_TIMEOUT_SECONDS = 600
MIN_REASON_CHARS = 30  # a reason says why the check does not apply here, not just "n/a"


@pytest.fixture(scope="session")
def checkov() -> Path:
    """The checkov executable, installed into its tool venv if missing."""
    if not CHECKOV.exists():
        subprocess.run([sys.executable, "-m", "venv", str(TOOL_VENV)], check=True)
        pip = [str(TOOL_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True, timeout=INSTALL_TIMEOUT_SECONDS)
    return CHECKOV


def _scan(checkov: Path, path: Path) -> dict[str, Any]:
    """checkov's JSON report for one CloudFormation file (offline: nothing downloaded)."""
    result = subprocess.run(
        [
            str(checkov),
            "--file",
            str(path),
            "--framework",
            "cloudformation",
            "--output",
            "json",
            "--skip-download",
            "--quiet",
            "--compact",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def _failures(report: dict[str, Any]) -> list[str]:
    return [f"{c['check_id']} {c['resource']}: {c['check_name']}" for c in report["results"]["failed_checks"]]


def test_the_sam_template_passes_checkov(checkov: Path) -> None:
    # Given the template as written / When checkov scans it / Then no check fails
    report = _scan(checkov, TEMPLATE)
    assert report["summary"]["passed"] > 0
    assert _failures(report) == []


def test_the_translated_cloudformation_passes_checkov(checkov: Path, tmp_path: Path) -> None:
    # Given the CloudFormation SAM deploys (the function's role and event source included)
    translated = tmp_path / "translated.json"
    translated.write_text(json.dumps(translate()))
    # When checkov scans it / Then no check fails
    report = _scan(checkov, translated)
    assert report["summary"]["passed"] > 0
    assert _failures(report) == []


def test_every_checkov_suppression_in_the_template_gives_a_reason() -> None:
    # Given the checks the template skips / Then each names its check and says why it does not apply
    skips = [
        (logical, skip)
        for logical, resource in sam_document()["Resources"].items()
        for skip in resource.get("Metadata", {}).get("checkov", {}).get("skip", [])
    ]
    assert skips
    for logical, skip in skips:
        assert skip["id"].startswith("CKV_"), logical
        assert len(skip.get("comment", "")) >= MIN_REASON_CHARS, (logical, skip)
