"""Before Qt opens a window: is there a display, and are the X libraries Qt needs installed?

Without this, a missing library makes Qt abort with a message that names only one of them. This
module imports nothing of Qt, so it can run first and print one line naming the package to install.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

# The libraries Qt's xcb platform plugin loads, and the Debian/Ubuntu package of each.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
}


NO_DISPLAY = (
    "cannot open the window: there is no display (DISPLAY is not set); run it from a "
    "desktop session, or use a command such as 'purdah-wizard list'"
)


def _loads(name: str) -> bool:
    """Whether the dynamic linker can load this library (as Qt's xcb plugin will)."""
    import ctypes

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(env: Mapping[str, str]) -> bool:
    """Whether Qt will open an X11 (xcb) window with this environment."""
    platform = env.get("QT_QPA_PLATFORM", "").strip()
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    wayland = env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland"
    return bool(env.get("DISPLAY")) and not wayland


def display_problem(
    env: Mapping[str, str] | None = None,
    system: str | None = None,
    loads: Callable[[str], bool] = _loads,
) -> str | None:
    """One line saying why no window can open here, or None when it can (as far as we can tell)."""
    env = os.environ if env is None else env
    if (system or sys.platform) != "linux":
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen and not uses_xcb(env):
        return None  # offscreen, wayland, vnc...: Qt needs no X libraries
    if not env.get("DISPLAY") and (chosen or not env.get("WAYLAND_DISPLAY")):
        return NO_DISPLAY
    return _missing_xcb(loads) if uses_xcb(env) else None


def _missing_xcb(loads: Callable[[str], bool]) -> str | None:
    missing = [package for lib, package in XCB_LIBRARIES.items() if not loads(lib)]
    if not missing:
        return None
    return (
        f"cannot open the window: a system library is missing; install it with: "
        f"sudo apt install {' '.join(missing)}"
    )
