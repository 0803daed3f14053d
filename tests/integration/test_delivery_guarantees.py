"""Nothing lost, nothing doubled: redelivery, concurrent duplicates, order and partial failures."""

from __future__ import annotations

import itertools
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError

from article_ingest.models.items import article_id
from tests.support import events
from tests.support.faults import body_mentions, inject
from tests.support.stack import MockStack

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
VERSIONS = [(SAMPLES / name).read_bytes() for name in ("bbc-1.html", "medium-1.html", "lemonde-1.html")]
RETRY_DELAY_SECONDS = 0.1  # the visibility timeout, shortened
SEQUENCERS = ["0055AED6DCD90281E5", "0055AED6DCD90281F0", "0055AED6DCD9028200"]  # oldest first


def _deliver_until_done(stack: MockStack, event: dict[str, Any], attempts: int = 100) -> int:
    """Invoke as the queue would: again while the record is reported failed. Returns invocations."""
    for attempt in range(1, attempts + 1):
        try:
            if stack.invoke(event) == {"batchItemFailures": []}:
                return attempt
        except BatchProcessingError:
            pass  # a batch whose every record failed raises: the queue retries it whole
        time.sleep(RETRY_DELAY_SECONDS)
    raise AssertionError(f"still failing after {attempts} deliveries")


def _upload_versions(stack: MockStack, key: str) -> list[dict[str, Any]]:
    """Three versions of one key, oldest first, each with its notification (and sequencer)."""
    bucket = stack.resources.inbox_bucket
    out = []
    for body, sequencer in zip(VERSIONS, SEQUENCERS, strict=True):
        put = stack.put(key, body, ContentType="text/html")
        out.append(events.sqs_batch(events.for_upload(bucket, key, put, sequencer=sequencer)))
    return out


@pytest.mark.parametrize("deliveries", [2, 10])
def test_the_same_event_delivered_many_times_leaves_one_item_and_one_notice(
    stack: MockStack, deliveries: int
) -> None:
    # Given one upload and its event
    put = stack.put("inbox/bbc.html", VERSIONS[0])
    event = events.sqs_batch(events.for_upload(stack.resources.inbox_bucket, "inbox/bbc.html", put))
    # When the event is delivered again and again
    results = [stack.invoke(event) for _ in range(deliveries)]
    # Then every delivery succeeds, and there is one article version and one notice
    assert results == [{"batchItemFailures": []}] * deliveries
    items = stack.items()
    assert [(i.source_key, i.source_version) for i in items] == [("inbox/bbc.html", put["VersionId"])]
    assert len(stack.notices()) == 1


def test_a_duplicate_arriving_while_the_first_is_in_progress_is_retried_not_lost(stack: MockStack) -> None:
    # Given the first delivery paused inside its S3 read (the idempotency record is IN_PROGRESS)
    bucket = stack.resources.inbox_bucket
    put = stack.put("inbox/bbc.html", VERSIONS[0])
    other = stack.put("inbox/other.html", VERSIONS[1])
    duplicate = events.for_upload(bucket, "inbox/bbc.html", put)
    reading, release = threading.Event(), threading.Event()

    def pause(**_: object) -> None:
        if threading.current_thread().name == "first":
            reading.set()
            release.wait(10)

    stack.app.runtime().s3.meta.events.register("before-call.s3.GetObject", pause)
    results: dict[str, Any] = {}
    first = threading.Thread(
        target=lambda: results.update(first=stack.invoke(events.sqs_batch(duplicate))), name="first"
    )
    first.start()
    try:
        assert reading.wait(10)
        # When a second poller receives the same message (and another one) meanwhile
        second_batch = events.sqs_batch(duplicate, events.for_upload(bucket, "inbox/other.html", other))
        results["second"] = stack.invoke(second_batch)
    finally:
        release.set()
        first.join(10)
    # Then the duplicate is reported for retry (not dropped as done) while its batch mate is done,
    # the first delivery completes, and the retried duplicate replays the outcome silently
    assert results["second"] == {"batchItemFailures": [{"itemIdentifier": "message-0"}]}
    assert results["first"] == {"batchItemFailures": []}
    assert stack.invoke(events.sqs_batch(duplicate)) == {"batchItemFailures": []}
    assert sorted(i.source_key for i in stack.items()) == ["inbox/bbc.html", "inbox/other.html"]
    assert len(stack.notices()) == 2


