"""Flags in SQLite: their rows (one flag, one row of ``annotations``, its tags in
``annotation_tags``), their layers, and the checks every write of them passes.

Plain SQL, as everywhere outside the migrations (see the package's docstring): a new
flag must be saved within one frame.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from reader.core.models import (
    Anchor,
    Annotation,
    Kind,
    Layer,
    LayerKind,
    ReaderError,
    Status,
)
from reader.storage.lock import refuse_suggestions_while_locked

ANNOTATION_COLUMNS = (
    "a.uuid, a.article_id, l.name, a.kind, a.start, a.end, a.exact, a.prefix, a.suffix, "
    "a.note, a.source, a.status, a.score, a.reasons, a.author, a.created, a.updated"
)
ANNOTATION_FIELDS = (
    "uuid", "article_id", "layer_id", "kind", "start", "end", "exact", "prefix", "suffix",
    "note", "source", "status", "score", "reasons", "author", "created", "updated",
)  # fmt: skip
INSERT_ANNOTATION = (
    f"INSERT INTO annotations ({', '.join(ANNOTATION_FIELDS)}) "
    f"VALUES ({', '.join(':' + name for name in ANNOTATION_FIELDS)})"
)
UPDATE_ANNOTATION = (
    "UPDATE annotations SET "
    + ", ".join(f"{name}=:{name}" for name in ANNOTATION_FIELDS if name not in ("uuid", "created"))
    + " WHERE uuid=:uuid"
)
TAG_CHUNK = 500  # flags whose tags are read in one query, below SQLite's parameter limit


def annotation_values(annotation: Annotation, layer_id: int) -> dict[str, object]:
    """The row of ``annotations`` that stores the flag, as named SQL parameters."""
    anchor = annotation.anchor
    return {
        "uuid": annotation.uuid,
        "article_id": annotation.article_id,
        "layer_id": layer_id,
        "kind": annotation.kind.value,
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "note": annotation.note,
        "source": annotation.source,
        "status": annotation.status.value,
        "score": annotation.score,
        "reasons": json.dumps(annotation.reasons, ensure_ascii=False),
        "author": annotation.author,
        "created": annotation.created,
        "updated": annotation.updated,
    }


def annotation_from_row(row: Sequence[Any], tags: list[str]) -> Annotation:
    """The flag stored in ``row`` (the columns of ``ANNOTATION_COLUMNS``)."""
    return Annotation(
        uuid=row[0],
        article_id=row[1],
        layer=row[2],
        kind=Kind(row[3]),
        anchor=Anchor(row[4], row[5], row[6], row[7] or "", row[8] or ""),
        note=row[9] or "",
        source=row[10] or "",
        status=Status(row[11]),
        score=row[12],
        reasons=json.loads(row[13]) if row[13] and row[13] != "[]" else [],  # most have none
        author=row[14] or "",
        created=row[15] or "",
        updated=row[16] or "",
        tags=tags,
    )


def annotation_rows(
    conn: sqlite3.Connection, where: str, params: tuple[object, ...]
) -> list[Annotation]:
    """The flags that match ``where`` (over ``annotations a`` and ``layers l``), in text order."""
    rows = conn.execute(
        f"SELECT {ANNOTATION_COLUMNS} FROM annotations a JOIN layers l ON l.id = a.layer_id "
        f"WHERE {where} ORDER BY a.start, a.end, a.created, a.uuid",
        params,
    ).fetchall()
    tags = tags_for(conn, [row[0] for row in rows])
    return [annotation_from_row(row, tags.get(row[0], [])) for row in rows]


def annotation(conn: sqlite3.Connection, uuid: str) -> Annotation:
    rows = annotation_rows(conn, "a.uuid = ?", (uuid,))
    if not rows:
        raise ReaderError(f"no flag with id {uuid}")
    return rows[0]


def of_article(
    conn: sqlite3.Connection, article_id: int, layer: str | None, *, submissions: bool = True
) -> list[Annotation]:
    """The article's flags, of one layer or of all (the students' collected work, in
    layers named ``submission:…``, only if ``submissions``)."""
    if layer is None:
        if not submissions:
            from reader.storage.classroom import COLLECTED_PREFIX

            return annotation_rows(
                conn, "a.article_id = ? AND l.name NOT GLOB ?", (article_id, f"{COLLECTED_PREFIX}*")
            )
        return annotation_rows(conn, "a.article_id = ?", (article_id,))
    return annotation_rows(conn, "a.article_id = ? AND l.name = ?", (article_id, layer))


def tags_for(conn: sqlite3.Connection, uuids: Sequence[str]) -> dict[str, list[str]]:
    """Each flag's tags, in the order they were given."""
    found: dict[str, list[str]] = {}
    for start in range(0, len(uuids), TAG_CHUNK):
        chunk = uuids[start : start + TAG_CHUNK]
        marks = ",".join("?" * len(chunk))
        for uuid, name in conn.execute(
            f"SELECT at.annotation_uuid, t.name FROM annotation_tags at "
            f"JOIN tags t ON t.id = at.tag_id WHERE at.annotation_uuid IN ({marks}) "
            f"ORDER BY at.position",
            tuple(chunk),
        ):
            found.setdefault(uuid, []).append(name)
    return found


