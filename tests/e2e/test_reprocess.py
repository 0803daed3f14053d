"""`article-ingest reprocess` against the running local stack: re-queued, re-extracted, re-announced."""

from __future__ import annotations

import json
import time
from typing import Any

from tests.support.local_process import ROOT, LocalStackProcess

SAMPLES = ROOT / "samples"
WAIT_SECONDS = 90


def _notices_for(stack: LocalStackProcess, article_ids: set[str], count: int) -> list[dict[str, Any]]:
    """Wait until `count` notices name the given articles; returns them."""
    deadline = time.monotonic() + WAIT_SECONDS
    found: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        notices = json.loads(stack.cli("notices", "--json").stdout)
        found = [n for n in notices if n.get("article_id") in article_ids]
        if len(found) >= count:
            break
        time.sleep(1)
    return found


def _items_under(stack: LocalStackProcess, prefix: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(stack.cli("articles", "--json").stdout)
    return [i for i in items if i["source_key"].startswith(prefix)]


def _wait_for_items(stack: LocalStackProcess, prefix: str, count: int) -> list[dict[str, Any]]:
    deadline = time.monotonic() + WAIT_SECONDS
    items = _items_under(stack, prefix)
    while len(items) < count and time.monotonic() < deadline:
        time.sleep(0.5)
        items = _items_under(stack, prefix)
    return items


def test_reprocess_re_extracts_and_re_announces_every_object_under_a_prefix(
    local_stack: LocalStackProcess,
) -> None:
    # Given two articles dropped under a prefix, stored and announced once each
    files = [str(SAMPLES / "bbc-1.html"), str(SAMPLES / "medium-1.html")]
    local_stack.cli("drop", "--prefix", "again/", *files)
    first = _wait_for_items(local_stack, "again/", 2)
    ids = {i["id"] for i in first}
    assert len(_notices_for(local_stack, ids, 2)) == 2
    # When they are reprocessed
    result = local_stack.cli("reprocess", "--prefix", "again/")
    # Then the command counts them, each is announced a second time and its item was written again
    assert "re-queued 2 of 2 object(s)" in result.stderr
    assert len(_notices_for(local_stack, ids, 4)) == 4
    before = {i["id"]: i["ingested_at"] for i in first}
    after = {i["id"]: i["ingested_at"] for i in _items_under(local_stack, "again/")}
    assert all(after[item_id] > before[item_id] for item_id in ids)


def test_reprocess_with_a_current_extractor_floor_queues_nothing(local_stack: LocalStackProcess) -> None:
    # Given an article stored by the current extractor
    local_stack.cli("drop", "--prefix", "current/", str(SAMPLES / "bbc-1.html"))
    assert _wait_for_items(local_stack, "current/", 1)
    # When reprocessing asks only for articles older than version 0.0.1
    result = local_stack.cli("reprocess", "--prefix", "current/", "--extractor-older-than", "0.0.1")
    # Then nothing is queued
    assert "re-queued 0 of 1 object(s)" in result.stderr


def test_reprocess_refuses_a_version_without_a_number(local_stack: LocalStackProcess) -> None:
    # Given the running stack
    # When a malformed version is given
    result = local_stack.cli("reprocess", "--extractor-older-than", "latest", check=False)
    # Then the command fails with a usage error naming the option
    assert result.returncode == 2
    assert "--extractor-older-than" in result.stderr
