"""Export an article's flags as a W3C Web Annotation ``AnnotationCollection`` (JSON-LD).

The shape, which :mod:`reader.w3c.reading` reads back::

    {
      "@context": ["http://www.w3.org/ns/anno.jsonld",
                   {"reader": "urn:annotated-reader:",
                    "reader:reasons": {"@container": "@list"}}],
      "id": "urn:uuid:<uuid5 of the target source>",
      "type": "AnnotationCollection",
      "label": "<article title>",
      "total": 1,
      "first": {
        "id": "urn:uuid:<uuid5 of the target source + '#page-1'>",
        "type": "AnnotationPage",
        "startIndex": 0,
        "items": [{
          "id": "urn:uuid:<flag uuid>",
          "type": "Annotation",
          "motivation": "classifying",
          "created": "...Z", "modified": "...Z",
          "creator": {"type": "Person", "name": "<author>"},        # only with an author
          "body": [
            {"type": "TextualBody", "purpose": "classifying", "value": "unsourced_claim"},
            {"type": "TextualBody", "purpose": "commenting",
             "format": "text/markdown", "value": "<note>"},         # only with a note
            {"type": "TextualBody", "purpose": "tagging", "value": "<tag>"},  # one per tag
            {"type": "SpecificResource", "purpose": "linking", "source": "<http(s) URL>"}
          ],
          "target": {"source": "<article url, or urn:sha256:<hash of the canonical text>>",
                     "selector": [{"type": "TextPositionSelector", "start": 0, "end": 5},
                                  {"type": "TextQuoteSelector", "exact": "...",
                                   "prefix": "...", "suffix": "..."}]},
          "reader:layer": "mine",
          "reader:status": "active",
          "reader:score": 0.8,                 # only when the flag has a score
          "reader:reasons": ["..."]            # only when it has reasons
        }]
      }
    }

The flag's source (a URL or a citation) is a ``linking`` body: an http(s) URL
as a ``SpecificResource`` whose ``source`` is the URL, anything else (a
citation) as a ``TextualBody`` whose ``value`` is the text.  Our own fields use
the ``reader`` prefix declared in the second ``@context`` entry.  Items are
sorted by start, then UUID, so the same flags always give the same file.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from typing import Any

from reader.core.models import Annotation, Article

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
READER_PREFIX = "reader"
READER_NAMESPACE = "urn:annotated-reader:"
LAYER_KEY = f"{READER_PREFIX}:layer"
STATUS_KEY = f"{READER_PREFIX}:status"
SCORE_KEY = f"{READER_PREFIX}:score"
REASONS_KEY = f"{READER_PREFIX}:reasons"
SHA256_URN_PREFIX = "urn:sha256:"
UUID_URN_PREFIX = "urn:uuid:"

URL_PATTERN = re.compile(r"https?://\S+", re.IGNORECASE)


def reader_context() -> dict[str, Any]:
    """The second ``@context`` entry: our prefix, and ``reasons`` kept as an ordered list."""
    return {READER_PREFIX: READER_NAMESPACE, REASONS_KEY: {"@container": "@list"}}


def target_source(article: Article) -> str:
    """The IRI flags point at: the article's URL, else the hash of its canonical text."""
    return article.url or SHA256_URN_PREFIX + article.sha256


def is_url(source: str) -> bool:
    return URL_PATTERN.fullmatch(source) is not None


def source_body(source: str) -> dict[str, Any]:
    if is_url(source):
        return {"type": "SpecificResource", "purpose": "linking", "source": source}
    return {"type": "TextualBody", "purpose": "linking", "value": source}


def annotation_item(annotation: Annotation, source: str) -> dict[str, Any]:
    anchor = annotation.anchor
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "classifying", "value": annotation.kind.value}
    ]
    if annotation.note:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "format": "text/markdown",
                "value": annotation.note,
            }
        )
    bodies.extend(
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in annotation.tags
    )
    if annotation.source:
        bodies.append(source_body(annotation.source))

    item: dict[str, Any] = {
        "id": UUID_URN_PREFIX + annotation.uuid,
        "type": "Annotation",
        "motivation": "classifying",
        "created": annotation.created,
        "modified": annotation.updated,
    }
    if annotation.author:
        item["creator"] = {"type": "Person", "name": annotation.author}
    item["body"] = bodies
    item["target"] = {
        "source": source,
        "selector": [
            {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end},
            {
                "type": "TextQuoteSelector",
                "exact": anchor.exact,
                "prefix": anchor.prefix,
                "suffix": anchor.suffix,
            },
        ],
    }
    item[LAYER_KEY] = annotation.layer
    item[STATUS_KEY] = annotation.status.value
    if annotation.score is not None:
        item[SCORE_KEY] = annotation.score
    if annotation.reasons:
        item[REASONS_KEY] = list(annotation.reasons)
    return item


def to_w3c(article: Article, annotations: Sequence[Annotation]) -> dict[str, Any]:
    """The flags on ``article`` as one JSON-LD ``AnnotationCollection`` with a single page."""
    source = target_source(article)
    ordered = sorted(annotations, key=lambda a: (a.anchor.start, a.uuid))
    collection_id = uuid.uuid5(uuid.NAMESPACE_URL, source)
    page_id = uuid.uuid5(uuid.NAMESPACE_URL, source + "#page-1")
    return {
        "@context": [ANNO_CONTEXT, reader_context()],
        "id": UUID_URN_PREFIX + str(collection_id),
        "type": "AnnotationCollection",
        "label": article.title,
        "total": len(ordered),
        "first": {
            "id": UUID_URN_PREFIX + str(page_id),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [annotation_item(a, source) for a in ordered],
        },
    }


def dumps_w3c(article: Article, annotations: Sequence[Annotation]) -> str:
    """:func:`to_w3c` as UTF-8-ready JSON text (non-ASCII kept as is), ending in a newline."""
    return json.dumps(to_w3c(article, annotations), ensure_ascii=False, indent=2) + "\n"
