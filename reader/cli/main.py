"""The command line.  ``reader`` alone opens the app; subcommands work without a display.

User errors print one line starting ``error:`` on stderr and exit 1.  The GUI
and the detectors are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, NoReturn

from reader.anchoring.selectors import shorten
from reader.core.models import Annotation, Kind, LayerKind, ReaderError

Handler = Callable[[argparse.Namespace], int]
# Any other first word opens the app (on that file); checked before the parser is built,
# so that starting the app costs as little as possible.
COMMANDS = frozenset(
    {
        "import", "list", "show", "annotate", "annotations", "delete-annotation", "export",
        "search", "check", "suggest", "screenshot", "backup", "lock-suggestions",
        "unlock-suggestions",
        # classroom (reader.cli.classroom)
        "assign", "assignments", "hand-in", "collect", "class", "report", "release-key",
        "use-as-key", "feedback",
    }
)  # fmt: skip


class ArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage mistakes as one ``error:`` line and exit status 1."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(1)


def open_library(args: argparse.Namespace, read_only: bool = False) -> Any:
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


def print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def annotation_dict(annotation: Annotation) -> dict[str, Any]:
    anchor = annotation.anchor
    return {
        "id": annotation.uuid,
        "kind": annotation.kind.value,
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "note": annotation.note,
        "tags": annotation.tags,
        "source": annotation.source,
        "status": annotation.status.value,
        "layer": annotation.layer,
        "author": annotation.author,
        "created": annotation.created,
        "updated": annotation.updated,
    }


# Commands


def cmd_import(args: argparse.Namespace) -> int:
    from reader.cli.classroom import import_classroom_file, is_classroom_file
    from reader.services.article_files import (
        describe_import,
        import_article_file,
        import_flag_file,
        is_flag_file,
    )

    library = open_library(args)
    failed = 0
    results: list[dict[str, Any]] = []
    for name in args.files:
        path = Path(name)
        try:
            if is_classroom_file(path):  # an assignment or a released key
                entry, message = import_classroom_file(library, path)
                results.append(entry)
            elif is_flag_file(path):
                flags = import_flag_file(library, path)
                results.append({"file": name, "type": "flags", **asdict(flags)})
                message = (
                    f"{path.name}: {flags.added} flags added to article {flags.article_id}"
                    + (f", {flags.skipped} already there" if flags.skipped else "")
                    + (f", {flags.orphaned} orphaned" if flags.orphaned else "")
                )
            else:
                result = import_article_file(library, path)
                results.append(
                    {
                        "file": name,
                        "type": "article",
                        "id": result.article.id,
                        "title": result.article.title,
                        "outcome": result.outcome.value,
                        "version": result.article.version,
                        "reanchored": result.reanchored,
                        "orphaned": result.orphaned,
                    }
                )
                message = f"{path.name}: {describe_import(result)}"
        except ReaderError as error:
            failed += 1
            sys.stderr.write(f"error: {error}\n")
            continue
        if not args.json:
            print(message)
    if args.json:
        print_json(results)
    return 1 if failed else 0


def cmd_list(args: argparse.Namespace) -> int:
    library = open_library(args, read_only=True)
    summaries = library.articles()
    if args.json:
        print_json(
            [
                {
                    **asdict(summary),
                    "counts": {kind.value: summary.counts.get(kind, 0) for kind in Kind},
                }
                for summary in summaries
            ]
        )
        return 0
    if not summaries:
        print("The library is empty: add an article with 'reader import FILE'.")
        return 0
    print(f"{'ID':>4}  {'VER':>3}  {'FLAGS':>5}  {'PUBLISHED':<10}  TITLE")
    for summary in summaries:
        flags = sum(summary.counts.values())
        source = f" — {summary.publication}" if summary.publication else ""
        print(
            f"{summary.id:>4}  {summary.version:>3}  {flags:>5}  {summary.published[:10]:<10}  "
            f"{summary.title}{source}"
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    library = open_library(args, read_only=True)
    article = library.article(args.id)
    if args.text:
        sys.stdout.write(article.text)
        return 0
    if args.markdown:
        sys.stdout.write(article.markdown)
        return 0
    if args.json:
        data = asdict(article)
        data["source_format"] = article.source_format.value
        print_json(data)
        return 0
    byline = " · ".join(p for p in (article.author, article.publication, article.published) if p)
    print(article.title)
    if byline:
        print(byline)
    if article.url:
        print(article.url)
    print(f"id {article.id}, version {article.version}, imported {article.imported_at}")
    print()
    print(article.text)
    return 0


def cmd_annotate(args: argparse.Namespace) -> int:
    from reader.core.models import Anchor

    kind = Kind.parse(args.kind)
    library = open_library(args)
    annotation = Annotation(
        article_id=args.id,
        kind=kind,
        anchor=Anchor(0, 0, ""),  # found in the text when the flag is saved
        layer=args.layer,
        note=args.note,
        tags=args.tag,
        source=args.source,
    )
    library.add_annotation_on_quote(annotation, args.quote, args.occurrence)
    if args.json:
        print_json(annotation_dict(annotation))
    else:
        print(annotation.uuid, flush=True)
    return 0


def cmd_annotations(args: argparse.Namespace) -> int:
    library = open_library(args, read_only=True)
    library.article(args.id)
    if args.layer and args.layer not in {layer.name for layer in library.layers(args.id)}:
        raise ReaderError(f"article {args.id} has no layer named {args.layer!r}")
    annotations = library.annotations(args.id, args.layer)
    if library.suggestions_locked():  # a teacher's lock: the app's suggestions are not shown
        from reader.storage.library import SUGGESTION_STATUSES

        if args.layer == LayerKind.SUGGESTIONS.value:
            raise ReaderError("suggestions are locked in this library by a teacher")
        annotations = [a for a in annotations if a.status not in SUGGESTION_STATUSES]
    if args.json:
        print_json([annotation_dict(annotation) for annotation in annotations])
        return 0
    if not annotations:
        print("No flags on this article.")
        return 0
    for annotation in annotations:
        anchor = annotation.anchor
        status = "" if annotation.status.value == "active" else f" [{annotation.status.value}]"
        print(
            f"{annotation.uuid}  {annotation.kind.value:<15} {anchor.start:>6}-{anchor.end:<6} "
            f"{annotation.layer}{status}  “{shorten(anchor.exact)}”"
        )
        if annotation.note:
            print(f"    note: {shorten(annotation.note, 90)}")
        if annotation.tags:
            print(f"    tags: {', '.join(annotation.tags)}")
        if annotation.source:
            print(f"    source: {annotation.source}")
    return 0


def cmd_delete_annotation(args: argparse.Namespace) -> int:
    library = open_library(args)
    deleted = library.delete_annotation(args.uuid)
    if args.json:
        print_json(annotation_dict(deleted) | {"deleted": True})
    else:
        print(f"deleted {deleted.kind.value} flag {deleted.uuid}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from reader.services.article_files import ExportFormat, export_text, write_file_atomically

    library = open_library(args, read_only=True)
    content = export_text(library, args.id, ExportFormat(args.format))
    if args.output and library.is_library_file(Path(args.output)):
        raise ReaderError("the export must not overwrite the library itself")
    if args.output:
        write_file_atomically(Path(args.output), content)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(content)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    library = open_library(args, read_only=True)
    hits = library.search(args.query, args.limit)
    if args.json:
        print_json([asdict(hit) | {"snippet": hit.marked()} for hit in hits])
        return 0
    if not hits:
        print("No matches.")
        return 0
    for hit in hits:
        where = f"flag {hit.annotation_uuid}" if hit.annotation_uuid else "article"
        print(f"{hit.article_id:>4}  {hit.title}  ({where})")
        print(f"      {shorten(hit.marked(), 100)}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    library = open_library(args, read_only=True)
    report = library.check()
    if args.json:
        print_json(
            {
                "integrity": report.integrity,
                "ok": report.ok,
                "schema_version": report.schema_version,
                "articles": report.articles,
                "annotations": report.annotations,
                "orphaned": [
                    annotation_dict(a) | {"article_id": a.article_id} for a in report.orphaned
                ],
            }
        )
    else:
        print(f"library: {library.path}")
        print(f"integrity: {report.integrity}")
        print(f"schema version: {report.schema_version}")
        print(f"articles: {report.articles}, flags: {report.annotations}")
        print(f"orphaned flags: {len(report.orphaned)}")
        for annotation in report.orphaned:
            print(
                f"  article {annotation.article_id}  {annotation.uuid}  "
                f"{annotation.kind.value}  “{shorten(annotation.anchor.exact)}”"
            )
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    library = open_library(args, read_only=True)
    if args.output:
        destination = Path(args.output).expanduser()
        if not destination.parent.is_dir():
            raise ReaderError(f"folder {destination.parent} does not exist")
    else:
        from datetime import UTC, datetime

        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        destination = library.path.with_name(f"{library.path.stem}-backup-{stamp}.sqlite")
    library.backup(destination, replace=args.force)
    print(destination)
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from reader.anchoring.canonical import ArticleHeader, article_text
    from reader.detectors import SuggestionKind, best_first, score_words, suggest_article
    from reader.importers.articles import read_article_file

    kinds = [SuggestionKind.parse(args.kind)] if args.kind else None
    target = args.target
    if target.isdigit() and not Path(target).exists():
        library = open_library(args, read_only=not args.save)
        _refuse_if_locked(library.suggestions_locked())
        article_id: int | None = int(target)
        stored = library.article(article_id)
        header: ArticleHeader = stored
        text, markdown = stored.text, stored.markdown
    else:
        if args.save:
            raise ReaderError("--save needs an article ID from the library, not a file")
        if not Path(target).is_file():
            raise ReaderError(f"no such file: {target} (give a file, or an article ID)")
        _refuse_if_locked(_library_file_locked(args))
        article_id = None
        header = meta = read_article_file(Path(target))
        text, markdown = article_text(meta, meta.markdown), meta.markdown
    include_sourced = args.include_sourced or bool(kinds and SuggestionKind.SOURCED_CLAIM in kinds)
    found = suggest_article(
        header, text, markdown=markdown, kinds=kinds, include_sourced=include_sourced
    )
    if kinds is not None:
        found = [suggestion for suggestion in found if suggestion.kind in kinds]
    if args.save and article_id is not None:
        from reader.services.suggestions import flag_kind, save_suggestions

        saved = save_suggestions(library, article_id, found, kinds)
        skipped = sum(1 for s in found if flag_kind(s.kind) is not None) - saved
        known = f" ({skipped} already flagged or dismissed)" if skipped else ""
        print(
            f"saved {saved} suggestions to the 'suggestions' layer of article {article_id}{known}",
            file=sys.stderr,
        )
    if not args.all:
        found, hidden = best_first(found, text)
        if hidden:
            print(
                f"showing the {len(found)} best suggestions first; {hidden} more with --all",
                file=sys.stderr,
            )
    if args.json:
        print_json(
            [
                {
                    "kind": s.kind.value,
                    "start": s.start,
                    "end": s.end,
                    "quote": s.quote,
                    "score": round(s.score, 3),
                    "likelihood": score_words(s.score),
                    "reasons": list(s.reasons),
                    "attribution": s.attribution,
                }
                for s in found
            ]
        )
        return 0
    for s in found:
        chance = f"{score_words(s.score)} ({s.score:.0%})"
        print(f"{s.kind.value:<15} {s.start:>6}-{s.end:<6} {chance:<15} “{shorten(s.quote)}”")
        for reason in s.reasons:
            print(f"    {reason}")
        if s.attribution:
            print(f"    attributed: {s.attribution}")
    if not found:
        print("No suggestions.")
    return 0


def _library_file_locked(args: argparse.Namespace) -> bool:
    """Whether the library --db names (or the default one) exists and is locked; read
    only, so that suggesting on a file changes no library."""
    from reader.storage.library import suggestions_locked_in
    from reader.storage.paths import resolve_db_path

    path = resolve_db_path(args.db)
    return path.is_file() and suggestions_locked_in(path)


def _refuse_if_locked(locked: bool) -> None:
    if locked:
        raise ReaderError(
            "suggestions are locked in this library by a teacher "
            "('reader unlock-suggestions' with the PIN opens them)"
        )


def _read_pin(prompt: str) -> str:
    """From the terminal without echo; a line of standard input when it is not a terminal."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def cmd_lock_suggestions(args: argparse.Namespace) -> int:
    library = open_library(args)
    if library.suggestions_locked():
        raise ReaderError("suggestions are locked already")
    pin = _read_pin("New PIN (4 or more characters): ")
    if sys.stdin.isatty() and _read_pin("The same PIN again: ") != pin:
        raise ReaderError("the two PINs differ: nothing was locked")
    library.lock_suggestions(pin)
    print(f"Suggestions locked in {library.path.name}: hidden in the app, refused by 'suggest'.")
    return 0


