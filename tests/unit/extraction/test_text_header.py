"""Text saved from a page: the headline and byline are found just above the article."""

from __future__ import annotations

import pytest

from article_ingest.extraction import extract

PROSE = (
    "The council voted on Tuesday to expand the city's bus network, citing rising demand from commuters.\n"
    * 6
)
MENU = "Home\nNews\nSport\nWeather\nLocal News\nOpinion\n"


def test_the_headline_repeated_by_the_page_title_wins_over_menu_lines() -> None:
    # Given a saved page whose first line is its <title> and whose menu sits above the headline
    text = f"Buses return to the old town - City Paper\n{MENU}Buses return to the old town\n{MENU}{PROSE}"
    # When extracted / Then the headline is the title, not a menu entry
    assert extract(text.encode()).title == "Buses return to the old town"


def test_a_name_under_the_headline_beside_a_dateline_is_the_byline() -> None:
    # Given a headline, then the author's name, then a dateline, then the article
    text = f"{MENU}Buses return to the old town\nJane Doe\nMarch 3, 2024\n{PROSE}"
    # When extracted
    article = extract(text.encode())
    # Then the name is the author, the headline the title, and neither is in the body
    assert article.authors == ("Jane Doe",)
    assert article.title == "Buses return to the old town"
    assert "Jane Doe" not in article.text


def test_a_by_line_under_the_headline_is_the_byline() -> None:
    # Given a headline followed by "By ..." and the article
    text = f"{MENU}Buses return to the old town\nBy Jane Doe and John Roe\n{PROSE}"
    # When extracted / Then both names are the authors
    assert extract(text.encode()).authors == ("Jane Doe", "John Roe")


def test_a_hard_wrapped_sentence_is_not_taken_for_a_headline() -> None:
    # Given prose wrapped at a fixed width, with no headline above it
    wrapped = "The council voted on Tuesday to expand the\nbus network of the city, citing demand.\n" * 6
    # When extracted / Then there is no title and the prose is the body
    article = extract(wrapped.encode())
    assert article.title is None
    assert "bus network of the city" in article.text


def test_a_text_of_one_heading_like_line_is_its_own_body() -> None:
    # Given a text whose only prose line could pass for a headline
    # When extracted / Then it stays the body rather than becoming a title over nothing
    assert extract(b"Buses return to the old town on Monday").text == "Buses return to the old town on Monday"


def test_no_date_is_read_from_a_dateline_in_text() -> None:
    # Given a text with a dateline under its headline
    text = f"Buses return to the old town\nMarch 3, 2024\n{PROSE}"
    # When extracted / Then no date is claimed (a text has no trustworthy publication date)
    assert extract(text.encode()).published is None


def test_a_headline_then_a_by_line_then_paragraphs_gives_title_and_author() -> None:
    # Given a text that opens on its headline, then "by" and the author, then the article
    text = (
        "My trip to Lisbon\nby Jane Doe\n"
        "We landed in Lisbon on a grey morning and took the tram up the hill to the old town.\n"
        "The streets were steep and narrow, and every corner had a view over the river.\n"
    )
    # When extracted
    article = extract(text.encode())
    # Then the headline is the title, the name the author, and the body starts with the prose
    assert article.title == "My trip to Lisbon"
    assert article.authors == ("Jane Doe",)
    assert article.text.startswith("We landed in Lisbon")


def test_an_opening_line_about_the_article_is_its_headline() -> None:
    # Given a text opening on its headline, a tagline, and then the article
    text = f"City bus network\nFrom the City Paper, the local news\n{PROSE}"
    # When extracted / Then the opening line, whose words the article uses, is the title
    assert extract(text.encode()).title == "City bus network"


def test_a_line_sharing_one_word_with_the_article_is_not_about_it() -> None:
    # Given a blog's opening line that shares one common word with the article, a date, and then
    # the post's headline, which shares two
    prose = "This week the council voted to expand the city's bus network, citing demand.\n" * 6
    text = f"This blog\nMarch 3, 2024\nCouncil votes to expand the bus network\n{prose}"
    # When extracted / Then the headline is the title
    assert extract(text.encode()).title == "Council votes to expand the bus network"


