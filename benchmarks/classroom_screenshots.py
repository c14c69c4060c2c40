"""README's screenshots of the class view and presentation mode, rendered offscreen by the
app's own widgets on a new sample library with a made-up class of eight.

    python benchmarks/classroom_screenshots.py [--out docs]

Writes, at 1400×900: student-banner.png (a student's window on the assignment),
class-view-{light,dark}.png and presentation-{light,dark}.png; and class-view-small.png
at 1024×700.  The class is seeded: each student finds part of the key (the sample
article's demo flags) and flags a few sentences of their own, so the pictures are the
same on every run.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QUndoStack  # noqa: E402

from reader.anchoring.selectors import make_anchor  # noqa: E402
from reader.classroom.matching import sentence_units  # noqa: E402
from reader.core.models import Annotation, Kind  # noqa: E402
from reader.core.palette import Theme  # noqa: E402
from reader.gui.app import application, render_screenshot, settle  # noqa: E402
from reader.gui.classroom.class_view import ClassViewWindow  # noqa: E402
from reader.gui.classroom.presentation import Presentation  # noqa: E402
from reader.gui.common.theme import apply_theme  # noqa: E402
from reader.services import classroom as service  # noqa: E402
from reader.services.class_results import class_overview_of  # noqa: E402
from reader.services.samples import ensure_samples  # noqa: E402
from reader.storage.library import Library  # noqa: E402

STUDENTS = ("Amara Diallo", "Ben Okafor", "Chloé Martin", "Dev Patel", "Elif Yilmaz",
            "Finn Murphy", "Grace Liu", "Hugo Santos")  # fmt: skip
SIZE = (1400, 900)
SMALL = (1024, 700)
NOTES = ("Who says so?", "No source given.", "Loaded words.", "Needs the date.", "")


def make_class(folder: Path) -> tuple[Library, str]:
    """The teacher's library: the screens article, its demo flags as the key, eight
    submissions collected."""
    library = Library.open(folder / "teacher.sqlite")
    ensure_samples(library)
    article = next(a for a in library.articles() if "Screens" in a.title)
    service.use_as_key(library, article.id)
    made = service.assign(
        library,
        article.id,
        folder / "a.reader-assignment",
        title="Screens",
        instructions="Flag every **claim without a source** and every opinion dressed as fact.",
        due="2026-12-10",
    )
    key = service.active_key(library, article.id)
    text = library.article(article.id).text
    sentences = sentence_units(text).sentences[1:]  # not the headline
    rng = random.Random(11)
    handed = folder / "handed"
    handed.mkdir()
    for name in STUDENTS:
        student = Library.open(folder / f"{name}.sqlite")
        opened = service.open_assignment(student, made.path)
        flags = [
            Annotation(opened.article_id, f.kind, f.anchor, note=rng.choice(NOTES))
            for f in key
            if rng.random() < 0.6
        ]
        for start, end in rng.sample(sentences[:12], 2):
            kind = rng.choice(list(Kind))
            anchor = make_anchor(text, start, end)
            flags.append(Annotation(opened.article_id, kind, anchor, note=rng.choice(NOTES)))
        student.add_annotations(flags)
        service.hand_in(student, made.assignment_id, handed / f"{name}.reader-submission", name)
        student.close()
    service.collect(library, [handed])
    return library, made.assignment_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    options = parser.parse_args()
    app = application(offscreen=True)
    with tempfile.TemporaryDirectory() as name:
        library, assignment_id = make_class(Path(name))
        found = service.find_assignment(library, assignment_id)
        try:
            student = Path(name) / f"{STUDENTS[0]}.sqlite"
            render_screenshot(
                student, options.out / "student-banner.png", None, SIZE, Theme.LIGHT, None
            )
            for theme in Theme:
                apply_theme(app, theme)
                view = ClassViewWindow(library, found, theme, QUndoStack())
                view.resize(*SIZE)
                view.show()
                view.article_view.setCursorWidth(0)
                items = view.passages.passage_items()
                if theme is Theme.DARK:
                    view.hide_names.setChecked(True)
                    view.table.selectRow(1)
                elif items:
                    view.passages.setCurrentItem(items[0])
                settle(app)
                view.grab().save(str(options.out / f"class-view-{theme.value}.png"))
                if theme is Theme.LIGHT:
                    view.resize(*SMALL)
                    settle(app)
                    view.grab().save(str(options.out / "class-view-small.png"))

                article = library.article(found.article_id)
                flags = partial(service.presented_flags, library, article.id)
                heat = partial(class_overview_of, library, article.id)
                presentation = Presentation(view, article, flags, theme, heat)
                presentation.start()
                presentation.showNormal()
                presentation.resize(*SIZE)
                presentation.reveal_next()
                presentation.reveal_next()
                presentation.toggle_heat()
                settle(app)
                presentation.grab().save(str(options.out / f"presentation-{theme.value}.png"))
                presentation.close()
                view.close()  # and deleted, with the presentation
                settle(app, 50)
        finally:
            library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
