"""Imports run off the GUI thread, with a busy cursor, a progress dialog and Cancel.

The worker thread opens its own ``Library`` on the same file: a sqlite3 connection
is never shared between threads, and only SQLite opens the library file (see
``library_guard``). The caller waits in a local event loop, so the window keeps
painting and its timers keep firing, and gets the job's result, or its exception,
as if it had run the job itself; after a cancel that exception is ``Cancelled``
and the job has written nothing (the job's progress hook raises it before any
write).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from PySide6.QtCore import QEventLoop, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from reader.core.models import Cancelled, Progress, Stage
from reader.storage.library import Library

SHOW_AFTER_MS = 400  # quicker imports show no dialog at all
STAGE_LABELS = {
    Stage.READING: "Reading {name}…",
    Stage.REANCHORING: "Moving flags onto the new text ({done:,} of {total:,})…",
    Stage.SAVING: "Saving…",
}

Result = TypeVar("Result")
Job = Callable[[Library, Progress], Result]

_busy: set[int] = set()  # ids of the windows with an import running


class ImportBusyError(RuntimeError):
    """An import was started while another one was running in the same window."""


class _Worker(QThread):
    """Runs the job on its own connection to the library; reports through a signal."""

    progressed = Signal(str, int, int)

    def __init__(self, library_path: Path, job: Job[object]) -> None:
        super().__init__()
        self.library_path = library_path
        self.job = job
        self.cancelled = threading.Event()
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            library = Library.open(self.library_path)
            try:
                self.result = self.job(library, self._report)
            finally:
                library.close()
        except BaseException as error:  # handed to the GUI thread, raised there
            self.error = error

    def _report(self, stage: str, done: int, total: int) -> None:
        if self.cancelled.is_set():
            raise Cancelled()
        self.progressed.emit(stage, done, total)


def is_importing(window: QWidget) -> bool:
    return id(window) in _busy


def run_import(window: QWidget, library_path: Path, name: str, job: Job[Result]) -> Result:
    """Run ``job`` in a worker thread and wait for it with the event loop turning."""
    if is_importing(window):
        raise ImportBusyError("another import is still running: wait for it to finish")
    worker = _Worker(library_path, job)
    dialog = QProgressDialog(STAGE_LABELS[Stage.READING].format(name=name), "Cancel", 0, 0, window)
    dialog.setWindowTitle("Importing")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    dialog.hide()  # a QProgressDialog may show itself on creation; it waits for the timer
    dialog.setObjectName("import_progress")

    ended = threading.Event()  # set once the import is over: the dialog is gone

    def on_progressed(stage: str, done: int, total: int) -> None:
        # Progress still queued when a quick job ends arrives after it: setValue would
        # show the dialog again (its minimum duration is 0), over the window, for good.
        if worker.cancelled.is_set() or ended.is_set():
            return
        label = STAGE_LABELS.get(Stage(stage), "{name}")
        dialog.setLabelText(label.format(name=name, done=done, total=total))
        dialog.setRange(0, total if stage == Stage.REANCHORING else 0)
        dialog.setValue(done if stage == Stage.REANCHORING else 0)

    def on_canceled() -> None:
        worker.cancelled.set()
        dialog.setLabelText("Cancelling: nothing will be imported…")

    loop = QEventLoop()
    show_timer = QTimer()
    show_timer.setSingleShot(True)
    show_timer.timeout.connect(dialog.show)
    # The worker object lives in this thread: its signals, emitted in the worker's
    # thread, are delivered here through the event loop.
    worker.progressed.connect(on_progressed, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(on_canceled)
    _busy.add(id(window))
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        worker.start()
        show_timer.start(SHOW_AFTER_MS)
        if not worker.isFinished():
            loop.exec()
        worker.wait()
    finally:
        show_timer.stop()
        QApplication.restoreOverrideCursor()
        _busy.discard(id(window))
        ended.set()
        dialog.reset()  # stops its own timer, which would show it after a quick job
        dialog.hide()
        dialog.setParent(None)  # Python's now: deleted with its last reference
    if worker.error is not None:
        raise worker.error
    return cast(Result, worker.result)
