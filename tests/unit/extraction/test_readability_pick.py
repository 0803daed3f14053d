"""readability's pick: same measure, cheaper, and quiet about the failures it falls back from."""

from __future__ import annotations

import copy
import logging
import random
import re
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest
import readability.readability

from article_ingest.extraction import extract
from article_ingest.extraction.body import readability_pick as pick
from article_ingest.extraction.body.readability_pick import (
    READABILITY_LOGGER,
    clean_whitespace,
    readability_pick,
    text_length,
)
from article_ingest.extraction.signals import CaselessWords
from tests.support.pages import html_page, prose


def test_text_length_counts_whitespace_runs_as_one_character() -> None:
    # Given an element whose text is spread over indented lines
    element = lxml.html.fragment_fromstring("<div>\n   Buses\t\treturn  <b>today</b>\n</div>")
    # When measured / Then the runs of whitespace count once and the ends not at all
    assert text_length(element) == len("Buses return today")


def test_whitespace_is_collapsed_exactly_as_readability_does() -> None:
    # Given texts built from runs of every kind of whitespace, some longer than readability's
    # 255-character cut, between letters and commas
    pieces = [" ", "\n", "\t", "\r", "\xa0", "\u2003", "\x0b", "a", ","]
    lengths = [1, 2, 3, 254, 255, 256, 700]
    rng = random.Random(7)  # fixed: the same texts on every run
    texts = [
        "".join(rng.choice(pieces) * rng.choice(lengths) for _ in range(rng.randint(0, 12)))
        for _ in range(3000)
    ]
    # When collapsed by both / Then the output is the library's, text for text
    for text in texts:
        assert clean_whitespace(text) == readability.readability.clean(text), repr(text[:40])


def test_the_length_of_collapsed_whitespace_is_measured_without_collapsing() -> None:
    # Given texts of words and runs of every kind of whitespace, some of them past 255 long
    generator = random.Random(13)
    pieces = ["a", "bus.", " ", "  ", "\t", "\n", "\r", "\u00a0", "\u2009", "\x0b", " \t", "\t ", "\t\t"]
    texts = ["".join(generator.choice(pieces) for _ in range(generator.randint(0, 30))) for _ in range(5000)]
    texts += [f"a{' ' * n}b{chr(9) * n}c \u00a0{' ' * n}\n d" for n in (100, 254, 255, 300)]
    # When measured / Then each length is that of readability's clean()
    for text in texts:
        assert pick.clean_length(text) == len(readability.readability.clean(text)), repr(text)


FIXTURES = Path(__file__).parents[2] / "fixtures/corpus/readability-test-pages"
FIXTURE_PAGES = sorted(FIXTURES.glob("*/source.html"))
TRICKY_DIVS = (
    "<div>loose <b>bold</b> text<br>after<div><p>a block</p></div><div>leaf <i>x</i></div>"
    "<div><span><img src='a.png'></span></div><div><a href='#'><svg><path d='M0'/></svg></a> tail</div>"
    "<div><u title='<p>'>escaped attribute</u></div><div><table><tr><td>cell</td></tr></table></div></div>"
)


def _restructured(transform: object, page: str) -> str:
    document = pick._Readability(lxml.html.document_fromstring(page))
    document.html = document._parse(copy.deepcopy(document.input))
    for element in list(document.html.iter("script", "style", "noscript")):
        element.drop_tree()  # as summary() does before it
    transform(document)  # type: ignore[operator]
    return str(lxml.html.tostring(document.html, encoding="unicode"))


UNLIKELY = (
    "<div class='sidebar'>menu</div><div id='comments' class='article'>kept: ok-maybe</div>"
    "<div class='footer'><article>kept: holds an article</article></div><pre class='menu'>kept: code</pre>"
    "<div class='menu'><span class='menu'>nested</span></div><p id='x'>short id</p>"
    "<div class='SideBar'>mixed case</div><div class='\u017fhoutbox'>long s, matched ignoring case</div>"
    "<div class='menu' id='MainNav'>kept: ok-maybe in the id</div><div class='' id=''>empty</div>"
)
# readability's steps run here in cheaper versions, and the made-up markup that trips each one
REWRITTEN_STEPS = {
    "transform_misused_divs_into_paragraphs": TRICKY_DIVS,
    "remove_unlikely_candidates": UNLIKELY,
}


