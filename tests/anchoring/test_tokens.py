from __future__ import annotations

from reader.anchoring.tokens import block_sentences, quick_block_sentences, tokenize
from reader.core.shipped import SAMPLE_ARTICLES
from reader.detectors.attribution import find_attributions, find_quotes


def _attributions(sentence: str) -> list[tuple[str, bool]]:
    quotes = find_quotes(sentence)
    return [(a.text, a.vague) for a in find_attributions(sentence, tokenize(sentence), quotes)]


def test_block_sentences_offsets_exact() -> None:
    text = "  Première phrase 😀 ici. Deuxième “phrase” là!\n\nTitle\n\n• Item one. Item two?"
    blocks = block_sentences(text)
    sentences = [[text[s:e] for s, e in block] for block in blocks]
    assert sentences == [
        ["Première phrase 😀 ici.", "Deuxième “phrase” là!"],
        ["Title"],
        ["• Item one.", "Item two?"],
    ]


def test_tokens_fold_numbers_and_keep_offsets() -> None:
    text = "They’ll pay $5 million, 12% more than in 2019."
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == [
        "they'll", "pay", "$", "<num>", "million", "<pct>", "more", "than", "in", "<year>",
    ]  # fmt: skip
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_quotes_found_and_multi_sentence_flags() -> None:
    assert find_quotes("He called it “a disgrace” today.").spans == ((13, 25),)
    opening = find_quotes("“This is the first sentence.")
    assert opening.runs_on and not opening.opens_before
    closing = find_quotes("And the second,” she said.")
    assert closing.opens_before and not closing.runs_on


def test_named_and_vague_attribution() -> None:
    assert _attributions("“We will win,” Marco Rubio said.") == [("Marco Rubio said", False)]
    assert _attributions("Prices doubled, said the minister.") == [("said the minister", False)]
    assert _attributions("According to the World Bank, growth slowed.") == [
        ("According to the World Bank", False)
    ]
    assert _attributions("The plan has been praised for its ambition.") == [
        ("has been praised", True)
    ]
    assert _attributions("Critics say the plan failed.") == [("Critics say", True)]
    assert _attributions("He is widely seen as a reformer.") == [("is widely seen as", True)]
    assert _attributions("The plan faced criticism from Senator Jane Doe.") == [
        ("faced criticism from Senator Jane Doe", False)
    ]


def test_no_attribution_in_plain_claim() -> None:
    assert _attributions("The United States jailed 80,000 people in 2019.") == []


def test_a_block_of_one_sentence_is_one_span_as_the_segmenter_would_say() -> None:
    from reader.anchoring.tokens import _segmenter

    blocks = [
        "Harbour board delays vote on ferry fares",
        "  The council met on Tuesday (for the third time this month)  ",
        "“The fares will rise,” the operator said",
        "Fares rose 4.5% in 2024, the operator says.",
        "It was never about the money, she wrote.”",
        "We would have paid for the new boats ourselves.]",
        "(Applause) And so the board begins again",
    ]
    for block in blocks:
        text = f"Intro sentence one. Intro two!\n\n{block}\n\nLast one."
        spans = block_sentences(text)[1]
        expected = [piece.strip() for piece in _segmenter().segment(block.strip())]
        assert [text[start:end] for start, end in spans] == expected


def test_a_block_cut_at_sure_stops_splits_as_the_segmenter_does_on_the_whole_block() -> None:
    from reader.anchoring.tokens import _segmenter

    blocks = [
        "The council met on Tuesday. Dr. Smith said the figure was 3.5 per cent. It rose.",
        "Mr. J. R. Jones arrived at 5 p.m. and left. Prices rose... then fell. Nobody knew.",
        "It cost $4.2 billion, the U.S. agency said. The plan failed. Gen. Lee and Capt. "
        "Ahab met. It was approx. ten miles.",
        "“We will not stop,” she said. “We tried. Then we failed,” he said. They left.",
        '"It is over. We lost." The crowd cheered. "Again?" Nobody knew.',
        "The plan (announced in the spring. Later dropped) failed. The report [see the annex. "
        "Part two] was late. It ended.",
        # a closing quote before an opening one: the segmenter pairs the opening with the
        # next closing, after the stop
        "Since 1910,” says the report, “the picture has changed … until today there are many "
        "with this form of taxation. The warrants note that, “the money went elsewhere.”",
        "He said 'no way' and left. Then she came. ‘Quoted’ words, she said. It ended.",
        "The band -- loud as ever -- played. Fans danced. The end came.",
        "We saw no. Seven players. It was fig. Four in the report. The word etc. Ends.",
        "«Non», dit-il. Puis il partit. Ms. Chen went to Washington. She stayed a week.",
        "1. First point here. 2. Second point here. i. First item. ii. Second item.",
    ]
    for block in blocks:
        text = f"Intro sentence one. Intro two!\n\n{block}\n\nLast one."
        spans = block_sentences(text)[1]
        expected = [piece.strip() for piece in _segmenter().segment(block)]
        assert [text[start:end] for start, end in spans] == expected


def test_a_quick_split_is_the_split_or_none_when_it_could_take_long() -> None:
    text = "\n\n".join(
        path.read_text(encoding="utf-8") for path in sorted(SAMPLE_ARTICLES.glob("*.md"))
    )
    longest = max(len(block) for block in text.split("\n\n"))

    assert quick_block_sentences(text, 60.0, longest) == block_sentences(text)
    assert quick_block_sentences(text, 60.0, longest - 1) is None  # a block too long
    assert quick_block_sentences(text, 0.0, longest) is None  # out of time


def test_a_paragraph_too_long_for_the_segmenter_is_cut_where_sentences_end() -> None:
    # a hostile paragraph: the segmenter alone takes minutes over 2,000 short exclamations
    block = "Wow! " * 2000
    [spans] = block_sentences(block)
    assert [block[start:end] for start, end in spans] == ["Wow!"] * 2000
    # with no sentence end within reach, at a space, and no text is lost
    words = " ".join(["word"] * 3000)
    [parts] = block_sentences(words)
    assert len(parts) > 1 and all(end - start <= 3000 for start, end in parts)
    assert " ".join(words[start:end] for start, end in parts) == words
