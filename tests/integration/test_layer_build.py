"""The layer `sam build` produces runs on the template's architecture and runtime, with bytecode.

These tests run the layer's own Makefile (the target SAM runs) and download the pinned wheels
from PyPI, as `sam build` does.
"""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

import pytest

from article_ingest_local.template import Template

LAYER_DIR = Path(__file__).resolve().parents[2] / "layers" / "article_ingest"
ELF_MAGIC = b"\x7fELF"
ELF_MACHINE_AARCH64 = 183  # e_machine of 64-bit ARM
UNCHECKED_HASH_FLAGS = 0b01  # PEP 552: hash-based, source not checked
THIS_PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"


def _build(target: Path, *overrides: str) -> subprocess.CompletedProcess[str]:
    command = ["make", "-s", "-C", str(LAYER_DIR), "build-ExtractionLayer", f"ARTIFACTS_DIR={target}"]
    command += [f"PYTHON={sys.executable}", *overrides]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=True)


def _elf_machine(path: Path) -> int:
    head = path.read_bytes()[:20]
    assert head[:4] == ELF_MAGIC, path
    return int.from_bytes(head[18:20], "little")


def test_the_layer_ships_arm64_extensions_for_the_templates_runtime_whatever_machine_builds_it(
    tmp_path: Path,
) -> None:
    # Given the template's runtime and architecture, and this (x86_64 or other) machine
    function = Template.load().body["Globals"]["Function"]
    assert (function["Runtime"], function["Architectures"]) == ("python3.12", ["arm64"])
    # When the layer is built here as `sam build` builds it (no container)
    _build(tmp_path)
    extensions = list((tmp_path / "python").rglob("*.so"))
    # Then every compiled module is a 64-bit ARM ELF built for CPython 3.12 (or the stable ABI)
    assert extensions
    assert {_elf_machine(path) for path in extensions} == {ELF_MACHINE_AARCH64}
    assert all("cpython-312-aarch64" in path.name or ".abi3." in path.name for path in extensions)
    assert not any(
        "x86_64" in path.name or f"cpython-{THIS_PYTHON.replace('.', '')}-" in path.name
        for path in extensions
        if THIS_PYTHON != "3.12"
    )


def test_built_by_the_runtimes_python_every_module_ships_unchecked_hash_bytecode(tmp_path: Path) -> None:
    # Given a build whose Python is the layer's runtime (here: this Python, on this machine)
    machine = f"manylinux2014_{platform.machine()}"
    _build(tmp_path, f"LAMBDA_PYTHON={THIS_PYTHON}", f"LAMBDA_PLATFORM={machine}")
    site = tmp_path / "python"
    # When its sources and bytecode are compared
    tag = sys.implementation.cache_tag
    sources = [path for path in site.rglob("*.py") if "__pycache__" not in path.parts]
    missing = [
        path for path in sources if not (path.parent / "__pycache__" / f"{path.stem}.{tag}.pyc").is_file()
    ]
    # Then every module has its .pyc, hash-based and unchecked (valid on read-only /opt whatever
    # timestamps the zip gives the sources)
    assert sources
    assert missing == []
    for path in sources[:: max(1, len(sources) // 50)]:
        header = (path.parent / "__pycache__" / f"{path.stem}.{tag}.pyc").read_bytes()[:8]
        assert int.from_bytes(header[4:8], "little") == UNCHECKED_HASH_FLAGS, path


def test_built_by_another_python_the_layer_says_it_ships_no_bytecode(tmp_path: Path) -> None:
    if THIS_PYTHON == "3.12":
        pytest.skip("this Python is the runtime's: the build compiles bytecode")
    # Given a build by a Python that is not the runtime's / When built
    done = _build(tmp_path)
    # Then it ships no bytecode for the wrong interpreter, and says so
    assert not list((tmp_path / "python").rglob("*.pyc"))
    assert "ships no bytecode" in done.stderr
