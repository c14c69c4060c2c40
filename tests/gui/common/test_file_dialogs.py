"""Every file dialog comes from reader.gui.common.file_dialogs: Qt's static helpers and its own
file models open files to guess their type, which drops SQLite's locks on the library."""

from __future__ import annotations

import ast
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent
FACTORY = PACKAGE / "gui" / "common" / "file_dialogs.py"
STATIC_HELPERS = frozenset(
    {
        "getOpenFileName",
        "getOpenFileNames",
        "getOpenFileUrl",
        "getOpenFileUrls",
        "getSaveFileName",
        "getSaveFileUrl",
        "getExistingDirectory",
        "getExistingDirectoryUrl",
        "getOpenFileContent",
        "saveFileContent",
    }
)
# Made nowhere in the app: each reads files to name their type or icon.
SNIFFING_CLASSES = frozenset({"QFileSystemModel", "QFileIconProvider", "QMimeDatabase"})


def _name(node: ast.expr) -> str:
    """``QFileDialog`` for ``QFileDialog`` and for ``QtWidgets.QFileDialog``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def file_dialog_offences(source: str, is_factory: bool) -> list[str]:
    offences = []
    for node in ast.walk(ast.parse(source)):
        line = getattr(node, "lineno", 0)
        if (
            isinstance(node, ast.Attribute)
            and _name(node.value) == "QFileDialog"
            and node.attr in STATIC_HELPERS
        ):
            offences.append(f"{line}: QFileDialog.{node.attr}")
        elif isinstance(node, ast.Call) and _name(node.func) in SNIFFING_CLASSES | {"QFileDialog"}:
            offences.append(f"{line}: {_name(node.func)}()")
        elif (
            isinstance(node, ast.ClassDef)
            and not is_factory
            and any(_name(base) == "QFileDialog" for base in node.bases)
        ):
            offences.append(f"{line}: a QFileDialog subclass")
    return offences


def test_file_dialogs_are_made_only_by_the_factory() -> None:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        offences = file_dialog_offences(path.read_text(encoding="utf-8"), path == FACTORY)
        if offences:
            found[str(path.relative_to(PACKAGE))] = offences
    assert found == {}


def test_the_rule_sees_each_way_round_it() -> None:
    offending = {
        "QFileDialog.getOpenFileNames(window)": True,
        "from PySide6 import QtWidgets\nQtWidgets.QFileDialog.getSaveFileName(None)": True,
        "dialog = QFileDialog(window)": True,
        "model = QFileSystemModel()": True,
        "QMimeDatabase().mimeTypeForFile(path)": True,
        "class Mine(QFileDialog):\n    pass": False,
    }
    for source, in_factory_too in offending.items():
        assert file_dialog_offences(source, is_factory=False), source
        assert bool(file_dialog_offences(source, is_factory=True)) is in_factory_too, source
    assert file_dialog_offences("dialog = SafeFileDialog(window, 'Open', library)", False) == []
