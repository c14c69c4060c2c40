"""Where the library lives (--db, else READER_DB, else the user data folder), and the
user's crash log."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "annotated-reader"
DB_FILE_NAME = "library.sqlite"
DB_ENV_VAR = "READER_DB"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILE_NAME


def resolve_db_path(option: str | None) -> Path:
    chosen = option or os.environ.get(DB_ENV_VAR)
    return Path(chosen).expanduser() if chosen else default_db_path()


def crash_log_path() -> Path:
    """Where the app and the command line write the details of an error they did not expect."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "crash.log"
