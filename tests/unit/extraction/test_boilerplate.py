"""Furniture inside the chosen body is dropped; the article's own blocks stay."""

from __future__ import annotations

import lxml.html

from article_ingest.extraction import extract
from article_ingest.extraction.body.boilerplate import drop_furniture
from article_ingest.extraction.body.second_opinion import marked_container
from article_ingest.extraction.signals import named_as_furniture
from article_ingest.extraction.words import count_words
from tests.support.pages import html_page, prose


def _body(markup: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(f"<div>{prose()}{markup}{prose()}</div>")


def test_a_share_bar_named_in_camel_case_is_dropped() -> None:
    # Given a body holding a share button block named mbArticleShareBtn
    body = _body('<p class="mbArticleShareBtn">Share to Weibo</p>')
    # When furniture is dropped / Then the block is gone and the prose stays
    drop_furniture(body)
    assert "Weibo" not in body.text_content()
    assert "bus network" in body.text_content()


def test_a_section_whose_id_is_a_heading_slug_is_kept() -> None:
    # Given a section whose id is the slug of a heading that happens to contain "shared"
    section = lxml.html.fragment_fromstring('<div id="getting-into-trouble-with-shared-history">x</div>')
    # When judged / Then it is not furniture
    assert not named_as_furniture(section)


def test_generated_two_letter_classes_are_not_read_as_ads() -> None:
    # Given a paragraph with generated class names that include "ad"
    paragraph = lxml.html.fragment_fromstring('<p class="go gp ad e1ad">Text</p>')
    # When judged / Then it is not furniture
    assert not named_as_furniture(paragraph)


def test_stock_furniture_lines_are_dropped() -> None:
    # Given an advertisement label and a "Like this:" heading between paragraphs
    body = _body("<p>Advertisement</p><h3>Like this:</h3>")
    # When furniture is dropped / Then neither line is left
    drop_furniture(body)
    assert "Advertisement" not in body.text_content()
    assert "Like this" not in body.text_content()


def test_a_wrapper_holding_most_of_the_article_is_kept_whatever_its_class() -> None:
    # Given the whole article inside a wrapper whose class mentions sharing
    body = lxml.html.fragment_fromstring(f'<div><div class="post share-enabled">{prose(12)}</div></div>')
    # When furniture is dropped / Then the article is still there
    drop_furniture(body)
    assert "bus network" in body.text_content()


def test_a_related_stories_box_is_not_in_the_extracted_text() -> None:
    # Given an article with a related-stories list inside its container
    related = '<div class="jp-relatedposts"><a href="/a">Council opens new depot</a></div>'
    page = html_page(f"<article>{prose(12)}{related}</article>")
    # When extracted / Then the box is not part of the body
    assert "new depot" not in extract(page).text


def test_the_marked_container_keeps_a_wrapper_whose_class_merely_mentions_sharing() -> None:
    # Given a <main> whose only child is the article, in a wrapper classed "post share-enabled"
    paragraphs = "".join(
        f"<p>Paragraph {i} of the council report says the buses will run later on weekdays.</p>"
        for i in range(20)
    )
    tree = lxml.html.document_fromstring(
        f'<html><body><main><div class="post share-enabled">{paragraphs}</div></main></body></html>'
    )
    # When the marked container is read / Then the wrapper is the article, not a share bar
    container = marked_container(tree)
    assert container is not None
    assert count_words(container.text_content()) == 20 * 14


def test_an_aside_is_dropped_however_much_of_the_body_it_holds() -> None:
    # Given an article whose <aside> of links holds more than a third of its words
    story = "<p>The council voted on Tuesday to keep the night buses running through the winter.</p>" * 4
    most_read = "<p>Most read: ten other stories from around the region this week</p>" * 6
    aside = f"<aside>{most_read}</aside>"
    body = lxml.html.fragment_fromstring(f"<div>{story}{aside}</div>")
    # When its furniture is dropped / Then the aside is gone and the story stays whole
    drop_furniture(body)
    assert "Most read" not in body.text_content()
    assert count_words(body.text_content()) == 4 * 14
