"""Cold start: importing the handler module and building its clients, in fresh processes.

This is what a Lambda init pays before the first record: `import app` (Powertools, the X-Ray
SDK, boto3, the layer's package) and the runtime's first build (settings, three botocore
clients, the service, the idempotency layer). The layer is the one its Makefile builds (the
target `sam build` runs), here for this machine's Python and architecture so it can run, with
its bytecode, made read-only as /opt is in Lambda; boto3 comes from the environment, as the
runtime provides it. The child runs with the environment Lambda would set (LAMBDA_TASK_ROOT
makes the Tracer patch botocore as it does when tracing is active), with no network call:
clients are built, never used. The interpreter's own start-up is not counted.
"""

from __future__ import annotations

import json
import os
import platform
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from article_ingest_local.template import LOCAL_REGION, Template
from bench.timing import median

REPO_ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 300.0
TOP_IMPORTS = 8

CHILD = """
import json, re, sys, time
from pathlib import Path
started = time.perf_counter()
if sys.argv[1] == "app":
    import app
    imported = time.perf_counter()
    runtime = app.runtime()
    runtime.s3, runtime.dynamodb, runtime.sns, runtime.service, runtime.ingest_once
else:  # the floor: any boto3 function with the same three clients pays this much
    import boto3
    imported = time.perf_counter()
    session = boto3.Session()
    session.client("s3"), session.client("dynamodb"), session.client("sns")
built = time.perf_counter()
print(json.dumps({
    "import_ms": (imported - started) * 1000,
    "clients_ms": (built - imported) * 1000,
    # VmHWM: this process's peak RSS (ru_maxrss would include the forking parent's)
    "rss_mb": int(re.search(r"VmHWM:\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1)) / 1024,
}))
"""


@dataclass(slots=True)
class ColdStart:
    """Medians over fresh processes, and where the import time goes."""

    runs: int
    import_ms: float
    clients_ms: float
    total_ms: float
    total_runs_ms: list[float] = field(default_factory=list)
    rss_mb_after_init: float = 0.0
    top_imports_ms: dict[str, float] = field(default_factory=dict)
    boto3_floor_ms: float = 0.0  # import boto3 + the same three clients, nothing else
    target_ms: float = TARGET_MS


def build_native_layer(target: Path) -> Path:
    """The layer built by its Makefile for this Python and machine, with bytecode, read-only."""
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    command = ["make", "-s", "-C", str(REPO_ROOT / "layers" / "article_ingest"), "build-ExtractionLayer"]
    command += [f"ARTIFACTS_DIR={target}", f"PYTHON={sys.executable}", f"LAMBDA_PYTHON={python}"]
    command += [f"LAMBDA_PLATFORM=manylinux2014_{platform.machine()}"]
    subprocess.run(command, capture_output=True, text=True, timeout=600, check=True)
    site = target / "python"
    _set_writable(site, writable=False)
    return site


def _set_writable(root: Path, *, writable: bool) -> None:
    """Make a tree read-only (as /opt is in Lambda) or writable again by its owner."""
    for path in [root, *root.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode | stat.S_IWUSR if writable else mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def lambda_environment(layer_site: Path) -> dict[str, str]:
    """The function's environment from template.yaml, plus what Lambda itself sets."""
    spec = Template.load(REPO_ROOT / "template.yaml").function()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "POWERTOOLS_"))}
    env.update(spec.environment)
    env.update(
        LAMBDA_TASK_ROOT=str(spec.code_dir),
        AWS_LAMBDA_FUNCTION_NAME="ingest",
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE=str(spec.memory_mb),
        AWS_REGION=LOCAL_REGION,
        AWS_DEFAULT_REGION=LOCAL_REGION,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        PYTHONPATH=os.pathsep.join([str(spec.code_dir), str(layer_site)]),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _child(layer_site: Path, extra_args: list[str], mode: str = "app") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *extra_args, "-c", CHILD, mode],
        env=lambda_environment(layer_site),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )


def top_imports(stderr: str, deepest: int = 3) -> dict[str, float]:
    """The slowest imports (cumulative ms) below `app`, down to `deepest` levels of nesting."""
    found: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, column = line.removeprefix("import time:").split("|")
        level = (len(column) - len(column.lstrip()) - 1) // 2  # importtime indents 2 per level
        if 1 <= level <= deepest:
            found[column.strip()] = round(int(cumulative) / 1000, 1)
    ranked = sorted(found.items(), key=lambda item: item[1], reverse=True)
    return dict(ranked[:TOP_IMPORTS])


def measure(runs: int = 7) -> ColdStart:
    """`runs` fresh interpreters importing from the built, read-only layer."""
    with tempfile.TemporaryDirectory() as scratch:
        site = build_native_layer(Path(scratch))
        try:
            return _measure(site, runs)
        finally:
            _set_writable(site, writable=True)  # so the scratch folder can go


def _measure(site: Path, runs: int) -> ColdStart:
    _child(site, [])  # warm the page cache: a warm host has the layer's files cached
    samples = [json.loads(_child(site, []).stdout) for _ in range(runs)]
    floors = [json.loads(_child(site, [], "boto3").stdout) for _ in range(runs)]
    profile = _child(site, ["-X", "importtime"])
    totals = [s["import_ms"] + s["clients_ms"] for s in samples]
    return ColdStart(
        runs=runs,
        import_ms=round(median([s["import_ms"] for s in samples]), 1),
        clients_ms=round(median([s["clients_ms"] for s in samples]), 1),
        total_ms=round(median(totals), 1),
        total_runs_ms=[round(t, 1) for t in totals],
        rss_mb_after_init=round(median([s["rss_mb"] for s in samples]), 1),
        top_imports_ms=top_imports(profile.stderr),
        boto3_floor_ms=round(median([f["import_ms"] + f["clients_ms"] for f in floors]), 1),
    )


def markdown(result: ColdStart) -> str:
    verdict = "met" if result.total_ms < result.target_ms else "NOT met"
    lines = [
        f"### Cold start (fresh process, median of {result.runs})",
        "",
        "| import app ms | runtime + clients ms | total ms | target | RSS after init MB "
        "| floor: import boto3 + 3 clients ms |",
        "|---:|---:|---:|---|---:|---:|",
        f"| {result.import_ms:.0f} | {result.clients_ms:.0f} | {result.total_ms:.0f} "
        f"| < {result.target_ms:.0f} ms: {verdict} | {result.rss_mb_after_init:.0f} "
        f"| {result.boto3_floor_ms:.0f} |",
        "",
        "Slowest imports (cumulative ms): "
        + ", ".join(f"{name} {value:.0f}" for name, value in result.top_imports_ms.items()),
    ]
    return "\n".join(lines)
