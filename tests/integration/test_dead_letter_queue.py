"""Past the max receive count a message lands in the dead-letter queue; a redrive brings it back.

The queues and their redrive policy come from template.yaml; a local poller plays Lambda's SQS
event source (delete on success, make visible again on a reported failure).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from article_ingest_local.poller import SqsEventSource
from article_ingest_local.redrive import redrive
from tests.support.faults import InjectedFault, body_mentions, inject
from tests.support.stack import MockStack

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ARTICLE = (SAMPLES / "bbc-1.html").read_bytes()


def _max_receive_count(stack: MockStack) -> int:
    policy = stack.template.resources["IngestQueue"]["Properties"]["RedrivePolicy"]
    return int(policy["maxReceiveCount"])


def _poller(stack: MockStack) -> SqsEventSource:
    """A poller on the ingest queue, emptied first of S3's s3:TestEvent (sent on configuration)."""
    stack.client("sqs").purge_queue(QueueUrl=stack.resources.ingest_queue_url)
    spec = stack.template.function()
    return SqsEventSource(
        stack.client("sqs"),
        queue_url=stack.resources.ingest_queue_url,
        queue_arn=stack.template.arn(spec.event_source.queue_logical_id),
        handler=stack.app.lambda_handler,
        spec=spec,
        function_name="ingest",
        retry_delay_seconds=0,  # a failed message is visible again at once
    )


def _waiting(stack: MockStack, queue_url: str) -> int:
    attributes = stack.client("sqs").get_queue_attributes(
        QueueUrl=queue_url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]) + int(
        attributes["ApproximateNumberOfMessagesNotVisible"]
    )


def _upload(stack: MockStack, key: str, body: bytes) -> None:
    """Put an object; the inbox bucket's notification configuration enqueues its S3 event."""
    stack.put(key, body)


@pytest.fixture
def broken_reads(stack: MockStack) -> InjectedFault:
    """S3 answering 503 to every read of inbox/broken.html (past botocore's retries)."""
    return inject(
        stack.app.runtime().s3, "GetObject", "server_error", match=body_mentions("inbox/broken.html")
    )


def _fail_until_dead_lettered(stack: MockStack, poller: SqsEventSource) -> list[Any]:
    results = [poller.poll_once() for _ in range(_max_receive_count(stack))]
    poller.poll_once()  # the receive after the last allowed one moves the message
    return results


def test_a_message_failing_every_receive_lands_in_the_dead_letter_queue(
    stack: MockStack, broken_reads: InjectedFault, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a message whose object cannot be read, whatever the retries
    monkeypatch.setattr("botocore.endpoint.time.sleep", lambda _: None)
    poller = _poller(stack)
    _upload(stack, "inbox/broken.html", ARTICLE)
    # When the poller receives it as often as the redrive policy allows, and once more
    results = _fail_until_dead_lettered(stack, poller)
    # Then each receive failed it, and it now waits in the dead-letter queue, not the ingest queue
    assert [(r.received, r.failed) for r in results] == [(1, 1)] * _max_receive_count(stack)
    assert _waiting(stack, stack.resources.ingest_queue_url) == 0
    assert _waiting(stack, stack.resources.dead_letter_queue_url) == 1
    assert stack.items() == []


def test_a_redrive_after_the_fix_ingests_the_dead_lettered_message_once(
    stack: MockStack, broken_reads: InjectedFault, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a message dead-lettered while S3 failed, and a healthy one processed meanwhile
    monkeypatch.setattr("botocore.endpoint.time.sleep", lambda _: None)
    poller = _poller(stack)
    _upload(stack, "inbox/broken.html", ARTICLE)
    _fail_until_dead_lettered(stack, poller)
    # When the cause is fixed and the dead-letter queue is redriven
    broken_reads.remove()
    moved = redrive(
        stack.client("sqs"),
        dead_letter_queue_url=stack.resources.dead_letter_queue_url,
        queue_url=stack.resources.ingest_queue_url,
    )
    poller.poll_once()
    # Then the message was moved back, processed once, and both queues are empty
    assert moved.moved == 1
    assert [(i.source_key, i.status) for i in stack.items()] == [("inbox/broken.html", "stored")]
    assert len(stack.notices()) == 1
    assert _waiting(stack, stack.resources.ingest_queue_url) == 0
    assert _waiting(stack, stack.resources.dead_letter_queue_url) == 0


def test_a_bad_document_is_settled_on_first_receive_and_never_dead_lettered(stack: MockStack) -> None:
    # Given a message announcing a PNG named .html
    poller = _poller(stack)
    _upload(stack, "inbox/picture.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    # When the poller receives it
    result = poller.poll_once()
    # Then it is done at once: recorded as rejected, announced, and gone from both queues
    assert (result.received, result.failed) == (1, 0)
    assert [(i.status, i.reason) for i in stack.items()] == [("rejected", "unsupported_type")]
    assert [n["type"] for n in stack.notices()] == ["article.rejected"]
    assert _waiting(stack, stack.resources.ingest_queue_url) == 0
    assert _waiting(stack, stack.resources.dead_letter_queue_url) == 0


def test_a_message_that_is_no_event_at_all_is_dead_lettered_not_retried_forever(stack: MockStack) -> None:
    # Given a message whose body is not an S3 event
    poller = _poller(stack)
    stack.client("sqs").send_message(QueueUrl=stack.resources.ingest_queue_url, MessageBody="not json")
    # When it has been received as often as the redrive policy allows
    _fail_until_dead_lettered(stack, poller)
    # Then it rests in the dead-letter queue for a person to inspect
    assert _waiting(stack, stack.resources.ingest_queue_url) == 0
    assert _waiting(stack, stack.resources.dead_letter_queue_url) == 1
