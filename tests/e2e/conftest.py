"""End-to-end fixtures: the local stack started as a user starts it (tests/support/local_process.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.local_process import LocalStackProcess, running_stack


@pytest.fixture(scope="module")
def local_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStackProcess]:
    """The local stack with one poller, as `article-ingest up` starts it by default."""
    with running_stack(tmp_path_factory) as stack:
        yield stack
