"""Desktop integration in a temporary data folder: the entry, icon and MIME types, the
caches the system tools build from them, and a clean uninstall."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from reader.classroom.assignment import SUFFIX as ASSIGNMENT_SUFFIX
from reader.classroom.released_key import SUFFIX as KEY_SUFFIX
from reader.classroom.submission import SUFFIX as SUBMISSION_SUFFIX
from reader.cli.main import main
from reader.core.models import ReaderError
from reader.services import desktop

COMMAND = ["/opt/my apps/bin/python", "-m", "reader"]
MIME_NAMESPACE = "{http://www.freedesktop.org/standards/shared-mime-info}"


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_writes_entry_icon_and_mime_types(tmp_path: Path) -> None:
    written = desktop.install(COMMAND, tmp_path)

    files = desktop.DesktopFiles(tmp_path)
    assert sorted(written) == sorted(files.all())
    entry = read_entry(files.entry)
    assert entry["Exec"] == '"/opt/my apps/bin/python" -m reader %f'
    assert entry["Icon"] == desktop.APP_ID
    types = entry["MimeType"].split(";")
    assert "application/x-annotated-reader-assignment" in types
    assert "application/x-annotated-reader-key" in types
    assert "application/x-annotated-reader-submission" in types  # a teacher double-clicks it
    assert "text/markdown" in types and "text/html" in types
    assert ElementTree.parse(files.icon).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    globs = {
        element.get("pattern"): mime_type.get("type")
        for mime_type in ElementTree.parse(files.mime_types).getroot()
        for element in mime_type.iter(f"{MIME_NAMESPACE}glob")
    }
    assert globs == {
        f"*{ASSIGNMENT_SUFFIX}": "application/x-annotated-reader-assignment",
        f"*{SUBMISSION_SUFFIX}": "application/x-annotated-reader-submission",
        f"*{KEY_SUFFIX}": "application/x-annotated-reader-key",
    }
    assert set(desktop.OWN_TYPES) <= set(globs.values())


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_entry_is_valid(tmp_path: Path) -> None:
    desktop.install(COMMAND, tmp_path)
    checked = subprocess.run(
        ["desktop-file-validate", str(desktop.DesktopFiles(tmp_path).entry)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "error" not in checked.stdout.lower()


@pytest.mark.skipif(
    shutil.which("update-mime-database") is None or shutil.which("update-desktop-database") is None,
    reason="shared-mime-info and desktop-file-utils",
)
def test_the_system_caches_map_an_assignment_to_the_app(tmp_path: Path) -> None:
    desktop.install(COMMAND, tmp_path)

    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f":application/x-annotated-reader-assignment:*{ASSIGNMENT_SUFFIX}" in globs
    cache = (tmp_path / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"application/x-annotated-reader-assignment={desktop.APP_ID}.desktop;" in cache
    assert f"application/x-annotated-reader-submission={desktop.APP_ID}.desktop;" in cache
    assert f"text/markdown={desktop.APP_ID}.desktop;" in cache

    desktop.uninstall(tmp_path)
    assert "annotated-reader" not in (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    cache = (tmp_path / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert desktop.APP_ID not in cache


def test_uninstall_removes_only_what_install_wrote(tmp_path: Path) -> None:
    other = tmp_path / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    installed = desktop.install(COMMAND, tmp_path)

    assert sorted(desktop.uninstall(tmp_path)) == sorted(installed)
    assert not any(path.exists() for path in installed)
    assert other.exists()
    assert desktop.uninstall(tmp_path) == []


def test_installing_again_replaces_the_entry(tmp_path: Path) -> None:
    desktop.install(["/old/python", "-m", "reader"], tmp_path)
    desktop.install(["/new/python", "-m", "reader"], tmp_path)
    assert read_entry(desktop.DesktopFiles(tmp_path).entry)["Exec"] == "/new/python -m reader %f"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["/usr/bin/reader"], "/usr/bin/reader"),
        (["/home/ana/my apps/reader"], '"/home/ana/my apps/reader"'),
        (["/home/a$b/100%/reader"], '"/home/a\\\\$b/100%%/reader"'),
        (['/x/"quoted"/reader'], '"/x/\\\\"quoted\\\\"/reader"'),
        (["C:\\app\\reader"], '"C:\\\\\\\\app\\\\\\\\reader"'),
    ],
)
def test_exec_line_quotes_as_the_desktop_entry_spec_says(command: list[str], expected: str) -> None:
    assert desktop.exec_line(command) == expected


def test_a_command_with_a_line_break_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="line break"):
        desktop.install(["/odd\nname/python"], tmp_path)
    assert not any(path.exists() for path in desktop.DesktopFiles(tmp_path).all())


def test_data_home_follows_xdg_only_when_absolute() -> None:
    assert desktop.data_home({"XDG_DATA_HOME": "/srv/data"}) == Path("/srv/data")
    fallback = Path.home() / ".local" / "share"
    assert desktop.data_home({"XDG_DATA_HOME": "relative/data"}) == fallback
    assert desktop.data_home({}) == fallback


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop")
def test_the_command_line_installs_and_uninstalls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))

    assert main(["--install-desktop"]) == 0
    entry = read_entry(desktop.DesktopFiles(tmp_path).entry)
    assert entry["Exec"].startswith(f"{sys.executable} -m reader")
    assert "installed" in capsys.readouterr().out

    assert main(["--uninstall-desktop"]) == 0
    assert not desktop.DesktopFiles(tmp_path).entry.exists()
    assert main(["--uninstall-desktop"]) == 0
    assert "nothing to remove" in capsys.readouterr().out

    assert main(["--install-desktop", "extra"]) == 1
    assert "alone" in capsys.readouterr().err
