"""The service settles an object by the error's base: permanent is recorded, transient is raised."""

from __future__ import annotations

import json

import pytest
from aws_lambda_powertools import Metrics
from aws_lambda_powertools.utilities.idempotency.serialization.dataclass import DataclassSerializer

from article_ingest.aws.dynamodb_store import ArticleStore
from article_ingest.aws.errors import SourceMissingError, TransientAwsError
from article_ingest.aws.s3_source import ObjectTooLargeError, S3Source, SourceObject
from article_ingest.aws.sns_notifier import SnsNotifier
from article_ingest.errors import ArticleIngestError, PermanentError, RejectionReason, TransientError
from article_ingest.extraction import RejectedDocumentError
from article_ingest.models.items import ArticleItem
from article_ingest.models.notices import Notice
from article_ingest.models.outcome import Outcome
from article_ingest.models.refs import ObjectRef
from article_ingest.service.dispatch import DirectEventError
from article_ingest.service.ingest import IngestService
from article_ingest.service.settings import SettingsError

REF = ObjectRef(bucket="inbox", key="inbox/a.html", version_id="v1", etag="e1", size=10)


class _FailingSource(S3Source):
    """A source whose every read fails with the given error (no S3 client: nothing is read)."""

    def __init__(self, error: Exception) -> None:
        self._error = error

    def fetch(self, ref: ObjectRef, *, max_bytes: int) -> SourceObject:
        raise self._error


class _MemoryStore(ArticleStore):
    """Keeps the items written, every one of them newer than the last."""

    def __init__(self) -> None:
        self.written: list[ArticleItem] = []

    @property
    def table(self) -> str:
        return "articles"

    def fit(self, item: ArticleItem) -> ArticleItem:
        return item

    def put_if_newer(self, item: ArticleItem) -> bool:
        self.written.append(item)
        return True


class _MemoryNotifier(SnsNotifier):
    """Keeps the notices published."""

    def __init__(self) -> None:
        self.published: list[Notice] = []

    def publish(self, notice: Notice) -> str:
        self.published.append(notice)
        return f"message-{len(self.published)}"


def _service(source: S3Source) -> tuple[IngestService, _MemoryStore, _MemoryNotifier]:
    store, notifier = _MemoryStore(), _MemoryNotifier()
    service = IngestService(
        source=source, store=store, notifier=notifier, metrics=Metrics(namespace="Test"), max_object_bytes=100
    )
    return service, store, notifier


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (SourceMissingError("s3://inbox/inbox/a.html: NoSuchVersion"), RejectionReason.MISSING),
        (ObjectTooLargeError(500, 100), RejectionReason.TOO_LARGE),
        (
            PermanentError(RejectionReason.CORRUPT, "no case of its own"),
            RejectionReason.CORRUPT,
        ),
    ],
    ids=["missing", "too-large", "any-permanent-error"],
)
def test_any_permanent_error_is_recorded_and_announced_with_its_reason(
    error: PermanentError, reason: RejectionReason
) -> None:
    # Given a source that fails permanently
    service, store, notifier = _service(_FailingSource(error))
    # When the object is ingested
    outcome = service.ingest(REF)
    # Then the outcome is a rejection with the error's reason, in the table and in the notice
    assert (outcome.kind, outcome.reason) == ("rejected", reason)
    assert [(item.reason, item.reason_detail) for item in store.written] == [(reason, error.detail)]
    assert [(notice.type, notice.reason) for notice in notifier.published] == [("article.rejected", reason)]


def test_a_transient_error_is_raised_and_nothing_is_recorded() -> None:
    # Given a source that is throttled
    service, store, notifier = _service(_FailingSource(TransientAwsError("S3 GetObject failed: SlowDown")))
    # When the object is ingested / Then the error reaches the queue, which will retry the message
    with pytest.raises(TransientError):
        service.ingest(REF)
    assert (store.written, notifier.published) == ([], [])


def test_a_size_declared_over_the_limit_is_rejected_before_anything_is_read() -> None:
    # Given an event that declares 500 bytes against a limit of 100, and a source that must not be read
    service, store, _ = _service(_FailingSource(AssertionError("read")))
    # When ingested / Then the declared size is the rejection's detail
    outcome = service.ingest(ObjectRef(bucket="inbox", key="inbox/big.html", size=500))
    assert outcome.reason is RejectionReason.TOO_LARGE
    assert [item.reason_detail for item in store.written] == ["declared size 500 > limit 100"]


@pytest.mark.parametrize(
    ("error", "base"),
    [
        (RejectedDocumentError(RejectionReason.EMPTY, "no content"), PermanentError),
        (SourceMissingError("gone"), PermanentError),
        (ObjectTooLargeError(2, 1), PermanentError),
        (TransientAwsError("throttled"), TransientError),
        (DirectEventError("1 object(s) failed"), TransientError),
        (SettingsError("missing ARTICLES_TABLE"), ArticleIngestError),
    ],
)
def test_every_error_of_the_project_has_the_one_root(error: Exception, base: type[Exception]) -> None:
    # Given an error of the extraction, an adapter or the service / Then it is classified by its base
    assert isinstance(error, base)
    assert isinstance(error, ArticleIngestError)


def test_an_outcome_replayed_by_the_idempotency_layer_has_its_reason_as_the_enum() -> None:
    # Given an outcome saved as the idempotency layer saves it (JSON: the reason a plain string)
    serializer = DataclassSerializer(model=Outcome)
    saved = json.loads(json.dumps(serializer.to_dict(Outcome("rejected", "a1", RejectionReason.MISSING))))
    # When it is replayed
    outcome = serializer.from_dict(saved)
    # Then the reason is the enum member again
    assert saved["reason"] == "missing"
    assert outcome.reason is RejectionReason.MISSING
