"""The headline as the page shows it above the article: the evidence a <title> may lack.

Pages, older ones especially, put only the site's name in <title> (or have no head at all) and
show the headline in whatever element their template uses: h1 to h5, a bold line, a table cell
or span classed as a headline (a plain cell that repeats the <title> marks where the header is,
though it tells no other title). What they share is position: the headline is the last short,
heading-like block before the article's first paragraph, or the article's first block itself
when the article opens on a headline that outranks the one above (an h1 outranks other
headings; a heading, a block that is none), or when there is none near. That block replaces the
head's title when there is none, when the title repeats it, or when the title says less about
the article than the block does (judged by the words each shares with the article's opening).
"""

from __future__ import annotations

import functools
import re
from collections import deque
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlsplit

import lxml.html

from article_ingest.extraction.signals import (
    DATE_COMPANIONS,
    DATELINE,
    HEADING_TAGS,
    NAME_CACHE_SIZE,
    SENTENCE_END,
    CaselessWords,
    tokens,
)

# Bold and font runs count only when they are the whole block (a headline line, not a bold lead-in).
EMPHASIS_TAGS = frozenset(["b", "strong", "font"])
HEADLINE_NAME = re.compile(r"head(?!er)|title", re.I)  # class or id: headline, storyhead, arttitle
HEADLINE_NAMES = CaselessWords(HEADLINE_NAME)
MIN_HEADLINE_WORDS, MAX_HEADLINE_WORDS = 3, 25  # fewer is a section label, more is a deck or prose
MAX_DATELINE_EXTRA_WORDS = 3  # a heading of a day and this many more words is a dateline
MIN_LEDE_CHARS = 40  # the article's first block of text is found by its first this many characters
LEDE_WORDS = 120  # the opening the headline and the title are compared with
OPENING_CHARS = 20 * LEDE_WORDS  # only this much of the body is read for it (bounded work)
MAX_BLOCKS_BETWEEN = 12  # text blocks (bylines, dates, captions) allowed between headline and lede
MAX_SAID_BLOCKS_BETWEEN = 24  # ...when the <title> says the headline (a box of links beside it)
# The block replaces a title that disagrees with it only when it shares clearly more of its
# words with the opening: a title that is the headline shares as much.
MIN_SHARE_LEAD = 0.25
# Texts between headline and article longer than this are prose or a standfirst, not a byline,
# dateline or caption (the texts ShownHeader keeps for the dateline).
MAX_SHOWN_CHARS = 100
HIDDEN_TAGS = frozenset(["script", "style", "title", "head"])  # (and comments: no str tag)
WORDY = re.compile(r"\w")  # a text with a letter or digit says something; "|" does not
ABOVE_TEXTS = 3  # short texts just above the headline kept too (blogs date a post above its title)
MAX_ABOVE_CHARS = 50  # ("Posted by Jane Doe on Wed, Oct 24, 2012" is 44)
CAPTION_TAGS = frozenset(["figure", "figcaption"])  # a picture's caption dates the picture
MIN_CONTENT_WORD_CHARS = 4  # shorter words ("the", "and", "for") say nothing about the article
UNRANKED = 7  # the rank of a headline-like block that is no heading (h1 to h6 rank 1 to 6)
TITLE_REPEAT = 8  # ...and of a block that is not headline-like but repeats the <title>
MIN_TITLE_SHARE = 0.5  # a block that repeats this much of the head's title is its headline
MIN_TITLE_CHARS = 10  # (and this many characters: its first ones are looked for in the title first)
MAX_PADDING = 4  # a raw text longer than this many times the title is not it, whatever its spacing
# Short texts read after the element showing the title when the header gave no dateline (a byline
# and its date, split over a few elements: "by", "Jane Doe", "on Tuesday, December 6, 2011")
TEXTS_AFTER_TITLE = 5
ITEM_REACH = 4  # a headline in a list item sits this close under it ("li > h3 > a")
MIN_LINKED_TITLE_WORDS = 5  # a link this long after the title is another article's (a list of them)


