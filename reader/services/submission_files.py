"""Where collected submissions come from: files, folders and zip archives, read with limits.

A folder is searched through its subfolders (symbolic links to folders are not
followed); a zip is read member by member in memory, nothing is extracted.
Only names ending in ``.reader-submission`` are taken from a folder or a zip;
everything else there is skipped and counted.  A file named on its own is read
whatever its name, so that a wrong file says what it is.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from reader.classroom.files import MAX_FILE_BYTES, read_limited, too_large
from reader.classroom.submission import SUFFIX
from reader.core.models import ReaderError

MAX_FILES = 5_000  # submission files in one collect: a district workshop is a few hundred
MAX_ZIP_BYTES = 1024 * 1024 * 1024  # the members of one zip, uncompressed, all together


@dataclass(frozen=True)
class Found:
    """A submission to read: its name as shown to the teacher, and how to get its bytes."""

    label: str
    read: Callable[[], bytes]


@dataclass
class Sources:
    found: list[Found]
    broken: list[tuple[str, str]]  # (label, message): what could not even be opened
    skipped: int  # files in folders or zips that are not submissions


def gather(paths: Sequence[Path]) -> Sources:
    """Every submission named by ``paths``; a missing path or a bad zip is one broken entry."""
    sources = Sources([], [], 0)
    for path in paths:
        if path.is_dir():
            from_folder(path, sources)
        elif path.suffix.lower() == ".zip" and path.is_file():
            from_zip(path, sources)
        else:
            sources.found.append(Found(str(path), partial(read_limited, path)))
        if len(sources.found) > MAX_FILES:
            raise ReaderError(f"more than {MAX_FILES:,} submissions at once: collect fewer")
    return sources


def is_submission_name(name: str) -> bool:
    base = PurePosixPath(name).name
    return base.lower().endswith(SUFFIX) and not base.startswith(".")


def from_folder(folder: Path, sources: Sources) -> None:
    for root, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files):
            path = Path(root) / name
            if is_submission_name(name) and not path.is_symlink():
                sources.found.append(Found(str(path), partial(read_limited, path)))
            else:
                sources.skipped += 1


def from_zip(path: Path, sources: Sources) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        sources.broken.append(
            (str(path), f"{path} is not a zip archive that can be read ({error})")
        )
        return
    members = [info for info in archive.infolist() if not info.is_dir()]
    if len(members) > MAX_FILES:
        sources.broken.append((str(path), f"{path} holds more than {MAX_FILES:,} files"))
        return
    if sum(info.file_size for info in members) > MAX_ZIP_BYTES:
        sources.broken.append((str(path), too_large(str(path), MAX_ZIP_BYTES + 1)))
        return
    for info in members:
        label = f"{path}:{info.filename}"
        if not is_submission_name(info.filename):
            sources.skipped += 1
        elif unsafe_member_name(info.filename):
            sources.broken.append((label, f"{label}: the name leaves the archive's folder"))
        else:
            sources.found.append(Found(label, partial(read_member, archive, info, label)))


def unsafe_member_name(name: str) -> bool:
    """A name that would leave the folder if extracted (absolute, a drive, or ``..``)."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return name.startswith(("/", "\\")) or ".." in parts or (bool(parts) and ":" in parts[0])


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    """A member's bytes, never more than a classroom file's limit, whatever its header says."""
    if info.file_size > MAX_FILE_BYTES:
        raise ReaderError(too_large(label, info.file_size))
    try:
        with archive.open(info) as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except (zipfile.BadZipFile, RuntimeError, OSError, EOFError, ValueError) as error:
        # RuntimeError: encrypted; the others: damaged or lying headers
        raise ReaderError(f"{label} cannot be read from the zip ({error})") from None
    if len(data) > MAX_FILE_BYTES:
        raise ReaderError(too_large(label, len(data)))
    return data