def test_ten_concurrent_deliveries_retried_like_the_queue_leave_one_item_and_one_notice(
    stack: MockStack,
) -> None:
    # Given one upload and its event
    put = stack.put("inbox/bbc.html", VERSIONS[0])
    event = events.sqs_batch(events.for_upload(stack.resources.inbox_bucket, "inbox/bbc.html", put))
    stack.app.runtime().service  # noqa: B018 - build the shared runtime once, as a warm container has it
    # When ten pollers deliver it at once, each retrying its failures like the queue
    with ThreadPoolExecutor(max_workers=10) as pool:
        invocations = list(pool.map(lambda _: _deliver_until_done(stack, event), range(10)))
    # Then each delivery ends done, and there is one item and one notice
    assert len(invocations) == 10
    assert len(stack.items()) == 1
    assert len(stack.notices()) == 1


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))), ids=str)
def test_events_for_one_key_in_any_order_leave_the_newest_version(
    stack: MockStack, order: tuple[int, ...]
) -> None:
    # Given three versions of one key and their events (S3 sequencers give their order)
    batches = _upload_versions(stack, "inbox/story.html")
    newest = stack.client("s3").head_object(Bucket=stack.resources.inbox_bucket, Key="inbox/story.html")
    # When the events arrive in this order
    for index in order:
        stack.invoke(batches[index])
    # Then the item holds the newest version, whatever the order
    item = stack.item(article_id(stack.resources.inbox_bucket, "inbox/story.html"))
    assert item is not None
    assert item.source_version == newest["VersionId"]


def test_sequencers_of_different_lengths_compare_as_numbers(stack: MockStack) -> None:
    # Given two versions whose sequencers differ in length ("FF" < "0100" as numbers, not as text)
    bucket, key = stack.resources.inbox_bucket, "inbox/story.html"
    old = stack.put(key, VERSIONS[0])
    new = stack.put(key, VERSIONS[1])
    # When the newer version's event is handled first
    stack.invoke(events.sqs_batch(events.for_upload(bucket, key, new, sequencer="0100")))
    stack.invoke(events.sqs_batch(events.for_upload(bucket, key, old, sequencer="FF")))
    # Then the newer version stays
    item = stack.item(article_id(bucket, key))
    assert item is not None
    assert item.source_version == new["VersionId"]


def test_without_a_sequencer_the_later_event_time_wins(stack: MockStack) -> None:
    # Given two versions announced without sequencers, only with event times
    bucket, key = stack.resources.inbox_bucket, "inbox/story.html"
    old = stack.put(key, VERSIONS[0])
    new = stack.put(key, VERSIONS[1])
    newer = events.for_upload(bucket, key, new, event_time="2026-11-25T10:00:00.002Z")
    older = events.for_upload(bucket, key, old, event_time="2026-11-25T10:00:00.001Z")
    # When the newer one is handled first
    stack.invoke(events.sqs_batch(newer))
    stack.invoke(events.sqs_batch(older))
    # Then the newer version stays
    item = stack.item(article_id(bucket, key))
    assert item is not None
    assert item.source_version == new["VersionId"]


def test_a_failed_write_leaves_nothing_behind_and_the_retry_stores_and_announces_once(
    stack: MockStack,
) -> None:
    # Given the articles table failing every write attempt (past botocore's retries)
    put = stack.put("inbox/bbc.html", VERSIONS[0])
    event = events.sqs_batch(events.for_upload(stack.resources.inbox_bucket, "inbox/bbc.html", put))
    runtime = stack.app.runtime()
    fault = inject(
        runtime.dynamodb, "PutItem", "server_error", match=body_mentions(stack.resources.articles_table)
    )
    # When the message is delivered
    with pytest.raises(BatchProcessingError):
        stack.invoke(event)
    # Then nothing is half-written: no item, no notice
    assert stack.items() == []
    assert stack.notices() == []
    # And when the cause clears and the message is retried, it is stored and announced once
    fault.remove()
    assert stack.invoke(event) == {"batchItemFailures": []}
    assert len(stack.items()) == 1
    assert [n["type"] for n in stack.notices()] == ["article.stored"]


def test_a_publish_failing_past_its_retries_is_announced_once_when_the_message_is_retried(
    stack: MockStack,
) -> None:
    # Given the topic failing every attempt (throttled) after the item is written
    put = stack.put("inbox/bbc.html", VERSIONS[0])
    event = events.sqs_batch(events.for_upload(stack.resources.inbox_bucket, "inbox/bbc.html", put))
    fault = inject(stack.app.runtime().sns, "Publish", "throttle")
    with pytest.raises(BatchProcessingError):
        stack.invoke(event)
    assert stack.notices() == []
    # When the throttling ends and the queue delivers the message twice more
    fault.remove()
    retries = [stack.invoke(event), stack.invoke(event)]
    # Then the notice is published exactly once, with the notice id the item's version defines
    assert retries == [{"batchItemFailures": []}] * 2
    notices = stack.notices()
    assert len(notices) == 1
    assert notices[0]["source"]["version_id"] == put["VersionId"]
