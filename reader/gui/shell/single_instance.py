"""One window per library: a second ``reader [FILE]`` on a library that is open hands FILE
to the running window (which opens it and comes forward) and exits.

The first process listens on a local socket named after the library (QLocalServer); a
lock file held from the look for a running window until the server listens keeps two
processes started together (a file manager opening two files) from both starting.
On Linux and macOS the second process talks to the socket with the standard library:
importing QtNetwork would cost every start-up more than the whole check. Only the
server, started once the window is shown, imports QtNetwork. The socket is open to
the current user only.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QWidget

from reader.core.models import ReaderError
from reader.gui.shell.session import library_key

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

MAX_MESSAGE_BYTES = 64 * 1024
REPLY = b"ok\n"
ANSWER_TIMEOUT_SECONDS = 10.0
LOCK_TIMEOUT_MS = 20_000  # a first window still starting (and listening after its first paint)


def server_name(db_path: Path) -> str:
    """The local socket's name for the library at ``db_path`` (the same for every way of
    naming the file): an absolute socket path on POSIX, a pipe name on Windows."""
    if sys.platform == "win32":
        import getpass

        return f"annotated-reader-{getpass.getuser()}-{library_key(db_path)}"
    # The user's runtime folder where there is one (private, and short: a socket's path
    # has a length limit of about 100 bytes), else the temporary folder.
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    folder = runtime if runtime and Path(runtime).is_absolute() else tempfile.gettempdir()
    return str(Path(folder) / f"annotated-reader-{os.getuid()}-{library_key(db_path)}.socket")


def encode_message(file: Path | None) -> bytes:
    return json.dumps({"file": None if file is None else str(file.resolve())}).encode() + b"\n"


def decode_message(data: bytes) -> Path | None:
    """The file a message asks to open (None: only come forward); ReaderError if malformed."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ReaderError("not a message from Annotated Reader") from None
    file = message.get("file") if isinstance(message, dict) else 0
    if file is None:
        return None
    if not isinstance(file, str) or not Path(file).is_absolute():
        raise ReaderError("not a message from Annotated Reader")
    return Path(file)


class SingleInstance:
    """The running window's server, or the way to hand a file over to it."""

    def __init__(self, db_path: Path) -> None:
        self.name = server_name(db_path)
        self._lock = QLockFile(self.name + ".lock")
        self._server: QLocalServer | None = None

    def hand_over(self, file: Path | None) -> bool:
        """True if a window running on this library took ``file`` (this process may exit);
        False if none runs: then this process is the first and must call ``serve``.
        Raises ReaderError if a running window does not answer."""
        # A lock that outlives its process is taken over (QLockFile checks the PID).
        if not self._lock.tryLock(LOCK_TIMEOUT_MS):
            return False  # stuck elsewhere: better a second window than none
        message = encode_message(file)
        sent = (
            _send_posix(self.name, message)
            if sys.platform != "win32"
            else _send_qt(self.name, message)
        )
        if sent:
            self._lock.unlock()
        return sent

    def serve(self, window: QWidget, open_file: Callable[[Path], object]) -> None:
        """Listen for later processes: each file they hand over is opened with
        ``open_file`` and ``window`` comes forward."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(window)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket left by a process that died
        listening = server.listen(self.name)
        self._lock.unlock()
        if not listening:  # without a server this window still works, alone
            server.deleteLater()
            return
        self._server = server
        server.newConnection.connect(lambda: self._on_new_connection(window, open_file))

    def _on_new_connection(self, window: QWidget, open_file: Callable[[Path], object]) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            received = bytearray()
            connection.readyRead.connect(
                lambda c=connection, r=received: self._on_ready_read(c, r, window, open_file)
            )
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                self._on_ready_read(connection, received, window, open_file)

    def _on_ready_read(
        self,
        connection: QLocalSocket,
        received: bytearray,
        window: QWidget,
        open_file: Callable[[Path], object],
    ) -> None:
        received += connection.readAll().data()
        if b"\n" not in received and len(received) <= MAX_MESSAGE_BYTES:
            return
        line = bytes(received).split(b"\n", 1)[0]
        try:
            if len(line) > MAX_MESSAGE_BYTES:
                raise ReaderError("message too long")
            file = decode_message(line)
        except ReaderError:  # not from this app: ignored
            connection.abort()
            return
        connection.write(REPLY)
        connection.flush()
        connection.disconnectFromServer()
        # After this slot returns: opening may show a dialog and run its own event loop.
        QTimer.singleShot(0, window, lambda: _come_forward(window, file, open_file))


def _come_forward(window: QWidget, file: Path | None, open_file: Callable[[Path], object]) -> None:
    # Imported here: PySide6 builds the Qt namespace's enums at the name's first import,
    # and this module loads before the first paint.
    from PySide6.QtCore import Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if file is not None:
        open_file(file)


def _send_posix(name: str, message: bytes) -> bool:
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(ANSWER_TIMEOUT_SECONDS)
        try:
            connection.connect(name)
        except OSError:  # no socket, or one left by a process that died
            return False
        reply = b""
        try:
            connection.sendall(message)
            while len(reply) < len(REPLY) and (part := connection.recv(len(REPLY))):
                reply += part
        except OSError:
            pass
    if reply != REPLY:
        raise ReaderError("Annotated Reader is open on this library but does not answer")
    return True


def _send_qt(name: str, message: bytes) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    connection = QLocalSocket()
    connection.connectToServer(name)
    if not connection.waitForConnected(1000):
        return False
    connection.write(message)
    timeout = int(ANSWER_TIMEOUT_SECONDS * 1000)
    answered = connection.waitForBytesWritten(timeout) and connection.waitForReadyRead(timeout)
    if not answered or connection.readAll().data() != REPLY:
        raise ReaderError("Annotated Reader is open on this library but does not answer")
    connection.disconnectFromServer()
    return True
