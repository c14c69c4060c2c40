"""Open, flag and type beside a long flagged article; figures as ratios to baselines.

    QT_QPA_PLATFORM=offscreen python benchmarks/open_article.py [--words 50000] [--flags 2000]

(a) show a 50,000-word article with 2,000 flags vs the same article with none;
(b) one new flag (selection -> anchor -> highlight -> repaint) vs one 16 ms frame;
(c) a keystroke in a note editor beside the view, with 2,000 flags vs none;
(d) highlighting techniques: char formats merged in one edit block (what the view
    does) vs QTextEdit.setExtraSelections, vs re-rendering the whole HTML.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: E402
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QHBoxLayout,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from reader.anchoring.canonical import article_text, text_sha256  # noqa: E402
from reader.anchoring.selectors import make_anchor  # noqa: E402
from reader.core.models import Annotation, Article, Kind, SourceFormat, Status  # noqa: E402
from reader.gui.reading.article_view import ArticleView  # noqa: E402
from reader.render import Theme  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
FRAME_MS = 16.0
KINDS = list(Kind)


def body_of(path: Path) -> str:
    source = path.read_text(encoding="utf-8")
    if source.startswith("---\n"):
        source = source[4:].partition("\n---\n")[2]
    return source


def long_article(words: int) -> Article:
    """Sample article bodies repeated (with a numbered heading each time) to ``words`` words."""
    bodies = [body_of(path) for path in sorted(SAMPLES.glob("*.md"))]
    if not bodies:
        sys.exit("no sample articles in sample_articles/")
    parts: list[str] = []
    count = 0
    while count < words:
        body = bodies[len(parts) % len(bodies)]
        parts.append(f"## Part {len(parts) + 1}\n\n{body}")
        count += len(body.split())
    article = Article(
        id=1,
        title="A very long article",
        author="Benchmark",
        publication="Annotated Reader",
        url="",
        published="2025-01-01",
        source_format=SourceFormat.MARKDOWN,
        source_path="",
        markdown="\n\n".join(parts),
        text="",
        sha256="",
        version=1,
        imported_at="2025-01-01T00:00:00Z",
    )
    article.text = article_text(article, article.markdown)
    article.sha256 = text_sha256(article.text)
    return article


def spread_flags(article: Article, count: int, seed: int = 7) -> list[Annotation]:
    """``count`` flags of 3-12 words spread over the text (some overlap), kinds mixed."""
    rng = random.Random(seed)
    text = article.text
    word_starts = [
        i for i in range(len(text)) if text[i].isalnum() and (i == 0 or text[i - 1] == " ")
    ]
    flags: list[Annotation] = []
    step = len(word_starts) // count
    for n in range(count):
        first = n * step + rng.randrange(max(1, step // 2))
        last = min(len(word_starts) - 1, first + rng.randint(3, 12))
        start, end = word_starts[first], word_starts[last] - 1
        if end <= start:
            end = start + 1
        status = Status.SUGGESTED if n % 10 == 9 else Status.ACTIVE
        flags.append(
            Annotation(
                article_id=article.id,
                kind=KINDS[n % 3],
                anchor=make_anchor(text, start, end),
                status=status,
            )
        )
    return flags


def timed(action: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def median_ms(action: Callable[[], object], repeat: int) -> float:
    return statistics.median(timed(action) for _ in range(repeat))


def delete(widget: QWidget) -> None:
    """Delete now: deleteLater alone waits for an event loop that never runs here."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def new_view() -> ArticleView:
    view = ArticleView()
    view.resize(1000, 800)
    view.show()
    QApplication.processEvents()
    return view


def open_once(article: Article, flags: list[Annotation], full: bool) -> float:
    """ms to show the article in a fresh view and paint it (its top, or after a full layout)."""
    view = new_view()

    def show() -> None:
        view.show_article(article, flags, Theme.LIGHT)
        if full:
            view.document().documentLayout().documentSize()
            view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        view.viewport().repaint()

    elapsed = timed(show)
    delete(view)
    return elapsed


def open_times(
    article: Article, flags: list[Annotation], repeat: int, full: bool
) -> tuple[float, float]:
    """Medians (no flags, with flags) of runs taken in turn, so drift hits both alike."""
    plain: list[float] = []
    flagged: list[float] = []
    for _ in range(repeat):
        plain.append(open_once(article, [], full))
        flagged.append(open_once(article, flags, full))
    return statistics.median(plain), statistics.median(flagged)


