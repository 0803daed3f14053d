"""The local stack as a user runs it: `article-ingest up` in its own process, spoken to over HTTP
(the end-to-end tests start it through `running_stack`)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).parent / "article-ingest")
READY_TIMEOUT_SECONDS = 60


@dataclass
class LocalStackProcess:
    """A running `article-ingest up` and the environment to talk to it."""

    port: int
    env: dict[str, str]
    log: Path  # what `up` printed

    @property
    def function_log(self) -> Path:
        return Path(self.env["ARTICLE_INGEST_STATE_DIR"]) / f"local-{self.port}" / "function.log"

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [CLI, "--port", str(self.port), *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=check,
            timeout=120,
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_stack(
    tmp_path_factory: pytest.TempPathFactory,
    *up_options: str,
    port: int | None = None,
    state_dir: Path | None = None,
) -> Iterator[LocalStackProcess]:
    """`article-ingest up` in its own process (on a free port and a new state folder unless
    given), stopped (SIGTERM, which saves its state) on exit."""
    port = port or free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("AWS_")},
        "ARTICLE_INGEST_STATE_DIR": str(state_dir or tmp_path_factory.mktemp("state")),
    }
    log = tmp_path_factory.mktemp("log") / "up.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [CLI, "--port", str(port), "up", "--retry-delay", "1", *up_options],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=sink,
        )
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while "ready:" not in log.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"local stack did not start:\n{log.read_text()}")
        time.sleep(0.2)
    try:
        yield LocalStackProcess(port=port, env=env, log=log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
