"""Linux desktop integration for the current user: a freedesktop menu entry with the app's
icon, and MIME types for the classroom files so that a double-click opens them in the app.

Everything goes under the user's data folder (``$XDG_DATA_HOME``, by default
``~/.local/share``): nothing needs root, and uninstalling removes exactly the files
installed. The caches are rebuilt with ``update-mime-database`` and
``update-desktop-database`` when the system has them; without them the desktop finds the
new files on its next scan.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template

from reader.core.models import ReaderError
from reader.core.shipped import RESOURCES

APP_ID = "annotated-reader"  # also the window's desktop file name (reader.gui.app)
_TEMPLATES = RESOURCES / "desktop"

# The app's own types, defined in resources/desktop/annotated-reader.xml.
OWN_TYPES = (
    "application/x-annotated-reader-assignment",
    "application/x-annotated-reader-key",
    "application/x-annotated-reader-submission",
)
# Types other apps own, offered under "Open with" only.
OPEN_WITH_TYPES = ("text/markdown", "text/x-markdown", "text/html", "text/plain")

# Characters that force a quoted argument in a desktop entry's Exec key
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class DesktopFiles:
    """Where the integration lives under one data folder."""

    data_home: Path

    @property
    def entry(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def mime_types(self) -> Path:
        return self.data_home / "mime" / "packages" / f"{APP_ID}.xml"

    @property
    def icon(self) -> Path:
        return self.data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"

    def all(self) -> tuple[Path, Path, Path]:
        return (self.entry, self.mime_types, self.icon)


def data_home(environment: dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME`` if it is an absolute path (as the spec requires), else
    ``~/.local/share``."""
    environment = dict(os.environ) if environment is None else environment
    configured = environment.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def exec_line(command: Sequence[str]) -> str:
    """``command`` as the value of a desktop entry's Exec key (before its ``%f``)."""
    return " ".join(_exec_argument(argument) for argument in command)


def _exec_argument(argument: str) -> str:
    # The Exec rules: quote an argument holding a reserved character, escaping " ` $ \
    # inside the quotes; "%" is written "%%". Then the desktop file's own string
    # escapes: each backslash is doubled once more.
    argument = argument.replace("%", "%%")
    if _RESERVED & set(argument):
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
        argument = f'"{escaped}"'
    return argument.replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    """The desktop entry that runs ``command FILE``."""
    if any("\n" in argument or "\r" in argument for argument in command):
        raise ReaderError("the app's command holds a line break: no desktop entry written")
    template = Template((_TEMPLATES / f"{APP_ID}.desktop").read_text(encoding="utf-8"))
    mime_types = "".join(f"{name};" for name in (*OWN_TYPES, *OPEN_WITH_TYPES))
    return template.substitute(exec=exec_line(command), mime_types=mime_types)


def install(command: Sequence[str], home: Path) -> list[Path]:
    """Install the entry (running ``command FILE``), the icon and the MIME types under
    ``home``; returns the files written. Installing again replaces them."""
    files = DesktopFiles(home)
    contents = {
        files.entry: desktop_entry(command).encode("utf-8"),
        files.mime_types: (_TEMPLATES / f"{APP_ID}.xml").read_bytes(),
        files.icon: (_TEMPLATES / f"{APP_ID}.svg").read_bytes(),
    }
    try:
        for path, data in contents.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    except OSError as error:
        raise ReaderError(f"cannot write {error.filename}: {error.strerror}") from None
    _refresh_caches(home)
    return list(contents)


def uninstall(home: Path) -> list[Path]:
    """Remove what :func:`install` wrote under ``home``; returns the files removed."""
    removed = []
    for path in DesktopFiles(home).all():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise ReaderError(f"cannot remove {path}: {error.strerror}") from None
        removed.append(path)
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    files = DesktopFiles(home)
    for tool, folder in (
        ("update-mime-database", files.mime_types.parent.parent),
        ("update-desktop-database", files.entry.parent),
    ):
        program = shutil.which(tool)
        if program is not None and folder.is_dir():
            # A failed cache refresh leaves the files in place: the desktop rescans later.
            subprocess.run([program, str(folder)], capture_output=True, check=False, timeout=60)
