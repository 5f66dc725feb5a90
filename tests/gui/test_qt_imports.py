"""The GUI imports Qt through one module, wizard/gui/qt.py (as Anki's aqt.qt): no other module
under wizard/gui imports PySide6 itself, at the top, in a function or under TYPE_CHECKING. So
what the window uses of Qt is listed in one place, and an upgrade or shim is made there once.
"""

from __future__ import annotations

import ast
from pathlib import Path

import wizard.gui.qt as qt

GUI = Path(__file__).resolve().parents[2] / "wizard" / "gui"
QT_MODULE = GUI / "qt.py"


def pyside_imports(path: Path) -> list[str]:
    """`file:line module` for each import of PySide6 anywhere in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        found += [
            f"{path.relative_to(GUI.parent.parent)}:{node.lineno} {m}"
            for m in modules
            if m == "PySide6" or m.startswith("PySide6.")
        ]
    return found


def test_only_qt_py_imports_pyside() -> None:
    files = sorted(p for p in GUI.rglob("*.py") if p != QT_MODULE)
    assert len(files) > 30  # the GUI was found
    offenders = [hit for path in files for hit in pyside_imports(path)]
    assert offenders == [], "import these from wizard.gui.qt instead:\n" + "\n".join(offenders)


def test_qt_py_exports_what_it_imports() -> None:
    """Each name in __all__ is a real PySide6 object, and the list has no duplicates."""
    assert len(qt.__all__) == len(set(qt.__all__))
    for name in qt.__all__:
        assert getattr(qt, name).__module__.startswith("PySide6"), name
