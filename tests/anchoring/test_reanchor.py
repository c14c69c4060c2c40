from reader.anchoring.reanchor import Method, reanchor
from reader.anchoring.selectors import anchor_for_quote, make_anchor

BASE = (
    "The mayor opened the new bridge on Monday. Officials said it cost 40 million dollars, "
    "far more than planned. Residents cheered as the first cars crossed the river."
)


def test_unchanged_text_keeps_the_position() -> None:
    anchor = anchor_for_quote(BASE, "it cost 40 million dollars")
    result = reanchor(anchor, BASE)
    assert result.method is Method.POSITION
    assert result.anchor == anchor


def test_words_inserted_before_the_passage_move_it() -> None:
    anchor = anchor_for_quote(BASE, "it cost 40 million dollars")
    edited = "UPDATED: " + BASE.replace("on Monday", "on a rainy Monday morning")
    result = reanchor(anchor, edited)
    assert result.method is Method.EXACT
    assert result.anchor is not None
    assert edited[result.anchor.start : result.anchor.end] == "it cost 40 million dollars"
    assert result.anchor.prefix.endswith("Officials said ")


def test_words_inserted_inside_the_passage_match_fuzzily() -> None:
    anchor = anchor_for_quote(BASE, "it cost 40 million dollars, far more than planned")
    edited = BASE.replace("40 million dollars", "40 million US dollars")
    result = reanchor(anchor, edited)
    assert result.method is Method.FUZZY
    assert result.anchor is not None
    assert result.anchor.exact == "it cost 40 million US dollars, far more than planned"
    assert 0.7 <= result.score < 1.0


def test_passage_reworded_a_little_is_found() -> None:
    anchor = anchor_for_quote(BASE, "Residents cheered as the first cars crossed the river.")
    edited = BASE.replace(
        "Residents cheered as the first cars crossed the river.",
        "Residents cheered when the first cars crossed the river.",
    )
    result = reanchor(anchor, edited)
    assert result.anchor is not None
    assert result.anchor.exact == "Residents cheered when the first cars crossed the river."


def test_deleted_passage_is_orphaned() -> None:
    anchor = anchor_for_quote(BASE, "Residents cheered as the first cars crossed the river.")
    edited = BASE.replace(" Residents cheered as the first cars crossed the river.", "")
    result = reanchor(anchor, edited)
    assert result.method is Method.ORPHANED
    assert result.anchor is None


def test_repeated_sentence_picks_the_occurrence_nearest_the_old_position() -> None:
    sentence = "Prices rose again."
    text = f"{sentence} Then came the storm. {sentence} Nobody expected it."
    anchor = anchor_for_quote(text, sentence, occurrence=2)
    edited = "Breaking. " + text.replace("Then came", "Then, without warning, came")
    result = reanchor(anchor, edited)
    assert result.anchor is not None
    second = edited.rfind(sentence)
    assert result.anchor.start == second


def test_emoji_and_accents_count_code_points() -> None:
    text = "Zoë posted 😢 about the café closing. José replied 👍 within minutes."
    anchor = anchor_for_quote(text, "José replied 👍 within minutes")
    assert text[anchor.start : anchor.end] == anchor.exact
    edited = "🎉🎉 " + text
    result = reanchor(anchor, edited)
    assert result.anchor is not None
    assert result.anchor.start == anchor.start + 3
    assert edited[result.anchor.start : result.anchor.end] == "José replied 👍 within minutes"


def test_prefix_and_suffix_hold_32_code_points() -> None:
    text = "a" * 50 + "QUOTE" + "b" * 50
    anchor = make_anchor(text, 50, 55)
    assert anchor.prefix == "a" * 32
    assert anchor.suffix == "b" * 32
