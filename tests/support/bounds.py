"""Measure one hostile document through the handler in a fresh process: wall time and peak RSS.

    python -m tests.support.bounds CASE

CASE: a tests.support.hostile name, "largest_accepted" or "attribute_flood".

Runs the template's stack under moto's in-process mock, uploads the document and invokes the
handler once; prints one JSON object. A fresh process per case keeps ru_maxrss meaningful.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from typing import Any

import pytest
from moto import mock_aws

from article_ingest.models.items import article_id
from tests.support import events, hostile
from tests.support.stack import build_mock_stack

LARGEST_ACCEPTED = "largest_accepted"
ATTRIBUTE_FLOOD = "attribute_flood"  # one start tag of ~17 MB, just under the size limit
FLOOD_ATTRIBUTES = 800_000
HEADROOM_BYTES = 100_000  # the largest accepted document sits this far under MAX_OBJECT_BYTES


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def measure(case: str) -> dict[str, Any]:
    """Handle one document; returns its outcome, the seconds the handler took and peak RSS."""
    os.environ.update(
        AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1"
    )
    with mock_aws(), pytest.MonkeyPatch.context() as patch:
        stack = build_mock_stack(patch)
        if case == LARGEST_ACCEPTED:
            limit = int(stack.template.function().environment["MAX_OBJECT_BYTES"])
            doc = hostile.HostileDocument(
                case, "bounds/largest.html", hostile.big_html(limit - HEADROOM_BYTES)
            )
        elif case == ATTRIBUTE_FLOOD:
            body = hostile.many_attributes_on_one_element(FLOOD_ATTRIBUTES)
            doc = hostile.HostileDocument(case, "bounds/flood.html", body)
        else:
            doc = hostile.document(case, prefix="bounds/")
        put = stack.put(doc.key, doc.body, **doc.put_arguments())
        event = events.sqs_batch(
            events.for_upload(stack.resources.inbox_bucket, doc.key, put, size=len(doc.body))
        )
        before = _peak_rss_mb()
        started = time.perf_counter()
        response = stack.invoke(event)
        seconds = round(time.perf_counter() - started, 2)
        item = stack.item(article_id(stack.resources.inbox_bucket, doc.key))
    return {
        "case": case,
        "bytes": len(doc.body),
        "seconds": seconds,
        "peak_rss_mb_before": before,
        "peak_rss_mb": _peak_rss_mb(),
        "status": item.status if item else None,
        "reason": item.reason if item else None,
        "batch_item_failures": len(response["batchItemFailures"]),
    }


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1])))