def test_a_line_about_something_else_loses_to_the_headline_about_the_article() -> None:
    # Given a headline, then a line of the site's about something else, then a dateline
    text = f"{MENU}Bus network expands to the old town\nOur weekend weather outlook\nMarch 3, 2024\n{PROSE}"
    # When extracted / Then the line whose words the article uses is the title
    assert extract(text.encode()).title == "Bus network expands to the old town"


def test_a_by_line_under_share_buttons_is_the_byline() -> None:
    # Given a headline, a row of share buttons and then the "By" line
    header = "Share\nTweet\nEmail\nPrint\nSave\n"
    text = f"Buses return to the old town\n{header}By Jane Doe\n{PROSE}"
    # When extracted / Then the "By" line further down is the headline's byline, not in the body
    article = extract(text.encode())
    assert (article.title, article.authors) == ("Buses return to the old town", ("Jane Doe",))
    assert "Jane Doe" not in article.text


def test_a_name_opening_a_dateline_is_the_byline() -> None:
    # Given a headline, then "name - date" on one line, then the article
    text = f"{MENU}Buses return to the old town\nJane Doe - Apr 16, 2015 8:02 pm UTC\n{PROSE}"
    # When extracted / Then the name is the author
    assert extract(text.encode()).authors == ("Jane Doe",)


def test_a_sentence_opening_with_by_is_no_byline() -> None:
    # Given a headline followed by a sentence that starts with "By"
    sentence = "By 2030, the council wants buses on every street of the city."
    text = f"Buses return to the old town\n{sentence}\n{PROSE}"
    # When extracted / Then nobody is named as the author and the sentence stays in the body
    article = extract(text.encode())
    assert article.authors == ()
    assert "By 2030" in article.text


def test_a_relative_date_or_a_formula_is_not_taken_for_a_headline() -> None:
    # Given a headline, then a relative date and a formula just above the article
    text = f"{MENU}Buses return to the old town\n3 days ago\n{{\\displaystyle R(M,x)=x^{{H}}Mx}}\n{PROSE}"
    # When extracted / Then the headline is the title
    assert extract(text.encode()).title == "Buses return to the old town"


def test_a_headline_shown_twice_is_left_out_of_the_body() -> None:
    # Given a headline shown twice above the article
    text = f"{MENU}Buses return to the old town\nMarch 3, 2024\nBuses return to the old town\n{PROSE}"
    # When extracted / Then it is the title and neither copy is in the body
    article = extract(text.encode())
    assert article.title == "Buses return to the old town"
    assert "old town" not in article.text


def test_a_headline_ending_in_an_initialism_is_a_headline() -> None:
    # Given a headline whose last word is an initialism, above the standfirst and the article
    headline = "How Winter Wreaks Havoc on the Buses of N.Y.C."
    text = f"{MENU}{headline}\nStandfirst of the story, in one sentence here.\n{PROSE}"
    # When extracted / Then its final full stop does not make it a sentence
    assert extract(text.encode()).title == headline


def test_a_title_cased_headline_over_a_dateline_is_no_name() -> None:
    # Given a short title-cased headline over a dateline naming the author
    text = f"{MENU}Powered by\nOn Recent Network Changes\nTuesday 15 October 2019 by Jane Doe\n{PROSE}"
    # When extracted / Then it is the title: a line with "On" in it is not the byline's name
    assert extract(text.encode()).title == "On Recent Network Changes"


def test_a_caption_with_a_photo_credit_is_not_the_headline() -> None:
    # Given a headline, then the photo's caption with its credit just above the article
    caption = "Commuters wait for a bus in the old town, on March 3 (Photo Jane Doe for AFP)"
    text = f"{MENU}Council votes to expand the bus network\n{caption}\n{PROSE}"
    # When extracted / Then the headline is the title
    assert extract(text.encode()).title == "Council votes to expand the bus network"