def texts_after_title(tree: lxml.html.HtmlElement, title: str | None) -> tuple[str, ...]:
    """The short texts shown after the first element that shows the `title` (in its own text or,
    a heading, in its markup's: the headline, wherever the article's body was found), past one
    standfirst (a long text that is no paragraph, right under it), up to the next long text, or
    link as long as a headline (another article's: a list of them), or the next item of a list:
    its byline and dateline when the page puts them there (read as under a headline: see
    _HeaderTexts; a sentence, such as a caption, may name any day: left out)."""
    key = _key(title or "")
    if not title or not key:  # (a title of no words would match any blank text)
        return ()
    walk: _AfterTitle | None = None
    last: lxml.html.HtmlElement | None = None  # the last element before a long text in a tail
    deck = False  # whether a standfirst was passed
    for element in tree.iter():
        if walk is None:
            if isinstance(element.tag, str) and element.tag not in HIDDEN_TAGS:
                walk = _AfterTitle.at(element, title, key)
            continue
        if walk.skips(element):
            if walk.ended:
                break
            continue
        raw, tail = element.text or "", element.tail
        prose = element.tag == "p" and _long(element.text_content())  # (whatever links break it up)
        if not deck and not walk.texts.below and not prose and _long(raw):  # a standfirst under it
            deck = True
            if walk.pass_over(element):
                continue
            raw = ""  # (its text is no byline)
        elif _long(raw) or prose or _another_article(element, raw):
            break
        if tail and _long(tail) and last is None:  # prose after this element and its own texts
            last = _last_descendant(element)
        walk.texts.add_below(element, raw, tail)
        if walk.texts.listed or len(walk.texts.below) >= TEXTS_AFTER_TITLE or element is last:
            break
    below = walk.texts.below[:TEXTS_AFTER_TITLE] if walk is not None else []
    return tuple(text for text in below if not SENTENCE_END.search(text))


class _AfterTitle:
    """The walk after the element showing the title: the texts gathered, and the block passed
    over, if any (the headline split by its markup, the standfirst), whose own texts are not
    read, up to its last descendant: then its tail is."""

    def __init__(self, element: lxml.html.HtmlElement) -> None:
        self.texts = _HeaderTexts()
        self.texts.start_below(element)
        self.passing: tuple[lxml.html.HtmlElement, lxml.html.HtmlElement] | None = None
        self.ended = False  # prose follows the block passed over

    @classmethod
    def at(cls, element: lxml.html.HtmlElement, title: str, key: str) -> _AfterTitle | None:
        """The walk after `element` when it shows the `title` (whose words are `key`), in its own
        text or, a heading, in its markup's (then passed over)."""
        raw = element.text or ""
        if len(title) <= len(raw) <= MAX_PADDING * len(title) and _key(raw) == key:
            walk = cls(element)
            walk.texts.add_below(element, "", element.tail)  # (the title's own text is not after it)
            return walk
        if element.tag in HEADING_TAGS and len(element) and _key(element.text_content()) == key:
            walk = cls(element)
            walk.pass_over(element)
            return walk
        return None

    def pass_over(self, block: lxml.html.HtmlElement) -> bool:
        """Pass over the block's descendants; False when it has none (nothing to pass)."""
        last = _last_descendant(block)
        self.passing = (block, last) if last is not block else None
        return self.passing is not None

    def skips(self, element: lxml.html.HtmlElement) -> bool:
        """Whether the element's own text is not read: inside the block passed over (at its last
        descendant, the block's tail is read), or hidden (a comment, a script: what follows it
        is shown)."""
        if self.passing is not None:
            if element is self.passing[1]:
                block, self.passing = self.passing[0], None
                self.texts.add_below(block, "", block.tail)
                self.ended = bool(block.tail) and _long(block.tail or "")
            return True
        if not isinstance(element.tag, str) or element.tag in HIDDEN_TAGS:
            self.texts.after_hidden(element, below=True)
            return True
        return False


def _long(text: str) -> bool:
    """Longer than a byline or dateline (prose), its spacing collapsed."""
    return len(text) > MAX_SHOWN_CHARS and len(" ".join(text.split())) > MAX_SHOWN_CHARS


def _another_article(element: lxml.html.HtmlElement, raw: str) -> bool:
    """A link as long as a headline (not an e-mail address: a byline's)."""
    return (
        element.tag == "a"
        and len(raw.split()) >= MIN_LINKED_TITLE_WORDS
        and not element.get("href", "").startswith("mailto:")
    )


def _words(text: str) -> list[str]:
    return [word.lower() for word in tokens(text)]


