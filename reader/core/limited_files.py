"""Reading a file that came from someone else, with a size limit.

The file is refused before a byte is read when it is missing, a folder, not a
regular file (a FIFO would block) or larger than the limit, and again after
reading in case it grew since.  Each caller words the refusals for its users:
``{name}`` in a template is the file's name, ``{reason}`` what the system said.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.core.models import ReaderError


@dataclass(frozen=True)
class Refusals:
    """The message templates for each way a file can be refused."""

    missing: str = "{name} does not exist"
    folder: str = "{name} is a folder, not a file"
    not_regular: str = "{name} is not a regular file"
    unreadable: str = "cannot read {name}: {reason}"


PLAIN = Refusals()


def read_limited_file(
    path: Path,
    max_bytes: int,
    too_large: Callable[[str, int], str],
    *,
    name: str | None = None,
    refusals: Refusals = PLAIN,
) -> bytes:
    """The bytes of ``path``, at most ``max_bytes``; a refusal is a one-line ReaderError.

    ``too_large(name, size)`` words the refusal of a file over the limit; ``name``
    is how messages call the file (default: the path).
    """
    shown = str(path) if name is None else name
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReaderError(refusals.missing.format(name=shown)) from None
    except OSError as error:
        raise ReaderError(unreadable(refusals, shown, error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReaderError(refusals.folder.format(name=shown))
    if not stat.S_ISREG(info.st_mode):
        raise ReaderError(refusals.not_regular.format(name=shown))
    if info.st_size > max_bytes:
        raise ReaderError(too_large(shown, info.st_size))
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)  # one byte more tells if it grew since stat
    except OSError as error:
        raise ReaderError(unreadable(refusals, shown, error)) from None
    if len(data) > max_bytes:
        raise ReaderError(too_large(shown, len(data)))
    return data


def unreadable(refusals: Refusals, name: str, error: OSError) -> str:
    return refusals.unreadable.format(name=name, reason=error.strerror or error)
