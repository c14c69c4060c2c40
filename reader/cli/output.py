"""How commands print: JSON on stdout, one-line errors on stderr, flags as JSON objects."""

from __future__ import annotations

import sys

from reader.core.columns import annotation_columns
from reader.core.models import Annotation


def print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_error(message: object) -> None:
    """A user error, as one line; the command goes on or returns its exit status."""
    sys.stderr.write(f"error: {message}\n")


def annotation_json(annotation: Annotation) -> dict[str, object]:
    """The flag's columns (:mod:`reader.core.columns`), its UUID under ``id``."""
    columns = annotation_columns(annotation)
    return {"id" if name == "uuid" else name: value for name, value in columns.items()}
