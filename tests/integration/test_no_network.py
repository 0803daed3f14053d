"""The function never fetches what a document points at: no socket opens while it ingests.

Under moto's in-process mock the AWS calls never reach a socket either, so any connection or
name lookup during an invocation would be the function (or a library) following a document's URL.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest

from article_ingest.models.items import article_id
from tests.support import events, hostile
from tests.support.stack import MockStack

EXTERNAL_REFERENCES = (
    "<!doctype html><html><head><title>Links everywhere</title>"
    '<base href="http://203.0.113.1/">'
    '<link rel="stylesheet" href="http://203.0.113.2/style.css">'
    '<link rel="preload" href="https://203.0.113.3/font.woff2">'
    '<meta http-equiv="refresh" content="0; url=http://203.0.113.4/">'
    '<script src="http://203.0.113.5/app.js"></script>'
    '<style>@import url("http://203.0.113.6/more.css");</style></head><body><article>'
    '<p>{words}</p><img src="http://203.0.113.7/a.png" srcset="http://203.0.113.8/b.png 2x">'
    '<iframe src="http://203.0.113.9/"></iframe><object data="http://203.0.113.10/x.swf"></object>'
    '<video poster="http://203.0.113.11/p.jpg"><source src="http://203.0.113.12/v.mp4"></video>'
    '<svg><image href="http://203.0.113.13/i.svg"/></svg>'
    '<a href="http://example.com/story">a link</a><p>{more}</p></article></body></html>'
)


@pytest.fixture
def sockets(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every connection or name lookup attempted from now on (each one refused)."""
    attempts: list[Any] = []

    def refuse(*args: Any, **_: Any) -> Any:
        attempts.append(args)
        raise OSError("network access during ingest")

    monkeypatch.setattr(socket.socket, "connect", lambda self, address: refuse(address))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, address: refuse(address))
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


@pytest.mark.parametrize(
    "body",
    [
        EXTERNAL_REFERENCES.format(words=hostile.article_words(200), more=hostile.article_words(200, 1)),
        hostile.external_entity().decode(),
    ],
    ids=["urls-in-every-html-slot", "xml-external-entities"],
)
def test_ingesting_a_document_full_of_urls_opens_no_connection(
    stack: MockStack, sockets: list[Any], body: str
) -> None:
    # Given a document referring to remote resources in every way HTML and XML allow
    put = stack.put("inbox/links.html", body.encode())
    # When it is ingested (with every socket connection and DNS lookup refused and recorded)
    result = stack.invoke(
        events.sqs_batch(events.for_upload(stack.resources.inbox_bucket, "inbox/links.html", put))
    )
    # Then the article is stored and nothing tried to reach the network
    assert result == {"batchItemFailures": []}
    item = stack.item(article_id(stack.resources.inbox_bucket, "inbox/links.html"))
    assert item is not None
    assert item.status == "stored"
    assert sockets == []


def test_the_socket_guard_notices_a_fetch(sockets: list[Any]) -> None:
    # Given the guard / When code tries to open a connection / Then it is refused and recorded
    with pytest.raises(OSError, match="network access"):
        socket.create_connection(("203.0.113.1", 80), timeout=1)
    assert sockets == [(("203.0.113.1", 80),)]
