"""The matching rule: shared words within a sentence, kinds, and over-long flags."""

from __future__ import annotations

from reader.classroom.matching import (
    FlagOutcome,
    Footprint,
    KeyOutcome,
    Matching,
    SentenceUnits,
    match,
    shared_words,
)
from reader.core.models import Annotation, Article, Kind
from tests.classroom.conftest import key_flags, lunch_article
from tests.conftest import flag_quote


def run(article: Article, key: list[Annotation], flags: list[Annotation]) -> Matching:
    units = SentenceUnits(article.text)

    def placed(items: list[Annotation]) -> list[tuple[Annotation, Footprint]]:
        return [(a, units.footprint(a.anchor.start, a.anchor.end)) for a in items]

    return match(placed(key), placed(flags))


def test_sentences_and_words_of_the_article() -> None:
    article = lunch_article()
    units = SentenceUnits(article.text)
    sentences = [article.text[s:e] for s, e in units.sentences]
    assert sentences == [
        "School lunches",
        "The town spent 2 million euros on new school kitchens last year.",
        "Everyone agrees the food is now the best in the country.",
        "The mayor said the kitchens were finished on time.",
        "Parents were asked in a survey.",
        "Critics call the plan a shameful waste of money.",
        "The kitchens replaced ones built in 1975.",
    ]
    start = article.text.index("best in")
    # a word touched in part counts: "est in the coun" covers best, in, the, country
    footprint = units.footprint(start + 1, start + 16)
    assert footprint.sentences == {2} and len(footprint.words) == 4


def test_shared_words_needs_half_of_the_shorter_flag() -> None:
    article = lunch_article()
    units = SentenceUnits(article.text)
    sentence = "Critics call the plan a shameful waste of money."
    whole = units.footprint(article.text.index(sentence), article.text.index(sentence) + 48)

    def words(quote: str) -> int:
        start = article.text.index(quote)
        return shared_words(units.footprint(start, start + len(quote)), whole)

    assert words("shameful waste") == 2  # the loaded words inside the key's sentence
    assert words("Critics call the plan") == 4
    # two of the four words are in the key's sentence: half of the shorter flag
    assert words("of money. The kitchens") == 2
    # a selection spilling one word into the key's sentence: one of four is not enough
    assert words("money. The kitchens replaced") == 0


def test_found_other_kind_missed_and_extra() -> None:
    article = lunch_article()
    claim, opinion, context = key_flags(article)
    flags = [
        flag_quote(article, "2 million euros", Kind.UNSOURCED_CLAIM),  # inside the key's claim
        flag_quote(article, "the best in the country", Kind.UNSOURCED_CLAIM),  # kind differs
        flag_quote(article, "a shameful waste of money", Kind.OPINION),  # not in the key
    ]
    result = run(article, [claim, opinion, context], flags)
    assert result.key_outcomes == {
        claim.uuid: KeyOutcome.FOUND,
        opinion.uuid: KeyOutcome.OTHER_KIND,
        context.uuid: KeyOutcome.MISSED,
    }
    assert [result.flag_outcomes[f.uuid] for f in flags] == [
        FlagOutcome.MATCHES,
        FlagOutcome.OTHER_KIND,
        FlagOutcome.EXTRA,
    ]
    assert result.flags_for(claim.uuid) == [flags[0].uuid]


def test_a_same_kind_match_wins_over_an_other_kind_one() -> None:
    article = lunch_article()
    claim, opinion, _ = key_flags(article)
    both = flag_quote(article, "last year. Everyone agrees", Kind.OPINION)
    result = run(article, [claim, opinion], [both])
    assert result.flag_outcomes[both.uuid] is FlagOutcome.MATCHES
    assert result.key_outcomes == {
        claim.uuid: KeyOutcome.OTHER_KIND,
        opinion.uuid: KeyOutcome.FOUND,
    }
    assert result.links[both.uuid] == (opinion.uuid, claim.uuid)


def test_two_sentences_may_find_two_key_flags() -> None:
    article = lunch_article()
    claim, opinion, _ = key_flags(article)
    claim.kind = opinion.kind = Kind.OPINION
    pair = flag_quote(
        article,
        "The town spent 2 million euros on new school kitchens last year. "
        "Everyone agrees the food is now the best in the country.",
        Kind.OPINION,
    )
    result = run(article, [claim, opinion], [pair])
    assert set(result.key_outcomes.values()) == {KeyOutcome.FOUND}


def test_a_whole_paragraph_finds_one_key_flag_only() -> None:
    article = lunch_article()
    claim, opinion, context = key_flags(article)
    claim.kind = opinion.kind = Kind.OPINION
    paragraph = flag_quote(
        article,
        "The town spent 2 million euros on new school kitchens last year. "
        "Everyone agrees the food is now the best in the country. "
        "The mayor said the kitchens were finished on time.",
        Kind.OPINION,
    )
    result = run(article, [claim, opinion, context], [paragraph])
    # both key sentences lie in it; it counts for the one it shares most words with
    assert result.links[paragraph.uuid] == (claim.uuid,)
    assert result.key_outcomes == {
        claim.uuid: KeyOutcome.FOUND,
        opinion.uuid: KeyOutcome.MISSED,
        context.uuid: KeyOutcome.MISSED,
    }
    assert result.flag_outcomes[paragraph.uuid] is FlagOutcome.MATCHES


def test_a_flag_without_words_matches_nothing() -> None:
    article = lunch_article()
    key = key_flags(article)
    dot = flag_quote(article, ".", Kind.UNSOURCED_CLAIM)
    result = run(article, key, [dot])
    assert result.flag_outcomes[dot.uuid] is FlagOutcome.EXTRA
