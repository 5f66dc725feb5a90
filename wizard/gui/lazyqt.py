"""`Qt`, PySide's namespace of Qt's enums, made on first use instead of when a module is imported.

The first use of PySide6.QtCore.Qt makes PySide build all ~90 of its enums as Python enums. It is
the one start-up trick that still pays by far (issue 16, measured with callgrind: building them
before the first screen costs ~330 M instructions, some 60 ms, a third of the window's start-up;
bench/README.md section (b)). The modules the first screen needs import `Qt` from here, and what
the first screen sets it sets by name (`label.setProperty("textFormat", "PlainText")`: Qt reads
the enum's key). A misspelt name is silently ignored, so each one set by name is checked by a
test (tests/gui/test_window_parts.py); tests/gui/test_first_paint_costs.py keeps the deferral.
"""

from __future__ import annotations

from typing import TYPE_CHECKING


class _LazyQt:
    """Stands for PySide6.QtCore.Qt; each attribute is the real one."""

    def __getattr__(self, name: str) -> object:
        from wizard.gui.qt import Qt

        return getattr(Qt, name)


if TYPE_CHECKING:  # to type checkers, the namespace it stands for
    from wizard.gui.qt import Qt as Qt
else:
    Qt = _LazyQt()
