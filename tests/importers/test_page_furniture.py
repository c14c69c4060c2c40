"""Page furniture seen on real news pages of 2008 that nobody on the project wrote
(L3S-GN1): each test a short page in the same style."""

from reader.anchoring.canonical import canonical_text
from reader.importers.html_article import article_from_html
from tests.importers.test_html_article import STORY, STORY_HTML, news_page

HEADLINE = "Harbour board delays vote on ferry fares"


def _paragraphs(page: str) -> list[str]:
    return canonical_text(article_from_html(page).markdown).split("\n\n")


def _headlined_page(title: str, head: str = "") -> str:
    """The story under its headline, on a page of that ``<title>`` (and ``head``)."""
    return (
        f"<html><head><title>{title}</title>{head}</head><body><div><h1>{HEADLINE}</h1>"
        f"{STORY_HTML}</div></body></html>"
    )


def test_text_size_controls_and_a_link_to_the_next_page_are_left_out() -> None:
    # a wire site, 2008: "[-] Text [+]" above the story, "Continued..." to page 2 after it
    sizer = (
        "<div class='textSizer'>[<a href='javascript:sizeDown();'>-</a>]"
        " <a href='javascript:resetSize();'>Text</a> [<a href='javascript:sizeUp();'>+</a>]"
        "</div>"
    )
    last = (
        f"<p>{STORY[2]}&nbsp; <span class='label'><strong>"
        "<a href='javascript:goToPage(2);'>Continued...</a></strong></span></p>"
    )
    page = news_page(sizer + "".join(f"<p>{p}</p>" for p in STORY[:2]) + last)
    assert _paragraphs(page) == STORY


def test_a_script_link_inside_a_sentence_keeps_its_words() -> None:
    # an old page's glossary pop-up: the link's words are the sentence's
    first = (
        "<p>The board's <a href='javascript:gloss(\"levy\");'>fuel levy</a> would rise "
        "again in the spring, its chair told the meeting on Thursday evening.</p>"
    )
    text = canonical_text(article_from_html(news_page(first + STORY_HTML)).markdown)
    assert "The board's fuel levy would rise again" in text


def test_a_line_of_topic_links_after_the_story_is_left_out() -> None:
    # a news site, 2008: "All About Osama bin Laden • Al Qaeda • Afghanistan" under the story
    topics = (
        "<p class='topics'><b>All About</b> <a href='http://topics.example.com/ferries'>"
        "Ferries</a> &bull; <a href='http://topics.example.com/harbour-board'>Harbour Board"
        "</a> &bull; <a href='http://topics.example.com/fuel'>Fuel Prices</a></p>"
    )
    assert _paragraphs(news_page(STORY_HTML + topics)) == STORY


def test_a_sentence_of_links_stays() -> None:
    # words between the links make it a sentence, not a bar of links
    last = (
        "<p>Read <a href='https://example.org/a'>the study</a> and "
        "<a href='https://example.org/b'>the operator's reply</a> before the next meeting "
        "in four weeks.</p>"
    )
    text = canonical_text(article_from_html(news_page(STORY_HTML + last)).markdown)
    assert text.endswith(
        "Read the study and the operator's reply before the next meeting in four weeks."
    )


def test_a_pictures_caption_in_a_box_of_its_own_is_left_out() -> None:
    # a news site, 2008: the caption a paragraph in a box beside the picture
    photo = (
        "<div class='storyPhotoBox'><img src='ferry.jpg' alt='ferry.jpg'>"
        "<div class='storyPhotoCaptionBox'><div class='pad'><p>A ferry leaves the harbour "
        "for the islands on a winter morning earlier this month.</p></div></div></div>"
    )
    page = news_page(f"<p>{STORY[0]}</p>{photo}" + "".join(f"<p>{p}</p>" for p in STORY[1:]))
    assert _paragraphs(page) == STORY


