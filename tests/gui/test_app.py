"""Screenshots of the real main window, drag and drop, and the settings the app keeps."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QApplication,
)
from pytestqt.qtbot import QtBot

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, Kind, ReaderError
from reader.core.palette import Theme
from reader.gui.app import CACHE_FOLDER_NAME, open_library, render_screenshot
from reader.gui.shell.main_window import MainWindow
from reader.storage.library import Library


@pytest.fixture
def flagged_db(tmp_path: Path) -> tuple[Path, int, str]:
    path = tmp_path / "library.sqlite"
    library = open_library(path)
    article = library.article(library.articles()[-1].id)
    start = article.text.index(" ", 40) + 1
    flag = Annotation(article.id, Kind.OPINION, make_anchor(article.text, start, start + 25))
    library.add_annotation(flag)
    library.close()
    return path, article.id, flag.uuid


def test_screenshot_writes_a_png_of_the_requested_size(
    qapp: QApplication, tmp_path: Path, flagged_db: tuple[Path, int, str]
) -> None:
    db, article_id, uuid = flagged_db
    for theme in Theme:
        output = tmp_path / f"shot-{theme.value}.png"
        render_screenshot(db, output, article_id, (1000, 700), theme, uuid)
        image = QImage(str(output))
        assert (image.width(), image.height()) == (1000, 700)
    light = QImage(str(tmp_path / "shot-light.png")).pixelColor(500, 400).lightness()
    dark = QImage(str(tmp_path / "shot-dark.png")).pixelColor(500, 400).lightness()
    assert light > dark


def test_screenshot_refuses_bad_requests(
    qapp: QApplication, tmp_path: Path, flagged_db: tuple[Path, int, str]
) -> None:
    db, article_id, _ = flagged_db
    with pytest.raises(ReaderError, match="no article"):
        render_screenshot(db, tmp_path / "a.png", 999, (1000, 700), Theme.LIGHT, None)
    with pytest.raises(ReaderError, match="PNG"):
        render_screenshot(db, tmp_path / "a.jpg", article_id, (1000, 700), Theme.LIGHT, None)
    with pytest.raises(ReaderError, match="size"):
        render_screenshot(db, tmp_path / "a.png", article_id, (10, 10), Theme.LIGHT, None)
    assert not (tmp_path / "a.png").exists()


def test_dropping_a_file_imports_it(qtbot: QtBot, tmp_path: Path) -> None:
    library = open_library(tmp_path / "library.sqlite")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(library, settings, theme=Theme.LIGHT)
    qtbot.addWidget(window)
    window.restore_session()
    window.show()
    source = tmp_path / "dropped.md"
    source.write_text("# Dropped story\n\nIt rained all week in the valley.\n", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(source))])
    action = Qt.DropAction.CopyAction
    buttons = Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(
        window.rect().center(), action, data, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(window.rect().center()), action, data, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(
        lambda: (
            window.reading.article is not None and window.reading.article.title == "Dropped story"
        )
    )
    assert "Dropped story" in [summary.title for summary in library.articles()]
    window.close()
    library.close()


def test_a_second_start_paints_the_last_article_without_markdown_it_or_storage(
    tmp_path: Path,
) -> None:
    # Also without PySide6's Qt namespace: its ~90 enums are built at the name's first
    # import, and the first start builds them for the flags it draws before its paint.
    script = (
        "import enum, sys\n"
        "from pathlib import Path\n"
        "from reader.gui.app import application, start_window\n"
        "def qt_enums():\n"
        "    found, todo = set(), list(enum.Enum.__subclasses__())\n"
        "    while todo:\n"
        "        kind = todo.pop()\n"
        "        found.add(kind)\n"
        "        todo += kind.__subclasses__()\n"
        "    return any(kind.__qualname__.startswith('Qt.') for kind in found)\n"
        "def painted():\n"
        "    window.article_view.painted.disconnect(painted)\n"
        "    names = ('markdown_it', 'pygments', 'reader.storage.library')\n"
        "    loaded = [name in sys.modules for name in names]\n"
        "    print(window.reading.article is not None, *loaded, qt_enums())\n"
        "app = application(offscreen=True)\n"
        "window = start_window(app, Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "window.article_view.painted.connect(painted)\n"
        "window.ready.connect(app.quit)  # the whole window, as a user closes it\n"
        "app.exec()\n"
        "window.close()\n"
        "window.close_library()\n"
    )
    arguments = [str(tmp_path / "library.sqlite"), str(tmp_path / "settings.ini")]
    first = subprocess.run(
        [sys.executable, "-c", script, *arguments], capture_output=True, text=True, check=True
    )
    # rendered, then cached; the article kept on closing
    assert first.stdout.split()[:4] == ["True", "True", "True", "True"]
    assert list((tmp_path / CACHE_FOLDER_NAME).glob("*.json"))
    second = subprocess.run(
        [sys.executable, "-c", script, *arguments], capture_output=True, text=True, check=True
    )
    # the kept article painted before the library is opened
    assert second.stdout.split() == ["True", "False", "False", "False", "False"]


def test_a_settled_window_listens_without_having_loaded_the_importers(tmp_path: Path) -> None:
    # Listening for a second process's file must not load what opening one needs (the
    # importers, lxml, PyYAML): the start-up's time and memory would pay for it.
    # Garbage is collected again then, not before the first paint.
    script = (
        "import gc, os, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from reader.gui import app as gui_app\n"
        "from reader.gui.shell.single_instance import server_name\n"
        "db = Path(sys.argv[1])\n"
        "collecting = []\n"
        "def report():\n"
        "    names = ('lxml', 'yaml', 'reader.gui.shell.file_actions')\n"
        "    print(os.path.exists(server_name(db)), *(name in sys.modules for name in names))\n"
        "    print(collecting[0], gc.isenabled())\n"
        "    QApplication.instance().quit()\n"
        "start_window = gui_app.start_window\n"
        "def started(*arguments):\n"
        "    window = start_window(*arguments)\n"
        "    window.article_view.painted.connect(lambda: collecting.append(gc.isenabled()))\n"
        "    window.when_settled(lambda: QTimer.singleShot(0, report))  # after the server\n"
        "    return window\n"
        "gui_app.start_window = started\n"
        "gui_app.run_app(db, settings_path=Path(sys.argv[2]))\n"
    )
    arguments = [str(tmp_path / "library.sqlite"), str(tmp_path / "settings.ini")]
    environment = {key: value for key, value in os.environ.items() if key != "READER_DB"}
    environment.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    started = [
        subprocess.run(
            [sys.executable, "-c", script, *arguments],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
            timeout=120,
        ).stdout.split()
        for _ in range(2)
    ]
    assert started[0][0] == "True"  # a first start, which imports the samples
    assert started[1] == ["True", "False", "False", "False", "False", "True"]  # a later one


def test_only_a_new_library_gets_the_sample_articles(tmp_path: Path) -> None:
    existing = tmp_path / "empty.sqlite"
    Library.open(existing).close()
    kept_empty = open_library(existing)
    try:
        assert kept_empty.is_empty()
    finally:
        kept_empty.close()
    made = open_library(tmp_path / "new.sqlite")
    try:
        assert not made.is_empty()
    finally:
        made.close()
