import pytest

from reader.compare import matching
from reader.compare.matching import (
    MAX_SENTENCES,
    THRESHOLD,
    Sentence,
    match_sentences,
    pair_best_first,
    split_sentences,
    tfidf_scores,
)
from reader.core.models import ReaderError
from tests.compare.articles import FLOOD_A, FLOOD_B, PROTEST_A, PROTEST_B


def texts(sentences: list[Sentence]) -> list[str]:
    return [sentence.text for sentence in sentences]


def test_flood_reports_pair_the_sentences_that_say_the_same_thing() -> None:
    match = match_sentences(FLOOD_A, FLOOD_B)

    pairs = sorted((pair.a.index, pair.b.index) for pair in match.pairs)
    # homes flooded; residents evacuated (other figures); crews rescued 35 people
    assert pairs == [(0, 0), (1, 1), (2, 3)]
    assert texts(match.only_a) == [
        "The Environment Agency warned that river levels would keep rising until Thursday.",
        "Shopkeepers on the high street fear the damage will cost them months of trade.",
    ]
    assert texts(match.only_b) == [
        "Red Cross volunteers opened three shelters in school halls.",
        "The Met Office said more rain was expected on Friday.",
    ]


def test_protest_reports_pair_two_sentences_and_leave_the_rest_apart() -> None:
    match = match_sentences(PROTEST_A, PROTEST_B)

    assert sorted((pair.a.index, pair.b.index) for pair in match.pairs) == [(1, 0), (2, 2)]
    assert texts(match.only_a)[0].startswith("Police have made 80,000 arrests")
    assert texts(match.only_b)[0].startswith("Human Rights Watch said")


def test_pairs_come_best_first_with_scores_between_threshold_and_one() -> None:
    match = match_sentences(FLOOD_A, FLOOD_B)

    scores = [pair.score for pair in match.pairs]
    assert scores == sorted(scores, reverse=True)
    assert all(THRESHOLD <= score <= 1.0 for score in scores)


def test_sentences_carry_their_exact_place_in_the_text() -> None:
    for sentence in split_sentences(FLOOD_A):
        assert FLOOD_A[sentence.start : sentence.end] == sentence.text


def test_the_same_text_pairs_every_sentence_with_itself() -> None:
    match = match_sentences(FLOOD_A, FLOOD_A)

    assert sorted((p.a.index, p.b.index) for p in match.pairs) == [(i, i) for i in range(5)]
    assert all(abs(p.score - 1.0) < 1e-9 for p in match.pairs)
    assert match.only_a == match.only_b == []


def test_a_sentence_is_paired_once_even_when_two_others_resemble_it() -> None:
    scores = tfidf_scores(
        ["The council said 2,000 residents left."],
        ["The council said 2,000 residents left.", "The council said 2,000 residents left town."],
    )

    assert pair_best_first(scores, THRESHOLD) == [(0, 0, scores[0, 0])]


def test_sentences_sharing_no_word_are_not_scored() -> None:
    assert tfidf_scores(["Rain fell."], ["Markets closed higher."]) == {}


def test_an_empty_article_pairs_nothing() -> None:
    match = match_sentences("", PROTEST_B)

    assert match.pairs == [] and match.only_a == [] and len(match.only_b) == 3


def test_sentences_before_the_start_are_left_out() -> None:
    title = "Floods in the valley\n\n"
    match = match_sentences(title + FLOOD_A, FLOOD_B, start_a=len(title))

    assert [pair.a.start for pair in sorted(match.pairs, key=lambda p: p.a.index)] == [
        len(title) + FLOOD_A.index(sentence)
        for sentence in ("Heavy rain", "About 2,000", "Emergency crews")
    ]
    assert all(sentence.start >= len(title) for sentence in match.only_a)


def test_the_same_meaning_in_other_words_is_missed() -> None:
    # what README says the matching misses
    match = match_sentences("Stocks fell sharply.", "Shares dropped steeply.")

    assert match.pairs == []


def test_scores_below_the_threshold_are_not_kept() -> None:
    a = ["The council said 2,000 residents left.", "Rain fell on the valley."]
    b = ["The council said 2,000 residents left town."]

    every = tfidf_scores(a, b)
    kept = tfidf_scores(a, b, threshold=THRESHOLD)

    assert set(every) == {(0, 0), (1, 0)} and every[1, 0] < THRESHOLD
    assert kept == {(0, 0): every[0, 0]}


def test_an_article_too_long_to_compare_is_refused_in_one_line() -> None:
    long_text = "Rain fell. " * (MAX_SENTENCES + 1)

    with pytest.raises(ReaderError, match=f"the second article has {MAX_SENTENCES + 1:,} "):
        match_sentences(FLOOD_A, long_text)


# Found comparing real saved pages (benchmarks/data/real_pairs): two outlets tell the
# same fact in sentences that each add their own details, so their cosine is lower than
# a paraphrase's; and page furniture left in a page ("Digg |") is no sentence.

ZOO_A = """The zoo's director said initial findings suggested the 160kg tiger leaped or \
climbed out of its enclosure, perhaps by grabbing a ledge.

He said inspectors had never raised concerns about the wall.

The teenager's mother said Christmas would never be the same."""

ZOO_B = """Investigators believe the tiger leaped or climbed out of the enclosure, whose \
wall was four feet lower than the recommended minimum.

Toxicology results showed the driver's blood alcohol level was twice the legal limit.

A lawyer for the brothers did not return calls on Thursday."""


def test_the_same_fact_told_with_other_details_is_paired() -> None:
    match = match_sentences(ZOO_A, ZOO_B)

    assert [(pair.a.index, pair.b.index) for pair in match.pairs] == [(0, 0)]
    assert 0.2 < match.pairs[0].score < 0.35  # under the threshold MSRP alone chose


def test_fragments_of_page_furniture_are_neither_paired_nor_listed() -> None:
    a = "Digg |\n\nThe council closed the bridge on Monday after engineers found cracks."
    b = "Digg | Facebook | E-mail | Print\n\nEngineers found cracks; the council shut the bridge."

    match = match_sentences(a, b)

    assert [(pair.a.text[:3], pair.b.text[:3]) for pair in match.pairs] == [("The", "Eng")]
    assert match.only_a == []
    assert texts(match.only_b) == ["Digg | Facebook | E-mail | Print"]


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [(FLOOD_A, FLOOD_B), (PROTEST_A, PROTEST_B), (FLOOD_A + "\n\n" + PROTEST_B, PROTEST_A)],
)
def test_common_and_rare_words_score_alike_however_they_are_summed(
    monkeypatch: pytest.MonkeyPatch, text_a: str, text_b: str
) -> None:
    # common words add through a product of matrices, rare ones product by product
    sentences_a, sentences_b = texts(split_sentences(text_a)), texts(split_sentences(text_b))
    scores = tfidf_scores(sentences_a, sentences_b)
    monkeypatch.setattr(matching, "_DENSE_FROM", 1)  # every word through the matrices
    in_matrices = tfidf_scores(sentences_a, sentences_b)
    monkeypatch.setattr(matching, "_DENSE_PRODUCTS", 0)  # too many: none of them
    one_by_one = tfidf_scores(sentences_a, sentences_b)

    assert scores and scores == in_matrices == one_by_one