def test_a_copyright_line_with_the_sites_note_under_it_is_left_out() -> None:
    # a paper's page of an agency's story, 2008: the agency's copyright line, then in the
    # same block the site's note on where the story comes from
    note = (
        "<p>&copy; 2008 AFP<br>This story is sourced direct from an overseas news agency as an "
        "additional service to readers. Spelling follows North American usage, along with "
        "foreign currency and measurement units.</p>"
    )
    assert _paragraphs(news_page(STORY_HTML + note)) == STORY


def test_a_headline_in_a_styled_block_loses_the_sites_name_of_the_page_title() -> None:
    # a sports site, 2008: the headline in a <div class=headline1>, the page titled
    # "Headline - Site - Site's motto"
    page = (
        "<html><head><title>Harbour board delays vote on ferry fares - Coastal Courier - "
        "Island News Daily</title></head><body><div class='headline1'>Harbour board delays "
        f"vote on ferry fares</div><div>{STORY_HTML}</div></body></html>"
    )
    assert article_from_html(page).title == "Harbour board delays vote on ferry fares"


def test_the_headline_with_its_date_and_section_links_in_one_block_is_left_out() -> None:
    # a sports site, 2008: headline, date, league and club links, a call to its board,
    # lines of one block above the story
    top = (
        "<table><tr><td><img src='club.gif' alt='Harbour Club'></td><td>"
        "<div class='headline1'>Harbour board delays vote on ferry fares</div> 01/13/08 - "
        "<a href='/sports/?l_id=1'>Island League</a> <a href='/sports/?t_id=2'>Harbour Club"
        "</a><br><br>&#8226; Discuss this story on the <a href='/boards/42'>Island League "
        "message board</a>...<br><br></td></tr></table>"
    )
    page = (
        "<html><head><title>Harbour board delays vote on ferry fares - Coastal Courier - "
        f"Island News Daily</title></head><body><div>{top}{STORY_HTML}</div></body></html>"
    )
    assert _paragraphs(page) == STORY


def test_a_headline_and_the_first_paragraph_in_one_block_keep_the_paragraph() -> None:
    top = (
        "<table><tr><td><img src='club.gif' alt='Harbour Club'></td><td>"
        "<div class='headline1'>Harbour board delays vote on ferry fares</div>"
        "The vote is off.<br>Members asked for more time.</td></tr></table>"
    )
    page = (
        "<html><head><title>Harbour board delays vote on ferry fares - Coastal Courier"
        f"</title></head><body><div>{top}{STORY_HTML}</div></body></html>"
    )
    assert "Members asked for more time." in canonical_text(article_from_html(page).markdown)


def test_a_headline_styled_as_a_story_title_in_a_page_titled_with_the_section() -> None:
    # a financial site, 2008: the headline a <span class="news_story_title">, the byline a
    # paragraph under it, the page titled "Site: Section"
    page = (
        "<html><head><title>Coastal Courier: Islands</title></head><body><div class='story'>"
        "<span class='news_story_title'>Harbour board delays vote on ferry fares</span><br>"
        f"<p>By Ana Ruiz</p>{STORY_HTML}</div></body></html>"
    )
    article = article_from_html(page)
    assert article.title == "Harbour board delays vote on ferry fares"
    assert canonical_text(article.markdown).split("\n\n") == STORY


def test_a_line_on_how_to_contact_the_reporter_after_the_story_is_left_out() -> None:
    contact = (
        "<p>To contact the reporter on this story: Ana Ruiz in Portsmouth at "
        "<a href='mailto:aruiz@example.org'>aruiz@example.org</a></p>"
    )
    assert _paragraphs(news_page(STORY_HTML + contact)) == STORY


def test_the_authors_name_alone_above_the_story_is_left_out() -> None:
    # a paper's site, 2008: the author's name and post in lower case, no "By", in a span
    # above the story; the page's metadata names the author
    page = (
        "<html><head><title>Harbour board delays vote on ferry fares</title>"
        "<meta name='author' content='Ana Ruiz, harbour reporter'></head><body><div>"
        "<h1>Harbour board delays vote on ferry fares</h1><span class='articleAuthor'>ana ruiz,"
        f"  harbour reporter</span><br>{STORY_HTML}</div></body></html>"
    )
    assert _paragraphs(page) == STORY