@pytest.mark.parametrize("line", ["View Photos", "LatestVideoThe BestsReviewShop"])
def test_an_interface_link_or_run_together_menu_labels_under_a_headline_are_no_byline(line: str) -> None:
    # Given a headline over a "View Photos" link, or menu labels saved without spaces, then the article
    text = f"{MENU}Council votes to expand the bus network\n{line}\n{PROSE}"
    # When extracted / Then nobody is named as the author
    assert extract(text.encode()).authors == ()


def test_a_headline_shown_twice_below_a_notice_and_a_byline_above_it() -> None:
    # Given the author and reading time, then a notice that reads as prose, then the headline twice
    notice = "The author chose to make this story unlisted, which means only people with a link can see it."
    headline = "Council votes to expand the bus network"
    text = f"Jane Doe\n4 min read\n{notice}\n{headline}\nSubtitle\n{headline}\n{PROSE}"
    # When extracted
    article = extract(text.encode())
    # Then the headline below the notice is the title and the name above it the author
    assert (article.title, article.authors) == (headline, ("Jane Doe",))


@pytest.mark.parametrize("name", ["Shareef Abdur-Rahim", "Pinar Toprak", "Li An"])
def test_names_that_open_like_interface_words_or_hold_short_words_are_names(name: str) -> None:
    # Given a byline name above a reading time, then the headline and the article
    text = f"{name}\n4 min read\nCouncil votes to expand the bus network\n{PROSE}"
    # When extracted / Then the name is the author
    assert extract(text.encode()).authors == (name,)


def test_a_headline_linked_to_its_own_page_is_the_headline() -> None:
    # Given a saved page whose headline kept its link to the article's own address (a slug that
    # spells it, cut short, with an id), above the tags and share links, then the article
    address = "https://example.com/council-votes-to-expand-the-bu-1690268064"
    link = f'<a href="{address}">Council votes to expand the bus network</a>'
    filler = "".join(f"<a href='https://example.com/share/{n}'>Share {n}</a>\n" for n in range(6))
    text = f"{MENU}{link}\nFiled to: transport\n{filler}{PROSE}"
    # When extracted / Then the linked headline is the title
    assert extract(text.encode()).title == "Council votes to expand the bus network"


def test_article_links_in_a_list_are_not_the_headline() -> None:
    # Given a list of links to other articles (each with a "Read on" label) above the article
    stories = ["Council opens new depot in the north", "Tram works close the bridge for a week"]
    links = "".join(
        f"Read on\n<a href='https://example.com/{s.lower().replace(' ', '-')}'>{s}</a>\n" for s in stories
    )
    text = f"{links}{PROSE}"
    # When extracted / Then neither related story is taken for the title
    assert extract(text.encode()).title is None


def test_a_reading_time_is_no_headline() -> None:
    # Given a menu and a reading time above the article, with no headline line
    text = f"{MENU}11 min read\n{PROSE}"
    # When extracted / Then the reading time is not the title
    assert extract(text.encode()).title is None


def test_a_heading_under_the_by_line_is_a_section_not_the_headline() -> None:
    # Given a headline, its "Posted by" line, then the article's first section heading (which,
    # unlike the headline, shares the article's words)
    text = (
        f"{MENU}Friday Facts #282\nPosted by kovarex on 2019-02-15\nThe council's bus network plan\n{PROSE}"
    )
    # When extracted / Then the headline above the byline is the title
    assert extract(text.encode()).title == "Friday Facts #282"


def test_a_tagline_of_short_sentences_is_not_the_article_s_first_paragraph() -> None:
    # Given a blog's tagline of three short sentences, then the post's headline and the post
    tagline = "Hi, I'm Jane.\nI code stuff. I take photos. I write rants."
    text = f"{tagline}\nCouncil votes to expand the bus network\n{PROSE}"
    # When extracted / Then the headline under the tagline is the title
    assert extract(text.encode()).title == "Council votes to expand the bus network"


