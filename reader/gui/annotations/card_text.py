"""The words a flag card shows, fitted to its width: the quote in quotation marks, the
note without its Markdown, lines wrapped and elided, and the header's label and badge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument, QTextLayout

from reader.core.models import Annotation, LayerKind, Status
from reader.services.suggestion_words import likelihood

OPENING_QUOTES = "\"'“‘„‚«‹「『"
CLOSING_QUOTES = "\"'”’‟‛»›」』"


def markdown_plain_text(markdown: str) -> str:
    """The note as a reader sees it rendered, without the Markdown marks."""
    if not markdown.strip():
        return ""
    document = QTextDocument()
    document.setMarkdown(markdown, QTextDocument.MarkdownFeature.MarkdownNoHTML)
    lines: list[str] = []
    block = document.begin()
    while block.isValid():
        bullet = "• " if block.textList() is not None else ""
        lines.append(bullet + block.text())
        block = block.next()
    return "\n".join(lines).strip()


def wrap_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """``text`` wrapped to ``width`` pixels, at most ``max_lines``, the last one elided.

    Each paragraph (a reason, a bullet) starts a line of its own; the last line
    shown is elided with the rest of its own paragraph only.
    """
    metrics = QFontMetrics(font)
    lines: list[tuple[int, str]] = []  # (paragraph, line)
    for number, paragraph in enumerate(text.splitlines() or [""]):
        layout = QTextLayout(paragraph, font)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start = line.textStart()
            lines.append((number, paragraph[start : start + line.textLength()]))
        layout.endLayout()
        if len(lines) > max_lines:
            break
    if len(lines) <= max_lines:
        return [line.rstrip() for _, line in lines]
    last, _ = lines[max_lines - 1]
    rest = " ".join(line.strip() for number, line in lines[max_lines - 1 :] if number == last)
    shown = [line.rstrip() for _, line in lines[: max_lines - 1]]
    # "…" even when the paragraph fits: more paragraphs follow.
    elided = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    if elided == rest:
        elided = metrics.elidedText(rest + " …", Qt.TextElideMode.ElideRight, width)
    shown.append(elided)
    return shown


def quoted(passage: str) -> str:
    """The passage in typographic quotes, unless it is itself a quotation in its own marks."""
    text = passage.strip()
    if len(text) > 1 and text[0] in OPENING_QUOTES and text[-1] in CLOSING_QUOTES:
        return text
    return f"“{passage}”"


def header_texts(metrics: QFontMetrics, label: str, badge: str, width: int) -> tuple[str, str]:
    """The kind's label and the badge as a card header ``width`` wide shows them: whole if
    they fit, else elided, the label first (down to about half the width), never overlapping."""
    gap = metrics.horizontalAdvance("  ") if badge else 0
    label_width, badge_width = metrics.horizontalAdvance(label), metrics.horizontalAdvance(badge)
    if label_width + gap + badge_width <= width:
        return label, badge
    label_room = max(width - gap - badge_width, min(label_width, width // 2))
    label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_room)
    badge_room = width - gap - metrics.horizontalAdvance(label)
    return label, metrics.elidedText(badge, Qt.TextElideMode.ElideMiddle, max(0, badge_room))


def badge_text(annotation: Annotation) -> str:
    """What a card's header says beside its kind: how likely a suggestion is, or the
    layer of a flag not the reader's own."""
    if annotation.status is Status.SUGGESTED:
        return suggestion_badge(annotation)
    return "" if annotation.layer == LayerKind.MINE.value else annotation.layer


def suggestion_badge(annotation: Annotation) -> str:
    """ "suggested · likely": how sure the detector is, in words (the tooltip says what
    they mean)."""
    word = likelihood(annotation)
    return f"suggested · {word}" if word else "suggested"