def _key(text: str) -> str:
    return " ".join(_words(text))


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def _named_as_headline(classes: str, element_id: str) -> bool:
    """Whether class and id name a headline or title (cached: pages repeat the same names)."""
    return HEADLINE_NAMES.found_in(f"{classes} {element_id}")


def looks_like_headline(element: lxml.html.HtmlElement) -> bool:
    """A heading, an element named as a headline or title, or a bold run that is its whole block."""
    if element.tag in HEADING_TAGS:
        return True
    if _named_as_headline(element.get("class", ""), element.get("id", "")):
        return True
    if element.tag not in EMPHASIS_TAGS:
        return False
    parent = element.getparent()
    return parent is not None and _key(parent.text_content()) == _key(element.text_content())


@dataclass(frozen=True, slots=True)
class ShownHeader:
    """What the page shows above its article: the headline, and the short texts between it and
    the article's first paragraph (byline, dateline)."""

    opening: str  # the start of the article's text (OPENING_CHARS)
    headline: str | None = None
    # Texts of MAX_SHOWN_CHARS or fewer shown from the headline on (not a figure's), in page
    # order, then the article's opening text when it reads as a long byline, then the bare
    # datelines just above the headline, nearest first.
    below: tuple[str, ...] = ()
    under: int = 0  # how many of them are shown under the headline (not above it)

    @property
    def under_headline(self) -> tuple[str, ...]:
        """The texts shown under the headline (or, with none found, just above the article):
        its byline and dateline, not a bar above the headline."""
        return self.below[: self.under]


def shown_header(tree: lxml.html.HtmlElement, body: lxml.html.HtmlElement, title: str | None) -> ShownHeader:
    """The header above the article `body` (picked from `tree`); `title` is the head's."""
    opening = _opening(body)
    headline, below, under = headline_above(tree, opening, title)
    return ShownHeader(opening=opening, headline=headline, below=below, under=under)


def title_shown(header: ShownHeader, title: str | None) -> str | None:
    """The page's title once its body is known: `choose_title` over the headline above the body."""
    opening = header.opening
    if header.headline is not None:  # the headline is judged by the text after it, not by itself
        opening = _after(opening, header.headline)
    return choose_title(title, header.headline, opening)


def _after(opening: str, headline: str) -> str:
    """The opening's words less the headline's, when it starts with them."""
    words, head = _words(opening), _words(headline)
    return " ".join(words[len(head) :]) if words[: len(head)] == head else opening


def _opening(body: lxml.html.HtmlElement) -> str:
    """The first OPENING_CHARS characters of the body's text, read no further (bounded memory)."""
    parts, size = [], 0
    for part in body.itertext():
        parts.append(part)
        size += len(part)
        if size >= OPENING_CHARS:
            break
    return "".join(parts)[:OPENING_CHARS]


def headline_above(
    tree: lxml.html.HtmlElement, opening: str, title: str | None = None
) -> tuple[str | None, tuple[str, ...], int]:
    """The last headline-like block before the block that opens the article, if near enough (a
    block repeating most of `title` marks the header too, but is no headline: None); or that
    block itself when it is headline-like, the article starts with it and it outranks the one
    above; and the short texts shown around the headline (see ShownHeader): when the article
    opens on its headline, those after it up to the rest; and how many are shown under it
    (with no headline, how many are the article's own: see _HeaderTexts.without_headline)."""
    lede = _lede(opening)
    if len(lede) < MIN_LEDE_CHARS:
        return None, (), 0
    texts, candidate = _HeaderTexts(), _Candidate()
    titled = _TitleText(title)
    opened_on_headline = False
    opening_key = _key(opening[:OPENING_CHARS])
    before = texts.before  # appended to inline: every element of the page passes here
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in HIDDEN_TAGS:
            texts.after_hidden(element, below=candidate.near)
            continue
        raw = element.text or ""
        if _opens_article(raw, lede):
            near = candidate.rank if candidate.near else None  # a headline too far is none
            if not opened_on_headline and _opens_on_headline(element, raw, lede, near, titled):
                # the article opens on its headline (outranking any heading above): the texts
                # after it, up to the rest of the article, are its header
                candidate.take(element, _rank(element), said=False)
                texts.start_below(element)
                lede, opened_on_headline = _lede(_after(opening, candidate.text or "")), True
                raw = ""  # the headline's own text is not a text below it
            elif opened_on_headline or candidate.near:
                # a block that only repeats the <title> shows where the header is, and no other title
                headline = candidate.text if candidate.rank != TITLE_REPEAT else None
                return headline, *texts.with_opening(raw)
            else:
                return None, *texts.without_headline(raw)
        elif raw and not raw.isspace():
            candidate.passed()
            if _kept_above(element, raw):
                before.append(raw)
        # (a block inside the headline found, saying part of it, is not another headline)
        said = titled.says(raw) and not (candidate.text and _key(raw) in _key(candidate.text))
        heading = not opened_on_headline and _is_headline(element)
        rank = _rank(element) if heading else TITLE_REPEAT
        if (heading or (said and not opened_on_headline)) and candidate.replaced_by(
            element, rank, said=said, opening_key=opening_key
        ):
            candidate.take(element, rank, said=said or titled.says(element.text_content()))
            texts.start_below(element)
        if (tail := element.tail) and not tail.isspace() and WORDY.search(tail):
            before.append(tail)
        if candidate.near:
            texts.add_below(element, raw, tail)
    return (candidate.text, *texts.with_opening("")) if opened_on_headline else (None, (), 0)


