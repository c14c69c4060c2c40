"""Where the classroom's dialogs open: one at a time, window-modal on the window, with
the file dialogs of the library's kind; and the suffixes of the files they save."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from reader.core.models import ReaderError

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from reader.core.palette import Theme
    from reader.gui.common.file_dialogs import DialogMode
    from reader.gui.reading.controller import ReadingController

# reader.classroom's suffixes, not imported from there: this module loads at start-up
SUBMISSION_SUFFIX = ".reader-submission"
ASSIGNMENT_SUFFIX = ".reader-assignment"


class DialogHost:
    """What every classroom action needs: the shown article's controller, the window, where
    files are saved first, the theme now; and the classroom dialog open now, if any."""

    def __init__(
        self,
        reading: ReadingController,
        parent: QWidget,
        export_folder: Callable[[], Path],
        theme: Callable[[], Theme],
    ) -> None:
        self.reading = reading
        self.parent = parent
        self.export_folder = export_folder
        self.theme = theme
        self.dialog: QDialog | None = None

    def open(self, dialog: QDialog, on_accepted: Callable[[], object]) -> None:
        """Open the dialog (deleted once closed); ``on_accepted`` runs if it is accepted."""
        from PySide6.QtCore import Qt  # here: the name builds ~90 enums, after the first paint

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if result in (QDialog.DialogCode.Accepted.value, QMessageBox.StandardButton.Ok.value):
                on_accepted()

        dialog.finished.connect(finished)
        dialog.open()

    def file_dialog(
        self,
        mode: DialogMode,
        caption: str,
        start: Path,
        filters: list[str],
        on_chosen: Callable[[list[Path]], None],
    ) -> None:
        from reader.gui.common.file_dialogs import show_file_dialog

        reading = self.reading

        def failed(error: ReaderError) -> None:
            reading.show_error(f"Cannot open the library again: {error}. Please restart the app.")

        show_file_dialog(
            self.parent, reading.library, mode, caption, start, filters, on_chosen, failed
        )


def with_suffix(path: Path, suffix: str) -> Path:
    """The chosen path, with the file type's suffix added if the user left it out."""
    return path if path.name.lower().endswith(suffix) else path.with_name(path.name + suffix)
