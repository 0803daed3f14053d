"""Every object put into the inbox gets a definite outcome, whatever its name or content."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from article_ingest.models.items import article_id
from tests.support import events
from tests.support.stack import MockStack

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ARTICLE = (SAMPLES / "bbc-1.html").read_bytes()
TRUNCATED_GZIP = gzip.compress(ARTICLE)[:2_000]
MARKDOWN = b"# Buses return\n\nThe council voted on Tuesday to expand the city's bus network. " * 5

# key -> (body, expected status, expected reason)
UPLOADS = {
    "inbox/UPPER.HTML": (ARTICLE, "stored", None),
    "inbox/Mixed.Htm": (ARTICLE, "stored", None),
    "inbox/no-extension": (ARTICLE, "stored", None),
    "inbox/notes.md": (MARKDOWN, "stored", None),
    "inbox/report.pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 8, "rejected", "unsupported_type"),
    "inbox/cut-off.html.gz": (TRUNCATED_GZIP, "rejected", "corrupt"),
}


@pytest.mark.parametrize("key", list(UPLOADS))
def test_an_object_of_any_name_is_announced_and_ends_stored_or_rejected_with_a_reason(
    stack: MockStack, key: str
) -> None:
    body, status, reason = UPLOADS[key]
    # Given an object uploaded to the inbox under a name no suffix rule would have matched
    stack.announced()  # S3's test event, sent when the notification was configured
    stack.put(key, body)
    # When the bucket's announcements reach the function
    announced = stack.announced()
    result = stack.invoke(events.sqs_batch(*announced))
    # Then it was announced once and has its item and its notice
    assert (len(announced), result) == (1, {"batchItemFailures": []})
    item = stack.item(article_id(stack.resources.inbox_bucket, key))
    assert item is not None
    assert (item.status, item.reason) == (status, reason)
    assert [notice["article_id"] for notice in stack.notices()] == [item.id]