class _Candidate:
    """The headline-like block last seen before the article's text, and how far the walk is past
    it. One the <title> says is kept over a lesser heading the <title> does not say that opens
    the article's text (its first section's: "1. Sales Associate at The Gap" under the h1), a
    lesser block the <title> says too (the site's name under the headline), and a bold block
    near it (a box's heading, "Most Viewed", over its links; a caption's)."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.rank: int | None = None
        self.said = False
        self.blocks_since = 0  # text blocks walked since

    @property
    def near(self) -> bool:
        """Whether the walk is near enough to it still (one the <title> says is farther)."""
        reach = MAX_SAID_BLOCKS_BETWEEN if self.said else MAX_BLOCKS_BETWEEN
        return self.text is not None and self.blocks_since <= reach

    def take(self, element: lxml.html.HtmlElement, rank: int, *, said: bool) -> None:
        self.text, self.rank, self.blocks_since = " ".join(element.text_content().split()), rank, 0
        # (a heading linking to the home page is the site's name, whatever the <title> says)
        self.said = said and not _links_home(element)

    def passed(self) -> None:
        """A text block walked past."""
        self.blocks_since += 1

    def replaced_by(self, element: lxml.html.HtmlElement, rank: int, *, said: bool, opening_key: str) -> bool:
        """Whether a headline-like block of `rank` replaces this one (see the class)."""
        if not self.said or self.rank is None:
            return True
        if said:
            return rank <= self.rank
        near_bold = rank >= UNRANKED and self.near
        return not near_bold and not _opens_below(element, self.rank, opening_key)


def _opens_below(element: lxml.html.HtmlElement, rank: int | None, opening_key: str) -> bool:
    """Whether a heading ranking below the candidate's `rank` opens the article's text (whose
    words are `opening_key`): a heading of its first section, not its headline."""
    key = _key(element.text_content())
    return rank is not None and _rank(element) > rank and bool(key) and opening_key.startswith(key)


def _links_home(element: lxml.html.HtmlElement) -> bool:
    """Whether the block is, or holds, a link showing its whole text to a site's home page (a
    logo's heading); an anchor without an address, or with a fragment only, is no link."""
    link = element if element.tag == "a" else element.find(".//a[@href]")
    href = link.get("href", "").strip() if link is not None else ""
    if not href or href.startswith("#") or _key(link.text_content()) != _key(element.text_content()):
        return False
    try:
        parts = urlsplit(href)
    except ValueError:  # a malformed address ("http://[bad") names no page
        return False
    return parts.path in ("", "/") and not parts.query and not parts.fragment


def _opens_on_headline(
    element: lxml.html.HtmlElement, raw: str, lede: str, rank: int | None, titled: _TitleText
) -> bool:
    """Whether the block opening the article is its headline: headline-like, the article's text
    starts with it, and it outranks the headline-like block above it, if any (`rank`), or the
    <title> repeats it."""
    if not _is_headline(element) or not lede.startswith(_key(raw[: 4 * MIN_LEDE_CHARS])):
        return False
    own = _rank(element)
    outranks = rank is None or (own == 1 and rank > 1) or (own < UNRANKED and rank >= UNRANKED)
    return outranks or titled.says(raw)


