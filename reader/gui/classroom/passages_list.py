"""The class view's passages: the key's, most missed first, then those many students
flagged that the key lacks.  Each row carries what it points at."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from reader.classroom.figures import ClassFigures

PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_LIMIT = 90


@dataclass(frozen=True)
class PassageChoice:
    """A key flag (its uuid) or an extra passage (its sentence)."""

    key_uuid: str = ""
    sentence: int = -1
    start: int = 0
    end: int = 0


def shortened(text: str, limit: int = QUOTE_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class PassagesList(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setAccessibleName("Passages")

    def show_figures(self, figures: ClassFigures, text: str) -> None:
        """The passages of the figures, quoted from the article's ``text``."""
        self.clear()
        students = len(figures.students)
        key = QTreeWidgetItem(self, ["Key passages, the most missed first"])
        for passage in figures.passages:
            flag = passage.key
            other = (
                f", as another kind by {passage.found_other_kind}"
                if passage.found_other_kind
                else ""
            )
            item = QTreeWidgetItem(
                key,
                [
                    f"Missed by {passage.missed} of {students}{other} · {flag.kind.label}: "
                    f"“{shortened(flag.exact)}”"
                ],
            )
            item.setData(
                0,
                PASSAGE_ROLE,
                PassageChoice(key_uuid=flag.uuid, start=flag.start, end=flag.end),
            )
            item.setToolTip(0, flag.exact)
        if not figures.passages:
            QTreeWidgetItem(key, ["The key is empty"])
        extra = QTreeWidgetItem(self, ["Passages many students flagged that the key lacks"])
        for lacking in figures.extra_passages:
            kinds = ", ".join(
                f"{n} as {kind.label.lower()}" for kind, n in sorted(lacking.kinds.items())
            )
            quote = text[lacking.start : lacking.end]
            item = QTreeWidgetItem(
                extra,
                [f"Flagged by {lacking.students} of {students} ({kinds}): “{shortened(quote)}”"],
            )
            item.setData(
                0,
                PASSAGE_ROLE,
                PassageChoice(sentence=lacking.sentence, start=lacking.start, end=lacking.end),
            )
            item.setToolTip(0, quote)
        if not figures.extra_passages:
            QTreeWidgetItem(extra, ["None"])
        for group in (key, extra):
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
        self.expandAll()

    def passage_items(self) -> list[QTreeWidgetItem]:
        """Every passage row, in order (not the group headings)."""
        items = []
        for top in range(self.topLevelItemCount()):
            group = self.topLevelItem(top)
            assert group is not None
            items += [
                item
                for item in (group.child(n) for n in range(group.childCount()))
                if item is not None and isinstance(item.data(0, PASSAGE_ROLE), PassageChoice)
            ]
        return items
