"""Drop files into the local stack over HTTP; see items and receive notices."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.support.local_process import ROOT, LocalStackProcess

SAMPLES = ROOT / "samples"
WAIT_SECONDS = 90


def _wait_for(stack: LocalStackProcess, count: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    deadline = time.monotonic() + WAIT_SECONDS
    items: list[dict[str, Any]] = []
    notices: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        items = json.loads(stack.cli("articles", "--json").stdout)
        notices = json.loads(stack.cli("notices", "--json").stdout)
        if len(items) >= count and len(notices) >= count:
            break
        time.sleep(1)
    return items, notices


def test_dropping_the_samples_yields_one_item_and_one_notice_per_file(local_stack: LocalStackProcess) -> None:
    # Given the sample files
    files = sorted(SAMPLES.iterdir())
    # When the folder is dropped into the running stack
    local_stack.cli("drop", str(SAMPLES))
    items, notices = _wait_for(local_stack, len(files))
    # Then each file has exactly one item and one notice, stored or rejected with a reason
    assert sorted(i["source_key"] for i in items) == sorted(f"inbox/{p.name}" for p in files)
    assert sorted(n["article_id"] for n in notices) == sorted(i["id"] for i in items)
    by_key = {i["source_key"].removeprefix("inbox/"): i for i in items}
    assert by_key["bbc-1.html"]["status"] == "stored"
    assert by_key["nytimes-1.html.gz"]["status"] == "stored"
    assert (by_key["empty.txt"]["status"], by_key["empty.txt"]["reason"]) == ("rejected", "empty")
    assert all(i["status"] == "stored" or i.get("reason") for i in items)
    # And `up` showed the progress on its terminal
    stored = sum(i["status"] == "stored" for i in items)
    expected = f"stored {stored} · rejected {len(items) - stored}"
    deadline = time.monotonic() + WAIT_SECONDS
    while expected not in local_stack.log.read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert expected in local_stack.log.read_text()


def test_show_prints_one_stored_article_in_full(local_stack: LocalStackProcess) -> None:
    # Given an article dropped and stored
    local_stack.cli("drop", "--prefix", "show/", str(SAMPLES / "medium-1.html"))
    deadline = time.monotonic() + WAIT_SECONDS
    match: list[dict[str, Any]] = []
    while not match and time.monotonic() < deadline:
        items = json.loads(local_stack.cli("articles", "--json").stdout)
        match = [i for i in items if i["source_key"] == "show/medium-1.html"]
        time.sleep(0.5)
    assert match
    # When it is shown by an id prefix
    shown = json.loads(local_stack.cli("show", match[0]["id"][:12]).stdout)
    # Then the whole article, body included, is printed
    assert shown["id"] == match[0]["id"]
    assert len(shown["text"]) > 1000
    assert "<script" not in shown["html"]


def test_extract_prints_one_json_object_per_input_with_item_field_names(tmp_path: Path) -> None:
    # Given a text file and a gzip page
    cli = str(Path(sys.executable).parent / "article-ingest")
    inputs = [str(SAMPLES / "zelenskiy-putin-meeting.txt"), str(SAMPLES / "nytimes-1.html.gz")]
    # When extracted without AWS
    result = subprocess.run([cli, "extract", "--jsonl", *inputs], capture_output=True, text=True, check=True)
    # Then each line is an article named by its source path
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == inputs
    assert all(
        {"title", "authors", "published", "language", "site_name", "text"} <= r.keys() for r in records
    )
