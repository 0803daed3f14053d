"""readability-lxml's pick of the article body, run on the shared tree, fast and quiet.

Adjustments to the library, all local to this module:
- link density without regexes: readability measures every candidate's text through three
  regex substitutions over the whole subtree text, which was a quarter of its run time; the
  length of the whitespace-collapsed text is the same measure for scoring purposes;
- its cleaner without the javascript pass: the library cleans the page before scoring, and
  rewriting every link to strip `javascript:` URLs was its next largest cost; render.py
  sanitizes the chosen body (javascript included) whatever picked it, so nothing unsafe is kept;
- its whitespace collapsing (`clean`, run on the text of every scored element) without the
  quadratic regex: the module is loaded a second time under a private name and the faster,
  equivalent function set in that copy only, so other users of readability in the process (the
  benchmark's readability-lxml peer) keep the stock library;
- its test of class and id names for "unlikely candidates" (menus, comments, sidebars) made once
  per class or id value of the page instead of once per element (pages repeat the same names
  many times), on an ASCII name lowercased by the same regexes made case-sensitive;
- its two passes dropping hidden and display:none elements made as one (see `drop_hidden`), and
  its cleaner's search for what it removes made by lxml's tag iterator (see `clean_copy`);
- its <base href> search made only on pages that have a <base> element, and its class and id test
  for unlikely candidates only on elements that have a class or an id;
- while it scores paragraphs (the tree unchanged), each link's text length measured once rather
  than once for every candidate above it;
- its test for a <div> that holds no blocks (to be read as a paragraph) without serialising the
  div's whole subtree, once for every div above it, to search the markup for block tags: the
  same test made on the elements' tag names (see `_holds_block`);
- its debug messages are built only when debug logging is on: the library formats them eagerly
  (`log.debug("..." % (describe(el), text_content(el)))`), describing the element's path and
  collapsing its whole text for every block its sanitizer keeps, whatever the log level;
- its test for the lead-in of a quotation ("He said:" before a blockquote), made for every div
  and section over all its ancestors, reads each ancestor's text only when the block after it
  holds a quotation and the text ends with a colon, and answers once per element;
- its new paragraphs made as elements of the tree, where it parses "<p/>" as a document for each;
- one change of measure, not of speed: a heading's links to places on the page itself (its
  permalink, a table of contents' back-reference) do not count as links, nor do the links of a
  heading over a section of prose, so sanitize() keeps section headings that are links (it drops
  headings more than a third link text); and
  one change of rule: a data table (a header row of <th> cells, rows of values, at most half
  of it links) is kept where sanitize() drops any table over a fifth links as navigation;
- its logger's tracebacks are filtered: `Document.summary()` logs every failure with
  `log.exception` and then raises `Unparseable`, which `readability_pick` catches and answers
  with a fallback, so the traceback would read as an unhandled error in the function's logs.
"""

from __future__ import annotations

import copy
import importlib.util
import logging
import re
from types import ModuleType
from typing import Any

import lxml.html
from lxml import etree
from lxml.etree import tostring
from lxml.html import xhtml_to_html
from lxml_html_clean import Cleaner
from readability import debug as _debug

from article_ingest.extraction.input.parse import parse_fragment
from article_ingest.extraction.signals import HEADING_TAGS, CaselessWords
from article_ingest.extraction.words import count_words

READABILITY_LOGGER = "readability.readability"
PRIVATE_COPY = "readability._article_ingest_copy"  # inside the package: its relative imports resolve
# readability's clean() collapses whitespace with three regexes; two of them are quadratic in the
# length of a whitespace run: `\s{255,}` is tried at every position inside a run and fails at
# each one shorter than 255, and `\s*\n\s*` backtracks through every run without a line break,
# from each of its positions. Both matches can only start where a run starts (the previous match
# ended at a non-space), so anchored there, and without backtracking, they replace the same runs.
LONG_RUN = 255  # readability's bound: a whitespace run this long is cut to this many spaces
LONG_WHITESPACE = re.compile(rf"(?<!\s)\s{{{LONG_RUN},}}")
NEWLINE_RUN = re.compile(r"(?<!\s)[^\S\n]*+\n\s*")
SPACE_RUN = re.compile(r"\t|[ \t]{2,}")


