"""A local stack keeps its work across a stop and a start; `up --fresh` starts empty."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from article_ingest_local.queues import queue_depth
from article_ingest_local.session import LocalEndpoint, local_target
from article_ingest_local.template import Template
from tests.support.local_process import ROOT, LocalStackProcess, free_port, running_stack

SAMPLE = ROOT / "samples" / "bbc-1.html"
WAIT_SECONDS = 60


def _articles(stack: LocalStackProcess) -> list[dict[str, Any]]:
    return list(json.loads(stack.cli("articles", "--json").stdout))


def _until_items(stack: LocalStackProcess) -> list[dict[str, Any]]:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if items := _articles(stack):
            return items
        time.sleep(0.5)
    raise AssertionError("no item")


def test_a_restarted_stack_has_its_inbox_items_notices_and_dead_letters_and_fresh_forgets_them(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    port, state = free_port(), tmp_path_factory.mktemp("kept-state")
    target = local_target(Template.load(), LocalEndpoint.loopback(port))
    # Given a stack that stored an article and holds a dead-lettered message
    with running_stack(tmp_path_factory, port=port, state_dir=state) as first:
        first.cli("drop", str(SAMPLE))
        (item,) = _until_items(first)
        notices_before = json.loads(first.cli("notices", "--json").stdout)
        sqs: Any = target.sqs()
        sqs.send_message(QueueUrl=target.resources.dead_letter_queue_url, MessageBody='{"stuck": true}')
    # When it is stopped and started again on the same port and state folder
    with running_stack(tmp_path_factory, port=port, state_dir=state) as second:
        # Then the item, its inbox object version, the notices and the dead letter are all there
        assert _articles(second) == [item]
        s3: Any = target.s3()
        head = s3.head_object(
            Bucket=target.resources.inbox_bucket, Key=item["source_key"], VersionId=item["source_version"]
        )
        assert head["ContentLength"] == SAMPLE.stat().st_size
        assert json.loads(second.cli("notices", "--json").stdout) == notices_before
        assert queue_depth(target.sqs(), target.resources.dead_letter_queue_url) == 1
        assert "restored the state" in second.log.read_text()
    # And `up --fresh` starts empty
    with running_stack(tmp_path_factory, "--fresh", port=port, state_dir=state) as third:
        assert _articles(third) == []
        assert json.loads(third.cli("notices", "--json").stdout) == []
