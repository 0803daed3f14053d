"""The vocabulary every layer shares: why an object was rejected, and one root for every error.

The split that matters to the queue is permanent versus transient:

- `PermanentError`: the object has a definite outcome, a rejection with a `RejectionReason`. The
  ingest service records it in the table and announces it, and the message is never retried.
- `TransientError`: a retry can succeed (a throttle, a timeout, a 5xx). It is raised through to
  the batch, so the queue delivers the message again (and dead-letters it after five tries).

Other subclasses of `ArticleIngestError` are neither an object's outcome nor worth a retry (an
event of no known shape, a missing setting, a local command's bad input); each says where it is
raised and what becomes of it. This module imports nothing of the package: the extraction, the
models, the adapters and the service all stand on it (tests/unit/test_layering.py).
"""

from __future__ import annotations

from enum import StrEnum


class RejectionReason(StrEnum):
    """Why an object yielded no article: stored in the table's `reason` and sent in
    `article.rejected` notices (schemas/*.json list the same codes)."""

    # Decided by the extraction pipeline (extraction/), from the document's bytes.
    EMPTY = "empty"  # zero bytes or only whitespace
    UNSUPPORTED_TYPE = "unsupported_type"  # a known format that is not text: PDF, image, archive ...
    BINARY = "binary"  # not text and no known format: mostly control bytes
    CORRUPT = "corrupt"  # a compressed file that is truncated or broken
    TOO_LARGE = "too_large"  # over the byte limit: declared by the event, read from S3, or decompressed
    UNDECODABLE = "undecodable"  # bytes that no charset can make into text
    NOT_ARTICLE = "not_article"  # text, but no article content (a listing, a login page)
    HOSTILE_MARKUP = "hostile_markup"  # markup the parser cannot finish (see input/parse.py)
    # Decided around the extraction, by the source adapter and the ingest service.
    MISSING = "missing"  # the object (version) was deleted before it was read
    NOT_DOCUMENT = "not_document"  # a folder marker or an OS metadata file
    INTERNAL_ERROR = "internal_error"  # an extractor bug: recorded, logged, never retried


class ArticleIngestError(Exception):
    """The root of every error this project raises, so a caller can tell ours from a library's."""


class PermanentError(ArticleIngestError):
    """A definite outcome for one object: record it, announce it, never retry it.

    Raised (through its subclasses) by the extraction, the S3 source and the ingest service;
    caught in one place, `IngestService.ingest`, which turns it into a rejected item.
    """

    def __init__(self, reason: RejectionReason, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail


class TransientError(ArticleIngestError):
    """A failure a later attempt can fix: raised through to the batch, so the queue retries.

    Raised (through its subclasses) by the AWS adapters and by the handler for a direct event;
    never caught by the service.
    """
