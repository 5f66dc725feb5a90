"""Save as PDF from the window: case details, a native save dialog, an atomic write, then "Open".

Every question put to the user is a small module-level function (`ask_save_path`, `tell_error`,
`offer_open`, `open_file`) or `CaseDialog.ask`, so tests replace them and nothing blocks.
"""

from __future__ import annotations

from pathlib import Path

from wizard import __version__
from wizard.core.transcript import Transcript
from wizard.export.naming import default_pdf_name
from wizard.export.pdf import DEFAULT_MARKING, PAGE_SIZES, PdfOptions, write_reasoning_pdf
from wizard.gui.case_dialog import CaseDialog
from wizard.gui.qt import (
    QApplication,
    QDesktopServices,
    QFileDialog,
    QMessageBox,
    QSettings,
    QStandardPaths,
    Qt,
    QUrl,
    QWidget,
)
from wizard.library.atomicfile import SaveError

MARKING_KEY = "pdf/marking"
PAGE_SIZE_KEY = "pdf/page_size"
FOLDER_KEY = "pdf/last_folder"
TITLE = "Save the reasoning as a PDF"


def pdf_options(settings: QSettings) -> PdfOptions:
    """The marking and paper size set on this terminal; an unknown paper size falls back to A4."""
    marking = str(settings.value(MARKING_KEY, DEFAULT_MARKING) or DEFAULT_MARKING)
    size = str(settings.value(PAGE_SIZE_KEY, "A4") or "A4").strip()
    size = next((name for name in PAGE_SIZES if name.lower() == size.lower()), "A4")
    return PdfOptions(marking=marking, page_size=size, program_version=__version__)


def default_folder(settings: QSettings) -> Path:
    """The folder last saved to, if it is still there; else Documents; else the home folder."""
    last = str(settings.value(FOLDER_KEY, "") or "")
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def save_pdf_interactively(
    parent: QWidget | None, transcript: Transcript, settings: QSettings
) -> Path | None:
    """Ask for case details and a file, save the PDF, offer to open it. The path, or None if the
    user cancelled. A failed save says why in one line and asks again for where to save."""
    from wizard.gui import walk_details

    case = CaseDialog.ask(parent, settings, walk_details.case_details(parent))
    if case is None:
        return None
    walk_details.keep_case(parent, case)  # for Record advice on the same walk
    suggestion = default_folder(settings) / default_pdf_name(transcript)
    options = pdf_options(settings)
    while True:
        chosen = ask_save_path(parent, suggestion)
        if chosen is None:
            return None
        path = with_pdf_suffix(chosen)
        try:
            with _busy():
                write_reasoning_pdf(path, transcript, case=case, options=options)
        except SaveError as exc:
            tell_error(parent, str(exc))
            suggestion = path
            continue
        settings.setValue(FOLDER_KEY, str(path.parent))
        if offer_open(parent, path) and not open_file(path):
            tell_error(
                parent,
                f"Saved, but could not open {path}: no program for PDF files was "
                "found; open it from its folder.",
                title="PDF saved",
            )
        return path


def with_pdf_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class _busy:
    """A wait cursor while the PDF is made and written."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QApplication.restoreOverrideCursor()


# -- the questions put to the user (tests replace these)
def ask_save_path(parent: QWidget | None, suggestion: Path) -> Path | None:
    """The native save dialog, offering `suggestion`; None if cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, TITLE, str(suggestion), "PDF files (*.pdf)")
    return Path(name) if name else None


def tell_error(parent: QWidget | None, message: str, title: str = "The PDF was not saved") -> None:
    QMessageBox.warning(parent, title, message)


def offer_open(parent: QWidget | None, path: Path) -> bool:
    """Say where the PDF was saved and offer to open it; True if the user chose Open."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "PDF saved",
        f"Saved as {path}",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Open)
    box.setAccessibleName("PDF saved")
    return box.exec() == QMessageBox.StandardButton.Open


def open_file(path: Path) -> bool:
    """Open the file with the program the system uses for PDFs; False if there is none."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
