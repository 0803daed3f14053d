"""Loopback ports for the local stack and the reader page: which are free, and claiming one."""

from __future__ import annotations

import socket

from article_ingest_local.errors import UserError


class PortInUseError(UserError):
    """Raised by `claim` when something already listens on the port the stack would take."""


def is_free(port: int) -> bool:
    """Whether a server could listen on the loopback port now. Probed as moto's and the reader
    page's servers bind (SO_REUSEADDR): a port whose last connections linger in TIME_WAIT is free."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def usable_port(preferred: int) -> int:
    """`preferred` if nothing listens on it, else a free loopback port."""
    if is_free(preferred):
        return preferred
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def claim(port: int) -> None:
    """Fail at once, touching nothing, if the port is taken (moto's server would hang on it)."""
    if not is_free(port):
        raise PortInUseError(
            f"port {port} is in use (another `article-ingest up`?): stop it, or start on another "
            f"port with `article-ingest up --port {port + 1}`"
        )
