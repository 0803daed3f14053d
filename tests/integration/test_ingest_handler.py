"""The handler in process against the template's resources (moto mock_aws)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError
from botocore.exceptions import ClientError

from article_ingest.models.items import article_id
from tests.support import events
from tests.support.stack import MockStack

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ARTICLE = (SAMPLES / "bbc-1.html").read_bytes()


def _notification(stack: MockStack, key: str, put: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return events.for_upload(stack.resources.inbox_bucket, key, put, **extra)


def test_an_sqs_wrapped_notification_stores_the_article_and_publishes_one_notice(stack: MockStack) -> None:
    # Given an article in the inbox
    put = stack.put("inbox/bbc.html", ARTICLE, ContentType="text/html")
    # When the SQS-wrapped S3 notification is handled
    result = stack.invoke(events.sqs_batch(_notification(stack, "inbox/bbc.html", put)))
    # Then the batch succeeds, the item is stored and one notice announces it
    assert result == {"batchItemFailures": []}
    item = stack.item(article_id(stack.resources.inbox_bucket, "inbox/bbc.html"))
    assert item is not None
    assert item.status == "stored"
    assert "gun" in (item.title or "").lower()
    assert item.word_count > 300
    assert item.source_version == put["VersionId"]
    notices = stack.notices()
    assert [n["type"] for n in notices] == ["article.stored"]
    assert notices[0]["article_id"] == item.id
    assert "text" not in notices[0]


def test_a_redelivered_event_stores_and_notifies_once(stack: MockStack) -> None:
    # Given an event that was already processed
    put = stack.put("inbox/bbc.html", ARTICLE)
    event = events.sqs_batch(_notification(stack, "inbox/bbc.html", put))
    stack.invoke(event)
    # When it is delivered three more times
    for _ in range(3):
        assert stack.invoke(event) == {"batchItemFailures": []}
    # Then there is one item and one notice
    assert len(stack.items()) == 1
    assert len(stack.notices()) == 1


def test_a_key_with_plus_and_space_is_decoded_on_all_three_event_shapes(stack: MockStack) -> None:
    # Given an object whose key holds a space and a plus sign
    key = "inbox/my article+1.html"
    put = stack.put(key, ARTICLE)
    version, etag = str(put["VersionId"]), str(put["ETag"]).strip('"')
    bucket = stack.resources.inbox_bucket
    shapes = [
        events.sqs_batch(events.s3_notification(bucket=bucket, key=key, version_id=version, etag=etag)),
        events.s3_notification(bucket=bucket, key=key, version_id=version, etag=etag),
        events.eventbridge(bucket=bucket, key=key, version_id=version, etag=etag),
    ]
    # When each shape is handled
    for event in shapes:
        stack.invoke(event)
    # Then all three resolve to the same object: one stored item, never a missing source
    items = stack.items()
    assert [(i.source_key, i.status) for i in items] == [(key, "stored")]


def test_an_empty_upload_is_recorded_as_rejected_and_announced(stack: MockStack) -> None:
    # Given an empty file
    put = stack.put("inbox/empty.txt", b"")
    # When it is handled
    stack.invoke(events.sqs_batch(_notification(stack, "inbox/empty.txt", put, size=0)))
    # Then the table and a notice say why
    item = stack.item(article_id(stack.resources.inbox_bucket, "inbox/empty.txt"))
    assert item is not None
    assert (item.status, item.reason) == ("rejected", "empty")
    assert [(n["type"], n["reason"]) for n in stack.notices()] == [("article.rejected", "empty")]


def test_an_older_event_arriving_late_does_not_overwrite_the_newer_article(stack: MockStack) -> None:
    # Given two versions of one key, the newer already ingested
    old = stack.put("inbox/story.html", ARTICLE)
    new = stack.put("inbox/story.html", (SAMPLES / "medium-1.html").read_bytes())
    stack.invoke(events.sqs_batch(_notification(stack, "inbox/story.html", new, sequencer="00A2")))
    # When the older version's event arrives afterwards
    stack.invoke(events.sqs_batch(_notification(stack, "inbox/story.html", old, sequencer="0091")))
    # Then the article is still the newer one, and only it was announced
    item = stack.item(article_id(stack.resources.inbox_bucket, "inbox/story.html"))
    assert item is not None
    assert item.source_version == new["VersionId"]
    assert len(stack.notices()) == 1


def test_a_newer_upload_of_the_same_key_replaces_the_article(stack: MockStack) -> None:
    # Given an ingested article
    old = stack.put("inbox/story.html", ARTICLE)
    stack.invoke(events.sqs_batch(_notification(stack, "inbox/story.html", old, sequencer="0091")))
    # When a newer upload of the key is ingested
    new = stack.put("inbox/story.html", (SAMPLES / "medium-1.html").read_bytes())
    stack.invoke(events.sqs_batch(_notification(stack, "inbox/story.html", new, sequencer="00A2")))
    # Then the item holds the newer version
    item = stack.item(article_id(stack.resources.inbox_bucket, "inbox/story.html"))
    assert item is not None
    assert item.source_version == new["VersionId"]
    assert "Medium" in (item.site_name or "")


def test_a_throttled_read_fails_only_its_own_record_and_the_rest_of_the_batch_succeeds(
    stack: MockStack,
) -> None:
    # Given two objects, and S3 throttling every read of the first one
    good = stack.put("inbox/good.html", ARTICLE)
    bad = stack.put("inbox/throttled.html", ARTICLE)
    s3 = stack.app.runtime().s3

    def throttle(params: dict[str, object], **_: object) -> None:
        if params.get("Key") == "inbox/throttled.html":
            raise ClientError({"Error": {"Code": "SlowDown", "Message": "slow down"}}, "GetObject")

    s3.meta.events.register("provide-client-params.s3.GetObject", throttle)
    # When both arrive in one batch
    result = stack.invoke(
        events.sqs_batch(
            _notification(stack, "inbox/throttled.html", bad), _notification(stack, "inbox/good.html", good)
        )
    )
    # Then only the throttled record is reported for retry, and the other is stored and announced
    assert result == {"batchItemFailures": [{"itemIdentifier": "message-0"}]}
    assert [i.source_key for i in stack.items()] == ["inbox/good.html"]
    assert len(stack.notices()) == 1


def test_a_publish_failure_after_the_write_still_ends_with_one_notice_on_retry(stack: MockStack) -> None:
    # Given the topic failing once, after the item is written
    put = stack.put("inbox/bbc.html", ARTICLE)
    event = events.sqs_batch(_notification(stack, "inbox/bbc.html", put))
    sns = stack.app.runtime().sns
    failures = {"left": 1}

    def fail_once(**_: object) -> None:
        if failures["left"]:
            failures["left"] -= 1
            raise ClientError({"Error": {"Code": "InternalError", "Message": "boom"}}, "Publish")

    sns.meta.events.register("before-call.sns.Publish", fail_once)
    # When the message is delivered and fails (a batch whose every record failed raises, so
    # Lambda retries it whole), then is delivered again
    with pytest.raises(BatchProcessingError):
        stack.invoke(event)
    second = stack.invoke(event)
    # Then the retry stores the article and sends its one notice
    assert second == {"batchItemFailures": []}
    assert len(stack.items()) == 1
    assert [n["type"] for n in stack.notices()] == ["article.stored"]


def test_a_body_too_large_for_an_item_is_kept_in_the_bodies_bucket(stack: MockStack) -> None:
    # Given an article whose text is far past DynamoDB's 400 KB item limit
    paragraph = "<p>" + " ".join(f"word{i}" for i in range(200)) + "</p>"
    page = (
        f"<html><head><title>Long read</title></head><body><article>{paragraph * 600}</article></body></html>"
    )
    put = stack.put("inbox/long.html", page.encode())
    # When it is ingested
    stack.invoke(events.sqs_batch(_notification(stack, "inbox/long.html", put)))
    # Then the item points at the body in S3, and reading it back gives the full text
    raw = stack.client("dynamodb").get_item(
        TableName=stack.resources.articles_table,
        Key={"id": {"S": article_id(stack.resources.inbox_bucket, "inbox/long.html")}},
    )["Item"]
    assert raw["body_location"]["S"].startswith(f"s3://{stack.resources.bodies_bucket}/")
    assert "text" not in raw
    item = stack.item(raw["id"]["S"])
    assert item is not None
    assert len(item.text or "") > 400_000
    assert stack.notices()[0]["fetch"]["body_s3_uri"] == raw["body_location"]["S"]


def test_an_object_deleted_before_processing_is_recorded_as_missing(stack: MockStack) -> None:
    # Given an object announced, then deleted (its version removed) before the function runs
    put = stack.put("inbox/gone.html", ARTICLE)
    stack.client("s3").delete_object(
        Bucket=stack.resources.inbox_bucket, Key="inbox/gone.html", VersionId=put["VersionId"]
    )
    # When the event is handled
    result = stack.invoke(events.sqs_batch(_notification(stack, "inbox/gone.html", put)))
    # Then it is a definite rejection, not a retry loop
    assert result == {"batchItemFailures": []}
    assert [(i.status, i.reason) for i in stack.items()] == [("rejected", "missing")]
