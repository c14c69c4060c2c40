"""The ``reader`` command's parser: ``--db``, then the commands each group module adds."""

from __future__ import annotations

from reader.cli.command import ArgumentParser

# The command names, known without building the parser: any other first word opens the
# app (on that file), and starting the app should cost as little as possible.  A test
# checks that they are the commands the groups add.
COMMANDS = frozenset(
    {
        # reader.cli.articles
        "import", "list", "show", "export", "search", "check", "backup",
        # reader.cli.flags
        "annotate", "annotations", "delete-annotation",
        # reader.cli.suggestions
        "suggest", "suggestions-learning", "lock-suggestions", "unlock-suggestions",
        # reader.cli.app
        "screenshot",
        # reader.cli.classroom
        "assign", "assignments", "hand-in", "collect", "class", "report", "release-key",
        "use-as-key", "feedback",
        # reader.cli.compare
        "compare", "diff",
    }
)  # fmt: skip


def build_parser() -> ArgumentParser:
    # the groups are imported here, not at the top: `reader` alone never builds this parser
    from reader.cli import app, articles, classroom, compare, flags, suggestions

    parser = ArgumentParser(
        prog="reader",
        description="Annotated Reader: flag unsourced claims, opinion and context in news "
        "articles. Without a command, opens the app (on FILE if given; two files side by side).",
    )
    parser.add_argument(
        "--db", metavar="PATH", help="library file (default: $READER_DB or the user data folder)"
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=ArgumentParser
    )
    for group in (articles, flags, suggestions, app, classroom, compare):
        group.add_commands(subparsers)
    return parser
