"""Real file systems with real limits for storage-fault tests: a small tmpfs that can
be filled or remounted read-only, and a file bound read-only in place.  Mounting needs
root (and a kernel that lets this container mount): tests skip, saying so, where not."""

from __future__ import annotations

import gc
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode:
        raise OSError(f"mount {' '.join(args)}: {done.stderr.strip()}")


@contextmanager
def small_disk(folder: Path, size: str = "1m") -> Iterator[Path]:
    """``folder`` as a tmpfs of ``size``, open to every user (mode 1777)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    folder.mkdir(exist_ok=True)
    try:
        _mount("-t", "tmpfs", "-o", f"size={size},mode=1777", "tmpfs", str(folder))
    except OSError as error:
        pytest.skip(f"this machine cannot mount a tmpfs here: {error}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


def remount_read_only(folder: Path) -> None:
    """Remount ``folder``'s tmpfs read-only; nothing in this process may have a file open
    there (libraries the command line left to the garbage collector are closed first)."""
    gc.collect()
    open_files = [
        target
        for fd in os.listdir("/proc/self/fd")
        if (target := os.path.realpath(f"/proc/self/fd/{fd}")).startswith(str(folder))
    ]
    assert not open_files, open_files
    _mount("-o", "remount,ro", str(folder))


@contextmanager
def read_only_file(path: Path) -> Iterator[None]:
    """``path`` itself read-only (a bind mount onto itself), its folder still writable."""
    try:
        _mount("--bind", str(path), str(path))
    except OSError as error:
        pytest.skip(f"this machine cannot bind-mount a file: {error}")
    try:
        _mount("-o", "remount,bind,ro", str(path))
        yield
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False, capture_output=True)


def fill(folder: Path) -> None:
    """Write a file into ``folder`` until its disk is full."""
    block = b"\0" * 4096
    descriptor = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while os.write(descriptor, block):
            pass
    except OSError:
        pass
    finally:
        os.close(descriptor)
