"""The one-line messages given instead of a Qt abort when no window can open."""

from __future__ import annotations

from wizard.gui.platform_check import NO_DISPLAY, display_problem, uses_xcb

X = {"DISPLAY": ":0"}


def test_a_missing_xcb_library_names_the_debian_package_to_install():
    line = display_problem(X, "linux", loads=lambda lib: lib != "libxcb-cursor.so.0")
    assert line is not None
    assert "\n" not in line
    assert line.endswith("sudo apt install libxcb-cursor0")


def test_every_missing_library_is_named_in_the_one_line():
    line = display_problem(X, "linux", loads=lambda lib: not ("icccm" in lib or "keysyms" in lib))
    assert line is not None
    assert "libxcb-icccm4 libxcb-keysyms1" in line


def test_all_libraries_present_means_no_problem():
    assert display_problem(X, "linux", loads=lambda lib: True) is None


def test_no_display_at_all_says_so():
    assert display_problem({}, "linux", loads=lambda lib: True) == NO_DISPLAY
    xcb_only = {"QT_QPA_PLATFORM": "xcb"}
    assert display_problem(xcb_only, "linux", loads=lambda lib: True) == NO_DISPLAY


def test_offscreen_and_wayland_need_no_x_libraries():
    never = lambda lib: False  # noqa: E731
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", loads=never) is None
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}
    assert display_problem(wayland, "linux", loads=never) is None
    assert not uses_xcb(wayland)


def test_other_systems_are_not_checked():
    assert display_problem({}, "win32", loads=lambda lib: False) is None


def test_a_library_is_present_when_the_linker_can_load_it() -> None:
    from wizard.gui import platform_check

    assert platform_check._loads("libc.so.6")
    assert not platform_check._loads("libno-such-library.so.9")