class _CaughtFailureFilter(logging.Filter):
    """Drops readability's traceback records (failures this module catches); keeps the rest."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.exc_info is None


def _quiet_readability_failures() -> None:
    """Install the filter once. It is done at import because the logger is the library's own
    process-wide object: adding and removing a filter around each call would race between
    threads, and a filter that only drops records with a traceback changes nothing else."""
    logger = logging.getLogger(READABILITY_LOGGER)
    if not any(isinstance(existing, _CaughtFailureFilter) for existing in logger.filters):
        logger.addFilter(_CaughtFailureFilter())


_quiet_readability_failures()
_LOG = logging.getLogger(READABILITY_LOGGER)


def clean_whitespace(text: str) -> str:
    """readability's clean(), the same output: long whitespace runs cut, line breaks and space
    runs collapsed, the ends trimmed."""
    text = LONG_WHITESPACE.sub(" " * LONG_RUN, text)
    text = NEWLINE_RUN.sub("\n", text)
    return SPACE_RUN.sub(" ", text).strip()


# Every run of whitespace but a lone space: the runs clean_whitespace may shorten.
ODD_WHITESPACE = re.compile(r"\s{2,}|[^\S ]")


def clean_length(text: str) -> int:
    """len(clean_whitespace(text)), without making the text: its ends are stripped, a run of
    LONG_RUN whitespace characters or one holding a line break becomes one character, and in any
    other run each group of spaces and tabs becomes its leading tabs, each made a space, and one
    space for the rest (SPACE_RUN tries a lone tab first); other whitespace is kept."""
    stripped = text.strip()
    length = len(stripped)
    for match in ODD_WHITESPACE.finditer(stripped):
        run = match.group()
        length -= len(run) - _clean_run_length(run)
    return length


def _clean_run_length(run: str) -> int:
    if len(run) >= LONG_RUN or "\n" in run:
        return 1
    kept, leading_tabs, group_has_space = 0, 0, False
    for char in run + "\0":  # a sentinel ends the last group
        if char == "\t" and not group_has_space:
            leading_tabs += 1
        elif char == " ":
            group_has_space = True
        elif char != "\t":  # a group of spaces and tabs ends here
            kept += leading_tabs + group_has_space + (char != "\0")
            leading_tabs, group_has_space = 0, False
    return kept


def _readability_text_length(element: lxml.html.HtmlElement) -> int:
    """readability's text_length(): len(clean(text)), by clean_length."""
    return clean_length(element.text_content() or "")


def _describe(node: lxml.html.HtmlElement, depth: int = 1) -> str:
    """readability's describe() for its debug messages, only when they are logged."""
    return _debug.describe(node, depth) if _LOG.isEnabledFor(logging.DEBUG) else ""


def _text_excerpt(elem: lxml.html.HtmlElement, length: int = 40) -> str:
    """readability's text_content() for its debug messages, only when they are logged."""
    return _debug.text_content(elem, length) if _LOG.isEnabledFor(logging.DEBUG) else ""


