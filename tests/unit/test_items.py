"""Mapping to the DynamoDB item: stable ids, ordering, bounds."""

from __future__ import annotations

from datetime import UTC, datetime

from article_ingest.aws.dynamodb_store import MAX_ITEM_BYTES, item_size
from article_ingest.errors import RejectionReason
from article_ingest.extraction import Article
from article_ingest.models.items import (
    MAX_AUTHORS,
    MAX_TITLE_CHARS,
    SourceFacts,
    article_id,
    excerpt,
    order_key,
    rejected_item,
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
