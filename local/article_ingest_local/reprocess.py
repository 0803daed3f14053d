"""Re-queue existing inbox objects (a backfill after an extractor upgrade).

Each selected object is announced again on the ingest queue by an S3-notification-shaped
message naming its current version, ETag and size, exactly as S3 would have sent it, so the
function runs its usual path: fetch, extract, store if not superseded, notify.

Two properties of the function shape the messages:

- Idempotency keys on `[bucket, key, version_id, etag, event_time]`: a redelivered notification
  repeats its event time and stays a no-op, while a reprocess message carries the time of the
  request, so the same object version is really extracted (and announced) again.
- Items are ordered per key by S3's sequencer when one is known, else by event time
  (article_ingest.models.items.order_key). A reprocess message reuses the stored item's
  sequencer, so it overwrites that item (equal keys overwrite) without ranking above a newer
  upload; an object without an item gets the lowest sequencer, so any real event still wins.

Keys are listed page by page (list_objects_v2) and sent in batches of ten: nothing holds the
whole listing in memory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from article_ingest.aws.errors import is_missing
from article_ingest.aws.events import s3_notification
from article_ingest.errors import ArticleIngestError
from article_ingest.models.items import article_id, sequencer_of
from article_ingest.models.refs import ObjectRef

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient

SQS_BATCH = 10  # SendMessageBatch and BatchGetItem are both used ten keys at a time
LOWEST_SEQUENCER = "0"  # ranks below every sequencer S3 issues: a real event always wins
CONFIGURATION_ID = "article-ingest-reprocess"  # the notification's configurationId: who sent it
REPROCESS_MARKER = "articleIngestReprocess"  # extra record field: why and when it was re-queued
VERSION_PATTERN = re.compile(r"(\d+(?:\.\d+)*)")


class ReprocessError(ArticleIngestError):
    """Raised by parse_version for an invalid selection (an unreadable `--extractor-older-than`
    version), and by Reprocessor.run when SQS refuses to queue some messages."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Which inbox objects to re-queue."""

    prefix: str = ""
    since: datetime | None = None  # only objects last modified at or after this moment
    extractor_older_than: str | None = None  # only objects whose item's extractor is older


@dataclass(frozen=True, slots=True)
class Listed:
    """One inbox object as list_objects_v2 reports it."""

    key: str
    size: int
    last_modified: datetime


@dataclass(frozen=True, slots=True)
class StoredFacts:
    """What the articles table knows about a key: the extractor that made it and its order key."""

    extractor: str | None
    order_key: str | None


@dataclass(slots=True)
class ReprocessCount:
    """The final tally."""

    scanned: int = 0
    queued: int = 0
    skipped: int = 0
    vanished: int = 0  # listed, then deleted before it could be re-queued


@dataclass(frozen=True, slots=True)
class StackNames:
    """The resources reprocessing reads and writes."""

    bucket: str
    table: str
    queue_url: str
    region: str = "us-east-1"


def parse_version(text: str) -> tuple[int, ...]:
    """(0, 1, 0) from "article-ingest/0.1.0" or "0.1.0"; ReprocessError if there is no number."""
    match = VERSION_PATTERN.search(text.rsplit("/", 1)[-1])
    if match is None:
        raise ReprocessError(f"not a version: {text!r}")
    return tuple(int(part) for part in match.group(1).split("."))


def is_selected(listed: Listed, stored: StoredFacts | None, selection: Selection) -> bool:
    """Whether one listed object passes the selection's date and extractor filters."""
    if listed.key.endswith("/"):
        return False
    if selection.since is not None and listed.last_modified < selection.since:
        return False
    if selection.extractor_older_than is None:
        return True
    if stored is None or not stored.extractor:
        return True  # never extracted (or by an unknown extractor): older than anything
    return parse_version(stored.extractor) < parse_version(selection.extractor_older_than)


def sequencer_for(stored: StoredFacts | None) -> str | None:
    """The sequencer a reprocess message carries, so ordering against real uploads stays right."""
    if stored is None:
        return LOWEST_SEQUENCER
    # None when the item is ordered by event time (no sequencer known): the request time follows it
    return sequencer_of(stored.order_key) if stored.order_key else None


