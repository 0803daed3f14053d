"""Metadata from the strongest evidence, never from guesses."""

from __future__ import annotations

import json
import random
from pathlib import Path

import lxml.html
import pytest

from article_ingest.extraction import extract
from article_ingest.extraction.metadata import dates, headline
from article_ingest.extraction.metadata.authors import byline_marks
from tests.support.pages import html_page, prose

FIXTURE_PAGES = sorted(
    (Path(__file__).parents[2] / "fixtures/corpus/readability-test-pages").glob("*/source.html")
)


def ld_json(**fields: object) -> str:
    """A NewsArticle JSON-LD block holding `fields`."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_the_json_ld_headline_is_the_title() -> None:
    # Given a page whose <title> carries the site's name and whose JSON-LD holds the headline
    head = "<title>Buses return | City Paper</title>" + ld_json(headline="Buses return to the old town")
    # When it is extracted
    article = extract(html_page(prose(), head=head))
    # Then the title is the JSON-LD headline
    assert article.title == "Buses return to the old town"


def test_the_site_name_suffix_is_cut_from_the_page_title() -> None:
    # Given a <title> ending in the site name that og:site_name declares
    head = "<title>Buses return to the old town | City Paper</title>"
    head += '<meta property="og:site_name" content="City Paper">'
    # When it is extracted
    article = extract(html_page(prose(), head=head))
    # Then the title is the headline without the site
    assert article.title == "Buses return to the old town"


@pytest.mark.parametrize("named", ["CityPaper.com", "City Paper"])
def test_an_og_title_naming_the_site_is_no_headline(named: str) -> None:
    # Given an og:title that is the site's name (a bare domain, or og:site_name), and a <title>
    # holding the headline
    head = f'<meta property="og:title" content="{named}"><meta property="og:site_name" content="City Paper">'
    head += "<title>Buses return to the old town | CityPaper.com</title>"
    # When it is extracted / Then the title is the headline, not the site's name
    assert extract(html_page(prose(), head=head)).title == "Buses return to the old town"


def test_json_ld_authors_are_names_only() -> None:
    # Given JSON-LD authors, one of them written "By ..."
    head = ld_json(
        author=[{"@type": "Person", "name": "By Jane Doe"}, {"@type": "Person", "name": "John Roe"}]
    )
    # When it is extracted
    article = extract(html_page(prose(), head=head))
    # Then the authors are the bare names, in order
    assert article.authors == ("Jane Doe", "John Roe")


def test_a_visible_byline_loses_its_by_and_role() -> None:
    # Given a visible byline with "By" and the author's role
    body = '<p class="byline">By Jane Doe, Senior Political Correspondent</p>' + prose()
    # When it is extracted
    article = extract(html_page(body))
    # Then the author is the name alone
    assert article.authors == ("Jane Doe",)


def test_the_published_date_is_iso_8601_in_its_own_time_zone() -> None:
    # Given a published time with a compact UTC offset
    head = '<meta property="article:published_time" content="2024-03-05T09:30:00+0100">'
    # When it is extracted
    article = extract(html_page(prose(), head=head))
    # Then it is ISO 8601, still in that offset
    assert article.published == "2024-03-05T09:30:00+01:00"


def test_a_javascript_date_string_in_json_ld_is_normalised() -> None:
    # Given a JSON-LD date written as JavaScript's Date.toString() writes it
    head = ld_json(datePublished="Sat Dec 07 2024 01:36:42 GMT+0000 (UTC)")
    # When it is extracted
    article = extract(html_page(prose(), head=head))
    # Then it is ISO 8601
    assert article.published == "2024-12-07T01:36:42+00:00"


def test_a_year_in_the_body_is_not_taken_as_the_date() -> None:
    # Given a body that mentions past dates, and no date in the markup
    body = "<p>In March 2019 the line closed; it reopened on 4 May 2021.</p>" + prose()
    # When it is extracted
    article = extract(html_page(body))
    # Then no publication date is guessed from the prose
    assert article.published is None


def test_the_url_date_is_used_when_the_page_has_no_other() -> None:
    # Given a page without a date, found at a URL holding one
    page = html_page(prose())
    # When it is extracted with its URL
    article = extract(page, url="https://news.example/2023/11/02/buses")
    # Then the URL's date is the publication day
    assert article.published == "2023-11-02"


def test_the_declared_language_is_reduced_to_its_primary_subtag() -> None:
    # Given a page declared as British English
    page = html_page(prose(), lang="en-GB")
    # When it is extracted / Then its language is the primary subtag
    assert extract(page).language == "en"


def test_an_undeclared_language_is_detected_from_the_body() -> None:
    # Given a German page that declares no language
    german = (
        "<p>"
        + "Der Stadtrat hat am Dienstag beschlossen, dass die Busse wieder fahren und nicht mehr warten. " * 6
        + "</p>"
    )
    page = f"<html><body>{german}</body></html>".encode()
    # When it is extracted / Then its language is detected from the text
    assert extract(page).language == "de"


def test_keywords_become_tags() -> None:
    # Given a keywords meta with uneven spacing
    head = '<meta name="keywords" content="transport, city council ,buses">'
    # When it is extracted
    article = extract(html_page(prose(), head=head))
    # Then each keyword is a tag, trimmed, in order
    assert article.tags == ("transport", "city council", "buses")


def test_a_malformed_date_is_ignored_rather_than_raised() -> None:
    # Given a JSON-LD date that looks like JavaScript's but names no month
    head = ld_json(datePublished="Sat Foo 07 2024 01:36:42 GMT+0000 (UTC)")
    # When it is extracted / Then there is no date, and nothing was raised
    assert extract(html_page(prose(), head=head)).published is None


def test_the_heading_a_title_repeats_is_the_title_without_the_site_and_section() -> None:
    # Given a <title> that wraps the page's headline in an agency and section trail
    page = (
        "<html><head><title>TV3 &gt; News &gt; National &gt; Officials plan Sir Ed's state funeral</title>"
        "</head><body><h1>Officials plan Sir Ed's state funeral</h1><p>Text.</p></body></html>"
    )
    # When the metadata is extracted / Then the title is the headline alone
    assert extract(page.encode()).title == "Officials plan Sir Ed's state funeral"


def test_a_kicker_heading_inside_a_longer_title_does_not_replace_it() -> None:
    # Given a title whose heading holds only its first words (a kicker)
    page = (
        "<html><head><title>The Open Journalism Project: Better Student Journalism</title></head>"
        "<body><h2>Open Journalism Project:</h2><p>Text.</p></body></html>"
    )
    # When the metadata is extracted / Then the whole title stays
    assert extract(page.encode()).title == "The Open Journalism Project: Better Student Journalism"


def test_a_headline_above_the_article_replaces_a_title_that_names_only_the_site() -> None:
    # Given a page whose <title> is the site's name and whose headline is a bold cell above the story
    story = "<p>" + "The county council approved the new bus routes on Tuesday after a debate. " * 3 + "</p>"
    page = (
        "<html><head><title>WIFR - Sports section front</title></head><body><table><tr>"
        "<td class='storyhead'>Council approves new bus routes</td></tr><tr><td>"
        f"{story}</td></tr></table></body></html>"
    )
    # When the metadata is extracted / Then the title is the headline the page shows
    assert extract(page.encode()).title == "Council approves new bus routes"


def test_a_long_headline_opening_the_article_replaces_a_title_that_names_only_the_site() -> None:
    # Given a site-only <title>, and an article whose first block is its headline of 40+ characters
    story = "<p>" + "The county council approved the new bus routes on Tuesday after a debate. " * 3 + "</p>"
    headline = "County council approves the new bus routes after debate"
    head = "<title>WIFR - Sports section front</title>"
    # When it is extracted / Then the title is that headline
    assert extract(html_page(f"<div><h3>{headline}</h3>{story}</div>", head=head)).title == headline


def test_a_subheading_above_the_first_paragraph_does_not_replace_a_real_title() -> None:
    # Given a page whose <title> is its headline and whose first paragraph follows a section heading
    story = "<p>" + "The county council approved the new bus routes on Tuesday after a debate. " * 3 + "</p>"
    page = (
        "<html><head><title>Council approves new bus routes after long debate</title></head><body>"
        f"<h1>Council approves new bus routes after long debate</h1><h2>What was decided</h2>{story}"
        "</body></html>"
    )
    # When the metadata is extracted / Then the title stays the headline
    assert extract(page.encode()).title == "Council approves new bus routes after long debate"


def test_each_field_names_the_evidence_it_came_from() -> None:
    # Given a page whose headline is in JSON-LD, its image in OpenGraph and its byline visible
    head = ld_json(headline="Buses return to the old town", datePublished="2024-03-05")
    head += '<meta property="og:image" content="https://news.example/bus.jpg">'
    body = '<p class="byline">By Jane Doe</p>' + prose()
    # When it is extracted
    article = extract(html_page(body, head=head))
    # Then every field it has names its source, and none it lacks is listed
    assert article.sources == {
        "title": "json-ld",
        "published": "json-ld",
        "image": "opengraph",
        "authors": "byline",
        "language": "declared",
    }


def test_a_guessed_language_is_marked_as_detected() -> None:
    # Given a page that declares no language
    page = f"<html><body>{prose()}</body></html>".encode()
    # When it is extracted
    article = extract(page)
    # Then its language is read from the text and says so
    assert (article.language, article.sources["language"]) == ("en", "detected")


def test_a_compact_pdate_meta_is_the_publication_day() -> None:
    # Given the New York Times' <meta name="pdate" content="YYYYMMDD">
    head = '<meta name="pdate" content="20190806">'
    # When it is extracted
    article = extract(html_page(prose(), head=head))
    # Then it is the published day, from a meta tag
    assert (article.published, article.sources["published"]) == ("2019-08-06", "meta")


def test_an_abbr_marked_as_date_published_gives_its_title_attribute() -> None:
    # Given a Blogger-style <abbr itemprop="datePublished" title="..."> showing only a time
    body = '<abbr itemprop="datePublished" title="2016-12-06T12:06:00-08:00">12:06 PM</abbr>' + prose()
    # When it is extracted
    article = extract(html_page(body))
    # Then the title attribute is the date, from microdata
    assert article.published == "2016-12-06T12:06:00-08:00"
    assert article.sources["published"] == "microdata"


def test_a_date_shown_only_beside_the_byline_is_found() -> None:
    # Given a page with no date in its markup but one shown in its attribution line, above the
    # article or below it
    line = '<p class="date">Tuesday 15 October 2019 by Jane Doe</p>'
    # When they are extracted
    above, below = extract(html_page(line + prose())), extract(html_page(prose() + line))
    # Then the dateline above the article dates the first, htmldate finds the day in the second
    assert (above.published, above.sources["published"]) == ("2019-10-15", "dateline")
    assert (below.published, below.sources["published"]) == ("2019-10-15", "htmldate")


@pytest.mark.parametrize(
    ("lang", "dateline", "day"),
    [
        ("en", "Posted by Jane Doe on Tue, Oct 30th, 2012 at 9:41 am", "2012-10-30"),
        ("fr", "Publié le 3 mars 2015 à 08:00", "2015-03-03"),
        ("en", "29/12/2007", "2007-12-29"),
        ("en", "3/09/15 8:00am", None),  # 9 March or 3 September: not guessed
        ("en", "Posted on: 07-20-2012", "2012-07-20"),  # month first: the only order that is a date
        ("en", "Nov. 6, 2012 By Jane Doe", "2012-11-06"),  # a month's short form, AP style
        ("en", "Posted Sept. 25, 2018", "2018-09-25"),
        ("en", "Article Launched: 12/30/2007 01:50:35 AM PST", "2007-12-30"),
        ("en", "Posted on: 08-06-2012", None),  # 8 June or 6 August
        ("en", "Monday, 11.05.2012", "2012-11-05"),  # 11 May 2012 was a Friday: the weekday tells
        ("en", "Member since 08/2003", None),  # a month, not a day
        ("en", "Last updated: January 13, 2008 09:31 PM", None),  # the last change
        ("en", "Week in the field, July 13th, 2012 (Photo credit: Jane Doe)", None),  # a photo's day
        ("en", "Published January 12, 2008; updated January 13, 2008", "2008-01-12"),
    ],
)
def test_a_dateline_between_headline_and_article_dates_an_undated_page(
    lang: str, dateline: str, day: str | None
) -> None:
    # Given a page without a date in its markup, its headline, a line under it, then the article
    body = f"<h1>Council approves new bus routes</h1><div>{dateline}</div>{prose()}"
    # When it is extracted
    article = extract(html_page(body, lang=lang))
    # Then the line's day is the publication date, said to come from the dateline (or none)
    assert (article.published, article.sources.get("published")) == (day, "dateline" if day else None)


@pytest.mark.parametrize(
    "header",
    [
        "<h1><a href='/storm'>Remembering the great storm of March 13, 1993</a></h1>",  # the headline's own
        "<h1>Council approves new bus routes</h1>"
        "<figure><figcaption>Riders at the depot, July 13, 2011</figcaption></figure>",
        "<h1>Council approves new bus routes</h1><p>The city opened its first bus line on July 4, 1996.</p>",
        "<h1>Council approves new bus routes</h1><div>By Thomas Friedman, 11/05/2012</div>",  # not a Thursday
        "<h1>Council approves new bus routes</h1><p>The council, which first met on March 3, 2009, revised"
        " its plan for the routes this week after a long debate among members and riders alike.</p>",
    ],
)
def test_dates_near_the_headline_that_are_not_its_dateline_are_not_taken(header: str) -> None:
    # Given a page whose only dates under or in the headline are not the article's publication
    # When it is extracted
    article = extract(html_page(header + prose(), lang="en"))
    # Then none of them is taken from the dateline
    assert article.sources.get("published") != "dateline"


def test_a_bare_dateline_just_above_the_headline_dates_the_post() -> None:
    # Given a blog post dated above its title, and one with a long caption naming a day there
    dated = "<div>Monday, October 29, 2012</div><h1>Council approves new bus routes</h1>"
    caption = "<div>Riders at the depot on the day the routes were announced, June 13, 2012</div>"
    # When they are extracted
    first = extract(html_page(dated + prose(), lang="en"))
    second = extract(html_page(caption + "<h1>Council approves new bus routes</h1>" + prose(), lang="en"))
    # Then the bare dateline dates the first; the caption does not date the second
    assert (first.published, first.sources["published"]) == ("2012-10-29", "dateline")
    assert second.sources.get("published") != "dateline"


def test_a_long_byline_gives_the_day_at_its_end() -> None:
    # Given a byline longer than the date parser reads, its date at the end
    byline = "Posted by Jane Doe, Senior Transport Correspondent, on March 3, 2012"
    # When it is extracted / Then its day is found
    assert extract(
        html_page(f"<h1>Council approves new bus routes</h1><div>{byline}</div>{prose()}")
    ).published == ("2012-03-03")


def test_an_article_named_commentary_keeps_its_time() -> None:
    # Given an article classed "commentary" (not a comment thread) with its <time pubdate>
    body = '<article class="commentary"><time pubdate datetime="2012-09-25T09:00:00+00:00">Sep 25</time>'
    # When it is extracted / Then that <time> is its date
    assert extract(html_page(body + prose() + "</article>")).published == "2012-09-25T09:00:00+00:00"


def test_a_subheading_opening_the_body_does_not_replace_the_headline_above_it() -> None:
    # Given an h1 headline, then a long h2 that opens the article's container, then the story
    story = "<p>" + "The county council approved the new bus routes on Tuesday after a debate. " * 3 + "</p>"
    body = (
        "<h1>Council approves new bus routes</h1><div class='story'><h2>What the new routes mean for riders"
        f" across the county</h2>{story * 4}</div>"
    )
    # When it is extracted / Then the title is the h1's headline
    assert extract(html_page(body, head="<title>WIFR - Sports section front</title>")).title == (
        "Council approves new bus routes"
    )


def test_an_all_digit_date_that_reads_either_way_is_not_guessed() -> None:
    # Given a page whose only date is "3/09/15" (9 March to an American site, 3 September to Europe)
    body = '<span class="published">3/09/15 8:00am</span>' + prose()
    # When it is extracted
    article = extract(html_page(body))
    # Then no day is claimed
    assert article.published is None


def test_an_all_digit_date_that_reads_either_way_is_settled_by_its_weekday() -> None:
    # Given a page whose only date, "Thu, 08/09/2012", is 9 August or 8 September (a Saturday)
    body = '<span class="published">Thu, 08/09/2012</span>' + prose()
    # When it is extracted / Then the reading that falls on a Thursday is the day
    assert extract(html_page(body)).published == "2012-08-09"


def test_an_all_digit_date_on_a_page_in_a_day_first_language_is_kept() -> None:
    # Given a page declared German whose only date is "03.09.2015" (Germans write the day first)
    body = prose() + '<span class="published">03.09.2015 08:00</span>'  # not a dateline: htmldate's
    # When it is extracted
    article = extract(html_page(body, lang="de"))
    # Then htmldate's day-first reading stands: 3 September
    assert (article.published, article.sources["published"]) == ("2015-09-03", "htmldate")


def test_an_all_digit_date_that_reads_one_way_only_is_kept() -> None:
    # Given a page whose only date is "25/09/15": the 25th can only be the day
    body = prose() + '<span class="published">25/09/15 8:00am</span>'  # not a dateline: htmldate's
    # When it is extracted
    article = extract(html_page(body))
    # Then htmldate's reading stands
    assert (article.published, article.sources["published"]) == ("2015-09-25", "htmldate")


def test_a_numeric_meta_date_is_read_only_when_its_order_is_certain() -> None:
    # Given one page whose meta date can only be 29 May, and one whose could be 5 August or 8 May
    certain = '<meta name="publishdate" content="05/29/2007 09:49:00">'
    either = '<meta name="publishdate" content="05/08/2014 07:01:00">'
    # When they are extracted
    dated, undated = extract(html_page(prose(), head=certain)), extract(html_page(prose(), head=either))
    # Then the first gives its day, from the meta tag, and the second no day at all
    assert (dated.published, dated.sources["published"]) == ("2007-05-29", "meta")
    assert undated.published is None


def test_a_time_marked_only_as_the_last_change_is_not_the_publication_date() -> None:
    # Given a page whose only <time> is its dateModified, and one whose only <time> a theme marks
    # hAtom-style "updated" though it is the publication date
    modified = '<time datetime="2016-09-14T07:07:00-04:00" itemprop="dateModified">Last updated</time>'
    both = (
        '<time class="entry-date updated td-module-date" datetime="2016-09-14T07:07:00-04:00">Sep 14</time>'
    )
    # When they are extracted
    first, second = extract(html_page(modified + prose())), extract(html_page(both + prose()))
    # Then the first claims no publication day; the second's date is the publication day
    assert first.published is None
    assert (second.published, second.sources["published"]) == ("2016-09-14T07:07:00-04:00", "time")


def test_a_generic_date_meta_yields_to_a_time_marked_as_the_publication() -> None:
    # Given a template's <meta name="date"> holding the render time and a <time pubdate> by the byline
    head = '<meta name="date" content="July 31, 2012, 2:30 pm">'
    body = '<time pubdate datetime="2012-07-24T10:00:00-04:00">July 24, 2012</time>' + prose()
    # When they are extracted, with and without the <time>
    marked, generic = extract(html_page(body, head=head)), extract(html_page(prose(), head=head))
    # Then the <time> wins; alone, the generic meta gives its day (its "pm" not read as 02:30)
    assert (marked.published, marked.sources["published"]) == ("2012-07-24T10:00:00-04:00", "time")
    assert (generic.published, generic.sources["published"]) == ("2012-07-31", "meta")


@pytest.mark.parametrize(
    ("meta", "day"),
    [
        ('<meta name="posted" content="2012-11-06">', "2012-11-06"),
        ('<meta name="icx_pubdate" content="10 January 2008">', "2008-01-10"),
        ('<meta name="dateofPublication" content="Friday, January 18th, 2008">', "2008-01-18"),
        ('<meta name="OriginalPublicationDate" content="2012/12/18 00:06:16">', "2012-12-18T00:06:16"),
    ],
)
def test_publication_meta_names_and_their_date_formats_are_read(meta: str, day: str) -> None:
    # Given a page dated only by one of these meta tags / When extracted / Then that is its date
    assert extract(html_page(prose(), head=meta)).published == day


def test_a_comment_time_marked_pubdate_is_not_the_articles_date() -> None:
    # Given a WordPress page: the entry's <time> unmarked, each reader comment's marked pubdate
    entry = '<time class="entry-date" datetime="2012-09-25T09:00:00+00:00">September 25, 2012</time>'
    comments = (
        '<ol class="commentlist"><li id="li-comment-7"><article id="comment-7">'
        '<time pubdate datetime="2012-10-14T18:02:00+00:00">October 14, 2012</time>'
        "<p>Great post, thank you.</p></article></li></ol>"
    )
    # When it is extracted
    article = extract(html_page(entry + prose() + comments))
    # Then the entry's <time> is the publication date, not the comment's
    assert (article.published, article.sources["published"]) == ("2012-09-25T09:00:00+00:00", "time")


def test_the_modified_date_is_never_taken_as_the_published_one() -> None:
    # Given a page that states only when it was last modified
    head = '<meta property="article:modified_time" content="2024-06-01T10:00:00Z">'
    # When it is extracted
    article = extract(html_page(prose(), head=head))
    # Then it has a modified date and no published date
    assert (article.modified, article.published) == ("2024-06-01T10:00:00Z", None)


def test_a_site_prefix_is_cut_where_a_classed_headline_shows_the_rest() -> None:
    # Given a title prefixed with the site's name, and the headline shown in a classed cell
    head = "<title>Adnkronos International Algeria: Attack claimed in the north</title>"
    body = '<table><tr><td class="newsheading">Algeria: Attack claimed in the north</td></tr></table>'
    # When it is extracted
    article = extract(html_page(body + prose(), head=head))
    # Then the title is the headline the page shows, without the site
    assert article.title == "Algeria: Attack claimed in the north"


def test_a_dateline_between_headline_and_article_does_not_hide_the_headline() -> None:
    # Given a title naming only the site, then the headline, a dateline, and the article
    head = "<title>Sportal &gt; Golf &gt; News</title>"
    body = "<h1>Bus network grows again</h1><p>19/01/2008 4:52:15 PM</p>" + prose()
    # When it is extracted
    article = extract(html_page(body, head=head))
    # Then the headline replaces the site-only title, and says where it came from
    assert (article.title, article.sources["title"]) == ("Bus network grows again", "headline")


def test_a_desk_is_not_an_author() -> None:
    # Given bylines that credit a desk rather than a person
    for byline in ("Our Foreign Staff", "By Staff Writers", "News Desk"):
        body = f'<p class="byline">{byline}</p>' + prose()
        # When extracted / Then no author is claimed
        assert extract(html_page(body)).authors == ()


def test_an_agency_or_the_site_is_the_author_only_when_no_person_is_named() -> None:
    # Given JSON-LD crediting the site and an agency, and a visible byline naming a person
    head = ld_json(author=[{"@type": "Organization", "name": "City Paper"}, "AFP"])
    head += '<meta property="og:site_name" content="City Paper">'
    named = '<p class="byline">By Jane Doe</p>' + prose()
    # When extracted / Then the person is the author
    assert extract(html_page(named, head=head)).authors == ("Jane Doe",)
    # And a page crediting only the agency keeps the agency
    assert extract(html_page(prose(), head=ld_json(author="AFP"))).authors == ("AFP",)


def test_a_forum_byline_reads_as_the_browser_shows_its_lines() -> None:
    # Given a byline whose name and member line are separated by <br>
    body = '<div class="author">diyguy<br>Member since 2009</div>' + prose()
    # When extracted / Then the name is not run into the next line
    assert extract(html_page(body)).authors == ("diyguy",)


def test_names_are_split_only_at_real_separators() -> None:
    # Given a magazine credited as "Mac & i", and a "Last, F." citation name
    magazine = extract(html_page(prose(), head='<meta name="author" content="Mac &amp; i">'))
    cited = extract(html_page(prose(), head='<meta name="author" content="Kooman, F.">'))
    # Then neither is cut into a name and a stray letter
    assert magazine.authors == ("Mac & i",)
    assert cited.authors == ("Kooman F",)


def test_a_cut_off_description_yields_to_the_complete_one_it_starts() -> None:
    # Given a meta description cut short and a complete og:description
    head = '<meta name="description" content="The council voted on Tuesday to expand the bus…">'
    head += (
        '<meta property="og:description" content="The council voted on Tuesday to expand the bus network.">'
    )
    # When extracted / Then the complete description is kept, from OpenGraph
    article = extract(html_page(prose(), head=head))
    assert article.description == "The council voted on Tuesday to expand the bus network."
    assert article.sources["description"] == "opengraph"


# The four XPath searches byline_marks() replaced, strongest first (kept here as its reference).
_LOWER = 'translate({}, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")'
BYLINE_XPATHS = (
    '//*[@rel="author"]',
    '//*[contains(concat(" ", normalize-space(@itemprop), " "), " author ")]',
    f'//*[contains({_LOWER.format("@class")}, "byline") or contains({_LOWER.format("@id")}, "byline")]',
    f'//*[contains({_LOWER.format("@class")}, "author") or contains({_LOWER.format("@id")}, "author")]',
)
MARKED = (
    "<a rel='author'>A</a><a rel='author me'>B</a><span itemprop=' name\tauthor\n'>C</span>"
    "<span itemprop='authorName'>D</span><div class='ByLine'>E</div>"
    "<div id='x' class='post'><i id='AUTHOR'>F</i></div>"
    "<p class='by\u0130line'>G</p><p class='byline-author'>H</p><p id='author' class='byline'>I</p>"
)


@pytest.mark.parametrize("page", [*FIXTURE_PAGES, None], ids=lambda page: page.parent.name if page else "-")
def test_byline_marks_are_the_four_xpath_searches(page: Path | None) -> None:
    # Given a fixture page, or markup marked as a byline in every way and case
    markup = page.read_text(encoding="utf-8") if page else f"<html><body>{MARKED}</body></html>"
    tree = lxml.html.document_fromstring(markup)
    # When sorted by strength in one pass / Then each strength holds what its XPath finds, in order
    assert byline_marks(tree) == [tree.xpath(xpath) for xpath in BYLINE_XPATHS]


def test_headline_names_are_matched_as_the_case_insensitive_regex_does() -> None:
    # Given class and id values made of headline words, near misses, case variants and letters
    # that case-insensitive matching equates with ASCII ones (dotted and dotless i, long s, Kelvin)
    generator = random.Random(5)
    lookalikes = ["t\u0130tle", "t\u0131tle", "\u017f", "\u212a"]
    pieces = ["head", "header", "title", "HEADER", "Title", "he", "ad", "er", *lookalikes, "x", " "]
    names = ["".join(generator.choice(pieces) for _ in range(generator.randint(0, 4))) for _ in range(3000)]
    # When tested / Then each answer is the regex's, ignoring case
    for name in names:
        classes, _, element_id = name.partition(" ")
        expected = headline.HEADLINE_NAME.search(f"{classes} {element_id}") is not None
        assert headline._named_as_headline(classes, element_id) == expected, repr(name)


LONG_HEADLINE = "Council approves the new bus routes for the old town"  # long enough to open a body


def test_an_h1_opening_the_article_outranks_a_label_above_and_its_dateline_dates_the_page() -> None:
    # Given a section label classed as a head above the story, whose container opens on its h1,
    # then a dateline and the article
    body = (
        "<div class='storyhead'>Sport Story RSS</div><div class='story'>"
        f"<h1>{LONG_HEADLINE}</h1><p>1:18PM Tuesday January 15, 2008 By Jane Doe</p>{prose()}</div>"
    )
    # When it is extracted
    article = extract(html_page(body, head="<title>City Paper - Sport</title>"))
    # Then the h1 is the title and the dateline under it the publication date
    assert article.title == LONG_HEADLINE
    assert (article.published, article.sources["published"]) == ("2008-01-15", "dateline")


def test_a_block_repeating_the_title_marks_the_header_whatever_its_element() -> None:
    # Given a headline in a plain table cell that the <title> repeats, a dateline under it, then
    # the article
    body = (
        "<table><tr><td>Council approves new bus routes</td></tr><tr><td>January 11, 2008</td></tr>"
        f"<tr><td>{prose()}</td></tr></table>"
    )
    head = "<title>Council approves new bus routes - City Paper</title>"
    # When it is extracted / Then the dateline under that cell dates the page
    article = extract(html_page(body, head=head))
    assert (article.published, article.sources["published"]) == ("2008-01-11", "dateline")


def test_a_day_under_an_update_label_is_the_last_change_not_the_publication() -> None:
    # Given a page that shows only "Last Updated:", a clock and a day under its headline, and
    # links to other stories with later days in their addresses
    links = "".join(
        f"<li><a href='/news/2008/01/17/story{n}.html'>Other story {n}</a></li>" for n in range(3)
    )
    body = (
        "<h1>Council approves new bus routes</h1><div>Last Updated:</div><div>2:55am GMT</div>"
        f"<div>29/12/2007</div>{prose()}<ul>{links}</ul>"
    )
    # When it is extracted
    article = extract(html_page(body))
    # Then that day is the last change; no later day is taken for the publication
    assert (article.modified, article.sources["modified"]) == ("2007-12-29", "dateline")
    assert article.published is None


def test_part_of_the_headline_repeating_the_title_does_not_replace_it() -> None:
    # Given an h1 "Welcome to <span>Product Name</span>" and the <title> that is the whole h1
    body = "<h1>Welcome to <span>Firefox Developer Edition</span></h1>" + prose()
    head = "<title>Welcome to Firefox Developer Edition</title>"
    # When it is extracted / Then the title is the whole headline, not the span's part of it
    assert extract(html_page(body, head=head)).title == "Welcome to Firefox Developer Edition"


@pytest.mark.parametrize("dateline", ["November 7 2012", "8:40AM Tuesday January 15, 2008"])
def test_a_heading_that_only_dates_the_post_is_not_its_headline(dateline: str) -> None:
    # Given a blog whose date heading comes between its headline and the post
    body = f"<h2>Council votes to expand the bus network</h2><h2>{dateline}</h2>{prose()}"
    # When it is extracted
    article = extract(html_page(body, head="<title>City Paper</title>"))
    # Then the headline is the title and the date heading the publication date
    assert article.title == "Council votes to expand the bus network"
    assert article.sources.get("published") == "dateline"


def test_a_dateline_just_above_an_article_without_a_headline_dates_it() -> None:
    # Given a page with no headline-like block: a byline and a dateline, then the article
    body = f"<div>Sunday, January 6, 2008; Page A04</div><div>Jane Doe, Staff Writer</div>{prose()}"
    # When it is extracted / Then the dateline dates the page
    article = extract(html_page(body))
    assert (article.published, article.sources["published"]) == ("2008-01-06", "dateline")


def test_a_bold_headline_opening_the_article_that_the_title_repeats_outranks_a_bold_line_above() -> None:
    # Given a bold call to action above the story, and the story opening on its bold headline
    # (the <title>'s), a dateline and the article
    body = (
        "<div class='sidebar'><p><b>Get City Paper headlines emailed to you daily.</b></p>"
        "<ul><li><a href='/world'>World</a></li><li><a href='/sport'>Sport</a></li></ul></div>"
        f"<div class='article'><p><b>{LONG_HEADLINE}</b></p><p>Sunday 30th December, 2007</p>{prose()}</div>"
    )
    # When it is extracted / Then the dateline under the headline dates the page
    article = extract(html_page(body, head=f"<title>{LONG_HEADLINE}</title>"))
    assert (article.published, article.sources["published"]) == ("2007-12-30", "dateline")


def test_a_day_labelled_as_the_publication_s_outranks_the_site_s_today() -> None:
    # Given a page whose masthead shows today's date and whose article, further down, shows
    # "Published Date:" and its day
    body = (
        "<div class='masthead'>Tuesday, 15th January 2008</div>"
        + prose()
        + ("<div>Published Date: 11 January 2008 Source: Press Association</div>")
    )
    # When it is extracted / Then the labelled day is the publication date
    article = extract(html_page(body))
    assert (article.published, article.sources["published"]) == ("2008-01-11", "dateline")


@pytest.mark.parametrize(
    "text",
    [
        "<p>The study, published on March 3, 2009, found no such effect in the city's buses.</p>",
        "<ul><li>Bus fares rise. Published: 9 January 2008</li>"
        "<li>Trams return. Published: 3 January 2008</li></ul>",
    ],
)
def test_a_day_prose_mentions_as_published_or_one_of_several_labelled_days_is_no_label(text: str) -> None:
    # Given a page whose only "published" days are a study's, in prose, or a list's, one per story
    # When it is extracted / Then no labelled day is taken for the publication
    assert extract(html_page(prose() + text)).sources.get("published") != "dateline"


def test_a_posted_label_padded_by_the_template_dates_the_page_but_a_comment_s_posted_by_does_not() -> None:
    # Given a page labelling its day "Posted" with its colon padded far apart, and one whose only
    # "Posted" day is a reader comment's ("Posted by: Sean | Jan 10, 2008")
    padded = "<div><strong>Posted" + " " * 40 + ":</strong> Fri, 11 Jan 2008 11:01:23 GMT</div>"
    comment = "<div>Great post! Posted by: Sean | Jan 10, 2008 4:49:12 PM</div>"
    # When they are extracted
    labelled, commented = extract(html_page(prose() + padded)), extract(html_page(prose() + comment))
    # Then the first is dated by its label, the second by no label
    assert (labelled.published, labelled.sources["published"]) == ("2008-01-11", "dateline")
    assert commented.sources.get("published") != "dateline"


def test_a_date_in_the_headline_the_article_opens_on_is_not_its_dateline() -> None:
    # Given an article that opens on a headline naming a past day, under a different <title>
    headline = "Council budget vote recalls the storm of March 13, 1993 here"
    paragraph = (
        "<p>" + "The council voted on Tuesday to approve the new budget for the coming year. " * 5 + "</p>"
    )
    body = f"<article><h1>{headline}</h1>{paragraph * 2}</article>"
    head = "<title>Council votes to approve the new budget for the coming year</title>"
    # When it is extracted / Then that day is not the publication date
    assert extract(html_page(body, head=head)).published is None


@pytest.mark.parametrize(
    ("header", "published", "modified"),
    [
        (
            "<div>Last Updated:</div><div>May 3, 2020</div><div>First published May 1, 2020</div>",
            "2020-05-01",
            "2020-05-03",
        ),
        ("<p>Security Update</p><p>By Jane Doe</p><p>March 3, 2020</p>", "2020-03-03", None),
    ],
)
def test_an_update_label_stands_for_one_day_and_only_a_label_is_one(
    header: str, published: str, modified: str | None
) -> None:
    # Given an update label then its day then the publication's, and a heading that merely
    # holds the word "Update" above a byline and a dateline
    body = f"<h1>Council votes to expand the bus network</h1>{header}{prose()}"
    # When they are extracted
    article = extract(html_page(body))
    # Then the publication day is read past the update's, and the heading is no label
    assert (article.published, article.modified) == (published, modified)


def test_a_day_in_a_script_is_not_a_labelled_publication_day() -> None:
    # Given a page whose only "Published" day is in a script
    script = '<script>var relatedPublished = "Mar 4, 2011"; var label = "Published: Mar 4, 2011";</script>'
    # When it is extracted / Then that day is not taken as labelled by the page
    assert extract(html_page(prose() + script)).sources.get("published") != "dateline"


BLOG_HEADLINE = "Council votes to expand the bus network"
# A blog template whose body starts with the site's own strip: the header above the article
# is not where the article's text is found to start, so the post's dateline is looked for after
# the element showing the title
BLOG_STRIP = (
    "<div class='site'>The City Blog</div>"
    "<div>City Blog page · RSS feed · Newsletter · Archive · Contact the editors · Subscribe</div>"
)


def _blog_post(after_title: str, *, above: str = "") -> bytes:
    post = f"<div class='title'><a href='/p/1'>{BLOG_HEADLINE}</a></div>{after_title}<div>{prose()}</div>"
    head = f"<title>{BLOG_HEADLINE}</title>"
    return html_page(f"{above}<div class='post'>{BLOG_STRIP}{post}</div>", head=head)


def test_the_byline_s_day_after_the_element_showing_the_title_dates_the_post() -> None:
    # Given a blog post whose byline under its title ends with the day, split over a link
    page = _blog_post("<div>by <a href='/u/jd'>Jane Doe</a> on Tuesday, December 6, 2011 at 9:01pm</div>")
    # When it is extracted / Then that day is the publication date, from the dateline
    article = extract(page)
    assert (article.published, article.sources["published"]) == ("2011-12-06", "dateline")


@pytest.mark.parametrize("marked", ["<!--DateBEG-->{day}<!--DateEND-->", "<script>x()</script>{day}"])
def test_a_day_shown_after_a_comment_or_a_script_in_the_header_dates_the_article(marked: str) -> None:
    # Given a headline whose dateline's text follows a template's comment (or a script) in its
    # element, the first of a few texts under it
    dateline = marked.format(day="January 18, 2008")
    body = f"<h3>{BLOG_HEADLINE}</h3><span class='date'>{dateline}<br><br>Sales desk<br>By Jane Doe</span>"
    page = html_page(f"<div>{BLOG_STRIP}</div><div>{body}<div>{prose()}</div></div>")
    # When it is extracted / Then that day is the publication date, from the dateline
    article = extract(page)
    assert (article.published, article.sources.get("published")) == ("2008-01-18", "dateline")


def test_a_linked_dateline_above_the_headline_dates_the_post() -> None:
    # Given a blog post whose dateline above its title links to the post
    dateline = "<a href='/2012/10/24/post'>Wednesday, October 24, 2012 at 10:30 am</a>"
    page = html_page(
        f"<div>{BLOG_STRIP}</div><div>{dateline}<h3>{BLOG_HEADLINE}</h3><div>{prose()}</div></div>"
    )
    # When it is extracted / Then that day is the publication date
    assert extract(page).published == "2012-10-24"


def test_share_links_between_the_dateline_and_the_headline_below_it_do_not_hide_the_day() -> None:
    # Given a dateline above the headline, with the share tools' links and separators between
    labels = ["View all news", "Send to a friend", "Print"]
    tools = " | ".join(f"<a href='/share/{n}'>{label}</a>" for n, label in enumerate(labels))
    body = f"<span>09 January 2008 - 11:14AM</span><span>{tools}</span><h3>{BLOG_HEADLINE}</h3>"
    page = html_page(f"<div>{BLOG_STRIP}</div><div>{body}<div>{prose()}</div></div>")
    # When it is extracted / Then the day above the headline is the publication date
    article = extract(page)
    assert (article.published, article.sources.get("published")) == ("2008-01-09", "dateline")


@pytest.mark.parametrize(
    ("after_title", "above"),
    [
        # a caption's sentence under the title names the day of its picture
        ("<div>The mayor speaks at the council meeting on May 18, 2012, in the town hall.</div>", ""),
        # the title shown first in a list of posts, followed by another post's linked title
        (
            "",
            f"<ul class='recent'><li><a href='/p/1'>{BLOG_HEADLINE}</a></li>"
            "<li><a href='/p/0'>What the council said about the buses on October 19, 2012</a></li></ul>",
        ),
    ],
)
def test_a_caption_or_another_post_s_title_after_the_title_does_not_date_the_post(
    after_title: str, above: str
) -> None:
    # Given a post whose title is followed by a caption naming a day, or first shown in a list
    # where the next post's title names one
    # When it is extracted / Then neither day dates the post
    assert extract(_blog_post(after_title, above=above)).published is None


@pytest.mark.parametrize(
    ("elsewhere", "day"),
    [
        ('<div class="date">December 21, 2006</div>', None),  # neither reading: contradicted
        ('<span class="entry-date">November 7, 2012</span>', "2012-11-07"),  # one reading: settled
    ],
)
def test_a_dateline_in_digits_that_reads_either_way_bounds_the_page_wide_answer(
    elsewhere: str, day: str | None
) -> None:
    # Given an English page whose dateline reads 11 July or 7 November, and another day
    # marked further down the page
    body = "<h1>Council votes to expand the bus network</h1><div>Posted at 11/07/2012 1:23 AM</div>"
    # When it is extracted
    article = extract(html_page(body + prose() + elsewhere, lang="en"))
    # Then a day that is neither reading is no publication date; one of them settles the order
    assert article.published == day


@pytest.mark.parametrize(
    ("address", "day"),
    [
        ("https://example.com/2012/11/council-votes", "2012-11-05"),  # November: one reading
        ("https://example.com/2012/council-votes", None),  # the year only: both readings
        ("https://example.com/council-votes", None),  # no date
    ],
)
def test_a_dateline_in_digits_that_reads_either_way_is_settled_by_the_month_in_the_address(
    address: str, day: str | None
) -> None:
    # Given an English page whose dateline, "11.05.12", reads 11 May or 5 November, and whose
    # canonical address may name the month
    head = f'<link rel="canonical" href="{address}">'
    body = "<h1>Council votes to expand the bus network</h1><div>11.05.12 Written by Jane Doe</div>"
    # When it is extracted / Then only a month the address names settles the order
    assert extract(html_page(body + prose(), head=head, lang="en")).published == day


def test_a_page_showing_only_its_update_day_has_that_day_modified_and_no_publication_day() -> None:
    # Given a headline over "Last Updated: <day>" and the same day marked further down the page
    body = "<h1>Council votes to expand the bus network</h1><div>Last Updated: October 27, 2012 9:22pm</div>"
    elsewhere = '<span class="entry-date">October 27, 2012</span>'
    # When it is extracted
    article = extract(html_page(body + prose() + elsewhere, lang="en"))
    # Then the update day is the modified day, and no publication day is claimed from it
    assert article.published is None
    assert (article.modified, article.sources["modified"]) == ("2012-10-27", "dateline")


@pytest.mark.parametrize(
    ("after_title", "above", "day"),
    [
        # another post's linked title in a table (no list) after the title's first copy
        (
            "",
            "<table><tr><td><a href='/p/1'>X</a></td></tr><tr><td><a href='/p/2'>Mayor opens the new "
            "city bridge</a></td><td>January 5, 2008</td></tr></table>",
            None,
        ),
        # a day inside prose broken up by a link, after the title
        (
            "<p>In a report released <a href='/r'>March 3, 2009</a>, the agency said that the bus network "
            "had grown faster than any other in the region over the decade before.</p>",
            "",
            None,
        ),
        # the byline's day under the title, the author an e-mail link with a role
        (
            "<div><a href='mailto:jd@example.com'>JANE DOE, Deputy Business Editor</a> January 8, 2008</div>",
            "",
            "2008-01-08",
        ),
    ],
)
def test_texts_after_the_title_stop_at_another_article_or_prose(
    after_title: str, above: str, day: str | None
) -> None:
    # Given a post whose title is followed by another article's link, prose naming a day, or
    # its byline and day
    page = _blog_post(after_title, above=above.replace(">X<", f">{BLOG_HEADLINE}<"))
    # When it is extracted / Then only a byline's day dates the post
    assert extract(page).published == day


def test_a_list_nested_in_the_post_s_own_item_does_not_end_its_header() -> None:
    # Given posts in a list, the headline's item holding a list of its byline and dateline
    post = (
        "<ol><li class='post'><h2>Council votes to expand the bus network</h2>"
        f"<ul class='meta'><li>By Jane Doe</li><li>Posted November 7, 2012</li></ul>{prose()}</li></ol>"
    )
    # When it is extracted / Then that dateline dates the post
    article = extract(html_page("<div>Sidebar: March 3, 2012</div>" + post, lang="en"))
    assert (article.published, article.sources["published"]) == ("2012-11-07", "dateline")


@pytest.mark.parametrize(
    ("dateline", "published", "modified"),
    [
        ("By Jane Doe, edited by John Roe, March 3, 2012", "2012-03-03", None),  # an editor, not an update
        ("Posted NOV. 6, 2012", "2012-11-06", None),  # a short month in capitals, AP style
    ],
)
def test_an_editor_or_a_month_in_capitals_in_the_dateline(
    dateline: str, published: str, modified: None
) -> None:
    # Given a headline over a dateline naming an editor, or a month's short form in capitals
    body = f"<h1>Council votes to expand the bus network</h1><p>{dateline}</p>{prose()}"
    # When it is extracted / Then the day is the publication's, not an update's
    article = extract(html_page(body, lang="en"))
    assert (article.published, article.modified) == (published, modified)


def test_the_first_section_heading_of_a_post_does_not_hide_the_byline_under_its_headline() -> None:
    # Given a post whose h1 the <title> repeats, its date and byline, then an article whose text
    # opens on the h3 of its first section
    story = "<p>" + "My days would start really early at the mall, six in the morning. " * 3 + "</p>"
    body = (
        "<h1>A List Of The Worst Jobs I Have Had</h1><span class='timestamp'>Nov. 6, 2012</span>"
        "<p class='byline'>By <a href='/author/jg/'>Jeremy Glass</a></p>"
        f"<div class='entry'><h3>1. Sales Associate at The Gap</h3>{story * 4}</div>"
    )
    # When it is extracted
    article = extract(html_page(body, head="<title>A List Of The Worst Jobs I Have Had | Catalog</title>"))
    # Then the day under the headline is its date, the headline its title
    assert article.published == "2012-11-06"
    assert article.sources["published"] == "dateline"
    assert article.title == "A List Of The Worst Jobs I Have Had"


def test_a_logo_heading_the_title_names_does_not_hold_over_the_post_headline() -> None:
    # Given a blog whose <title> is its own name, shown as an h1 linking home, then the post's h2
    # headline and its date, the post's text opening on that headline
    story = "<p>" + "The photographer talked about his years of posting pictures every day. " * 3 + "</p>"
    body = (
        "<h1><a href='https://hawk.example/'>Thomas Hawk Digital Connection</a></h1>"
        f"<div class='post'><h2>An Interview With Thomas Hawk</h2>{story * 4}</div>"
    )
    # When it is extracted / Then the post's headline is the title
    assert extract(html_page(body, head="<title>Thomas Hawk Digital Connection</title>")).title == (
        "An Interview With Thomas Hawk"
    )


def test_the_day_shown_under_the_headline_is_the_date_over_the_address_day() -> None:
    # Given a story filed under /2012/11/05/ whose byline shows it on 6 Nov (Pacific time)
    body = (
        "<h1>Chicagoland Voters Have Not Forgotten Benghazi</h1>"
        "<div class='byline'>by Jasmine Velasco</div><div>6 Nov 2012, 3:00 PM PDT</div>" + prose()
    )
    # When it is extracted with its address
    article = extract(html_page(body), url="https://news.example/2012/11/05/chicagoland-voters")
    # Then the day shown is its date
    assert (article.published, article.sources["published"]) == ("2012-11-06", "dateline")


@pytest.mark.parametrize(
    "body",
    [
        # a post's headline under the bar
        "<div id='header'><span class='date-header'>Wednesday, November 7 2012</span></div>"
        "<h2>Running back likely still out this week</h2><p class='info'>NFL Staff</p>",
        # no headline found above the story: a few labels right above it
        "<div><span class='date-header'>Wednesday, November 7 2012</span></div>"
        "<p class='info'>| Tags:</p><p>(Associated Press)</p>",
    ],
)
def test_a_date_bar_atop_the_page_does_not_replace_the_address_day(body: str) -> None:
    # Given a blog whose masthead shows today's date above the post, the post filed under
    # /2012/11/04/
    # When it is extracted with its address
    article = extract(html_page(body + prose()), url="https://blogs.example/2012/11/04/still-out/")
    # Then the address's day stands
    assert (article.published, article.sources["published"]) == ("2012-11-04", "url")


@pytest.mark.parametrize(
    ("pictures", "day"),
    [
        (["/uploads/2012/11/cake.jpg", "/uploads/2012/11/table.jpg"], "2012-11-07"),  # November
        (["/uploads/2012/11/cake.jpg", "/uploads/2012/07/venue.jpg"], None),  # half and half
        ([], None),
    ],
)
def test_an_all_digit_dateline_is_settled_by_the_month_its_pictures_are_filed_under(
    pictures: list[str], day: str | None
) -> None:
    # Given a post dated "11.07.12" above its headline (7 November or 11 July), its pictures
    # uploaded under the given months, and a link to another post filed under last July
    images = "".join(f"<img src='https://blog.example{src}' alt=''>" for src in pictures)
    body = (
        "<div class='blog_date'>11.07.12</div><h1>Rustic Wedding in the Valley</h1>"
        f"{images}{prose()}<a href='https://blog.example/2012/07/another-post/'>Another post</a>"
    )
    # When it is extracted / Then the reading in the pictures' month is the day, if one month
    assert extract(html_page(body)).published == day


def test_a_box_of_links_beside_the_headline_does_not_hide_its_dateline() -> None:
    # Given a dateline above a bold headline the <title> repeats (with its section and site),
    # then a "Most Viewed" box of two bold-headed lists of links, then the story
    links = "".join(
        f"<tr><td><a href='/articles/{n}.html'>Other story number {n}</a></td></tr>" for n in range(6)
    )
    box = "".join(
        f"<table><tr><td><strong>{name}</strong></td></tr>{links}</table>"
        for name in ("Camden", "Life is Local")
    )
    body = (
        "<table><tr><td>30 December 2007 - 7:24AM</td></tr></table>"
        "<span class='StoryDetailsHeader'><strong>Boy killed by grandparents' Rottweiler</strong></span>"
        f"<div style='float:right'><strong>Most Viewed Articles</strong>{box}</div>" + prose()
    )
    head = "<title>Boy killed by grandparents' Rottweiler - World - General - Camden Advertiser</title>"
    # When it is extracted
    article = extract(html_page(body, head=head))
    # Then the headline is its title and the dateline its date
    assert article.title == "Boy killed by grandparents' Rottweiler"
    assert article.published == "2007-12-30"


def test_the_site_name_under_the_headline_does_not_replace_it() -> None:
    # Given an h1 headline and the site's name as an h3 under it, both in the <title>
    body = "<h1>Local biotech researcher dies</h1><h3>Kansas City Business Journal</h3>" + prose()
    head = "<title>Local biotech researcher dies - Kansas City Business Journal:</title>"
    # When it is extracted / Then the headline is the title
    assert extract(html_page(body, head=head)).title == "Local biotech researcher dies"


def test_the_byline_after_a_headline_in_markup_dates_the_article() -> None:
    # Given an h2 headline whose words are split by italics, then its byline and date, then a
    # story whose first paragraph is broken by links and a figure (no long text of its own)
    words = " ".join(
        f"<a href='/p/{n}'>Stage star {n}</a> will sing for the benefit concert, and" for n in range(12)
    )
    body = (
        "<header><h2 class='article-title'><i>Newsies</i> Stars Headline the <i>Oh Sandy</i> Benefit</h2>"
        "<div id='subheader'>By <a href='/author/dg'>David Gordon</a> <img src='/g.png'> • Nov 6, 2012"
        f" • New York City</div></header><article><p>{words} more.</p></article>"
    )
    # When it is extracted / Then the day under the headline is its date
    head = "<meta property='og:title' content='Newsies Stars Headline the Oh Sandy Benefit'>"
    assert extract(html_page(body, head=head)).published == "2012-11-06"


def test_a_standfirst_between_the_headline_and_the_byline_does_not_hide_its_date() -> None:
    # Given a headline, a standfirst in a font run, then the byline with its date, then the story
    deck = "He cut his dreadlocks for his father, but the son will not stop making records. " * 2
    body = (
        "<h1>Sacre bleep! The son is a hip-hop producer</h1>"
        f"<font size='3'>{deck}</font><br><br><b>Paul MacInnes<br>Tuesday January 8, 2008<br>"
        "<a href='/'>Guardian Unlimited</a></b>" + prose()
    )
    # When it is extracted / Then the byline's day is its date
    head = "<title>Sacre bleep! The son is a hip-hop producer | News | Music</title>"
    assert extract(html_page(body, head=head)).published == "2008-01-08"


def test_a_page_naming_no_address_is_dated_by_the_address_its_share_links_pass_on() -> None:
    # Given a page without canonical link or og:url whose share links pass on its dated address,
    # and links to two other stories (by picture and by name) filed under other days
    own = (
        "http%3a%2f%2fwww.paper.example%2fnews%2fmain.jhtml%3fxml%3d%2fnews%2f2007%2f12%2f28%2fwtiger128.xml"
    )
    share = f"<a href='http://digg.example/submit?url={own}'>Digg</a><a href='http://del.example/post?url={own}'>del</a>"
    other = "".join(
        f"<a href='/news/main.jhtml?xml=/news/2008/01/{day}/other.xml'>{text}</a>"
        for day in (15, 16)
        for text in ("<img src='/p.jpg'>", "Another story")
    )
    # When it is extracted
    article = extract(html_page(prose() + share + other))
    # Then its address's day is its date
    assert (article.published, article.sources["published"]) == ("2007-12-28", "url")


def test_the_print_dateline_right_above_a_story_without_headline_is_its_date() -> None:
    # Given a story filed under 5 January whose print edition's dateline stands right above it
    body = "<p>By Kari Lydersen</p><p>Sunday, January 6, 2008; Page A04</p>" + prose()
    # When it is extracted with its address / Then the day shown is its date
    article = extract(html_page(body), url="https://paper.example/content/article/2008/01/05/AR20080105.html")
    assert (article.published, article.sources["published"]) == ("2008-01-06", "dateline")


@pytest.mark.parametrize("stamp", ["POSTED: 11:54 pm EST January 9, 2008", "Posted 11:54 pm EST JAN 9, 2008"])
def test_a_dateline_with_words_in_capitals_is_read(stamp: str) -> None:
    # Given a headline and under it a stamp with a label and a time zone in capitals (which the
    # date parser takes for a currency code)
    body = f"<h1>Rockets use fourth-quarter surge to squash Knicks</h1><div class='posted'>{stamp}</div>"
    # When it is extracted / Then its day is the date
    assert extract(html_page(body + prose())).published == "2008-01-09"


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("09:40 pm, Friday October 26, 2012", "2012-10-26"),
        ("By Jane Doe | county-paper.com | 80 views | August 9, 2012 at 4:35 pm", "2012-08-09"),
        ("01/13/08 - Ontario Hockey League (OHL)", "2008-01-13"),
        ("Sat, 29 Dec 15:58:00 2007", "2007-12-29"),
        ("12:48 PM ON WED JAN 9 2008 BY MARK WILSON", "2008-01-09"),
        ("[Published: 8-Jan-2008]", "2008-01-08"),
        ("<a href='/tagged/x'>Aug 8 '12</a>", "2012-08-08"),
        ("By David Richards | Monday | 07/01/2008", "2008-01-07"),  # (1 July 2008 was a Tuesday)
    ],
)
def test_a_dateline_is_read_whatever_else_its_text_holds(stamp: str, day: str) -> None:
    # Given a headline and under it a stamp whose date comes after a clock or is split by one, is
    # written with hyphens, or sits beside a web address or an acronym (which the date parser
    # takes for a phone number, a link, a currency)
    body = f"<h1>Rockets use fourth-quarter surge to squash Knicks</h1><div class='posted'>{stamp}</div>"
    # When it is extracted / Then its day is the date
    assert extract(html_page(body + prose())).published == day


@pytest.mark.parametrize(
    ("label", "day"),
    [
        ("POSTED ON November 7th, 2012", "2012-11-07"),
        ("By Jane Doe, Entertainment Writer POSTED: 9:07 pm PST January 17, 2008", "2008-01-17"),
        ("POSTED: 11:21 pm MST January 8, 2008", "2008-01-08"),
    ],
)
def test_a_publication_label_in_capitals_dates_the_page(label: str, day: str) -> None:
    # Given a post whose only date follows a label in capitals, away from its headline
    body = f"<div class='meta'>{label}</div><div class='nav'>Home</div>" + prose() + "<h2>Vote today</h2>"
    # When it is extracted / Then that day is its date
    assert extract(html_page(body + prose())).published == day


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Posted by Dharmesh Shah on Wed, Oct 24, 2012 11:25 AM", "2012-10-24"),
        (
            "Posted in <a href='/c/sony'>Sony</a>, <a href='/c/psp'>PSP</a> by Darrin Olson"
            " on January 7th, 2008",
            "2008-01-07",
        ),
        ("Posted by jenn | November 6, 2012", "2012-11-06"),
        ("Posted to <a href='/hot'>Hot</a>, <a href='/games'>Games</a> on 9 November 2012", "2012-11-09"),
    ],
)
def test_a_posts_byline_saying_who_posted_it_and_when_dates_it(line: str, day: str) -> None:
    # Given a post whose date is in the line saying who posted it or where, at its end, and a
    # reader's comment under it dated some days later
    comment = "<div class='comments'><p>Ben said: Nice.</p><p>November 12, 2012 3:30 PM</p></div>"
    body = "<h2>Ten years of the shop</h2>" + prose() + f"<p class='post-footer'>{line}</p>" + comment
    # When it is extracted / Then that day is its date
    assert extract(html_page(body)).published == day


@pytest.mark.parametrize(
    "line",
    [
        "Published: 9 November 2012",
        "POSTED ON 9 November 2012",
        "Posted by Jane Doe on 9 November 2012",
        "Posted in News, Sony by Jane Doe on 9 November 2012",
        "Posted to Hot Stuff, Video Games on 9 November 2012",
        "Posted by jenn | 9 November 2012",
    ],
)
def test_publication_labels_are_read_up_to_their_day(line: str) -> None:
    # Given a line labelling the day a post was published / When the label is sought
    label = dates.PUBLISHED_LABEL.search(line)
    # Then what follows it is the day
    assert label is not None and line[label.end() :] == "9 November 2012"


def test_comments_saying_who_posted_them_and_when_do_not_date_the_post() -> None:
    # Given a post without a date, under it two comments, each saying who posted it and when
    comments = "".join(
        f"<div class='comment'><p>Great post, thanks.</p><p>Posted by {name} on {day}</p></div>"
        for name, day in (("Ann", "October 25, 2012"), ("Bob", "October 27, 2012"))
    )
    # When it is extracted / Then neither comment's day is its date
    assert extract(html_page("<h2>Ten years of the shop</h2>" + prose() + comments)).published is None


@pytest.mark.parametrize(
    ("tag", "day"),
    [
        ("<meta name='DC.date.issued' content='2011-12-15'>", "2011-11-29"),
        ("<meta name='DC.date.issued' content='2011-11-29T15:00:00Z'>", "2011-11-29T15:00:00Z"),
        ("<meta property='article:published_time' content='2011-12-15'>", "2011-12-15"),
        ("<meta name='date' content='2011-12-15'>", "2011-11-29"),
        ("<meta name='parsely-pub-date' content='2011-12-15'>", "2011-12-15"),
        ("<meta name='citation_publication_date' content='2011/12/15'>", "2011-12-15"),
    ],
)
def test_the_dateline_over_the_headline_outranks_a_template_meta_tag(tag: str, day: str) -> None:
    # Given a post whose header shows the day it was posted, and a meta tag naming a day
    body = (
        "<div id='entryhead'><span class='timestamp'>Posted at 10:00 AM ET, 11/29/2011</span>"
        "<h1>New choices for our readers</h1><div class='byline'>By Jane Doe</div></div>"
    )
    # When it is extracted
    published = extract(html_page(body + prose(), head=tag)).published
    # Then the day shown is the date over a template's tag (Dublin Core's, a bare "date"; kept,
    # with its time, when it is the same day), not over one a publisher sets for the publication
    # (OpenGraph's, Parse.ly's, a citation's)
    assert published == day


@pytest.mark.parametrize(
    ("dateline", "elsewhere", "day"),
    [
        ("on Sunday October 28, @11:02PM", "<p>Copyright 2012. Our 2011 annual report.</p>", "2012-10-28"),
        ("Dec. 3", "<p>Last Updated: December 3, 2007 00:47 EST</p>", "2007-12-03"),
        # (Sunday, October 28 in 2012 and in 2007 alike: either year, so no date)
        ("on Sunday October 28, @11:02PM", "<p>Copyright 2012. Founded in 2007.</p>", None),
    ],
)
def test_a_dateline_without_its_year_takes_the_one_the_page_gives_it(
    dateline: str, elsewhere: str, day: str | None
) -> None:
    # Given a headline over a dateline without its year, and years elsewhere on the page
    body = f"<h1>Steve Jobs' yacht revealed</h1><p class='byline'>Posted by samzenpus {dateline}</p>"
    # When it is extracted
    published = extract(html_page(body + prose() + elsewhere)).published
    # Then the year is the one of a date the page writes with the same month and day, or the one
    # year it names that fits the dateline's weekday
    assert published == day


@pytest.mark.parametrize(
    ("elsewhere", "day"),
    [
        ("<li>1/15/2008 Results</li><li>12/20/2007 Preview</li>", "2008-01-08"),  # month first
        ("<li>15/01/2008 Results</li><li>20/12/2007 Preview</li>", "2008-08-01"),  # day first
        ("<li>1/15/2008 Results</li><li>20/12/2007 Preview</li>", None),  # both: no order
    ],
)
def test_an_all_digit_dateline_is_read_in_the_order_of_the_pages_other_dates(
    elsewhere: str, day: str | None
) -> None:
    # Given a headline over a dateline in digits that reads either way, and a list of other
    # dates in digits that read one way only
    body = "<h1>Rockets use fourth-quarter surge to squash Knicks</h1><p>Posted 01/08/2008 - 10:07</p>"
    # When it is extracted
    published = extract(html_page(body + prose() + f"<ul>{elsewhere}</ul>")).published
    # Then it is read in their order, if they keep to one
    assert published == day


@pytest.mark.parametrize(
    ("dateline", "elsewhere"),
    [
        ("on \u017funday October 28, @11:02PM", "<p>Copyright 2012.</p>"),  # a long s: no weekday
        ("on Sunday October 28, @11:02PM", "<p>Not to be confused with October 28, 1066.</p>"),
        ("on Sunday October 28, @11:02PM", "<p>Monday October 28, 2013: me too</p>"),
    ],
)
def test_a_dateline_without_its_year_is_not_completed_by_a_year_that_cannot_be_its(
    dateline: str, elsewhere: str
) -> None:
    # Given a year-less dateline, and elsewhere a year out of the web's range or one whose day
    # is not on the dateline's weekday
    body = f"<h1>Steve Jobs' yacht revealed</h1><p class='byline'>Posted by samzenpus {dateline}</p>"
    # When it is extracted / Then that year does not complete it (and nothing fails)
    assert extract(html_page(body + prose() + elsewhere)).published is None


def test_a_lone_score_in_digits_does_not_settle_a_datelines_order() -> None:
    # Given an all-digit dateline that reads either way, and one score that looks like a date
    body = "<h1>Rockets use fourth-quarter surge to squash Knicks</h1><p>Posted 01/08/2008 - 10:07</p>"
    # When it is extracted / Then the order is not settled
    assert extract(html_page(body + prose() + "<p>The Knicks fell to 4-13-12.</p>")).published is None


def test_a_relative_time_before_a_datelines_date_does_not_hide_it() -> None:
    # Given a headline over "Posted 3 days ago - January 8, 2008"
    body = (
        "<h1>Rockets use fourth-quarter surge to squash Knicks</h1><p>Posted 3 days ago - January 8, 2008</p>"
    )
    # When it is extracted (its address naming the day before) / Then the day shown is the date
    assert extract(html_page(body + prose()), url="https://paper.example/2008/01/07/rockets").published == (
        "2008-01-08"
    )


def test_one_comment_saying_who_posted_it_and_when_does_not_date_the_post() -> None:
    # Given a post without a date, and under it one comment saying who posted it and when
    comment = "<div class='comment'><p>Nice.</p><p>Posted by Ann on October 25, 2012</p></div>"
    # When it is extracted / Then the comment's day is not the post's
    assert extract(html_page("<h2>Ten years of the shop</h2>" + prose() + comment)).published is None


def test_a_blog_footer_saying_when_the_entry_was_posted_dates_it() -> None:
    # Given a post whose only date is its template's footer line
    footer = "<p class='postmetadata'>This entry was posted on Saturday, October 16th, 2010 at 12:32 pm</p>"
    # When it is extracted / Then that day is its date
    assert extract(html_page("<h2>Ten years of the shop</h2>" + prose() + footer)).published == "2010-10-16"


def test_a_link_to_the_previous_post_naming_its_day_does_not_date_this_one() -> None:
    # Given a post without dateline, above it a link to the previous post whose title names a day
    # (and an acronym in capitals, which is no label, time zone or month)
    body = (
        "<p class='content-nav'><a href='/2012/11/week-in-review.html'>"
        "« AWS Week in Review - October 29, 2012</a>"
        " | <a href='/'>Main</a></p><h2>Deploy a server farm in six simple steps</h2>" + prose()
    )
    # When it is extracted / Then that day is not its date
    assert extract(html_page(body)).published is None


@pytest.mark.parametrize(
    ("link", "day"),
    [
        ("<a href='/Articles/639894/'>LWN.net Weekly Edition for April 16, 2015</a>", None),
        ("<a href='/2015/04/16/'>Thursday, April 16, 2015 at 10:30 am</a>", "2015-04-16"),
    ],
)
def test_a_link_above_the_headline_dates_it_only_when_it_is_a_dateline(link: str, day: str | None) -> None:
    # Given a headline and right above it a link naming a day: another issue's title, or the
    # page's own linked dateline
    body = f"<div class='side'><p>{link}</p></div><h1>A trademark battle in the Arduino community</h1>"
    # When it is extracted / Then only the dateline dates the page
    assert extract(html_page(body + prose())).published == day


@pytest.mark.parametrize(
    "links",
    [
        "<h1><a href='http://[bad'>Council approves new bus routes</a></h1><h3>The County Paper Online</h3>",
        "<a href='http://[bad?u=http://paper.example/2012/01/02/x'>Digg</a>" * 2,
    ],
)
def test_a_malformed_address_in_a_link_is_no_fault(links: str) -> None:
    # Given a headline linking to a malformed address, or share links from one
    head = "<title>Council approves new bus routes - The County Paper Online</title>"
    # When it is extracted / Then the article comes out
    assert extract(html_page(links + prose(), head=head)).title == "Council approves new bus routes"


@pytest.mark.parametrize(
    ("address", "day"),
    [
        ("https://news.example/story/12/07/24/022228/the-toolbox", "2012-07-24"),
        ("https://news.example/story/12/07/25/022228/the-toolbox", None),  # another day: no year told
        ("https://news.example/s/ucrr/20120724/cm_ucrr/the-toolbox", "2012-07-24"),
    ],
)
def test_a_dateline_without_its_year_takes_the_year_its_address_names(address: str, day: str | None) -> None:
    # Given a story "Posted by Jane on Tuesday July 24, @07:29AM" (no year), its address naming
    # a day after a two-digit year, or in one run of digits
    byline = "<div>Posted by Jane</div><div>on Tuesday July 24, @07:29AM</div>"
    body = f"<h1>The Nation Is Losing Its Toolbox</h1>{byline}"
    # When it is extracted / Then the day is that year's only when the address names that day
    assert (
        extract(html_page(body + prose(), head=f"<link rel='canonical' href='{address}'>")).published == day
    )


@pytest.mark.parametrize("url", [None, "https://paper.example/2012/03/05/budget"])
def test_a_day_inside_a_story_set_in_a_div_is_no_dateline(url: str | None) -> None:
    # Given a headline, then the story in a <div> (no paragraph) naming a later day in bold
    story = "The council met for hours over the budget and the new bus routes. " * 3
    vote = "The vote on <b>Sunday, April 1, 2012</b> is next."
    body = f"<h1>Council approves new budget</h1><div class='story'>{story} {vote} {story}</div>"
    # When it is extracted / Then that day is not its date (the address's day stands)
    assert extract(html_page(body), url=url).published == (url and "2012-03-05")


def test_share_links_of_a_box_of_other_stories_do_not_date_the_page() -> None:
    # Given a page labelling its day, then a box of two other stories, each with two share links
    items = "".join(
        f"<li><a href='https://share.example/?url=https://paper.example/2009/0{n}/1{n}/s{n}'>t</a>"
        f"<a href='https://book.example/?u=https://paper.example/2009/0{n}/1{n}/s{n}'>f</a></li>"
        for n in (3, 4)
    )
    page = html_page(prose() + "<p>Published: January 8, 2008</p>" + f"<ul>{items}</ul>")
    # When it is extracted / Then the labelled day is its date
    assert extract(page).published == "2008-01-08"


def test_one_share_link_does_not_name_the_page_address() -> None:
    # Given a page naming no address with one share link passing a dated address
    link = "<a href='https://share.example/?url=https://paper.example/2009/03/13/another'>t</a>"
    # When it is extracted / Then no day comes of it
    assert extract(html_page(prose() + link)).published is None


@pytest.mark.parametrize("inner", ["", "<!-- /headline -->"])
def test_the_byline_after_a_heading_split_by_markup_is_read(inner: str) -> None:
    # Given an h2 headline split by italics (and ending on a comment), the byline in its tail
    heading = f"<h2><i>Newsies</i> Stars Return to Broadway{inner}</h2>"
    body = f"{heading}By Jane Doe, March 3, 2012<div>{prose()}</div>"
    head = "<meta property='og:title' content='Newsies Stars Return to Broadway'>"
    # When it is extracted / Then the byline's day is its date
    assert extract(html_page(body, head=head)).published == "2012-03-03"


def test_an_anchor_without_address_in_the_headline_is_no_link_home() -> None:
    # Given the post's h1 holding a named anchor, the date under it, a first section heading
    story = "<p>" + "My days would start really early at the mall, six in the morning. " * 3 + "</p>"
    body = (
        "<h1><a name='post-1042'></a>A List Of The Worst Jobs I Have Had</h1><span>Nov. 6, 2012</span>"
        f"<div class='entry'><h3>1. Sales Associate at The Gap</h3>{story * 4}</div>"
    )
    # When it is extracted / Then the h1 is the title and its day the date
    article = extract(html_page(body, head="<title>A List Of The Worst Jobs I Have Had | Catalog</title>"))
    assert (article.title, article.published) == ("A List Of The Worst Jobs I Have Had", "2012-11-06")


@pytest.mark.parametrize("inner", ["", "<!-- /headline -->"])
def test_the_texts_after_a_heading_split_by_markup_are_those_after_it(inner: str) -> None:
    # Given an h2 whose words the italics split (ending on a comment), its byline in its tail
    story = "The story goes on. " * 9
    heading = f"<h2><i>Newsies</i> Stars Return to Broadway{inner}</h2>"
    tree = lxml.html.fromstring(f"<div>{heading}By Jane Doe, March 3, 2012<p>{story}</p></div>")
    # When the texts after the title are read / Then they are the byline, not the title's words
    assert headline.texts_after_title(tree, "Newsies Stars Return to Broadway") == (
        "By Jane Doe, March 3, 2012",
    )
