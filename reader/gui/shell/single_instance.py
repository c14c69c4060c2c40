"""One window per library: a second ``reader [FILE]`` on a library that is open hands FILE
to the running window (which opens it and comes forward) and exits.

The first process listens on a local socket named after the library; a
lock file held from the look for a running window until the server listens keeps two
processes started together (a file manager opening two files) from both starting.
On Linux and macOS both ends use the standard library's Unix sockets (the server's
watched by QSocketNotifier in Qt's event loop): QtNetwork would cost every start-up
its import, and the open window its memory. On Windows, where the name is a pipe,
QtNetwork's QLocalServer and QLocalSocket do it. The socket is open to the current
user only.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QTimer
from PySide6.QtWidgets import QWidget

from reader.core.models import ReaderError
from reader.gui.shell.session import library_key

if TYPE_CHECKING:
    import socket

    from PySide6.QtCore import QSocketNotifier
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

# Given a message's line, comes forward and opens its file; False if not from this app.
Handler = Callable[[bytes], bool]

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
        ``open_file`` and ``window`` comes forward. Without a server (it cannot listen)
        this window still works, alone."""

        def handle(line: bytes) -> bool:
            return _handle(line, window, open_file)

        if sys.platform == "win32":
            _listen_qt(self.name, window, handle)
        else:
            _listen_posix(self.name, window, handle)
        self._lock.unlock()


def _handle(line: bytes, window: QWidget, open_file: Callable[[Path], object]) -> bool:
    try:
        if len(line) > MAX_MESSAGE_BYTES:
            raise ReaderError("message too long")
        file = decode_message(line)
    except ReaderError:  # not from this app: ignored
        return False
    # After the reply: opening may show a dialog and run its own event loop.
    QTimer.singleShot(0, window, lambda: _come_forward(window, file, open_file))
    return True


def _first_line(received: bytearray) -> bytes | None:
    """The message's line once it is complete (or too long to be one); None until then."""
    if b"\n" not in received and len(received) <= MAX_MESSAGE_BYTES:
        return None
    return bytes(received).split(b"\n", 1)[0]


def _listen_posix(name: str, parent: QObject, handle: Handler) -> None:
    import socket

    from PySide6.QtCore import QSocketNotifier

    with suppress(FileNotFoundError):
        os.unlink(name)  # a socket left by a process that died (this one holds the lock)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(name)
        os.chmod(name, 0o600)  # before listening: no one else ever connects
        server.listen()
        server.setblocking(False)
    except OSError:
        server.close()
        return
    notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, parent)
    notifier.activated.connect(lambda: _accept(server, parent, handle))
    notifier.destroyed.connect(lambda: _stop_listening(server, name))


def _stop_listening(server: socket.socket, name: str) -> None:
    server.close()
    with suppress(OSError):
        os.unlink(name)


def _accept(server: socket.socket, parent: QObject, handle: Handler) -> None:
    from PySide6.QtCore import QSocketNotifier

    try:
        connection, _ = server.accept()
    except OSError:  # taken by then, or gone
        return
    connection.setblocking(False)
    received = bytearray()
    notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, parent)
    notifier.activated.connect(lambda: _receive(connection, notifier, received, handle))


def _receive(
    connection: socket.socket, notifier: QSocketNotifier, received: bytearray, handle: Handler
) -> None:
    try:
        part = connection.recv(MAX_MESSAGE_BYTES)
    except BlockingIOError:
        return
    except OSError:
        part = b""
    received += part
    line = _first_line(received)
    if part and line is None:
        return
    notifier.setEnabled(False)
    notifier.deleteLater()
    if line is not None and handle(line):
        with suppress(OSError):
            connection.sendall(REPLY)  # a few bytes into an empty socket buffer
    connection.close()


def _listen_qt(name: str, parent: QObject, handle: Handler) -> None:
    from PySide6.QtNetwork import QLocalServer

    server = QLocalServer(parent)
    server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
    QLocalServer.removeServer(name)  # a pipe left by a process that died
    if not server.listen(name):
        server.deleteLater()
        return
    server.newConnection.connect(lambda: _accept_qt(server, handle))


def _accept_qt(server: QLocalServer, handle: Handler) -> None:
    while (connection := server.nextPendingConnection()) is not None:
        received = bytearray()
        connection.readyRead.connect(lambda c=connection, r=received: _receive_qt(c, r, handle))
        connection.disconnected.connect(connection.deleteLater)
        if connection.bytesAvailable():
            _receive_qt(connection, received, handle)


def _receive_qt(connection: QLocalSocket, received: bytearray, handle: Handler) -> None:
    received += connection.readAll().data()
    line = _first_line(received)
    if line is None:
        return
    if not handle(line):
        connection.abort()
        return
    connection.write(REPLY)
    connection.flush()
    connection.disconnectFromServer()


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
