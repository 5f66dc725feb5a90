"""The wizard window: a thin PySide6 layer over the walk (wizard.core.walk)."""
