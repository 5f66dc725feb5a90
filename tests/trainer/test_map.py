"""Map: one box per node and one arrow per answer, the presentation's path highlighted, zoom and
pan, a click on a question presents it, and the map saved as SVG and PNG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from wizard.core.layout import highlighted, layout_tree, tree_graph
from wizard.gui.trainer import map_export

pytestmark = pytest.mark.gui


def click_box(qtbot, view, ref) -> None:
    box = view.layout_.box(ref)
    at = view.mapFromScene(QPointF(box.rect.cx, box.rect.y + box.rect.height / 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def test_one_box_per_node_and_one_arrow_per_answer(qtbot, window, example_catalog):
    window.map_of("posed-photo")
    view = window.map_panel.view
    graph = tree_graph(example_catalog, "photos")
    assert sorted(b.ref for b in view.box_items) == sorted(n.ref for n in graph.nodes)
    assert [(a.arrow.edge.source, a.arrow.edge.answer_id) for a in view.arrow_items] == [
        (e.source, e.answer_id) for e in graph.edges
    ]
    outcomes = {b.ref[1]: b.box for b in view.box_items if b.box.node.kind == "outcome"}
    assert outcomes["do_not_pose"].node.verdict == "do_not"
    assert "✖ Do not do this" in [t.text for t in outcomes["do_not_pose"].texts]  # words too


def test_the_map_highlights_the_path_as_far_as_presented(qtbot, window, example_catalog):
    window.present("posed-photo")
    view = window.map_panel.view
    assert view.highlighted() == ({("photos", "candidate_present")}, set())
    p = window.present_view
    for _ in range(6):
        p.forward()  # through both answers to the revealed outcome
    layout = layout_tree(example_catalog, "photos")
    expected = highlighted(layout, *p.deck.path_so_far())
    assert view.highlighted() == expected
    assert ("photos", "do_not_pose") in expected[0] and len(expected[1]) == 2


def test_clicking_a_question_on_the_map_presents_it(qtbot, window):
    window.present("unsure-where-to-start")
    window.show_map()
    view = window.map_panel.view
    window.map_panel.show_tree("photos")
    click_box(qtbot, view, ("photos", "staged"))
    p = window.present_view
    assert window.stack.currentWidget() is p
    assert (p.deck.slide.kind, p.deck.slide.step) == ("question", 2)
    assert "Is the photo staged?" in p.labels() and p.revealed_answer is None


def test_a_question_off_the_path_says_so_and_stays_on_the_map(qtbot, window):
    window.present("posed-photo")
    window.show_map()
    window.map_panel.show_tree("start")
    click_box(qtbot, window.map_panel.view, ("start", "about"))
    assert window.stack.currentWidget() is window.map_panel
    assert "not on this scenario's path" in window.statusBar().currentMessage()


def test_a_go_to_topic_box_opens_that_topics_map(qtbot, window):
    window.map_of("something-else")
    view = window.map_panel.view
    assert window.map_panel.tree_id == "start"
    click_box(qtbot, view, ("photos", "candidate_present"))  # the link box into photos
    assert window.map_panel.tree_id == "photos"
    assert window.map_panel.topics.currentData() == "photos"


def test_a_drag_pans_and_does_not_click(qtbot, window):
    window.present("posed-photo")
    window.show_map()
    view = window.map_panel.view
    view.zoom_by(3)
    box = view.layout_.box(("photos", "staged"))
    at = view.mapFromScene(QPointF(box.rect.cx, box.rect.y + 5))
    before = view.horizontalScrollBar().value()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseMove(view.viewport(), at + QPoint(-120, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at + QPoint(-120, 0))
    assert window.stack.currentWidget() is window.map_panel
    assert view.horizontalScrollBar().value() != before


def test_zoom_with_keys_and_ctrl_wheel_and_fit(qtbot, window):
    window.map_of("posed-photo")
    view = window.map_panel.view
    fitted = view.zoom
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == pytest.approx(fitted * 1.2)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom == pytest.approx(fitted / 1.2)
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        view.viewport().mapToGlobal(centre),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(fitted * 1.2)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(fitted)
    assert window.map_panel.zoom_label.text() == f"{round(fitted * 100)}%"


def test_arrow_keys_pan(qtbot, window):
    window.map_of("posed-photo")
    view = window.map_panel.view
    view.zoom_by(4)
    bar = view.horizontalScrollBar()
    before = bar.value()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert bar.value() > before


def test_save_the_map_as_svg(qtbot, window, tmp_path, monkeypatch):
    window.present("posed-photo")
    for _ in range(3):
        window.present_view.forward()
    window.show_map()
    asked = []
    monkeypatch.setattr(
        map_export.ExportDialog,
        "ask",
        classmethod(
            lambda cls, parent, suggestion, kind: (
                asked.append((suggestion.name, kind)) or tmp_path / "photos-map"
            )
        ),
    )
    window.map_panel.svg_button.click()
    assert asked == [("map-photos.svg", "svg")]
    saved = tmp_path / "photos-map.svg"
    root = ET.parse(saved).getroot()  # well-formed
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    on = [
        g.get("data-ref")
        for g in root.iter("{http://www.w3.org/2000/svg}g")
        if "on-path" in (g.get("class") or "") and g.get("data-ref")
    ]
    assert on == ["photos:candidate_present", "photos:staged"]
    assert str(saved) in window.statusBar().currentMessage()


def test_save_the_map_as_png(qtbot, window, tmp_path, monkeypatch):
    tmp_path = tmp_path / "maps"
    tmp_path.mkdir()
    window.map_of("posed-photo")
    monkeypatch.setattr(
        map_export.ExportDialog,
        "ask",
        classmethod(lambda cls, parent, suggestion, kind: tmp_path / "map.png"),
    )
    window.map_panel.png_button.click()
    data = (tmp_path / "map.png").read_bytes()
    assert data.startswith(b"\x89PNG")
    image = QImage(str(tmp_path / "map.png"))
    layout = window.map_panel.view.layout_
    assert image.width() == round(layout.width * 2) and image.height() == round(layout.height * 2)
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)
    }
    assert len(colours) > 5  # drawn, not blank
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]  # no temporary file left


def test_a_failed_save_says_why_and_leaves_nothing(qtbot, window, tmp_path, monkeypatch):
    tmp_path = tmp_path / "maps"
    tmp_path.mkdir()
    window.map_of("posed-photo")
    errors = []
    monkeypatch.setattr(
        map_export.ExportDialog,
        "ask",
        classmethod(lambda cls, parent, suggestion, kind: tmp_path / "missing" / "map.svg"),
    )
    monkeypatch.setattr(map_export, "tell_error", lambda parent, message: errors.append(message))
    assert window.map_panel.export("svg") is None
    [message] = errors
    assert "Could not save" in message and "the folder does not exist" in message
    assert list(tmp_path.iterdir()) == []


def test_cancelling_the_save_dialog_saves_nothing(qtbot, window, tmp_path, monkeypatch):
    window.map_of("posed-photo")
    monkeypatch.setattr(
        map_export.ExportDialog, "ask", classmethod(lambda cls, parent, suggestion, kind: None)
    )
    assert window.map_panel.export("png") is None
