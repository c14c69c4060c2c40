"""An article's flags: annotate, annotations, delete-annotation."""

from __future__ import annotations

import argparse

from reader.anchoring.selectors import shorten
from reader.cli.command import Subparsers, add_command, open_library
from reader.cli.output import annotation_json, print_json
from reader.core.models import Anchor, Annotation, Kind, LayerKind, ReaderError, Status


def add_commands(subparsers: Subparsers) -> None:
    sub = add_command(
        subparsers, "annotate", cmd_annotate, "flag a passage of an article", json=True
    )
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

    sub = add_command(
        subparsers, "annotations", cmd_annotations, "list an article's flags", json=True
    )
    sub.add_argument("id", type=int, metavar="ID")
    sub.add_argument("--layer", help="only this layer")

    sub = add_command(
        subparsers, "delete-annotation", cmd_delete_annotation, "delete a flag", json=True
    )
    sub.add_argument("uuid", metavar="UUID")


def cmd_annotate(args: argparse.Namespace) -> int:
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
        print_json(annotation_json(annotation))
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
        print_json([annotation_json(annotation) for annotation in annotations])
        return 0
    if not annotations:
        print("No flags on this article.")
        return 0
    for annotation in annotations:
        anchor = annotation.anchor
        status = "" if annotation.status is Status.ACTIVE else f" [{annotation.status.value}]"
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
        print_json(annotation_json(deleted) | {"deleted": True})
    else:
        print(f"deleted {deleted.kind.value} flag {deleted.uuid}")
    return 0
