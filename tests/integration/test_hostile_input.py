"""Hostile and broken input through the handler: each gets a definite outcome, nothing stalls."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from article_ingest.models.items import ArticleItem, article_id
from tests.support import events, hostile
from tests.support.stack import MockStack

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ARTICLE = (SAMPLES / "bbc-1.html").read_bytes()
BATCH_SIZE = 10  # the template's SQS BatchSize
HANDLER_SECONDS = 10  # far under the function's 60 s timeout, for any one hostile document
ACTIVE_MARKUP = re.compile(
    r"<\s*(script|iframe|object|embed|form|input)\b|\son[a-z]+\s*=|javascript:|vbscript:|data:text/html",
    re.IGNORECASE,
)

# The outcome each document must get: a pinned reason where the document leaves no choice.
REJECTED_AS = {
    "empty": "empty",
    "png": "unsupported_type",
    "pdf": "unsupported_type",
    "random": "binary",
    "gzip_bomb": "too_large",
    "all_scripts": "not_article",
}


def _ingest(stack: MockStack, doc: hostile.HostileDocument) -> tuple[dict[str, Any], ArticleItem]:
    """Upload and handle one document; returns the handler's response and the item."""
    put = stack.put(doc.key, doc.body, **doc.put_arguments())
    event = events.for_upload(stack.resources.inbox_bucket, doc.key, put, size=len(doc.body))
    response = stack.invoke(events.sqs_batch(event))
    item = stack.item(article_id(stack.resources.inbox_bucket, doc.key))
    assert item is not None
    return response, item


def _s3_reads(stack: MockStack) -> list[str]:
    """Record the keys the function reads from S3 from now on."""
    reads: list[str] = []
    stack.app.runtime().s3.meta.events.register(
        "before-call.s3.GetObject", lambda params, **_: reads.append(params["Key"])
    )
    return reads


@pytest.mark.parametrize("name", sorted(REJECTED_AS))
def test_a_document_that_holds_no_article_is_rejected_with_its_reason_and_announced(
    stack: MockStack, name: str
) -> None:
    # Given a hostile or broken document in the inbox
    doc = hostile.document(name)
    # When it is handled
    started = time.perf_counter()
    response, item = _ingest(stack, doc)
    elapsed = time.perf_counter() - started
    # Then it is settled (not retried), recorded as rejected with its reason, announced, and quick
    assert response == {"batchItemFailures": []}
    assert (item.status, item.reason) == ("rejected", REJECTED_AS[name])
    assert item.reason_detail
    assert [(n["type"], n["reason"]) for n in stack.notices()] == [("article.rejected", REJECTED_AS[name])]
    assert elapsed < HANDLER_SECONDS


@pytest.mark.parametrize(
    "name",
    [
        "one_byte",
        "invalid_utf8",
        "mixed_encodings",
        "deeply_nested",
        "billion_laughs",
        "attributes_spread",
        "attributes_on_one_element",
    ],
)
def test_a_broken_but_textual_document_gets_a_definite_outcome(stack: MockStack, name: str) -> None:
    # Given a document that is odd but text (which of stored or rejected is the extractor's call)
    doc = hostile.document(name)
    # When it is handled
    started = time.perf_counter()
    response, item = _ingest(stack, doc)
    elapsed = time.perf_counter() - started
    # Then it is settled with a definite status (a rejection always says why) and one notice
    assert response == {"batchItemFailures": []}
    assert item.status == "stored" or (item.status == "rejected" and item.reason)
    assert [n["article_id"] for n in stack.notices()] == [item.id]
    assert elapsed < HANDLER_SECONDS


def test_an_entity_bomb_is_not_expanded(stack: MockStack) -> None:
    # Given XHTML whose internal DTD defines a billion "lol"s
    doc = hostile.document("billion_laughs")
    # When it is handled
    _, item = _ingest(stack, doc)
    # Then nothing was expanded: the stored text and title hold at most a handful of "lol"s
    stored = f"{item.title} {item.text} {item.html}"
    assert stored.count("lol") < 100
    assert len(stored) < 10 * len(doc.body)


def test_an_external_entity_is_neither_read_nor_fetched(stack: MockStack) -> None:
    # Given XHTML declaring entities on /etc/passwd and on a URL
    doc = hostile.document("external_entity")
    # When it is handled
    _, item = _ingest(stack, doc)
    # Then no local file content reached the item
    stored = f"{item.title} {item.text} {item.html}"
    assert "root:" not in stored


def test_nul_bytes_do_not_reach_the_item(stack: MockStack) -> None:
    # Given an article peppered with NUL bytes, title included
    doc = hostile.document("nul_bytes")
    # When it is handled
    _, item = _ingest(stack, doc)
    # Then it is stored without a single NUL in its text fields
    assert item.status == "stored"
    assert all("\0" not in str(getattr(item, field)) for field in ("title", "text", "html", "excerpt"))


def test_script_in_the_title_and_body_comes_out_inert(stack: MockStack) -> None:
    # Given a page with <script> in its title, and scripts, handlers and javascript: URLs in its body
    doc = hostile.document("script_injection")
    # When it is handled
    _, item = _ingest(stack, doc)
    # Then the article is stored, but no markup survives in the title and no active content in the HTML
    assert item.status == "stored"
    assert "Breaking" in (item.title or "")
    assert "<" not in (item.title or "")
    assert ACTIVE_MARKUP.search(item.html or "") is None, ACTIVE_MARKUP.search(item.html or "")
    assert all(link.startswith(("http://", "https://")) for link in item.links)
    notice = stack.notices()[0]
    assert "<" not in notice["title"]


