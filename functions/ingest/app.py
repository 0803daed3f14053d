"""Lambda entry point: Powertools around a few lines of wiring. All logic lives in the layer."""

from __future__ import annotations

from functools import cache
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.utilities.typing import LambdaContext

from article_ingest.service.runtime import Runtime
from article_ingest.service.tracing import tracer  # one Tracer, botocore patched (see tracing.py)

logger = Logger()
metrics = Metrics()


@cache
def runtime() -> Runtime:
    """Built on the first invocation (settings validated, clients created lazily), then reused."""
    return Runtime.from_environment(metrics)


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """Ingest the objects an SQS batch, S3 notification or EventBridge event announces."""
    return runtime().handle(event, context)
