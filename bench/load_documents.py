"""The documents the load benchmark drops: variations of samples/ plus hostile and broken inputs.

Every document gets its own key (some with spaces, "+", unicode or "%") and, for the samples,
its own content (a numbered title and paragraph), so no two articles share a content hash.
"""

from __future__ import annotations

import gzip
import random
from dataclasses import dataclass
from pathlib import Path

from tests.support import hostile

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = REPO_ROOT / "samples"
# Hostile documents cheap enough to repeat many times (the 1 GiB gzip bomb is built once).
HOSTILE_NAMES = (
    "empty",
    "one_byte",
    "png",
    "pdf",
    "random",
    "invalid_utf8",
    "mixed_encodings",
    "gzip_bomb",
    "billion_laughs",
    "external_entity",
    "attributes_on_one_element",
    "nul_bytes",
    "all_scripts",
    "script_injection",
)
KEY_DECORATIONS = ("", "", "", "", " with space", "+plus", "-Zürich-東京", " 100%")


@dataclass(frozen=True, slots=True)
class LoadDocument:
    """One object to drop: key, bytes and the headers it is uploaded with."""

    key: str
    body: bytes
    content_type: str
    content_encoding: str | None
    kind: str  # "sample:<file>" or "hostile:<name>"


def _vary_html(page: bytes, index: int) -> bytes:
    marker = f" (variation {index})"
    paragraph = f"<p>Load run variation {index}: an extra paragraph so this copy is its own article.</p>"
    page = page.replace(b"</title>", marker.encode() + b"</title>", 1)
    body_at = page.lower().find(b"<article")
    if body_at < 0:
        body_at = page.lower().find(b"<body")
    end = page.find(b">", body_at) + 1 if body_at >= 0 else 0
    return page[:end] + paragraph.encode() + page[end:]


def _sample_document(path: Path, index: int, prefix: str) -> LoadDocument:
    data = path.read_bytes()
    stem, suffix = path.name.split(".", 1)
    decoration = KEY_DECORATIONS[index % len(KEY_DECORATIONS)]
    key = f"{prefix}{index:05d}-{stem}{decoration}.{suffix}"
    if suffix == "html.gz":
        body = gzip.compress(_vary_html(gzip.decompress(data), index), mtime=0)
        return LoadDocument(key, body, "text/html", "gzip", f"sample:{path.name}")
    if suffix == "txt":
        body = f"Load run variation {index}\n\n".encode() + data if data.strip() else data
        return LoadDocument(key, body, "text/plain; charset=utf-8", None, f"sample:{path.name}")
    return LoadDocument(key, _vary_html(data, index), "text/html", None, f"sample:{path.name}")


def _hostile_document(name: str, index: int, prefix: str) -> LoadDocument:
    doc = hostile.document(name, prefix="")
    key = f"{prefix}{index:05d}-{doc.key}"
    return LoadDocument(key, doc.body, doc.content_type, doc.content_encoding, f"hostile:{name}")


def load_documents(
    count: int, *, hostile_share: float = 0.1, seed: int = 3, prefix: str = "load/"
) -> list[LoadDocument]:
    """`count` documents: samples varied per copy, with about `hostile_share` of them hostile."""
    rng = random.Random(seed)
    samples = sorted(p for p in SAMPLES.iterdir() if p.name.endswith((".html", ".txt", ".html.gz")))
    out = []
    for index in range(count):
        if rng.random() < hostile_share:
            out.append(_hostile_document(HOSTILE_NAMES[index % len(HOSTILE_NAMES)], index, prefix))
        else:
            out.append(_sample_document(samples[index % len(samples)], index, prefix))
    return out
