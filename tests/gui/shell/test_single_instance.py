"""One window per library, with real processes: a second ``reader FILE`` on the library
hands FILE to the running window and exits; the window imports it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.models import ReaderError
from reader.gui.shell.single_instance import decode_message, encode_message, server_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX sockets in the test")

ARTICLE = "---\ntitle: Handed over from a second process\n---\n\nA short article.\n"


@pytest.fixture
def runtime_folder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A short folder of this test's own for the socket (a socket's path is limited to
    about 100 bytes: pytest's folders are too long)."""
    with tempfile.TemporaryDirectory(prefix="rt", dir="/tmp") as folder:
        monkeypatch.setenv("XDG_RUNTIME_DIR", folder)
        yield Path(folder)


def environment(folder: Path) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if k not in {"READER_DB", "PYTHONPATH"}}
    values.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(folder / "home"),
        XDG_CONFIG_HOME=str(folder / "home" / "config"),
        XDG_CACHE_HOME=str(folder / "home" / "cache"),
        XDG_DATA_HOME=str(folder / "home" / "data"),
    )
    return values


def reader(folder: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--db", str(folder / "library.sqlite"), *args]


def titles(folder: Path) -> set[str]:
    listed = subprocess.run(
        reader(folder, "list", "--json"),
        env=environment(folder),
        capture_output=True,
        text=True,
        check=True,
    )
    return {article["title"] for article in json.loads(listed.stdout)}


def wait_for(condition: object, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not callable(condition) or not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def socket_path(folder: Path) -> Path:
    return Path(server_name(folder / "library.sqlite"))  # in runtime_folder


@pytest.fixture
def first_window(tmp_path: Path, runtime_folder: Path) -> Iterator[subprocess.Popen[bytes]]:
    errors = tmp_path / "first-window.err"  # a file, not a pipe nobody reads while it runs
    with errors.open("wb") as stderr:
        process = subprocess.Popen(reader(tmp_path), env=environment(tmp_path), stderr=stderr)
    try:
        wait_for(lambda: socket_path(tmp_path).exists() or process.poll() is not None, "server")
        assert process.poll() is None, errors.read_text(encoding="utf-8", errors="replace")
        yield process
    finally:
        process.kill()
        process.wait(timeout=30)


def test_a_second_process_hands_its_file_to_the_running_window(
    tmp_path: Path, first_window: subprocess.Popen[bytes]
) -> None:
    article = tmp_path / "handed.md"
    article.write_text(ARTICLE, encoding="utf-8")

    second = subprocess.run(
        reader(tmp_path, str(article)),
        env=environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert second.returncode == 0, second.stderr
    assert second.stderr == ""
    wait_for(lambda: "Handed over from a second process" in titles(tmp_path), "the import")
    assert first_window.poll() is None  # the first window is still there


def test_only_the_user_can_reach_the_running_window(
    tmp_path: Path, first_window: subprocess.Popen[bytes]
) -> None:
    assert socket_path(tmp_path).stat().st_mode & 0o077 == 0


def test_a_second_process_without_a_file_exits_and_the_window_stays(
    tmp_path: Path, first_window: subprocess.Popen[bytes]
) -> None:
    before = titles(tmp_path)
    second = subprocess.run(
        reader(tmp_path), env=environment(tmp_path), capture_output=True, timeout=60
    )
    assert second.returncode == 0
    assert first_window.poll() is None
    assert titles(tmp_path) == before


def test_a_socket_left_by_a_dead_process_does_not_stop_the_next_start(
    tmp_path: Path, runtime_folder: Path
) -> None:
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(socket_path(tmp_path)))
    stale.close()  # the file stays, nobody listens
    process = subprocess.Popen(reader(tmp_path), env=environment(tmp_path))
    try:

        def answers() -> bool:
            assert process.poll() is None
            try:
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                    client.settimeout(10)
                    client.connect(str(socket_path(tmp_path)))
                    client.sendall(encode_message(None))
                    return client.recv(3) == b"ok\n"
            except OSError:
                return False

        wait_for(answers, "the new window's server")
    finally:
        process.kill()
        process.wait(timeout=30)


def test_the_server_name_is_the_same_for_every_way_of_naming_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    library = tmp_path / "library.sqlite"
    assert server_name(Path("library.sqlite")) == server_name(library)
    assert server_name(tmp_path / "." / "library.sqlite") == server_name(library)
    assert server_name(tmp_path / "other.sqlite") != server_name(library)


def test_messages_round_trip_and_garbage_is_refused(tmp_path: Path) -> None:
    assert decode_message(encode_message(tmp_path / "a b.md").strip()) == tmp_path / "a b.md"
    assert decode_message(encode_message(None).strip()) is None
    for garbage in (b"\xff", b"[]", b'{"file": 3}', b'{"file": "relative.md"}', b"nonsense"):
        with pytest.raises(ReaderError):
            decode_message(garbage)


def test_two_processes_started_together_open_one_window(
    tmp_path: Path, runtime_folder: Path
) -> None:
    articles = []
    for number in (1, 2):
        article = tmp_path / f"together-{number}.md"
        article.write_text(ARTICLE.replace("a second process", f"process {number}"), "utf-8")
        articles.append(article)
    # A new library: the first window fills it with the samples, slowly, holding the lock.
    processes = [
        subprocess.Popen(reader(tmp_path, str(article)), env=environment(tmp_path))
        for article in articles
    ]
    try:
        wait_for(lambda: any(p.poll() is not None for p in processes), "one process to exit")
        (handed,) = (p for p in processes if p.poll() is not None)
        (window,) = (p for p in processes if p.poll() is None)
        assert handed.returncode == 0
        expected = {"Handed over from process 1", "Handed over from process 2"}
        wait_for(lambda: expected <= titles(tmp_path), "both imports")
        assert window.poll() is None
    finally:
        for process in processes:
            process.kill()
            process.wait(timeout=30)
