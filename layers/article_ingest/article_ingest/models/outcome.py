"""The result of ingesting one object: what happened, in a form Powertools can persist."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from article_ingest.errors import RejectionReason

OutcomeKind = Literal["stored", "rejected", "superseded"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What ingesting one object version did."""

    kind: OutcomeKind
    article_id: str
    reason: RejectionReason | None = None
    notice_id: str | None = None
    words: int = 0

    def __post_init__(self) -> None:
        # The idempotency layer replays a saved outcome from JSON, where the reason is a string.
        if self.reason is not None and not isinstance(self.reason, RejectionReason):
            object.__setattr__(self, "reason", RejectionReason(self.reason))
