"""The display preferences (text size, high contrast), the idle timeout and the trees folder,
kept in QSettings.

The QSettings object is passed in, so tests use a file of their own and never the user's settings.
"""

from __future__ import annotations

from wizard.gui.qt import QSettings
from wizard.library.locations import APPLICATION, ORGANISATION

TEXT_SIZES = (9, 10, 11, 12, 14, 16, 18, 20, 24, 28, 32, 36)  # points; Ctrl+Plus steps through
DEFAULT_TEXT_SIZE = 12
DEFAULT_IDLE_MINUTES = 3.0


class Preferences:
    """Typed access to the few settings the window keeps; each change is saved at once."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else QSettings()

    # -- text size
    @property
    def text_size(self) -> int:
        size = _int(self._s.value("display/text_size"), DEFAULT_TEXT_SIZE)
        return min(TEXT_SIZES, key=lambda s: abs(s - size))

    @text_size.setter
    def text_size(self, size: int) -> None:
        self._set("display/text_size", int(size))

    def larger(self) -> int:
        """Step the text size up (stops at the largest); returns the new size."""
        self.text_size = next((s for s in TEXT_SIZES if s > self.text_size), TEXT_SIZES[-1])
        return self.text_size

    def smaller(self) -> int:
        self.text_size = next(
            (s for s in reversed(TEXT_SIZES) if s < self.text_size), TEXT_SIZES[0]
        )
        return self.text_size

    def reset_text_size(self) -> int:
        self.text_size = DEFAULT_TEXT_SIZE
        return self.text_size

    # -- contrast
    @property
    def high_contrast(self) -> bool:
        return str(self._s.value("display/high_contrast", "false")).lower() in ("true", "1")

    @high_contrast.setter
    def high_contrast(self, on: bool) -> None:
        self._set("display/high_contrast", bool(on))

    # -- shared terminals
    @property
    def idle_minutes(self) -> float:
        """Minutes without input before the walk is cleared; 0 turns the reset off."""
        value = self._s.value("terminal/idle_minutes", DEFAULT_IDLE_MINUTES)
        return max(0.0, _float(value, DEFAULT_IDLE_MINUTES))

    @idle_minutes.setter
    def idle_minutes(self, minutes: float) -> None:
        minutes = max(0.0, float(minutes))
        self._set("terminal/idle_minutes", int(minutes) if minutes.is_integer() else minutes)

    # -- where the trees come from
    @property
    def trees_folder(self) -> str:
        """Another folder of trees (e.g. the policy team's share); empty for the bundled ones.
        Used only if it is reachable and its trees validate (see wizard/library/choose.py)."""
        return str(self._s.value("trees/folder", "") or "").strip()

    @trees_folder.setter
    def trees_folder(self, folder: str) -> None:
        self._set("trees/folder", str(folder))

    def _set(self, key: str, value: object) -> None:
        self._s.setValue(key, value)
        self._s.sync()


def saved_trees_folder() -> str:
    """The trees/folder setting the window reads at start, read even where the application has
    not been named yet (the self-test): QSettings() names this same store once app.configure()
    has run, so both see one value."""
    return Preferences(QSettings(ORGANISATION, APPLICATION)).trees_folder


# QSettings.value() gives an object: a str from the settings file, or the default given.
def _int(value: object, default: int) -> int:
    if not isinstance(value, (str, bytes, int, float)):
        return default
    try:
        return int(value)
    except ValueError:
        return default


def _float(value: object, default: float) -> float:
    if not isinstance(value, (str, bytes, int, float)):
        return default
    try:
        return float(value)
    except ValueError:
        return default
