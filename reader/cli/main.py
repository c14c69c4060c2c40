"""The ``reader`` entry point: ``reader`` alone opens the app; commands work without a display.

User errors print one line starting ``error:`` on stderr and exit 1; a bug prints one
line too, with its trace in the crash log, and exits 2.  Only the command that runs
imports what it needs: the GUI, storage or the detectors.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from reader.cli.app import app_parser, cmd_app
from reader.cli.command import Handler
from reader.cli.desktop import FLAGS as DESKTOP_FLAGS
from reader.cli.desktop import run_desktop
from reader.cli.output import print_error
from reader.cli.parser import COMMANDS
from reader.core.models import ReaderError


def wants_app(argv: Sequence[str], commands: frozenset[str]) -> bool:
    """True unless the first word that is not an option or --db's value names a command."""
    skip_next = False
    for word in argv:
        if skip_next:
            skip_next = False
        elif word == "--db":
            skip_next = True
        elif word in ("-h", "--help"):
            return False
        elif not word.startswith("-"):
            return word not in commands
    return True


def run(argv: Sequence[str]) -> int:
    if argv[:1] and argv[0] in DESKTOP_FLAGS:
        return run_desktop(argv)
    if wants_app(argv, COMMANDS):
        return cmd_app(app_parser().parse_args(argv))
    from reader.cli.parser import build_parser

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("no command given")
    handler: Handler = args.handler
    return handler(args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout.encoding and sys.stdout.encoding.lower() not in ("utf-8", "utf8"):
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    try:
        return run(argv)
    except SystemExit as exit_request:  # argparse: --help, or a usage error already reported
        return exit_request.code if isinstance(exit_request.code, int) else 1
    except ReaderError as error:
        print_error(error)
        return 1
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug, not a user error: keep the trace out of the user's way
        known = storage_user_error(error)
        if known is not None:  # a full disk or a busy library met outside a transaction
            print_error(known)
            return 1
        print_error(f"internal error ({type(error).__name__}: {error}){log_crash()}")
        return 2


def log_crash() -> str:
    """Append the current exception's trace to the crash log; say where, if it could."""
    import traceback

    from reader.storage.paths import crash_log_path

    log = crash_log_path()
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(traceback.format_exc())
    except OSError:
        return ""
    return f"; details in {log}"


def storage_user_error(error: Exception) -> ReaderError | None:
    import sqlite3

    from reader.storage.errors import user_error

    return user_error(error) if isinstance(error, sqlite3.Error) else None
