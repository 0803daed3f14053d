"""Failures at the AWS boundary, classified as permanent or transient."""

from __future__ import annotations

from botocore.exceptions import BotoCoreError, ClientError

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


class TransientAwsError(Exception):
    """Raised when an AWS call failed in a way a later retry can fix (throttle, 5xx, timeout).

    The record is reported as a batch item failure so the queue delivers it again.
    """


class SourceMissingError(Exception):
    """Raised when the announced object (or version) no longer exists: a permanent outcome."""


def is_transient(exc: Exception) -> bool:
    """Whether a botocore failure is worth retrying."""
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        return error.get("Code") in TRANSIENT_CODES or status >= 500
    return isinstance(exc, BotoCoreError)  # connection errors, read timeouts
