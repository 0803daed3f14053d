"""Uploads local files to the inbox bucket, with a progress bar for many files."""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.progress import Progress

PROGRESS_MIN_FILES = 5  # fewer files upload too fast for a bar to help


INBOX_PREFIX = "inbox/"  # where `drop`, `demo` and the README put files in the inbox bucket


@dataclass(frozen=True, slots=True)
class Collected:
    """The files to upload, as (file, key suffix), and the hidden files left out."""

    files: list[tuple[Path, str]] = field(default_factory=list)
    hidden: list[Path] = field(default_factory=list)


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def collect_files(paths: Iterable[Path]) -> Collected:
    """Each file given, and every file found (recursively) in a folder given, except hidden ones
    (dot-files and files in dot-folders, such as .DS_Store or .git/) inside folders."""
    collected = Collected()
    for path in paths:
        if not path.is_dir():
            collected.files.append((path, path.name))
            continue
        for child in sorted(path.rglob("*")):
            if not child.is_file():
                continue
            relative = child.relative_to(path)
            if _is_hidden(relative):
                collected.hidden.append(child)
            else:
                collected.files.append((child, relative.as_posix()))
    return collected


def upload_files(
    s3: Any, bucket: str, files: list[tuple[Path, str]], *, prefix: str, uploaded: list[str] | None = None
) -> list[str]:
    """Put each file under `prefix`; returns the keys. `uploaded` (if given) grows as each file
    goes up, so a caller interrupted midway knows how many did."""
    keys = uploaded if uploaded is not None else []
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
