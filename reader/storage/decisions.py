"""What a teacher decided about suggestions, read back for learning: her flags, the
suggestions she accepted or dismissed, and those still open, across the library."""

from __future__ import annotations

import sqlite3

from reader.core.models import Annotation, Kind, LayerKind
from reader.storage.annotations import annotation_rows

# her own layers and the suggestions one: not students' hand-ins, not imported flags
_DECIDING_LAYERS = (LayerKind.MINE.value, LayerKind.KEY.value, LayerKind.SUGGESTIONS.value)
_SUGGESTED_KINDS = (Kind.OPINION.value, Kind.UNSOURCED_CLAIM.value)


def decided_flags(conn: sqlite3.Connection) -> list[Annotation]:
    """Opinion and unsourced-claim flags of the teacher's layers and of the suggestions
    layer, of every article, in article and text order."""
    rows = annotation_rows(
        conn,
        f"l.kind IN ({', '.join('?' * len(_DECIDING_LAYERS))}) "
        f"AND a.kind IN ({', '.join('?' * len(_SUGGESTED_KINDS))})",
        (*_DECIDING_LAYERS, *_SUGGESTED_KINDS),
    )
    return sorted(rows, key=lambda annotation: annotation.article_id)
