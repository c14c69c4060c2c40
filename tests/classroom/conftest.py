"""A small article with a teacher's key, shared by the classroom tests."""

from __future__ import annotations

from reader.core.models import Annotation, Article, Kind, LayerKind
from tests.conftest import build_article, flag_quote

# The title is the text's first block; no byline, so the text is the title and the body.
ARTICLE_MARKDOWN = (
    "The town spent 2 million euros on new school kitchens last year. "
    "Everyone agrees the food is now the best in the country. "
    "The mayor said the kitchens were finished on time.\n\n"
    "Parents were asked in a survey. "
    "Critics call the plan a shameful waste of money. "
    "The kitchens replaced ones built in 1975."
)


def lunch_article() -> Article:
    return build_article(
        ARTICLE_MARKDOWN,
        title="School lunches",
        author="",
        publication="",
        published="",
        url="https://news.example/lunch",
    )


def key_flags(article: Article) -> list[Annotation]:
    """The teacher's key: three flags, one of each kind, with notes and tags."""
    key = LayerKind.KEY.value
    return [
        flag_quote(
            article,
            "The town spent 2 million euros on new school kitchens last year.",
            Kind.UNSOURCED_CLAIM,
            layer=key,
            note="KEYNOTE-figure: where does the 2 million come from?",
            tags=["KEYTAG-money"],
        ),
        flag_quote(
            article,
            "Everyone agrees the food is now the best in the country.",
            Kind.OPINION,
            layer=key,
            note="KEYNOTE-sweeping: everyone? best?",
        ),
        flag_quote(
            article,
            "The kitchens replaced ones built in 1975.",
            Kind.CONTEXT_NOTE,
            layer=key,
            note="KEYNOTE-age: fifty years old",
        ),
    ]