def test_a_file_past_the_limit_is_rejected_from_its_declared_size_without_being_read(
    stack: MockStack,
) -> None:
    # Given a 50 MB HTML file (the limit is MAX_OBJECT_BYTES, 20 MB in the template)
    doc = hostile.HostileDocument("big", "hostile/big.html", hostile.big_html(50 * hostile.MB))
    reads = _s3_reads(stack)
    # When its event (which declares its size) is handled
    response, item = _ingest(stack, doc)
    # Then it is rejected as too large and its bytes were never downloaded
    assert response == {"batchItemFailures": []}
    assert (item.status, item.reason) == ("rejected", "too_large")
    assert reads == []


def test_a_declared_size_of_two_gigabytes_is_rejected_before_any_download(stack: MockStack) -> None:
    # Given an event declaring a 2 GB object
    put = stack.put("hostile/huge.html", ARTICLE)
    event = events.for_upload(stack.resources.inbox_bucket, "hostile/huge.html", put, size=2 * 1024**3)
    reads = _s3_reads(stack)
    # When it is handled
    stack.invoke(events.sqs_batch(event))
    # Then it is rejected as too large without a read
    item = stack.item(article_id(stack.resources.inbox_bucket, "hostile/huge.html"))
    assert item is not None
    assert (item.status, item.reason) == ("rejected", "too_large")
    assert reads == []


def test_an_object_larger_than_its_event_declared_is_cut_off_at_the_limit(
    stack: MockStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a 1 MB limit and a 3 MB object whose event understates its size
    monkeypatch.setenv("MAX_OBJECT_BYTES", str(hostile.MB))
    put = stack.put("hostile/liar.html", hostile.big_html(3 * hostile.MB))
    event = events.for_upload(stack.resources.inbox_bucket, "hostile/liar.html", put, size=100)
    # When it is handled
    stack.invoke(events.sqs_batch(event))
    # Then it is rejected as too large (no more than the limit was read)
    item = stack.item(article_id(stack.resources.inbox_bucket, "hostile/liar.html"))
    assert item is not None
    assert (item.status, item.reason) == ("rejected", "too_large")


def test_the_size_limit_is_configured_by_max_object_bytes(
    stack: MockStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a limit of 10 kB
    monkeypatch.setenv("MAX_OBJECT_BYTES", "10000")
    doc = hostile.HostileDocument("article", "hostile/article.html", ARTICLE)
    # When a larger article is handled
    _, item = _ingest(stack, doc)
    # Then the configured limit applies
    assert (item.status, item.reason) == ("rejected", "too_large")
    assert "10000" in (item.reason_detail or "")


@pytest.mark.parametrize(
    "key",
    [
        "inbox/with space.html",
        "inbox/plus+sign.html",
        "inbox/unicode-Zürich-東京-🙂.html",
        "inbox/100% sure.html",
        "inbox/%2F looks encoded.html",
    ],
)
@pytest.mark.parametrize("shape", ["sqs", "eventbridge"])
def test_a_key_with_special_characters_is_read_and_recorded_under_its_own_name(
    stack: MockStack, key: str, shape: str
) -> None:
    # Given an article under a key with spaces, "+", unicode or "%"
    put = stack.put(key, ARTICLE)
    version, etag, bucket = str(put["VersionId"]), str(put["ETag"]).strip('"'), stack.resources.inbox_bucket
    event = (
        events.sqs_batch(events.s3_notification(bucket=bucket, key=key, version_id=version, etag=etag))
        if shape == "sqs"
        else events.eventbridge(bucket=bucket, key=key, version_id=version, etag=etag)
    )
    # When its event (URL-encoded by S3, plain from EventBridge) is handled
    stack.invoke(event)
    # Then the object was found and the item carries the exact key
    assert [(i.source_key, i.status) for i in stack.items()] == [(key, "stored")]


def test_a_batch_of_hostile_documents_settles_every_record_and_stores_the_good_article(
    stack: MockStack,
) -> None:
    # Given every hostile document and one good article, uploaded and batched as SQS would
    docs = [hostile.document(name) for name in hostile.DOCUMENTS]
    docs.append(hostile.HostileDocument("good", "hostile/good.html", ARTICLE))
    notifications = []
    for doc in docs:
        put = stack.put(doc.key, doc.body, **doc.put_arguments())
        notifications.append(
            events.for_upload(stack.resources.inbox_bucket, doc.key, put, size=len(doc.body))
        )
    # When the batches are handled
    responses = [
        stack.invoke(events.sqs_batch(*notifications[start : start + BATCH_SIZE]))
        for start in range(0, len(notifications), BATCH_SIZE)
    ]
    # Then no record is left for retry, each document has one item and one notice, the good one stored
    assert all(response == {"batchItemFailures": []} for response in responses)
    items = {i.source_key: i for i in stack.items()}
    assert sorted(items) == sorted(doc.key for doc in docs)
    assert items["hostile/good.html"].status == "stored"
    assert len(stack.notices()) == len(docs)
