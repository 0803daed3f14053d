"""Reproducible, lean installs: the locks hold every direct pin, and extraction needs no AWS."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYER = ROOT / "layers" / "article_ingest"
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;\\]+)", re.M)


def _pins(*files: Path) -> dict[str, str]:
    return {
        name.lower().replace("_", "-"): version
        for path in files
        for name, version in PIN.findall(path.read_text(encoding="utf-8"))
    }


def test_the_layer_lock_pins_every_direct_requirement_at_its_version_with_hashes() -> None:
    direct = _pins(LAYER / "requirements-extraction.txt", LAYER / "requirements-lambda.txt")
    lock_text = (LAYER / "requirements.lock").read_text(encoding="utf-8")
    locked = _pins(LAYER / "requirements.lock")
    assert {name: locked.get(name) for name in direct} == direct
    entries = re.split(r"^(?=[A-Za-z0-9])", lock_text, flags=re.M)[1:]  # one per locked package
    assert all("--hash=sha256:" in entry for entry in entries if "==" in entry)


def test_the_development_lock_pins_every_direct_requirement_at_its_version() -> None:
    direct = _pins(
        ROOT / "requirements-dev.txt",
        ROOT / "local" / "requirements.txt",
        LAYER / "requirements-extraction.txt",
        LAYER / "requirements-lambda.txt",
    )
    locked = _pins(ROOT / "requirements-dev.lock")
    assert {name: locked.get(name) for name in direct} == direct


def test_installing_the_package_alone_brings_the_extraction_without_moto_or_aws() -> None:
    # Given the package's own dependencies (no extra)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    files = project["tool"]["setuptools"]["dynamic"]["dependencies"]["file"]
    core = _pins(*(ROOT / name for name in files))
    # Then none of the AWS or local-stack libraries is among them
    assert not {"moto", "boto3", "botocore", "aws-lambda-powertools", "click"} & set(core)


def test_the_extraction_imports_nothing_of_aws() -> None:
    # Given a fresh interpreter / When the extraction is imported and run
    code = (
        "import sys; from article_ingest.extraction import extract; "
        "extract(b'<html lang=en><body><p>' + b'The council voted on Tuesday. ' * 20 + b'</p>'); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'moto', 'boto3', 'botocore', "
        "'aws_lambda_powertools'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=LAYER, timeout=120
    )
    # Then no AWS library was loaded
    assert done.stdout.strip() == "[]"
