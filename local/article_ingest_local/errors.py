"""The local package's one error a person can act on: what the command line prints as one line."""

from __future__ import annotations

from article_ingest.errors import ArticleIngestError


class UserError(ArticleIngestError):
    """A mistake a person can fix (a busy port, an id prefix matching several items, an
    unreadable AWS_ENDPOINT_URL). Raised by the local package's functions; the command line's
    `FriendlyGroup` prints its message as the one line, with a non-zero exit."""
