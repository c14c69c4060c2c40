"""Start-up measured from outside the process, as a user sees it: a real X11 window on
Xvfb, timed from spawning the process to the last change of the screen's pixels.

Three programs, alternating, several runs each: a bare PySide6 window showing a short
text (the baseline), ``reader`` opening on its last article, and ``reader FILE`` on an
article already in the library. The screen is read with XGetSubImage (libX11 through
ctypes) about every 15 ms; a frame counts as a change when more than CHANGED_PIXELS
pixels differ from the one before (a blinking caret does not), and a program has
settled once QUIET_SECONDS pass without a change. Medians (and the range of the
settled times) and ratios to the bare window are printed, with the CPU time each process
used until it settled: on a busy machine the times spread widely, the CPU time much
less. Needs Xvfb and libX11 (Debian: xvfb).

    python benchmarks/startup_x11.py [--runs 7] [--other-reader PATH] [--frames]

With ``--other-reader`` (the ``reader`` of another install, e.g. a venv with the previous
wheel), its two starts run too, alternating with the others, on the same library. With
``--frames``, each run's changes of the screen are listed too (when, and how many pixels):
what is painted after the first frame, and when.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

WIDTH, HEIGHT = 1600, 1000
CHANGED_PIXELS = 400
QUIET_SECONDS = 1.5
POLL_SECONDS = 0.015
TIMEOUT_SECONDS = 60.0
CHECKOUT = Path(__file__).resolve().parent.parent
SEED = CHECKOUT / "sample_articles" / "el-salvador-prisons.md"

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel("A short text, as a bare window shows it.")
label.resize(1400, 900)
label.show()
app.exec()
"""

# The first start of the app: fills the library with the samples, shows the seed article
# and closes as a user would, leaving the settings and the render cache a later start uses.
FIRST_START = """
import sys
from pathlib import Path
from reader.gui.app import application, default_cache_folder, default_settings_path
from reader.gui.app import start_window
from PySide6.QtCore import QTimer

app = application()
window = start_window(app, Path(sys.argv[1]), default_settings_path(), None,
                      default_cache_folder())
def close() -> None:
    window.resize(1400, 900)
    window.close()
    app.exit(0)
if window.is_ready():  # the whole window was built before it was shown
    QTimer.singleShot(0, close)
else:
    window.ready.connect(close)
app.exec()
window.close_library()
"""


class _XImage(ctypes.Structure):
    _fields_ = [  # the head of Xlib's XImage, as far as used
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.c_void_p),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
    ]