def test_name_flags_are_readability_s_regexes() -> None:
    # Given class and id values made of the regexes' words, their case variants and other letters
    generator = random.Random(3)
    # (letters that case-insensitive matching equates with an ASCII one: long s, dotless i, Kelvin)
    lookalikes = ["\u017fidebar", "\u017fhoutbox", "commun\u0131ty", "\u212a", "\u0130", "\u00e9"]
    words = [
        *pick.UNLIKELY_NAMES.lowercase.pattern.split("|"),
        *pick.MAYBE_CANDIDATE_NAMES.lowercase.pattern.split("|"),
    ]
    assert all(re.fullmatch("[a-z-]+", word) for word in words)  # the premise: lowercase words only
    pieces = [*words, *lookalikes, "x", "-", " "]
    names = ["".join(generator.choice(pieces) for _ in range(generator.randint(0, 4))) for _ in range(3000)]
    names = [name.upper() if generator.random() < 0.3 else name for name in names]
    # When flagged / Then each is what the library's two regexes say
    for name in names:
        expected = (
            pick.REGEXES["unlikelyCandidatesRe"].search(name) is not None,
            pick.REGEXES["okMaybeItsACandidateRe"].search(name) is not None,
        )
        assert pick._name_flags(name) == expected, repr(name)


@pytest.mark.parametrize("step", REWRITTEN_STEPS)
@pytest.mark.parametrize("page", [*FIXTURE_PAGES, None], ids=lambda page: page.parent.name if page else "-")
def test_each_rewritten_step_changes_the_tree_exactly_as_readability_does(
    step: str, page: Path | None
) -> None:
    # Given a real page from the fixture corpus, or markup made to trip the step's shortcut
    markup = (
        page.read_text(encoding="utf-8") if page else f"<html><body>{REWRITTEN_STEPS[step]}</body></html>"
    )
    # When the library's method and this package's version each change the same parsed page
    library = _restructured(getattr(pick.Document, step), markup)
    ours = _restructured(getattr(pick._Readability, step), markup)
    # Then the trees are the same
    assert ours == library


def test_the_stock_readability_module_is_left_alone() -> None:
    # Given the module readability_pick loads its private copy of readability from
    # When the pick has been imported / Then other users of readability get the library's clean()
    assert readability.readability.clean is not clean_whitespace


def test_the_article_is_picked_from_a_parsed_tree() -> None:
    # Given a parsed page with a menu and an article
    menu = "<div class='menu'>" + "".join(f"<a href='/s{i}'>Section {i}</a>" for i in range(8)) + "</div>"
    page = f"<html><body>{menu}<div class='story'>{prose()}</div></body></html>"
    tree = lxml.html.document_fromstring(page)
    # When readability picks / Then the prose is in and the menu is out
    text = readability_pick(tree).text_content()
    assert "bus network" in text
    assert "Section 3" not in text


def test_readability_tracebacks_are_not_logged(caplog: pytest.LogCaptureFixture) -> None:
    # Given readability's logger, as it reports a failure readability_pick falls back from
    logger = logging.getLogger(READABILITY_LOGGER)
    # When it logs the failure with its traceback
    with caplog.at_level(logging.DEBUG, logger=READABILITY_LOGGER):
        try:
            raise ValueError("no body")  # a real exception, for a real traceback
        except ValueError:
            logger.exception("error getting summary: ")
        logger.info("ruthless removal did not work. ")
    # Then the traceback record is dropped and its other messages still pass
    assert [record.getMessage() for record in caplog.records] == ["ruthless removal did not work. "]


QUOTE_LEADS = (
    "<div class='story'><div><p><a href='/mayor'>The mayor said this to the council, word for word</a>:"
    "</p></div>"
    "<div><blockquote><p>We will run the buses every ten minutes from June.</p></blockquote></div>"
    "<div><p>short:</p></div><div><blockquote>a</blockquote></div>"
    f"<section><div>{prose()} It ends here:</div><div>no quotation follows</div></section>{prose()}</div>"
)


HIDDEN = (
    "<div hidden><p style='display:none'>hidden twice</p>tail one</div>kept<p>one "
    "<span style='display: none'>styled<b hidden>both</b></span>tail two<i style='color:red'>kept</i></p>"
    "<p hidden='' style='display:none'>both on one</p><p style='DISPLAY:NONE'>upper case</p>"
)


UNCLEAN = (
    "<!-- a comment --><?php echo 1; ?><script src='x.js'></script><style>p{}</style>"
    "<link rel='stylesheet' href='s.css'><p style='color:red'>kept<script>inner()</script>tail</p>"
    "<image src='a.png'><svg xmlns='http://www.w3.org/2000/svg'><script>svg()</script></svg>"
    "<iframe src='https://www.youtube.com/embed/x'></iframe><form><input name='q'></form>"
)


