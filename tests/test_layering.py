"""Every module of wizard/ sits in one layer, and imports run one way only: a layer imports
nothing from a layer above it. A module in no layer, or a layer with no module, fails the test
(it never skips), so a new or moved module must be placed here.

From the bottom: core (the domain, no Qt) <- library (the trees on disk, where the program's
files are, writing a file whole) <- export (documents from a transcript, the map) <- records
(advice records) <- gui (the window) <- cli (every command, the self-test, the build, the entry
point). A layer may import any layer below it.

Within and across layers no modules import one another in a circle, not even inside a
function (an import under `if TYPE_CHECKING:` never runs, so it does not count).
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


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(path: Path) -> set[str]:
    """The wizard modules `path` imports when it runs, at the top or inside a function (`from
    wizard.cli import records` names the module wizard.cli.records); imports under `if
    TYPE_CHECKING:` are left out, as they never run."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                submodule = f"{node.module}.{a.name}"
                found.add(submodule if submodule in MODULES else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {
        "wizard.__init__" if n == "wizard" else n for n in found if n in MODULES or n == "wizard"
    }


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import one another, in a circle or more (Tarjan's strongly
    connected components), sorted; [] when the imports form no cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(cycles)


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import(tmp_path):
    """The check below must be able to fail: two modules importing each other, one of them
    only inside a function, as wizard/cli/records_impact.py once imported wizard/cli/records."""
    first, second = tmp_path / "first.py", tmp_path / "second.py"
    first.write_text("from wizard.cli import records_impact\n", encoding="utf-8")
    second.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import wizard.cli.main\n"
        "def f():\n    from wizard.cli.records import open_store\n",
        encoding="utf-8",
    )
    assert runtime_imports(first) == {"wizard.cli.records_impact"}
    assert runtime_imports(second) == {"wizard.cli.records"}  # not the type-checking one
    graph = {
        "wizard.cli.records": runtime_imports(first),
        "wizard.cli.records_impact": runtime_imports(second),
        "wizard.cli.main": {"wizard.cli.records"},
    }
    assert import_cycles(graph) == [["wizard.cli.records", "wizard.cli.records_impact"]]


def test_no_import_cycles_in_wizard():
    """No module imports, even inside a function, a module that imports it back (directly or
    round a longer loop): shared helpers live in a module both import (e.g.
    wizard/cli/records_base.py), so each can be read, tested and changed on its own."""
    graph = {name: runtime_imports(path) - {name} for name, path in MODULES.items()}
    assert import_cycles(graph) == []
