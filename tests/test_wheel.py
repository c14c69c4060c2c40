"""The wheel is complete: built from this checkout, installed into a fresh virtual
environment and run from another folder, it has its samples, suggestions and screenshots.

The fresh environment gets the project from the wheel only; its dependencies (PySide6 and
the rest) come from the environment running the tests through a path file, so nothing is
downloaded. A path file adds the folder without running the ``.pth`` files inside it, so the
editable install of the test environment cannot leak the checkout in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from dataclasses import dataclass
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
SEED_TITLE = "El Salvador Wants America’s Prisoners – and Trump Is Considering It"


@dataclass(frozen=True)
class Installed:
    folder: Path  # a temporary folder outside the checkout, the working folder of every run
    python: Path
    reader: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in {"PYTHONPATH", "READER_DB", "VIRTUAL_ENV"}
        }
        environment.update(
            QT_QPA_PLATFORM="offscreen",
            HOME=str(self.folder / "home"),
            XDG_DATA_HOME=str(self.folder / "home" / "data"),
            XDG_CACHE_HOME=str(self.folder / "home" / "cache"),
            XDG_CONFIG_HOME=str(self.folder / "home" / "config"),
        )
        return subprocess.run(
            [str(self.reader), *args],
            cwd=self.folder,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )


def _build_wheel(output: Path) -> Path:
    # The same build as `pip install .` (an isolated build with the setuptools that
    # pyproject.toml asks for), from the local package index when offline.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(output), str(CHECKOUT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = output.glob("annotated_reader-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    folder = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(folder / "dist")
    environment = folder / "venv"
    venv.create(environment, with_pip=False)
    python = environment / "bin" / "python"
    site_packages = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    dependencies = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site_packages / "test-dependencies.pth").write_text(
        "".join(f"{path}\n" for path in sorted(dependencies)), encoding="utf-8"
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps"]
        + ["--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return Installed(folder=folder, python=python, reader=environment / "bin" / "reader")


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    where = subprocess.run(
        [str(installed.python), "-c", "import reader.core.shipped as s; print(s.RESOURCES)"],
        cwd=installed.folder,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed.folder / "venv")
    assert not Path(where).is_relative_to(CHECKOUT)


def test_a_new_library_has_the_samples(installed: Installed) -> None:
    listed = installed.run("--db", "library.sqlite", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    titles = {article["title"] for article in json.loads(listed.stdout)}
    assert len(titles) == len(list((CHECKOUT / "sample_articles").glob("*.md")))
    assert SEED_TITLE in titles


def test_suggestions_on_the_seed_article(installed: Installed) -> None:
    assert installed.run("--db", "suggest.sqlite", "list").returncode == 0
    suggested = installed.run("--db", "suggest.sqlite", "suggest", "1", "--json")
    assert suggested.returncode == 0, suggested.stderr
    assert json.loads(suggested.stdout), "no suggestions on the seed article"


def test_a_screenshot(installed: Installed) -> None:
    output = installed.folder / "shot.png"
    shot = installed.run("--db", "shot.sqlite", "screenshot", "-o", str(output))
    assert shot.returncode == 0, shot.stderr
    assert output.read_bytes().startswith(b"\x89PNG")


def test_the_desktop_entry_installs_from_the_wheel(installed: Installed) -> None:
    done = installed.run("--install-desktop")
    assert done.returncode == 0, done.stderr
    entry = installed.folder / "home" / "data" / "applications" / "annotated-reader.desktop"
    assert f"Exec={installed.python} -m reader %f" in entry.read_text(encoding="utf-8")
