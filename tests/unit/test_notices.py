"""The SNS notice: versioned, bounded, filterable, stable per version."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from article_ingest.errors import RejectionReason
from article_ingest.extraction import Article
from article_ingest.models.items import SourceFacts, rejected_item, stored_item
from article_ingest.models.notices import MAX_NOTICE_BYTES, SCHEMA_VERSION, notice_for
from article_ingest.models.refs import ObjectRef

REF = ObjectRef(bucket="inbox", key="k.html", version_id="v1", etag="e1")
FACTS = SourceFacts(ref=REF, order_key="t:1")


def _article(**fields: Any) -> Article:
    return replace(Article(title="Title", text="some body text", html="<p>some body text</p>"), **fields)


def test_a_stored_notice_has_the_schema_fields_and_never_the_body() -> None:
    # Given a stored item / When announced
    notice = notice_for(stored_item(FACTS, _article(language="en", site_name="Example")), table="articles")
    document = json.loads(notice.to_json())
    # Then it is a versioned summary that says where to fetch the article
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["type"] == "article.stored"
    assert document["fetch"] == {"table": "articles", "id": document["article_id"], "body_s3_uri": None}
    assert "text" not in document
    assert "html" not in document


def test_message_attributes_carry_type_language_and_site_for_filter_policies() -> None:
    # Given a stored item with language and site / When announced
    notice = notice_for(stored_item(FACTS, _article(language="fr", site_name="Le Monde")), table="t")
    # Then subscribers can filter on them
    assert notice.message_attributes() == {
        "type": {"DataType": "String", "StringValue": "article.stored"},
        "language": {"DataType": "String", "StringValue": "fr"},
        "site": {"DataType": "String", "StringValue": "Le Monde"},
    }


def test_the_language_source_goes_with_the_language_so_a_policy_can_skip_guesses() -> None:
    # Given a stored item whose language was detected, not declared
    article = _article(language="fi", sources={"language": "detected", "title": "title"})
    # When announced
    notice = notice_for(stored_item(FACTS, article), table="t")
    # Then the notice and its attributes say the language is a detection
    assert json.loads(notice.to_json())["language_source"] == "detected"
    assert notice.message_attributes()["language_source"] == {"DataType": "String", "StringValue": "detected"}


def test_the_item_keeps_the_sources_of_the_fields_it_holds_only() -> None:
    # Given an article whose image URL is not safe to store
    article = _article(image="javascript:alert(1)", sources={"title": "json-ld", "image": "opengraph"})
    # When mapped to its item
    item = stored_item(FACTS, article)
    # Then the dropped image's source is dropped with it
    assert (item.image, item.sources) == (None, {"title": "json-ld"})


def test_a_rejected_notice_names_the_reason_and_has_no_empty_attributes() -> None:
    # Given a rejected item / When announced
    notice = notice_for(rejected_item(FACTS, RejectionReason.EMPTY, "no content", "x/1"), table="t")
    # Then type and reason say what happened, and empty attributes are left out
    assert (notice.type, notice.reason) == ("article.rejected", "empty")
    assert set(notice.message_attributes()) == {"type"}


def test_the_notice_id_is_the_same_for_every_redelivery_of_one_version() -> None:
    # Given the same version announced twice / Then subscribers can dedupe on notice_id
    first = notice_for(stored_item(FACTS, _article()), table="t")
    second = notice_for(stored_item(FACTS, _article()), table="t")
    other = notice_for(stored_item(SourceFacts(ref=REF, order_key="t:2"), _article()), table="t")
    assert first.notice_id == second.notice_id
    assert first.notice_id != other.notice_id


def test_a_notice_of_hostile_metadata_stays_under_snss_limit() -> None:
    # Given metadata as large as a hostile page can make it
    article = _article(
        title="T" * 1_000_000,
        authors=tuple("A" * 10_000 for _ in range(1000)),
        site_name="S" * 1_000_000,
        text="word " * 1_000_000,
    )
    # When announced / Then the message fits SNS
    notice = notice_for(stored_item(FACTS, article), table="t")
    assert len(notice.to_json().encode()) < MAX_NOTICE_BYTES
