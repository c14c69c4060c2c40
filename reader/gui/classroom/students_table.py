"""The class view's students table: found / missed / extra per kind and in all,
sortable by any column.  The model sorts its rows itself, by Python keys: a sort proxy
would ask ``data`` for each comparison."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reader.classroom.figures import ClassFigures, StudentFigures
from reader.classroom.tally import Tally
from reader.core.models import Kind

FIGURES = ("found", "missed", "extra")
STUDENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHORT_KIND = {
    Kind.UNSOURCED_CLAIM: "Unsourced",
    Kind.OPINION: "Opinion",
    Kind.CONTEXT_NOTE: "Context",
}

Index = QModelIndex | QPersistentModelIndex
Row = tuple[StudentFigures, str, list[int]]  # the student's figures, name shown, numbers


RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def figures(student: StudentFigures, groups: list[Kind | None]) -> list[int]:
    """The row's numbers: (found, missed, extra) for each kind, then for all kinds."""
    tallies: list[Tally] = [student.total if g is None else student.per_kind[g] for g in groups]
    return [int(getattr(tally, figure)) for tally in tallies for figure in FIGURES]


class StudentsModel(QAbstractTableModel):
    """One row per student; columns: name, then (found, missed, extra) per kind asked,
    then in all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._by_name: list[Row] = []  # the overview's order: by name
        self._rows: list[Row] = []  # as sorted now
        self._groups: list[Kind | None] = []  # a kind, or None for all kinds
        self._sorted_by = (0, Qt.SortOrder.AscendingOrder)

    def show_figures(self, class_figures: ClassFigures, names: dict[str, str]) -> None:
        self.beginResetModel()
        self._groups = [*class_figures.kinds, None]
        self._by_name = [
            (student, names[student.student_id], figures(student, self._groups))
            for student in class_figures.students
        ]
        self._rows = self._sorted(*self._sorted_by)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows by the column's figure, equal ones by name (as a stable sort proxy would)."""
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()  # the selection, say
        kept_rows = [self._rows[index.row()] for index in kept]
        self._rows = self._sorted(column, order)
        row_of = {id(row): number for number, row in enumerate(self._rows)}
        moved = zip(kept_rows, kept, strict=True)
        self.changePersistentIndexList(
            kept, [self.index(row_of[id(row)], index.column()) for row, index in moved]
        )
        self.layoutChanged.emit()

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[Row]:
        descending = order == Qt.SortOrder.DescendingOrder
        if column <= 0:
            return sorted(self._by_name, key=lambda row: row[1].casefold(), reverse=descending)
        return sorted(self._by_name, key=lambda row: row[2][column - 1], reverse=descending)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(FIGURES) * len(self._groups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        student, name, values = self._rows[index.row()]
        column = index.column()
        if role == STUDENT_ID_ROLE:
            return student.student_id
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return name
            if role == Qt.ItemDataRole.ToolTipRole:
                return student.summary()
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(values[column - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or section >= self.columnCount():
            return None
        if section == 0:
            label, tip = "Student", "The student's name"
        else:
            group = self._groups[(section - 1) // len(FIGURES)]
            figure = FIGURES[(section - 1) % len(FIGURES)]
            kind = "All" if group is None else SHORT_KIND[group]
            label = f"{kind}\n{figure}"
            what = "all kinds" if group is None else group.label.lower() + " flags"
            tip = {
                "found": f"Key flags found ({what})",
                "missed": f"Key flags missed ({what})",
                "extra": f"The student's flags the key lacks ({what})",
            }[figure]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip
        return None


class StudentsTable(QTableView):
    """The table, sorted by the clicked column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.students = StudentsModel(self)
        self.setModel(self.students)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setAccessibleName("Students")
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)

    def show_figures(self, class_figures: ClassFigures, names: dict[str, str]) -> None:
        self.students.show_figures(class_figures, names)
        self.fit_columns(names.values())

    def fit_columns(self, names: Iterable[str]) -> None:
        """Widths from the text's measure: asking each cell its size costs far more."""
        metrics = self.fontMetrics()
        padding = 3 * metrics.horizontalAdvance("0")
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        self.setColumnWidth(0, max(widest, metrics.horizontalAdvance("Student")) + padding)
        for column in range(1, self.students.columnCount()):
            label = str(self.students.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(line) for line in label.splitlines())
            self.setColumnWidth(column, width + padding)

    def student_at(self, row: int) -> str:
        """The student id of the row shown at ``row`` (after sorting)."""
        return str(self.students.index(row, 0).data(STUDENT_ID_ROLE))

    def row_of(self, student_id: str) -> int | None:
        for row in range(self.students.rowCount()):
            if self.student_at(row) == student_id:
                return row
        return None

    def figures(self, row: int) -> dict[str, str]:
        """The row as shown: header (one line) -> text."""
        model = self.students
        return {
            str(model.headerData(column, Qt.Orientation.Horizontal)).replace("\n", " "): str(
                model.index(row, column).data()
            )
            for column in range(model.columnCount())
        }
