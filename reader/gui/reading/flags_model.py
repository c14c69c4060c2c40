"""Qt models over the current article's annotations: a list model and a filtering proxy."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from reader.core.models import Annotation, Kind, Status
from reader.core.palette import KIND_COLOURS
from reader.gui.common.tooltips import plain_tooltip
from reader.services.suggestion_words import likelihood, likelihood_tip, reason_sentence

ModelIndex = QModelIndex | QPersistentModelIndex


class AnnotationRole(IntEnum):
    UUID = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    QUOTE = Qt.ItemDataRole.UserRole + 3
    NOTE = Qt.ItemDataRole.UserRole + 4
    TAGS = Qt.ItemDataRole.UserRole + 5
    SOURCE = Qt.ItemDataRole.UserRole + 6
    STATUS = Qt.ItemDataRole.UserRole + 7
    LAYER = Qt.ItemDataRole.UserRole + 8
    START = Qt.ItemDataRole.UserRole + 9
    ANNOTATION = Qt.ItemDataRole.UserRole + 10


_ROLE_NAMES = {
    AnnotationRole.UUID: b"uuid",
    AnnotationRole.KIND: b"kind",
    AnnotationRole.QUOTE: b"quote",
    AnnotationRole.NOTE: b"note",
    AnnotationRole.TAGS: b"tags",
    AnnotationRole.SOURCE: b"source",
    AnnotationRole.STATUS: b"status",
    AnnotationRole.LAYER: b"layer",
    AnnotationRole.START: b"start",
    AnnotationRole.ANNOTATION: b"annotation",
}


FEW_CHANGES = 12  # up to this many changed flags are updated one by one, more all at once
_ANNOTATION_ROLE = int(AnnotationRole.ANNOTATION)


def accessible_text(annotation: Annotation) -> str:
    """What a screen reader says for a card."""
    if annotation.status is Status.SUGGESTED:
        word = likelihood(annotation)
        score = f", {word}" if word else ""
        reasons = " ".join(reason_sentence(reason) for reason in annotation.reasons)
        kind = annotation.kind.label.lower()
        return f"Suggested {kind}{score}: {annotation.anchor.exact}. Reasons: {reasons}"
    note = f". Note: {annotation.note}" if annotation.note else ""
    return f"{annotation.kind.label}: {annotation.anchor.exact}{note}"


_KIND_ORDER = {kind: i for i, kind in enumerate(Kind)}


def _sort_key(annotation: Annotation) -> tuple[int, int, int, str]:
    """Reading order; cards on the same passage in the kinds' order, as the flag keys are."""
    anchor = annotation.anchor
    return (anchor.start, anchor.end, _KIND_ORDER[annotation.kind], annotation.uuid)


def _tally_key(annotation: Annotation) -> tuple[Status, str, Kind]:
    return (annotation.status, annotation.layer, annotation.kind)


