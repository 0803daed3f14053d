"""`extract` without AWS: one record per local file, named as the item's fields are."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from article_ingest.extraction import RejectedDocumentError, extract


def extract_record(path: Path, url: str | None) -> dict[str, Any]:
    """The article extracted from the file at `path` (gzip read transparently), or its rejection;
    JSON-ready (lists, not tuples)."""
    source = str(path)
    try:
        article = extract(path.read_bytes(), url=url)
    except RejectedDocumentError as exc:
        return {
            "source": source,
            "status": "rejected",
            "reason": exc.reason.value,
            "reason_detail": exc.detail,
        }
    record = {"source": source, "status": "stored", **asdict(article)}
    return {name: list(value) if isinstance(value, tuple) else value for name, value in record.items()}
