"""Load: drop many varied documents into a fresh local stack and account for every one.

    python -m bench.load --count 2000 [--concurrency 2] [--out .article-ingest/bench-load.json]

Starts the local stack (moto server on 127.0.0.1, the function behind SQS pollers), uploads
`count` documents (samples varied per copy, ~10% hostile or broken), lets the bucket's
notifications drive the queue, and waits until every document has an item and a notice.
Reports: stored + rejected == dropped, notices == items, duplicate notices, messages left in the
queues (dead-letter included), time to drain and documents per second. Exits 1 if any check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import socket
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from article_ingest.models.items import ArticleItem
from article_ingest_local.local_stack import LocalStack, isolate_from_real_aws
from article_ingest_local.provision import WATCH_QUEUE_SUFFIX
from article_ingest_local.queues import queue_depth
from article_ingest_local.template import Template
from bench.load_documents import REPO_ROOT, LoadDocument, load_documents

UPLOAD_THREADS = 4
POLL_SECONDS = 2.0
DEFAULT_OUT = REPO_ROOT / ".article-ingest" / "bench-load.json"


@dataclass
class LoadReport:
    """What one load run saw."""

    dropped: int
    concurrency: int
    upload_seconds: float = 0.0
    drain_seconds: float = 0.0  # first upload to the last item and notice
    documents_per_second: float = 0.0
    stored: int = 0
    rejected: int = 0
    items: int = 0
    notices: int = 0
    duplicate_notices: int = 0
    items_without_notice: int = 0
    ingest_queue_left: int = 0
    dead_letter_queue_left: int = 0
    peak_rss_mb: float = 0.0
    reasons: dict[str, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    checks: dict[str, bool] = field(default_factory=dict)

    def judge(self) -> bool:
        self.checks = {
            "all accounted for (stored + rejected == dropped)": self.stored + self.rejected == self.dropped,
            "one item per dropped key": self.items == self.dropped,
            "notices == items": self.notices == self.items and self.items_without_notice == 0,
            "zero duplicate notices": self.duplicate_notices == 0,
            "queues drained (dead-letter queue empty)": self.ingest_queue_left == 0
            and self.dead_letter_queue_left == 0,
        }
        return all(self.checks.values())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _upload(s3: Any, bucket: str, docs: list[LoadDocument]) -> None:
    def put(doc: LoadDocument) -> None:
        extra = {"ContentType": doc.content_type}
        if doc.content_encoding:
            extra["ContentEncoding"] = doc.content_encoding
        s3.put_object(Bucket=bucket, Key=doc.key, Body=doc.body, **extra)

    with ThreadPoolExecutor(max_workers=UPLOAD_THREADS) as pool:
        list(pool.map(put, docs))


def _drain_notices(sqs: Any, queue_url: str, into: list[dict[str, Any]]) -> None:
    while True:
        messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
        if not messages:
            return
        into.extend(json.loads(m["Body"]) for m in messages)
        sqs.delete_message_batch(
            QueueUrl=queue_url,
            Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages)],
        )


def run(count: int, *, concurrency: int, timeout: float, hostile_share: float) -> LoadReport:
    """Start a stack, drop `count` documents, wait for all of them, stop the stack."""
    isolate_from_real_aws()
    docs = load_documents(count, hostile_share=hostile_share)
    stack = LocalStack(
        Template.load(),
        port=_free_port(),
        retry_delay_seconds=1,
        concurrency=concurrency,
        function_log=DEFAULT_OUT.with_name("bench-load-function.log"),  # keep the console to the report
    )
    stack.start(log_level="CRITICAL")
    report = LoadReport(dropped=len(docs), concurrency=concurrency, kinds=dict(Counter(d.kind for d in docs)))
    try:
        target = stack.target
        s3, sqs = target.s3(), target.sqs()
        watch_url = sqs.get_queue_url(QueueName=f"{target.name}-{WATCH_QUEUE_SUFFIX}")["QueueUrl"]
        stack.run_pollers()
        started = time.monotonic()
        _upload(s3, target.resources.inbox_bucket, docs)
        report.upload_seconds = round(time.monotonic() - started, 1)
        notices: list[dict[str, Any]] = []
        deadline = started + timeout
        # Notices are cheap to count; the table is scanned once at the end (a scan per poll of a
        # growing table would slow the very pollers being measured).
        while time.monotonic() < deadline:
            _drain_notices(sqs, watch_url, notices)
            if len({notice["article_id"] for notice in notices}) >= len(docs):
                break
            time.sleep(POLL_SECONDS)
        report.drain_seconds = round(time.monotonic() - started, 1)
        time.sleep(POLL_SECONDS)  # a late duplicate notice would show up here
        _drain_notices(sqs, watch_url, notices)
        items = list(target.article_store().scan())
        _account(report, items, notices)
        report.ingest_queue_left = queue_depth(sqs, target.resources.ingest_queue_url)
        report.dead_letter_queue_left = queue_depth(sqs, target.resources.dead_letter_queue_url)
    finally:
        stack.stop()
    report.documents_per_second = (
        round(report.items / report.drain_seconds, 1) if report.drain_seconds else 0.0
    )
    report.peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return report


def _account(report: LoadReport, items: list[ArticleItem], notices: list[dict[str, Any]]) -> None:
    statuses = Counter(item.status for item in items)
    report.items = len(items)
    report.stored, report.rejected = statuses["stored"], statuses["rejected"]
    report.reasons = dict(Counter(str(item.reason) for item in items if item.status == "rejected"))
    report.notices = len(notices)
    per_article = Counter(notice["article_id"] for notice in notices)
    report.duplicate_notices = sum(n - 1 for n in per_article.values() if n > 1)
    report.items_without_notice = sum(1 for item in items if item.id not in per_article)


def _summary(report: LoadReport) -> str:
    lines = [
        f"dropped {report.dropped} documents ({report.concurrency} pollers): "
        f"uploaded in {report.upload_seconds}s, drained in {report.drain_seconds}s "
        f"= {report.documents_per_second} documents/s",
        f"items {report.items} = stored {report.stored} + rejected {report.rejected}; "
        f"notices {report.notices}; duplicate notices {report.duplicate_notices}; "
        f"items without notice {report.items_without_notice}",
        f"left in ingest queue {report.ingest_queue_left}, "
        f"in dead-letter queue {report.dead_letter_queue_left}; peak RSS {report.peak_rss_mb} MB "
        "(moto server, pollers and function in one process)",
        "rejected by reason: " + ", ".join(f"{k}={v}" for k, v in sorted(report.reasons.items(), key=str)),
    ]
    lines += [f"[{'ok' if passed else 'FAIL'}] {check}" for check, passed in report.checks.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=2000, help="documents to drop")
    parser.add_argument("--concurrency", type=int, default=2, help="pollers running the function at once")
    parser.add_argument("--hostile-share", type=float, default=0.1, help="share of hostile/broken documents")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds to wait for the last document")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON report")
    args = parser.parse_args(argv)
    # The function's own output (EMF metric lines) would bury the summary: it goes to /dev/null.
    with Path(os.devnull).open("w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
        report = run(
            args.count, concurrency=args.concurrency, timeout=args.timeout, hostile_share=args.hostile_share
        )
    passed = report.judge()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(asdict(report), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(_summary(report))
    print(f"report: {args.out}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
