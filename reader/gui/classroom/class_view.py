"""The class view of an assignment: the article shaded by how many students flagged
each sentence, beside it the students, the passages and the class's agreement.

Clicking a student shows their work against the key on the article; clicking a
passage lists who flagged it.  A student's extra flag can be added to the key
(undoable), and the teacher keeps a comment per student.  Every figure comes from
``reader.services``; this window only shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.classroom.tally import counted
from reader.core.models import ReaderError
from reader.core.palette import Theme
from reader.gui.classroom.class_shading import (
    MARK_LEGEND,
    Shade,
    heat_selections,
    key_selections,
    mark_selections,
)
from reader.gui.classroom.passages_list import PASSAGE_ROLE, PassageChoice, PassagesList, shortened
from reader.gui.classroom.students_table import StudentsTable
from reader.gui.common.after_paint import AfterPaint
from reader.gui.reading.article_view import ArticleView
from reader.render.cache import RenderCache
from reader.services import class_details
from reader.services.class_details import Flagger, Mark, MarkedPassage
from reader.services.class_results import KeptClassView, ShownClass
from reader.storage.classroom import StoredAssignment
from reader.storage.library import Library

if TYPE_CHECKING:
    from reader.classroom.overview import ClassOverview

FLAGGER_ROLE = Qt.ItemDataRole.UserRole + 1
HEAT_LEGEND = (
    "Each sentence is shaded by how many students flagged it: the darker, the more."
    " The key's flags keep their kind's underline (wavy: unsourced claim,"
    " dotted: opinion, solid: context note)."
)


class ClassViewWindow(QWidget):
    """A window of its own beside the main one, deleted with it: closed, it is only hidden,
    to be shown again while its figures hold."""

    closed = Signal()
    key_changed = Signal(int)  # the article id, when a flag was added to or taken from the key

    def __init__(
        self,
        library: Library,
        found: StoredAssignment,
        theme: Theme,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        kept: KeptClassView | None = None,
        render_cache: RenderCache | None = None,
    ) -> None:
        """``kept``: the class's figures and overview read last (kept beyond this window);
        ``render_cache``: where the main window keeps its rendered articles."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(f"{found.title} — class view")
        self._library = library
        self._found = found
        self._theme = theme
        self.undo_stack = undo_stack
        self.student_id: str | None = None  # the student shown on the article, if any
        self._kept = kept if kept is not None else KeptClassView()
        self.view_data: ShownClass = self._kept.shown(library, found)
        self._page: tuple[int, str] | None = None  # the article drawn: id, text's hash
        self._shades: dict[Shade, QTextEdit.ExtraSelection | None] = {}  # made on the page

        self.article_view = ArticleView()
        self.article_view.render_cache = render_cache
        self.article_view.setAccessibleName("Article, shaded by the class's flags")
        self.kind_choice = QComboBox()
        self.kind_choice.setAccessibleName("Shade by kind")
        self.kind_choice.addItem("All kinds", None)
        for kind in found.kinds:
            self.kind_choice.addItem(kind.label, kind)
        self.hide_names = QCheckBox("&Hide names")
        self.hide_names.setToolTip("Show Student 1, 2, … instead of names (for a projector)")
        self.whole_class_button = QPushButton("&Whole Class")
        self.whole_class_button.setToolTip("Shade the article by the whole class again")
        self.legend = QLabel(HEAT_LEGEND)
        self.legend.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setAccessibleName("The class")
        self.agreement = QLabel()
        self.agreement.setWordWrap(True)
        self.agreement.setAccessibleName("Class agreement")
        self.agreement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Alpha loads numpy: unless the figures kept hold it, worked out once the window
        # has painted, in the lines laid out for it meanwhile.
        self._agreement_later = AfterPaint(self, self._show_agreement)
        # Figures agreed are kept in the library (a write) after they are painted.
        self._keep_later = AfterPaint(self, self._keep_figures)
        # Figures read from the library come without the overview behind them: it is
        # worked out ahead, in a thread, once the window has painted, for the first click.
        self._ahead_later = AfterPaint(self, self._work_out_ahead)
        self._ahead_later.wanted = True
        self.table = StudentsTable()
        self.comment_label = QLabel("Comment to the student:")
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName("Comment to the student")
        self.comment.setPlaceholderText(
            "Your feedback: it goes into this student's page of the report and their own "
            "copy of the released key"
        )
        self.comment.setMaximumHeight(64)
        self.passages = PassagesList()
        self.details_label = QLabel("Click a student or a passage")
        self.details_label.setWordWrap(True)
        self.details = QListWidget()
        self.details.setAccessibleName("Flags")
        self.details.setWordWrap(True)
        self.add_button = QPushButton("&Add to Key")
        self.add_button.setToolTip("Add the selected student's extra flag to the key (undoable)")
        self.add_button.setEnabled(False)
        self._layout()
        self._connect()
        self._show_figures(agreement_now=False)

    def _layout(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Shade by:"))
        controls.addWidget(self.kind_choice)
        controls.addWidget(self.whole_class_button)
        controls.addStretch(1)
        controls.addWidget(self.hide_names)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(controls)
        left_layout.addWidget(self.legend)
        left_layout.addWidget(self.article_view, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.agreement)
        top_layout.addWidget(self.table, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.details_label)
        bottom_layout.addWidget(self.details, 1)
        bottom_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        bottom_layout.addWidget(self.comment_label)
        bottom_layout.addWidget(self.comment)
        right.addWidget(top)
        right.addWidget(self.passages)
        right.addWidget(bottom)
        for index, stretch in enumerate((3, 1, 2)):
            right.setStretchFactor(index, stretch)
        right.setSizes([340, 180, 300])  # the students first
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1280, 800)

    def _connect(self) -> None:
        self.kind_choice.currentIndexChanged.connect(self._on_kind_choice_changed)
        self.hide_names.toggled.connect(self._on_hide_names_toggled)
        self.whole_class_button.clicked.connect(self.show_whole_class)
        self.table.selectionModel().selectionChanged.connect(self._on_student_selection_changed)
        self.passages.currentItemChanged.connect(self._on_passage_changed)
        self.details.currentItemChanged.connect(self._on_detail_changed)
        self.add_button.clicked.connect(self.add_selected_to_key)
        self.comment.textChanged.connect(self._on_comment_text_changed)
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([undo, redo])

    # What is shown

    def shows(self, library: Library, found: StoredAssignment, theme: Theme) -> bool:
        """Whether this window shows this assignment, in this theme (its figures may be
        older: :meth:`show_figures`)."""
        return (
            self._library is library
            and self._found.assignment_id == found.assignment_id
            and self._theme is theme
        )

    def show_figures(self, shown: ShownClass, *, agreement_now: bool = True) -> None:
        """Show these figures, redrawing only what changed: nothing when they are the
        ones shown, the comment alone when no flag changed.  ``agreement_now``: else, when
        the figures lack it, worked out once the window has painted (it is to be shown)."""
        if shown is self.view_data:
            return
        same_figures = shown.figures is self.view_data.figures
        self._found = shown.assignment
        self.setWindowTitle(f"{self._found.title} — class view")
        self.view_data = shown
        if same_figures:
            self._show_comment(self.student_id)
        else:
            self._show_figures(agreement_now=agreement_now)

    @property
    def overview(self) -> ClassOverview:
        """The whole overview behind the figures shown, worked out when first needed (a
        student or a passage clicked); if the library changed since the figures were
        read, the window shows what it holds now."""
        view = self._kept.of(self._library, self._found)
        if view.inputs != self.view_data.inputs:
            self.show_figures(self._kept.shown(self._library, self._found))
        return view.overview

    @property
    def names(self) -> dict[str, str]:
        return class_details.names_shown(self.view_data.figures, hidden=self.hide_names.isChecked())

    def refresh(self) -> None:
        """Read the class's figures again and show them, the same student still chosen."""
        self.show_figures(self._kept.shown(self._library, self._found))

    def _show_figures(self, *, agreement_now: bool = True) -> None:
        """``agreement_now``: else, when the figures lack it, worked out after the paint."""
        figures = self.view_data.figures
        article = self.view_data.article
        if self._page != (article.id, article.sha256):  # the page is drawn once per text
            self._page = (article.id, article.sha256)
            self._shades = {}
            self.article_view.show_article(article, [], self._theme)
            # In this window the page's viewport holds a palette of its own before it is
            # shown, so it does not follow the view's theme: give it the view's.
            self.article_view.viewport().setPalette(self.article_view.palette())
        chosen = self.student_id
        self.table.show_figures(figures, self.names)
        self.passages.show_figures(figures, article.text)
        students = len(figures.students)
        self.summary.setText(
            f"{counted(students, 'student')} · {len(figures.key)} flags in the key. Agreement:"
        )
        if figures.agreement is not None:
            self.agreement.setText("\n".join(figures.agreement))
        elif agreement_now:
            self._show_agreement()
        else:
            from reader.classroom.agreement import waiting_lines  # (when the figures lack it)

            self.agreement.setText("\n".join(waiting_lines(figures.kinds)))
            self._agreement_later.wanted = True
        row = self.table.row_of(chosen) if chosen is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.show_student(chosen)
        else:
            self.show_whole_class()

    def _show_agreement(self) -> None:
        self._agreement_later.stop()
        agreed = self._kept.agreed(self._library, self.view_data)
        if agreed is None:  # the library changed meanwhile
            self.refresh()
            return
        self.view_data = agreed
        self.agreement.setText("\n".join(agreed.figures.agreement or ()))
        self._keep_later.wanted = True
        self.update()

    def _keep_figures(self) -> None:
        self._keep_later.stop()
        self._kept.keep(self._library, self.view_data)

    def _work_out_ahead(self) -> None:
        self._ahead_later.stop()
        self._kept.work_out_ahead(self._library.path, self._found, keep=False)

    def show_whole_class(self) -> None:
        self.student_id = None
        self.table.clearSelection()
        self._show_comment(None)
        kind = self.kind_choice.currentData()
        figures, view = self.view_data.figures, self.article_view
        view.setExtraSelections(
            heat_selections(view, figures, kind, self._theme, self._shades)
            + key_selections(view, figures.key, self._theme)
        )
        self.legend.setText(HEAT_LEGEND)

    def show_student(self, student_id: str | None) -> None:
        """The student's flags against the key on the article, and listed beside it."""
        if student_id is None:
            self.show_whole_class()
            return
        overview = self.overview
        if student_id not in self.view_data.figures.names:  # no longer collected
            self.show_whole_class()
            return
        self.student_id = student_id
        marks = class_details.student_marks(overview, student_id)
        self.article_view.setExtraSelections(mark_selections(self.article_view, marks, self._theme))
        self.legend.setText(MARK_LEGEND)
        self._show_comment(student_id)
        result = class_details.student_result(overview, student_id)
        self.details_label.setText(f"{self.names[student_id]}: {result.summary()}")
        self.details.clear()
        for passage in marks:
            self._add_mark(student_id, passage)
        self._on_detail_changed(None, None)

    def _add_mark(self, student_id: str, passage: MarkedPassage) -> None:
        flag = passage.flag
        note = flag.note if passage.mark is not Mark.FOUND else passage.student_flags[0].note
        if passage.mark is Mark.OTHER_KIND:
            kinds = ", ".join(f.kind.label.lower() for f in passage.student_flags)
            what = f"{passage.mark.label} ({kinds}, the key says {flag.kind.label.lower()})"
        else:
            what = f"{passage.mark.label} · {flag.kind.label}"
        text = f"{what}: “{shortened(flag.anchor.exact)}”"
        if note.strip():
            who = "the key's note" if passage.mark is Mark.MISSED else "note"
            text += f"\n{who}: {shortened(note, 200)}"
        item = QListWidgetItem(text, self.details)
        if passage.mark is Mark.EXTRA:
            item.setData(FLAGGER_ROLE, Flagger(student_id, flag, True))

    def show_passage(self, choice: PassageChoice) -> None:
        """Who flagged the passage, with their notes; the passage scrolled into view."""
        overview = self.overview
        if choice.key_uuid:
            flaggers = class_details.who_flagged_key(overview, choice.key_uuid)
        else:
            flaggers = class_details.who_flagged_sentence(overview, choice.sentence)
        students = len({f.student_id for f in flaggers})
        quote = self.view_data.article.text[choice.start : choice.end]
        self.details_label.setText(
            f"{counted(students, 'student')} flagged “{shortened(quote, 60)}”"
        )
        self.details.clear()
        names = self.names
        for flagger in flaggers:
            flag = flagger.flag
            text = f"{names[flagger.student_id]} · {flag.kind.label}"
            if flagger.extra:
                text += " (not in the key)"
            text += f": “{shortened(flag.anchor.exact)}”"
            if flag.note.strip():
                text += f"\nnote: {shortened(flag.note, 200)}"
            item = QListWidgetItem(text, self.details)
            item.setData(FLAGGER_ROLE, flagger)
        self.article_view.select_text(choice.start, choice.end)
        self._on_detail_changed(None, None)

    def _show_comment(self, student_id: str | None) -> None:
        self.comment.blockSignals(True)
        self.comment.setPlainText(self.view_data.comments.get(student_id, "") if student_id else "")
        self.comment.blockSignals(False)
        self.comment.setEnabled(student_id is not None)
        self.comment_label.setText(
            f"Comment to {self.names[student_id]}:" if student_id else "Comment to the student:"
        )

    # What the teacher does

    def add_selected_to_key(self) -> bool:
        item = self.details.currentItem()
        flagger = item.data(FLAGGER_ROLE) if item is not None else None
        if not isinstance(flagger, Flagger) or not flagger.extra:
            return False
        from reader.gui.classroom.key_commands import AddToKeyCommand

        command = AddToKeyCommand(self._library, self._found, flagger.flag, self._on_key_changed)
        try:
            self.undo_stack.push(command)
        except ReaderError as error:
            self._warn(f"Cannot add the flag to the key: {error}. Nothing was changed.")
            return False
        return True

    def _on_key_changed(self) -> None:
        self.refresh()
        self.key_changed.emit(self._found.article_id)

    def _on_comment_text_changed(self) -> None:
        if self.student_id is None:
            return
        text = self.comment.toPlainText()
        try:
            class_details.comment_on(self._library, self._found, self.student_id, text)
        except ReaderError as error:
            self._warn(f"Cannot keep the comment: {error}. The comment was not saved.")
            return
        self.view_data.comments[self.student_id] = text

    def _warn(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Class view", message, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()

    # Slots

    def _on_kind_choice_changed(self, _index: int) -> None:
        if self.student_id is None:
            self.show_whole_class()

    def _on_hide_names_toggled(self, _hidden: bool) -> None:
        self.table.show_figures(self.view_data.figures, self.names)
        row = self.table.row_of(self.student_id) if self.student_id is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._refresh_details()

    def _refresh_details(self) -> None:
        item = self.passages.currentItem()
        choice = item.data(0, PASSAGE_ROLE) if item is not None else None
        if self.student_id is not None:
            self.show_student(self.student_id)
        elif isinstance(choice, PassageChoice):
            self.show_passage(choice)

    def _on_student_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self.show_student(self.table.student_at(rows[0].row()))

    def _on_passage_changed(self, current: QTreeWidgetItem | None, _old: object) -> None:
        choice = current.data(0, PASSAGE_ROLE) if current is not None else None
        if isinstance(choice, PassageChoice):
            self.show_passage(choice)

    def _on_detail_changed(self, current: QListWidgetItem | None, _old: object) -> None:
        flagger = current.data(FLAGGER_ROLE) if current is not None else None
        self.add_button.setEnabled(isinstance(flagger, Flagger) and flagger.extra)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # after this paint (its children's too), one at a time, in this order
        for later in (self._agreement_later, self._keep_later, self._ahead_later):
            if later.start():
                break

    def closeEvent(self, event: QCloseEvent) -> None:
        self._agreement_later.stop()
        if self._keep_later.wanted:
            self._keep_figures()
        if self._ahead_later.wanted and not self._library.closed:  # for the window shown again
            self._work_out_ahead()
        self._ahead_later.stop()
        super().closeEvent(event)
        self.closed.emit()
