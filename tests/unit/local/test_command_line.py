"""The command line, assembled from its command groups, ends a user's mistake in one line."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner

from article_ingest_local.cli import main
from article_ingest_local.ports import PortInUseError
from article_ingest_local.user_errors import FriendlyGroup
from tests.unit.local.test_extract_files import PAGE

COMMANDS = {
    "up", "ui", "status", "demo",  # stack
    "drop", "redrive", "reprocess",  # inbox
    "articles", "show", "notices",  # articles
    "extract",
}  # fmt: skip


def test_every_command_group_is_part_of_the_command() -> None:
    # Given the assembled command / Then it holds each group's commands, and nothing else
    assert set(main.commands) == COMMANDS


def test_extract_prints_one_json_line_per_file(tmp_path: Path) -> None:
    # Given two files
    story, empty = tmp_path / "story.html", tmp_path / "empty.txt"
    story.write_text(PAGE, encoding="utf-8")
    empty.write_bytes(b"")
    # When extracted with --jsonl
    result = CliRunner().invoke(main, ["extract", "--jsonl", str(story), str(empty)])
    # Then each file gives one JSON line, in order
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"], r["status"]) for r in records] == [(str(story), "stored"), (str(empty), "rejected")]


def test_a_users_mistake_raised_by_a_function_is_one_line_and_exit_code_1() -> None:
    # Given a command whose function refuses a busy port
    @click.group(cls=FriendlyGroup)
    def group() -> None:
        pass

    @group.command()
    def claim() -> None:
        raise PortInUseError("port 5000 is in use")

    # When it runs
    result = CliRunner().invoke(group, ["claim"])
    # Then it exits 1 with the one line and no traceback
    assert result.exit_code == 1
    assert result.output == "Error: port 5000 is in use\n"
