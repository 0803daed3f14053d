"""The extraction pipeline: bytes in, Article out. Pure: no AWS, no network, no globals."""

from __future__ import annotations

import hashlib
import math

from article_ingest import __version__
from article_ingest.extraction.content import pick_content
from article_ingest.extraction.decode import check_size, decode, decompress, sniff_binary
from article_ingest.extraction.metadata import extract_metadata
from article_ingest.extraction.models import Article, ExtractionLimits
from article_ingest.extraction.parse import parse
from article_ingest.extraction.render import render
from article_ingest.extraction.words import count_words

EXTRACTOR = f"article-ingest/{__version__}"
WORDS_PER_MINUTE = 230  # average adult silent reading speed for non-fiction


def extract(
    data: bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
    content_encoding: str | None = None,
    limits: ExtractionLimits | None = None,
) -> Article:
    """Extract the article from a document's bytes.

    The cascade, each stage its own module:
    1. decode: gunzip (capped), reject empty / too large / binary, find the charset
       (BOM, <meta charset>, Content-Type, then detection) and decode;
    2. parse: HTML into an lxml tree; plain text (with stray inline links) into simple HTML;
    3. metadata: JSON-LD, OpenGraph / Twitter cards, meta tags, <html lang>;
    4. content: readability-lxml's best candidate; too few words -> not an article;
    5. render: sanitize the body, make links absolute, render plain text.

    Raises RejectedDocumentError (with a reason code) for documents that hold no article.
    """
    limits = limits or ExtractionLimits()
    data = decompress(data, content_encoding=content_encoding, limits=limits)
    check_size(data, limits)
    sniff_binary(data)
    document = parse(decode(data, content_type=content_type).text)
    meta = extract_metadata(document.tree, url=url)
    body = render(pick_content(document.tree), url=url or meta.canonical_url)
    words = count_words(body.text)
    return Article(
        title=meta.title,
        text=body.text,
        html=body.html,
        authors=meta.authors,
        published=meta.published,
        modified=meta.modified,
        language=meta.language,
        site_name=meta.site_name,
        description=meta.description,
        canonical_url=meta.canonical_url,
        image=meta.image,
        tags=meta.tags,
        links=body.links,
        word_count=words,
        reading_time_minutes=math.ceil(words / WORDS_PER_MINUTE),
        content_hash=hashlib.sha256(body.text.encode()).hexdigest(),
        extractor=EXTRACTOR,
    )
