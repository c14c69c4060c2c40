"""The class report's PDF, printed by Qt: its text uses the width of the page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from reader.gui.classroom.report_pdf import write_pdf

WORDS = " ".join(["The council spent forty thousand pounds on screens."] * 40)


def ink_columns(image: QImage) -> tuple[int, int]:
    """The leftmost and rightmost columns of the page with a dark pixel."""
    dark = [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y).lightness() < 128 for y in range(0, image.height(), 3))
    ]
    return dark[0], dark[-1]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils")
def test_the_report_fills_the_width_of_an_a4_page(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    write_pdf(f"<html><body><h1>Screens</h1><p>{WORDS}</p></body></html>", pdf, "Screens")
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert not image.isNull()
    left, right = ink_columns(image)
    assert (right - left) / image.width() > 0.75  # A4 less margins of about 2 cm
    assert left / image.width() < 0.12
