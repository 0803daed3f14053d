"""Handler throughput over SQS batches of 10, in one thread: moto's AWS in process, then AWS stubbed.

With moto (mock_aws, the template's resources as tests/support/stack.py builds them), every
S3, DynamoDB and SNS call runs through botocore into moto in this process; with the stubs
(bench/fake_aws.py) the calls return at once, so what is left is the handler's own work.
The extraction's share is measured by timing `extract` inside the service during the run.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

import pytest
from moto import mock_aws

from article_ingest.service import ingest as ingest_module
from article_ingest_local.lambda_runtime import load_handler, new_context
from article_ingest_local.template import LOCAL_REGION, Template
from bench.extraction_speed import SourcePage
from bench.fake_aws import FakeDynamoDB, FakeS3, FakeSns
from bench.timing import median, ms
from tests.support import events
from tests.support.stack import build_mock_stack

BATCH_SIZE = 10  # the template's SQS BatchSize
FAKE_BUCKET = "bench-inbox"
QUIET_ENV = {
    "POWERTOOLS_TRACE_DISABLED": "true",
    "POWERTOOLS_METRICS_DISABLED": "true",
    "POWERTOOLS_LOG_LEVEL": "WARNING",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": LOCAL_REGION,
}


@dataclass(slots=True)
class Throughput:
    """One mode's figures over the same documents."""

    mode: str
    documents: int
    batches: int
    seconds: float
    docs_per_second: float
    batch_median_ms: float
    extraction_seconds: float
    extraction_share: float  # of the handler's wall time


@contextmanager
def _timed_extract() -> Iterator[list[float]]:
    """Wrap the service's `extract` to add up the time spent in it."""
    spent = [0.0]
    original = ingest_module.extract  # type: ignore[attr-defined]  # the service's own import

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    ingest_module.extract = timed  # type: ignore[attr-defined]
    try:
        yield spent
    finally:
        ingest_module.extract = original  # type: ignore[attr-defined]


def _batches(bucket: str, keys: list[str], refs: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    notices = [
        events.s3_notification(bucket=bucket, key=key, version_id=refs[key][0], etag=refs[key][1], size=1)
        for key in keys
    ]
    return [events.sqs_batch(*notices[i : i + BATCH_SIZE]) for i in range(0, len(notices), BATCH_SIZE)]


def _run(
    mode: str, invoke: Callable[[dict[str, Any]], dict[str, Any]], batches: list[dict[str, Any]]
) -> Throughput:
    invoke(batches[0])  # warm: clients, models and first-call caches are a cold start's, not throughput's
    timed = batches[1:]
    durations = []
    with _timed_extract() as spent:
        for batch in timed:
            started = time.perf_counter()
            result = invoke(batch)
            durations.append(time.perf_counter() - started)
            if result.get("batchItemFailures"):
                raise RuntimeError(f"{mode}: batch had failures: {result}")
    documents = sum(len(batch["Records"]) for batch in timed)
    seconds = sum(durations)
    return Throughput(
        mode=mode,
        documents=documents,
        batches=len(timed),
        seconds=round(seconds, 3),
        docs_per_second=round(documents / seconds, 1),
        batch_median_ms=ms(median(durations)),
        extraction_seconds=round(spent[0], 3),
        extraction_share=round(spent[0] / seconds, 3),
    )


def with_moto(pages: list[SourcePage]) -> Throughput:
    """S3, DynamoDB and SNS in process (moto): the template's resources, the real handler."""
    with pytest.MonkeyPatch.context() as patch, mock_aws():
        for name, value in QUIET_ENV.items():
            patch.setenv(name, value)
        patch.delenv("AWS_ENDPOINT_URL", raising=False)
        stack = build_mock_stack(patch)
        keys, refs = [], {}
        for index, page in enumerate(pages):
            key = f"bench/{index:04d}-{page.name}.html"
            put = stack.put(key, page.data, ContentType="text/html")
            refs[key] = (str(put["VersionId"]), str(put["ETag"]).strip('"'))
            keys.append(key)
        return _run(
            "moto (S3, DynamoDB, SNS in process)",
            stack.invoke,
            _batches(stack.resources.inbox_bucket, keys, refs),
        )


def _load_app(patch: pytest.MonkeyPatch) -> tuple[ModuleType, Template]:
    template = Template.load()
    spec = template.function()
    for name, value in {**spec.environment, **QUIET_ENV}.items():
        patch.setenv(name, value)
    handler = load_handler(spec, {})
    return sys.modules[handler.__module__], template


@contextmanager
def stubbed_handler(
    pages: list[SourcePage],
) -> Iterator[tuple[Callable[[dict[str, Any]], dict[str, Any]], list[dict[str, Any]]]]:
    """The real handler with every AWS call stubbed, and the SQS batches that announce `pages`."""
    with pytest.MonkeyPatch.context() as patch:
        app, template = _load_app(patch)
        spec = template.function()
        runtime = app.runtime()
        s3 = FakeS3()
        # Seed the lazily created clients: the service and the idempotency layer pick these up.
        runtime.__dict__.update(s3=s3, dynamodb=FakeDynamoDB(), sns=FakeSns())
        keys, refs = [], {}
        for index, page in enumerate(pages):
            key = f"bench/{index:04d}-{page.name}.html"
            s3.objects[key] = page.data
            refs[key] = ("v1", "etag")
            keys.append(key)

        def invoke(event: dict[str, Any]) -> dict[str, Any]:
            result: dict[str, Any] = app.lambda_handler(event, new_context(spec, "ingest"))
            return result

        yield invoke, _batches(FAKE_BUCKET, keys, refs)


def with_stubs(pages: list[SourcePage]) -> Throughput:
    """The same documents with every AWS call stubbed: the handler's own cost."""
    with stubbed_handler(pages) as (invoke, batches):
        return _run("AWS stubbed", invoke, batches)


def measure(pages: list[SourcePage]) -> list[Throughput]:
    """Both modes on the same pages (a first batch of ten warms each up and is not counted).

    The function logs at the template's level (INFO, as deployed): the lines are formatted as in
    Lambda but written to /dev/null, so the cost stays in and the console stays readable.
    """
    os.environ.pop("AWS_PROFILE", None)
    with contextlib.redirect_stdout(log_sink()):
        return [with_moto(pages), with_stubs(pages)]


@cache
def log_sink() -> TextIO:
    """One sink for the process: Powertools keeps the stream its first Logger was built with."""
    return Path(os.devnull).open("w", encoding="utf-8")


def markdown(results: list[Throughput]) -> str:
    lines = [
        "### Handler throughput, batches of 10, one thread",
        "",
        "| mode | docs | batches | seconds | docs/s | median batch ms | extraction share |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r.mode} | {r.documents} | {r.batches} | {r.seconds:.2f} | {r.docs_per_second:.1f} "
        f"| {r.batch_median_ms:.0f} | {r.extraction_share:.0%} |"
        for r in results
    ]
    return "\n".join(lines)
