"""The parser and the start of ``reader``: command names known before the parser is built."""

from __future__ import annotations

import argparse
import subprocess
import sys

from reader.cli.parser import COMMANDS, build_parser


def test_every_command_is_known_before_the_parser_is_built() -> None:
    parser = build_parser()
    [subparsers] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(subparsers.choices) == COMMANDS


def test_opening_the_app_loads_no_command_group_nor_storage() -> None:
    # what `reader` imports before it decides to open the window
    code = (
        "import sys, reader.cli.main; "
        "heavy = ('sqlite_utils', 'markdown_it', 'reader.storage', 'reader.detectors', "
        "'reader.cli.articles', 'reader.cli.classroom'); "
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
