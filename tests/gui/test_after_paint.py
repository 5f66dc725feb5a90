"""`after_paint` runs work once Qt has handled the paint request already posted, not before it
as the event loop's next turn would (Qt posts its paint request at low priority): a count
written to disk, or the records' count, must not delay the screen the user waits for (issue
15). Handling the request paints, unless Qt is holding frames back just after another paint."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel

from wizard.gui.first_paint import after_paint

pytestmark = pytest.mark.gui


class PaintRequests(QObject):
    def __init__(self, order: list[str]) -> None:
        super().__init__()
        self.order = order

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self.order.append("paint request")
        return False


def shown_label(qtbot, text: str) -> QLabel:
    label = QLabel(text)
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    return label


def test_work_after_paint_waits_for_the_paint_asked_for(qtbot):
    label = shown_label(qtbot, "Speak to a supervisor first")
    order: list[str] = []
    requests = PaintRequests(order)
    label.installEventFilter(requests)
    label.setText("Do not")  # asks for a paint
    after_paint(label, lambda: order.append("after the paint"))
    QTimer.singleShot(0, lambda: order.append("next turn"))
    qtbot.waitUntil(lambda: "after the paint" in order)
    assert order.index("paint request") < order.index("after the paint")
    assert order.index("next turn") < order.index("paint request")  # singleShot(0): before it


def test_work_after_paint_runs_in_the_order_asked(qtbot):
    label = shown_label(qtbot, "Do not")
    done: list[int] = []
    for n in range(3):
        after_paint(label, lambda n=n: done.append(n))
    qtbot.waitUntil(lambda: len(done) == 3)
    assert done == [0, 1, 2]
