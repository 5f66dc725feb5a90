"""The outcome screen's extension point, the About dialog, and names for screen readers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from tests.gui.gui_helpers import press
from wizard.gui.about_dialog import AboutDialog, about_html

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def test_another_feature_adds_an_outcome_action_in_one_call(qtbot, make_window):
    window = make_window()
    got = []
    button = window.add_outcome_action("Save as PDF", "Ctrl+P", got.append, "Save the reasoning")
    row = window.outcome_view.action_row
    assert row.indexOf(button) < row.indexOf(window.outcome_view.back_button)
    assert button.accessibleName() == "Save as PDF"
    assert "Ctrl+P save as PDF" in window.outcome_view.keys.text()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_P, CTRL)  # on a question, the outcome's shortcut does nothing
    assert got == []
    press(qtbot, Qt.Key.Key_2)
    button.click()
    press(qtbot, Qt.Key.Key_P, CTRL)  # a button's shortcut clicks it after a short flash
    qtbot.waitUntil(lambda: len(got) == 2)
    assert got[0].outcome.title == "You may carry on"
    assert [s.answer for s in got[0].steps] == ["No"]


def test_about_names_the_version_the_trees_and_the_guidance(qtbot, make_window, monkeypatch):
    window = make_window()
    shown = []
    monkeypatch.setattr(
        AboutDialog,
        "ask",
        classmethod(
            lambda cls, catalog, folder, parent=None: shown.append(about_html(catalog, folder))
        ),
    )
    window.about_button.click()
    assert len(shown) == 1
    html = shown[0]
    assert "Purdah Wizard 0.1.0" in html
    assert "<b>Photos with candidates</b>: version 1.0, in effect from 1 February 2026" in html
    assert "Example guidance on photographs</b> (TEST 1/26), Test Constabulary, 15 January" in html


def test_the_about_dialog_opens_and_closes_without_blocking(qtbot, make_window):
    window = make_window()
    dialog = AboutDialog(window.catalog, window.folder, window)
    qtbot.addWidget(dialog)
    assert "TEST 1/26" in dialog.text.toPlainText()
    dialog.show()
    dialog.reject()
    assert not dialog.isVisible()


def _unnamed(root: QWidget) -> list[str]:
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, QAbstractButton | QLineEdit) or not w.isVisibleTo(root):
            continue
        if not w.accessibleName().strip() or not w.accessibleDescription().strip():
            out.append(f"{type(w).__name__} {w.text() or w.accessibleName()!r}")
    return out


def test_every_control_on_every_screen_has_an_accessible_name_and_description(qtbot, make_window):
    window = make_window()
    window.add_outcome_action("Record advice", "Ctrl+E", lambda t: None, "Record this advice")
    assert _unnamed(window) == []
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    assert _unnamed(window) == []
    press(qtbot, Qt.Key.Key_3)
    assert _unnamed(window) == []
    assert window.outcome_view.banner.accessibleName() == "Verdict: Speak to a supervisor first"


def test_the_keys_are_shown_on_screen(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    keys = window.question_view.keys.text()
    for key in ("1–3", "F1", "Alt+Left", "Backspace", "Ctrl+R", "Alt+Home"):
        assert key in keys


@pytest.mark.parametrize("size", [24, 36])
def test_at_a_large_text_size_everything_fits_a_1024_pixel_screen(qtbot, make_window, size):
    window = make_window()
    window.prefs.text_size = size
    window.apply_style()
    window.add_outcome_action("Save as PDF", "Ctrl+P", lambda t: None, "Save the reasoning")
    window.add_outcome_action("Record advice", "Ctrl+E", lambda t: None, "Record it")
    for show in (
        lambda: None,
        lambda: window.start_topic("photos"),
        lambda: (press(qtbot, Qt.Key.Key_1), press(qtbot, Qt.Key.Key_3)),
    ):
        show()
        assert window.minimumSizeHint().width() <= 1024
        assert window.minimumSizeHint().height() <= 768


def test_home_ends_with_one_short_line_naming_the_guidance_version_and_date(make_window):
    window = make_window()
    footer = window.home.guidance.text()
    assert "\n" not in footer and "TEST 1/26" in footer
    assert "version 1.0" in footer and "in effect from 1 February 2026" in footer


def test_a_card_shows_a_note_under_its_detail_and_a_click_on_it_presses_the_card(qtbot):
    from wizard.gui.widgets import CardButton

    card = CardButton("Photos with candidates", "May I be photographed?")
    qtbot.addWidget(card)
    card.resize(400, 200)
    card.show()
    qtbot.waitExposed(card)
    card.set_note("Matches “selfie”")
    qtbot.waitUntil(lambda: card.note.isVisible())
    assert card.note.text() == "Matches “selfie”"
    assert card.note.geometry().top() >= card.detail.geometry().bottom()
    assert card.accessibleDescription() == "May I be photographed?. Matches “selfie”"
    with qtbot.waitSignal(card.clicked, timeout=1000):
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=card.note.geometry().center())
    card.set_note("")
    assert not card.note.isVisible()
    assert card.accessibleDescription() == "May I be photographed?"
    assert not card.title.textInteractionFlags()  # nothing in a card takes the mouse from it


def test_a_click_on_a_cards_own_text_or_badge_presses_the_card(qtbot):
    """The labels inside a card take no mouse interaction, so a click on them is the card's."""
    from wizard.gui.widgets import CardButton

    card = CardButton("Not sure where to start?", "A few questions find the topic.", "?")
    qtbot.addWidget(card)
    card.resize(400, 200)
    card.show()
    qtbot.waitExposed(card)
    for part in (card.title, card.detail, card.badge):
        with qtbot.waitSignal(card.clicked, timeout=1000):
            qtbot.mouseClick(part, Qt.MouseButton.LeftButton, pos=part.rect().center())