class AnnotationListModel(QAbstractListModel):
    """The annotations of one article, in reading order (by start offset)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._annotations: list[Annotation] = []
        self._rows: dict[str, int] = {}
        # How many annotations of each status, layer and kind: counts without a pass over all.
        self._tally: Counter[tuple[Status, str, Kind]] = Counter()

    # Qt interface

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._annotations)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()  # -1 for an invalid index; this flat model makes no child indexes
        if not 0 <= row < len(self._annotations):
            return None
        annotation = self._annotations[row]
        if role == _ANNOTATION_ROLE:  # asked for every card on each layout: fewest calls
            return annotation
        if index.column() != 0 or index.parent().isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return annotation.anchor.exact
        if role == Qt.ItemDataRole.ToolTipRole:
            if annotation.status is Status.SUGGESTED:  # what its "likely" or "possible" means
                kind = annotation.kind.label.lower()
                return plain_tooltip(likelihood_tip(annotation) or f"Suggested {kind}")
            return plain_tooltip(
                f"{annotation.kind.label}: {annotation.note or annotation.anchor.exact}"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_text(annotation)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(KIND_COLOURS[annotation.kind])
        return self._custom_data(annotation, role)

    def _custom_data(self, annotation: Annotation, role: int) -> Any:
        values: dict[int, Any] = {
            AnnotationRole.UUID: annotation.uuid,
            AnnotationRole.KIND: annotation.kind.value,
            AnnotationRole.QUOTE: annotation.anchor.exact,
            AnnotationRole.NOTE: annotation.note,
            AnnotationRole.TAGS: list(annotation.tags),
            AnnotationRole.SOURCE: annotation.source,
            AnnotationRole.STATUS: annotation.status.value,
            AnnotationRole.LAYER: annotation.layer,
            AnnotationRole.START: annotation.anchor.start,
        }
        return values.get(role)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(role): QByteArray(name) for role, name in _ROLE_NAMES.items()})
        return names

    # Python interface

    def set_annotations(self, annotations: Iterable[Annotation]) -> None:
        self.beginResetModel()
        self._annotations = sorted(annotations, key=_sort_key)
        self._tally = Counter(_tally_key(annotation) for annotation in self._annotations)
        self._reindex()
        self.endResetModel()

    def annotations(self) -> list[Annotation]:
        return list(self._annotations)

    def annotation(self, uuid: str) -> Annotation | None:
        row = self._rows.get(uuid)
        return None if row is None else self._annotations[row]

    def row_of(self, uuid: str) -> int:
        """The row of the annotation, or -1."""
        return self._rows.get(uuid, -1)

    def add(self, annotation: Annotation) -> None:
        if annotation.uuid in self._rows:
            self.update(annotation)
            return
        row = bisect_right(self._annotations, _sort_key(annotation), key=_sort_key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._annotations.insert(row, annotation)
        self._tally[_tally_key(annotation)] += 1
        self._reindex(row)
        self.endInsertRows()

    def update(self, annotation: Annotation) -> None:
        row = self._rows.get(annotation.uuid)
        if row is None:
            self.add(annotation)
            return
        self._tally[_tally_key(self._annotations[row])] -= 1
        self._tally[_tally_key(annotation)] += 1
        self._annotations[row] = annotation
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def replace(self, remove: Iterable[str], add: Iterable[Annotation]) -> None:
        """Remove some annotations and add others: row by row when few, else one reset."""
        gone = set(remove)
        added = list(add)
        if len(gone) + len(added) <= FEW_CHANGES:
            for uuid in gone:
                self.remove(uuid)
            for annotation in added:
                self.add(annotation)
            return
        kept = [a for a in self._annotations if a.uuid not in gone]
        fresh = {a.uuid: a for a in added}
        self.set_annotations([a for a in kept if a.uuid not in fresh] + list(fresh.values()))

    def remove(self, uuid: str) -> None:
        row = self._rows.get(uuid)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._tally[_tally_key(self._annotations[row])] -= 1
        del self._annotations[row]
        del self._rows[uuid]
        self._reindex(row)
        self.endRemoveRows()

    def counts(self) -> dict[Kind, int]:
        """Active flags per kind (what the library panel shows)."""
        result = dict.fromkeys(Kind, 0)
        for (status, _layer, kind), count in self._tally.items():
            if status is Status.ACTIVE:
                result[kind] += count
        return result

    def count(self, statuses: Collection[Status], hidden_layers: Collection[str] = ()) -> int:
        """How many annotations have one of ``statuses``, outside ``hidden_layers``."""
        return sum(
            count
            for (status, layer, _kind), count in self._tally.items()
            if status in statuses and layer not in hidden_layers
        )

    def _reindex(self, first: int = 0) -> None:
        """The rows of the annotations from row ``first`` on (the ones before kept theirs)."""
        if first == 0:
            self._rows = {}
        for row in range(first, len(self._annotations)):
            self._rows[self._annotations[row].uuid] = row


class AnnotationFilterModel(QSortFilterProxyModel):
    """Filters the annotation list by kind, layer, text and status.

    It keeps the annotation of each of its rows in a Python list too, so a view
    laying every card out reads them without a call through Qt per row.
    """

    def __init__(self, statuses: Sequence[Status], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._statuses = frozenset(statuses)
        self._kinds: frozenset[Kind] = frozenset(Kind)
        self._layer: str | None = None
        self._hidden_layers: frozenset[str] = frozenset()
        self._text = ""
        self._shown: list[Annotation] = []
        # Connected before any view's: the list is current when a view hears of a change.
        self.rowsInserted.connect(self._on_rows_inserted)
        self.rowsRemoved.connect(self._on_rows_removed)
        self.dataChanged.connect(self._on_data_changed)
        self.rowsMoved.connect(self._copy_rows)
        self.modelReset.connect(self._copy_rows)
        self.layoutChanged.connect(self._copy_rows)

    def shown_annotations(self) -> list[Annotation] | None:
        """The annotation of each row (the list itself: do not change it), or ``None``
        if it is out of step with the rows (a source other than AnnotationListModel)."""
        return self._shown if len(self._shown) == self.rowCount() else None

    def _annotation_at(self, row: int) -> Annotation | None:
        annotation = self.index(row, 0).data(_ANNOTATION_ROLE)
        return annotation if isinstance(annotation, Annotation) else None

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        added = [self._annotation_at(row) for row in range(first, last + 1)]
        if parent.isValid() or None in added:
            self._copy_rows()
            return
        self._shown[first:first] = [a for a in added if a is not None]

    def _on_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        del self._shown[first : last + 1]

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            annotation = self._annotation_at(row)
            if annotation is None or row >= len(self._shown):
                self._copy_rows()
                return
            self._shown[row] = annotation

    def _copy_rows(self) -> None:
        found = [self._annotation_at(row) for row in range(self.rowCount())]
        self._shown = [a for a in found if a is not None]

    def set_statuses(self, statuses: Iterable[Status]) -> None:
        self.beginFilterChange()
        self._statuses = frozenset(statuses)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kinds(self, kinds: Iterable[Kind]) -> None:
        self.beginFilterChange()
        self._kinds = frozenset(kinds)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def kinds(self) -> frozenset[Kind]:
        return self._kinds

    def set_layer(self, layer: str | None) -> None:
        """Show one layer only; ``None`` shows every visible layer."""
        self.beginFilterChange()
        self._layer = layer
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_hidden_layers(self, layers: Iterable[str]) -> None:
        self.beginFilterChange()
        self._hidden_layers = frozenset(layers)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        annotation = model.data(index, AnnotationRole.ANNOTATION)
        if not isinstance(annotation, Annotation):
            return False
        if annotation.status not in self._statuses or annotation.kind not in self._kinds:
            return False
        if annotation.layer in self._hidden_layers:
            return False
        if self._layer is not None and annotation.layer != self._layer:
            return False
        if self._text:
            haystack = " ".join(
                (annotation.anchor.exact, annotation.note, annotation.source, *annotation.tags)
            )
            return self._text in haystack.casefold()
        return True
