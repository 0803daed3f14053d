"""Delivery guarantees on the running local stack: two pollers, duplicates, dead letters, redrive.

The stack runs as a user runs it (`article-ingest up`, here with two pollers), spoken to over HTTP.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from article_ingest_local.queues import queue_depth
from article_ingest_local.redrive import redrive
from article_ingest_local.session import LocalEndpoint, StackTarget, local_target
from article_ingest_local.template import Template
from tests.support import events
from tests.support.local_process import ROOT, LocalStackProcess, running_stack

SAMPLES = ROOT / "samples"
WAIT_SECONDS = 90
DUPLICATES = 10
POLLERS = 2
SETTLE_SECONDS = 3  # after the item shows up, time for a stray duplicate notice to arrive


@pytest.fixture(scope="module")
def two_poller_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStackProcess]:
    """`article-ingest up` with two pollers and a one-second retry delay."""
    with running_stack(tmp_path_factory, "--concurrency", str(POLLERS)) as stack:
        yield stack


@pytest.fixture(scope="module")
def target(two_poller_stack: LocalStackProcess) -> StackTarget:
    return local_target(Template.load(), LocalEndpoint.loopback(two_poller_stack.port))


def _until(condition: Callable[[], Any], seconds: float = WAIT_SECONDS) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"not true within {seconds}s")


def _items_for(stack: LocalStackProcess, key: str) -> list[dict[str, Any]]:
    return [i for i in json.loads(stack.cli("articles", "--json").stdout) if i["source_key"] == key]


def _notices_for(stack: LocalStackProcess, article_id: str) -> list[dict[str, Any]]:
    return [n for n in json.loads(stack.cli("notices", "--json").stdout) if n["article_id"] == article_id]


def _depth(target: StackTarget, queue_url: str) -> int:
    return queue_depth(target.sqs(), queue_url)


def test_one_event_delivered_ten_times_to_two_pollers_yields_one_item_and_one_notice(
    two_poller_stack: LocalStackProcess, target: StackTarget
) -> None:
    # Given an object in a bucket that announces nothing (so only our copies of its event arrive)
    s3: Any = target.s3()
    bucket, key = "e2e-quiet-bucket", "e2e/duplicated.html"
    s3.create_bucket(Bucket=bucket)
    put = s3.put_object(Bucket=bucket, Key=key, Body=(SAMPLES / "bbc-1.html").read_bytes())
    body = json.dumps(events.for_upload(bucket, key, put))
    # When ten identical copies of its event reach the queue, drained by two pollers at once
    sqs: Any = target.sqs()
    for start in range(0, DUPLICATES, 10):
        entries = [{"Id": str(i), "MessageBody": body} for i in range(start, min(start + 10, DUPLICATES))]
        sqs.send_message_batch(QueueUrl=target.resources.ingest_queue_url, Entries=entries)
    (item,) = _until(lambda: _items_for(two_poller_stack, key))
    _until(lambda: _depth(target, target.resources.ingest_queue_url) == 0)
    time.sleep(SETTLE_SECONDS)
    # Then there is one stored item, exactly one notice, and no message left or dead-lettered
    assert item["status"] == "stored"
    assert len(_notices_for(two_poller_stack, item["id"])) == 1
    assert _depth(target, target.resources.dead_letter_queue_url) == 0


def test_a_message_dead_lettered_while_its_bucket_was_missing_is_ingested_after_the_fix_and_a_redrive(
    two_poller_stack: LocalStackProcess, target: StackTarget
) -> None:
    # Given an event for a bucket that does not exist yet (every receive fails: a configuration fault)
    bucket, key = "e2e-late-bucket", "late/article.html"
    event = events.s3_notification(bucket=bucket, key=key, etag="0" * 32)
    sqs: Any = target.sqs()
    sqs.send_message(QueueUrl=target.resources.ingest_queue_url, MessageBody=json.dumps(event))
    # When it has failed past the redrive policy's max receive count
    _until(lambda: _depth(target, target.resources.dead_letter_queue_url) == 1)
    assert _depth(target, target.resources.ingest_queue_url) == 0
    # And the cause is fixed (the bucket and object exist) and the dead-letter queue is redriven
    s3: Any = target.s3()
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key=key, Body=(SAMPLES / "medium-1.html").read_bytes())
    moved = redrive(
        sqs,
        dead_letter_queue_url=target.resources.dead_letter_queue_url,
        queue_url=target.resources.ingest_queue_url,
    )
    # Then the message is back, processed into one stored item and one notice, and no queue holds it
    assert moved.moved == 1
    (item,) = _until(lambda: _items_for(two_poller_stack, key))
    assert item["status"] == "stored"
    assert len(_until(lambda: _notices_for(two_poller_stack, item["id"]))) == 1
    assert _depth(target, target.resources.dead_letter_queue_url) == 0
