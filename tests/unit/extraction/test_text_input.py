"""A page saved as text (samples/zelenskiy-putin-meeting.txt): headline, byline, article only."""

from __future__ import annotations

from article_ingest.extraction import Article, extract

HEADLINE = "Zelenskiy Claims Russia is Thwarting His Meeting with Putin at Every Opportunity"


def test_the_title_is_the_headline_not_the_breadcrumb(zelenskiy: Article) -> None:
    assert zelenskiy.title == HEADLINE


def test_the_author_is_the_name_without_the_job_title(zelenskiy: Article) -> None:
    assert zelenskiy.authors == ("James Carter",)


def test_no_date_is_invented_from_years_in_the_body(zelenskiy: Article) -> None:
    # Given a text mentioning 2022, 2024 and 2025 but no dateline / Then no date is claimed
    assert zelenskiy.published is None
    assert zelenskiy.modified is None


def test_the_body_starts_at_the_article(zelenskiy: Article) -> None:
    assert zelenskiy.text.startswith("Zelenskiy Accuses Russia of Sabotaging Peace Efforts")


def test_the_body_stops_before_the_site_furniture(zelenskiy: Article) -> None:
    for furniture in ("You may also like", "Leave a Comment", "Akismet", "Adblock Detected", "AdBlocker"):
        assert furniture not in zelenskiy.text


def test_the_headline_and_byline_are_not_repeated_in_the_body(zelenskiy: Article) -> None:
    assert HEADLINE not in zelenskiy.text
    assert "Senior News Editor" not in zelenskiy.text
    assert "Home »" not in zelenskiy.text


def test_inline_links_stay_links_in_the_html(zelenskiy: Article) -> None:
    assert '<a href="https://de.wikipedia.org/wiki/Wolodymyr_Selenskyj">Zelenskiy</a>' in zelenskiy.html
    assert "https://tass.com/" in zelenskiy.links


def test_paragraphs_are_separated_by_blank_lines(zelenskiy: Article) -> None:
    first, second = zelenskiy.text.split("\n\n")[:2]
    assert first.endswith("Seeks Stronger Sanctions")
    assert second.startswith("Kyiv")


def test_the_language_is_detected_when_the_text_declares_none(zelenskiy: Article) -> None:
    assert zelenskiy.language == "en"


def test_text_without_a_headline_keeps_its_prose() -> None:
    # Given plain prose lines only / When extracted / Then the prose is the body
    prose = "The committee met on Monday and agreed to publish the report in full next week.\n" * 5
    article = extract(prose.encode())
    assert article.title is None
    assert "publish the report" in article.text
