"""Mapping to the DynamoDB item: stable ids, ordering, bounds."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from article_ingest.aws.dynamodb_store import MAX_ITEM_BYTES, item_size
from article_ingest.errors import RejectionReason
from article_ingest.extraction import Article
from article_ingest.models.items import (
    MAX_AUTHORS,
    MAX_TITLE_CHARS,
    ArticleItem,
    ItemBody,
    SourceFacts,
    article_id,
    excerpt,
    order_key,
    rejected_item,
    sequencer_of,
    stored_item,
)
from article_ingest.models.refs import ObjectRef

REF = ObjectRef(bucket="inbox", key="a/b.html", version_id="v1", etag="e1", size=10)
ARTICLE_ID_OF_INBOX_A_B = "ed77a2aecf0ef4300af4ce5eee24729e"  # pinned: ids are stored keys
LOCATIONS = [("inbox", "a/b.html"), ("inbox", "a/c.html"), ("inbox", "a/B.html"), ("inbox2", "a/b.html")]


def test_the_article_id_is_a_pinned_hex_digest_of_bucket_and_key() -> None:
    # Given a location whose id the table already holds / When its id is made
    # Then it is the same 32 hex digits as ever: another value would orphan every stored item
    assert article_id("inbox", "a/b.html") == ARTICLE_ID_OF_INBOX_A_B
    assert re.fullmatch(r"[0-9a-f]{32}", article_id("other-bucket", "ünï cödé+%.html"))


def test_another_key_or_bucket_gets_another_id() -> None:
    # Given locations that differ in one character of the key, in the bucket, or only in case
    ids = {article_id(bucket, key) for bucket, key in LOCATIONS}
    # Then each has an id of its own
    assert len(ids) == len(LOCATIONS)


def test_every_version_of_a_key_shares_its_id_so_a_newer_upload_replaces_the_article() -> None:
    # Given two uploads of one key: other versions, ETags, sizes and times
    old = ObjectRef(bucket="inbox", key="a/b.html", version_id="v1", etag="e1", size=10, sequencer="01")
    new = ObjectRef(bucket="inbox", key="a/b.html", version_id="v2", etag="e2", size=99, sequencer="02")
    article = Article(title="t", text="x", html="<p>x</p>")
    # When each is mapped to its item
    items = [stored_item(SourceFacts(ref=ref, order_key=order_key(ref, None)), article) for ref in (old, new)]
    # Then both items have the location's id (the table keeps one, the newest), with their own versions
    assert {item.id for item in items} == {ARTICLE_ID_OF_INBOX_A_B}
    assert [item.source_version for item in items] == ["v1", "v2"]


def test_sequencers_of_different_lengths_compare_as_numbers() -> None:
    # Given a short sequencer that is numerically larger than a long one's prefix
    older = ObjectRef(bucket="b", key="k", sequencer="0055AED6DCD90281E5")
    newer = ObjectRef(bucket="b", key="k", sequencer="0055AED6DCD90281E6")
    shorter_but_later = ObjectRef(bucket="b", key="k", sequencer="FF")
    longer_but_earlier = ObjectRef(bucket="b", key="k", sequencer="0000000000000000FE")
    # Then ordering follows the hexadecimal value
    assert order_key(older, None) < order_key(newer, None)
    assert order_key(longer_but_earlier, None) < order_key(shorter_but_later, None)


def test_without_a_sequencer_the_event_time_orders_events() -> None:
    # Given two moto-style events (no sequencer) a millisecond apart
    first = ObjectRef(bucket="b", key="k", event_time="2026-11-25T10:00:00.001Z")
    second = ObjectRef(bucket="b", key="k", event_time="2026-11-25T10:00:00.002Z")
    # Then the later one sorts after, whatever LastModified says
    stamp = datetime(2030, 1, 1, tzinfo=UTC)
    assert order_key(first, stamp) < order_key(second, None)


def test_a_stored_item_clips_hostile_metadata_to_its_bounds() -> None:
    # Given an article with an enormous title and hundreds of authors
    article = Article(title="T" * 100_000, text="body words", html="<p>body words</p>", authors=("A",) * 500)
    # When mapped / Then the fields are bounded
    item = stored_item(SourceFacts(ref=REF, order_key="t:1"), article)
    assert len(item.title or "") == MAX_TITLE_CHARS
    assert len(item.authors) == MAX_AUTHORS
    assert item.status == "stored"


def test_a_rejected_item_carries_the_reason_and_no_body() -> None:
    # Given a rejection / When mapped
    item = rejected_item(
        SourceFacts(ref=REF, order_key="t:1"), RejectionReason.BINARY, "PNG signature", "x/1"
    )
    # Then the reason is kept and no body attributes are written
    attributes = item.to_attributes()
    assert (attributes["status"], attributes["reason"]) == ("rejected", "binary")
    assert "text" not in attributes
    assert "html" not in attributes


def test_empty_values_are_left_out_of_the_attributes_so_index_keys_are_never_empty() -> None:
    # Given an article without site name or date / When mapped
    item = stored_item(SourceFacts(ref=REF, order_key="t:1"), Article(title=None, text="x", html="<p>x</p>"))
    # Then the sparse index keys are absent rather than empty
    attributes = item.to_attributes()
    assert "site_name" not in attributes
    assert "published" not in attributes


def test_a_huge_body_measures_past_the_item_limit_and_without_it_fits() -> None:
    # Given an item with a 1 MB body
    article = Article(title="t", text="word " * 200_000, html="<p>" + "word " * 200_000 + "</p>")
    item = stored_item(SourceFacts(ref=REF, order_key="t:1"), article)
    # Then it would not fit, and moving the body out makes it fit
    assert item_size(item) > MAX_ITEM_BYTES
    assert item_size(item.without_body("s3://bodies/x.json")) < MAX_ITEM_BYTES


def test_the_excerpt_is_cut_at_a_word_boundary() -> None:
    # Given a long text / When excerpted / Then it ends on a whole word with an ellipsis
    text = "alpha " * 200
    cut = excerpt(text)
    assert cut.endswith("alpha…")
    assert len(cut) <= 401


def test_an_event_without_a_sequencer_never_outranks_a_sequenced_one() -> None:
    # Given a real S3 event (sequencer) and a later hand-made one without a sequencer
    sequenced = ObjectRef(bucket="b", key="k", sequencer="0055AED6DCD90281E5")
    unsequenced = ObjectRef(bucket="b", key="k", event_time="2099-01-01T00:00:00.000Z")
    # Then the sequenced event still ranks higher, so it can never be blocked
    assert order_key(unsequenced, None) < order_key(sequenced, None)


def test_the_sequencer_an_order_key_was_made_from_gives_the_same_order_key_again() -> None:
    # Given the order key of a sequenced S3 event, and one of an event without a sequencer
    sequenced = order_key(ObjectRef(bucket="b", key="k", sequencer="0055aed6dcd90281e5"), None)
    timed = order_key(ObjectRef(bucket="b", key="k", event_time="2026-11-25T10:00:00.001Z"), None)
    # When the sequencer is read back (as a reprocess message does)
    sequencer = sequencer_of(sequenced)
    # Then it orders a new event exactly where the stored one stands, and a timed key has none
    assert sequencer is not None
    assert order_key(ObjectRef(bucket="b", key="k", sequencer=sequencer), None) == sequenced
    assert sequencer_of(timed) is None


def test_an_item_read_back_from_the_table_has_the_attributes_written_and_their_types() -> None:
    # Given a stored and a rejected item as DynamoDB returns them (numbers as Decimal)
    facts = SourceFacts(ref=REF, order_key="t:1")
    stored = stored_item(facts, Article(title="T", text="a b", html="<p>a b</p>", authors=("Ada",)))
    rejected = rejected_item(facts, RejectionReason.MISSING, "gone", "x/1")
    for item in (stored, rejected):
        written = item.to_attributes()
        returned = {name: Decimal(v) if isinstance(v, int) else v for name, v in written.items()}
        # When mapped back
        read = ArticleItem.from_attributes(returned)
        # Then it writes the same attributes again, its counts are ints and its reason the enum
        assert read.to_attributes() == written
        assert (type(read.word_count), type(read.source_size)) == (int, int)
        assert read.reason is item.reason


def test_an_overflowed_body_read_back_makes_the_item_whole_again() -> None:
    # Given a stored item whose body is moved out to S3 as a JSON document
    article = Article(
        title="T", text="body", html="<p>body</p>", markdown="body", links=("https://a.example/",)
    )
    item = stored_item(SourceFacts(ref=REF, order_key="t:1"), article)
    location = "s3://bodies/bodies/x.json"
    document = item.body().to_json()
    # When the document is read back into the item that was written without it
    whole = item.without_body(location).with_body(ItemBody.from_json(document.encode()))
    # Then the body is back, and the item still says where it was kept
    assert whole == replace(item, body_location=location)
    assert json.loads(document) == {
        "text": "body",
        "html": "<p>body</p>",
        "markdown": "body",
        "links": ["https://a.example/"],
    }
