"""Makes moto's DynamoDB as atomic as DynamoDB itself, for the local stack and the tests.

DynamoDB applies a conditional write atomically: of two concurrent `PutItem`s with
`attribute_not_exists(id)`, one succeeds and one fails. moto (5.x) reads the current item, parses
the condition, then writes, with nothing held in between; its server answers on many threads, so
two requests can both pass the check. Powertools' idempotency relies on that check to let one
of several concurrent deliveries through; without it both would run and two notices would go out
for one document. A lock around every write of moto's DynamoDB backend closes the gap (writes are
quick: the lock costs nothing measurable locally).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

from moto.dynamodb.models import DynamoDBBackend

# The backend methods that read an item, check a condition and write.
WRITE_METHODS = ("put_item", "update_item", "delete_item", "transact_write_items", "batch_write_item")
_LOCK = threading.RLock()
_MARK = "_article_ingest_atomic"


def _atomic(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def locked(*args: Any, **kwargs: Any) -> Any:
        with _LOCK:
            return method(*args, **kwargs)

    setattr(locked, _MARK, True)
    return locked


def make_dynamodb_writes_atomic() -> None:
    """Serialise moto's DynamoDB writes (idempotent: a second call changes nothing)."""
    for name in WRITE_METHODS:
        method = getattr(DynamoDBBackend, name, None)
        if method is not None and not getattr(method, _MARK, False):
            setattr(DynamoDBBackend, name, _atomic(method))
