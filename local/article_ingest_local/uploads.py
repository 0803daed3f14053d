"""Uploads local files to the inbox bucket, with a progress bar for many files."""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.progress import Progress

PROGRESS_MIN_FILES = 5  # fewer files upload too fast for a bar to help


def collect_files(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """(file, key suffix) for each file given or found (recursively) in a folder given."""
    files: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                (child, child.relative_to(path).as_posix())
                for child in sorted(path.rglob("*"))
                if child.is_file()
            )
        else:
            files.append((path, path.name))
    return files


def upload_files(s3: Any, bucket: str, files: list[tuple[Path, str]], *, prefix: str) -> list[str]:
    """Put each file under `prefix`; returns the keys."""
    keys = []
    with Progress(disable=len(files) < PROGRESS_MIN_FILES, transient=True) as progress:
        task = progress.add_task("dropping", total=len(files))
        for path, name in files:
            key = f"{prefix}{name}"
            content_type, encoding = mimetypes.guess_type(path.name)
            extra: dict[str, str] = {"ContentType": content_type or "application/octet-stream"}
            if encoding == "gzip":
                extra["ContentEncoding"] = "gzip"
            s3.put_object(Bucket=bucket, Key=key, Body=path.read_bytes(), **extra)
            keys.append(key)
            progress.advance(task)
    return keys
