"""A reprocess message is an S3 notification the function reads back as the object's current version."""

from __future__ import annotations

from datetime import UTC, datetime

from article_ingest.aws.events import refs_from_event
from article_ingest.models.items import order_key
from article_ingest.models.refs import ObjectRef
from article_ingest_local.reprocess import (
    LOWEST_SEQUENCER,
    REPROCESS_MARKER,
    StackNames,
    StoredFacts,
    notification,
    sequencer_for,
)

NAMES = StackNames(bucket="inbox", table="articles", queue_url="http://queue", region="eu-west-1")
REQUESTED_AT = datetime(2026, 11, 25, 10, 0, 0, 123456, tzinfo=UTC)
HEAD = {"ContentLength": 2048, "ETag": '"0123abcd"', "VersionId": "v7"}


def test_the_function_reads_a_reprocess_message_as_the_objects_current_version() -> None:
    # Given the current version of a key with spaces and a plus sign, as HeadObject reports it
    # When its reprocess message is built and read back by the function's event code
    event = notification(NAMES, "inbox/a b+c.html", HEAD, sequencer="00AB", requested_at=REQUESTED_AT)
    # Then it names that version, at the time of the request, marked as a reprocess
    assert refs_from_event(event) == [
        ObjectRef(
            bucket="inbox",
            key="inbox/a b+c.html",
            version_id="v7",
            etag="0123abcd",
            size=2048,
            sequencer="00AB",
            event_time="2026-11-25T10:00:00.123456Z",
        )
    ]
    assert event["Records"][0][REPROCESS_MARKER] == {"requestedAt": "2026-11-25T10:00:00.123456Z"}


def test_an_unversioned_object_is_announced_without_a_version() -> None:
    # Given HeadObject's answer for a bucket without versioning ("null")
    head = {**HEAD, "VersionId": "null"}
    # When its message is built / Then the function reads no version id
    (ref,) = refs_from_event(notification(NAMES, "k", head, sequencer=None, requested_at=REQUESTED_AT))
    assert ref.version_id is None


def test_a_reprocess_ranks_with_the_stored_item_and_below_any_real_upload() -> None:
    # Given an item ordered by a real S3 sequencer, an item ordered by time, and no item at all
    stored = StoredFacts(
        extractor="article-ingest/0.1.0", order_key=order_key(ObjectRef("b", "k", sequencer="9F"), None)
    )
    timed = StoredFacts(extractor=None, order_key="e:20261125T100000000000")
    # When the message's sequencer is chosen
    # Then it is the stored one (equal keys overwrite), none (the request time orders it), or the lowest
    assert order_key(ObjectRef("b", "k", sequencer=sequencer_for(stored)), None) == stored.order_key
    assert sequencer_for(timed) is None
    assert sequencer_for(None) == LOWEST_SEQUENCER
