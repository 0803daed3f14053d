"""The extraction pipeline: bytes in, Article out. Pure: no AWS, no network, no state kept between
calls; its one process-wide effect is Python's cycle collector paused while it runs."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import math
import re
import threading
from collections.abc import Iterator
from itertools import islice

import lxml.html

from article_ingest import __version__
from article_ingest.extraction.body.content import pick_content
from article_ingest.extraction.body.dedupe import drop_repeated_metadata
from article_ingest.extraction.body.render import RenderedBody, render
from article_ingest.extraction.errors import RejectedDocumentError, RejectionReason
from article_ingest.extraction.input.decode import check_size, decode, decompress, sniff_binary
from article_ingest.extraction.input.guards import guard_markup
from article_ingest.extraction.input.parse import looks_like_html, parse_html
from article_ingest.extraction.metadata.dates import (
    Datelines,
    address_months,
    datelines_shown,
    from_template_meta,
    near_address_day,
    page_text,
    pictures_month,
)
from article_ingest.extraction.metadata.fields import Metadata, extract_metadata, plain_metadata
from article_ingest.extraction.metadata.headline import (
    ShownHeader,
    shown_header,
    texts_after_title,
    title_shown,
)
from article_ingest.extraction.metadata.language import choose_language
from article_ingest.extraction.metadata.sources import Found, Source
from article_ingest.extraction.models import Article, ExtractionLimits
from article_ingest.extraction.text.text_input import read_text
from article_ingest.extraction.words import count_words

EXTRACTOR = f"article-ingest/{__version__}"
WORDS_PER_MINUTE = 230  # average adult silent reading speed for non-fiction
# A body with fewer letters or digits than this ("a", "-") is a stray keystroke, not an article.
# A word count would be the natural measure, but real one-word pages exist (the corpus holds a
# page whose whole text is "Test", and one of three words), so the bar is set below them.
MIN_ARTICLE_ALPHANUMERICS = 2
ALPHANUMERIC = re.compile(r"[^\W_]")


def extract(
    data: bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
    content_encoding: str | None = None,
    limits: ExtractionLimits | None = None,
) -> Article:
    """Extract the article from a document's bytes.

    The cascade, each stage in the folder named for what it does:
    1. input/decode.py: gunzip (capped), reject empty / too large / binary, find the charset
       (BOM, <meta charset>, Content-Type, then UTF-8 with stray legacy bytes, then detection)
       and decode; input/parse.py decides HTML or text (a doctype or <html> near the start, or
       closed block tags);
    2. input/guards.py defuses markup built or broken to stall or blind the parser (attribute
       bombs cut, unclosed <title> closed, self-closed <html/> reopened, DTD subsets cut);
       input/parse.py parses it once into the lxml tree every later stage shares (a page nested
       past the parser's depth cap: again, with absurd runs of nested start tags cut). Text
       saved from a page goes to text/ instead, which finds its headline, byline and article
       lines;
    3. metadata/: JSON-LD, OpenGraph / Twitter cards, meta tags, markup, URL (fields.py); once
       the body is known, the headline shown above it may replace the head's title (headline.py);
    4. body/content.py picks the body, step by step:
       a. readability-lxml's best candidate (readability_pick.py), furniture blocks inside it
          dropped (boilerplate.py, by the names, tags and share guard of ../signals.py);
       b. the container the page marks as its content (itemprop=articleBody, one <article>,
          <main>), when it holds the pick and adds prose (second_opinion.py);
       c. else the pick, if it has MIN_CANDIDATE_WORDS or reads as a short article (a sentence or
          two of prose), with the prose paragraphs directly around it recovered (recovery.py);
       d. else trafilatura's opinion on the same tree, when it finds more, article-sized and not
          navigation (trafilatura_opinion.py);
       e. else the whole visible page when it is short and not a menu; a menu or a page with no
          visible text is not an article;
       then the title and byline repeated at the top of the body are dropped (dedupe.py);
    5. body/render.py: sanitize the body, make links absolute, render plain text; detect the
       language when the document declares none; a body with almost no text is not an article,
       and metadata fields are made plain text (no tag-like sequences).

    Raises RejectedDocumentError (with a reason code) for documents that hold no article.
    """
    with cycle_collector_paused():
        return _extract(data, url, content_type, content_encoding, limits or ExtractionLimits())


class _CollectorPause:
    """Python's cycle collector off while any extraction runs, on again when the last is done
    (unless it was off when the first began). The extraction allocates hundreds of thousands of
    short-lived objects (tree proxies, strings, token lists) that reference counting frees; each
    700 allocations start a collection that finds nothing to free: 5% of the extraction's time
    on the Mozilla pages, for 67 objects in cycles over all 130 (gc.collect() after each page).
    The switch is process-wide, so extractions on several threads share one pause, counted under
    a lock. A thread that turns the collector off while an extraction runs has it turned on again
    when the last extraction ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._restore = False

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._running == 0:
                self._restore = gc.isenabled()
                gc.disable()
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                if self._running == 0 and self._restore:
                    gc.enable()


cycle_collector_paused = _CollectorPause()


def _extract(
    data: bytes,
    url: str | None,
    content_type: str | None,
    content_encoding: str | None,
    limits: ExtractionLimits,
) -> Article:
    data = decompress(data, content_encoding=content_encoding, limits=limits)
    check_size(data, limits)
    sniff_binary(data)
    text = decode(data, content_type=content_type).text
    meta, body = _extract_html(text, url) if looks_like_html(text) else _extract_text(text, url)
    if _almost_no_text(body.text):
        raise RejectedDocumentError(RejectionReason.NOT_ARTICLE, "almost no text")
    return _article(plain_metadata(meta), body)


def _extract_html(text: str, url: str | None) -> tuple[Metadata, RenderedBody]:
    tree = parse_html(guard_markup(text))
    meta = extract_metadata(tree, url=url)
    body = pick_content(tree)
    header = shown_header(tree, body, meta.title)
    shown = title_shown(header, meta.title)
    if shown != meta.title:
        meta = meta.with_field("title", Found(shown, Source.HEADLINE))
    meta = _dates_shown(meta, header, tree, url)
    drop_repeated_metadata(body, title=meta.title, authors=meta.authors)
    return meta, render(body, url=url or meta.canonical_url)


def _dates_shown(
    meta: Metadata, header: ShownHeader, tree: lxml.html.HtmlElement, url: str | None
) -> Metadata:
    """The dates the page shows the reader, over those it does not (see _shown_dates)."""
    found_in = meta.sources.get("published")
    if found_in == Source.URL or (found_in == Source.META and from_template_meta(tree)):
        return _shown_over_filed(meta, header, tree, address=found_in == Source.URL)
    if found_in not in (None, Source.HTMLDATE):  # a date the publisher set stands
        return meta
    shown = _datelines(header.below, meta, tree)
    address = url or meta.canonical_url
    if shown.published is None:
        # an all-digit dateline's order by the month the page files the story under, or the
        # order of its other dates in digits; a dateline without its year by the address's, or
        # by the page's other dates and years
        found = shown.settled_by(address_months(address), pictures_month(tree)) if shown.either_way else None
        found = found or shown.completed_by(address)
        if found is None and (shown.either_way or shown.year_less):  # (the page's text is read only then)
            text = page_text(tree)
            found = shown.ordered_in(text) or shown.completed_in(text)
        if found is not None:
            shown = Datelines(found, shown.updated)
    return _shown_dates(meta, shown)


def _datelines(texts: tuple[str, ...], meta: Metadata, tree: lxml.html.HtmlElement) -> Datelines:
    """The datelines among the header's `texts`; with no publication day there, also among the
    texts after the element that shows the title (see texts_after_title)."""
    shown = datelines_shown(texts, declared=meta.language, title=meta.title)
    if shown.published is not None:
        return shown
    after = datelines_shown(texts_after_title(tree, meta.title), declared=meta.language, title=meta.title)
    return Datelines(
        after.published,
        shown.updated or after.updated,
        shown.either_way or after.either_way,
        shown.year_less + after.year_less,
    )


def _shown_over_filed(
    meta: Metadata, header: ShownHeader, tree: lxml.html.HtmlElement, *, address: bool
) -> Metadata:
    """The dateline the reader is shown under the headline over the day the story is filed
    under: the `address`'s (the day it was filed, in the publisher's time zone or before an
    edit; a dateline farther than a few days from it is another story's, a link's or a reply's),
    or a meta name's a template fills, as often with the day the page was built ("DC.date.issued",
    "date": TEMPLATE_DATE_META; the dateline right above the headline, in the page's own header,
    counts too; on the same day, the tag's time stands)."""
    shown = _datelines(header.under_headline if address else header.below, meta, tree).published
    filed = meta.published or ""
    if shown is None or (
        not near_address_day(shown.value, filed) if address else filed.startswith(shown.value)
    ):
        return meta
    return meta.with_field("published", shown)


def _shown_dates(meta: Metadata, shown: Datelines) -> Metadata:
    """The dates the header shows over htmldate's page-wide reading: its dateline is the
    publication's; a day the header contradicts (on or after the last update it shows, or
    neither reading of its all-digit dateline) is no publication date."""
    if shown.published is not None:
        meta = meta.with_field("published", shown.published)
    elif meta.published and shown.contradict(meta.published[:10]):
        meta = meta.with_field("published", None)
    if shown.updated is not None and meta.modified is None:
        meta = meta.with_field("modified", shown.updated)
    return meta


def _extract_text(text: str, url: str | None) -> tuple[Metadata, RenderedBody]:
    found = read_text(text)
    body = render(found.body, url=url)
    if not body.text:
        raise RejectedDocumentError(RejectionReason.NOT_ARTICLE, "no article lines in the text")
    meta = Metadata().with_field("title", Found(found.title, Source.TEXT_HEAD))
    return meta.with_field("authors", Found(found.authors, Source.TEXT_HEAD)), body


def _almost_no_text(text: str) -> bool:
    """Fewer than MIN_ARTICLE_ALPHANUMERICS letters or digits (the scan stops once there are enough)."""
    enough = islice(ALPHANUMERIC.finditer(text), MIN_ARTICLE_ALPHANUMERICS - 1, None)
    return next(enough, None) is None


def _article(meta: Metadata, body: RenderedBody) -> Article:
    words = count_words(body.text)
    declared = Found(meta.language, Source.DECLARED) if meta.language else None
    meta = meta.with_field("language", choose_language(declared, body.text))
    return Article(
        title=meta.title,
        text=body.text,
        html=body.html,
        markdown=body.markdown,
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
        sources=meta.sources,
    )
