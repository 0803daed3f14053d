"""Fault injection at the HTTP layer of a boto3 client, below botocore's retry logic.

A `before-send` hook answers in place of AWS. moto answers through the same hook and botocore
calls every `before-send` handler, keeping the first answer: ours is registered first, and it
points the request at an address no service matches, so the (mocked) service never acts on it;
with `reaches_service=True` the service does act and only its answer is lost (a timeout is then
raised from a hook that runs after moto's: botocore calls the most specific hooks first, so that
one is registered last on the generic event). Because the fault
is a real HTTP response or a socket-level exception, botocore's standard retry mode sees it as
it would see AWS's: throttles and 5xx are retried with backoff, and only what is left after the
last attempt reaches our code.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.compat import HTTPHeaders
from botocore.exceptions import ConnectTimeoutError, ReadTimeoutError

Fault = Literal["throttle", "server_error", "read_timeout", "connect_timeout"]
Match = Callable[[AWSPreparedRequest], bool]
UNROUTABLE_URL = "http://fault-injected.invalid/"  # matches no moto backend; never sent

# One throttling answer per protocol: S3 (rest-xml), DynamoDB (json), SNS (query).
_THROTTLE: dict[str, tuple[int, dict[str, str], bytes]] = {
    "s3": (
        503,
        {},
        b"<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>",
    ),
    "dynamodb": (
        400,
        {"x-amzn-ErrorType": "ThrottlingException"},
        json.dumps(
            {"__type": "com.amazon.coral.availability#ThrottlingException", "message": "Rate"}
        ).encode(),
    ),
    "sns": (
        400,
        {},
        b"<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
        b"<Message>Rate exceeded</Message></Error></ErrorResponse>",
    ),
}


class _Body:
    """The raw body botocore streams a response from."""

    def __init__(self, content: bytes) -> None:
        self._content = content

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._content


@dataclass
class InjectedFault:
    """A fault on one operation of one client; counts the attempts it answered."""

    client: Any
    operation: str
    fault: Fault
    times: int | None = None  # None: fail every attempt
    match: Match | None = None
    reaches_service: bool = False  # True: the write happens, the answer is lost on the way back
    attempts: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def _event(self) -> str:
        return f"before-send.{self.client.meta.service_model.endpoint_prefix}.{self.operation}"

    @property
    def _after_service(self) -> bool:
        """Whether the fault must strike after the service acted (a lost answer, not a refusal)."""
        return self.reaches_service and self.fault in ("read_timeout", "connect_timeout")

    def install(self) -> InjectedFault:
        if self._after_service:
            self.client.meta.events.register_last("before-send", self._answer)
        else:
            self.client.meta.events.register_first(self._event, self._answer)
        return self

    def remove(self) -> None:
        """The cause is fixed: later calls reach the (mocked) service again."""
        if self._after_service:
            self.client.meta.events.unregister("before-send", self._answer)
        else:
            self.client.meta.events.unregister(self._event, self._answer)

    def _answer(self, request: AWSPreparedRequest, event_name: str = "", **_: Any) -> AWSResponse | None:
        if event_name != self._event or (self.match is not None and not self.match(request)):
            return None
        with self._lock:
            if self.times is not None and self.attempts >= self.times:
                return None
            self.attempts += 1
        url = request.url
        if not self.reaches_service:
            request.url = UNROUTABLE_URL
        if self.fault == "read_timeout":
            raise ReadTimeoutError(endpoint_url=url)
        if self.fault == "connect_timeout":
            raise ConnectTimeoutError(endpoint_url=url)
        if self.fault == "throttle":
            status, headers, body = _THROTTLE[self.client.meta.service_model.endpoint_prefix]
        else:
            status, headers, body = 503, {}, b"<Error><Code>ServiceUnavailable</Code></Error>"
        return AWSResponse(url, status, HTTPHeaders.from_dict(headers), _Body(body))


def inject(
    client: Any,
    operation: str,
    fault: Fault,
    *,
    times: int | None = None,
    match: Match | None = None,
    reaches_service: bool = False,
) -> InjectedFault:
    """Make `operation` on `client` fail with `fault` (`times` attempts, or always)."""
    return InjectedFault(
        client, operation, fault, times=times, match=match, reaches_service=reaches_service
    ).install()


def body_mentions(text: str) -> Match:
    """Match requests whose body or URL mentions `text` (a table name, an object key)."""

    def matches(request: AWSPreparedRequest) -> bool:
        body = request.body if isinstance(request.body, bytes) else str(request.body or "").encode()
        return text.encode() in body or text in (request.url or "")

    return matches


@dataclass
class BackoffClock:
    """Stands in for the `time` module botocore's endpoint sleeps with between retries.

    The delays are recorded instead of waited out, so a test sees the backoff without paying it.
    """

    delays: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.delays.append(seconds)
