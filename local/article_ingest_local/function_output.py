"""Where the in-process function's output goes: a log file, as CloudWatch Logs would hold it.

The function prints JSON log lines (Powertools Logger) and EMF metric lines to stdout. Locally it
runs on the poller threads of the same process that prints tables and progress to the terminal,
so stdout and stderr (warnings, tracebacks) are replaced once by routers that send each write
by the thread that makes it.
"""

from __future__ import annotations

import io
import sys
import threading
from pathlib import Path
from typing import TextIO

POLLER_THREAD_PREFIX = "poller-"  # LocalStack names its function threads so


class FunctionOutputRouter(io.TextIOBase):
    """stdout: poller threads write to the function's log, every other thread to the terminal."""

    def __init__(self, terminal: TextIO, log: TextIO) -> None:
        self._terminal = terminal
        self._log = log
        self._lock = threading.Lock()

    def _target(self) -> TextIO:
        is_function = threading.current_thread().name.startswith(POLLER_THREAD_PREFIX)
        return self._log if is_function else self._terminal

    def write(self, text: str) -> int:
        target = self._target()
        if target is self._log:
            with self._lock:  # lines of concurrent invocations must not interleave mid-line
                written = self._log.write(text)
                self._log.flush()
                return written
        return target.write(text)

    def flush(self) -> None:
        self._terminal.flush()
        self._log.flush()

    def isatty(self) -> bool:
        return self._terminal.isatty()


def route_function_output(log_path: Path) -> Path:
    """Install the routers on sys.stdout and sys.stderr (once per process); returns the log's path."""
    if isinstance(sys.stdout, FunctionOutputRouter):
        return log_path
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = log_path.open("a", encoding="utf-8")  # lives as long as the process
    sys.stdout = FunctionOutputRouter(sys.stdout, log)
    sys.stderr = FunctionOutputRouter(sys.stderr, log)
    return log_path
