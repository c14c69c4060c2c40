"""View › Changes Since Version N: the old version beside the latest, what was deleted
struck through on the left and what was inserted underlined on the right, with the
flags the edit moved or orphaned listed below; an orphaned flag can be re-attached to
a passage selected in the latest version (one undo step)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.anchoring.selectors import shorten
from reader.compare.versions import ChangeKind, FlagChange, FlagFate
from reader.core.models import Status
from reader.gui.compare.commands import ReattachFlagCommand
from reader.gui.compare.side import AddCommand, CompareSide
from reader.gui.compare.side_by_side import SideBySide

if TYPE_CHECKING:
    from reader.core.palette import Theme
    from reader.services.compare import VersionComparison
    from reader.storage.library import Library

DELETED_COLOUR = QColor(220, 80, 60, 60)  # with a strike-through: not colour alone
INSERTED_COLOUR = QColor(60, 170, 90, 60)  # with an underline
FATE_ROLE = Qt.ItemDataRole.UserRole


class VersionsView(SideBySide):
    def __init__(
        self,
        library: Callable[[], Library],
        add_command: AddCommand,
        theme: Theme,
        suggestions_locked: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        latest = CompareSide("Latest version", library, add_command, theme, suggestions_locked)
        super().__init__((latest,), "Leave Changes", parent)
        self.setAccessibleName("Changes between two versions")
        self.latest = latest
        self.old_heading = QLabel()
        self.old_heading.setProperty("role", "heading")
        self.old_text = QTextBrowser()
        self.old_text.setOpenLinks(False)
        # as the latest version's page keeps its scroll bar, so the two look alike
        self.old_text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._old = ""  # the old version's text (code points; the document counts UTF-16)
        old_column = QWidget()
        old_layout = QVBoxLayout(old_column)
        old_layout.setContentsMargins(4, 4, 4, 4)
        old_layout.addWidget(self.old_heading)
        old_layout.addWidget(self.old_text, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(old_column)
        splitter.addWidget(latest)
        self.fates = QListWidget()
        self.fates.setAccessibleName("Flags the edit moved or orphaned")
        self.fates.setMaximumHeight(120)
        self.fates.currentItemChanged.connect(self._on_fate_chosen)
        self.reattach = QPushButton("&Re-attach to Selection")
        self.reattach.setToolTip(
            "Anchor the orphaned flag chosen above on the passage selected in the latest version"
        )
        self.reattach.clicked.connect(self.reattach_chosen)
        self.reattach.setEnabled(False)
        fates_row = QHBoxLayout()
        fates_row.addWidget(self.fates, 1)
        fates_row.addWidget(self.reattach, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(fates_row)
        latest.reading.flags.dataChanged.connect(lambda *_: self._name_fates())

    def show_changes(self, comparison: VersionComparison) -> bool:
        """Show both versions and the flags' fates; False (an error said) if unreadable."""
        read = self.latest.reading.read(comparison.article.id)
        if read is None:
            return False
        self.latest.show_article(*read)
        old, new = comparison.old_version, comparison.new_version
        self.old_heading.setText(f"Version {old} — deleted text struck through")
        self.latest.heading.setText(f"Version {new} (latest) — inserted text underlined")
        self._old = comparison.old_text
        self.old_text.setPlainText(comparison.old_text)
        self.old_text.document().setDefaultFont(self.latest.view.document().defaultFont())
        changes = comparison.diff.changes
        old_text = comparison.old_text
        deleted = [
            (_utf16(old_text, c.old_start), _utf16(old_text, c.old_end))
            for c in changes
            if c.kind is ChangeKind.DELETED
        ]
        inserted = [
            span
            for c in changes
            if c.kind is ChangeKind.INSERTED
            and (span := self.latest.view.document_range(c.new_start, c.new_end)) is not None
        ]
        _mark_spans(self.old_text, deleted, DELETED_COLOUR, strike=True)
        _mark_spans(self.latest.view, inserted, INSERTED_COLOUR, strike=False)
        listed = [f for f in comparison.diff.flags if f.fate is not FlagFate.KEPT]
        for change in listed:
            item = QListWidgetItem()
            item.setData(FATE_ROLE, change)
            self.fates.addItem(item)
        self._name_fates()
        moved = sum(f.fate is FlagFate.MOVED for f in listed)
        kept = len(comparison.diff.flags) - len(listed)
        self.summary.setText(
            f"Version {old} → {new}: {_count(len(deleted), 'deletion')}, "
            f"{_count(len(inserted), 'insertion')} · flags: {moved} moved, "
            f"{len(listed) - moved} orphaned, {kept} unchanged"
        )
        return True

    def chosen(self) -> FlagChange | None:
        item = self.fates.currentItem()
        change = item.data(FATE_ROLE) if item is not None else None
        return change if isinstance(change, FlagChange) else None

    def reattach_chosen(self) -> bool:
        """Re-attach the chosen orphaned flag to the selection in the latest version."""
        change, reading = self.chosen(), self.latest.reading
        orphan = reading.flags.annotation(change.annotation.uuid) if change else None
        if orphan is None or orphan.status is not Status.ORPHANED:
            reading.say("Choose an orphaned flag in the list first", 5000)
            return False
        anchor = self.latest.view.selected_anchor()
        if anchor is None:
            reading.say("Select the flag's new passage in the latest version first", 5000)
            return False
        if not reading.push(ReattachFlagCommand(reading.library, self.latest, orphan, anchor)):
            return False
        reading.say(f"Re-attached to “{shorten(anchor.exact, 40)}”", 5000)
        return True

    def _name_fates(self) -> None:
        """Each listed flag's line, saying what it is now (re-attached or not)."""
        flags = self.latest.reading.flags
        for row in range(self.fates.count()):
            item = self.fates.item(row)
            change = item.data(FATE_ROLE)
            if not isinstance(change, FlagChange):
                continue
            now = flags.annotation(change.annotation.uuid)
            quote = f"“{shorten(change.old.exact, 60)}” ({change.annotation.kind.label.lower()})"
            if change.fate is FlagFate.MOVED:
                item.setText(f"Moved with its passage: {quote}")
            elif now is not None and now.status is Status.ACTIVE:
                item.setText(f"Re-attached: {quote}")
            else:
                item.setText(f"Orphaned, its passage gone: {quote} — select a new one, Re-attach")
        self._on_fate_chosen(self.fates.currentItem(), None)

    def _on_fate_chosen(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        change = current.data(FATE_ROLE) if current is not None else None
        if not isinstance(change, FlagChange):
            self.reattach.setEnabled(False)
            return
        now = self.latest.reading.flags.annotation(change.annotation.uuid)
        self.reattach.setEnabled(now is not None and now.status is Status.ORPHANED)
        cursor = QTextCursor(self.old_text.document())
        old_text = self._old
        cursor.setPosition(_utf16(old_text, change.old.start))
        cursor.setPosition(_utf16(old_text, change.old.end), QTextCursor.MoveMode.KeepAnchor)
        self.old_text.setTextCursor(cursor)  # where it was, in the old version
        if now is not None and now.status is Status.ACTIVE:
            self.latest.view.select_annotation(now.uuid)


def _mark_spans(
    view: QTextEdit, spans: list[tuple[int, int]], colour: QColor, *, strike: bool
) -> None:
    selections = []
    for start, end in spans:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        char_format = QTextCharFormat()
        char_format.setBackground(colour)
        if strike:
            char_format.setFontStrikeOut(True)
        else:
            char_format.setFontUnderline(True)
        selection.cursor = cursor
        selection.format = char_format
        selections.append(selection)
    view.setExtraSelections(selections)


def _utf16(text: str, offset: int) -> int:
    """The document position of a code-point offset: Qt counts UTF-16 units."""
    return offset + sum(ord(char) > 0xFFFF for char in text[:offset])


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"
