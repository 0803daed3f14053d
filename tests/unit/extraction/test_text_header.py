"""Text saved from a page: the headline and byline are found just above the article."""

from __future__ import annotations

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
