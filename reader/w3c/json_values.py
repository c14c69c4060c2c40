"""Hostile JSON decoded strictly, and its values checked one by one.

What every reader of a file from someone else (flag files, the classroom files) needs:
UTF-8 JSON without repeated keys, ``NaN`` or absurdly long numbers, and strings,
positions, times and labels checked with where they are for the one-line message.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from reader.core.models import ReaderError

MAX_NUMBER_DIGITS = 30
MAX_POSITION = 1_000_000_000
MAX_LABEL_CHARS = 200  # tags, layer names, kinds


def decode_json(raw: bytes, name: str) -> object:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReaderError(f"{name} is not UTF-8 text (bad byte at offset {exc.start})") from None
    if not text.strip():
        raise ReaderError(f"{name} is empty, not a flag file")
    try:
        return json.loads(
            text,
            object_pairs_hook=reject_duplicate_keys,
            parse_constant=reject_constant,
            parse_int=parse_int_literal,
            parse_float=parse_float_literal,
        )
    except json.JSONDecodeError as exc:
        raise ReaderError(
            f"{name} is not valid JSON (line {exc.lineno} column {exc.colno})"
        ) from None
    except RecursionError:
        raise ReaderError(f"{name} is nested too deeply to be a flag file") from None
    except ReaderError as exc:
        raise ReaderError(f"{name} is not acceptable JSON: {exc}") from None


def reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ReaderError(f"the key {shown(key)} appears twice in one object")
        result[key] = value
    return result


def reject_constant(name: str) -> float:
    raise ReaderError(f"{name} is not a number")


def parse_int_literal(literal: str) -> int:
    check_number_length(literal)
    return int(literal)


def parse_float_literal(literal: str) -> float:
    check_number_length(literal)
    return float(literal)


def check_number_length(literal: str) -> None:
    # int() of a huge literal is slow and then refused by Python's digit limit
    if len(literal) > MAX_NUMBER_DIGITS:
        raise ReaderError(f"a number of {len(literal)} characters is too long")


def position_value(selector: dict[str, Any], key: str, where: str) -> int:
    value = selector.get(key)
    if value is None:
        raise ReaderError(f"{where}: '{key}' is missing")
    if not is_integer(value):
        raise ReaderError(f"{where}: '{key}' must be an integer")
    if value < 0:
        raise ReaderError(f"{where}: '{key}' must not be negative")
    if value > MAX_POSITION:
        raise ReaderError(f"{where}: '{key}' is beyond any article ({value})")
    result: int = value
    return result


def optional_time(obj: dict[str, Any], key: str, where: str) -> str:
    value = optional_text(obj, key, where)
    if value:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise ReaderError(
                f"{where}: '{key}' is not an ISO 8601 date-time: {shown(value)}"
            ) from None
    return value


def optional_text(obj: dict[str, Any], key: str, where: str) -> str:
    """The string at ``key``, or "" when the key is absent or null."""
    value = obj.get(key)
    return "" if value is None else text_value(value, key, where)


def text_value(value: object, key: str, where: str) -> str:
    if value is None:
        raise ReaderError(f"{where}: '{key}' is missing")
    if not isinstance(value, str):
        raise ReaderError(f"{where}: '{key}' must be a string")
    if "\x00" in value:
        raise ReaderError(f"{where}: '{key}' contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # JSON escapes can spell a lone surrogate, which no text file or database can hold
        raise ReaderError(f"{where}: '{key}' contains an unpaired surrogate escape") from None
    return value


def check_label(value: str, key: str, where: str) -> None:
    """Tags and layer names: one line, not blank, not overlong."""
    if not value.strip():
        raise ReaderError(f"{where}: '{key}' is blank")
    if len(value) > MAX_LABEL_CHARS:
        raise ReaderError(f"{where}: '{key}' is longer than {MAX_LABEL_CHARS} characters")
    if any(ch < " " or ch == "\x7f" for ch in value):
        raise ReaderError(f"{where}: '{key}' contains a line break or control character")


def shown(text: str) -> str:
    """A value quoted for an error message, cut short: a hostile file can hold megabytes."""
    return repr(text if len(text) <= 60 else text[:57] + "...")


def is_integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
