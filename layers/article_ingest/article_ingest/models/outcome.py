"""The result of ingesting one object: what happened, in a form Powertools can persist."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from article_ingest.extraction.errors import RejectionReason

OutcomeKind = Literal["stored", "rejected", "superseded"]

# Reasons decided outside the extraction pipeline (which has its own RejectionReason codes).
REASON_MISSING = "missing"  # the object (version) was deleted before it was read
REASON_NOT_DOCUMENT = "not_document"  # a folder marker or an OS metadata file
REASON_TOO_LARGE = RejectionReason.TOO_LARGE.value  # the same code, decided before download
REASON_INTERNAL_ERROR = "internal_error"  # an extractor bug: recorded, logged, never retried


@dataclass(frozen=True, slots=True)
class Outcome:
    """What ingesting one object version did."""

    kind: OutcomeKind
    article_id: str
    reason: str | None = None
    notice_id: str | None = None
    words: int = 0
