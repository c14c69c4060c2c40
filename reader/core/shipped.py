"""Folders shipped with the app: the detectors' data and the sample articles.

They stay at the top of the repository; pyproject.toml and setup.py map them into the
package as ``reader.resources`` and ``reader.sample_articles``, so a wheel, an editable
install and a PyInstaller bundle all find them through importlib.resources, never
through a path walked up from this file to a checkout. (The project must be installed,
editable or not, for these names to exist.)
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from reader.core.models import ReaderError


def _folder(package: str) -> Path:
    folder = files(package)
    # Installed from a wheel, editable or bundled, the package is a folder on disk;
    # a zip import (which would need extracting) is not supported.
    if not isinstance(folder, Path):
        raise ReaderError(f"the app's data is not a folder on disk: {folder}")
    return folder


RESOURCES = _folder("reader.resources")
SAMPLE_ARTICLES = _folder("reader.sample_articles")
