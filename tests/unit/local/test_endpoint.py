"""One place turns --port and AWS_ENDPOINT_URL into the local stack's endpoint and port."""

from __future__ import annotations

import pytest

from article_ingest_local.errors import UserError
from article_ingest_local.session import DEFAULT_PORT, resolve_endpoint


def test_a_port_option_wins_over_the_environment() -> None:
    # Given AWS_ENDPOINT_URL naming one port / When --port names another
    endpoint = resolve_endpoint(5123, {"AWS_ENDPOINT_URL": "http://localhost:6000"})
    # Then the loopback endpoint at --port is used
    assert (endpoint.url, endpoint.port) == ("http://127.0.0.1:5123", 5123)


def test_without_a_port_option_the_environment_url_is_used_as_given() -> None:
    # Given AWS_ENDPOINT_URL and no --port
    endpoint = resolve_endpoint(None, {"AWS_ENDPOINT_URL": "http://localhost:6000/"})
    # Then its URL is kept verbatim and its port read from it
    assert (endpoint.url, endpoint.port) == ("http://localhost:6000/", 6000)


def test_with_neither_the_default_local_endpoint_is_used() -> None:
    # Given no --port and no AWS_ENDPOINT_URL / When resolved
    endpoint = resolve_endpoint(None, {})
    # Then it is 127.0.0.1 on the default port
    assert (endpoint.url, endpoint.port) == (f"http://127.0.0.1:{DEFAULT_PORT}", DEFAULT_PORT)


def test_an_environment_url_without_a_port_means_the_default_port() -> None:
    # Given AWS_ENDPOINT_URL naming no port / When resolved
    endpoint = resolve_endpoint(None, {"AWS_ENDPOINT_URL": "http://stack.internal"})
    # Then the stack's port is the default one (where `up` would start it)
    assert endpoint.port == DEFAULT_PORT


def test_an_environment_url_with_an_unreadable_port_is_a_users_mistake() -> None:
    # Given AWS_ENDPOINT_URL with a port that is not a number / When resolved / Then one line says so
    with pytest.raises(UserError, match="AWS_ENDPOINT_URL 'http://localhost:five'"):
        resolve_endpoint(None, {"AWS_ENDPOINT_URL": "http://localhost:five"})


def test_the_stack_is_named_by_its_port() -> None:
    # Given endpoints reached through the option and through the variable, on one port
    by_option = resolve_endpoint(5123, {})
    by_variable = resolve_endpoint(None, {"AWS_ENDPOINT_URL": "http://localhost:5123"})
    # Then both name the same stack (so they share its state folder and watch queue)
    assert by_option.stack_name == by_variable.stack_name == "local-5123"
