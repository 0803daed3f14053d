"""`up` claims its port at once, and the reader page falls back to a free one."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from article_ingest_local.ports import PortInUseError, claim, is_free, usable_port


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A loopback port something listens on, for the length of the test."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield int(server.getsockname()[1])


def test_claiming_a_port_something_listens_on_fails_and_names_the_next_port(busy_port: int) -> None:
    # Given a port in use / When the stack claims it / Then it is refused with what to do instead
    with pytest.raises(PortInUseError, match=f"port {busy_port} is in use.*--port {busy_port + 1}"):
        claim(busy_port)


def test_a_busy_preferred_port_gives_way_to_a_free_one(busy_port: int) -> None:
    # Given the preferred port in use / When a usable port is asked for
    port = usable_port(busy_port)
    # Then another port, free now, is given
    assert port != busy_port
    assert is_free(port)


def test_a_free_preferred_port_is_kept() -> None:
    # Given a port just released
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        released = int(probe.getsockname()[1])
    # When a usable port is asked for with it preferred / Then it is the one given
    assert usable_port(released) == released
