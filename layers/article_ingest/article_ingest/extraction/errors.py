"""Why a document is rejected: permanent outcomes, never retried.

The reason codes are the package's one vocabulary (`article_ingest.errors.RejectionReason`),
re-exported here for the pipeline's stages.
"""

from __future__ import annotations

from article_ingest.errors import PermanentError, RejectionReason

__all__ = ["RejectedDocumentError", "RejectionReason"]


class RejectedDocumentError(PermanentError):
    """Raised by the extraction pipeline (decode, guards, parse, content pick, `extract` itself)
    when a document cannot yield an article.

    A bad document is a permanent outcome: callers record and announce it, never retry it.
    """
