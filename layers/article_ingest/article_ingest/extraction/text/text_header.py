"""The header of a text document: its headline and byline, looked for just above the article.

Text saved from a page keeps the page's menus above the article, so the first heading-like line
is rarely the headline. The article's run of prose lines is found first (text_input.py) and, in
it, the article's first paragraph. The headline is then the heading-like line that best fits
these hints, weighed together:
- it is repeated: the page's <title> ("Headline - Site") or a breadcrumb ends with it, or the
  page shows it twice;
- a byline or a dateline follows it closely;
- its words are the article's: a menu entry or a caption about something else is not;
- it sits close above the article's first paragraphs, or it opens the text.
The byline is a "By ..." line after the headline, else a name on its own line next to a dateline
or opening one ("Jane Doe - March 3, 2024"), else a name above the headline over a reading time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from article_ingest.extraction.metadata.authors import clean_authors
from article_ingest.extraction.signals import DATELINE, PHOTO_CREDIT
from article_ingest.extraction.text.slugs import spells

TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|»|\u203a|·|_)\s+")
BREADCRUMB = re.compile(r"\s(?:»|\u203a|>|/|\|)\s")
# "By Jane Doe", also behind a glyph ("// By Jane Doe"): group 1 is the byline, 2 the names.
BYLINE = re.compile(r"^[^\w\s]*\s*((?:by|von|par|por|written by|posted by)\b[:\s]*(\S.*)?)$", re.I)
NAME_DATE_SEPARATOR = re.compile(r"\s+(?:-|\u2013|\u2014|\||·|•)\s+|,\s+")  # "Jane Doe - March 3, 2024"
READING_TIME = re.compile(r"^\d+ min(?:ute)?s? read$", re.I)  # "4 min read", beside a byline
# Lines that announce the site's furniture after the article: the run ends there.
FURNITURE = re.compile(
    r"^(?:share (?:this|on)|you (?:may|might) also like|related (?:articles|posts|stories)|"
    r"leave a (?:comment|reply)|\d* ?comments?$|adblock|more from|recommended|trending|popular|"
    r"follow us|this site uses akismet|about the author|tags?:)",
    re.I,
)
# Page furniture that looks like a heading: calls to action, sharing, captions and credits.
INTERFACE = re.compile(
    r"^(?:share|print|email|e-mail|save|tweet|pin|follow|subscribe|sign (?:in|up|out)|log ?(?:in|out)|"
    r"menu|search|view |full screen|skip|jump to|resize|explore|report (?:chapter|abuse|this)|"
    r"continue reading|read (?:on|more)|buy|supported by|sponsored|advertisement|"
    r"comments?\b|reviewed by|updated|published|posted|related|recommended|trending|home\b)|"
    rf"{PHOTO_CREDIT}",
    re.I,
)
LIST_BULLET = re.compile(r"^[-+*\u2022\u00b7\u2013]\s")  # "+ Added Slime Block": a list item, no headline
NAME_WORD = re.compile(r"^[A-Z\u00c0-\u00de][\w'\u2019.-]*$")
# Menu labels run together when saved as text ("LatestVideoThe"); a name has one inner capital
# at most ("McDonald", "DeVito").
RUN_TOGETHER = re.compile(r"[a-z][A-Z].*[a-z][A-Z]")
# Capitalised function words of a title-cased headline ("On Recent Controversial Events"): a line
# holding one is not a name on its own line.
TITLE_CASE_WORDS = frozenset(
    ["a", "the", "on", "of", "in", "for", "and", "with", "at", "from", "how", "why", "what", "is"]
)  # not "An" or "To", which are names too ("Li An")
CONTENT_WORD = re.compile(r"\w{4,}")  # words of four letters or more carry a line's topic
# A headline may end in ? or ! or an initialism ("... Underneath N.Y.C.", "U.S."), not in a full
# stop ("Plan B." ends a sentence).
SENTENCE_END = re.compile(r"(?:[,;:]|(?<![A-Z]\.[A-Z])\.)$")
# How a line of prose ends (an initialism's full stop ends a headline as often as a sentence).
PROSE_END = re.compile(r"(?:[!?:;\"'\u201d\u2019)\u3002\uff01\uff1f]|(?<![A-Z]\.[A-Z])\.)$")
MIN_TITLE_WORDS = 2  # one word is a menu item or a section name
MAX_TITLE_WORDS = 25  # longer lines are sentences, not headlines
MAX_TITLE_CHARS = 200
MIN_TITLE_LETTERS = 0.7  # share of letters and spaces in a headline; formulas and codes have less
MAX_DATELINE_WORDS = 14  # a longer line with a date in it is prose mentioning a date
NAME_WORDS = (2, 4)  # a name on its own line: first and last name, maybe a middle name
PARAGRAPH_WORDS = 6  # a paragraph has a sentence of six words or more; captions and blurbs fewer
# Where a sentence ends inside a line ("I code stuff. I take photos."): a full stop, "!" or "?" then
# a space and a capital.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00de])")
PARAGRAPH_SEARCH = 15  # lines from the run's start searched for the article's first paragraphs
NOTICE_SPAN = 20  # lines below a first "paragraph" searched for a headline with its byline and date
# Lines above the article's first paragraph searched for the headline: in text saved from a news
# page the menus between headline and article run to 80 lines and more (60 missed two headlines).
TITLE_LOOKBACK = 100
TITLE_LOOKAHEAD = 1  # the headline may open the prose run (a long headline scores as prose)
# A repeated headline may come a few lines below a first "paragraph" that was the page's notice.
REPEATED_LOOKAHEAD = 4
HEADER_SPAN = 5  # lines after the headline searched for its byline and dateline
DUPLICATE_SPAN = 5  # a headline shown twice (the page's and the print heading) comes again this close
NEAR_RUN = 8  # lines above the article that count as "close to it"
TOPIC_LINES = 10  # the article's first lines, whose words a headline shares
STEM_CHARS = 5  # words compared by their first letters: "election" matches "elections"
MIN_TOPICAL_SHARE = 0.3  # share of a line's words the article must use for the line to be on topic
MIN_TOPICAL_WORDS = 2  # and two of them at least: one shared word ("This Blog") is chance
REPEATED_WEIGHT = 5  # a headline repeated by the <title> or a breadcrumb, or shown twice, is surest
OWN_PAGE_WEIGHT = 5  # as sure: a line the page's own address spells (slugs.py)
BYLINE_WEIGHT = 2  # a byline or dateline just below is the next surest
TOPICAL_WEIGHT = 2  # a headline is about the article; menu entries and captions of others are not
NEAR_WEIGHT = 2  # closeness to the article decides among plain heading-like lines...
NEARISH_WEIGHT = 1  # ...and a little within twice that distance
OPENING_WEIGHT = 2  # a text that opens on a line about its article opens on its headline
LIST_COST = 3  # a short line between two one-to-four-word lines is a menu or contents entry
MAX_MENU_WORDS = 4  # menu entries are a few words; a headline's neighbours (subtitle, byline) longer
MIN_REPEATED_WORDS = 4  # menus repeat their short entries; a repeated longer line is a headline
MIN_TITLE_SCORE = 2  # below this no line is trusted as the headline


@dataclass(frozen=True, slots=True)
class TextHeader:
    """Where the headline and the header's last line are (line indexes) and the byline's names."""

    title_index: int | None = None
    end_index: int | None = None  # the header's last line: the byline's, or the headline's last copy
    authors: tuple[str, ...] = ()


def _is_dateline(plain: str) -> bool:
    return len(plain.split()) <= MAX_DATELINE_WORDS and bool(DATELINE.search(plain))


def _is_name_line(plain: str) -> bool:
    words = plain.split()
    return (
        NAME_WORDS[0] <= len(words) <= NAME_WORDS[1]
        and all(NAME_WORD.match(word) and not RUN_TOGETHER.search(word) for word in words)
        and not TITLE_CASE_WORDS.intersection(word.lower() for word in words)
        and not _says_interface(plain)
    )


def _says_interface(plain: str) -> bool:
    """Whether the line is an interface label by whole words: "View Photos", not "Shareef" or
    "Pinar" (INTERFACE's openings are prefixes: "share" also stands for "shared", "sharing")."""
    match = INTERFACE.search(plain)
    if match is None:
        return False
    end = match.end()
    return not plain[end - 1 : end].isalnum() or not plain[end : end + 1].isalnum()


def _title_like(plain: str, following: str, *, linked: bool, one_word: bool = False) -> bool:
    """A standalone heading-like line: short, unpunctuated, not a link, byline, date or crumb.

    A line that starts in lower case, or is continued by one that does, is a hard-wrapped
    sentence, not a headline; a line of few letters is a formula or a code.
    """
    words = len(plain.split())
    return (
        (MIN_TITLE_WORDS if not one_word else 1) <= words <= MAX_TITLE_WORDS
        and not plain[0].islower()
        and not (following[:1].islower() and not BYLINE.match(following))
        and len(plain) <= MAX_TITLE_CHARS
        and not linked
        and not SENTENCE_END.search(plain)
        and not BREADCRUMB.search(plain)
        and not BYLINE.match(plain)
        and not _is_dateline(plain)
        and not READING_TIME.match(plain)
        and not INTERFACE.search(plain)
        and not FURNITURE.match(plain)
        and not LIST_BULLET.match(plain)
        and _letter_share(plain) >= MIN_TITLE_LETTERS
    )


def _letter_share(plain: str) -> float:
    return sum(char.isalpha() or char.isspace() for char in plain) / len(plain)


def _key(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def _repeated_keys(plains: list[str]) -> set[str]:
    """Keys of the lines a page repeats as its title: <title> segments and breadcrumb tails."""
    keys: set[str] = set()
    for plain in plains:
        segments = TITLE_SEPARATOR.split(plain)
        for cut in range(1, len(segments)):
            keys |= {_key(" ".join(segments[:cut])), _key(" ".join(segments[cut:]))}
        if BREADCRUMB.search(plain):
            keys.add(_key(BREADCRUMB.split(plain)[-1]))
    keys.discard("")
    return keys


def _shown_twice(plains: list[str], index: int) -> bool:
    """Whether the line comes again a few lines away: a headline shown twice (page and print),
    or right below it wrapped over two lines (a template's large title, perhaps without its
    first word: "The")."""
    if _said_nearby(plains, index):
        return True
    wrapped = _key(" ".join(plains[index + 1 : index + 3]))
    key = _key(plains[index])
    return len(wrapped.split()) >= MIN_REPEATED_WORDS and (key == wrapped or key.endswith(f" {wrapped}"))


def _named_twice(plains: list[str], index: int, prose_start: int) -> bool:
    """Whether a one-word line is the article's subject: shown twice close together (an
    encyclopedia's entry: its heading, then its infobox's) and the word the article's first
    paragraph opens on ("Mozilla is a free-software community"), with no menu entry beside it
    (a page's two menus show each entry twice; a brand's name over itself is a logo); any other
    one-word line is a menu entry or a section's name."""
    plain = plains[index]
    if len(plain.split()) != 1 or not _said_nearby(plains, index):
        return False
    opening = plains[prose_start].split()[:1] if prose_start < len(plains) else []
    beside = plains[max(0, index - 1) : index] + plains[index + 1 : index + 2]
    return opening == [plain] and not any(_menu_entry(line) for line in beside)


def _said_nearby(plains: list[str], index: int) -> bool:
    """Whether the line comes again within DUPLICATE_SPAN lines, above or below."""
    nearby = plains[max(0, index - DUPLICATE_SPAN) : index] + plains[index + 1 : index + 1 + DUPLICATE_SPAN]
    return plains[index] in nearby


def _last_copy(plains: list[str], index: int) -> int:
    """The headline's last copy when it is shown twice: the header goes on below it."""
    nearby = range(index + 1, min(len(plains), index + 1 + DUPLICATE_SPAN))
    return max((line for line in nearby if plains[line] == plains[index]), default=index)


def _byline_below(plains: list[str], index: int) -> bool:
    end = min(len(plains), index + 1 + HEADER_SPAN)
    return any(
        BYLINE.match(plains[below]) or _is_dateline(plains[below]) or _is_byline_name(plains, below)
        for below in range(index + 1, end)
    )


def _is_byline_name(plains: list[str], index: int) -> bool:
    """A name on its own line under a longer heading, under a bare "By" or beside a dateline."""
    if not _is_name_line(plains[index]):
        return False
    if any(_is_dateline(line) for line in plains[max(0, index - 1) : index + 2]):
        return True
    previous = plains[index - 1] if index else ""
    return bool(BYLINE.match(previous)) or len(previous.split()) > NAME_WORDS[1]


def _stems(text: str) -> set[str]:
    return {word[:STEM_CHARS] for word in CONTENT_WORD.findall(text.casefold())}


def _on_topic(plain: str, article_stems: set[str]) -> bool:
    """Whether enough of the line's words come back in the article's first lines."""
    own = _stems(plain)
    shared = len(own & article_stems)
    return bool(own) and shared >= max(MIN_TOPICAL_SHARE * len(own), min(MIN_TOPICAL_WORDS, len(own)))


def _repeated(plains: list[str], index: int, repeated: set[str]) -> bool:
    """Whether the line is long enough and repeated by the <title> or a breadcrumb, or shown twice."""
    plain = plains[index]
    long_enough = len(plain.split()) >= MIN_REPEATED_WORDS
    return long_enough and (_key(plain) in repeated or _shown_twice(plains, index))


def _score_title(
    plains: list[str],
    index: int,
    prose_start: int,
    repeated: set[str],
    article_stems: set[str],
    *,
    own: list[str] | None = None,
) -> int:
    plain = plains[index]
    score = REPEATED_WEIGHT if _repeated(plains, index, repeated) else 0
    score += OWN_PAGE_WEIGHT if own and spells(own, plain) else 0
    score += BYLINE_WEIGHT if _byline_below(plains, index) else 0
    on_topic = _on_topic(plain, article_stems)
    score += TOPICAL_WEIGHT if on_topic else 0
    score += OPENING_WEIGHT if index == 0 and on_topic else 0
    if prose_start - NEAR_RUN <= index <= prose_start:  # a line below the first paragraph is not
        score += NEAR_WEIGHT  # "close above" the article
    elif prose_start - 2 * NEAR_RUN <= index <= prose_start:
        score += NEARISH_WEIGHT
    menu_entry = len(plain.split()) <= MAX_MENU_WORDS and _in_list(plains, index)
    # a line right under a "By ..." line is a subtitle or the article's first section heading
    under_byline = index > 0 and BYLINE.match(plains[index - 1]) is not None
    return score - (LIST_COST if menu_entry else 0) - (BYLINE_WEIGHT if under_byline else 0)


def _in_list(plains: list[str], index: int) -> bool:
    """Whether the line sits between two menu entries (a byline below it is no menu entry)."""
    if index == 0 or index + 1 >= len(plains) or _is_byline_name(plains, index + 1):
        return False
    return all(_menu_entry(plains[neighbour]) for neighbour in (index - 1, index + 1))


def _menu_entry(plain: str) -> bool:
    return (
        len(plain.split()) <= MAX_MENU_WORDS
        and not SENTENCE_END.search(plain)
        and not _is_dateline(plain)
        and not BYLINE.match(plain)
    )


def _prose_start(plains: list[str], run_start: int) -> int:
    """The article's first paragraph at or below the run's start (the header's lines above it);
    "paragraphs" standing alone with a full header below them (a headline, its byline and
    dateline), none about the article below it, were the page's notices ("Subscribe to our
    newsletter to receive:"): the article's first paragraph is the one after that header."""
    end = min(len(plains), run_start + PARAGRAPH_SEARCH)
    paragraphs = [index for index in range(run_start, end) if _is_paragraph(plains, index)]
    if not paragraphs:
        return run_start
    first = paragraphs[0]
    found = _full_header_below(plains, first)
    if found is None:
        return first
    header, notices = found
    after = range(header + 1, min(len(plains), header + 1 + PARAGRAPH_SEARCH))
    start = next((index for index in after if _is_paragraph(plains, index)), None)
    if start is None:
        return first
    article_stems = _stems(" ".join(plains[start : start + TOPIC_LINES]))
    if any(_on_topic(plains[notice], article_stems) for notice in notices):
        return first  # a paragraph about the article below is its own (a standfirst)
    return start


def _full_header_below(plains: list[str], paragraph: int) -> tuple[int, list[int]] | None:
    """A heading-like line a little below the paragraph with a byline and a dateline under it,
    and the paragraphs up to it, when each stands alone (notices, not two in a row of an
    article's prose)."""
    paragraphs = [paragraph]
    for index in range(paragraph + 1, min(len(plains) - 1, paragraph + 1 + NOTICE_SPAN)):
        if _title_like(plains[index], plains[index + 1], linked=False):
            below = plains[index + 1 : index + 1 + HEADER_SPAN]
            dated = [_is_dateline(line) for line in below]
            signed = [bool(BYLINE.match(line)) or _is_name_line(line) for line in below]
            # (the byline or dateline right under it, or under its deck)
            if any(dated) and any(signed) and any(dated[:2] + signed[:2]):
                return index, paragraphs
        if _is_paragraph(plains, index):
            if paragraphs[-1] == index - 1:
                return None
            paragraphs.append(index)
    return None


def _is_paragraph(plains: list[str], index: int) -> bool:
    """A line of running prose: long enough, and ending a sentence or continued in lower case."""
    plain = plains[index]
    following = plains[index + 1] if index + 1 < len(plains) else ""
    continued = following[:1].islower() and not BYLINE.match(following)
    longest = max(len(sentence.split()) for sentence in SENTENCE_BREAK.split(plain))
    return longest >= PARAGRAPH_WORDS and (bool(PROSE_END.search(plain)) or continued)


def find_title(
    plains: list[str], linked: list[bool], prose_start: int, own: list[str] | None = None
) -> int | None:
    """The index of the headline line, or None when no line is convincing; `own` is the slug of
    the page's own address, when its links tell it.

    The candidates are the text's opening line, the lines above the article's first
    paragraph (`prose_start`) and, when repeated, the few lines below it: that "paragraph" may
    have been a notice of the page's (Medium's "The author chose to make this story unlisted").
    """
    last = min(len(plains), prose_start + TITLE_LOOKAHEAD)
    repeated = _repeated_keys(plains[:last])
    article_stems = _stems(" ".join(plains[prose_start : prose_start + TOPIC_LINES]))
    best, best_score = None, MIN_TITLE_SCORE - 1
    below = range(last, min(len(plains), prose_start + REPEATED_LOOKAHEAD))
    for index in [0, *range(max(1, prose_start - TITLE_LOOKBACK), last), *below]:
        following = plains[index + 1] if index + 1 < len(plains) else ""
        one_word = _named_twice(plains, index, prose_start)
        title_like = _title_like(plains[index], following, linked=linked[index], one_word=one_word)
        if not title_like or _is_byline_name(plains, index):
            continue
        below_prose = index >= last
        if below_prose and not _repeated(plains, index, repeated):
            continue
        score = _score_title(plains, index, prose_start, repeated, article_stems, own=own)
        # ties go to the line closer to the article, but a line below its first paragraph is not
        # close to it: that paragraph was taken as the article's, so the line must do better
        if score > best_score or (score == best_score and not below_prose):
            best, best_score = index, score
    return best


def find_byline(plains: list[str], title_index: int, prose_start: int) -> tuple[int | None, tuple[str, ...]]:
    """The byline below the headline: a "By ..." line, else a name by a dateline or opening one;
    else a name above the headline over a reading time (then no line index: the header ends
    with the headline).

    A "By ..." line is surer than a bare name, so it is looked for first, down to the article's
    first paragraph (subtitles, captions and share buttons may come between).
    """
    header = range(title_index + 1, min(len(plains), title_index + 1 + HEADER_SPAN))
    for index in range(title_index + 1, max(header.stop, min(len(plains), prose_start))):
        match = BYLINE.match(plains[index])
        names = match.group(2) if match else None
        if match and names and names[0].isupper():  # "By Jane Doe", not "By 2022, the law ..."
            return index, tuple(clean_authors(match.group(1)))
        if match and not names and index + 1 < len(plains) and _is_name_line(plains[index + 1]):
            return index + 1, tuple(clean_authors(plains[index + 1]))
    for index in header:
        if _is_byline_name(plains, index):
            return index, tuple(clean_authors(plains[index]))
        if (name := _name_before_date(plains[index])) is not None:
            return index, tuple(clean_authors(name))
    # Some pages put the byline above the headline: a name, then the reading time. (A name then
    # a date is as often the blog's name above its post's date.)
    for index in range(title_index - 1, max(0, title_index - NEAR_RUN) - 1, -1):
        if _is_name_line(plains[index]) and READING_TIME.match(plains[index + 1]):
            return None, tuple(clean_authors(plains[index]))
    return None, ()


def _name_before_date(plain: str) -> str | None:
    """The name opening a dateline: "Dan Goodin - Apr 16, 2015 8:02 pm UTC"."""
    parts = NAME_DATE_SEPARATOR.split(plain, maxsplit=1)
    if len(parts) == 2 and _is_name_line(parts[0]) and _is_dateline(parts[1]):
        return parts[0]
    return None


def read_header(
    plains: list[str], linked: list[bool], run_start: int, own: list[str] | None = None
) -> TextHeader:
    """The headline and byline of a text document whose article's run starts at `run_start`
    (`own`: the words of the page's own address, see slugs.py)."""
    prose_start = _prose_start(plains, run_start)
    title_index = find_title(plains, linked, prose_start, own)
    if title_index is None:
        return TextHeader()
    byline_end, authors = find_byline(plains, title_index, prose_start)
    end_index = max(_last_copy(plains, title_index), title_index if byline_end is None else byline_end)
    return TextHeader(title_index=title_index, end_index=end_index, authors=authors)