def _library_hidden_passes(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """readability 0.9's _parse: hidden elements dropped, then those styled display:none."""
    hidden: list[lxml.html.HtmlElement] = tree.xpath("//*[@hidden]")
    for element in hidden:
        element.drop_tree()
    styled: list[lxml.html.HtmlElement] = tree.xpath("//*[@style]")
    for element in styled:
        if pick.REGEXES["displayNoneRe"].search(element.get("style")):
            element.drop_tree()
    return tree


def _dropped_hidden(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    pick.drop_hidden(tree)
    return tree


@pytest.mark.parametrize("root", ["<html style='display:none'>", "<html hidden>"])
def test_a_hidden_root_fails_the_passes_where_the_library_s_do(root: str) -> None:
    # Given a page whose root is hidden or styled display:none, with hidden elements inside
    markup = f"{root}<body><p hidden>secret</p><p style='display:none'>styled</p><p>shown</p></body></html>"
    library, ours = lxml.html.document_fromstring(markup), lxml.html.document_fromstring(markup)
    # When both drop hidden elements / Then both fail on the root, the page left the same
    with pytest.raises(AssertionError):
        _library_hidden_passes(library)
    with pytest.raises(AssertionError):
        pick.drop_hidden(ours)
    assert lxml.html.tostring(ours) == lxml.html.tostring(library)


# readability's page passes this package makes in cheaper versions: (ours, the library's, the
# made-up markup that trips the shortcut)
Pass = Callable[[lxml.html.HtmlElement], lxml.html.HtmlElement]
REWRITTEN_PASSES: dict[str, tuple[Pass, Pass, str]] = {
    "drop_hidden": (_dropped_hidden, _library_hidden_passes, HIDDEN),
    "clean_copy": (pick.clean_copy, pick._CLEANER.clean_html, UNCLEAN),
}


@pytest.mark.parametrize("name", REWRITTEN_PASSES)
@pytest.mark.parametrize("page", [*FIXTURE_PAGES, None], ids=lambda page: page.parent.name if page else "-")
def test_each_rewritten_pass_leaves_the_page_as_the_library_s(name: str, page: Path | None) -> None:
    # Given a real page from the fixture corpus, or markup made to trip the pass's shortcut
    ours, library, made_up = REWRITTEN_PASSES[name]
    markup = page.read_text(encoding="utf-8") if page else f"<html><body>{made_up}</body></html>"
    # When the library's pass and this package's each run on the same parsed page
    expected = lxml.html.tostring(library(lxml.html.document_fromstring(markup)))
    # Then the pages are the same
    assert lxml.html.tostring(ours(lxml.html.document_fromstring(markup))) == expected


def test_a_root_the_cleaner_removes_is_emptied_as_it_does() -> None:
    for markup in ("<script>x()</script>", "<style>p{}</style>"):
        root = lxml.html.fragment_fromstring(markup)
        expected = lxml.html.tostring(pick._CLEANER.clean_html(root))
        assert lxml.html.tostring(pick.clean_copy(root)) == expected


class _LibraryReadability(readability.readability.Document):  # type: ignore[misc]
    """The stock library's Document, reading the parsed tree as readability_pick's does."""

    _parse = pick._Readability._parse


@pytest.mark.parametrize("page", [*FIXTURE_PAGES, None], ids=lambda page: page.parent.name if page else "-")
def test_the_summary_is_the_library_s_with_every_shortcut_on(page: Path | None) -> None:
    # Given a real page from the fixture corpus, or made-up quotation lead-ins (none of them has
    # a linked heading or a data table of links, where readability_pick changes the library's
    # rules on purpose: the tests below)
    markup = page.read_text(encoding="utf-8") if page else f"<html><body>{QUOTE_LEADS}</body></html>"
    # When the stock library and this package's readability summarise the same parsed page
    library = _LibraryReadability(lxml.html.document_fromstring(markup)).summary(html_partial=True)
    ours = pick._Readability(lxml.html.document_fromstring(markup)).summary(html_partial=True)
    # Then the summaries are the same
    assert ours == library


def _picked(body: str) -> str:
    page = f"<html><body><div class='story'>{body}</div></body></html>"
    return str(lxml.html.tostring(readability_pick(lxml.html.document_fromstring(page)), encoding="unicode"))


def test_a_heading_that_links_to_its_own_section_is_kept() -> None:
    # Given section headings whose whole text is a permalink or a table of contents' back-reference
    headings = (
        "<h2 id='fares'><a href='#fares'>Fares stay the same</a></h2>"
        "<div id='routes'><h3><a href=' #routes'>New routes</a></h3></div>"
    )
    # When readability picks the article / Then they stay (a link away would make them navigation)
    picked = _picked(prose() + headings + prose())
    assert "Fares stay the same" in picked
    assert "New routes" in picked


def test_headings_linking_to_places_not_in_the_article_are_dropped() -> None:
    # Given headings that link to a comment form or a script's placeholder, not to the article
    headings = (
        "<h3><a href='#respond'>Leave a reply</a></h3><h3><a href='#comments'>12 comments</a></h3>"
        "<h3><a href='#0'>Subscribe for full access</a></h3><h3><a href='#!'>Sign in</a></h3>"
    )
    # When readability picks the article / Then none of them stays
    picked = _picked(prose() + headings)
    assert all(text not in picked for text in ("Leave a reply", "12 comments", "Subscribe", "Sign in"))


def test_a_linked_heading_over_a_section_of_prose_is_kept() -> None:
    # Given a review whose section headings link to each film's page, each over paragraphs
    sections = "".join(f"<h3>{n}) <a href='/films/{n}'>Film number {n}</a></h3>{prose(6)}" for n in (3, 2, 1))
    # When readability picks the article / Then the headings stay
    picked = _picked(prose() + sections)
    assert all(f"Film number {n}" in picked for n in (3, 2, 1))


def test_linked_headings_over_teasers_and_scripted_headings_are_dropped() -> None:
    # Given related stories' linked headlines with a sentence under each, and a heading that opens
    # a pop-up above the article's text
    related = "".join(
        f"<h3><a href='/story/{n}'>Related story {n}</a></h3><p>A line of teaser.</p>" for n in range(3)
    )
    popup = "<h4><a href='javascript:void(0)' onclick='open()'>Interactive special</a></h4>"
    # When readability picks the article / Then neither is kept as a heading of the article
    picked = _picked(popup + prose(9) + related)
    assert "Related story" not in picked
    assert "Interactive special" not in picked


def test_a_linked_heading_over_a_list_of_links_is_dropped() -> None:
    # Given a "More news" heading over a list of linked headlines with teasers
    items = "".join(
        f"<li><a href='/s{n}'>Headline number {n} here</a> teaser words go on about the buses today</li>"
        for n in range(9)
    )
    # When readability picks the article / Then the heading goes with its list
    picked = _picked(prose() + f"<h2><a href='/more-news'>More news</a></h2><ul>{items}</ul>")
    assert "More news" not in picked


def test_a_linked_heading_is_no_preamble_of_the_article() -> None:
    # Given a related story's linked heading just before the story's body
    page = html_page(
        "<h1>Buses expand</h1><div><h2><a href='/other-story'>Read our other story about the new"
        f" bus network plans</a></h2><div class='story'>{prose(18)}</div></div>"
    )
    # When extracted / Then the title is the page's, not the linked heading's
    assert extract(page).title == "Buses expand"


def test_a_calendar_of_linked_days_is_not_a_data_table() -> None:
    # Given a blog archive's calendar in the story: a header row of weekdays, odd days linked
    days = "".join(
        "<tr>"
        + "".join(f"<td>{f'<a href=/d{d}>{d}</a>' if d % 2 else d}</td>" for d in range(w, w + 7))
        + "</tr>"
        for w in range(1, 29, 7)
    )
    calendar = f"<table><caption>May 2024</caption><tr>{'<th>M</th>' * 7}</tr>{days}</table>"
    # When readability picks the article / Then the calendar is dropped as navigation
    picked = _picked(prose(9) + calendar)
    assert "May 2024" not in picked


def test_a_data_table_of_links_is_kept_and_a_table_of_navigation_is_not() -> None:
    # Given a release history whose versions link to their notes, and a table of section links
    rows = "".join(
        f"<tr><td><a href='/notes/{n}'>Version 4.{n}</a></td><td>April 201{n}</td></tr>" for n in range(4)
    )
    data = f"<table><tr><th>Release</th><th>Date</th></tr>{rows}</table>"
    links = "".join(f"<tr><td><a href='/s{n}'>Section {n}</a></td></tr>" for n in range(4))
    navigation = f"<table><tr><th>Sections</th></tr>{links}</table>"
    # When readability picks the article
    picked = _picked(prose(6) + data + prose(6) + navigation)
    # Then the data table stays and the navigation goes
    assert "April 2013" in picked
    assert "Section 2" not in picked


@pytest.mark.parametrize("pattern", [re.compile("menu"), re.compile("Menu|footer", re.I)])
def test_only_caseless_patterns_of_lowercase_words_take_the_ascii_shortcut(pattern: re.Pattern[str]) -> None:
    # the shortcut (lowercase the name, match case-sensitively) is the same test only for these
    with pytest.raises(ValueError, match="lowercase words"):
        CaselessWords(pattern)
