"""Light and dark themes: the application palette, kind colours and a small style sheet."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.palette import Theme

_LIGHT = {
    "window": "#f4f2ee",
    "base": "#ffffff",
    "alternate": "#f7f5f1",
    "text": "#1f1f1f",
    "muted": "#6b6b6b",
    "button": "#ece9e3",
    "highlight": "#2f6fb3",
    "highlighted_text": "#ffffff",
    "link": "#1f5fa6",
    "border": "#d6d2ca",
    "card": "#fbfaf8",
}

_DARK = {
    "window": "#1e1f22",
    "base": "#26272b",
    "alternate": "#2c2d31",
    "text": "#e6e4df",
    "muted": "#9a9891",
    "button": "#323338",
    "highlight": "#4a8fd9",
    "highlighted_text": "#ffffff",
    "link": "#7fb5ee",
    "border": "#3d3e44",
    "card": "#2b2c31",
}


def colors(theme: Theme) -> dict[str, str]:
    """Named colours of a theme, for painting delegates and the style sheet."""
    return dict(_DARK if theme is Theme.DARK else _LIGHT)


def system_theme() -> Theme:
    """The theme the desktop asks for; light when the platform does not say.

    Asking builds PySide6's Qt namespace, all its enums at once (~12 ms): start-up
    shows the theme seen last time (``remembered_theme``) and asks after its first paint.
    """
    scheme = QGuiApplication.styleHints().colorScheme()
    return Theme.DARK if scheme == QtCore.Qt.ColorScheme.Dark else Theme.LIGHT


def remembered_theme(value: object) -> Theme | None:
    """The theme a stored setting names, if it names one."""
    return Theme(str(value)) if value in (Theme.LIGHT.value, Theme.DARK.value) else None


def build_palette(theme: Theme) -> QPalette:
    named = colors(theme)
    palette = QPalette()
    role = QPalette.ColorRole
    assignments = {
        role.Window: named["window"],
        role.WindowText: named["text"],
        role.Base: named["base"],
        role.AlternateBase: named["alternate"],
        role.Text: named["text"],
        role.Button: named["button"],
        role.ButtonText: named["text"],
        role.Highlight: named["highlight"],
        role.HighlightedText: named["highlighted_text"],
        role.Link: named["link"],
        role.LinkVisited: named["link"],
        role.ToolTipBase: named["base"],
        role.ToolTipText: named["text"],
        role.PlaceholderText: named["muted"],
        role.Mid: named["border"],
        role.Midlight: named["alternate"],
    }
    for color_role, value in assignments.items():
        palette.setColor(color_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for color_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, color_role, QColor(named["muted"]))
    return palette


def style_sheet(theme: Theme) -> str:
    named = colors(theme)
    return f"""
QSplitter::handle {{ background: {named["border"]}; }}
QSplitter::handle:horizontal {{ width: 1px; }}
QToolBar {{ border: none; border-bottom: 1px solid {named["border"]}; spacing: 4px; padding: 3px; }}
QStatusBar {{ border-top: 1px solid {named["border"]}; }}
QLabel[role="heading"] {{ font-weight: 600; color: {named["muted"]}; padding: 2px 0; }}
QLabel[role="empty"] {{ color: {named["muted"]}; padding: 12px; }}
QListView {{
    border: 2px solid transparent; border-radius: 4px; background: {named["window"]};
    outline: none;
}}
QListView:focus {{ border-color: {named["highlight"]}; }}
QLineEdit, QPlainTextEdit, QTextBrowser[role="note"] {{
    border: 1px solid {named["border"]}; border-radius: 4px; padding: 3px 5px;
    background: {named["base"]};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextBrowser[role="note"]:focus {{
    border: 2px solid {named["highlight"]}; padding: 2px 4px;
}}
QPushButton {{
    border: 1px solid {named["border"]}; border-radius: 4px; padding: 3px 12px;
    background: {named["button"]}; min-height: 18px;
}}
QPushButton:hover {{ border-color: {named["muted"]}; }}
QPushButton:pressed {{ background: {named["border"]}; }}
QPushButton:disabled {{ color: {named["muted"]}; }}
QPushButton[role="filter"] {{
    border-radius: 11px; padding: 1px 10px; background: {named["base"]};
}}
QPushButton[role="filter"]:checked {{
    background: {named["highlight"]}; color: {named["highlighted_text"]};
    border-color: {named["highlight"]};
}}
QPushButton:focus {{ border: 2px solid {named["highlight"]}; padding: 2px 11px; }}
QPushButton[role="filter"]:focus {{ padding: 0 9px; }}
QPushButton[role="filter"]:checked:focus {{ border-color: {named["text"]}; }}
QFrame[role="editor"] {{
    background: {named["base"]}; border-top: 1px solid {named["border"]};
}}
"""


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Our palette and style sheet (over the Fusion style that ``application`` chooses)."""
    app.setPalette(build_palette(theme))
    app.setStyleSheet(style_sheet(theme))
