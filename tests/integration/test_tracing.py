"""Each object is findable in traces and logs: its own annotated subsegment, its own correlation id."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from article_ingest.service.tracing import tracer
from tests.support import events
from tests.support.stack import MockStack

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ARTICLE = (SAMPLES / "bbc-1.html").read_bytes()
KEYS = ("inbox/first.html", "inbox/second.html")


@dataclass
class _Trace:
    """What the tracer was asked to record (tracing itself is disabled in the tests)."""

    events: list[tuple[str, object]] = field(default_factory=list)  # ("subsegment", name) or (key, value)

    @contextmanager
    def in_subsegment(self, name: str, **_: Any) -> Iterator[_Trace]:
        self.events.append(("subsegment", name))
        yield self

    def put_annotation(self, key: str, value: object) -> None:
        self.events.append((key, value))

    def put_metadata(self, **_: Any) -> None:
        """Responses and errors are metadata: not what these tests look at."""


@pytest.fixture
def trace(monkeypatch: pytest.MonkeyPatch) -> _Trace:
    recorded = _Trace()
    monkeypatch.setattr(tracer, "provider", recorded)
    monkeypatch.setattr(tracer, "disabled", False)
    return recorded


def _batch(stack: MockStack) -> dict[str, Any]:
    return events.sqs_batch(
        *(events.for_upload(stack.resources.inbox_bucket, key, stack.put(key, ARTICLE)) for key in KEYS)
    )


def test_each_object_has_a_subsegment_annotated_with_its_bucket_and_key_and_one_for_its_extraction(
    stack: MockStack, trace: _Trace
) -> None:
    # Given a batch announcing two objects
    event = _batch(stack)
    # When it is handled
    stack.invoke(event)
    # Then each object got its own subsegment, annotated with where it lives, its extraction inside it
    ours = [
        (kind, str(value).rsplit(".", 1)[-1] if kind == "subsegment" else value)
        for kind, value in trace.events
        if kind in ("bucket", "key") or str(value).endswith(("ingest_one", "_extract_article"))
    ]
    bucket = stack.resources.inbox_bucket
    assert ours == [
        step
        for key in KEYS
        for step in [
            ("subsegment", "ingest_one"),
            ("bucket", bucket),
            ("key", key),
            ("subsegment", "_extract_article"),
        ]
    ]


def _module_logger_name(module: str) -> str:
    """The logger a module of the function logs to, looked up once the handler is loaded: a
    Powertools child logger takes its service name when its module is first imported."""
    return str(importlib.import_module(module).logger.name)


class _CorrelationAtEmit(logging.Handler):
    """Notes, for each "object done" line, the correlation id the function's logger held then."""

    def __init__(self, function_logger: Any) -> None:
        super().__init__(logging.INFO)
        self._function_logger = function_logger
        self.seen: list[str | None] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage() == "object done":
            self.seen.append(self._function_logger.get_correlation_id())


def test_a_records_correlation_id_is_on_its_lines_only(stack: MockStack) -> None:
    # Given a batch announcing two objects, and the runtime's log lines watched
    event = _batch(stack)
    watcher = _CorrelationAtEmit(stack.app.logger)
    runtime_logger = logging.getLogger(_module_logger_name("article_ingest.service.runtime"))
    runtime_logger.addHandler(watcher)
    level = runtime_logger.level
    runtime_logger.setLevel(logging.INFO)
    try:
        # When it is handled
        stack.invoke(event)
    finally:
        runtime_logger.removeHandler(watcher)
        runtime_logger.setLevel(level)
    # Then each object's "done" line carried that object's id, and none is left for the lines after
    assert [(correlation or "").split("#")[0] for correlation in watcher.seen] == [
        f"s3://{stack.resources.inbox_bucket}/{key}" for key in KEYS
    ]
    assert stack.app.logger.get_correlation_id() is None
