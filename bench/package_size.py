"""Deployment size: the layer and the function zipped, built the way SAM builds them.

The layer is built by its own Makefile (layers/article_ingest/Makefile, the target SAM's
makefile BuildMethod runs): the pinned requirements, without what the runtime provides, plus
the article_ingest package; the function is functions/ingest/ as is. Two layer builds are
measured: wheels for this machine (x86_64) and, when the index can serve them, manylinux arm64
wheels for CPython 3.12 (what Lambda runs). Anything of the runtime's boto3 tree still found in
the build is reported separately.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LAYER_DIR = REPO_ROOT / "layers" / "article_ingest"
FUNCTION_DIR = REPO_ROOT / "functions" / "ingest"
TARGET_MB = 20.0
LAMBDA_UNZIPPED_LIMIT_MB = 250.0
# What the python3.12 Lambda runtime already ships (boto3 and its dependency tree).
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "jmespath", "urllib3", "dateutil", "six")


@dataclass(slots=True)
class LayerBuild:
    """One layer build's zipped and unzipped sizes, in MB."""

    platform: str
    zipped_mb: float
    unzipped_mb: float
    runtime_provided_zipped_mb: float  # the part of zipped_mb that duplicates the runtime's boto3
    largest_zipped_mb: dict[str, float] = field(default_factory=dict)
    error: str | None = None


@dataclass(slots=True)
class PackageSizes:
    """The function, each layer build, and the verdict against the target."""

    function_zipped_mb: float
    layers: list[LayerBuild]
    target_mb: float = TARGET_MB


def _zip_size(root: Path) -> tuple[int, dict[str, int]]:
    """Bytes of a deflated zip of `root`, and the compressed bytes per top-level entry under python/."""
    per_entry: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "package.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(root.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    bundle.write(path, path.relative_to(root).as_posix())
        with zipfile.ZipFile(archive) as bundle:
            for info in bundle.infolist():
                parts = info.filename.split("/")
                entry = parts[1] if parts[0] == "python" and len(parts) > 2 else parts[0]
                per_entry[entry] = per_entry.get(entry, 0) + info.compress_size
        return archive.stat().st_size, per_entry


def _distribution(entry: str) -> str:
    """The distribution a top-level entry belongs to: lxml-6.1.3.dist-info -> lxml."""
    return entry.split("-", maxsplit=1)[0].split(".", maxsplit=1)[0].lower()


def _tree_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def build_layer(platform: str, pip_args: tuple[str, ...]) -> LayerBuild:
    """Build the layer with its own Makefile (the target SAM runs) and measure the zip."""
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "python"
        command = [
            "make",
            "-s",
            "-C",
            str(LAYER_DIR),
            "build-ExtractionLayer",
            f"ARTIFACTS_DIR={scratch}",
            f"PYTHON={sys.executable}",
            f"PIP_ARGS={' '.join(pip_args)}",
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != 0:
            return LayerBuild(platform, 0.0, 0.0, 0.0, error=done.stderr.strip().splitlines()[-1][:300])
        zipped, per_entry = _zip_size(Path(scratch))
        provided = sum(size for entry, size in per_entry.items() if _distribution(entry) in RUNTIME_PROVIDED)
        by_distribution: dict[str, int] = {}
        for entry, size in per_entry.items():
            by_distribution[_distribution(entry)] = by_distribution.get(_distribution(entry), 0) + size
        largest = sorted(by_distribution.items(), key=lambda item: item[1], reverse=True)[:6]
        return LayerBuild(
            platform=platform,
            zipped_mb=round(zipped / 1e6, 2),
            unzipped_mb=round(_tree_bytes(site) / 1e6, 2),
            runtime_provided_zipped_mb=round(provided / 1e6, 2),
            largest_zipped_mb={name: round(size / 1e6, 2) for name, size in largest},
        )


def measure() -> PackageSizes:
    os.environ.setdefault("PIP_DISABLE_PIP_VERSION_CHECK", "1")
    function_zipped, _ = _zip_size(FUNCTION_DIR)
    return PackageSizes(
        function_zipped_mb=round(function_zipped / 1e6, 3),
        # The layer Makefile always fetches arm64 CPython 3.12 wheels, as the template's runtime needs.
        layers=[build_layer("arm64, CPython 3.12 (Lambda)", ())],
    )


def markdown(result: PackageSizes) -> str:
    lines = [
        "### Package size (zipped, deflate)",
        "",
        "| layer build | layer zip MB | layer unzipped MB | of which runtime-provided (botocore...) zip MB "
        "| function zip MB | layer + function MB | target < 20 MB | without runtime-provided MB "
        "| largest (zip MB) |",
        "|---|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for layer in result.layers:
        if layer.error:
            lines.append(f"| {layer.platform} | not built: {layer.error} | | | | | | | |")
            continue
        total = layer.zipped_mb + result.function_zipped_mb
        verdict = "met" if total < result.target_mb else "NOT met"
        largest = ", ".join(f"{name} {size:.1f}" for name, size in layer.largest_zipped_mb.items())
        lines.append(
            f"| {layer.platform} | {layer.zipped_mb:.2f} | {layer.unzipped_mb:.1f} "
            f"| {layer.runtime_provided_zipped_mb:.2f} | {result.function_zipped_mb:.3f} | {total:.2f} "
            f"| {verdict} | {total - layer.runtime_provided_zipped_mb:.2f} | {largest} |"
        )
    return "\n".join(lines)
