"""The quality gate's floors only move up unless a lower pin is asked for explicitly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import gate


@pytest.fixture
def floors_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"corpus": 0.950}), encoding="utf-8")
    monkeypatch.setattr(gate, "FLOORS_FILE", path)
    return path


def test_repinning_a_lower_figure_is_refused_and_the_floor_kept(floors_file: Path) -> None:
    # Given a floor of 0.950 / When a run that achieved 0.900 asks to repin
    drops = gate.repin({"corpus": 0.900}, allow_lower=False)
    # Then it is refused and the floor stands
    assert drops == ["corpus"]
    assert gate.load_floors() == {"corpus": 0.950}


def test_repinning_a_higher_figure_raises_the_floor_less_the_margin(floors_file: Path) -> None:
    # Given a floor of 0.950 / When a run that achieved 0.970 repins
    assert gate.repin({"corpus": 0.970}, allow_lower=False) == []
    # Then the floor sits the margin below the new figure
    assert gate.load_floors() == {"corpus": round(0.970 - gate.MARGIN, 3)}


def test_a_lower_floor_is_written_only_when_explicitly_allowed(floors_file: Path) -> None:
    # Given a floor of 0.950 / When a lower figure is repinned with allow_lower
    assert gate.repin({"corpus": 0.900}, allow_lower=True) == []
    # Then the floor drops to it
    assert gate.load_floors() == {"corpus": round(0.900 - gate.MARGIN, 3)}
