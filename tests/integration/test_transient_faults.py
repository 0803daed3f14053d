"""Throttles, 5xx and timeouts on S3, DynamoDB and SNS: retried with backoff, then isolated."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import botocore.endpoint
import pytest

from tests.support import events
from tests.support.faults import BackoffClock, Fault, Match, body_mentions, inject
from tests.support.stack import MockStack

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ARTICLE = (SAMPLES / "bbc-1.html").read_bytes()
FAULTY_KEY = "inbox/faulty.html"

Target = Callable[[MockStack], tuple[Any, str, Match]]


def _s3_get(stack: MockStack) -> tuple[Any, str, Match]:
    return stack.app.runtime().s3, "GetObject", body_mentions(FAULTY_KEY)


def _dynamodb_put(stack: MockStack) -> tuple[Any, str, Match]:
    # Only the faulty object's article write: the idempotency table is a separate concern.
    articles = body_mentions(stack.resources.articles_table)
    faulty = body_mentions(FAULTY_KEY)
    return stack.app.runtime().dynamodb, "PutItem", lambda request: articles(request) and faulty(request)


def _sns_publish(stack: MockStack) -> tuple[Any, str, Match]:
    return stack.app.runtime().sns, "Publish", body_mentions("faulty.html")


TARGETS: dict[str, Target] = {"s3-get": _s3_get, "dynamodb-put": _dynamodb_put, "sns-publish": _sns_publish}
FAULTS: list[Fault] = ["throttle", "server_error", "read_timeout"]


@pytest.fixture
def backoff(monkeypatch: pytest.MonkeyPatch) -> BackoffClock:
    clock = BackoffClock()
    monkeypatch.setattr(botocore.endpoint, "time", clock)
    return clock


def _attempts_per_call(client: Any) -> int:
    """How many attempts the function's client makes per call, first one included."""
    return int(client.meta.config.retries["total_max_attempts"])


def _batch(stack: MockStack) -> dict[str, Any]:
    """One faulty object and one healthy object, in one SQS batch (faulty first)."""
    bucket = stack.resources.inbox_bucket
    faulty = stack.put(FAULTY_KEY, ARTICLE)
    healthy = stack.put("inbox/healthy.html", ARTICLE)
    return events.sqs_batch(
        events.for_upload(bucket, FAULTY_KEY, faulty),
        events.for_upload(bucket, "inbox/healthy.html", healthy),
    )


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("target", TARGETS)
def test_a_fault_that_clears_within_the_retry_budget_is_absorbed_with_backoff(
    stack: MockStack, backoff: BackoffClock, target: str, fault: Fault
) -> None:
    # Given one call failing for all but the last of its attempts
    event = _batch(stack)
    client, operation, match = TARGETS[target](stack)
    attempts = _attempts_per_call(client)
    injected = inject(client, operation, fault, times=attempts - 1, match=match)
    # When the batch is handled
    result = stack.invoke(event)
    # Then botocore retried after a backoff each time, and both objects are stored and announced
    assert result == {"batchItemFailures": []}
    assert injected.attempts == attempts - 1
    assert len(backoff.delays) >= attempts - 1
    assert all(delay > 0 for delay in backoff.delays)
    assert sorted(i.source_key for i in stack.items()) == [FAULTY_KEY, "inbox/healthy.html"]
    assert len(stack.notices()) == 2


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("target", TARGETS)
def test_a_fault_past_the_retry_budget_fails_only_its_record(
    stack: MockStack, backoff: BackoffClock, target: str, fault: Fault
) -> None:
    # Given one call failing on every attempt
    event = _batch(stack)
    client, operation, match = TARGETS[target](stack)
    injected = inject(client, operation, fault, match=match)
    # When the batch is handled
    result = stack.invoke(event)
    # Then every attempt was made, only the faulty record is returned for retry, and the
    # healthy one is stored and announced
    assert injected.attempts == _attempts_per_call(client)
    assert result == {"batchItemFailures": [{"itemIdentifier": "message-0"}]}
    stored = {i.source_key for i in stack.items()}
    assert "inbox/healthy.html" in stored
    assert [n["source"]["key"] for n in stack.notices()] == ["inbox/healthy.html"]


def test_a_write_whose_answer_was_lost_is_retried_into_one_item_and_one_notice(
    stack: MockStack, backoff: BackoffClock
) -> None:
    # Given the article write reaching DynamoDB but its answer timing out on every attempt
    event = _batch(stack)
    client, operation, match = _dynamodb_put(stack)
    injected = inject(client, operation, "read_timeout", match=match, reaches_service=True)
    first = stack.invoke(event)
    assert first == {"batchItemFailures": [{"itemIdentifier": "message-0"}]}
    assert FAULTY_KEY in {i.source_key for i in stack.items()}  # written, though the call failed
    assert [n["source"]["key"] for n in stack.notices()] == ["inbox/healthy.html"]
    # When the network recovers and the queue redelivers the batch
    injected.remove()
    second = stack.invoke(event)
    # Then the written item is written again (same version), and announced exactly once
    assert second == {"batchItemFailures": []}
    assert sorted(i.source_key for i in stack.items()) == [FAULTY_KEY, "inbox/healthy.html"]
    assert [n["source"]["key"] for n in stack.notices()] == [FAULTY_KEY]


def test_a_notice_whose_publish_answer_was_lost_may_repeat_but_always_with_the_same_notice_id(
    stack: MockStack, backoff: BackoffClock
) -> None:
    # Given SNS accepting the faulty object's notice but its answer timing out, on every attempt
    event = _batch(stack)
    client, operation, match = _sns_publish(stack)
    injected = inject(client, operation, "read_timeout", match=match, reaches_service=True)
    stack.invoke(event)
    # When the network recovers and the queue redelivers the failed record
    injected.remove()
    stack.invoke(event)
    # Then subscribers got that notice more than once (at-least-once), each copy with one notice id,
    # and still one notice for the healthy object
    notices = stack.notices()
    faulty = [n for n in notices if n["source"]["key"] == FAULTY_KEY]
    assert len(faulty) > 1
    assert len({n["notice_id"] for n in faulty}) == 1
    assert len([n for n in notices if n["source"]["key"] == "inbox/healthy.html"]) == 1