def new_flag_time(article: Article, flags: list[Annotation], repeat: int) -> float:
    """ms for: select a passage, take its anchor, highlight it, repaint the view."""
    view = new_view()
    view.show_article(article, flags, Theme.LIGHT)
    text = article.text
    times: list[float] = []
    for n in range(repeat):
        start = text.index(" ", (n + 1) * len(text) // (repeat + 2)) + 1
        view.select_text(start, start + 40)
        view.viewport().repaint()

        def flag_it() -> None:
            anchor = view.selected_anchor()
            assert anchor is not None
            view.add_highlight(Annotation(article_id=1, kind=Kind.OPINION, anchor=anchor))
            view.viewport().repaint()

        times.append(timed(flag_it))
    delete(view)
    return statistics.median(times)


def keystroke_time(article: Article, flags: list[Annotation], keys: int) -> tuple[float, float]:
    """ms per keystroke in a note editor beside the view: (editor repaint, whole window)."""
    window = QWidget()
    layout = QHBoxLayout(window)
    view = ArticleView()
    editor = QPlainTextEdit()
    layout.addWidget(view, 3)
    layout.addWidget(editor, 1)
    window.resize(1400, 900)
    window.show()
    QApplication.processEvents()
    view.show_article(article, flags, Theme.LIGHT)
    editor.setFocus()
    window.repaint()

    def type_key() -> None:
        QTest.keyClick(editor, Qt.Key.Key_A)
        editor.viewport().repaint()

    def type_key_and_repaint_all() -> None:
        QTest.keyClick(editor, Qt.Key.Key_A)
        window.repaint()

    editor_only = median_ms(type_key, keys)
    whole = median_ms(type_key_and_repaint_all, max(5, keys // 4))
    assert len(editor.toPlainText()) == keys + max(5, keys // 4), "the keys were not typed"
    delete(window)
    return editor_only, whole


def extra_selections(view: ArticleView, flags: list[Annotation]) -> None:
    """The other technique: one ExtraSelection per flag (no change to the document)."""
    selections = []
    for annotation in flags:
        span = view.document_range(annotation.anchor.start, annotation.anchor.end)
        if span is None:
            continue
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(view.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        text_format = QTextCharFormat()
        colour = QColor("#E69F00")
        colour.setAlpha(72)
        text_format.setBackground(colour)
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        selection.format = text_format
        selections.append(selection)
    view.setExtraSelections(selections)


def compare_techniques(article: Article, flags: list[Annotation], repeat: int) -> None:
    print(f"\n(d) highlighting techniques, {len(flags)} flags (ms)")
    print("    apply = draw every flag on the shown article; repaint = one viewport, mid-article")
    rows: list[tuple[str, float, float]] = []
    for name in ("none", "char formats", "extra selections"):
        view = new_view()
        view.show_article(article, [], Theme.LIGHT)
        apply_ms = 0.0
        if name == "char formats":
            apply_ms = timed(partial(view.set_annotations, flags))
        elif name == "extra selections":
            apply_ms = timed(partial(extra_selections, view, flags))
        bar = view.verticalScrollBar()
        view.document().documentLayout().documentSize()
        bar.setValue(bar.maximum() // 2)
        view.viewport().repaint()
        paint_ms = median_ms(view.viewport().repaint, repeat)
        rows.append((name, apply_ms, paint_ms))
        delete(view)
    base_paint = rows[0][2]
    for name, apply_ms, paint_ms in rows:
        print(
            f"    {name:17s} apply {apply_ms:7.1f}   repaint {paint_ms:6.2f}"
            f"   repaint ratio {paint_ms / base_paint:5.2f}x"
        )
    rerender = statistics.median(open_once(article, [], full=False) for _ in range(3))
    print(
        f"    re-rendered HTML  each flag change re-renders the article: {rerender:.1f} ms"
        f" = {rerender / FRAME_MS:.1f} frames"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--flags", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    QApplication.instance() or QApplication(sys.argv[:1])
    article = long_article(arguments.words)
    flags = spread_flags(article, arguments.flags)
    words = len(article.text.split())
    print(f"article: {words} words, {len(article.text)} characters; {len(flags)} flags")

    new_view_warm = new_view()  # warm up fonts and styles
    new_view_warm.show_article(article, flags[:10], Theme.LIGHT)
    delete(new_view_warm)

    plain_paint, flagged_paint = open_times(article, flags, arguments.repeat, full=False)
    plain_layout, flagged_layout = open_times(article, flags, arguments.repeat, full=True)
    print("\n(a) open the article: show_article + paint (medians, ms)")
    print(f"    {'':22s}{'no flags':>10s}{f'{len(flags)} flags':>13s}{'ratio':>8s}")
    for label, plain, flagged in (
        ("top painted", plain_paint, flagged_paint),
        ("laid out to the end", plain_layout, flagged_layout),
    ):
        print(f"    {label:22s}{plain:10.1f}{flagged:13.1f}{flagged / plain:7.2f}x   (target < 2x)")

    flag_ms = new_flag_time(article, flags, 15)
    print("\n(b) one new flag: anchor + highlight + repaint, on the flagged article")
    print(f"    {flag_ms:.2f} ms = {flag_ms / FRAME_MS:.2f} of a 16 ms frame (target < 1)")

    plain_key, plain_key_all = keystroke_time(article, [], 40)
    flagged_key, flagged_key_all = keystroke_time(article, flags, 40)
    print("\n(c) a keystroke in a note editor beside the view (median ms)")
    for label, plain, flagged in (
        ("editor repainted", plain_key, flagged_key),
        ("whole window repainted", plain_key_all, flagged_key_all),
    ):
        print(
            f"    {label:24s} no flags {plain:6.2f}   {len(flags)} flags {flagged:6.2f}"
            f"   ratio {flagged / plain:5.2f}x   {flagged / FRAME_MS:5.2f} frame"
        )

    compare_techniques(article, flags, 10)
    many = spread_flags(article, 10_000, seed=11)
    compare_techniques(article, many, 10)


if __name__ == "__main__":
    main()
