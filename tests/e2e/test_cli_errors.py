"""A user's mistake or an unreachable stack ends in one line that says what to do."""

from __future__ import annotations

import os
import socket
import subprocess
import time

from tests.support.local_process import CLI, ROOT, LocalStackProcess

QUICK_SECONDS = 15  # a refusal comes at once: it never waits on a server


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = env or {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    return subprocess.run(
        [CLI, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=QUICK_SECONDS,
        check=False,
    )


def _one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_a_command_with_no_stack_running_says_how_to_start_one() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    line = _one_line(_run("articles", "--port", str(port)))
    assert f"no local stack at http://127.0.0.1:{port}" in line
    assert f"article-ingest up --port {port}" in line


def test_a_deployed_stack_without_a_region_or_credentials_is_one_line() -> None:
    no_region = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    assert "AWS_REGION" in _one_line(_run("--stack", "nope", "articles", env=no_region))
    with_region = {**no_region, "AWS_REGION": "eu-west-1", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"}
    assert "credentials" in _one_line(_run("articles", "--stack", "nope", env=with_region))


def test_an_invalid_port_or_log_level_is_refused_before_anything_starts() -> None:
    assert _run("up", "--port", "99999").returncode == 2
    assert _run("up", "--log-level", "banana").returncode == 2


def test_a_second_up_on_a_busy_port_fails_at_once_and_leaves_the_running_stack_alone(
    local_stack: LocalStackProcess,
) -> None:
    # Given a running stack with its function log
    assert local_stack.function_log.exists()
    started = time.monotonic()
    # When another `up` is started on its port
    line = _one_line(_run("up", "--port", str(local_stack.port), env=local_stack.env))
    # Then it says so within seconds, and the running stack keeps its log and answers
    assert f"port {local_stack.port} is in use" in line
    assert time.monotonic() - started < QUICK_SECONDS
    assert local_stack.function_log.exists()
    assert local_stack.cli("status").returncode == 0


def test_port_and_stack_options_work_after_the_command_name_and_status_counts(
    local_stack: LocalStackProcess,
) -> None:
    # Given the running stack / When status is asked with --port after the command
    done = subprocess.run(
        [CLI, "status", "--port", str(local_stack.port)],
        cwd=ROOT,
        env=local_stack.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    # Then it prints the stack's counts
    assert done.stdout.startswith("stored ")
    assert "dead-lettered" in done.stdout
