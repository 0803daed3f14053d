"""Built once per container: settings, lazily created clients, adapters and the idempotent ingest."""

from __future__ import annotations

import os
from dataclasses import asdict
from functools import cached_property
from typing import TYPE_CHECKING, Any

import boto3
from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)
from aws_lambda_powertools.utilities.idempotency.serialization.dataclass import DataclassSerializer
from aws_lambda_powertools.utilities.typing import LambdaContext
from botocore.config import Config

from article_ingest.aws.body_store import BodyStore
from article_ingest.aws.dynamodb_store import ArticleStore
from article_ingest.aws.s3_source import S3Source
from article_ingest.aws.sns_notifier import SnsNotifier
from article_ingest.models.outcome import Outcome
from article_ingest.models.refs import ObjectRef
from article_ingest.service.dispatch import handle_event
from article_ingest.service.ingest import IngestService
from article_ingest.service.settings import Settings
from article_ingest.service.tracing import tracer

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sns import SNSClient

logger = Logger(child=True)
# botocore's standard mode retries throttles and 5xx with backoff before we give up on a record.
BOTO_CONFIG = Config(retries={"mode": "standard", "max_attempts": 4}, connect_timeout=5, read_timeout=30)
# The idempotency key: one announcement of one S3 object version. A redelivered notification
# repeats its event time (a no-op); `article-ingest reprocess` sends a new one (re-extracted).
IDEMPOTENCY_KEY = "[bucket, key, version_id, etag, event_time]"


class Runtime:
    """The function's dependencies, created on first use and kept for the container's life."""

    def __init__(self, settings: Settings, metrics: Metrics, session: boto3.Session | None = None) -> None:
        self.settings = settings
        self.metrics = metrics
        self._session = session or boto3.Session()
        self.idempotency_config = IdempotencyConfig(
            event_key_jmespath=IDEMPOTENCY_KEY,
            raise_on_no_idempotency_key=True,
            expires_after_seconds=settings.idempotency_ttl_seconds,
        )

    @classmethod
    def from_environment(cls, metrics: Metrics) -> Runtime:
        """Validate the environment (once, at cold start) and build the runtime."""
        return cls(Settings.from_env(os.environ), metrics)

    @cached_property
    def s3(self) -> S3Client:
        return self._session.client("s3", config=BOTO_CONFIG)

    @cached_property
    def dynamodb(self) -> DynamoDBClient:
        return self._session.client("dynamodb", config=BOTO_CONFIG)

    @cached_property
    def sns(self) -> SNSClient:
        return self._session.client("sns", config=BOTO_CONFIG)

    @cached_property
    def service(self) -> IngestService:
        bodies = BodyStore(self.s3, bucket=self.settings.bodies_bucket, prefix=self.settings.bodies_prefix)
        return IngestService(
            source=S3Source(self.s3),
            store=ArticleStore(self.dynamodb, table=self.settings.articles_table, bodies=bodies),
            notifier=SnsNotifier(self.sns, topic_arn=self.settings.topic_arn),
            metrics=self.metrics,
            max_object_bytes=self.settings.max_object_bytes,
        )

    @cached_property
    def ingest_once(self) -> Any:
        """`service.ingest`, made idempotent per object version with DynamoDB persistence."""
        persistence = DynamoDBPersistenceLayer(
            table_name=self.settings.idempotency_table, boto3_client=self.dynamodb
        )
        service = self.service

        @idempotent_function(  # type: ignore[untyped-decorator]  # Powertools types it loosely
            data_keyword_argument="ref",
            persistence_store=persistence,
            config=self.idempotency_config,
            output_serializer=DataclassSerializer(model=Outcome),
        )
        def ingest(ref: ObjectRef) -> Outcome:
            return service.ingest(ref)

        return ingest

    @tracer.capture_method
    def ingest_one(self, ref: ObjectRef) -> Outcome:
        """Ingest one object version, once: its correlation id on every log line it causes, its
        bucket and key as annotations of its trace subsegment (so X-Ray finds it by object)."""
        tracer.put_annotation(key="bucket", value=ref.bucket)
        tracer.put_annotation(key="key", value=ref.key)
        logger.set_correlation_id(f"s3://{ref.bucket}/{ref.key}#{ref.version_id or ref.etag}")
        try:
            outcome: Outcome = self.ingest_once(ref=ref)
        except Exception:  # transient or in progress elsewhere: counted, then retried by the queue
            self.metrics.add_metric(name="DocumentsFailed", unit=MetricUnit.Count, value=1)
            logger.exception("object failed; the queue will retry it", extra={"key": ref.key})
            raise
        else:
            logger.info("object done", extra={"outcome": asdict(outcome)})
            return outcome
        finally:  # the batch's next record, and the batch's own lines, are not this object's
            logger.set_correlation_id(None)

    def handle(self, event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
        """Process one invocation."""
        self.idempotency_config.register_lambda_context(context)
        return handle_event(event, context, self.ingest_one)