def cmd_unlock_suggestions(args: argparse.Namespace) -> int:
    library = open_library(args)
    if not library.suggestions_locked():
        raise ReaderError("suggestions are not locked")
    library.unlock_suggestions(_read_pin("PIN: "))
    print(f"Suggestions unlocked in {library.path.name}.")
    return 0


def positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {value!r}")
    return int(value)


def parse_size(value: str) -> tuple[int, int]:
    width, _, height = value.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (
        200 <= int(width) <= 8000 and 200 <= int(height) <= 8000
    ):
        raise argparse.ArgumentTypeError(f"size must look like 1400x900, not {value!r}")
    return int(width), int(height)


def cmd_screenshot(args: argparse.Namespace) -> int:
    from reader.gui.app import render_screenshot
    from reader.render import Theme
    from reader.storage.paths import resolve_db_path

    open_library(args).close()  # creates and fills a new library like any other command
    output = Path(args.output).expanduser()
    if not output.parent.is_dir():
        raise ReaderError(f"folder {output.parent} does not exist")
    render_screenshot(
        resolve_db_path(args.db), output, args.id, args.size, Theme(args.theme), args.select
    )
    print(output)
    return 0


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="reader",
        description="Annotated Reader: flag unsourced claims, opinion and context in news "
        "articles. Without a command, opens the app (on FILE if given).",
    )
    parser.add_argument(
        "--db", metavar="PATH", help="library file (default: $READER_DB or the user data folder)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)

    def command(name: str, handler: Handler, help_text: str) -> ArgumentParser:
        assert name in COMMANDS, name
        sub: ArgumentParser = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    def with_json(sub: ArgumentParser) -> ArgumentParser:
        sub.add_argument("--json", action="store_true", help="print JSON")
        return sub

    sub = with_json(
        command(
            "import", cmd_import, "import articles (.md .markdown .txt .html .htm) or flags (.json)"
        )
    )
    sub.add_argument("files", nargs="+", metavar="FILE")

    with_json(command("list", cmd_list, "list the library"))

    sub = with_json(command("show", cmd_show, "show an article"))
    sub.add_argument("id", type=int, metavar="ID")
    shown = sub.add_mutually_exclusive_group()
    shown.add_argument("--text", action="store_true", help="print the canonical text exactly")
    shown.add_argument("--markdown", action="store_true", help="print the Markdown body")

    sub = with_json(command("annotate", cmd_annotate, "flag a passage of an article"))
    sub.add_argument("id", type=int, metavar="ID")
    sub.add_argument(
        "--kind",
        required=True,
        help="unsourced_claim, opinion or context_note (or unsourced, context)",
    )
    sub.add_argument("--quote", required=True, help="the exact passage")
    sub.add_argument("--occurrence", type=int, metavar="N", help="which occurrence, from 1")
    sub.add_argument("--note", default="", help="the note (Markdown)")
    sub.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    sub.add_argument("--source", default="", help="source URL or citation")
    sub.add_argument("--layer", default="mine", help="layer name (default: mine)")

    sub = with_json(command("annotations", cmd_annotations, "list an article's flags"))
    sub.add_argument("id", type=int, metavar="ID")
    sub.add_argument("--layer", help="only this layer")

    sub = with_json(command("delete-annotation", cmd_delete_annotation, "delete a flag"))
    sub.add_argument("uuid", metavar="UUID")

    sub = command("export", cmd_export, "export an article's flags")
    sub.add_argument("id", type=int, metavar="ID")
    sub.add_argument("--format", required=True, choices=["w3c", "markdown", "csv"])
    sub.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    sub = with_json(command("search", cmd_search, "search articles and notes"))
    sub.add_argument("query", metavar="QUERY")
    sub.add_argument("--limit", type=positive_int, default=20, help="at most this many hits")

    with_json(command("check", cmd_check, "integrity check, orphaned flags, schema version"))

    sub = with_json(command("suggest", cmd_suggest, "suggest flags for an article file or ID"))
    sub.add_argument("target", metavar="FILE|ID")
    sub.add_argument("--kind", help="only this kind: opinion, unsourced or sourced")
    sub.add_argument(
        "--include-sourced",
        action="store_true",
        help="also list claims the article does source, as kind sourced_claim",
    )
    sub.add_argument(
        "--all",
        action="store_true",
        help="list every suggestion in text order, not only the best few per 1,000 words",
    )
    sub.add_argument(
        "--save",
        action="store_true",
        help="store them in the article's suggestions layer, but for passages dismissed "
        "before or flagged with the same kind already",
    )

    command(
        "lock-suggestions",
        cmd_lock_suggestions,
        "hide the app's suggestions in this library until unlocked with a PIN (for teachers)",
    )
    command("unlock-suggestions", cmd_unlock_suggestions, "unlock suggestions with the PIN")

    sub = command("screenshot", cmd_screenshot, "render the main window to a PNG, offscreen")
    sub.add_argument("id", type=int, nargs="?", metavar="ID", help="article (default: the last)")
    sub.add_argument("-o", "--output", required=True, metavar="FILE.png")
    sub.add_argument("--size", type=parse_size, default=(1400, 900), metavar="WxH")
    sub.add_argument("--theme", choices=["light", "dark"], default="light")
    sub.add_argument("--select", metavar="UUID", help="flag to show selected")

    sub = command("backup", cmd_backup, "copy the library with the SQLite backup API")
    sub.add_argument("-o", "--output", metavar="FILE")
    sub.add_argument("--force", action="store_true", help="replace FILE if it exists")

    from reader.cli.classroom import add_commands

    add_commands(command)
    return parser


def has_display() -> bool:
    """Whether Qt can find a screen: on Linux without one it aborts the process."""
    import os

    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def cmd_app(args: argparse.Namespace) -> int:
    open_file = Path(args.file) if args.file else None
    if open_file is not None and not open_file.exists():
        raise ReaderError(f"no such file: {open_file}")
    if not has_display():
        raise ReaderError(
            "no display found: set DISPLAY, or use a subcommand such as 'reader list'"
        )
    from reader.gui.app import run_app
    from reader.storage.paths import resolve_db_path

    return run_app(resolve_db_path(args.db), open_file)


def app_parser() -> ArgumentParser:
    parser = ArgumentParser(prog="reader", description="Open Annotated Reader (on FILE if given).")
    parser.add_argument("--db", metavar="PATH")
    parser.add_argument("file", nargs="?", metavar="FILE")
    return parser


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
    if wants_app(argv, COMMANDS):
        return cmd_app(app_parser().parse_args(argv))
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
        sys.stderr.write(f"error: {error}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug, not a user error: keep the trace out of the user's way
        known = storage_user_error(error)
        if known is not None:  # a full disk or a busy library met outside a transaction
            sys.stderr.write(f"error: {known}\n")
            return 1
        from reader.storage.paths import crash_log_path

        log = crash_log_path()
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as handle:
                import traceback

                handle.write(traceback.format_exc())
            where = f"; details in {log}"
        except OSError:
            where = ""
        sys.stderr.write(f"error: internal error ({type(error).__name__}: {error}){where}\n")
        return 2


def storage_user_error(error: Exception) -> ReaderError | None:
    import sqlite3

    from reader.storage.errors import user_error

    return user_error(error) if isinstance(error, sqlite3.Error) else None
