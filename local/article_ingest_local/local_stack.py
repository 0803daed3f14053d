"""The embedded stack: moto's server on 127.0.0.1, the template's resources, and the function
running in process behind a poller that plays Lambda's SQS event source."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from moto.server import ThreadedMotoServer

from article_ingest_local.function_output import POLLER_THREAD_PREFIX, route_function_output
from article_ingest_local.lambda_runtime import load_handler
from article_ingest_local.moto_fidelity import make_dynamodb_writes_atomic
from article_ingest_local.notices_journal import NoticeJournal, notice_journal
from article_ingest_local.poller import BatchResult, SqsEventSource
from article_ingest_local.provision import ensure_watch_queue, provision
from article_ingest_local.session import LOCAL_CREDENTIALS, LocalEndpoint, StackTarget, local_target
from article_ingest_local.settled import Settled, wait_until_settled
from article_ingest_local.snapshot import Restored, forget_state, load_state, save_state
from article_ingest_local.template import LOCAL_REGION, Template
from article_ingest_local.uploads import INBOX_PREFIX, upload_files

READY_TIMEOUT_SECONDS = 15
FUNCTION_LOG_NAME = "function.log"  # the function's stdout, as CloudWatch Logs would hold it


class LocalStack:
    """Start, run and stop the local stack."""

    def __init__(
        self,
        template: Template,
        *,
        port: int,
        retry_delay_seconds: int = 5,
        concurrency: int = 1,
        function_log: Path | None = None,
    ):
        self.template = template
        self.function_log = function_log  # None: the function prints to this process's stdout
        self.port = port
        endpoint = LocalEndpoint.loopback(port)
        self.endpoint = endpoint.url
        self.retry_delay_seconds = retry_delay_seconds
        self.concurrency = concurrency
        self._server: ThreadedMotoServer | None = None
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.state_folder: Path | None = None  # where the state is saved on stop; None: nowhere
        self.target: StackTarget = local_target(template, endpoint)

    def start(self, log_level: str = "WARNING", *, state_folder: Path | None = None) -> Restored:
        """Start moto (loopback only), restore the state saved in `state_folder` or create the
        template's resources, and load the function."""
        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log line per AWS call
        make_dynamodb_writes_atomic()  # conditional writes as atomic as DynamoDB's
        # Bind 127.0.0.1: ThreadedMotoServer would otherwise listen on every interface.
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()
        self._wait_ready()
        self.state_folder = state_folder
        restored = load_state(state_folder) if state_folder is not None else Restored(loaded=False)
        if not restored.loaded:
            provision(self.template, self.target.session, self.endpoint)
        ensure_watch_queue(
            self.target.session, self.endpoint, self.target.resources.topic_arn, self.target.name
        )
        self._handler_env = {
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": LOCAL_CREDENTIALS["aws_access_key_id"],
            "AWS_SECRET_ACCESS_KEY": LOCAL_CREDENTIALS["aws_secret_access_key"],
            "AWS_DEFAULT_REGION": LOCAL_REGION,
            "AWS_REGION": LOCAL_REGION,
            "POWERTOOLS_TRACE_DISABLED": "true",  # no X-Ray daemon locally
            "POWERTOOLS_LOG_LEVEL": log_level,
        }
        return restored

    def start_saved(self, state_base: Path, *, fresh: bool = False, log_level: str = "WARNING") -> Restored:
        """Start with this stack's folder under `state_base`: the state saved there restored (or,
        when `fresh`, forgotten with the notices received and the function's old output), and the
        function's output written to its log there."""
        folder = self.target.state_dir(state_base)
        self.function_log = folder / FUNCTION_LOG_NAME
        if fresh:
            forget_state(folder)
            self.function_log.unlink(missing_ok=True)
        restored = self.start(log_level, state_folder=folder)
        if fresh:
            notice_journal(self.target, state_base).reset()
        return restored

    def drop(self, files: list[tuple[Path, str]]) -> list[str]:
        """Upload (file, key suffix) pairs to the inbox bucket under INBOX_PREFIX; returns the keys."""
        return upload_files(self.target.s3(), self.target.resources.inbox_bucket, files, prefix=INBOX_PREFIX)

    def wait_until_settled(self, expected: int, notices: NoticeJournal, *, timeout_seconds: float) -> Settled:
        """The items and notices once `expected` objects have both, or what there is at the timeout."""
        return wait_until_settled(
            self.target.article_store(), notices, expected, timeout_seconds=timeout_seconds
        )

    def run_pollers(self, on_batch: Callable[[BatchResult], Any] | None = None) -> None:
        """Start the poller threads (at most the template's maximum concurrency)."""
        spec = self.template.function()
        if self.function_log is not None:
            route_function_output(self.function_log)  # before the handler's Logger binds stdout
        handler = load_handler(spec, self._handler_env)
        queue_logical = spec.event_source.queue_logical_id
        workers = max(1, min(self.concurrency, spec.event_source.maximum_concurrency))
        for index in range(workers):
            source = SqsEventSource(
                self.target.sqs(),
                queue_url=self.template.resolve({"Ref": queue_logical}, queue_url_base=self.endpoint),
                queue_arn=self.template.arn(queue_logical),
                handler=handler,
                spec=spec,
                function_name=self.template.physical_name(spec.logical_id),
                retry_delay_seconds=self.retry_delay_seconds,
            )
            thread = threading.Thread(
                target=source.run, args=(self._stop, on_batch), name=f"{POLLER_THREAD_PREFIX}{index}"
            )
            thread.daemon = True
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        """Stop the pollers, then the server, then save the state (nothing changes it any more)."""
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=10)
        if self._server is not None:
            self._server.stop()
            self._server = None
            if self.state_folder is not None:
                save_state(self.state_folder)

    def _wait_ready(self) -> None:
        sqs = self.target.sqs()
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while True:
            try:
                sqs.list_queues()
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)


def isolate_from_real_aws() -> None:
    """Keep this process's own boto3 calls (the in-process function) off real credentials."""
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
        os.environ.pop(name, None)
