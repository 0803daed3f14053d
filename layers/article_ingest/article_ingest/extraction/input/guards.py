"""Stage 1b: markup built to stall or blind the parser, defused before parsing.

Five shapes, each handled on the decoded text in linear scans (the last only when the parser has
met it, see parse.py):
- an element with thousands of attributes: libxml2 compares each attribute of an element with
  every one before it, so one <p> with 50,000 attributes holds the parser for tens of seconds.
  Real pages get there by accident (a stray quote turns a form's markup into attribute names),
  so the document is never refused for it: such a start tag is cut to its first
  MAX_ATTRIBUTES_PER_ELEMENT attributes and closed, and the rest of the page parses as usual;
- a DOCTYPE with an internal subset (entity definitions, the "billion laughs"): the HTML parser
  expands none of them but keeps the subset's tail (`]>`) and every `&name;` as text. The subset is
  cut and references to entities HTML does not define are dropped;
- a <title> never closed: the parser reads the rest of the document as the title's text and the
  page has no body. The title is closed where its first line (or the next tag) ends;
- an <html/> or <body/> written self-closing (or broken into looking so): libxml2 closes the
  element at once and drops everything after it. The slash is removed;
- a run of thousands of start tags with no text between them (100,000 nested <div>s): libxml2
  stops parsing at depth 256, losing everything after. Such a run is cut to its innermost
  MAX_START_TAG_RUN tags, which keeps the text and the elements nearest to it.
"""

from __future__ import annotations

import html.entities
import re

