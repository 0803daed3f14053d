"""Objects that are gone or are no documents end with a definite, logged outcome, never a retry."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from article_ingest.models.items import article_id
from tests.support import events
from tests.support.stack import MockStack

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ARTICLE = (SAMPLES / "bbc-1.html").read_bytes()


class _Records(logging.Handler):
    """Keeps the log records it is handed."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def function_logs(stack: MockStack) -> Iterator[list[logging.LogRecord]]:
    """What the ingest service logs at INFO and above. Taken from the service module's own
    logger: a Powertools child logger is named after the service when its module is first
    imported, and a unit test may have imported it before the function's environment was set."""
    ingest = importlib.import_module("article_ingest.service.ingest")  # loaded with the handler
    service_logger = logging.getLogger(ingest.logger.name)
    handler, level = _Records(), service_logger.level
    service_logger.addHandler(handler)
    service_logger.setLevel(logging.INFO)
    yield handler.records
    service_logger.removeHandler(handler)
    service_logger.setLevel(level)


@pytest.mark.parametrize(
    ("key", "body", "deleted", "reason"),
    [
        ("inbox/gone.html", ARTICLE, True, "missing"),
        ("inbox/folder/", b"", False, "not_document"),
        ("inbox/.DS_Store", b"\0\0\0\1Bud1", False, "not_document"),
        ("inbox/sub/Thumbs.db", b"\0" * 64, False, "not_document"),
    ],
    ids=["deleted-before-processing", "folder-marker", "ds-store", "thumbs-db"],
)
def test_an_object_that_is_gone_or_no_document_is_settled_recorded_announced_and_logged(
    stack: MockStack,
    function_logs: list[logging.LogRecord],
    key: str,
    body: bytes,
    deleted: bool,
    reason: str,
) -> None:
    # Given an announced object that was deleted since, or that is a folder marker or OS file
    put = stack.put(key, body)
    if deleted:
        stack.client("s3").delete_object(
            Bucket=stack.resources.inbox_bucket, Key=key, VersionId=put["VersionId"]
        )
    event = events.sqs_batch(events.for_upload(stack.resources.inbox_bucket, key, put))
    # When its event is handled
    result = stack.invoke(event)
    # Then it is done (no retry), recorded as rejected with the reason, announced, and logged
    assert result == {"batchItemFailures": []}
    item = stack.item(article_id(stack.resources.inbox_bucket, key))
    assert item is not None
    assert (item.status, item.reason) == ("rejected", reason)
    assert [(n["type"], n["reason"]) for n in stack.notices()] == [("article.rejected", reason)]
    rejected = [r for r in function_logs if r.getMessage() == "document rejected"]
    assert [(getattr(r, "key", None), getattr(r, "reason", None)) for r in rejected] == [(key, reason)]
