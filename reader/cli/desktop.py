"""``reader --install-desktop`` and ``reader --uninstall-desktop`` (see reader.services.desktop)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from reader.core.models import ReaderError

INSTALL_FLAG = "--install-desktop"
UNINSTALL_FLAG = "--uninstall-desktop"
FLAGS = frozenset({INSTALL_FLAG, UNINSTALL_FLAG})


def app_command() -> list[str]:
    """How the desktop starts this app: the bundle's program, else this Python with
    ``-m reader`` (which works whatever PATH the desktop session has)."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle
        return [sys.executable]
    return [sys.executable, "-m", "reader"]


def run_desktop(argv: Sequence[str]) -> int:
    """Install or remove the desktop integration; ``argv`` holds one of FLAGS alone."""
    if len(argv) != 1:
        raise ReaderError(f"{' '.join(argv)}: use {INSTALL_FLAG} or {UNINSTALL_FLAG} alone")
    if not sys.platform.startswith("linux"):
        raise ReaderError(
            "desktop integration is for Linux; on Windows and macOS use the app bundle"
        )
    from reader.services import desktop

    home = desktop.data_home()
    if argv[0] == INSTALL_FLAG:
        for path in desktop.install(app_command(), home):
            print(f"installed {path}")
        print("Annotated Reader is in the applications menu; assignment files open in it.")
    else:
        removed = desktop.uninstall(home)
        for path in removed:
            print(f"removed {path}")
        if not removed:
            print(f"nothing to remove in {home}")
    return 0
