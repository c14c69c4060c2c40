"""The one-folder bundle (packaging/build_bundle.py): its size, and its start-up measured
from outside on Xvfb as benchmarks/startup_x11.py does, against a bare PySide6 window and
the ``reader`` of this environment, alternating runs.

    python packaging/build_bundle.py && python benchmarks/bundle.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The sibling script, by its own name: "benchmarks" is taken in site-packages (by pysbd).
from startup_x11 import BARE_WINDOW, Run, Screen, settle_time, xvfb

ROOT = Path(__file__).resolve().parent.parent

BUNDLE = ROOT / "dist" / "annotated-reader"


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under ``folder`` (a symbolic link counts as its own few bytes)."""
    sizes = [path.lstat().st_size for path in folder.rglob("*") if not path.is_dir()]
    return sum(sizes), len(sizes)


def first_start(command: list[str], environment: dict[str, str]) -> None:
    """Start the app once and quit it with Ctrl+Q, as a user would: it fills a new library
    with the samples and, on closing, keeps the page a later start paints first."""
    process = subprocess.Popen(
        command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(process.pid)],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        window = found.stdout.split()[0]
        time.sleep(3)  # the panels are built after the first paint
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=environment, check=True)
        subprocess.run(["xdotool", "key", "ctrl+q"], env=environment, check=True)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            print("warning: the first start did not quit; later starts are first starts")
            process.kill()
            process.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    program = options.bundle / ("annotated-reader.exe" if os.name == "nt" else "annotated-reader")
    if not program.exists():
        raise SystemExit(f"error: no bundle at {options.bundle}: python packaging/build_bundle.py")
    if shutil.which("xdotool") is None:
        raise SystemExit("error: xdotool is missing (Debian: apt-get install xdotool)")
    size, files = folder_size(options.bundle)
    qt_size, _ = folder_size(options.bundle / "_internal" / "PySide6")
    reader = Path(sys.executable).with_name("reader")
    with xvfb() as display, tempfile.TemporaryDirectory(prefix="reader-bundle-") as folder:
        home = Path(folder)
        base = {k: v for k, v in os.environ.items() if k not in {"READER_DB", "WAYLAND_DISPLAY"}}
        base.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR=str(home))

        def environment(name: str) -> dict[str, str]:
            # each app its own settings and render cache: their cache entries differ
            own = home / name
            return dict(
                base,
                XDG_CONFIG_HOME=str(own / "config"),
                XDG_CACHE_HOME=str(own / "cache"),
                XDG_DATA_HOME=str(own / "data"),
            )

        programs = {
            "bare PySide6 window": ([sys.executable, "-c", BARE_WINDOW], environment("bare")),
            "bundle (last article)": (
                [str(program), "--db", str(home / "bundle.sqlite")],
                environment("bundle"),
            ),
            "reader in this venv": (
                [str(reader), "--db", str(home / "venv.sqlite")],
                environment("venv"),
            ),
        }
        for name, (command, env) in programs.items():
            if name != "bare PySide6 window":
                first_start(command, env)
        screen = Screen(display)
        for command, env in programs.values():  # warm the file caches; not measured
            settle_time(screen, command, env)
        runs: dict[str, list[Run]] = {name: [] for name in programs}
        for _ in range(options.runs):
            for name, (command, env) in programs.items():
                runs[name].append(settle_time(screen, command, env))
    print(f"bundle {options.bundle}: {size / 2**20:.0f} MiB in {files} files")
    print(f"  of which PySide6/Qt {qt_size / 2**20:.0f} MiB")
    print(f"start-up on Xvfb, {options.runs} runs each, alternating; medians")
    bare = runs["bare PySide6 window"]
    bare_shown = statistics.median(run.shown for run in bare)
    bare_settled = statistics.median(run.settled for run in bare)
    print(f"{'':24} {'window shown':>18} {'pixels settled':>20}")
    for name, measured in runs.items():
        shown = statistics.median(run.shown for run in measured)
        settled = statistics.median(run.settled for run in measured)
        print(
            f"{name:24} {shown * 1000:8.0f} ms {shown / bare_shown:5.2f}x"
            f" {settled * 1000:10.0f} ms {settled / bare_settled:5.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