# Well-formed elements carry a few dozen attributes, but broken quoting turns prose or markup into
# attribute names (a corpus page, salon-1, has an element with 474). Parsing costs grow with the
# square: 256 on one element cost ~0.3 ms, 2,000 ~20 ms, 50,000 45 s. A start tag with more is cut
# to its first MAX_ATTRIBUTES_PER_ELEMENT, which bounds a 20 MB page of such tags to seconds.
MAX_ATTRIBUTES_PER_ELEMENT = 256
# Only start tags of at least this many units (plain characters or whole quoted values) are
# counted, so an ordinary page pays one linear scan and nothing else. Every attribute takes at
# least two units (a name character and a separator), so no tag over the limit escapes the count.
SUSPECT_TAG_UNITS = 2 * MAX_ATTRIBUTES_PER_ELEMENT
QUOTED_VALUE_MAX = 65_536  # a longer quoted value (a data: URI) is no attribute bomb
# The units of a start tag as browsers and libxml2 read it: a quote opens a value only after "=";
# anywhere else (`type="hidden""/>`) it is a character of an attribute name, and ">" ends the tag.
# Possessive quantifiers and an atomic group throughout (a unit, once matched, is never re-split:
# a tag of many `="..."` would otherwise be retried in exponentially many ways). The regex engine
# keeps no backtracking state, so memory stays flat even for one 20 MB tag (a backtracking
# version needed ~1 GB for 17 MB).
SUSPECT_START_TAG = re.compile(
    rf"""<[A-Za-z](?=(?>[^<>=]|=\s*+"[^"]{{0,{QUOTED_VALUE_MAX}}}+"|=\s*+'[^']{{0,{QUOTED_VALUE_MAX}}}+'|=)"""
    rf"""{{{SUSPECT_TAG_UNITS}}})(?:[^<>=]++|=\s*+"[^"]*+"|=\s*+'[^']*+'|=)*+"""
)
# A suspect start tag, or where a script, style or comment (text the parser reads raw) opens.
# Every alternative opens with a literal "<", which lets the regex engine skip ahead between tags.
MARKUP_TOKEN = re.compile(
    rf"<(?:(?P<comment>!--)|(?P<tag>{SUSPECT_START_TAG.pattern[1:]})|(?:script|style)\b)", re.IGNORECASE
)
RAW_TEXT_TAG = re.compile(r"<(script|style)\b", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""[\s/]*+[^\s<>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s<>]*+))?+""")

# The first <title> sits in the head, within the first few kilobytes; closed by </title> before
# the body starts, else at the end of its line or the next tag, whichever comes first.
TITLE_START = re.compile(r"<title\b[^>]*+>", re.IGNORECASE)
TITLE_SEARCH_CHARS = 65_536
TITLE_END = re.compile(r"</title\s*>", re.IGNORECASE)
BODY_START = re.compile(r"<(?:body|/head)\b", re.IGNORECASE)
TITLE_LINE_END = re.compile(r"[\r\n<]")

SELF_CLOSED_ROOT = re.compile(r"(<(?:html|body)\b[^<>/]*+(?:/(?!\s*>)[^<>/]*+)*+)/\s*+>", re.IGNORECASE)

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


def _ascii_case_insensitive(words: str) -> str:
    """`br|p` as `[bB][rR]|[pP]`: tag names in either case, as the HTML parser reads them (ASCII
    only). The regex runs ~30% faster than with re.IGNORECASE, whose Unicode folding also matched
    names the parser does not know (a long s, U+017F, read as an s)."""
    return "".join(f"[{char}{char.upper()}]" if char.isalpha() else char for char in words)


NESTING_START_TAG = rf"<(?!(?:{_ascii_case_insensitive(NON_NESTING)})\b)[A-Za-z][^<>]*+>\s*+"
# Written to open with a literal "<" (one tag, then the rest of the run) for the engine's fast skip.
START_TAG_RUN = re.compile(rf"{NESTING_START_TAG}(?:{NESTING_START_TAG}){{{MAX_START_TAG_RUN},}}+")
START_TAG = re.compile(r"<[^<>]*+>")


def guard_markup(text: str) -> str:
    """Defuse markup that would stall or blind the parser; the document itself is never refused.
    Runs of nested start tags are cut by parse_html, only when the parser reaches its depth cap
    (the scan for them was ~5% of the extraction's time, and no dev-corpus page holds one)."""
    text = close_open_title(cut_attribute_bombs(text))
    return strip_internal_subset(open_self_closed_roots(text))


def open_self_closed_roots(text: str) -> str:
    """`<html .../>` and `<body .../>` as the start tags they were meant to be."""
    return SELF_CLOSED_ROOT.sub(r"\1>", text)


def close_open_title(text: str) -> str:
    """Close a <title> that is not closed before the page's body starts."""
    title = TITLE_START.search(text, 0, TITLE_SEARCH_CHARS)
    if title is None:
        return text
    closing = TITLE_END.search(text, title.end())
    body = BODY_START.search(text, title.end())
    if closing is not None and (body is None or closing.start() < body.start()):
        return text
    line_end = TITLE_LINE_END.search(text, title.end())
    cut = line_end.start() if line_end else len(text)
    return f"{text[:cut]}</title>{text[cut:]}"


def overlong_start_tags(markup: str, *, limit: int = MAX_ATTRIBUTES_PER_ELEMENT) -> list[tuple[int, int]]:
    """(kept_end, tag_end) of every start tag with more than `limit` attributes: where its first
    `limit` attributes end, and where the tag itself ends.

    Only suspiciously long start tags are counted; positions are scanned in place, never copied.
    Scripts, styles and comments are skipped: `i<vendors.length&&...` in a script is no tag.
    """
    found, position = [], 0
    while token := MARKUP_TOKEN.search(markup, position):
        position = token.end()
        if token.group("tag"):
            kept_end = _end_of_kept_attributes(markup, token, limit)
            if kept_end is not None:
                found.append((kept_end, token.end()))
        if token.group("comment"):
            close = markup.find("-->", position)
        elif raw_text := RAW_TEXT_TAG.match(markup, token.start()):
            closing = re.compile(rf"</{raw_text.group(1)}", re.IGNORECASE).search(markup, position)
            close = closing.start() if closing else -1
        else:
            continue
        if close < 0:
            break  # an unclosed script or comment runs to the end, as the parser reads it
        position = close
    return found


def _end_of_kept_attributes(markup: str, tag: re.Match[str], limit: int) -> int | None:
    """Where the tag's first `limit` attributes end, if it has more than `limit`; else None."""
    kept_end = None
    # The first match is the tag's name, so match number `limit` ends the limit-th attribute.
    for count, attribute in enumerate(ATTRIBUTE.finditer(markup, tag.start() + 1, tag.end())):
        if count == limit:
            kept_end = attribute.end()
        elif count > limit:
            return kept_end
    return None


def cut_attribute_bombs(text: str) -> str:
    """Cut every start tag with more than MAX_ATTRIBUTES_PER_ELEMENT attributes to its first ones."""
    cuts = overlong_start_tags(text)
    if not cuts:
        return text
    parts, position = [], 0
    for kept_end, tag_end in cuts:
        parts.append(text[position:kept_end])
        if not text.startswith(">", tag_end):
            parts.append(">")  # a tag cut short by the next "<" or the end of the text is closed
        position = tag_end
    parts.append(text[position:])
    return "".join(parts)


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
    """Cut every run of more than MAX_START_TAG_RUN start tags to its innermost ones (for a page
    nested past the parser's depth cap)."""
    return START_TAG_RUN.sub(_innermost_tags, text)


def _innermost_tags(match: re.Match[str]) -> str:
    return "".join(START_TAG.findall(match.group(0))[-MAX_START_TAG_RUN:])
