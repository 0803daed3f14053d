"""Stage 3: pick the article body out of the page (readability-lxml's candidate)."""

from __future__ import annotations

import lxml.html
from readability import Document

from article_ingest.extraction.errors import RejectedDocumentError, RejectionReason

# Bodies with fewer words are not articles (login pages, empty listings, error pages).
MIN_ARTICLE_WORDS = 25


def pick_content(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """Return the element holding the article body, or reject the page as not an article."""
    summary = Document(lxml.html.tostring(tree, encoding="unicode")).summary(html_partial=True)
    body = lxml.html.fragment_fromstring(summary, create_parent="div")
    words = len(body.text_content().split())
    if words < MIN_ARTICLE_WORDS:
        raise RejectedDocumentError(RejectionReason.NOT_ARTICLE, f"only {words} words of content")
    return body
