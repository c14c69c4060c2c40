"""Work a window does once it has painted, so that the paint does not wait for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from collections.abc import Callable


class AfterPaint:
    """Work the window does once it has painted: asked for with ``wanted``, run on the
    event loop's next idle turn after a paint, so that the paint does not wait for it."""

    def __init__(self, parent: QObject, work: Callable[[], None]) -> None:
        self.wanted = False
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(work)

    def start(self) -> bool:
        """After a paint: start the work if it is wanted (and not started yet); whether it
        is wanted."""
        if self.wanted and not self._timer.isActive():
            self._timer.start()
        return self.wanted

    def stop(self) -> None:
        """Not wanted any more (done, or the window closed)."""
        self.wanted = False
        self._timer.stop()