def test_a_first_paragraph_that_only_starts_with_the_authors_name_stays() -> None:
    first = "Ana Ruiz has covered the harbour board for ten years."
    page = (
        "<html><head><title>Harbour board delays vote on ferry fares</title>"
        "<meta name='author' content='Ana Ruiz'></head><body><div>"
        f"<h1>Harbour board delays vote on ferry fares</h1><p>{first}</p>{STORY_HTML}"
        "</div></body></html>"
    )
    assert _paragraphs(page) == [first, *STORY]


def test_the_pages_date_is_no_part_of_the_sites_name() -> None:
    # a paper's site, 2008: "Star-Telegram.com: | 01/08/2008 | Headline"
    page = _headlined_page(f"CoastalCourier.com: | 01/08/2008 | {HEADLINE}")
    assert article_from_html(page).publication == "CoastalCourier.com"


def test_a_section_beside_the_sites_domain_is_no_part_of_its_name() -> None:
    # a city paper's site, 2008: "TheStar.com | News | Headline"
    page = _headlined_page(f"CoastalCourier.com | News | {HEADLINE}")
    assert article_from_html(page).publication == "CoastalCourier.com"


def test_a_site_name_of_two_parts_without_a_domain_stays_whole() -> None:
    site = "<meta property='og:site_name' content='Coastal Courier | Harbour Edition'>"
    page = _headlined_page(HEADLINE, site)
    assert article_from_html(page).publication == "Coastal Courier | Harbour Edition"


def test_a_script_link_that_ends_a_sentence_keeps_its_words() -> None:
    # the glossary pop-up on the sentence's last word, only its full stop after it
    first = (
        "<p>The fares are set each spring by the <a href='javascript:gloss(\"board\");'>"
        "harbour board</a>.</p>"
    )
    text = canonical_text(article_from_html(news_page(first + STORY_HTML)).markdown)
    assert "The fares are set each spring by the harbour board." in text


def test_the_sites_name_from_the_title_loses_its_trailing_colon() -> None:
    # a business weekly's site, 2008: "Headline - Kansas City Business Journal:"
    page = _headlined_page(f"{HEADLINE} - Coastal Business Journal:")
    assert article_from_html(page).publication == "Coastal Business Journal"


def test_a_breadcrumb_and_an_account_bar_above_the_story_are_left_out() -> None:
    # a trade paper's site, 2008: the archive's path and "Welcome | sign-out" with a date
    top = (
        "<p>Home &gt; All Archives &gt; Harbour Daily Archives &gt; Friday, Dec 28, 2007</p>"
        "<p>Welcome | sign-out Wed, Jan 16, 2008</p>"
    )
    assert _paragraphs(news_page(top + STORY_HTML)) == STORY


def test_other_stories_under_a_heading_after_the_story_are_left_out() -> None:
    # "Recent … Articles", then teasers cut off mid-sentence with their times
    teasers = (
        "<p>Recent Harbour Daily Articles</p>"
        "<p>Ferry Operator Orders Two New Boats Jan 16, 7:00 AM The operator said on "
        "Tuesday that the boats would enter service...</p>"
        "<p>Island School Wins Funding Jan 16, 6:45 AM Parents who campaigned for a "
        "new roof have...</p>"
    )
    assert _paragraphs(news_page(STORY_HTML + teasers)) == STORY


def test_a_story_about_recent_articles_keeps_its_paragraphs() -> None:
    # a sentence that opens like such a heading, and short paragraphs after it, stay
    story = [
        "Recent articles in the journal questioned the study's method.",
        "The authors replied on Monday.",
        "Home ownership on the islands has fallen, the census shows.",
    ]
    page = news_page("".join(f"<p>{p}</p>" for p in STORY + story))
    assert _paragraphs(page) == STORY + story