def tags(conn: sqlite3.Connection) -> list[str]:
    """Every tag some flag carries, in alphabetical order."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT DISTINCT t.name FROM tags t JOIN annotation_tags at ON at.tag_id = t.id "
            "ORDER BY t.name COLLATE NOCASE"
        )
    ]


# Writes: each inside a transaction the caller holds.


def replace(conn: sqlite3.Connection, remove: Sequence[str], add: Sequence[Annotation]) -> None:
    """Delete the flags ``remove`` and add ``add``, once every check has passed."""
    refuse_suggestions_while_locked(conn, add, remove)
    check_anchors(conn, add)
    for uuid in remove:
        delete_rows(conn, uuid)
    for added in add:
        insert(conn, added)


def insert(conn: sqlite3.Connection, annotation: Annotation) -> None:
    if conn.execute("SELECT 1 FROM annotations WHERE uuid = ?", (annotation.uuid,)).fetchone():
        raise ReaderError(f"a flag with id {annotation.uuid} already exists")
    layer = layer_id(conn, annotation.article_id, annotation.layer)
    conn.execute(INSERT_ANNOTATION, annotation_values(annotation, layer))
    write_tags(conn, annotation.uuid, annotation.tags)


def update(conn: sqlite3.Connection, annotation: Annotation, now: str) -> None:
    """Store the flag's new content, updated at ``now``."""
    refuse_suggestions_while_locked(conn, [annotation], [annotation.uuid])
    check_anchors(conn, [annotation])
    layer = layer_id(conn, annotation.article_id, annotation.layer)
    conn.execute(UPDATE_ANNOTATION, annotation_values(annotation, layer) | {"updated": now})
    write_tags(conn, annotation.uuid, annotation.tags)


def delete_rows(conn: sqlite3.Connection, uuid: str) -> None:
    conn.execute("DELETE FROM annotation_tags WHERE annotation_uuid = ?", (uuid,))
    conn.execute("DELETE FROM annotations WHERE uuid = ?", (uuid,))


def check_anchors(conn: sqlite3.Connection, flags: Sequence[Annotation]) -> None:
    """Each flag must quote its article exactly where it says, unless it is orphaned."""
    texts: dict[int, str] = {}
    for flag in flags:
        article_id = flag.article_id
        if article_id not in texts:
            row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise ReaderError(f"no article with id {article_id}")
            texts[article_id] = row[0]
        anchor = flag.anchor
        if flag.status is Status.ORPHANED:
            continue
        if (
            texts[article_id][anchor.start : anchor.end] != anchor.exact
            or anchor.start >= anchor.end
        ):
            raise ReaderError(
                f"flag {flag.uuid}: its quote does not match the article text at "
                f"{anchor.start}-{anchor.end}"
            )


def write_tags(conn: sqlite3.Connection, uuid: str, names: Sequence[str]) -> None:
    """The flag's tags become ``names``, trimmed, blank and repeated ones left out."""
    conn.execute("DELETE FROM annotation_tags WHERE annotation_uuid = ?", (uuid,))
    seen: set[str] = set()
    for position, raw in enumerate(names):
        tag = raw.strip()
        if not tag or tag in seen:
            continue
        seen.add(tag)
        conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (tag,))
        tag_id = conn.execute("SELECT id FROM tags WHERE name = ?", (tag,)).fetchone()[0]
        conn.execute(
            "INSERT INTO annotation_tags (annotation_uuid, tag_id, position) VALUES (?, ?, ?)",
            (uuid, tag_id, position),
        )


# Layers: made the first time a flag is written to one.


def layer_kind(name: str) -> LayerKind:
    try:
        return LayerKind(name)
    except ValueError:
        return LayerKind.SUBMISSION


def layers(conn: sqlite3.Connection, article_id: int) -> list[Layer]:
    return [
        Layer(row[0], row[1], row[2], LayerKind(row[3]), row[4] or "", bool(row[5]))
        for row in conn.execute(
            "SELECT id, article_id, name, kind, student, hidden FROM layers "
            "WHERE article_id = ? ORDER BY id",
            (article_id,),
        )
    ]


def layer_id(conn: sqlite3.Connection, article_id: int, name: str) -> int:
    """The id of the article's layer ``name``, made if it does not exist yet."""
    row = conn.execute(
        "SELECT id FROM layers WHERE article_id = ? AND name = ?", (article_id, name)
    ).fetchone()
    if row is not None:
        return int(row[0])
    kind = layer_kind(name)
    student = name if kind is LayerKind.SUBMISSION else ""
    cursor = conn.execute(
        "INSERT INTO layers (article_id, name, kind, student, hidden) VALUES (?, ?, ?, ?, 0)",
        (article_id, name, kind.value, student),
    )
    return int(cursor.lastrowid or 0)


def set_layer_hidden(conn: sqlite3.Connection, article_id: int, name: str, hidden: bool) -> None:
    layer = layer_id(conn, article_id, name)
    conn.execute("UPDATE layers SET hidden = ? WHERE id = ?", (int(hidden), layer))
