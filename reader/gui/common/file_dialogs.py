"""Every file dialog of the app, made here so that none reads a file in its folder.

SQLite's locks on the library are POSIX locks, which belong to the process: when
anything in the process closes a descriptor of the library file, every lock on it is
gone, and another process (the command line) takes the library for unused and deletes
its WAL, with the flags written to it since. Qt's file dialogs open each file they
list to guess its type and icon (QMimeDatabase reads its first bytes), and the native
ones may do more. So the app's dialogs are Qt's own widgets, with icons and type
names made from the name alone, and the library's files left out of the list; when
one closes, the library is connected again, which takes its locks anew.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum, auto
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileInfo, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QStyle

from reader.core.models import ReaderError
from reader.gui.common.library_guard import COMPANION_SUFFIXES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reader.storage.library import Library


class DialogMode(Enum):
    OPEN_FILES = auto()  # one or more existing files
    SAVE_FILE = auto()  # one file to write, replacing an existing one only if confirmed
    OPEN_FOLDER = auto()  # one existing folder


def show_file_dialog(
    parent: QWidget,
    library: Library,
    mode: DialogMode,
    caption: str,
    start: Path | None,
    name_filters: Sequence[str],
    on_chosen: Callable[[list[Path]], None],
    on_reconnect_failed: Callable[[ReaderError], None],
) -> QFileDialog:
    """Open a window-modal file dialog and return it (it deletes itself once closed).

    ``start`` is a folder, or a file whose folder is shown with its name filled in.
    When the dialog closes, the library is connected again (see the module's note),
    then ``on_chosen`` gets the chosen paths, if any.
    """
    dialog = SafeFileDialog(parent, caption, library)
    dialog.setNameFilters(list(name_filters))
    if mode is DialogMode.SAVE_FILE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    elif mode is DialogMode.OPEN_FOLDER:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    if start is not None and start.is_dir():
        dialog.setDirectory(str(start))
    elif start is not None:
        dialog.setDirectory(str(start.parent))
        dialog.selectFile(start.name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def closed(result: int) -> None:
        chosen = [Path(name) for name in dialog.selectedFiles()] if result else []
        try:
            library.reconnect()
        except ReaderError as error:
            on_reconnect_failed(error)
            return
        if chosen:
            on_chosen(chosen)

    dialog.finished.connect(closed)
    dialog.open()
    return dialog


class SafeFileDialog(QFileDialog):
    """Qt's own dialog (never the platform's), reading no file: see the module's note."""

    def __init__(self, parent: QWidget, caption: str, library: Library) -> None:
        super().__init__(parent, caption)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
        self.icon_provider = NameOnlyIconProvider(self.style())  # the dialog does not own it
        self.setIconProvider(self.icon_provider)
        self.setProxyModel(HideLibraryFiles(library, self))

    def file_model(self) -> QFileSystemModel:
        """The model of the folder shown (its ``directoryLoaded`` says when it is read)."""
        model = self.findChild(QFileSystemModel)
        assert model is not None
        return model


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from a file's name alone: Qt's provider reads the file."""

    def __init__(self, style: QStyle) -> None:
        super().__init__()
        self.setOptions(QAbstractFileIconProvider.Option.DontUseCustomDirectoryIcons)
        pixmap = QStyle.StandardPixmap
        self._folder = style.standardIcon(pixmap.SP_DirIcon)
        self._file = style.standardIcon(pixmap.SP_FileIcon)
        self._drive = style.standardIcon(pixmap.SP_DriveHDIcon)
        self._computer = style.standardIcon(pixmap.SP_ComputerIcon)

    def icon(self, what: QAbstractFileIconProvider.IconType | QFileInfo) -> QIcon:
        kinds = QAbstractFileIconProvider.IconType
        if isinstance(what, QFileInfo):
            if what.isRoot():
                return self._drive
            return self._folder if what.isDir() else self._file
        if what == kinds.Computer:
            return self._computer
        if what in (kinds.Drive, kinds.Network):
            return self._drive
        return self._folder if what == kinds.Folder else self._file

    def type(self, info: QFileInfo) -> str:
        if info.isRoot():
            return "Drive"
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


class HideLibraryFiles(QSortFilterProxyModel):
    """The dialog's list without the library file and SQLite's files beside it."""

    def __init__(self, library: Library, parent: QFileDialog) -> None:
        super().__init__(parent)
        own = library.path.resolve()
        self._folder = own.parent
        self._names = frozenset(own.name + suffix for suffix in COMPANION_SUFFIXES)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, QFileSystemModel):
            return True
        index = model.index(row, 0, parent)
        if model.fileName(index) not in self._names:  # a cheap look first: most rows
            return True
        return Path(model.filePath(index)).parent.resolve() != self._folder
