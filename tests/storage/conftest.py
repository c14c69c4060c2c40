from pathlib import Path

import pytest

from reader.storage.library import Library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "lib.sqlite")
