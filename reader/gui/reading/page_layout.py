"""The article's type and measure: its font at each zoom step, and side margins that keep
its lines near MEASURE_CHARACTERS long, centred, whatever the view's width."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument

BODY_FONT_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif"]
BASE_POINT_SIZE = 12.5
ZOOM_FACTOR = 1.1
MIN_ZOOM, MAX_ZOOM = -5, 15
MEASURE_CHARACTERS = 70  # the line length the text keeps however wide the window
# Ordinary prose, for the width of an average character (the alphabet's is too wide:
# prose is mostly narrow letters and spaces).
MEASURE_SAMPLE = "Readers follow a line of about seventy characters, spaces included, with ease."
MIN_SIDE_MARGIN = 24.0
TOP_MARGIN = 20.0


def body_font(zoom: int) -> QFont:
    """The article's type ``zoom`` steps of ZOOM_FACTOR larger (negative: smaller)."""
    font = QFont()
    font.setFamilies(BODY_FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(BASE_POINT_SIZE * ZOOM_FACTOR**zoom)
    return font


def measure(document: QTextDocument) -> float:
    """The width of a line of MEASURE_CHARACTERS in the article's type."""
    metrics = QFontMetricsF(document.defaultFont())
    return metrics.horizontalAdvance(MEASURE_SAMPLE) / len(MEASURE_SAMPLE) * MEASURE_CHARACTERS


def side_margin(document: QTextDocument, viewport_width: int) -> float:
    """The side margin that centres lines of MEASURE_CHARACTERS in ``viewport_width``."""
    return max(MIN_SIDE_MARGIN, (viewport_width - measure(document)) / 2)


def set_page_margins(document: QTextDocument, side: float) -> None:
    frame = document.rootFrame()
    frame_format = frame.frameFormat()
    frame_format.setLeftMargin(side)
    frame_format.setRightMargin(side)
    frame_format.setTopMargin(TOP_MARGIN)
    frame_format.setBottomMargin(TOP_MARGIN * 2)
    frame.setFrameFormat(frame_format)
