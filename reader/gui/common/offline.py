"""Text browsers that load nothing: no file, no network, no remote image."""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument


def offline_resource(kind: int, name: QUrl | str) -> Any:
    """What a text browser's ``loadResource`` returns: nothing from a file or the network.

    Something must come back: given nothing, the document reads a local file itself,
    and given no usable image, Qt's image handler loads the named path directly.
    """
    if QUrl(name).scheme().lower() == "data":
        return None  # the document decodes data: URLs itself
    if kind == QTextDocument.ResourceType.ImageResource.value:
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(QtCore.Qt.GlobalColor.transparent)
        return image  # a blank placeholder
    return ""
