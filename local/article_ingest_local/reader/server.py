"""Serves the reader page on 127.0.0.1: read-only (GET only), nothing fetched from elsewhere.

The articles come through the adapter the function writes with (ArticleStore: scan, get), as
the CLI reads them, the notices from the journal, the original from the inbox by the version the
item names. The original is served with a Content-Security-Policy that runs no script and loads
nothing from outside the page (the iframe is sandboxed too), so looking at a page neither runs it
nor tells its site.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, unquote
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from article_ingest.models.items import ArticleItem
from article_ingest_local.reader.pages import article_page, list_page
from article_ingest_local.session import StackTarget

ORIGINAL_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"
# The reader view shows the body's images only when inline: fetching them would tell their site.
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-src 'self'"
Notices = Callable[[], list[dict[str, Any]]]
Respond = Callable[[str, list[tuple[str, str]]], Any]


class ReaderApp:
    """The WSGI application."""

    def __init__(self, target: StackTarget, notices: Notices) -> None:
        self._target = target
        self._notices = notices

    def __call__(self, environ: dict[str, Any], respond: Respond) -> Iterable[bytes]:
        if environ["REQUEST_METHOD"] != "GET":
            return _send(respond, HTTPStatus.METHOD_NOT_ALLOWED, "read only", "text/plain")
        path = environ.get("PATH_INFO", "/")
        store = self._target.article_store()
        if path == "/":
            query = parse_qs(environ.get("QUERY_STRING", "")).get("q", [""])[0]
            return _send(respond, HTTPStatus.OK, list_page(list(store.scan()), query))
        kind, _, article_id = path.strip("/").partition("/")
        item = store.get(unquote(article_id)) if article_id else None
        if kind not in ("article", "original") or item is None:
            return _send(respond, HTTPStatus.NOT_FOUND, "no such article", "text/plain")
        if kind == "article":
            notices = [notice for notice in self._notices() if notice.get("article_id") == item.id]
            return _send(respond, HTTPStatus.OK, article_page(item, notices))
        return self._original(item, respond)

    def _original(self, item: ArticleItem, respond: Respond) -> Iterable[bytes]:
        s3 = self._target.s3()
        try:
            if item.source_version:
                source = s3.get_object(
                    Bucket=item.source_bucket, Key=item.source_key, VersionId=item.source_version
                )
            else:
                source = s3.get_object(Bucket=item.source_bucket, Key=item.source_key)
        except Exception:  # deleted since, or its version expired: say so rather than fail the page
            return _send(
                respond, HTTPStatus.NOT_FOUND, "the original is no longer in the inbox", "text/plain"
            )
        data = source["Body"].read()
        html = b"<html" in data[:2048].lower() or b"<!doctype" in data[:2048].lower()
        headers = [
            ("Content-Type", "text/html; charset=utf-8" if html else "text/plain; charset=utf-8"),
            ("Content-Security-Policy", ORIGINAL_POLICY),
        ]
        respond(f"{HTTPStatus.OK.value} OK", headers)
        return [data]


def _send(respond: Respond, status: HTTPStatus, body: str, content_type: str = "text/html") -> list[bytes]:
    headers = [("Content-Type", f"{content_type}; charset=utf-8")]
    if content_type == "text/html":
        headers.append(("Content-Security-Policy", PAGE_POLICY))
    respond(f"{status.value} {status.phrase}", headers)
    return [body.encode()]


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        """No access log on the terminal."""


def serve(app: ReaderApp, port: int) -> tuple[WSGIServer, threading.Thread]:
    """Serve on 127.0.0.1:port in a daemon thread; returns the server (shutdown() stops it)."""
    server = make_server("127.0.0.1", port, app, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="reader-page", daemon=True)
    thread.start()
    return server, thread
