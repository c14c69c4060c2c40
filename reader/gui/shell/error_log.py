"""The user's crash log: where the app writes the details of an error it did not expect,
so that the window can say it in one line and go on."""

from __future__ import annotations

import traceback
from datetime import UTC, datetime

from reader.storage.paths import crash_log_path


def describe_unexpected(error: BaseException, what: str) -> str:
    """One line for the user about ``error`` (being handled), its traceback appended to
    the crash log: "<what>: an error inside the app (ValueError); details in <log>"."""
    log = crash_log_path()
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat(timespec='seconds')} {what}\n")
            handle.write("".join(traceback.format_exception(error)))
        where = f"; details in {log}"
    except OSError:
        where = ""
    return f"{what}: an error inside the app ({type(error).__name__}){where}"
