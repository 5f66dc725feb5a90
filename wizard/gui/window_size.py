"""Open top-level windows at a size that suits the screen they are on."""

from __future__ import annotations


def show_sized(window) -> None:  # a QWidget; Qt is imported late
    """Open comfortably large: maximised on a small screen (a 1024x768 terminal), else a
    generous window in the middle of a large one."""
    area = window.screen().availableGeometry()
    width, height = min(1280, area.width()), min(960, area.height())
    window.resize(width, height)  # also where no window manager maximises (a kiosk, Xvfb)
    window.move(area.center() - window.rect().center())
    if width >= area.width() * 0.9 or height >= area.height() * 0.9:
        window.showMaximized()
    else:
        window.show()
