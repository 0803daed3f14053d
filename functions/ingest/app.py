"""Lambda entry point: Powertools around a few lines of wiring. All logic lives in the layer."""

from __future__ import annotations

from functools import cache
from typing import Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.utilities.typing import LambdaContext

from article_ingest.service.runtime import Runtime

# The function's only outbound calls go through botocore: patching just it (not X-Ray's whole
# list: httplib, requests, sqlite3...) keeps every AWS call traced and saves cold-start time.
TRACED_MODULES = ("botocore",)

logger = Logger()
tracer = Tracer(patch_modules=TRACED_MODULES)
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
