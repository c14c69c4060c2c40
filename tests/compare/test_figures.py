from reader.compare.figures import figures, only_in, sources
from tests.compare.articles import FLOOD_A, FLOOD_B, PROTEST_A, PROTEST_B


def test_flood_reports_differ_in_the_evacuated_count_and_their_sources() -> None:
    found = only_in(FLOOD_A, FLOOD_B)

    assert [f.text for f in found.figures_a] == ["2,000 residents"]
    assert [f.text for f in found.figures_b] == ["3,500 residents"]
    assert [s.name for s in found.sources_a] == ["Environment Agency"]
    assert [s.name for s in found.sources_b] == ["Met Office"]


def test_protest_reports_the_arrests_only_in_a_and_the_rights_group_only_in_b() -> None:
    found = only_in(PROTEST_A, PROTEST_B)

    assert [f.text for f in found.figures_a] == ["80,000 arrests"]
    assert found.figures_b == []
    assert found.sources_a == []  # "the interior ministry" is no capitalised name
    assert [s.name for s in found.sources_b] == ["Human Rights Watch"]


def test_places_point_into_the_text() -> None:
    for figure in figures(FLOOD_A):
        assert FLOOD_A[figure.start : figure.end] == figure.text
    for source in sources(FLOOD_B):
        assert FLOOD_B[source.start : source.end] == source.name
    cited = "Mayor Ana Lima opened it. Lima said it was late."
    [mayor] = sources(cited)
    assert (mayor.name, cited[mayor.start : mayor.end]) == ("Mayor Ana Lima", "Lima")


def test_a_figure_is_its_value_whatever_the_words_around_it() -> None:
    text = "Prices rose 12% to $5 billion, and 1,200 pounds of chemicals were stolen."
    same = "Prices rose 12 percent to $5,000,000,000; 1200 pounds were taken."

    assert [(f.value, f.percent) for f in figures(text)] == [
        (12.0, True),
        (5e9, False),
        (1200.0, False),
    ]
    assert only_in(text, same).figures_a == only_in(text, same).figures_b == []


def test_different_figures_are_listed_on_their_own_side() -> None:
    found = only_in("Thieves took 1,200 pounds of it.", "Thieves took 1,100 pounds of it.")

    assert [f.text for f in found.figures_a] == ["1,200 pounds"]
    assert [f.text for f in found.figures_b] == ["1,100 pounds"]


def test_times_and_labels_with_digits_are_no_figures() -> None:
    assert figures("At 10:06 a.m. the Q2 report came out.") == []


def test_a_figure_keeps_no_function_word_for_its_unit() -> None:
    assert [f.text for f in figures("It happened in 2002 and again.")] == ["2002"]
    assert [f.text for f in figures("Since 2019 leading firms grew 5% a year.")] == [
        "2019",
        "5%",
    ]


def test_dates_ranges_and_times_are_no_figures() -> None:
    text = "On Jan. 21 the council voted 5–2 on the 2025–26 budget at 8 p.m. for 12 schools."

    assert [f.text for f in figures(text)] == ["12 schools"]


def test_sources_before_after_and_after_according_to() -> None:
    text = (
        '"We are ready," said Chris Butler. According to the Centers for Disease Control and '
        "Prevention, cases rose. Mr. Reed told reporters so. She said nothing, police said "
        "on Friday."
    )

    assert [s.name for s in sources(text)] == [
        "Chris Butler",
        "Centers for Disease Control and Prevention",
        "Reed",
    ]


def test_a_person_named_by_surname_in_the_other_article_is_shared() -> None:
    found = only_in("Fred Eckhard said troops arrived.", "Troops arrived, Mr Eckhard said.")

    assert found.sources_a == found.sources_b == []


def test_figures_and_sources_before_the_start_are_left_out() -> None:
    header = "By Ana Lima, who said 12 things\n\n"
    found = only_in(header + PROTEST_A, PROTEST_B, start_a=len(header))

    assert [f.text for f in found.figures_a] == ["80,000 arrests"]
    assert found.sources_a == []
    assert found.figures_a[0].start == len(header) + PROTEST_A.index("80,000")
