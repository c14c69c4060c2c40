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


# Regressions found comparing real saved pages (benchmarks/data/real_pairs)


def test_a_currency_written_with_its_country_is_a_figure_without_the_next_word() -> None:
    text = (
        "Prices start at US$2,799 for a machine. The standard configuration starts at"
        " A$3,999 including GST."
    )

    assert [(f.text, f.value) for f in figures(text)] == [
        ("US$2,799", 2799.0),
        ("A$3,999", 3999.0),
    ]


def test_a_unit_written_against_its_number_is_read() -> None:
    text = "The 160kg tiger cleared a 12ft wall; it can hold 32GB of RAM."

    assert [f.text for f in figures(text)] == ["160kg", "12ft", "32GB"]


def test_ordinals_and_clock_times_written_against_the_number_are_no_figures() -> None:
    assert figures("She finished 2nd on the 21st, at 5pm and again at 10am.") == []


def test_a_capitalised_word_after_a_number_is_a_name_not_a_unit() -> None:
    text = "It comes with Mac OS X 10.5 Leopard. Published Content: 13 Total Views: 12,256"

    assert figures(text) == []


def test_an_abbreviated_unit_may_be_capitalised() -> None:
    text = "A 1600 Mhz front side bus and 800 MHz memory."

    assert [f.text for f in figures(text)] == ["1600 Mhz", "800 MHz"]


def test_a_spaced_dash_after_a_number_does_not_join_the_next_word() -> None:
    text = "His blood alcohol level was 0.16 - twice the legal limit."

    assert figures(text) == []


def test_the_year_of_a_date_is_no_figure() -> None:
    text = (
        "In December 2005, Renfro was arrested. Jan 18, 2008 10:15 am. The first time"
        " since August 2006 that it was updated. The 1940 wall was never raised."
    )

    assert [f.text for f in figures(text)] == ["1940"]


def test_the_person_told_is_no_source() -> None:
    text = "The boy's father told CNN the zoo did not do enough. Dhaliwal told police so."

    assert [s.name for s in sources(text)] == ["Dhaliwal"]


def test_a_common_word_opening_a_sentence_is_no_source() -> None:
    text = (
        "Earlier reports suggested the victims had taunted the tiger. Based on earlier"
        " estimates, experts doubted it. Singer said the victims did taunt it."
    )

    assert [s.name for s in sources(text)] == ["Singer"]


def test_the_year_of_a_copyright_line_is_no_figure() -> None:
    assert figures("(© 2008 The Associated Press. All Rights Reserved.)") == []


def test_a_name_may_join_its_words_with_an_ampersand() -> None:
    text = "According to the Association of Zoos & Aquariums (AZA), walls should be higher."

    assert [s.name for s in sources(text)] == ["Association of Zoos & Aquariums"]


def test_thousands_apart_by_a_space_and_round_numbers_in_words_are_read() -> None:
    a = "Police made 80,000 arrests; 2,500 people were held."
    spaced = "Police made 80 000 arrests; 2\u00a0500 people were held."
    in_words = "About eighty thousand people were arrested and 2,500 held."

    assert [(f.text, f.value) for f in figures(spaced)] == [
        ("80 000 arrests", 80000.0),
        ("2\u00a0500 people", 2500.0),
    ]
    assert [(f.text, f.value) for f in figures(in_words)][0] == ("eighty thousand people", 8e4)
    for b in (spaced, in_words):
        found = only_in(a, b)
        assert found.figures_a == found.figures_b == []
