"""A short article about a bridge, and flags on it, for the tests of the storage."""

from reader.anchoring.selectors import anchor_for_quote
from reader.core.models import Annotation, ArticleMeta, Kind, SourceFormat
from reader.storage.library import Library

BODY = "# Bridge\n\nThe bridge cost *40 million dollars*, officials said.\n\nResidents cheered."


def meta(markdown: str = BODY, path: str = "/tmp/bridge.md") -> ArticleMeta:
    return ArticleMeta(
        title="Bridge", markdown=markdown, source_format=SourceFormat.MARKDOWN, source_path=path
    )


def flag(
    library: Library, article_id: int, quote: str, occurrence: int | None = None, **extra: object
) -> Annotation:
    text = library.article(article_id).text
    annotation = Annotation(
        article_id=article_id,
        kind=Kind.UNSOURCED_CLAIM,
        anchor=anchor_for_quote(text, quote, occurrence),
        **extra,  # type: ignore[arg-type]
    )
    library.add_annotation(annotation)
    return annotation
