"""The S3 object version an event announces."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """One S3 object version to ingest, as announced by an event (key decoded)."""

    bucket: str
    key: str
    version_id: str | None = None
    etag: str | None = None
    size: int | None = None
    sequencer: str | None = None  # S3's per-key ordering token; absent in moto's events
    event_time: str | None = None