def test_a_label_shows_tree_text_as_it_is_written_never_as_markup(qtbot):
    """label() sets its text format and mouse interaction by name (wizard/gui/lazyqt.py): a
    misspelt name would silently leave Qt's defaults, which read '<b>' as markup."""
    from wizard.gui.widgets import label

    plain, fixed, rich = (
        label("<b>Ann</b> & co"),
        label("x", selectable=False),
        label("<b>Ann</b>", rich=True),
    )
    for w in (plain, fixed, rich):
        qtbot.addWidget(w)
    assert plain.textFormat() == Qt.TextFormat.PlainText and plain.text() == "<b>Ann</b> & co"
    assert plain.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    assert fixed.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert rich.textFormat() == Qt.TextFormat.RichText


def test_a_card_shows_the_pointing_hand_once_the_mouse_is_over_it(qtbot):
    """Set on the first hover, once the window is painted (wizard/gui/lazyqt.py), but always set."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QEnterEvent

    from wizard.gui.widgets import CardButton

    card = CardButton("Photos with candidates", "May I be photographed?")
    qtbot.addWidget(card)
    card.show()
    qtbot.waitExposed(card)
    QApplication.sendEvent(card, QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    qtbot.waitUntil(lambda: card.cursor().shape() == Qt.CursorShape.PointingHandCursor)


def test_what_the_first_screen_sets_by_name_takes_effect(qtbot):
    """Enums set by name (wizard/gui/lazyqt.py): a misspelt name would be silently ignored."""
    from wizard.gui.idle import IdleWatcher
    from wizard.gui.widgets import CardButton, QWidget, action_button, scrolling

    card = CardButton("Title", "Detail", "1")
    area = scrolling(QWidget())
    for w in (card, area):
        qtbot.addWidget(w)
    assert card.badge is not None and card.badge.alignment() == Qt.AlignmentFlag.AlignCenter
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert area.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert action_button("Save", "Ctrl+S", lambda: None).shortcut().toString() == "Ctrl+S"
    watcher = IdleWatcher(1000)
    assert watcher.timer.timerType() == Qt.TimerType.PreciseTimer
    assert watcher.warn_timer.timerType() == Qt.TimerType.PreciseTimer
