"""The structure benchmark reads Markdown as a CommonMark renderer shows it."""

from __future__ import annotations

from bench.structure import StructureRecall, markdown_regions


def test_blocks_indented_under_a_list_item_belong_to_that_item() -> None:
    # Given a list item whose heading and paragraph are indented under its marker
    markdown = "- ![Shot](a.png)\n\n  ## WebIDE\n\n  Develop and debug apps.\n- Second item here\n"
    # When read
    regions = markdown_regions(markdown)
    # Then the item holds the heading's and the paragraph's words, and the heading is a heading too
    assert "webide develop and debug apps" in regions["list item"]
    assert regions["heading"] == "webide"


def test_code_quotes_and_table_cells_are_told_apart() -> None:
    # Given a fenced block, a quote and a GFM table
    markdown = (
        "```js\nfetch(url)\n```\n\n> quoted words here\n\n| a b | c d |\n| --- | --- |\n| e f | g h |\n"
    )
    # When read / Then each kind's blocks hold their own words, blocks apart
    regions = markdown_regions(markdown)
    assert (regions["code block"], regions["block quote"]) == ("fetch url", "quoted words here")
    assert regions["table cell"] == "a b | c d | e f | g h"


def test_an_expected_list_item_flattened_into_a_paragraph_is_not_counted() -> None:
    # Given an expected list of two items, and Markdown that ran them into one paragraph
    recall = StructureRecall()
    recall.add(
        "<ul><li>first item of three words</li><li>second item with words</li></ul>",
        "first item of three words second item with words\n",
    )
    # When scored / Then neither counts as a list item
    assert (recall.found["list item"], recall.total["list item"]) == (0, 2)


def test_words_count_only_where_they_stand_as_whole_words() -> None:
    # Given an expected item "art of war" and Markdown whose item reads "start of warning"
    recall = StructureRecall()
    recall.add("<ul><li>art of war</li></ul>", "- start of warning\n")
    # When scored / Then the item is not found
    assert recall.found["list item"] == 0