def notification(
    names: StackNames,
    key: str,
    head: Mapping[str, Any],
    *,
    sequencer: str | None,
    requested_at: datetime,
) -> dict[str, Any]:
    """An S3 ObjectCreated notification for the object's current version, marked as a reprocess."""
    when = requested_at.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    version = head.get("VersionId")
    ref = ObjectRef(
        bucket=names.bucket,
        key=key,
        version_id=version if version and version != "null" else None,  # "null": an unversioned object
        etag=str(head.get("ETag", "")).strip('"'),
        size=head.get("ContentLength", 0),
        sequencer=sequencer,
        event_time=when,
    )
    event = s3_notification(ref, region=names.region, configuration_id=CONFIGURATION_ID)
    event["Records"][0][REPROCESS_MARKER] = {"requestedAt": when}
    return event


def list_objects(s3: S3Client, bucket: str, prefix: str) -> Iterator[Listed]:
    """Every object under `prefix`, one listing page at a time."""
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        for entry in page.get("Contents", []):
            yield Listed(key=entry["Key"], size=entry.get("Size", 0), last_modified=entry["LastModified"])


def chunked(listed: Iterable[Listed], size: int) -> Iterator[list[Listed]]:
    """Consecutive lists of at most `size` objects."""
    chunk: list[Listed] = []
    for entry in listed:
        chunk.append(entry)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def stored_facts(dynamodb: DynamoDBClient, names: StackNames, keys: list[str]) -> dict[str, StoredFacts]:
    """Key -> what the articles table holds for it, for the keys that have an item."""
    ids = {article_id(names.bucket, key): key for key in keys}
    request: dict[str, Any] = {
        names.table: {
            "Keys": [{"id": {"S": item_id}} for item_id in ids],
            "ProjectionExpression": "id, extractor, order_key",
        }
    }
    found: dict[str, StoredFacts] = {}
    while request:
        response = dynamodb.batch_get_item(RequestItems=request)
        for raw in response.get("Responses", {}).get(names.table, []):
            found[ids[raw["id"]["S"]]] = StoredFacts(
                extractor=raw.get("extractor", {}).get("S"), order_key=raw.get("order_key", {}).get("S")
            )
        request = dict(response.get("UnprocessedKeys") or {})
    return found


class Reprocessor:
    """Selects inbox objects and sends one reprocess notification per object to the ingest queue."""

    def __init__(
        self,
        *,
        s3: S3Client,
        dynamodb: DynamoDBClient,
        sqs: SQSClient,
        names: StackNames,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._s3 = s3
        self._dynamodb = dynamodb
        self._sqs = sqs
        self._names = names
        self._clock = clock

    def run(
        self, selection: Selection, on_progress: Callable[[ReprocessCount], None] | None = None
    ) -> ReprocessCount:
        """Re-queue every selected object; `on_progress` sees the running count after each batch."""
        if selection.extractor_older_than is not None:
            parse_version(selection.extractor_older_than)  # fail before sending anything
        count = ReprocessCount()
        for chunk in chunked(list_objects(self._s3, self._names.bucket, selection.prefix), SQS_BATCH):
            count.scanned += len(chunk)
            facts = stored_facts(self._dynamodb, self._names, [entry.key for entry in chunk])
            messages = []
            for entry in chunk:
                stored = facts.get(entry.key)
                if not is_selected(entry, stored, selection):
                    count.skipped += 1
                    continue
                message = self._message(entry.key, stored)
                if message is None:
                    count.vanished += 1
                    continue
                messages.append(message)
            count.queued += self._send(messages)
            if on_progress is not None:
                on_progress(count)
        return count

    def _message(self, key: str, stored: StoredFacts | None) -> dict[str, Any] | None:
        try:
            head = self._s3.head_object(Bucket=self._names.bucket, Key=key)
        except ClientError as exc:
            if is_missing(exc):
                return None
            raise
        return notification(
            self._names, key, head, sequencer=sequencer_for(stored), requested_at=self._clock()
        )

    def _send(self, messages: list[dict[str, Any]]) -> int:
        if not messages:
            return 0
        response = self._sqs.send_message_batch(
            QueueUrl=self._names.queue_url,
            Entries=[
                {"Id": str(index), "MessageBody": json.dumps(body)} for index, body in enumerate(messages)
            ],
        )
        failed = response.get("Failed", [])
        if failed:
            raise ReprocessError(f"{len(failed)} message(s) not queued: {failed[0].get('Message')}")
        return len(messages)
