"""The class view's and the presentation's code is loaded a moment after an article is
shown in a library that assigned one, so their first opening does not wait for it, and
never in a library that assigned none (a fresh process: this one has imported everything
already)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from reader.gui.app import application, open_library
from reader.gui.shell.main_window import MainWindow
from reader.services.assignments import assign

library = open_library(Path(sys.argv[1]))
assigned, plain = (article.id for article in library.articles()[:2])
app = application(offscreen=True)
window = MainWindow(library, QSettings(sys.argv[3], QSettings.Format.IniFormat))
window.show()
window.finish_startup()  # as the app does after its first paint

def loaded_after(article_id, seconds):
    window.show_article(article_id)
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        app.processEvents()
        time.sleep(0.01)
    names = ("reader.gui.classroom.class_view", "reader.gui.classroom.presentation")
    names += ("reader.services.class_results",)  # nothing of the classroom before
    return [name in sys.modules for name in names]

none_assigned = loaded_after(plain, 1.5)
assign(library, assigned, Path(sys.argv[2]), title="Claims")
if sys.argv[4] == "assigned":
    print(none_assigned, loaded_after(assigned, 0.1), loaded_after(assigned, 1.5))
else:  # another article of the library that assigned one
    print(none_assigned, loaded_after(plain, 0.1), loaded_after(plain, 1.5))
window.close()
library.close()
"""


@pytest.mark.parametrize("shown", ["assigned", "another"])
def test_the_class_views_code_is_loaded_a_moment_after_an_article_is_shown(
    tmp_path: Path, shown: str
) -> None:
    arguments = [tmp_path / "library.sqlite", tmp_path / "a.reader-assignment"]
    arguments.append(tmp_path / "settings.ini")
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, *map(str, arguments), shown],
        capture_output=True,
        text=True,
        check=True,
    )
    first_line = "[False, False, False] [False, False, False] [True, True, True]"
    assert run.stdout.split("\n")[0] == first_line
