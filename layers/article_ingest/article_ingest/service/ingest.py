"""Ingest one object: source -> extract -> store -> notify. No AWS calls of its own."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import PurePosixPath

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit

from article_ingest.aws.dynamodb_store import ArticleStore
from article_ingest.aws.s3_source import ObjectTooLargeError, S3Source, SourceObject
from article_ingest.aws.sns_notifier import SnsNotifier
from article_ingest.errors import PermanentError, RejectionReason
from article_ingest.extraction import EXTRACTOR, Article, ExtractionLimits, extract
from article_ingest.models.items import ArticleItem, SourceFacts, order_key, rejected_item, stored_item
from article_ingest.models.notices import notice_for
from article_ingest.models.outcome import Outcome
from article_ingest.models.refs import ObjectRef
from article_ingest.service.tracing import tracer

logger = Logger(child=True)
# Names that are never documents: folder markers end in "/", the rest are OS metadata files.
NOT_DOCUMENT_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


class NotDocumentError(PermanentError):
    """Raised by IngestService for a key that names no document (a folder marker, an OS
    metadata file), before anything is read: recorded as `not_document`."""

    def __init__(self) -> None:
        super().__init__(RejectionReason.NOT_DOCUMENT, "folder marker or metadata file")


class ExtractionCrashedError(PermanentError):
    """Raised by IngestService when the extraction raised anything but a rejection (a bug).
    Recorded as `internal_error` (and logged with its traceback) so the message cannot loop in
    the queue."""

    def __init__(self, exc: Exception) -> None:
        super().__init__(RejectionReason.INTERNAL_ERROR, f"{type(exc).__name__}: {exc}")


@dataclass(frozen=True, slots=True)
class IngestService:
    """Wires the adapters around the pure extraction for one object at a time."""

    source: S3Source
    store: ArticleStore
    notifier: SnsNotifier
    metrics: Metrics
    max_object_bytes: int

    def ingest(self, ref: ObjectRef) -> Outcome:
        """Process one object version to a definite outcome.

        A PermanentError on the way (a key that is no document, an object too large or gone, a
        document without an article, an extractor bug) is that outcome: recorded, announced,
        never retried. Anything else, TransientError first, propagates so the queue retries.
        """
        facts = SourceFacts(ref=ref, order_key=order_key(ref, None))
        try:
            self._screen(ref)
            obj = self.source.fetch(ref, max_bytes=self.max_object_bytes)
            self.metrics.add_metric(name="BytesRead", unit=MetricUnit.Bytes, value=obj.size)
            facts = _facts_from(ref, obj)
            article = self._extract_article(obj, key=ref.key)
        except PermanentError as exc:
            return self._reject(facts, exc)
        return self._save(stored_item(facts, article))

    def _screen(self, ref: ObjectRef) -> None:
        """Refuse what the event alone shows cannot be an article, before reading a byte."""
        if _is_not_document(ref.key):
            raise NotDocumentError
        if ref.size is not None and ref.size > self.max_object_bytes:
            raise ObjectTooLargeError(ref.size, self.max_object_bytes, declared=True)

    # A subsegment of its own: the extraction's share of the time, per object. Not its response
    # (a whole article would crowd X-Ray's 64 KB segment); a rejection shows as its exception.
    @tracer.capture_method(capture_response=False)
    def _extract_article(self, obj: SourceObject, *, key: str) -> Article:
        started = time.perf_counter()
        try:
            return extract(
                obj.data,
                url=None,
                content_type=obj.content_type,
                content_encoding=obj.content_encoding,
                limits=ExtractionLimits(max_bytes=self.max_object_bytes),
            )
        except PermanentError:
            raise
        except Exception as exc:  # an extractor bug must not loop in the queue: record it
            logger.exception("extraction crashed", extra={"key": key})
            raise ExtractionCrashedError(exc) from exc
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            self.metrics.add_metric(name="ExtractionTime", unit=MetricUnit.Milliseconds, value=elapsed_ms)

    def _reject(self, facts: SourceFacts, error: PermanentError) -> Outcome:
        reason, detail = error.reason, error.detail
        logger.info("document rejected", extra={"key": facts.ref.key, "reason": reason, "detail": detail})
        return self._save(rejected_item(facts, reason, detail, EXTRACTOR))

    def _save(self, item: ArticleItem) -> Outcome:
        item = self.store.fit(item)
        if not self.store.put_if_newer(item):
            logger.info("older version skipped", extra={"key": item.source_key, "order": item.order_key})
            self.metrics.add_metric(name="DocumentsSuperseded", unit=MetricUnit.Count, value=1)
            return Outcome(kind="superseded", article_id=item.id)
        notice = notice_for(item, table=self.store.table)
        self.notifier.publish(notice)
        metric = "DocumentsStored" if item.status == "stored" else "DocumentsRejected"
        self.metrics.add_metric(name=metric, unit=MetricUnit.Count, value=1)
        logger.info(
            "article saved",
            extra={"key": item.source_key, "status": item.status, "words": item.word_count, "id": item.id},
        )
        return Outcome(
            kind=item.status,
            article_id=item.id,
            reason=item.reason,
            notice_id=notice.notice_id,
            words=item.word_count,
        )


def _is_not_document(key: str) -> bool:
    return key.endswith("/") or PurePosixPath(key).name in NOT_DOCUMENT_NAMES


def _facts_from(ref: ObjectRef, obj: SourceObject) -> SourceFacts:
    return SourceFacts(
        ref=ref,
        order_key=order_key(ref, obj.last_modified),
        version_id=obj.version_id,
        etag=obj.etag,
        size=obj.size,
        content_type=obj.content_type,
    )
