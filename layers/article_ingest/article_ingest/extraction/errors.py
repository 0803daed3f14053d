"""Why a document is rejected: permanent outcomes, never retried."""

from __future__ import annotations

from enum import StrEnum


class RejectionReason(StrEnum):
    """Reason codes stored in the table and sent in `article.rejected` notices."""

    EMPTY = "empty"  # zero bytes or only whitespace
    UNSUPPORTED_TYPE = "unsupported_type"  # a known format that is not text: PDF, image, archive ...
    BINARY = "binary"  # not text and no known format: mostly control bytes
    CORRUPT = "corrupt"  # a compressed file that is truncated or broken
    TOO_LARGE = "too_large"  # over the configured byte limit, declared or decompressed
    UNDECODABLE = "undecodable"  # bytes that no charset can make into text
    NOT_ARTICLE = "not_article"  # text, but no article content (a listing, a login page)
    HOSTILE_MARKUP = "hostile_markup"  # markup the parser cannot finish (see input/parse.py)


class RejectedDocumentError(Exception):
    """Raised by the extraction pipeline when a document cannot yield an article.

    A bad document is a permanent outcome: callers record and announce it, never retry it.
    """

    def __init__(self, reason: RejectionReason, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail
