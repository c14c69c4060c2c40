"""The window's library: given, or opened at first use (a quick start opens it after the
first paint), and guarded so that only SQLite opens its file."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from reader.storage.library import Library


class LibraryAccess:
    """The library, or the function that opens the one at ``path``."""

    def __init__(self, library: Library | Callable[[], Library], path: Path | None) -> None:
        self._library: Library | None = None
        self._open: Callable[[], Library] | None = None
        if callable(library):
            assert path is not None, "a library opened later needs its path"
            self._open = library
            self.path = path
        else:
            self._take(library)
            self.path = library.path

    @property
    def library(self) -> Library:
        """The library; opened here at first use if it was not given."""
        if self._library is None:
            assert self._open is not None, "the library was closed"
            self._take(self._open())
            self._open = None
        assert self._library is not None
        return self._library

    def _take(self, library: Library) -> None:
        from reader.gui.common.library_guard import guard_library_files

        guard_library_files(library)  # only SQLite may open its file: see library_guard
        self._library = library

    def is_open(self) -> bool:
        return self._library is not None

    def close(self) -> None:
        """Close the library if it was opened; it is not opened again."""
        if self._library is not None:
            self._library.close()
        self._library = self._open = None