def _private_readability() -> ModuleType:
    """readability.readability loaded again under its own name, with clean_whitespace as its clean,
    clean_length measuring its text lengths, and its debug helpers made lazy."""
    stock = importlib.util.find_spec("readability.readability")
    origin = stock.origin if stock is not None else None
    spec = importlib.util.spec_from_file_location(PRIVATE_COPY, origin) if origin else None
    if spec is None or spec.loader is None:
        raise ImportError("readability-lxml's readability.readability module was not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    vars(module)["clean"] = clean_whitespace
    vars(module)["text_length"] = _readability_text_length
    vars(module)["describe"] = _describe
    vars(module)["text_content"] = _text_excerpt
    return module


_READABILITY = _private_readability()
Document: Any = _READABILITY.Document
Unparseable: type[Exception] = _READABILITY.Unparseable
REGEXES: dict[str, re.Pattern[str]] = _READABILITY.REGEXES


def text_length(element: lxml.html.HtmlElement) -> int:
    """The length of an element's text with whitespace runs collapsed (readability's measure)."""
    return len(" ".join(element.text_content().split()))


# readability 0.9's html_cleaner (readability/cleaners.py) with javascript=False.
_CLEANER = Cleaner(
    scripts=True,
    javascript=False,
    comments=True,
    style=True,
    links=True,
    meta=False,
    add_nofollow=False,
    page_structure=False,
    processing_instructions=True,
    embedded=False,
    frames=False,
    forms=False,
    annoying_tags=False,
    remove_unknown_tags=False,
    safe_attrs_only=False,
)

# What _CLEANER removes whole (its scripts, comments, style, links and processing-instruction
# options); with javascript, page structure, embedded, frames, forms and unknown tags off, it
# removes nothing else but style attributes.
CLEANED_AWAY = ("script", "style", "link", etree.Comment, etree.ProcessingInstruction)


def clean_copy(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """`_CLEANER.clean_html(tree)`: the same cleaned copy, its doomed elements found by lxml's tag
    iterator (the cleaner's own loop tests every element of the page in Python)."""
    doc = copy.deepcopy(tree)
    xhtml_to_html(doc)
    for image in doc.iter("image"):  # the cleaner's normalisation: <image> is read as <img>
        image.tag = "img"
    etree.strip_attributes(doc, "style")
    doomed = [element for element in doc.iter(*CLEANED_AWAY) if not _CLEANER.allow_element(element)]
    if doomed and doomed[0] is doc:  # the root cannot be dropped: the cleaner empties it
        root = doomed.pop(0)
        if root.tag != "html":
            root.tag = "div"
        root.clear()
    for element in doomed:
        element.drop_tree()
    return doc


# readability's divToPElementsRe, `<(blockquote|dl|div|img|ol|p|pre|table|ul)`, searched in the
# serialised markup, matches a start tag whose name begins with one of these ("p" covers "pre").
# Text and attribute values are escaped there, and comments, scripts and styles are gone by then
# (_CLEANER, and summary() drops scripts and styles), so only tag names can match.
BLOCK_TAG_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "table", "ul")
INLINE_TAGS = frozenset(
    ("a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u")
)


def _holds_block(element: lxml.html.HtmlElement) -> bool:
    """Whether divToPElementsRe would match the markup of the element's children."""
    for node in element.iterdescendants():
        if isinstance(node.tag, str):
            if node.tag.startswith(BLOCK_TAG_PREFIXES):
                return True
        elif REGEXES["divToPElementsRe"].search(tostring(node, encoding="unicode", with_tail=False)):
            return True  # a comment or processing instruction, were any left, is searched as text
    return False


# readability scores a paragraph's length up to this many characters (min(length / 100, 3)).
FULL_SCORE_CHARS = 300
# A table with a header row of <th> cells and this many rows in all is data, kept by sanitize()
# unless more than this share of its text is links.
MIN_DATA_TABLE_ROWS = 3
MAX_DATA_TABLE_LINK_DENSITY = 0.5
# ...and its value cells hold on average this many characters outside links: a calendar of linked
# days (a blog archive's) holds one or two.
MIN_DATA_CELL_CHARS = 4
# A linked heading over this many words of prose (up to the next heading) titles a section; a
# related story's linked headline has a teaser of a sentence or two under it.
MIN_SECTION_PROSE_WORDS = 60
# Blocks under a heading that count as its section's prose: not lists or tables (a list of links
# under "More news"), and at most this share links (sanitize() drops link-heavier blocks).
PROSE_SIBLING_EXCLUDED = frozenset(("ul", "ol", "dl", "table", "nav", "aside", "form"))
MAX_PROSE_LINK_DENSITY = 0.2
FRAGMENT_LINK = re.compile(r"\s*#([^\s#!].*)")  # "#section" ("#" and "#!..." are a script's)


def _in_page(link: lxml.html.HtmlElement, targets: frozenset[str]) -> bool:
    """A link to a place inside the article: its fragment names an element there."""
    fragment = FRAGMENT_LINK.match(link.get("href") or "")
    return fragment is not None and fragment.group(1).strip() in targets


def _scripted(link: lxml.html.HtmlElement) -> bool:
    """A link that runs a script (a pop-up, a widget) rather than pointing at what it names."""
    return (link.get("href") or "").strip().lower().startswith("javascript:")


def _prose_words(block: lxml.html.HtmlElement) -> int:
    """The block's words outside links, if it reads as prose (not a list, table or link run)."""
    if block.tag in PROSE_SIBLING_EXCLUDED:
        return 0
    words = count_words(block.text_content())
    linked = sum(count_words(link.text_content()) for link in block.iter("a"))
    return words - linked if linked <= MAX_PROSE_LINK_DENSITY * max(words, 1) else 0


def _opens_prose_section(heading: lxml.html.HtmlElement) -> bool:
    """Whether the blocks after the heading, up to the next heading, hold MIN_SECTION_PROSE_WORDS
    words of prose."""
    words = 0
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in HEADING_TAGS:
            return False
        words += _prose_words(sibling)
        if words >= MIN_SECTION_PROSE_WORDS:
            return True
    return False


# readability's two XPath tests of an unlikely candidate, compiled once (it compiles them per call)
IN_CODE = etree.XPath("ancestor-or-self::pre | ancestor-or-self::code")
HOLDS_CONTENT = etree.XPath(
    "descendant-or-self::main | descendant-or-self::article | descendant-or-self::math"
)


# readability's two name regexes (alternations of lowercase words, matched ignoring case)
UNLIKELY_NAMES = CaselessWords(REGEXES["unlikelyCandidatesRe"])
MAYBE_CANDIDATE_NAMES = CaselessWords(REGEXES["okMaybeItsACandidateRe"])


def _name_flags(name: str) -> tuple[bool, bool]:
    """Whether a class or id value matches readability's unlikelyCandidatesRe and its
    okMaybeItsACandidateRe."""
    return UNLIKELY_NAMES.found_in(name), MAYBE_CANDIDATE_NAMES.found_in(name)


def _unlikely_names(classes: str, element_id: str, known: dict[str, tuple[bool, bool]]) -> bool:
    """readability's test of an element's class and id for an unlikely candidate: its regexes
    searched in "classes id" (no word of theirs holds a space, so no match spans the two), each
    value's flags taken from `known` (filled as values are met)."""
    for name in (classes, element_id):
        if name not in known:
            known[name] = _name_flags(name)
    unlikely_class, maybe_class = known[classes]
    unlikely_id, maybe_id = known[element_id]
    return (unlikely_class or unlikely_id) and not (maybe_class or maybe_id)


HIDDEN_OR_STYLED = etree.XPath("//*[@hidden or @style]")


def drop_hidden(tree: lxml.html.HtmlElement) -> None:
    """readability's two passes over the page, one dropping every element marked hidden, the next
    every element styled display:none, with one XPath search: the elements the second pass would
    meet inside ones the first dropped are dropped from the detached part only, which leaves the
    page as the library does. The root cannot be dropped: the pass that meets it raises, as the
    library's does (after the first pass, when the root is only styled)."""
    marked: list[lxml.html.HtmlElement] = HIDDEN_OR_STYLED(tree)  # type: ignore[assignment]  # //*: elements
    hidden = [elem for elem in marked if elem.get("hidden") is not None]
    for elem in hidden:
        elem.drop_tree()
    for elem in marked:
        if elem.get("hidden") is None and REGEXES["displayNoneRe"].search(elem.get("style", "")):
            elem.drop_tree()


class _Readability(Document):  # type: ignore[misc]  # readability ships no type hints
    """readability's Document with a cheaper pre-clean, link density, unlikely-candidate pruning and
    div-to-paragraph step (the module docstring says how each stays the library's measure)."""

    def _parse(self, input: lxml.html.HtmlElement) -> lxml.html.HtmlElement:  # noqa: A002 - the library's name
        # readability 0.9's _parse for an already parsed tree, with _CLEANER in place of its own
        self.encoding = "utf-8"
        drop_hidden(input)
        doc = clean_copy(input)
        if next(doc.iter("base"), None) is not None:  # its XPath search, only where it can find one
            doc.resolve_base_href(handle_failures=self.handle_failures)
        return doc

    def remove_unlikely_candidates(self) -> None:
        # readability 0.9's method, with the name test made once per class or id value of the
        # page and only on elements with a class or an id (no other can be unlikely), and without
        # its debug message, which described every removed element whether or not debug logging
        # was on
        known: dict[str, tuple[bool, bool]] = {}
        verdicts: dict[tuple[str, str], bool] = {}  # per (class, id): pages repeat the pairs too
        for elem in self.html.xpath(".//*[@class or @id]"):
            names = (elem.get("class", ""), elem.get("id", ""))
            unlikely = verdicts.get(names)
            if unlikely is None:
                unlikely = verdicts[names] = _unlikely_names(*names, known)
            if (
                unlikely
                and elem.tag not in ("html", "body")
                and not IN_CODE(elem)
                and not HOLDS_CONTENT(elem)
            ):
                elem.drop_tree()

    def transform_misused_divs_into_paragraphs(self) -> None:
        # readability 0.9's method, with _holds_block for its regex search of serialised markup
        for elem in self.tags(self.html, "div"):
            if not _holds_block(elem):
                elem.tag = "p"
        for elem in self.tags(self.html, "div"):
            self._wrap_loose_inline_content(elem)

    @staticmethod
    def _wrap_loose_inline_content(elem: lxml.html.HtmlElement) -> None:
        """A div's loose text and runs of inline children as paragraphs (readability 0.9's)."""
        children = list(elem)
        paragraph = None
        if elem.text and elem.text.strip():
            paragraph = elem.makeelement("p", {})
            paragraph.text = elem.text
            elem.text = None
            elem.insert(0, paragraph)
        for child in children:
            # (no inline tag begins with a block tag's name: the child's own markup cannot match)
            if child.tag == "br" or child.tag not in INLINE_TAGS or _holds_block(child):
                paragraph = None
                continue
            if paragraph is None:
                paragraph = elem.makeelement("p", {})
                child.addprevious(paragraph)
            paragraph.append(child)
        for position, child in reversed(list(enumerate(elem))):
            if child.tail and child.tail.strip():
                tail = elem.makeelement("p", {})
                tail.text = child.tail
                child.tail = None
                elem.insert(position + 1, tail)
            if child.tag == "br":
                child.drop_tree()

    def get_preserved_elements(self, node: lxml.html.HtmlElement) -> dict[lxml.html.HtmlElement, bool]:
        # readability 0.9's method, with each element's quote-lead test made once (the library
        # repeats it for every ancestor of every div and section)
        allowed = {elem: True for elem in self.tags(node, "ul") if self.is_toc_list(elem)}
        leads: dict[lxml.html.HtmlElement, bool] = {}

        def leads_quote(lead: lxml.html.HtmlElement) -> bool:
            if lead not in leads:
                leads[lead] = self._leads_quote(lead)
            return leads[lead]

        allowed.update(
            {
                elem: True
                for elem in self.tags(node, "div", "section")
                if any(leads_quote(lead) for lead in (elem, *elem.iterancestors()))
            }
        )
        allowed.update({table: True for table in self.tags(node, "table") if self._is_data_table(table)})
        return allowed

    def _is_data_table(self, table: lxml.html.HtmlElement) -> bool:
        """A table of data: a header row of <th> cells over rows of values with text of their own,
        not much of it links (a release history whose versions link to their notes). sanitize()
        drops a table more than a fifth link text as navigation; a navigation table is nearly
        all links, a calendar's cells a linked day each."""
        rows = [row for row in table.iter("tr") if next(row.iterancestors("table"), None) is table]
        if len(rows) < MIN_DATA_TABLE_ROWS:
            return False
        header = [cell for cell in rows[0] if cell.tag in ("td", "th")]
        values = [cell for row in rows[1:] for cell in row if cell.tag in ("td", "th")]
        unlinked = sum(text_length(cell) - sum(text_length(a) for a in cell.iter("a")) for cell in values)
        return (
            bool(header)
            and all(cell.tag == "th" for cell in header)
            and unlinked >= MIN_DATA_CELL_CHARS * max(len(values), 1)
            and self.class_weight(table) >= 0
            and self.get_link_density(table) <= MAX_DATA_TABLE_LINK_DENSITY
        )

    def is_quote_lead(self, elem: lxml.html.HtmlElement) -> bool:
        return any(self._leads_quote(lead) for lead in (elem, *elem.iterancestors()))

    def _leads_quote(self, lead: lxml.html.HtmlElement) -> bool:
        """readability's test of one element in is_quote_lead: the next element holds a quotation
        and this one's text (whitespace collapsed) is long enough and ends with a colon. The text
        is read only after the cheaper tests; clean() changes whitespace only, so its last
        character is the raw text's last non-space one."""
        following = lead.getnext()
        if following is None or following.find(".//blockquote") is None:
            return False
        text = lead.text_content() or ""
        return text.rstrip().endswith(":") and clean_length(text) >= self.min_text_length

    def sanitize(self, node: lxml.html.HtmlElement, candidates: Any, keep_all_images: bool = False) -> str:
        # the library's, with the heading rule of get_link_density on (it applies to sanitize's
        # test of headings only, not to the scoring, preamble and segment tests before it); the
        # places a heading may link to on the page are the ids and names inside the article
        self._targets: frozenset[str] | None = frozenset(
            value for element in node.iter() for value in (element.get("id"), element.get("name")) if value
        )
        try:
            cleaned: str = super().sanitize(node, candidates, keep_all_images)
            return cleaned
        finally:
            self._targets = None

    def score_paragraphs(self) -> dict[lxml.html.HtmlElement, dict[str, Any]]:
        # readability 0.9's method, with each link's text length measured once (the tree does not
        # change while it scores, and a link is in the link density of its parent and grandparent
        # both), a paragraph's whitespace collapsed only when its length can change the score
        # (collapsing never lengthens a text, nor drops what is not whitespace), and its debug
        # message built only when logged
        self._link_lengths: dict[lxml.html.HtmlElement, int] | None = {}
        try:
            return self._scored_paragraphs()
        finally:
            self._link_lengths = None

    def _scored_paragraphs(self) -> dict[lxml.html.HtmlElement, dict[str, Any]]:
        min_length = self.min_text_length
        candidates: dict[lxml.html.HtmlElement, dict[str, Any]] = {}
        ordered = []
        for elem in self.tags(self._html(), "p", "pre", "td", "blockquote"):
            parent_node = elem.getparent()
            if parent_node is None:
                continue
            grand_parent_node = parent_node.getparent()
            raw_text = elem.text_content() or ""
            if len(raw_text) < min_length:
                continue
            # the collapsed text is needed only below FULL_SCORE_CHARS: it keeps every character
            # that is not whitespace, so as many of those are a lower bound of its length
            kept = len("".join(raw_text.split()))
            inner_text_len = kept if kept >= FULL_SCORE_CHARS else clean_length(raw_text)
            if inner_text_len < min_length:
                continue
            if parent_node not in candidates:
                candidates[parent_node] = self.score_node(parent_node)
                ordered.append(parent_node)
            if grand_parent_node is not None and grand_parent_node not in candidates:
                candidates[grand_parent_node] = self.score_node(grand_parent_node)
                ordered.append(grand_parent_node)
            # (collapsing whitespace leaves the commas as they are)
            content_score = 1 + raw_text.count(",") + 1 + min((inner_text_len / 100), 3)
            candidates[parent_node]["content_score"] += content_score
            if grand_parent_node is not None:
                candidates[grand_parent_node]["content_score"] += content_score / 2.0
        for elem in ordered:
            candidate = candidates[elem]
            link_density = self.get_link_density(elem)
            if _LOG.isEnabledFor(logging.DEBUG):
                score = candidate["content_score"]
                _LOG.debug(
                    "Branch %6.3f %s link density %.3f -> %6.3f",
                    score, _describe(elem), link_density, score * (1 - link_density),
                )  # fmt: skip
            candidate["content_score"] *= 1 - link_density
        return candidates

    def get_link_density(self, elem: lxml.html.HtmlElement) -> float:
        lengths = getattr(self, "_link_lengths", None)
        targets = getattr(self, "_targets", None)
        if targets is not None and elem.tag in HEADING_TAGS:
            # the one change of measure, while sanitize() tests headings (it drops one whose link
            # density is over a third): a link to a place in the article itself, a permalink or a
            # table of contents' back-reference (<h2><a href="#intro">Introduction</a></h2>), is
            # not a link away; and a heading over a section of prose is the section's title
            # wherever it links (a review's film, a weekly edition's article) unless it runs a
            # script (a pop-up promotion): a related story's linked headline has only a short
            # teaser under it
            linked = sum(
                text_length(link) for link in elem.iterdescendants("a") if not _in_page(link, targets)
            )
            if linked and _opens_prose_section(elem) and not any(_scripted(link) for link in elem.iter("a")):
                return 0.0
        elif lengths is None:
            linked = sum(text_length(link) for link in elem.iterdescendants("a"))
        else:
            linked = 0
            for link in elem.iterdescendants("a"):
                if link not in lengths:
                    lengths[link] = text_length(link)
                linked += lengths[link]
        return linked / max(text_length(elem), 1)


def readability_pick(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """readability's candidate; an empty one when it gives up on the page.

    readability gets the parsed tree (it copies it before cleaning), which spares a serialise and
    reparse; it does drop hidden elements from it, which no later stage wants either.
    """
    try:
        summary = _Readability(tree).summary(html_partial=True)
        return parse_fragment(summary)
    except (Unparseable, etree.ParserError, ValueError, AssertionError):
        # readability asserts on trees it cannot restructure (e.g. no <body>); the fallbacks decide
        return parse_fragment("")