def _rank(element: lxml.html.HtmlElement) -> int:
    """A heading's level (h1 is 1); other headline-like blocks rank below every heading."""
    return int(element.tag[1]) if element.tag in HEADING_TAGS else UNRANKED


class _TitleText:
    """Whether a block's own text is the head's title (most of it): the headline, shown in
    whatever element the template uses."""

    def __init__(self, title: str | None) -> None:
        self.folded = " ".join(title.casefold().split()) if title else ""
        self.key = _key(title) if title else ""
        self.least = max(MIN_HEADLINE_WORDS, MIN_TITLE_SHARE * len(self.key.split()))

    def says(self, raw: str) -> bool:
        # the cheap tests first: every element of the page passes here (whitespace may pad the
        # raw text to a few times the title's length, no more)
        if not self.key or not MIN_TITLE_CHARS <= len(raw) <= MAX_PADDING * len(self.folded):
            return False
        text = " ".join(raw.split()).casefold()
        if len(text) > len(self.folded) or text[:MIN_TITLE_CHARS] not in self.folded:
            return False
        key = _key(text)
        return len(key.split()) >= self.least and key in self.key


class _HeaderTexts:
    """The short texts around the headline candidate, gathered while the page is walked."""

    def __init__(self) -> None:
        self.below: list[str] = []
        self.above: tuple[str, ...] = ()
        self.before = deque[str](maxlen=ABOVE_TEXTS)  # the last texts walked, not yet checked
        self._figure: lxml.html.HtmlElement | None = None  # a figure whose texts are skipped...
        self._figure_last: lxml.html.HtmlElement | None = None  # ...up to its last descendant
        # A candidate in a list item is one of a list of articles: the next item's texts and the
        # rest of the list say nothing about it; nor does what follows another article's link
        self.listed = False
        self._item_last: lxml.html.HtmlElement | None = None  # the last descendant of the list
        self._item_passed = False  # item holding the candidate, and whether the walk is past it
        self._holder_last: lxml.html.HtmlElement | None = None  # the headline's last descendant,
        # while the walk is inside it

    def start_below(self, holder: lxml.html.HtmlElement) -> None:
        """A new headline, shown by `holder`: the texts just above it are kept (bare datelines
        only: not a caption of 90 characters), those below are gathered anew."""
        self.above = tuple(text for text in _short_texts(*self.before) if len(text) <= MAX_ABOVE_CHARS)
        self.below = []
        self._figure = self._figure_last = None
        self.listed = False
        near = islice(holder.iterancestors(), ITEM_REACH)
        item = next((parent for parent in near if parent.tag == "li"), None)
        self._item_last = _last_descendant(item) if item is not None else None
        self._item_passed = False
        self._holder_last = _last_descendant(holder)

    def after_hidden(self, element: lxml.html.HtmlElement, *, below: bool) -> None:
        """The text after a comment or a script, which is shown though theirs is not
        ("<!--DateBEG-->January 18, 2008"); `below`: while texts below a headline are gathered."""
        tail = element.tail
        if tail and not tail.isspace() and WORDY.search(tail):
            self.before.append(tail)
            if below:
                self.add_below(element, "", tail)

    def add_below(self, element: lxml.html.HtmlElement, raw: str, tail: str | None) -> None:
        next_item = self._item_passed and element.tag == "li"  # (not one nested in the item)
        if next_item or (self._holder_last is None and _another_article(element, raw)):
            self.listed = True
        if self.listed:
            return
        if self._figure is None and element.tag in CAPTION_TAGS:
            self._figure, self._figure_last = element, _last_descendant(element)
        elif self._figure is None:
            self.below.extend(_short_texts(raw, tail))
        if self._figure is not None and element is self._figure_last:
            self.below.extend(_short_texts(self._figure.tail))  # the text right after the figure
            self._figure = self._figure_last = None
        if element is self._item_last:
            self._item_passed = True
        if element is self._holder_last:
            self._holder_last = None

    def without_headline(self, raw: str) -> tuple[tuple[str, ...], int]:
        """With no headline found: the article's opening text and the texts just above it, nearest
        first, when short enough to be bare datelines (without a headline, a longer text there
        is as likely a caption); and how many are the article's own (its opening text and the
        one right above it: the others may be a bar atop the page)."""
        opening = [text for text in _dateline_texts(raw) if len(text) <= MAX_ABOVE_CHARS]
        above = [text for text in reversed(_short_texts(*self.before)) if len(text) <= MAX_ABOVE_CHARS]
        return (*opening, *above), len(opening) + min(len(above), 1)

    def with_opening(self, raw: str) -> tuple[tuple[str, ...], int]:
        """The texts below the headline, the article's opening text when it reads as a long
        byline (not inside a figure), then those just above the headline, nearest first; and
        how many are shown under it (all but those above)."""
        under = (*self.below, *(_dateline_texts(raw) if self._figure is None else []))
        return (*under, *reversed(self.above)), len(under)


