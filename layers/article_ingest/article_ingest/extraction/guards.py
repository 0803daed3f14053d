"""Stage 1b: markup built to stall or blind the parser, refused or defused before parsing.

Three shapes, each handled on the decoded text in one linear scan:
- an element with thousands of attributes: libxml2 compares each attribute of an element with
  every one before it, so one <p> with 50,000 attributes holds the parser for tens of seconds.
  No real page comes near that: the document is refused (hostile_markup);
- a DOCTYPE with an internal subset (entity definitions, the "billion laughs"): the HTML parser
  expands none of them but keeps the subset's tail (`]>`) and every `&name;` as text. The subset is
  cut and references to entities HTML does not define are dropped;
- a run of thousands of start tags with no text between them (100,000 nested <div>s): libxml2
  stops parsing at depth 256, losing everything after. Such a run is cut to its innermost
  MAX_START_TAG_RUN tags, which keeps the text and the elements nearest to it.
"""

from __future__ import annotations

import html.entities
import re

from article_ingest.extraction.errors import RejectedDocumentError, RejectionReason

# Well-formed elements carry a few dozen attributes, but broken quoting turns prose into attribute
# names (a corpus page, salon-1, has an element with 474). Parsing costs grow with the square:
# 2,000 on one element cost ~20 ms, 50,000 cost 45 s. Past this the document is refused.
MAX_ATTRIBUTES_PER_ELEMENT = 2_000
# Only start tags of at least this many units (plain characters or whole quoted values) are
# counted, so an ordinary page pays one linear scan and nothing else.
SUSPECT_TAG_UNITS = 512
QUOTED_VALUE_MAX = 65_536  # a longer quoted value (a data: URI) is no attribute bomb
# Possessive quantifiers throughout: the regex engine keeps no backtracking state, so memory
# stays flat even for one 20 MB tag (a backtracking version needed ~1 GB for 17 MB).
SUSPECT_START_TAG = re.compile(
    rf"""<[A-Za-z](?=(?:[^<>"']|"[^"]{{0,{QUOTED_VALUE_MAX}}}"|'[^']{{0,{QUOTED_VALUE_MAX}}}')"""
    rf"""{{{SUSPECT_TAG_UNITS}}})(?:[^<>"']++|"[^"]*+"|'[^']*+')*+"""
)
# A suspect start tag, or where a script, style or comment (text the parser reads raw) opens.
# Every alternative opens with a literal "<", which lets the regex engine skip ahead between tags.
MARKUP_TOKEN = re.compile(
    rf"<(?:(?P<comment>!--)|(?P<tag>{SUSPECT_START_TAG.pattern[1:]})|(?:script|style)\b)", re.IGNORECASE
)
RAW_TEXT_TAG = re.compile(r"<(script|style)\b", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""[\s/]*+[^\s"'<>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'<>]*+))?+""")

# A DOCTYPE at the head of the document (after an XML declaration and comments) with an internal
# subset in brackets; quoted values and comments inside the subset may hold "]" or ">".
DOCTYPE_WITH_SUBSET = re.compile(
    r"""\A(\s*+(?:<\?xml[^>]*+>\s*+)?+(?:<!--(?:[^-]++|-(?!->))*+-->\s*+)*+)"""
    r"""<!DOCTYPE\b(?:[^\[>"']++|"[^"]*+"|'[^']*+')*+"""
    r"""\[(?:[^\]"'<]++|"[^"]*+"|'[^']*+'|<!--(?:[^-]++|-(?!->))*+-->|<)*+\]\s*+>""",
    re.IGNORECASE,
)
ENTITY_REFERENCE = re.compile(r"&([A-Za-z_][\w.\-]*+);")
HTML_ENTITIES = frozenset(name.rstrip(";") for name in html.entities.html5)

# libxml2 stops at depth 256; a run of this many start tags without text is not layout but a
# bomb (real pages nest a few dozen wrappers). Longer runs keep their innermost tags only.
MAX_START_TAG_RUN = 64
# Void and self-closing-by-sibling elements do not nest, so runs of them are left alone.
NON_NESTING = "area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li|dt|dd|tr|td|th|option"
NESTING_START_TAG = rf"<(?!(?:{NON_NESTING})\b)[A-Za-z][^<>]*+>\s*+"
# Written to open with a literal "<" (one tag, then the rest of the run) for the engine's fast skip.
START_TAG_RUN = re.compile(
    rf"{NESTING_START_TAG}(?:{NESTING_START_TAG}){{{MAX_START_TAG_RUN},}}+", re.IGNORECASE
)
START_TAG = re.compile(r"<[^<>]*+>")


def guard_markup(text: str) -> str:
    """Refuse markup that would stall the parser; defuse markup that would blind it."""
    check_attributes(text)
    return flatten_start_tag_runs(strip_internal_subset(text))


def most_attributes(markup: str, *, limit: int = MAX_ATTRIBUTES_PER_ELEMENT) -> int:
    """The largest attribute count of one start tag (counting stops past `limit`).

    Only suspiciously long start tags are counted; positions are scanned in place, never copied.
    Scripts, styles and comments are skipped: `i<vendors.length&&...` in a script is no tag.
    """
    worst, position = 0, 0
    while worst <= limit and (token := MARKUP_TOKEN.search(markup, position)):
        position = token.end()
        if token.group("tag"):
            worst = max(worst, _attribute_count(markup, token, limit))
        if token.group("comment"):
            close = markup.find("-->", position)
        elif raw_text := RAW_TEXT_TAG.match(markup, token.start()):
            found = re.compile(rf"</{raw_text.group(1)}", re.IGNORECASE).search(markup, position)
            close = found.start() if found else -1
        else:
            continue
        if close < 0:
            break  # an unclosed script or comment runs to the end, as the parser reads it
        position = close
    return worst


def _attribute_count(markup: str, tag: re.Match[str], limit: int) -> int:
    count = 0
    for count, _ in enumerate(ATTRIBUTE.finditer(markup, tag.start() + 1, tag.end())):
        if count > limit:
            break  # the first match is the tag's name: `count` is the attributes seen so far
    return count


def check_attributes(text: str) -> None:
    """Reject a document with an element carrying more attributes than any real page."""
    if most_attributes(text) > MAX_ATTRIBUTES_PER_ELEMENT:
        detail = f"an element with more than {MAX_ATTRIBUTES_PER_ELEMENT} attributes"
        raise RejectedDocumentError(RejectionReason.HOSTILE_MARKUP, detail)


def strip_internal_subset(text: str) -> str:
    """Cut a DOCTYPE with an internal subset, and the references to entities HTML does not know."""
    match = DOCTYPE_WITH_SUBSET.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    return match.group(1) + ENTITY_REFERENCE.sub(_drop_unknown_entity, rest)


def _drop_unknown_entity(match: re.Match[str]) -> str:
    return match.group(0) if match.group(1) in HTML_ENTITIES else ""


def flatten_start_tag_runs(text: str) -> str:
    """Cut every run of more than MAX_START_TAG_RUN start tags to its innermost ones."""
    return START_TAG_RUN.sub(_innermost_tags, text)


def _innermost_tags(match: re.Match[str]) -> str:
    return "".join(START_TAG.findall(match.group(0))[-MAX_START_TAG_RUN:])
