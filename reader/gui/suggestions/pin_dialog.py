"""A small dialog asking for a teacher's PIN: a new one typed twice, or the one set, once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import ReaderError
from reader.storage.pins import MAX_PIN_LENGTH, MIN_PIN_LENGTH


class PinDialog(QDialog):
    """Asks for a PIN and hands it to ``check``, which raises ``ReaderError`` to refuse it.

    With ``confirm`` the PIN is new: it is typed twice, and OK stays disabled (the
    dialog says why) until both match and are long enough. A refused PIN is said in
    the dialog, which stays open with its fields emptied.
    """

    def __init__(
        self,
        title: str,
        explanation: str,
        check: Callable[[str], None],
        *,
        confirm: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._check = check
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.pin_edit = self._pin_field("PIN" if not confirm else "New PIN")
        self.confirm_edit = self._pin_field("PIN again") if confirm else None
        form = QFormLayout()
        form.addRow("&PIN:" if not confirm else "&New PIN:", self.pin_edit)
        if self.confirm_edit is not None:
            form.addRow("PIN &again:", self.confirm_edit)
        self.hint_label = QLabel()  # why OK is disabled
        self.hint_label.setWordWrap(True)
        self.error_label = QLabel()  # why the PIN was refused
        self.error_label.setWordWrap(True)
        bold = self.error_label.font()
        bold.setBold(True)  # not a colour: it reads the same in both themes
        self.error_label.setFont(bold)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)
        self._update_ok()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def _pin_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(MAX_PIN_LENGTH)
        field.setAccessibleName(name)
        field.textChanged.connect(self._update_ok)
        return field

    def _update_ok(self) -> None:
        hint = self._why_not_ok()
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.ok_button.setEnabled(not hint and bool(self.pin_edit.text()))

    def _why_not_ok(self) -> str:
        pin = self.pin_edit.text()
        if self.confirm_edit is None:
            return ""  # the PIN set: its length is no hint to give
        if len(pin) < MIN_PIN_LENGTH:
            return f"A PIN has at least {MIN_PIN_LENGTH} characters."
        if self.confirm_edit.text() != pin:
            return "Type the same PIN in both fields."
        return ""

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        try:
            self._check(self.pin_edit.text())
        except ReaderError as error:
            message = str(error)
            self.error_label.setText(message[:1].upper() + message[1:] + ".")
            self.error_label.show()
            # The layout grows by the error line; a shown dialog keeps its size unless told.
            self.adjustSize()
            for field in (self.pin_edit, self.confirm_edit):
                if field is not None:
                    field.clear()
            self.pin_edit.setFocus()
            return
        super().accept()
