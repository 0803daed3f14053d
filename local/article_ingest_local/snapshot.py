"""The local stack's state kept on disk: what moto holds is saved when `up` stops and loaded when
it starts again, so a restart keeps the inbox (objects and their versions), the tables, the
topic's subscriptions and the messages still queued or dead-lettered.

moto has no persistence of its own; its backends are plain Python objects, pickled here with
their locks and conditions replaced by fresh ones (a lock's state means nothing in a new
process). The file is the user's own (under the state folder), read only by this program.
"""

from __future__ import annotations

import pickle
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from moto.backends import get_backend

SNAPSHOT_NAME = "moto-state.pickle"
# The services the template's resources live in.
SERVICES = ("s3", "sqs", "dynamodb", "sns")
_LOCK_TYPES: dict[type, Any] = {
    type(threading.Lock()): threading.Lock,
    type(threading.RLock()): threading.RLock,
    threading.Condition: threading.Condition,
}


class _StatePickler(pickle.Pickler):
    """Pickles moto's backends, with every lock or condition pickled as a new one."""

    def reducer_override(self, obj: Any) -> Any:
        factory = _LOCK_TYPES.get(type(obj))
        return (factory, ()) if factory is not None else NotImplemented


@dataclass(frozen=True, slots=True)
class Restored:
    """What loading found: whether there was a state, and why it could not be used if so."""

    loaded: bool
    problem: str | None = None


def save_state(folder: Path) -> Path:
    """Write every service's state (the stack must be stopped: nothing may change meanwhile)."""
    path = folder / SNAPSHOT_NAME
    partial = path.with_suffix(".partial")
    with partial.open("wb") as sink:
        _StatePickler(sink, protocol=pickle.HIGHEST_PROTOCOL).dump(
            {name: dict(get_backend(name)) for name in SERVICES}  # type: ignore[call-overload]
        )
    partial.replace(path)  # a crash while writing leaves the previous state whole
    return path


def load_state(folder: Path) -> Restored:
    """Load the saved state into moto (before its server answers); an unreadable one is set aside."""
    path = folder / SNAPSHOT_NAME
    if not path.exists():
        return Restored(loaded=False)
    try:
        with path.open("rb") as source:
            state = pickle.load(source)  # noqa: S301 - the user's own file, written by save_state
        for name in SERVICES:
            backend = get_backend(name)  # type: ignore[call-overload]
            backend.clear()
            backend.update(state[name])
    except Exception as exc:  # a state from another moto version: keep it aside, start empty
        for name in SERVICES:
            get_backend(name).clear()  # type: ignore[call-overload]
        aside = path.with_suffix(".unreadable")
        path.replace(aside)
        return Restored(loaded=False, problem=f"{type(exc).__name__}: {exc} (kept at {aside})")
    return Restored(loaded=True)


def forget_state(folder: Path) -> None:
    """Start the next stack empty."""
    (folder / SNAPSHOT_NAME).unlink(missing_ok=True)