def _opens_article(raw: str, lede: str) -> bool:
    """Whether an element's own text is where the article's lede starts."""
    if len(raw) < MIN_LEDE_CHARS:  # only text this long can open the article
        return False
    own = _key(raw[: 4 * MIN_LEDE_CHARS])
    return len(own) >= MIN_LEDE_CHARS and own[:MIN_LEDE_CHARS] in lede


def _last_descendant(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element's last descendant in document order (itself when it has no children)."""
    while len(element):
        element = element[-1]
    return element


def _short_texts(*parts: str | None) -> list[str]:
    """The parts short enough to be a byline, dateline or caption, with their spacing collapsed."""
    texts = (" ".join(part.split()) for part in parts if part and len(part) <= 2 * MAX_SHOWN_CHARS)
    return [text for text in texts if text and len(text) <= MAX_SHOWN_CHARS]


def _dateline_texts(opening_text: str) -> list[str]:
    """The text that opens the article, when it reads as a long byline or dateline ("Posted by
    Jane Doe on October 30, 2012") rather than a sentence (which may name any date)."""
    texts = _short_texts(opening_text)
    return [text for text in texts if not SENTENCE_END.search(text)]


def _kept_above(element: lxml.html.HtmlElement, raw: str) -> bool:
    """Whether a text is kept as one of the last few before a headline: not a separator ("|"),
    nor a link of the share tools ("Send to a friend") unless it is a linked dateline ("Wednesday,
    October 24, 2012 at 10:30 am"), not another article's title naming a day ("« AWS Week in
    Review - October 29, 2012", "LWN.net Weekly Edition for April 16, 2015")."""
    if WORDY.search(raw) is None:
        return False
    if element.tag != "a":
        return True
    day = DATELINE.search(raw)
    if day is None:
        return False
    others = DATE_COMPANIONS.sub(" ", raw[: day.start()] + raw[day.end() :])  # (its weekday and clock)
    return len(tokens(others)) <= MAX_DATELINE_EXTRA_WORDS


def _is_headline(element: lxml.html.HtmlElement) -> bool:
    if not looks_like_headline(element):
        return False
    text = element.text_content()
    return MIN_HEADLINE_WORDS <= len(text.split()) <= MAX_HEADLINE_WORDS and not _is_dateline(text)


def _is_dateline(text: str) -> bool:
    """A day and little else ("November 7 2012", "14 Jan 2008, 0000 hrs IST,TNN"), in a heading
    that dates the post under it, not its headline."""
    day = DATELINE.search(text)
    return (
        day is not None and len((text[: day.start()] + text[day.end() :]).split()) <= MAX_DATELINE_EXTRA_WORDS
    )


def _lede(opening: str) -> str:
    """The opening from its first line long enough to be prose: a dateline or a lone "Security"
    label above the first paragraph is not where the article starts."""
    lines = opening.splitlines()
    for index, line in enumerate(lines):
        if len(_key(line)) >= MIN_LEDE_CHARS:
            return _key("\n".join(lines[index:]))[: 4 * MIN_LEDE_CHARS]
    return _key(opening)[: 4 * MIN_LEDE_CHARS]


def _share(text: str, opening: set[str]) -> float:
    words = [word for word in _words(text) if len(word) >= MIN_CONTENT_WORD_CHARS]
    return sum(word in opening for word in words) / max(len(words), 1)


def choose_title(title: str | None, headline: str | None, opening: str) -> str | None:
    """The headline shown above the article, where the head's title is missing, repeats it, or
    says clearly less about the article; else the head's title."""
    if headline is None:
        return title
    if not title or _key(headline) in _key(title):
        return headline
    words = set(_words(opening)[:LEDE_WORDS])
    return headline if _share(headline, words) >= _share(title, words) + MIN_SHARE_LEAD else title
