"""An annotation as flat named columns: the one mapping behind the CSV export and the
command line's JSON, so that a field added to :class:`Annotation` is added here once."""

from __future__ import annotations

from reader.core.models import Annotation

# A column holds text, an offset, or (``tags``) a list of texts.
Column = str | int | list[str]


def annotation_columns(annotation: Annotation) -> dict[str, Column]:
    """The flag's fields by column name, in the order the command line prints them."""
    anchor = annotation.anchor
    return {
        "uuid": annotation.uuid,
        "kind": annotation.kind.value,
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "note": annotation.note,
        "tags": list(annotation.tags),
        "source": annotation.source,
        "status": annotation.status.value,
        "layer": annotation.layer,
        "author": annotation.author,
        "created": annotation.created,
        "updated": annotation.updated,
    }
