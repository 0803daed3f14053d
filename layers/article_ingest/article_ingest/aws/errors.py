"""Failures at the AWS boundary, classified as permanent or transient."""

from __future__ import annotations

from botocore.exceptions import BotoCoreError, ClientError

from article_ingest.errors import PermanentError, RejectionReason, TransientError

# Error codes after which a retry can succeed: throttling and service-side faults.
TRANSIENT_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottled",
        "SlowDown",
        "ProvisionedThroughputExceededException",
        "RequestLimitExceeded",
        "InternalError",
        "InternalServerError",
        "ServiceUnavailable",
        "TransactionInProgressException",
    }
)
# Error codes S3 gives for an object (or version) that is not there: GetObject names it, while
# HeadObject, which has no body to carry a code, answers with the bare status.
MISSING_CODES = frozenset({"NoSuchKey", "NoSuchVersion", "404", "NotFound"})


class TransientAwsError(TransientError):
    """Raised by the adapters (S3Source.fetch, ArticleStore, BodyStore, SnsNotifier) when an AWS
    call failed in a way a later retry can fix (throttle, 5xx, timeout).

    The record is reported as a batch item failure so the queue delivers it again.
    """


class SourceMissingError(PermanentError):
    """Raised by S3Source.fetch when the announced object (or version) no longer exists: a
    permanent outcome, recorded as `missing`."""

    def __init__(self, detail: str) -> None:
        super().__init__(RejectionReason.MISSING, detail)


def error_code(exc: ClientError) -> str:
    """The AWS error code of a refused call ("" when the response names none)."""
    return str(exc.response.get("Error", {}).get("Code", ""))


def is_missing(exc: ClientError) -> bool:
    """Whether S3 refused the call because the object (or version) does not exist."""
    return error_code(exc) in MISSING_CODES


def is_transient(exc: Exception) -> bool:
    """Whether a botocore failure is worth retrying."""
    if isinstance(exc, ClientError):
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        return error_code(exc) in TRANSIENT_CODES or status >= 500
    return isinstance(exc, BotoCoreError)  # connection errors, read timeouts
