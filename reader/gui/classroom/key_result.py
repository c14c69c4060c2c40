"""A student's own result once the key is released: what they found, what they missed
(with the teacher's note), their extra flags, and the teacher's comment to them."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader.core.models import Annotation
from reader.services.class_results import StudentView

QUOTE_LIMIT = 160


class KeyResultDialog(QDialog):
    def __init__(self, parent: QWidget, view: StudentView) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Your result — {view.assignment.title}")
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setAccessibleName("Your result")
        self.text.setHtml(result_html(view))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 560)


def result_html(view: StudentView) -> str:
    """The result as a small page; every text from the files escaped."""
    result = view.result
    parts = [f"<h2>{html.escape(view.assignment.title)}</h2>", f"<p>{esc(result.summary())}</p>"]
    if view.comment.strip():
        parts.append(
            f"<h3>Your teacher's comment</h3><blockquote>{lines(view.comment)}</blockquote>"
        )
    else:
        parts.append("<p><i>No comment from your teacher.</i></p>")
    found = [
        item(p.key_flag, p.flags[0].note if p.flags else "", "your note") for p in result.found
    ]
    missed = [item(flag, flag.note, "the teacher's note") for flag in result.missed]
    extra = [item(flag, flag.note, "your note") for flag in result.extra]
    for title, items, empty in (
        ("✓ Found", found, "None of the key's flags yet."),
        ("✗ Missed", missed, "You missed none of them."),
        ("+ Extra: your flags the key does not have", extra, "None."),
    ):
        body = "".join(items) if items else f"<li><i>{empty}</i></li>"
        parts.append(f"<h3>{title} ({len(items)})</h3><ul>{body}</ul>")
    return "".join(parts)


def item(flag: Annotation, note: str, whose: str) -> str:
    quote = " ".join(flag.anchor.exact.split())
    if len(quote) > QUOTE_LIMIT:
        quote = quote[: QUOTE_LIMIT - 1].rstrip() + "…"
    text = f"<li><b>{esc(flag.kind.label)}</b>: “{esc(quote)}”"
    if note.strip():
        text += f"<br><i>{esc(whose)}:</i> {lines(note)}"
    return text + "</li>"


def esc(value: str) -> str:
    return html.escape(value, quote=False)


def lines(value: str) -> str:
    return "<br>".join(esc(line) for line in value.strip().splitlines())
