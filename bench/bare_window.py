"""A bare PySide6 window: the yardstick the benchmarks compare the program against.

python bench/bare_window.py            # shows a window until closed
python bench/bare_window.py --quit     # quits as soon as the window is shown (for timing)
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare PySide6 window")
    window.setCentralWidget(QLabel("Hello"))
    window.resize(640, 480)
    window.show()
    if "--quit" in sys.argv:
        QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