class Screen:
    """The root window of an X display, read into one reused image."""

    ALL_PLANES = 0xFFFFFFFF
    Z_PIXMAP = 2

    def __init__(self, display_name: str) -> None:
        library = ctypes.util.find_library("X11")
        if library is None:
            raise SystemExit("error: libX11 is missing (Debian: apt-get install xvfb)")
        self._x11 = ctypes.cdll.LoadLibrary(library)
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self._x11.XGetImage.restype = ctypes.POINTER(_XImage)
        # display, drawable, x, y, width, height, plane mask, format
        image_arguments: list[Any] = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int]
        image_arguments += [ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        self._x11.XGetImage.argtypes = image_arguments
        self._x11.XGetSubImage.restype = ctypes.POINTER(_XImage)
        # ... and the image to fill, at x, y
        self._x11.XGetSubImage.argtypes = [
            *image_arguments,
            ctypes.POINTER(_XImage),
            ctypes.c_int,
            ctypes.c_int,
        ]
        self._display = self._x11.XOpenDisplay(display_name.encode())
        if not self._display:
            raise SystemExit(f"error: cannot open display {display_name}")
        self._root = self._x11.XDefaultRootWindow(self._display)
        self._image = self._x11.XGetImage(
            self._display, self._root, 0, 0, WIDTH, HEIGHT, self.ALL_PLANES, self.Z_PIXMAP
        )
        head = self._image.contents
        if head.bits_per_pixel != 32:
            raise SystemExit("error: the benchmark reads 32-bit pixels only")
        self._size = head.bytes_per_line * head.height

    def grab(self) -> np.ndarray:
        self._x11.XGetSubImage(
            self._display,
            self._root,
            0,
            0,
            WIDTH,
            HEIGHT,
            self.ALL_PLANES,
            self.Z_PIXMAP,
            self._image,
            0,
            0,
        )
        data = ctypes.string_at(self._image.contents.data, self._size)
        return np.frombuffer(data, dtype=np.uint32).copy()


@contextmanager
def xvfb() -> Iterator[str]:
    """A new Xvfb server on a free display; yields its name (":N")."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("error: Xvfb is missing (Debian: apt-get install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten"]
        + ["tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        display = f":{numbers.readline().strip()}"
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


@dataclass(frozen=True)
class Run:
    shown: float  # seconds to the first change of the screen (the window mapped)
    settled: float  # seconds to the last change before QUIET_SECONDS of stillness
    peak_kib: int  # the process's peak resident memory (VmHWM) when it had settled
    cpu: float  # seconds of CPU (user and system, all threads) the process used until then
    changes: tuple[tuple[float, int], ...]  # each change: seconds since spawning, pixels changed


def settle_time(screen: Screen, command: Sequence[str], environment: dict[str, str]) -> Run:
    """Spawn ``command`` and watch the screen until it settles; then end the process."""
    blank = screen.grab()
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    previous, shown, last_change = blank, 0.0, 0.0
    changes: list[tuple[float, int]] = []
    try:
        while True:
            time.sleep(POLL_SECONDS)
            frame = screen.grab()
            now = time.perf_counter() - started
            changed = int(np.count_nonzero(frame != previous))
            if changed > CHANGED_PIXELS:
                changes.append((now, changed))
                shown = shown or now
                last_change = now
            previous = frame
            if shown and now - last_change >= QUIET_SECONDS:
                pid = process.pid
                memory, cpu = _peak_memory_kib(pid), _cpu_seconds(pid)
                return Run(shown, last_change, memory, cpu, tuple(changes))
            if now > TIMEOUT_SECONDS or (process.poll() is not None and not shown):
                raise SystemExit(f"error: {command[-1]} showed nothing (exit {process.poll()})")
    finally:
        process.kill()
        process.wait(timeout=30)
        _wait_for_blank(screen, blank)


def _peak_memory_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise SystemExit("error: no VmHWM in /proc (Linux only)")


def _cpu_seconds(pid: int) -> float:
    # /proc/PID/stat: utime and stime, in clock ticks, are fields 14 and 15; the command
    # name (field 2, in parentheses) may hold spaces, so count from its end
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for_blank(screen: Screen, blank: np.ndarray) -> None:
    deadline = time.perf_counter() + 10
    while int(np.count_nonzero(screen.grab() != blank)) and time.perf_counter() < deadline:
        time.sleep(POLL_SECONDS)


def _median(runs: list[Run], field: str) -> float:
    return float(statistics.median(getattr(run, field) for run in runs))


def _ratio(measured: list[Run], bare: list[Run], field: str) -> float:
    return _median(measured, field) / _median(bare, field)


def _column(measured: list[Run], bare: list[Run], field: str) -> str:
    """The median of a time (seconds) in milliseconds, and its ratio to the bare window's."""
    return f"{_median(measured, field) * 1000:7.0f} ms {_ratio(measured, bare, field):5.2f}x"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--other-reader", type=Path, help="another install's reader, also timed")
    parser.add_argument(
        "--frames", action="store_true", help="list each run's changes of the screen as well"
    )
    options = parser.parse_args()
    reader = Path(sys.executable).with_name("reader")
    with xvfb() as display, tempfile.TemporaryDirectory(prefix="reader-x11-") as folder:
        home = Path(folder)
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in {"READER_DB", "PYTHONDONTWRITEBYTECODE", "WAYLAND_DISPLAY"}
        }
        environment.update(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_RUNTIME_DIR=str(home),
        )
        db = home / "library.sqlite"
        article = home / SEED.name  # the seed article, already in the library
        shutil.copyfile(SEED, article)
        # Run from the temporary folder: from the checkout, ``-c`` would import its reader.
        first_start = [sys.executable, "-c", FIRST_START, str(db)]
        subprocess.run(first_start, env=environment, check=True, cwd=home)
        screen = Screen(display)
        programs = {
            "bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
            "reader (last article)": [str(reader), "--db", str(db)],
            "reader FILE (in the library)": [str(reader), "--db", str(db), str(article)],
        }
        if options.other_reader is not None:
            other = str(options.other_reader)
            programs["other reader (last article)"] = [other, "--db", str(db)]
            programs["other reader FILE"] = [other, "--db", str(db), str(article)]
        for command in programs.values():  # warm the file caches; not measured
            settle_time(screen, command, environment)
        runs: dict[str, list[Run]] = {name: [] for name in programs}
        for _ in range(options.runs):
            for name, command in programs.items():
                runs[name].append(settle_time(screen, command, environment))
    print(f"Xvfb {WIDTH}x{HEIGHT}, {options.runs} runs each, alternating; medians")
    bare = runs["bare PySide6 window"]
    print(
        f"{'':30} {'window shown':>16} {'pixels settled [range]':>32}"
        f" {'CPU until settled':>20} {'peak memory':>17}"
    )
    for name, measured in runs.items():
        settled = sorted(run.settled * 1000 for run in measured)
        print(
            f"{name:30} {_column(measured, bare, 'shown')}"
            f" {_column(measured, bare, 'settled')} [{settled[0]:.0f}-{settled[-1]:.0f}]"
            f" {_column(measured, bare, 'cpu')}"
            f" {_median(measured, 'peak_kib') / 1024:7.0f} MiB"
            f" {_ratio(measured, bare, 'peak_kib'):5.2f}x"
        )
    if options.frames:
        print_frames(runs)
    return 0


def print_frames(runs: dict[str, list[Run]]) -> None:
    """Each run's changes of the screen: when (ms after spawning) and how many pixels."""
    print("\nchanges of the screen, each run: ms after spawning (pixels changed)")
    for name, measured in runs.items():
        print(name)
        for run in measured:
            print("  " + ", ".join(f"{when * 1000:.0f} ({pixels})" for when, pixels in run.changes))


if __name__ == "__main__":
    sys.exit(main())
