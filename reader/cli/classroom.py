"""The classroom commands: assign, hand-in, collect, class (printed by
:mod:`reader.cli.class_results`), report, release-key, use-as-key, feedback,
assignments; and ``reader import`` of assignment and released-key files.

The handlers print what :mod:`reader.services.classroom` returns, as text or
``--json``; user errors are ReaderErrors, printed by ``reader.cli.main.main``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.classroom.assignment import SUFFIX as ASSIGNMENT_SUFFIX
from reader.classroom.released_key import SUFFIX as KEY_SUFFIX
from reader.classroom.report import moment
from reader.classroom.tally import in_flags
from reader.cli.class_results import assignment_dict, cmd_class
from reader.cli.command import Subparsers, add_command, open_library
from reader.cli.output import print_error, print_json
from reader.core.models import Kind, ReaderError
from reader.services import classroom as service
from reader.storage.classroom import Role

if TYPE_CHECKING:
    from reader.storage.library import Library


def add_commands(subparsers: Subparsers) -> None:
    target_help = "the article's number, or the assignment id (or its first characters)"

    sub = add_command(
        subparsers, "assign", cmd_assign, "write an assignment file on an article", json=True
    )
    sub.add_argument("id", type=int, metavar="ID")
    sub.add_argument("-o", "--output", required=True, metavar="FILE.reader-assignment")
    sub.add_argument("--title", required=True)
    text = sub.add_mutually_exclusive_group()
    text.add_argument("--instructions", default="", help="instructions (Markdown)")
    text.add_argument("--instructions-file", metavar="FILE", help="instructions from a file")
    sub.add_argument(
        "--kinds", default="", help="kinds asked for, e.g. unsourced,opinion (default: all three)"
    )
    sub.add_argument("--due", default="", help="due date, e.g. 2026-12-10")
    sub.add_argument("--class", dest="class_name", default="", metavar="NAME")
    sub.add_argument(
        "--hints", default="", metavar="LAYER", help="show this layer's flags as hints"
    )

    add_command(
        subparsers,
        "assignments",
        cmd_assignments,
        "list the assignments in this library",
        json=True,
    )

    sub = add_command(
        subparsers, "hand-in", cmd_hand_in, "write your submission file (students)", json=True
    )
    sub.add_argument("target", metavar="ASSIGNMENT_OR_ID", help=target_help)
    sub.add_argument("-o", "--output", required=True, metavar="FILE.reader-submission")
    sub.add_argument("--name", default="", help="your name (remembered for the next time)")

    sub = add_command(
        subparsers,
        "collect",
        cmd_collect,
        "store students' submissions (files, folders, zips)",
        json=True,
    )
    sub.add_argument("paths", nargs="+", metavar="FILE|FOLDER|ZIP")

    sub = add_command(
        subparsers,
        "class",
        cmd_class,
        "the class compared with the key (a student: your result)",
        json=True,
    )
    sub.add_argument("target", metavar="ASSIGNMENT_OR_ID", help=target_help)

    sub = add_command(
        subparsers, "report", cmd_report, "write the class report, one print-ready HTML page"
    )
    sub.add_argument("target", metavar="ASSIGNMENT_OR_ID", help=target_help)
    sub.add_argument("-o", "--output", required=True, metavar="FILE.html")

    sub = add_command(
        subparsers, "release-key", cmd_release_key, "write the key for the students", json=True
    )
    sub.add_argument("target", metavar="ASSIGNMENT_OR_ID", help=target_help)
    sub.add_argument("-o", "--output", required=True, metavar="FILE|FOLDER")
    sub.add_argument(
        "--per-student",
        action="store_true",
        help="one file per collected student in the folder, each with their comment only",
    )

    sub = add_command(
        subparsers,
        "use-as-key",
        cmd_use_as_key,
        "make your flags on an article its answer key",
        json=True,
    )
    sub.add_argument("id", type=int, metavar="ID")
    sub.add_argument("--layer", default="mine", help="the layer to move into the key (mine)")

    sub = add_command(
        subparsers, "feedback", cmd_feedback, "write your comment to one student", json=True
    )
    sub.add_argument("target", metavar="ASSIGNMENT_OR_ID", help=target_help)
    sub.add_argument("--student", required=True, metavar="NAME_OR_ID")
    sub.add_argument("--comment", required=True, help="the comment ('' removes it)")


def parse_kinds(value: str) -> tuple[Kind, ...]:
    if not value.strip():
        return tuple(Kind)
    return tuple(dict.fromkeys(Kind.parse(part) for part in value.split(",") if part.strip()))


def cmd_assign(args: argparse.Namespace) -> int:
    instructions = args.instructions
    if args.instructions_file:
        from reader.classroom.files import read_limited

        try:
            instructions = read_limited(Path(args.instructions_file)).decode("utf-8")
        except UnicodeDecodeError:
            raise ReaderError(f"{args.instructions_file} is not UTF-8 text") from None
    library = open_library(args)
    made = service.assign(
        library,
        args.id,
        Path(args.output).expanduser(),
        title=args.title,
        instructions=instructions,
        kinds=parse_kinds(args.kinds),
        due=args.due.strip(),
        class_name=args.class_name,
        hint_layer=args.hints,
    )
    if args.json:
        print_json(
            {
                "assignment_id": made.assignment_id,
                "article_id": made.article_id,
                "title": made.title,
                "file": str(made.path),
                "kinds": [kind.value for kind in made.kinds],
                "hints": made.hints,
                "key_flags": made.key_flags,
            }
        )
        return 0
    print(f"wrote {made.path}: assignment '{made.title}' ({made.assignment_id})")
    if made.hints:
        print(f"  with {made.hints} hint flags")
    if made.key_flags:
        print(f"  the key holds {made.key_flags} flags; it is not in the file")
    else:
        print(f"  the key is empty: flag the article, then 'reader use-as-key {made.article_id}'")
    return 0


def cmd_assignments(args: argparse.Namespace) -> int:
    listed = service.list_assignments(open_library(args))
    if args.json:
        print_json([assignment_dict(s.assignment) | {"submissions": s.submissions} for s in listed])
        return 0
    if not listed:
        print("No assignments: make one with 'reader assign ID -o FILE --title TITLE'.")
        return 0
    print(f"{'ASSIGNMENT':<8}  {'ARTICLE':>7}  {'ROLE':<7}  {'HANDED IN':>9}  TITLE")
    for summary in listed:
        found = summary.assignment
        handed = str(summary.submissions) if found.role is Role.TEACHER else ""
        print(
            f"{found.assignment_id[:8]:<8}  {found.article_id:>7}  {found.role.value:<7}  "
            f"{handed:>9}  {found.title}"
        )
    return 0


def cmd_hand_in(args: argparse.Namespace) -> int:
    library = open_library(args)
    done = service.hand_in(library, args.target, Path(args.output).expanduser(), args.name)
    if args.json:
        print_json(
            {
                "file": str(done.path),
                "assignment_id": done.assignment_id,
                "name": done.student_name,
                "flags": done.flags,
                "handed_in": done.handed_in,
            }
        )
        return 0
    print(
        f"wrote {done.path}: {in_flags(done.flags)} by {done.student_name} on '{done.title}'; "
        "hand this file in"
    )
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    library = open_library(args)
    result = service.collect(library, [Path(p).expanduser() for p in args.paths])
    if args.json:
        print_json(
            {
                "collected": [
                    {
                        "file": c.source,
                        "assignment_id": c.assignment_id,
                        "student_id": c.student_id,
                        "name": c.student_name,
                        "outcome": c.outcome.value,
                        "flags": c.flags,
                        "replaced_handed_in": c.replaced_handed_in,
                    }
                    for c in result.collected
                ],
                "failed": [{"file": f, "error": message} for f, message in result.failed],
                "skipped": result.skipped,
            }
        )
    else:
        for c in result.collected:
            if c.outcome is service.CollectOutcome.UNCHANGED:
                print(f"{c.source}: {c.student_name}: already collected, unchanged")
            elif c.outcome is service.CollectOutcome.REPLACED:
                print(
                    f"{c.source}: {c.student_name}: {in_flags(c.flags)}, replacing the "
                    f"submission handed in {moment(c.replaced_handed_in)}"
                )
            else:
                print(f"{c.source}: {c.student_name}: {in_flags(c.flags)}")
    for _, message in result.failed:
        print_error(message)
    if not args.json:
        stored = sum(c.outcome is not service.CollectOutcome.UNCHANGED for c in result.collected)
        line = f"collected {stored} submissions"
        if result.failed:
            line += f"; {len(result.failed)} not collected: " + ", ".join(
                Path(name).name for name, _ in result.failed
            )
        if result.skipped:
            line += f"; skipped {result.skipped} files that are not submissions"
        print(line)
    return 1 if result.failed else 0


def cmd_report(args: argparse.Namespace) -> int:
    output = Path(args.output).expanduser()
    view = service.report(open_library(args), args.target, output)
    print(f"wrote {output}: {len(view.overview.students)} students", file=sys.stderr)
    return 0


def cmd_release_key(args: argparse.Namespace) -> int:
    library = open_library(args)
    output = Path(args.output).expanduser()
    done = service.release_key(library, args.target, output, per_student=args.per_student)
    if args.json:
        print_json({"files": [str(p) for p in done.paths], "key_flags": done.key_flags})
    elif args.per_student:
        print(f"wrote {len(done.paths)} key files ({done.key_flags} flags each) in {output}")
    else:
        print(f"wrote {output}: the key, {done.key_flags} flags")
    return 0


def cmd_use_as_key(args: argparse.Namespace) -> int:
    done = service.use_as_key(open_library(args), args.id, args.layer)
    if args.json:
        print_json(
            {"article_id": done.article_id, "moved": done.moved, "key_flags": done.key_flags}
        )
    else:
        print(
            f"moved {done.moved} flags of '{args.layer}' into the key of article "
            f"{done.article_id}; it holds {done.key_flags}"
        )
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    done = service.set_feedback(open_library(args), args.target, args.student, args.comment)
    if args.json:
        print_json(
            {"student_id": done.student_id, "name": done.student_name, "removed": done.removed}
        )
    elif done.removed:
        print(f"removed the comment to {done.student_name}")
    else:
        print(f"saved the comment to {done.student_name}")
    return 0


# reader import


def is_classroom_file(path: Path) -> bool:
    return path.name.lower().endswith((ASSIGNMENT_SUFFIX, KEY_SUFFIX))


def import_classroom_file(library: Library, path: Path) -> tuple[dict[str, object], str]:
    """Open an assignment or a released key: the JSON entry and the line ``reader import``
    prints."""
    if path.name.lower().endswith(KEY_SUFFIX):
        key = service.import_released_key(library, path)
        message = (
            f"{path.name}: the key of '{key.title}' ({key.key_flags} flags) is on article "
            f"{key.article_id}; 'reader class {key.article_id}' shows your result"
        )
        return {"file": str(path), "type": "key", **vars(key)}, message
    opened = service.open_assignment(library, path)
    if opened.outcome is service.OpenOutcome.OWN:
        message = f"{path.name}: you made '{opened.title}' in this library: nothing to do"
    elif opened.outcome is service.OpenOutcome.ALREADY_OPEN:
        message = f"{path.name}: '{opened.title}' is open already as article {opened.article_id}"
    else:
        due = f", due {opened.due}" if opened.due else ""
        message = (
            f"{path.name}: opened '{opened.title}' as article {opened.article_id}{due}; "
            f"flag it, then 'reader hand-in {opened.article_id} -o FILE --name \"Your Name\"'"
        )
        if opened.instructions.strip():
            message += "\n" + opened.instructions.strip()
    data = {
        "file": str(path),
        "type": "assignment",
        "assignment_id": opened.assignment_id,
        "id": opened.article_id,
        "title": opened.title,
        "outcome": opened.outcome.value,
        "instructions": opened.instructions,
        "kinds": [kind.value for kind in opened.kinds],
        "due": opened.due,
        "hints": opened.hints,
    }
    return data, message
