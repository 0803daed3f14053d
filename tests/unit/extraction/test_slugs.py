"""Slugs: the words of an article's address, and the page's own address among its links."""

from __future__ import annotations

import pytest

from article_ingest.extraction.text.slugs import own_slug, slug_words, spells

ARTICLE = "https://example.com/news/council-votes-to-expand-the-bu-1690268064"
OTHER = "https://example.com/news/mayor-opens-new-tram-depot-in-the-east"


def test_a_slug_s_words_leave_out_its_id_and_extension() -> None:
    # Given addresses ending in an id or an extension / Then their words are the slug's only
    assert slug_words(ARTICLE) == ["council", "votes", "to", "expand", "the", "bu"]
    assert slug_words("https://example.com/2015/chapter-one.html") == ["chapter", "one"]
    assert slug_words("http://[broken/x") == []
    # and its escapes and accents are read as the line's letters are
    assert slug_words("https://example.com/caf%C3%A9-owners-protest") == ["cafe", "owners", "protest"]
    assert spells(
        slug_words("https://example.org/wiki/Z%C3%BCrich_station_rebuilt"), "Zürich station rebuilt"
    )


def test_a_slug_cut_short_spells_the_start_of_its_headline() -> None:
    # Given a slug cut short / Then it spells its headline, accents and punctuation aside
    assert spells(slug_words(ARTICLE), "Council votes to expand the bus network")
    assert spells(["cafe", "owners", "protest"], "Café owners protest")
    # but not another line, nor a line it spells too little of
    assert not spells(slug_words(ARTICLE), "Council opens a new depot")
    assert not spells(["bus", "votes"], "Bus votes")  # too short a slug to tell
    assert not spells(["council", "meeting"], "Council meeting on the bus network and the new depot plans")


def test_the_page_s_own_address_is_where_its_in_page_links_point_more_than_once() -> None:
    # Given a page linking to itself from a permalink and from "#replies"
    own = [ARTICLE, f"{ARTICLE}#replies", "https://example.com/other-story-about-trams"]
    # Then its slug is the page's own
    assert own_slug(own) == slug_words(ARTICLE)


@pytest.mark.parametrize(
    "addresses",
    [
        ["https://tools.example.org/html/rfc-six-seven-four-nine#section-4.2"],  # linked once
        ["https://example.com/maispopulares/#mais-lidas", "https://example.com/maispopulares/"],  # one word
        [ARTICLE, "https://example.com/other-story-about-trams"],  # no in-page link
        # as many in-page links to another story as to the article: no clear own address
        [ARTICLE, f"{ARTICLE}#replies", OTHER, f"{OTHER}#comments"],
    ],
)
def test_no_own_address_without_in_page_links_to_an_article_s_slug(addresses: list[str]) -> None:
    # Given links that do not tell the page's own address / Then there is none
    assert own_slug(addresses) == []
