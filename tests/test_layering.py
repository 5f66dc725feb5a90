"""Every module of wizard/ sits in one layer, and imports run one way only: a layer imports
nothing from a layer above it. A module in no layer, or a layer with no module, fails the test
(it never skips), so a new or moved module must be placed here.

From the bottom: core (the domain, no Qt) <- library (the trees on disk, where the program's
files are, writing a file whole) <- export (documents from a transcript, the map) <- records
(advice records) <- gui (the window) <- cli (every command, the self-test, the build, the entry
point). A layer may import any layer below it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "wizard"

# bottom first; each entry is a module or a package (everything under it)
LAYERS: dict[str, tuple[str, ...]] = {
    "core": ("wizard.core", "wizard.__init__"),
    "library": ("wizard.library",),  # the trees on disk, where files are, writing a file whole
    "export": ("wizard.export",),
    "records": ("wizard.records", "wizard.feedback"),  # what the data folder keeps
    "gui": ("wizard.gui",),
    "cli": ("wizard.cli", "wizard.__main__"),
}
ORDER = list(LAYERS)

# what a layer may not import although it is below, beyond the layer order
FORBIDDEN = {
    "core": ("PySide6",),
    "records": ("PySide6.QtWidgets",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 2 else parts)


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def layer_of(name: str) -> str | None:
    """The layer a wizard module belongs to (the longest matching entry), None if none."""
    best = max(
        (
            (len(p), layer)
            for layer, prefixes in LAYERS.items()
            for p in prefixes
            if within(name, p)
        ),
        default=None,
    )
    return best[1] if best else None


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add("wizard.__init__" if node.module == "wizard" else node.module)
            if node.module == "wizard":  # from wizard import cli_graph: the module itself
                names.update(f"wizard.{a.name}" for a in node.names)
    return names


def test_every_module_is_in_a_layer():
    assert [name for name in MODULES if layer_of(name) is None] == []


@pytest.mark.parametrize("layer", ORDER)
def test_every_layer_has_modules(layer):
    """A layer whose folder or modules disappeared fails here, rather than passing unchecked."""
    missing = [p for p in LAYERS[layer] if not any(within(m, p) for m in MODULES)]
    assert missing == [], f"{layer}: no module {', '.join(missing)}: update LAYERS"


@pytest.mark.parametrize("layer", ORDER)
def test_layer_imports_nothing_above_it(layer):
    above = set(ORDER[ORDER.index(layer) + 1 :])
    bad = []
    for name, path in MODULES.items():
        if layer_of(name) != layer:
            continue
        for imported in sorted(imports_of(path)):
            target = layer_of(imported) if within(imported, "wizard") else None
            if target in above or any(within(imported, f) for f in FORBIDDEN.get(layer, ())):
                bad.append(f"{path.relative_to(PACKAGE)} imports {imported} ({target or 'banned'})")
    assert bad == []
