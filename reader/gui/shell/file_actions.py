"""The main window's file operations: open and import (from files, a drop or the
clipboard) and export of the flags."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from reader.core.models import Cancelled, Progress, ReaderError, Stage
from reader.gui.common.file_dialogs import DialogMode
from reader.gui.shell.session import SettingsKey
from reader.services.article_files import ExportFormat

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QWidget

    from reader.gui.reading.controller import ReadingController
    from reader.storage.library import Library

EXPORT_FILTERS = {
    ExportFormat.W3C: "W3C Web Annotation JSON (*.json)",
    ExportFormat.MARKDOWN: "Markdown (*.md)",
    ExportFormat.CSV: "CSV (*.csv)",
}


class FileActions(QObject):
    """File › Open, New Article from Clipboard, Export Flags, and files dropped on the window."""

    imported = Signal(int)  # the article an import added or changed: show it
    key_opened = Signal()  # a released key was opened: show the student's own result

    def __init__(
        self,
        reading: ReadingController,
        parent: QWidget,
        settings: QSettings,
        take_submissions: Callable[[Sequence[Path]], list[Path]],
    ) -> None:
        """``take_submissions``: collects the students' files among the paths given, and
        returns the others."""
        super().__init__(parent)
        self._reading = reading
        self._parent = parent
        self._settings = settings
        self._take_submissions = take_submissions

    def import_paths(self, paths: Sequence[Path]) -> None:
        for path in self._take_submissions(paths):
            self.open_file(path)

    def drop(self, event: QDropEvent) -> None:
        """Import the files dropped on the window."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Import after the drop returns, so an error dialog does not block the drag source.
        QTimer.singleShot(0, lambda: self.import_paths(paths))

    def open_file(self, path: Path) -> bool:
        """Import ``path`` (an article or a flag file) off the GUI thread and show its article."""
        from reader.services.article_files import (
            describe_import,
            import_article_file,
            import_flag_file,
            is_flag_file,
        )

        reading = self._reading
        if reading.library.is_library_file(path):
            reading.show_error(
                f"{path.name} is the library itself: open an article or a flag file."
            )
            return False
        if not self._take_submissions([path]):  # a student's work: collected, not imported
            return True
        from reader.gui.classroom.opening import (
            is_classroom_file,
            is_released_key,
            open_classroom_file,
        )

        def job(library: Library, progress: Progress) -> tuple[int, str]:
            if is_classroom_file(path):
                return open_classroom_file(library, path)
            if is_flag_file(path):
                flags = import_flag_file(library, path, progress)
                return flags.article_id, f"Added {flags.added} flags from {path.name}"
            result = import_article_file(library, path, progress)
            return result.article.id, describe_import(result)

        try:
            article_id, message = self._run(path.name, job)
        except Cancelled as error:
            reading.say(f"Import of {path.name} {error}", 8000)
            return False
        except ReaderError as error:
            reading.show_error(import_error_text(path, str(error)))
            return False
        except OSError as error:
            reading.show_error(f"Cannot read {path.name}: {error.strerror or error}")
            return False
        except Exception as error:  # a bad input no importer foresaw: the window stays
            reading.show_error(unexpected_import_error(f"Cannot import {path.name}", error))
            return False
        self._after_import(article_id, message)
        if is_released_key(path):
            self.key_opened.emit()
        return True

    def import_clipboard(self) -> bool:
        from reader.importers.articles import article_from_html, article_from_text
        from reader.services.article_files import describe_import

        reading = self._reading
        data = QApplication.clipboard().mimeData()
        html = data.html() if data is not None and data.hasHtml() else ""
        text = data.text() if data is not None and data.hasText() else ""

        def job(library: Library, progress: Progress) -> tuple[int, str]:
            progress(Stage.READING, 0, 1)
            if html.strip():
                meta = article_from_html(html)
            elif text.strip():
                meta = article_from_text(text)
            else:
                raise ReaderError("the clipboard holds no text")
            progress(Stage.READING, 1, 1)
            result = library.import_article(meta, progress)
            return result.article.id, describe_import(result)

        try:
            article_id, message = self._run("the clipboard", job)
        except Cancelled as error:
            reading.say(f"Import of the clipboard {error}", 8000)
            return False
        except ReaderError as error:
            reading.show_error(f"Cannot import the clipboard: {error}")
            return False
        except Exception as error:  # a bad input no importer foresaw: the window stays
            reading.show_error(unexpected_import_error("Cannot import the clipboard", error))
            return False
        self._after_import(article_id, message)
        return True

    def _run(
        self, name: str, job: Callable[[Library, Progress], tuple[int, str]]
    ) -> tuple[int, str]:
        """The job run in a worker thread on its own connection (see ``import_worker``)."""
        from reader.gui.library.import_worker import ImportBusyError, run_import

        reading = self._reading
        reading.flush_edits()  # a note being typed is saved before another connection writes
        try:
            return run_import(self._parent, reading.library.path, name, job)
        except ImportBusyError as error:
            raise ReaderError(str(error)) from None

    def _after_import(self, article_id: int, message: str) -> None:
        self.imported.emit(article_id)
        self._reading.say(message[:1].upper() + message[1:], 8000)

    def choose_files(self) -> None:
        """File › Open: a dialog whose chosen files are imported once it closes."""
        from reader.gui.classroom.opening import OPENABLE_SUFFIXES
        from reader.importers.articles import ARTICLE_SUFFIXES

        suffixes = [*sorted(ARTICLE_SUFFIXES), *OPENABLE_SUFFIXES]
        patterns = " ".join(f"*{suffix}" for suffix in suffixes)
        filters = [
            f"Articles and assignments ({patterns})",
            "Flag files (*.json *.jsonld)",
            "All files (*)",
        ]
        open_files = self.import_paths
        self._show_dialog(DialogMode.OPEN_FILES, "Open or import", None, filters, open_files)

    def choose_export(self, export_format: ExportFormat) -> None:
        """File › Export: a dialog for the file, written once the dialog closes."""
        reading = self._reading
        if reading.article is None:
            reading.show_error("Open an article first.")
            return

        def chosen(paths: list[Path]) -> None:
            self._settings.setValue(SettingsKey.EXPORT_FOLDER, str(paths[0].parent))
            self.export_flags(export_format, paths[0])

        suggested = self.export_folder() / export_file_name(
            reading.article.title, export_format.suffix
        )
        filters = [EXPORT_FILTERS[export_format]]
        self._show_dialog(DialogMode.SAVE_FILE, "Export flags", suggested, filters, chosen)

    def _show_dialog(
        self,
        mode: DialogMode,
        caption: str,
        start: Path | None,
        filters: list[str],
        on_chosen: Callable[[list[Path]], None],
    ) -> None:
        from reader.gui.common.file_dialogs import show_file_dialog

        reading = self._reading

        def failed(error: ReaderError) -> None:
            reading.show_error(f"Cannot open the library again: {error}. Please restart the app.")

        show_file_dialog(
            self._parent, reading.library, mode, caption, start, filters, on_chosen, failed
        )

    def export_folder(self) -> Path:
        """The folder of the last export, else the user's Documents folder."""
        from PySide6.QtCore import QStandardPaths

        last = str(self._settings.value(SettingsKey.EXPORT_FOLDER, "") or "")
        if last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents else Path.home()

    def export_flags(self, export_format: ExportFormat, path: Path) -> bool:
        """Write the current article's flags to ``path`` as W3C JSON, Markdown or CSV."""
        from reader.services.article_files import export_text, write_file_atomically

        reading = self._reading
        if reading.article is None:
            reading.show_error("Open an article first.")
            return False
        if reading.library.is_library_file(path):
            reading.show_error(
                f"Cannot export to {path.name}: it is the library itself. Nothing was written."
            )
            return False
        reading.flush_edits()
        try:
            content = export_text(reading.library, reading.article.id, export_format)
            write_file_atomically(path, content)
        except ReaderError as error:
            reading.show_error(f"Cannot export: {error}")
            return False
        reading.say(f"Exported flags to {path}", 8000)
        return True


def accept_drag(event: QDragEnterEvent) -> None:
    """Take a drag that brings local files."""
    if any(url.isLocalFile() for url in event.mimeData().urls()):
        event.acceptProposedAction()
    else:
        event.ignore()


def export_file_name(title: str, suffix: str) -> str:
    """A file name from the article's title: its words, single spaces, no punctuation."""
    words = re.findall(r"\w+(?:[-'’]\w+)*", title)
    stem = " ".join(words)[:80].strip()
    return f"{stem or 'flags'}{suffix}"


def unexpected_import_error(what: str, error: Exception) -> str:
    """The one line shown for an error no importer foresaw; the details go to the log."""
    from reader.gui.shell.error_log import describe_unexpected

    return f"{describe_unexpected(error, what)}. Nothing was imported."


def import_error_text(path: Path, message: str) -> str:
    """The message of a failed import, naming the file once."""
    if path.name not in message:
        message = f"cannot import {path.name}: {message}"
    return message[:1].upper() + message[1:]
