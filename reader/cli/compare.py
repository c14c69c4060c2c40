"""The comparing commands: ``reader compare ID_A ID_B`` (matched sentences, sentences,
figures and sources only in one) and ``reader diff ID [--from N] [--to M]`` (what
changed between two versions, and what became of the flags).

The handlers print what :mod:`reader.services.compare` returns, as text or ``--json``;
user errors are ReaderErrors, printed by ``reader.cli.main.main``.
"""

from __future__ import annotations

import argparse
from typing import Any

from reader.anchoring.selectors import shorten
from reader.cli.command import Subparsers, add_command, open_library
from reader.cli.output import print_json
from reader.compare.figures import Figure, Source
from reader.compare.matching import Sentence
from reader.compare.versions import Change, ChangeKind, FlagChange
from reader.core.models import Anchor, Article
from reader.services import compare as service

QUOTE = 70  # characters of a sentence or passage shown in the text output


def add_commands(subparsers: Subparsers) -> None:
    sub = add_command(
        subparsers,
        "compare",
        cmd_compare,
        "pair the sentences of two articles; what is only in one",
        json=True,
    )
    sub.add_argument("id_a", type=int, metavar="ID_A")
    sub.add_argument("id_b", type=int, metavar="ID_B")

    sub = add_command(
        subparsers, "diff", cmd_diff, "what changed between two versions of an article", json=True
    )
    sub.add_argument("id", type=int, metavar="ID")
    sub.add_argument(
        "--from", dest="old", type=int, metavar="N", help="the older version (default: M - 1)"
    )
    sub.add_argument(
        "--to", dest="new", type=int, metavar="M", help="the newer version (default: the latest)"
    )


# reader compare


def cmd_compare(args: argparse.Namespace) -> int:
    found = service.compare_articles(open_library(args, read_only=True), args.id_a, args.id_b)
    match, only = found.sentences, found.only
    if args.json:
        print_json(
            {
                "a": article_dict(found.a),
                "b": article_dict(found.b),
                "pairs": [
                    {"score": round(p.score, 3), "a": sentence_dict(p.a), "b": sentence_dict(p.b)}
                    for p in match.pairs
                ],
                "only_in_a": [sentence_dict(s) for s in match.only_a],
                "only_in_b": [sentence_dict(s) for s in match.only_b],
                "figures_only_in_a": [figure_dict(f) for f in only.figures_a],
                "figures_only_in_b": [figure_dict(f) for f in only.figures_b],
                "sources_only_in_a": [source_dict(s) for s in only.sources_a],
                "sources_only_in_b": [source_dict(s) for s in only.sources_b],
            }
        )
        return 0
    print(f"A: {article_line(found.a)}")
    print(f"B: {article_line(found.b)}")
    print(f"\nSay the same thing ({len(match.pairs)} pairs, best first):")
    for pair in match.pairs:
        print(f"  {pair.score:.2f}  A: “{shorten(pair.a.text, QUOTE)}”")
        print(f"        B: “{shorten(pair.b.text, QUOTE)}”")
    for side, sentences in (("A", match.only_a), ("B", match.only_b)):
        print(f"\nOnly in {side} ({len(sentences)} sentences):")
        for sentence in sentences:
            print(f"  “{shorten(sentence.text, QUOTE)}”")
    print()
    for side, figures, sources in (
        ("A", only.figures_a, only.sources_a),
        ("B", only.figures_b, only.sources_b),
    ):
        print(f"Figures only in {side}: " + ("; ".join(f.text for f in figures) or "none"))
        print(f"Sources only in {side}: " + ("; ".join(s.name for s in sources) or "none"))
    return 0


def article_line(article: Article) -> str:
    byline = " · ".join(part for part in (article.publication, article.published) if part)
    return f"{article.id} “{article.title}”" + (f" ({byline})" if byline else "")


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "publication": article.publication,
        "published": article.published,
        "version": article.version,
    }


def sentence_dict(sentence: Sentence) -> dict[str, Any]:
    return {"start": sentence.start, "end": sentence.end, "text": sentence.text}


def figure_dict(figure: Figure) -> dict[str, Any]:
    return {"text": figure.text, "value": figure.value, "start": figure.start, "end": figure.end}


def source_dict(source: Source) -> dict[str, Any]:
    return {"name": source.name, "start": source.start, "end": source.end}


# reader diff


def cmd_diff(args: argparse.Namespace) -> int:
    found = service.compare_versions(
        open_library(args, read_only=True), args.id, args.old, args.new
    )
    changes, flags = found.diff.changes, found.diff.flags
    if args.json:
        print_json(
            {
                "article": article_dict(found.article),
                "from": found.old_version,
                "to": found.new_version,
                "changes": [change_dict(change) for change in changes],
                "flags": [flag_dict(flag) for flag in flags],
            }
        )
        return 0
    print(f"{article_line(found.article)}: version {found.old_version} → {found.new_version}")
    print(f"\nChanges ({len(changes)}; - deleted, + inserted):")
    for change in changes:
        sign = "-" if change.kind is ChangeKind.DELETED else "+"
        print(f"  {sign} “{shorten(' '.join(change.text.split()), QUOTE)}”")
    print(f"\nFlags ({len(flags)}):")
    for flag in flags:
        kind = flag.annotation.kind.value
        line = f"  {flag.fate.value:<8}  {kind:<15} “{shorten(flag.old.exact, QUOTE // 2)}”"
        if flag.new is not None and flag.new.exact != flag.old.exact:
            line += f" → “{shorten(flag.new.exact, QUOTE // 2)}”"
        print(line)
    return 0


def change_dict(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind.value,
        "text": change.text,
        "old_start": change.old_start,
        "old_end": change.old_end,
        "new_start": change.new_start,
        "new_end": change.new_end,
    }


def anchor_dict(anchor: Anchor | None) -> dict[str, Any] | None:
    if anchor is None:
        return None
    return {"start": anchor.start, "end": anchor.end, "exact": anchor.exact}


def flag_dict(flag: FlagChange) -> dict[str, Any]:
    return {
        "id": flag.annotation.uuid,
        "kind": flag.annotation.kind.value,
        "layer": flag.annotation.layer,
        "fate": flag.fate.value,
        "old": anchor_dict(flag.old),
        "new": anchor_dict(flag.new),
    }
