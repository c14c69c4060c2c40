"""Reading back what a teacher decided about suggestions (reader.storage.decisions)."""

from pathlib import Path

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, ArticleMeta, Kind, LayerKind, SourceFormat, Status
from reader.storage.decisions import decided_flags
from reader.storage.library import Library

TEXT = "Crime fell 40 percent. What a triumph! Ask the mayor. It rained."


def test_her_layers_and_the_suggestions_layer_are_read_not_students_or_imported(
    library: Library, tmp_path: Path
) -> None:
    ids = []
    for title in ("One", "Two"):
        meta = ArticleMeta(
            title=title,
            markdown=f"{TEXT} {title}.",
            source_format=SourceFormat.MARKDOWN,
            source_path=f"/{title}.md",
        )
        ids.append(library.import_article(meta).article.id)
    text = library.article(ids[0]).text  # the second's begins the same

    def flag(article_id: int, quote: str, kind: Kind, layer: str, status: Status) -> Annotation:
        start = text.index(quote)
        anchor = make_anchor(text, start, start + len(quote))
        return Annotation(article_id, kind, anchor, layer=layer, status=status)

    kept = [
        flag(ids[1], "Crime fell", Kind.UNSOURCED_CLAIM, LayerKind.MINE, Status.ACTIVE),
        flag(ids[0], "triumph", Kind.OPINION, LayerKind.SUGGESTIONS, Status.DISMISSED),
        flag(ids[0], "Crime fell", Kind.UNSOURCED_CLAIM, LayerKind.SUGGESTIONS, Status.SUGGESTED),
        flag(ids[0], "What a", Kind.OPINION, LayerKind.KEY, Status.ACTIVE),
    ]
    left_out = [
        flag(ids[0], "It rained", Kind.OPINION, "ana", Status.ACTIVE),  # a student's hand-in
        flag(ids[0], "It rained", Kind.OPINION, LayerKind.IMPORTED, Status.ACTIVE),
        flag(ids[0], "Ask the mayor", Kind.CONTEXT_NOTE, LayerKind.MINE, Status.ACTIVE),
    ]
    library.add_annotations(kept + left_out)
    found = decided_flags(library.conn)
    assert [(f.article_id, f.anchor.exact, f.layer) for f in found] == [
        (ids[0], "Crime fell", "suggestions"),
        (ids[0], "What a", "key"),
        (ids[0], "triumph", "suggestions"),
        (ids[1], "Crime fell", "mine"),
    ]
    assert decided_flags(Library.open(tmp_path / "empty.sqlite").conn) == []
