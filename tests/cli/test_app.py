"""Without a display the app says so in one line instead of letting Qt abort."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

NO_DISPLAY = "error: no display found: set DISPLAY, or use a subcommand such as 'reader list'"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux's")
def test_app_without_a_display_says_what_is_missing(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["HOME"] = str(tmp_path)
    db = tmp_path / "lib.sqlite"
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr.strip()) == (1, NO_DISPLAY)
    assert not db.exists()
