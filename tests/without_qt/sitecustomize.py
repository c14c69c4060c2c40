"""PySide6 and shiboken6 made unimportable, as on a machine without Qt.

`.ci/run` puts this folder on PYTHONPATH for one run of the Qt-free suite, so that
run, and every Python process its tests start, fails on any import of Qt.
"""

import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

QT_PACKAGES = ("PySide6", "shiboken6")


class HiddenQt(MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname.partition(".")[0] in QT_PACKAGES:
            raise ModuleNotFoundError(f"No module named {fullname!r} (Qt is hidden)", name=fullname)
        return None


sys.meta_path.insert(0, HiddenQt())