@pytest.mark.parametrize("line", ["+ Added a night bus to the old town", "More from City Paper Media"])
def test_a_list_item_or_a_furniture_line_is_no_headline(line: str) -> None:
    # Given a list item or a "More from ..." line just above the article, and no headline
    text = f"{MENU}{line}\n{PROSE}"
    # When extracted / Then it is not taken for the title
    assert extract(text.encode()).title is None


def test_a_link_with_a_malformed_address_does_not_stop_the_extraction() -> None:
    # Given a saved page whose headline kept a link with a broken address
    text = f'My blog\n<a href="http://[broken/x">Council votes on the budget</a>\n{PROSE}'
    # When extracted / Then the text is read (no error) and its prose kept
    assert "bus network" in extract(text.encode()).text


def test_a_headline_shown_again_below_it_wrapped_over_two_lines_is_the_headline() -> None:
    # Given a page's notice, taken for the article's first paragraph, then the headline, shown
    # again right below it over two lines without its first word, then the article
    notice = "The author chose to make this story unlisted, which means only people with a link can see it."
    headline = "The Open Budget Project: Better Council Reporting"
    text = f"Ready to publish?\nChange the story's settings as needed\nJane Doe\n{notice}\n{headline}\n"
    text += f"Open Budget Project:\nBetter Council Reporting\n{PROSE}"
    # When extracted / Then that headline is the title
    assert extract(text.encode()).title == headline


def test_a_notice_paragraph_above_the_headline_and_its_byline_is_not_the_article_s_start() -> None:
    # Given a page's notice (a lone paragraph about something else), then the headline, its
    # deck, dateline and byline, then the article
    notice = "Your Post Has Been Launched!\nFabulous! Don't forget to share this with your friends today.\n"
    header = (
        "Council votes to expand the city bus network\nAn inquest into the network has been adjourned.\n"
        "posted on April 21, 2015, at 11:29 a.m.\nJane Doe\n"
    )
    # When extracted
    article = extract(f"{MENU}{notice}TOP POST\n{header}{PROSE}".encode())
    # Then the headline under the notice is the title, and the notice is not in the body
    assert article.title == "Council votes to expand the city bus network"
    assert "Fabulous" not in article.text


def test_a_standfirst_above_a_caption_and_the_byline_is_the_article_s_first_paragraph() -> None:
    # Given a headline, its standfirst (about the article), a picture's caption on the same
    # topic, the byline and dateline, then the article
    header = (
        "Council votes to expand the city bus network\n"
        "The council's vote on the bus network follows rising demand from commuters in the city.\n"
        "Image\nRising demand from commuters could expand the bus network again in 2023\n"
        "By Jane Doe\nSept. 25, 2018\n"
    )
    # When extracted / Then the standfirst is no notice: the headline above it is the title,
    # not the caption nearer the article
    assert extract(f"{MENU}{header}{PROSE}".encode()).title == "Council votes to expand the city bus network"


def test_notices_standing_apart_above_the_headline_and_its_byline_are_not_the_article() -> None:
    # Given two notices of the page, each a lone paragraph between short lines, then the
    # headline right above its dateline and byline, then the article
    notices = (
        "Get the most out of City Paper. Subscribe to our newsletter to receive:\nDaily updates\n"
        "We use cookies and similar technologies to improve your browsing experience.\nSign in\n"
    )
    header = "How does the council plan a bus network?\nPublished Thursday 27 July 2017\nBy Jane Doe\n"
    # When extracted
    article = extract(f"{MENU}{notices}{header}{PROSE}".encode())
    # Then the headline is the title and the author is found under it
    assert (article.title, article.authors) == ("How does the council plan a bus network?", ("Jane Doe",))


OWN_ADDRESS = "https://example.com/news/council-votes-to-expand-the-bus-network-1690268064"


