"""`Qt`, PySide's namespace of Qt's enums, made on first use instead of when a module is imported.

The first use of PySide6.QtCore.Qt makes PySide build all ~90 of its enums as Python enums: some
15 ms, close to a tenth of the window's start-up (issue 8). The modules the first screen needs
import `Qt` from here, and what the first screen sets it sets by name where it can
(`label.setProperty("textFormat", "PlainText")`: Qt reads the enum's key), so the namespace is
built only after the first paint. tests/gui/test_first_paint_costs.py keeps it so.
"""

from __future__ import annotations


class _LazyQt:
    """Stands for PySide6.QtCore.Qt; each attribute is the real one."""

    def __getattr__(self, name: str) -> object:
        from PySide6.QtCore import Qt

        return getattr(Qt, name)


Qt = _LazyQt()
