"""The teacher's suggestion lock: while it holds, no program writes the app's
suggestions to the library, and only the PIN it was locked with lifts it.

The lock is the PIN's hash in the settings (see ``pins``); wrong PINs in a row slow
the next try down, counted in the settings too, so that another program on the same
library meets the same wait.
"""

from __future__ import annotations

import math
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.core.models import Annotation, LayerKind, ReaderError, Status
from reader.storage.settings import set_setting, setting
from reader.storage.transactions import transaction

SUGGESTIONS_LOCK = "suggestions_lock"  # settings key: the PIN's hash while locked
PIN_FAILURES = "suggestions_pin_failures"  # settings key: wrong PINs in a row
PIN_NOT_BEFORE = "suggestions_pin_not_before"  # settings key: no PIN is checked before (s)
FREE_PIN_TRIES = 3  # wrong PINs in a row before the next try must wait
PIN_FIRST_DELAY = 30  # seconds, doubled with each further wrong PIN
PIN_LONGEST_DELAY = 3600


def is_locked(conn: sqlite3.Connection) -> bool:
    return setting(conn, SUGGESTIONS_LOCK) is not None


def suggestions_locked_in(path: Path) -> bool:
    """Whether the library file at ``path`` is locked, read without opening it as a
    library (no migration, no write); False for a file that is not a library."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return is_locked(conn)
    except sqlite3.Error:  # not a database, or one from before the settings table
        return False
    finally:
        conn.close()


def pin_delay(failures: int) -> float:
    """Seconds before the next PIN is checked after ``failures`` wrong ones in a row:
    none for the first few typos, then doubling up to an hour."""
    if failures < FREE_PIN_TRIES:
        return 0.0
    return float(min(PIN_FIRST_DELAY * 2 ** (failures - FREE_PIN_TRIES), PIN_LONGEST_DELAY))


def in_words(seconds: float) -> str:
    whole = math.ceil(seconds)
    if whole < 60:
        return f"{whole} second{'s' if whole != 1 else ''}"
    minutes = math.ceil(whole / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def lock_suggestions(conn: sqlite3.Connection, pin: str) -> None:
    from reader.storage.pins import hash_pin

    hashed = hash_pin(pin)  # outside the transaction: it takes a moment
    with transaction(conn):
        if is_locked(conn):
            raise ReaderError("suggestions are locked already")
        set_setting(conn, SUGGESTIONS_LOCK, hashed)


def unlock_suggestions(
    conn: sqlite3.Connection, pin: str, now: Callable[[], float] = time.time
) -> None:
    """Unlock with the PIN the suggestions were locked with; a wrong one is counted, and
    the wait before the next try saved, in the transaction that checks it."""
    from reader.storage.pins import pin_matches

    with transaction(conn):
        stored = setting(conn, SUGGESTIONS_LOCK)
        if stored is None:
            raise ReaderError("suggestions are not locked")
        failures = int(setting(conn, PIN_FAILURES) or 0)
        wait = float(setting(conn, PIN_NOT_BEFORE) or 0) - now()
        if wait > 0:
            raise ReaderError(
                f"too many wrong PINs: try again in {in_words(wait)} (suggestions stay locked)"
            )
        matches = pin_matches(pin, stored)
        if matches:
            for key in (SUGGESTIONS_LOCK, PIN_FAILURES, PIN_NOT_BEFORE):
                set_setting(conn, key, None)
        else:
            failures += 1
            delay = pin_delay(failures)
            set_setting(conn, PIN_FAILURES, str(failures))
            set_setting(conn, PIN_NOT_BEFORE, repr(now() + delay))
    if not matches:  # raised once the count is saved
        later = f"; the next try in {in_words(delay)}" if delay else ""
        raise ReaderError(f"wrong PIN: suggestions stay locked{later}")


def refuse_suggestions_while_locked(
    conn: sqlite3.Connection, new: Sequence[Annotation], stored: Sequence[str]
) -> None:
    """A teacher's lock holds for every writer of flags, another process included: no
    suggestion is written, and none of the ``stored`` flags changed or removed is a
    suggestion.  (Re-importing an article still moves or orphans its suggestions with
    the text, as it does every flag: nothing a reader sees.)"""
    if not is_locked(conn):
        return
    suggestions = LayerKind.SUGGESTIONS.value
    touched = any(a.status is Status.SUGGESTED or a.layer.casefold() == suggestions for a in new)
    for uuid in stored:
        touched = touched or bool(
            conn.execute(
                "SELECT 1 FROM annotations a JOIN layers l ON l.id = a.layer_id "
                "WHERE a.uuid = ? AND (a.status = ? OR l.name = ?)",
                (uuid, Status.SUGGESTED.value, suggestions),
            ).fetchone()
        )
    if touched:
        raise ReaderError("suggestions are locked in this library by a teacher")
