"""Articles and flags in and out of the library, through files: shared by the CLI and the app.

* import an article file (any supported kind) as a new article or a new version;
* import a W3C flag file onto the article it points at, re-anchoring its flags;
* export an article's flags as W3C JSON-LD, Markdown or CSV, written atomically.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reader.anchoring.reanchor import SearchBudget, reanchor
from reader.core.models import (
    PROGRESS_EVERY,
    Anchor,
    Annotation,
    Progress,
    ReaderError,
    Stage,
    Status,
    no_progress,
)
from reader.exporters.csv_export import to_csv
from reader.exporters.markdown_export import to_markdown
from reader.importers.articles import read_article_file
from reader.storage.library import ImportOutcome, ImportResult, Library
from reader.w3c.reading import ParsedFlag, read_flag_file
from reader.w3c.writing import SHA256_URN_PREFIX, dumps_w3c

# Articles


def import_article_file(
    library: Library, path: Path, progress: Progress | None = None
) -> ImportResult:
    """Import the article at ``path``. ``progress`` is told how it goes and may raise
    :class:`reader.core.models.Cancelled` to stop it: then nothing is written."""
    report = progress or no_progress
    report(Stage.READING, 0, 1)
    meta = read_article_file(path)
    report(Stage.READING, 1, 1)
    return library.import_article(meta, report)


def describe_import(result: ImportResult) -> str:
    """What an import did, in one line for the user."""
    article = result.article
    if result.outcome is ImportOutcome.UNCHANGED:
        return f"unchanged: {article.title!r} (id {article.id}) is already in the library"
    if result.outcome is ImportOutcome.METADATA_UPDATED:
        return f"same text; title and details of {article.title!r} (id {article.id}) updated"
    if result.outcome is ImportOutcome.NEW:
        return f"imported {article.title!r} as id {article.id}"
    return (
        f"new version {article.version} of {article.title!r} (id {article.id}): "
        f"{result.reanchored} flags moved, {result.orphaned} orphaned"
    )


# Flags

FLAG_SUFFIXES = frozenset({".json", ".jsonld"})


@dataclass
class FlagImportResult:
    article_id: int
    added: int
    skipped: int
    orphaned: int


def is_flag_file(path: Path) -> bool:
    return path.suffix.lower() in FLAG_SUFFIXES


def target_article(library: Library, source: str) -> int | None:
    if source.startswith(SHA256_URN_PREFIX):
        return library.article_by_hash(source.removeprefix(SHA256_URN_PREFIX))
    return library.article_by_url(source)


def import_flag_file(
    library: Library, path: Path, progress: Progress | None = None
) -> FlagImportResult:
    """Add the flags of a W3C file to the article they point at, all of them or none.
    ``progress`` is as for :func:`import_article_file`."""
    report = progress or no_progress
    report(Stage.READING, 0, 1)
    flags = read_flag_file(path)
    report(Stage.READING, 1, 1)
    if not flags:
        raise ReaderError(f"{path.name} holds no flags")
    sources = {flag.target_source for flag in flags}
    if len(sources) > 1:
        raise ReaderError(f"{path.name} holds flags for {len(sources)} different articles")
    source = sources.pop()
    article_id = target_article(library, source)
    if article_id is None:
        raise ReaderError(
            f"{path.name} points at an article that is not in the library ({source}); "
            "import the article first"
        )
    text = library.article(article_id).text
    existing = {annotation.uuid for annotation in library.annotations(article_id)}
    wanted = [flag for flag in flags if flag.uuid not in existing]
    new: list[Annotation] = []
    budget = SearchBudget()  # one for all the flags of the file
    for done, flag in enumerate(wanted):
        if done % PROGRESS_EVERY == 0:
            report(Stage.REANCHORING, done, len(wanted))
        new.append(annotation_from_flag(flag, article_id, text, budget))
    report(Stage.REANCHORING, len(wanted), len(wanted))
    report(Stage.SAVING, 0, 1)  # the last moment a cancel leaves everything as it was
    library.add_annotations(new)
    orphaned = sum(1 for annotation in new if annotation.status is Status.ORPHANED)
    return FlagImportResult(article_id, len(new), len(flags) - len(new), orphaned)


def annotation_from_flag(
    flag: ParsedFlag, article_id: int, text: str, budget: SearchBudget
) -> Annotation:
    """The flag as an annotation of the article, re-anchored if the text has changed since."""
    anchor: Anchor = flag.anchor
    status = flag.status
    if status is not Status.ORPHANED:
        placed = reanchor(anchor, text, budget)
        if placed.anchor is None:
            status = Status.ORPHANED
        else:
            anchor = placed.anchor
    return Annotation(
        article_id=article_id,
        kind=flag.kind,
        anchor=anchor,
        layer=flag.layer,
        note=flag.note,
        tags=list(flag.tags),
        source=flag.source,
        status=status,
        score=flag.score,
        reasons=list(flag.reasons),
        author=flag.author,
        uuid=flag.uuid,
        created=flag.created,
        updated=flag.updated,
    )


# Export


class ExportFormat(StrEnum):
    W3C = "w3c"
    MARKDOWN = "markdown"
    CSV = "csv"

    @property
    def suffix(self) -> str:
        suffixes = {
            ExportFormat.W3C: ".json",
            ExportFormat.MARKDOWN: ".md",
            ExportFormat.CSV: ".csv",
        }
        return suffixes[self]


EXPORTED_STATUSES = frozenset({Status.ACTIVE, Status.ORPHANED})


def export_text(library: Library, article_id: int, export_format: ExportFormat) -> str:
    """The article's flags in the format; open or dismissed suggestions are not flags yet."""
    article = library.article(article_id)
    annotations = [a for a in library.annotations(article_id) if a.status in EXPORTED_STATUSES]
    if export_format is ExportFormat.W3C:
        return dumps_w3c(article, annotations)
    if export_format is ExportFormat.MARKDOWN:
        return to_markdown(article, annotations)
    return to_csv(article, annotations)


def write_file_atomically(path: Path, content: str) -> None:
    """Write through a temporary file and a rename, so a failed write leaves no half file."""
    path = path.expanduser()
    if path.is_dir():
        raise ReaderError(f"{path} is a folder")
    if not path.parent.is_dir():
        raise ReaderError(f"folder {path.parent} does not exist")
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.chmod(temporary, 0o666 & ~current_umask())  # mkstemp makes it private
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ReaderError(f"cannot write {path}: {error.strerror}") from None


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
