"""The classroom's small dialogs: hand in (the student) and assign (the teacher)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import Kind

DEFAULT_DUE_DAYS = 7


class HandInDialog(QDialog):
    """What will be handed in, and under which name; OK goes on to choose the file."""

    def __init__(self, parent: QWidget, title: str, summary: str, name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hand In")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        heading = QLabel(f"You are handing in “{title}”:")
        heading.setWordWrap(True)
        self.summary_label = QLabel(summary)
        self.summary_label.setWordWrap(True)
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText("First and last name")
        self.name_edit.setAccessibleName("Your name")
        form = QFormLayout()
        form.addRow("Your &name:", self.name_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Save Submission…")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._on_name_changed)
        self._on_name_changed(name)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name_edit.setFocus()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def _on_name_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))


@dataclass(frozen=True)
class AssignmentForm:
    title: str
    instructions: str
    kinds: tuple[Kind, ...]
    due: str  # ISO date, or "" for none


class AssignDialog(QDialog):
    """The assignment's title, instructions (Markdown), kinds and due date."""

    def __init__(self, parent: QWidget, article_title: str, key_flags: int) -> None:
        super().__init__(parent)
        self.setWindowTitle("Assign")
        self.setMinimumWidth(520)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.title_edit = QLineEdit(article_title)
        self.instructions_edit = QPlainTextEdit()
        self.instructions_edit.setPlaceholderText(
            "What to look for and how to write the notes (Markdown)"
        )
        self.instructions_edit.setTabChangesFocus(True)
        self.kind_boxes: dict[Kind, QCheckBox] = {}
        kinds_row = QHBoxLayout()
        for kind in Kind:
            box = QCheckBox(kind.label)
            box.setChecked(True)
            box.toggled.connect(self._on_changed)
            self.kind_boxes[kind] = box
            kinds_row.addWidget(box)
        self.due_box = QCheckBox("&Due")
        self.due_box.setChecked(True)
        self.due_edit = QDateEdit(QDate.currentDate().addDays(DEFAULT_DUE_DAYS))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("ddd d MMMM yyyy")  # never 11/12: which is the month?
        self.due_box.toggled.connect(self.due_edit.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_box)
        due_row.addWidget(self.due_edit, 1)
        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Instructions:", self.instructions_edit)
        form.addRow("Flag:", kinds_row)
        form.addRow("", due_row)
        key_line = (
            f"The key holds {key_flags} flag{'' if key_flags == 1 else 's'}; it is never "
            "in the assignment file."
            if key_flags
            else "The key is empty yet: Flag › Use My Flags as the Key makes it."
        )
        self.key_label = QLabel(key_line)
        self.key_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Save Assignment…")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title_edit.textChanged.connect(self._on_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.key_label)
        layout.addWidget(self.buttons)
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def form(self) -> AssignmentForm:
        due = (
            self.due_edit.date().toString(Qt.DateFormat.ISODate) if self.due_box.isChecked() else ""
        )
        return AssignmentForm(
            self.title_edit.text().strip(),
            self.instructions_edit.toPlainText().strip(),
            tuple(kind for kind, box in self.kind_boxes.items() if box.isChecked()),
            due,
        )

    def _on_changed(self) -> None:
        form = self.form()
        self.ok_button.setEnabled(bool(form.title and form.kinds))
