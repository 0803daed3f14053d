"""`extract` turns a local file into one record named as the item's fields, without AWS."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from article_ingest_local.extract_files import extract_record

PAGE = (
    "<html lang='en'><head><title>Rivers rise after the storm</title>"
    "<meta name='author' content='Ada Lovelace'></head><body><article><h1>Rivers rise after the storm</h1>"
    + "<p>The river rose two metres overnight as the storm passed over the valley, and the town's "
    "volunteers filled sandbags until the morning came and the water began to fall again.</p>"
    * 6
    + "</article></body></html>"
)


def test_an_empty_file_is_a_rejection_with_its_reason(tmp_path: Path) -> None:
    # Given an empty file / When extracted
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    record = extract_record(path, None)
    # Then the record says it was rejected, and why
    assert record["status"] == "rejected"
    assert record["reason"] == "empty"
    assert record["source"] == str(path)


def test_a_gzipped_page_is_stored_with_list_fields_ready_for_json(tmp_path: Path) -> None:
    # Given a gzipped article page / When extracted
    path = tmp_path / "story.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode()))
    record = extract_record(path, "https://example.org/news/story")
    # Then it is stored with its title, and its sequences are lists (so JSON round-trips it as is)
    assert record["status"] == "stored"
    assert record["title"] == "Rivers rise after the storm"
    assert isinstance(record["authors"], list)
    assert json.loads(json.dumps(record)) == record
