"""Dependencies point one way: handler -> service -> adapters (aws/) -> models and extraction, and
all of them stand on the shared vocabulary (errors.py), which stands on nothing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "layers" / "article_ingest" / "article_ingest"
# What each layer may not import (everything above it).
FORBIDDEN = {
    "extraction": ("article_ingest.service", "article_ingest.aws", "article_ingest.models"),
    "models": ("article_ingest.service", "article_ingest.aws"),
    "aws": ("article_ingest.service",),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", list(FORBIDDEN))
def test_no_module_imports_a_layer_above_its_own(layer: str) -> None:
    # Given every module of the layer / When its imports are read
    offending = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in (PACKAGE / layer).rglob("*.py")
        for name in _imports(path)
        if name.startswith(FORBIDDEN[layer])
    }
    # Then none reaches up
    assert offending == set()


def test_the_shared_error_vocabulary_imports_nothing_of_the_package() -> None:
    # Given the module every layer imports its reasons and error bases from / When its imports are read
    own = {name for name in _imports(PACKAGE / "errors.py") if name.startswith("article_ingest")}
    # Then it leans on no layer, so any layer may import it
    assert own == set()