def test_a_line_spelling_the_page_s_own_address_is_the_headline_far_above_the_article() -> None:
    # Given a saved page that opens on the site's name, whose headline (linked to its own
    # address) sits far above the article, with a deal's teaser line right above the article,
    # and which links to its own address again from its dateline and its comment count
    headline = f'<a href="{OWN_ADDRESS}">Council votes to expand the bus network</a>'
    menus = MENU * 5
    teaser = "Friday's Best Deals: Lamps, Pillows, Towels and More"
    dateline = f'<a href="{OWN_ADDRESS}">9/11/13 10:00AM</a>\n<a href="{OWN_ADDRESS}#replies">158</a>'
    text = f"City Paper\n{headline}\n{menus}{dateline}\n{teaser}\n{PROSE}"
    # When extracted / Then the line the page's address spells is the title
    assert extract(text.encode()).title == "Council votes to expand the bus network"


def test_a_box_of_other_stories_with_their_own_comment_links_does_not_name_the_page() -> None:
    # Given a "Most read" box above the article, a story linked with its comment count, then the
    # article's headline, its linked dateline and comment count (one in-page link each: a tie)
    other = "https://example.com/news/mayor-opens-new-tram-depot-in-the-east"
    box = f'Most read\n<a href="{other}">Mayor opens new tram depot in the east</a>\n'
    box += f'<a href="{other}#comments">42 comments</a>\n'
    header = f'Council votes to expand the bus network\n<a href="{OWN_ADDRESS}">March 3, 2024</a>\n'
    header += f'<a href="{OWN_ADDRESS}#comments">3 comments</a>\n'
    # When extracted / Then the other story is not taken for the headline
    assert extract(f"{MENU}{box}{header}{PROSE}".encode()).title == "Council votes to expand the bus network"


def test_a_headline_saved_wrapped_over_two_lines_is_joined_when_the_page_s_address_spells_it() -> None:
    # Given a page whose headline was saved over two lines, and whose in-page links ("Jump to
    # content", its contents) name its own address
    own = "https://en.example.org/wiki/List_of_films_featuring_time_loops"
    links = f'<a href="{own}#content">Jump to content</a>\n<a href="{own}#history">History</a>\n'
    text = f"{links}{MENU}List of films\nfeaturing time loops\nFrom the free encyclopedia\n{PROSE}"
    # When extracted / Then the two lines are the title, and the body starts below them
    article = extract(text.encode())
    assert article.title == "List of films featuring time loops"
    assert "featuring time loops" not in article.text


ENTRY = (
    "Mozilla\nFrom Wikipedia, the free encyclopedia\nSee also: Mozilla Foundation and Mozilla Corporation\n"
    "Mozilla\nIndustry\nOpen-source software\nFounded\nFebruary 28, 1998\n"
    "Mozilla is a free-software community, created in 1998 by members of Netscape and volunteers.\n"
)


def test_a_one_word_subject_shown_twice_that_the_article_opens_on_is_the_headline() -> None:
    # Given an encyclopedia's entry saved as text: its one-word heading, shown again in its
    # infobox, and the article opening on that word
    text = f"{ENTRY}{PROSE}"
    # When extracted / Then the one word is the title
    assert extract(text.encode()).title == "Mozilla"


@pytest.mark.parametrize(
    "text",
    [
        # a heading shown once (a test page's "Lorem" over "Lorem ipsum ...")
        f"Lorem\nLorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor.\n{PROSE}",
        # a menu entry shown twice (a page's two menus) over an article opening on that word
        "Home\nNews\nSport\nHome\nNews\nSport\n"
        f"News of the vote reached the council on Tuesday, and commuters welcomed it.\n{PROSE}",
        # the same menus opening the text
        "News\nSport\nWeather\nNews\nSport\nWeather\n"
        f"News of the vote reached the council on Tuesday, and commuters welcomed it.\n{PROSE}",
        # a brand's name shown twice over its headline (a logo, then its text)
        "Tesla\nTesla\nTesla unveils new battery factory in Nevada\nBy Jane Doe\n"
        f"Tesla said on Tuesday that the factory would open next year, with two thousand jobs.\n{PROSE}",
    ],
)
def test_a_one_word_line_shown_once_or_in_a_menu_is_no_headline(text: str) -> None:
    # When extracted / Then no one-word line is the title
    title = extract(text.encode()).title
    assert title is None or len(title.split()) > 1
