"""The names a class is shown under."""

from __future__ import annotations

from collections.abc import Sequence


def display_names(students: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Student id -> the name to show: a shared name gets the start of the id, ``Sam (3f2a)``.

    The start is four characters, or as many more as it takes to tell those ids apart.
    """
    by_name: dict[str, set[str]] = {}
    for student_id, name in students:
        by_name.setdefault(name.casefold(), set()).add(student_id)
    shown: dict[str, str] = {}
    for student_id, name in students:
        ids = by_name[name.casefold()]
        if len(ids) == 1:
            shown[student_id] = name
            continue
        length = next(
            n for n in range(4, max(map(len, ids)) + 1) if len({i[:n] for i in ids}) == len(ids)
        )
        shown[student_id] = f"{name} ({student_id[:length]})"
    return shown
