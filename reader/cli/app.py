"""The window from the command line: ``reader [FILE]`` opens the app, ``reader screenshot``
renders it offscreen.  Qt is imported only when one of them runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.command import ArgumentParser, Subparsers, add_command, open_library
from reader.core.models import ReaderError


def add_commands(subparsers: Subparsers) -> None:
    sub = add_command(
        subparsers, "screenshot", cmd_screenshot, "render the main window to a PNG, offscreen"
    )
    sub.add_argument("id", type=int, nargs="?", metavar="ID", help="article (default: the last)")
    sub.add_argument("-o", "--output", required=True, metavar="FILE.png")
    sub.add_argument("--size", type=parse_size, default=(1400, 900), metavar="WxH")
    sub.add_argument("--theme", choices=["light", "dark"], default="light")
    sub.add_argument("--select", metavar="UUID", help="flag to show selected")
    sub.add_argument(
        "--compare", type=int, metavar="ID_B", help="show this article beside it (compare mode)"
    )


def app_parser() -> ArgumentParser:
    """The arguments of ``reader`` without a command."""
    parser = ArgumentParser(
        prog="reader",
        description="Open Annotated Reader: on FILE if given; on two files, side by side.",
    )
    parser.add_argument("--db", metavar="PATH")
    parser.add_argument("files", nargs="*", metavar="FILE")
    return parser


def parse_size(value: str) -> tuple[int, int]:
    width, _, height = value.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (
        200 <= int(width) <= 8000 and 200 <= int(height) <= 8000
    ):
        raise argparse.ArgumentTypeError(f"size must look like 1400x900, not {value!r}")
    return int(width), int(height)


def has_display() -> bool:
    """Whether Qt can find a screen: on Linux without one it aborts the process."""
    import os

    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def cmd_app(args: argparse.Namespace) -> int:
    files = [Path(name) for name in args.files]
    if len(files) > 2:
        raise ReaderError("give one file to open, or two to compare side by side")
    for path in files:
        if not path.exists():
            raise ReaderError(f"no such file: {path}")
    if not has_display():
        raise ReaderError(
            "no display found: set DISPLAY, or use a subcommand such as 'reader list'"
        )
    compared = import_both(args, files[0], files[1]) if len(files) == 2 else None
    from reader.gui.app import run_app
    from reader.storage.paths import resolve_db_path

    open_file = files[0] if len(files) == 1 else None
    return run_app(resolve_db_path(args.db), open_file, compare=compared)


def import_both(args: argparse.Namespace, first: Path, second: Path) -> tuple[int, int]:
    """Import two articles to compare: both read before either is stored, so a file that
    cannot be read leaves the library as it was."""
    from reader.importers.articles import read_article_file

    metas = [read_article_file(first), read_article_file(second)]
    library = open_library(args)
    try:
        id_a, id_b = (library.import_article(meta).article.id for meta in metas)
    finally:
        library.close()
    if id_a == id_b:
        raise ReaderError(f"{first} and {second} hold the same article: nothing to compare")
    return id_a, id_b


def cmd_screenshot(args: argparse.Namespace) -> int:
    from reader.gui.app import render_screenshot
    from reader.render import Theme
    from reader.storage.paths import resolve_db_path

    open_library(args).close()  # creates and fills a new library like any other command
    output = Path(args.output).expanduser()
    if not output.parent.is_dir():
        raise ReaderError(f"folder {output.parent} does not exist")
    render_screenshot(
        resolve_db_path(args.db),
        output,
        args.id,
        args.size,
        Theme(args.theme),
        args.select,
        compare_with=args.compare,
    )
    print(output)
    return 0