def test_other_stories_in_one_box_and_the_reporters_address_are_left_out() -> None:
    # the heading and its teasers as one list, after the reporter's e-mail address
    box = (
        "<p>Ana Ruiz can be reached at ana@courier.example</p>"
        "<ul><li>Recent Harbour Daily Articles</li>"
        "<li>Ferry Operator Orders Two New Boats Jan 16, 7:00 AM The operator said on "
        "Tuesday that the boats would enter service...</li>"
        "<li>Island School Wins Funding Jan 16, 6:45 AM Parents who campaigned for a "
        "new roof have...</li></ul>"
    )
    assert _paragraphs(news_page(STORY_HTML + box)) == STORY


def test_a_story_tools_label_and_a_more_from_section_line_are_left_out() -> None:
    # a county paper's column, 2008: "STORY TOOLS" and "More from Sports" above the story,
    # "Article tools" under its first paragraph on a city paper's report
    top = "<h6>STORY TOOLS</h6><h6>More from Sports</h6>"
    middle = "<p>Article tools</p>"
    page = news_page(top + f"<p>{STORY[0]}</p>{middle}<p>{STORY[1]}</p><p>{STORY[2]}</p>")
    assert _paragraphs(page) == STORY


def test_a_line_that_only_opens_with_more_from_stays() -> None:
    first = "More from the harbour board's study of ferry fares is expected by the spring."
    page = news_page(f"<p>{first}</p>{STORY_HTML}")
    assert _paragraphs(page) == [first, *STORY]


def test_a_call_to_contact_the_columnist_and_a_home_delivery_offer_are_left_out() -> None:
    # a column's last line, "— Contact Star columnist … at name@paper.com.", and a city
    # paper's "Want more? Get home delivery now."
    contact = (
        "<p><em>&#8212; Contact Courier columnist Ana Ruiz at "
        "<a href='mailto:aruiz@courier.example'>aruiz@courier.example</a>.</em></p>"
    )
    offer = "<p>Want more? Get home delivery now.</p>"
    assert _paragraphs(news_page(STORY_HTML + contact)) == STORY
    assert _paragraphs(news_page(STORY_HTML + offer)) == STORY


def test_a_closing_sentence_about_contacting_officials_stays() -> None:
    last = "Islanders can contact the harbour board at its office on the quay until Friday."
    assert _paragraphs(news_page(STORY_HTML + f"<p>{last}</p>")) == [*STORY, last]


def test_the_pages_date_is_no_part_of_the_authors_name() -> None:
    # bylines as three papers' pages gave them, 2008: "David Lassen Thursday; December",
    # "Published January", "January 1"
    def author(byline: str) -> str:
        page = news_page(STORY_HTML).replace(
            "</head>", f"<meta name='author' content='{byline}'></head>"
        )
        return article_from_html(page).author

    assert author("Ana Ruiz Thursday; December") == "Ana Ruiz"
    assert author("Published January") == ""
    assert author("January 1") == ""
    assert author("April Lindqvist") == "April Lindqvist"


def test_a_first_paragraph_set_apart_from_the_story_body_is_kept() -> None:
    # a local paper's template, 2008: the first paragraph in its own <p class="story">,
    # an empty box, then the rest in <div class="story">; the headline in a styled div
    page = _local_paper_page("story")
    article = article_from_html(page)
    assert article.title == "Harbour board delays vote on ferry fares"
    assert _paragraphs(page)[0].startswith("PORTHAVEN - The harbour board put off its vote")
    assert _paragraphs(page)[1:] == STORY


def test_a_paragraph_of_another_class_before_the_story_body_stays_out() -> None:
    assert _paragraphs(_local_paper_page("promo")) == STORY


def _local_paper_page(first_class: str) -> str:
    return (
        "<html><head><title>Coastal Courier Online - Coastal County</title></head><body>"
        "<div class='headline'>Harbour board delays vote on ferry fares</div>"
        "<div class='date'>January 15, 2008</div><span class='byline'>BY ANA RUIZ</span>"
        f"<p class='{first_class}'>PORTHAVEN - The harbour board put off its vote on ferry "
        "fares on Thursday, after islanders packed the public gallery.</p>"
        f"<div id='inlineBox'></div><div class='story'>{STORY_HTML}</div></body></html>"
    )
