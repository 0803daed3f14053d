"""Mapping to the DynamoDB item: stable ids, ordering, bounds."""

from __future__ import annotations

import json
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


def test_the_article_id_depends_only_on_bucket_and_key() -> None:
    # Given two versions of one key and another key / Then ids are stable per location
    assert article_id("inbox", "a/b.html") == article_id("inbox", "a/b.html")
    assert article_id("inbox", "a/b.html") != article_id("inbox", "a/c.html")
    assert len(article_id("inbox", "a/b.html")) == 32


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
