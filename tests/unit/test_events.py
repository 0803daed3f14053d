"""The three event shapes reduce to one ObjectRef with a decoded key."""

from __future__ import annotations

import json

import pytest

from article_ingest.aws.events import UnsupportedEventError, refs_from_event, refs_from_sqs_body
from tests.support import events


def test_the_sample_sqs_event_body_yields_the_decoded_key() -> None:
    # Given the SQS sample event, whose S3 key is URL-encoded
    body = events.load("sqs-s3-notification.json")["Records"][0]["body"]
    # When its body is read
    refs = refs_from_sqs_body(body)
    # Then "+" became a space and "%2B" a plus sign
    assert [r.key for r in refs] == ["inbox/my article+1.html"]
    assert refs[0].sequencer == "0055AED6DCD90281E5"


def test_a_direct_s3_notification_keeps_version_etag_and_size() -> None:
    # Given the direct S3 sample event / When read
    (ref,) = refs_from_event(events.load("s3-notification.json"))
    # Then the object's identity is complete
    assert (ref.bucket, ref.version_id, ref.etag, ref.size) == (
        "article-ingest-inbox",
        "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd",
        "0123456789abcdef0123456789abcdef",
        2048,
    )


def test_an_eventbridge_key_is_taken_as_is_because_it_is_not_url_encoded() -> None:
    # Given an EventBridge event whose key holds a literal plus sign
    event = events.eventbridge(bucket="b", key="a+b c.html")
    # When read / Then the plus sign survives
    assert [r.key for r in refs_from_event(event)] == ["a+b c.html"]


def test_all_three_shapes_of_one_object_give_the_same_key() -> None:
    # Given one key announced in each shape
    key = "inbox/ünï cödé+%.html"
    s3 = events.s3_notification(bucket="b", key=key)
    shapes = [
        refs_from_sqs_body(json.dumps(s3)),
        refs_from_event(s3),
        refs_from_event(events.eventbridge(bucket="b", key=key)),
    ]
    # Then every shape names the same object
    assert {refs[0].key for refs in shapes} == {key}


def test_a_moto_style_notification_without_sequencer_or_identity_is_accepted() -> None:
    # Given an S3 record without the fields moto leaves out
    event = events.s3_notification(bucket="b", key="k.html")
    record = event["Records"][0]
    for name in ("userIdentity", "requestParameters", "responseElements"):
        record.pop(name)
    # When read / Then it still yields the object, with no sequencer
    (ref,) = refs_from_event(event)
    assert (ref.key, ref.sequencer) == ("k.html", None)


def test_s3s_setup_test_message_yields_no_objects() -> None:
    # Given the message S3 sends when a notification is configured
    body = json.dumps({"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": "b"})
    # When read / Then nothing is to be ingested
    assert refs_from_sqs_body(body) == []


@pytest.mark.parametrize("body", ["not json", "[1, 2]", json.dumps({"hello": "world"})])
def test_an_unknown_sqs_body_is_refused(body: str) -> None:
    # Given a body of no supported shape / When read / Then it is refused with a clear error
    with pytest.raises(UnsupportedEventError):
        refs_from_sqs_body(body)
