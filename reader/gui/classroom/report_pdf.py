"""The class report as a PDF, printed by Qt itself (no browser engine)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from reader.core.models import ReaderError

RESOLUTION = 144  # dots per inch: sharp type, small files


def write_pdf(html: str, path: Path, title: str) -> None:
    """Print the report's HTML to an A4 PDF at ``path``; ReaderError if it was not written."""
    partial = path.with_name(f".{path.name}.part")
    writer = QPdfWriter(str(partial))
    writer.setTitle(title)
    writer.setCreator("Annotated Reader")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),  # QTextDocument.print_ adds margins of 2 cm
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # the file is finished when the writer goes
    if not partial.is_file() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise ReaderError(f"cannot write {path}")
    try:
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ReaderError(f"cannot write {path}: {error.strerror}") from None
