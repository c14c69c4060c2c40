"""The detector's suggestions: suggest, what their order learned (suggestions-learning), and a
teacher's lock-suggestions and unlock-suggestions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.anchoring.selectors import shorten
from reader.cli.command import Subparsers, add_command, open_library
from reader.cli.output import print_json
from reader.core.models import ReaderError

if TYPE_CHECKING:
    from reader.detectors.learning import Learned


def add_commands(subparsers: Subparsers) -> None:
    sub = add_command(
        subparsers,
        "suggest",
        cmd_suggest,
        "suggest flags for an article file or ID",
        json=True,
    )
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
        help="store the ones listed (with --all, every one) in the article's suggestions layer, "
        "but for passages dismissed "
        "before or flagged with the same kind already",
    )

    sub = add_command(
        subparsers,
        "suggestions-learning",
        cmd_suggestions_learning,
        "say what this library's accepted and dismissed suggestions and own flags have taught "
        "the order suggestions are shown in",
        json=True,
    )
    undo = sub.add_mutually_exclusive_group()
    undo.add_argument(
        "--reset",
        action="store_true",
        help="show suggestions in the shipped order again: what was decided so far is no "
        "longer learned from (the flags are kept)",
    )
    undo.add_argument(
        "--undo-reset", action="store_true", help="learn again from what was decided before a reset"
    )

    add_command(
        subparsers,
        "lock-suggestions",
        cmd_lock_suggestions,
        "hide the app's suggestions in this library until unlocked with a PIN (for teachers)",
    )
    add_command(
        subparsers, "unlock-suggestions", cmd_unlock_suggestions, "unlock suggestions with the PIN"
    )


def cmd_suggest(args: argparse.Namespace) -> int:
    from reader.anchoring.canonical import ArticleHeader, article_text
    from reader.detectors import SuggestionKind, best_first, score_words, suggest_article
    from reader.importers.articles import read_article_file
    from reader.services.suggestions import library_learning

    kinds = [SuggestionKind.parse(args.kind)] if args.kind else None
    target = args.target
    if target.isdigit() and not Path(target).exists():
        library = open_library(args, read_only=not args.save)
        refuse_if_locked(library.suggestions_locked())
        learned = library_learning(library)
        article_id: int | None = int(target)
        stored = library.article(int(target))
        header: ArticleHeader = stored
        text, markdown = stored.text, stored.markdown
    else:
        if args.save:
            raise ReaderError("--save needs an article ID from the library, not a file")
        if not Path(target).is_file():
            raise ReaderError(f"no such file: {target} (give a file, or an article ID)")
        refuse_if_locked(library_file_locked(args))
        learned = library_file_learning(args)
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

        saved, held_back = save_suggestions(
            library, article_id, found, kinds, best_only=not args.all
        )
        skipped = sum(1 for s in found if flag_kind(s.kind) is not None) - saved - held_back
        known = f" ({skipped} already flagged or dismissed)" if skipped else ""
        print(
            f"saved {saved} suggestions to the 'suggestions' layer of article {article_id}{known}",
            file=sys.stderr,
        )
    if not args.all:
        found, hidden = best_first(found, text, learned)
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


def library_file_locked(args: argparse.Namespace) -> bool:
    """Whether the library --db names (or the default one) exists and is locked; read
    only, so that suggesting on a file changes no library."""
    from reader.storage.library import suggestions_locked_in
    from reader.storage.paths import resolve_db_path

    path = resolve_db_path(args.db)
    return path.is_file() and suggestions_locked_in(path)


def library_file_learning(args: argparse.Namespace) -> Learned:
    """What the library --db names (or the default one) has learned; read only, so that
    suggesting on a file changes no library."""
    from reader.detectors.learning import NOTHING_LEARNED
    from reader.services.suggestions import learning_in
    from reader.storage.paths import resolve_db_path

    path = resolve_db_path(args.db)
    return learning_in(path) if path.is_file() else NOTHING_LEARNED


def refuse_if_locked(locked: bool) -> None:
    if locked:
        raise ReaderError(
            "suggestions are locked in this library by a teacher "
            "('reader unlock-suggestions' with the PIN opens them)"
        )


def cmd_suggestions_learning(args: argparse.Namespace) -> int:
    from reader.services.suggestions import (
        learning_reset_time,
        learning_summary,
        library_learning,
        reset_learning,
        undo_reset_learning,
    )

    library = open_library(args, read_only=not (args.reset or args.undo_reset))
    said = sys.stderr if args.json else sys.stdout
    if args.reset:
        reset_learning(library)
        print("Suggestions are shown in the shipped order again; your flags are kept.", file=said)
    elif args.undo_reset:
        if not learning_reset_time(library):
            raise ReaderError("learning was not reset: nothing to undo")
        undo_reset_learning(library)
        print("Learning from your earlier decisions again.", file=said)
    if args.json:
        learned = library_learning(library)
        kinds = [(kind, "", tally) for kind, tally in learned.kinds.items()]
        cues = [(kind, cue, tally) for (kind, cue), tally in learned.cues.items()]
        print_json(
            {
                "reset": learning_reset_time(library) or None,
                "learned": [
                    {
                        "kind": kind.value,
                        "cue": cue or None,
                        "kept": tally.kept,
                        "dismissed": tally.dropped,
                        "weight": round(
                            learned.cue_weight(kind, cue) if cue else learned.kind_weight(kind), 4
                        ),
                    }
                    for kind, cue, tally in sorted(kinds + cues)
                ],
            }
        )
        return 0
    for line in learning_summary(library):
        print(line)
    return 0


def read_pin(prompt: str) -> str:
    """From the terminal without echo; a line of standard input when it is not a terminal."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def cmd_lock_suggestions(args: argparse.Namespace) -> int:
    library = open_library(args)
    if library.suggestions_locked():
        raise ReaderError("suggestions are locked already")
    pin = read_pin("New PIN (4 or more characters): ")
    if sys.stdin.isatty() and read_pin("The same PIN again: ") != pin:
        raise ReaderError("the two PINs differ: nothing was locked")
    library.lock_suggestions(pin)
    print(f"Suggestions locked in {library.path.name}: hidden in the app, refused by 'suggest'.")
    return 0


def cmd_unlock_suggestions(args: argparse.Namespace) -> int:
    library = open_library(args)
    if not library.suggestions_locked():
        raise ReaderError("suggestions are not locked")
    library.unlock_suggestions(read_pin("PIN: "))
    print(f"Suggestions unlocked in {library.path.name}.")
    return 0
