"""The library's articles: import, list, show, export, search, check, backup."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from reader.anchoring.selectors import shorten
from reader.cli.command import Subparsers, add_command, open_library
from reader.cli.output import annotation_json, print_error, print_json
from reader.core.models import Kind, ReaderError


def add_commands(subparsers: Subparsers) -> None:
    sub = add_command(
        subparsers,
        "import",
        cmd_import,
        "import articles (.md .markdown .txt .html .htm) or flags (.json)",
        json=True,
    )
    sub.add_argument("files", nargs="+", metavar="FILE")

    add_command(subparsers, "list", cmd_list, "list the library", json=True)

    sub = add_command(subparsers, "show", cmd_show, "show an article", json=True)
    sub.add_argument("id", type=int, metavar="ID")
    shown = sub.add_mutually_exclusive_group()
    shown.add_argument("--text", action="store_true", help="print the canonical text exactly")
    shown.add_argument("--markdown", action="store_true", help="print the Markdown body")

    sub = add_command(subparsers, "export", cmd_export, "export an article's flags")
    sub.add_argument("id", type=int, metavar="ID")
    sub.add_argument("--format", required=True, choices=["w3c", "markdown", "csv"])
    sub.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    sub = add_command(subparsers, "search", cmd_search, "search articles and notes", json=True)
    sub.add_argument("query", metavar="QUERY")
    sub.add_argument("--limit", type=positive_int, default=20, help="at most this many hits")

    add_command(
        subparsers,
        "check",
        cmd_check,
        "integrity check, orphaned flags, schema version",
        json=True,
    )

    sub = add_command(
        subparsers, "backup", cmd_backup, "copy the library with the SQLite backup API"
    )
    sub.add_argument("-o", "--output", metavar="FILE")
    sub.add_argument("--force", action="store_true", help="replace FILE if it exists")


def positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {value!r}")
    return int(value)


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
    results: list[dict[str, object]] = []
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
            print_error(error)
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
                    annotation_json(a) | {"article_id": a.article_id} for a in report.orphaned
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
