"""Reprocessing re-queues inbox objects, and the handler really extracts and announces them again."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from article_ingest.models.items import article_id
from article_ingest_local.reprocess import ReprocessCount, Reprocessor, Selection, StackNames
from tests.support import events
from tests.support.stack import MockStack

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ARTICLE = (SAMPLES / "bbc-1.html").read_bytes()


def _reprocessor(stack: MockStack) -> Reprocessor:
    names = StackNames(
        bucket=stack.resources.inbox_bucket,
        table=stack.resources.articles_table,
        queue_url=stack.resources.ingest_queue_url,
    )
    return Reprocessor(
        s3=stack.client("s3"), dynamodb=stack.client("dynamodb"), sqs=stack.client("sqs"), names=names
    )


def _drain_ingest_queue(stack: MockStack) -> list[dict[str, Any]]:
    return stack.announced()


def _ingest(stack: MockStack, key: str, put: dict[str, Any]) -> None:
    """Handle the upload's notification, then forget what S3 itself queued."""
    event = events.for_upload(stack.resources.inbox_bucket, key, put)
    assert stack.invoke(events.sqs_batch(event)) == {"batchItemFailures": []}
    _drain_ingest_queue(stack)
    stack.notices()


def _age_item(stack: MockStack, key: str, extractor: str) -> None:
    """Make the stored item look like an older extractor's work."""
    stack.client("dynamodb").update_item(
        TableName=stack.resources.articles_table,
        Key={"id": {"S": article_id(stack.resources.inbox_bucket, key)}},
        UpdateExpression="SET extractor = :old, title = :stale",
        ExpressionAttributeValues={":old": {"S": extractor}, ":stale": {"S": "stale title"}},
    )


def test_a_reprocessed_object_is_extracted_again_and_announced_again(stack: MockStack) -> None:
    # Given an ingested article whose item an older extractor wrote
    put = stack.put("inbox/bbc.html", ARTICLE, ContentType="text/html")
    _ingest(stack, "inbox/bbc.html", put)
    _age_item(stack, "inbox/bbc.html", "article-ingest/0.0.1")
    # When it is reprocessed and the queued message is handled
    count = _reprocessor(stack).run(Selection(prefix="inbox/"))
    queued = _drain_ingest_queue(stack)
    result = stack.invoke(events.sqs_batch(*queued))
    # Then the item is extracted anew (current extractor, real title) and one new notice says so
    assert (count.queued, len(queued), result) == (1, 1, {"batchItemFailures": []})
    item = stack.item(article_id(stack.resources.inbox_bucket, "inbox/bbc.html"))
    assert item is not None
    assert item.title != "stale title"
    assert item.extractor != "article-ingest/0.0.1"
    assert item.source_version == put["VersionId"]
    assert [n["type"] for n in stack.notices()] == ["article.stored"]


def test_a_reprocess_message_delivered_twice_is_extracted_once(stack: MockStack) -> None:
    # Given an ingested article and one reprocess message for it
    put = stack.put("inbox/bbc.html", ARTICLE)
    _ingest(stack, "inbox/bbc.html", put)
    _reprocessor(stack).run(Selection(prefix="inbox/"))
    event = events.sqs_batch(*_drain_ingest_queue(stack))
    # When that message is delivered three times
    for _ in range(3):
        assert stack.invoke(event) == {"batchItemFailures": []}
    # Then it was announced once
    assert len(stack.notices()) == 1


def test_extractor_older_than_selects_only_items_made_by_older_extractors(stack: MockStack) -> None:
    # Given two ingested articles, one made by an old extractor, and a file never ingested
    for key in ("inbox/old.html", "inbox/new.html"):
        _ingest(stack, key, stack.put(key, ARTICLE))
    _age_item(stack, "inbox/old.html", "article-ingest/0.0.9")
    stack.put("inbox/never.html", ARTICLE)
    _drain_ingest_queue(stack)
    # When reprocessing asks for articles older than a version past 0.0.9 but not past the current one
    count = _reprocessor(stack).run(Selection(prefix="inbox/", extractor_older_than="0.1.0"))
    # Then the old article and the never-ingested file are queued, the current article is not
    keys = sorted(body["Records"][0]["s3"]["object"]["key"] for body in _drain_ingest_queue(stack))
    assert keys == ["inbox/never.html", "inbox/old.html"]
    assert count == ReprocessCount(scanned=3, queued=2, skipped=1)


def test_since_leaves_out_older_objects_and_every_other_file_is_requeued_whatever_its_name(
    stack: MockStack,
) -> None:
    # Given an article and a photo (the function decides by content, so both are announced)
    stack.put("inbox/story.html", ARTICLE)
    stack.put("inbox/photo.jpg", b"\xff\xd8")
    _drain_ingest_queue(stack)
    # When reprocessing asks for objects modified from tomorrow on, then for every object
    tomorrow = datetime.now(UTC).replace(year=datetime.now(UTC).year + 1)
    none_yet = _reprocessor(stack).run(Selection(prefix="inbox/", since=tomorrow))
    every = _reprocessor(stack).run(Selection(prefix="inbox/"))
    # Then the first queues nothing and the second both
    assert none_yet.queued == 0
    keys = [body["Records"][0]["s3"]["object"]["key"] for body in _drain_ingest_queue(stack)]
    assert (every.queued, sorted(keys)) == (2, ["inbox/photo.jpg", "inbox/story.html"])


def test_a_reprocessed_object_keeps_losing_to_a_newer_upload(stack: MockStack) -> None:
    # Given an article stored from an event with a sequencer, then a newer upload of its key
    old = stack.put("inbox/story.html", ARTICLE)
    inbox = stack.resources.inbox_bucket
    stack.invoke(events.sqs_batch(events.for_upload(inbox, "inbox/story.html", old, sequencer="0091")))
    _drain_ingest_queue(stack)
    stack.notices()
    # When reprocessing re-queues the key and a newer upload's event (a later sequencer) lands first
    _reprocessor(stack).run(Selection(prefix="inbox/"))
    reprocess_event = events.sqs_batch(*_drain_ingest_queue(stack))
    new = stack.put("inbox/story.html", (SAMPLES / "medium-1.html").read_bytes())
    inbox = stack.resources.inbox_bucket
    stack.invoke(events.sqs_batch(events.for_upload(inbox, "inbox/story.html", new, sequencer="00A2")))
    stack.invoke(reprocess_event)
    # Then the newer upload's article stays
    item = stack.item(article_id(stack.resources.inbox_bucket, "inbox/story.html"))
    assert item is not None
    assert item.source_version == new["VersionId"]
