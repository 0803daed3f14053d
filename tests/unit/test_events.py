"""The three event shapes reduce to one ObjectRef with a decoded key."""

from __future__ import annotations

import json

import pytest
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from article_ingest.aws.events import (
    UnsupportedEventError,
    refs_from_event,
    refs_from_sqs_record,
    s3_notification,
)
from article_ingest.models.refs import ObjectRef
from tests.support import events


def _sqs_record(body: str) -> SQSRecord:
    """The sample SQS record, carrying `body`."""
    return SQSRecord({**events.load("sqs-s3-notification.json")["Records"][0], "body": body})


def test_the_sample_sqs_event_body_yields_the_decoded_key() -> None:
    # Given the SQS sample event, whose S3 key is URL-encoded
    record = SQSRecord(events.load("sqs-s3-notification.json")["Records"][0])
    # When its body is read
    refs = refs_from_sqs_record(record)
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
        refs_from_sqs_record(_sqs_record(json.dumps(s3))),
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
    assert refs_from_sqs_record(_sqs_record(body)) == []


@pytest.mark.parametrize("body", ["not json", "[1, 2]", json.dumps({"hello": "world"})])
def test_an_unknown_sqs_body_is_refused(body: str) -> None:
    # Given a body of no supported shape / When read / Then it is refused with a clear error
    with pytest.raises(UnsupportedEventError):
        refs_from_sqs_record(_sqs_record(body))


def test_the_factory_rebuilds_the_sample_s3_notification_exactly() -> None:
    # Given the object the sample S3 notification announces
    sample = events.load("s3-notification.json")
    (ref,) = refs_from_event(sample)
    # When the factory builds a notification for it (through the code reprocess sends with)
    built = events.s3_notification(
        bucket=ref.bucket,
        key=ref.key,
        version_id=ref.version_id,
        etag=ref.etag,
        size=ref.size or 0,
        sequencer=ref.sequencer,
        event_time=ref.event_time,
    )
    # Then it is the sample, to the letter of its encoded key
    assert built == sample


@pytest.mark.parametrize("key", ["inbox/plain.html", "inbox/ünï cödé+%.html", "a/b/c?d=e&f#g.txt"])
def test_a_built_notification_reads_back_as_the_object_it_announces(key: str) -> None:
    # Given an object reference with every field an S3 event carries
    ref = ObjectRef(
        bucket="b",
        key=key,
        version_id="v1",
        etag="e1",
        size=7,
        sequencer="00AB",
        event_time="2026-01-01T00:00:00Z",
    )
    # When it is built into an S3 notification and read back
    event = s3_notification(ref, region="eu-west-1", configuration_id="c")
    # Then nothing is lost on the way, the key above all
    assert refs_from_event(event) == [ref]


def test_a_notification_without_version_or_sequencer_leaves_those_fields_out() -> None:
    # Given an unversioned object announced without a sequencer (as moto and reprocess may)
    ref = ObjectRef(bucket="b", key="k", etag="e", size=1, event_time="2026-01-01T00:00:00Z")
    # When built / Then the fields are absent, as S3 leaves them out, not empty
    obj = s3_notification(ref, region="r", configuration_id="c")["Records"][0]["s3"]["object"]
    assert set(obj) == {"key", "size", "eTag"}
