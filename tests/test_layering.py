"""The import direction holds: core <- export/records <- GUI; core <- CLI. The core knows no Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "wizard"

# what each layer may not import
FORBIDDEN = {
    "core": ("PySide6", "wizard.gui", "wizard.export", "wizard.records", "wizard.cli",
             "wizard.treedir", "wizard.locations"),
    "export": ("wizard.gui", "wizard.records", "wizard.cli"),
    "records": ("wizard.gui", "wizard.cli", "PySide6.QtWidgets"),
}


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_nothing_above_it(layer):
    folder = PACKAGE / layer
    if not folder.exists():
        pytest.skip(f"wizard/{layer} does not exist yet")
    bad = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted(folder.rglob("*.py"))
        for name in imports_of(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer])
    ]
    assert bad == []
