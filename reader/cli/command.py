"""What every command group uses: the parser class, adding a command, opening the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn, TypeAlias

if TYPE_CHECKING:  # storage pulls in sqlite-utils: only the commands that open it load it
    from reader.storage.library import Library

# A command: reads its parsed arguments, prints, and returns the exit status.
Handler = Callable[[argparse.Namespace], int]


class ArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage mistakes as one ``error:`` line and exit status 1."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(1)


# What ``add_subparsers`` returns; each command group's ``add_commands`` adds to it.
Subparsers: TypeAlias = "argparse._SubParsersAction[ArgumentParser]"


def add_command(
    subparsers: Subparsers, name: str, handler: Handler, help_text: str, *, json: bool = False
) -> ArgumentParser:
    """A subcommand run by ``handler``; with ``json``, it takes ``--json``."""
    command = subparsers.add_parser(name, help=help_text, description=help_text)
    command.set_defaults(handler=handler)
    if json:
        command.add_argument("--json", action="store_true", help="print JSON")
    return command


def open_library(args: argparse.Namespace, read_only: bool = False) -> Library:
    """The library --db names; ``read_only`` for commands that only read, so that a library
    on read-only media or a full disk can still be listed, searched and exported."""
    from reader.services.samples import ensure_samples
    from reader.storage.library import Library
    from reader.storage.paths import resolve_db_path

    path = resolve_db_path(args.db)
    is_new = not path.exists()
    library = Library.open(path, read_only=read_only)
    if is_new:
        ensure_samples(library)
    return library
