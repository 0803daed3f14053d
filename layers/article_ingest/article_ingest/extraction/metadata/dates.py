"""Publication dates: structured evidence first, then htmldate; normalised to ISO 8601.

JSON-LD, meta tags naming the publication, microdata, <time datetime> elements, the URL and
meta tags naming only "a date" come first, in that order: the publisher set them. Only when
none has a date does htmldate read the page (dates marked in the markup or shown beside the
headline); once the article is known, the dateline shown between its headline and its first
paragraph outranks htmldate's page-wide answer, a meta name a template fills (TEMPLATE_DATE_META)
and, within a few days, the URL's day (the pipeline's `_dates_shown`). Never a year or a month
alone, never the modified date as the published one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl

import lxml.html
from lxml import etree

from article_ingest.extraction.metadata.evidence import Evidence
from article_ingest.extraction.metadata.jsonld import first_value
from article_ingest.extraction.metadata.language import declared_language
from article_ingest.extraction.metadata.meta_tags import MetaTags, index_meta
from article_ingest.extraction.metadata.sources import Found, Source, meta_source
from article_ingest.extraction.signals import (
    DATELINE,
    MONTH_WORDS,
    PHOTO_CREDIT,
    WEEKDAY_WORDS,
    clear_leader,
    in_comment_thread,
    names_comment_thread,
)

PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datePublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "pubdate",
    "publish-date",
    "publish_date",
    "citation_publication_date",
    "article.published",
    "publishdate",
    "publish_time",
    "pdate",  # the New York Times: "20190806"
    "date.release",
    "original-publish-date",
    "originalpublicationdate",
    "publicationdate",
    "dateofpublication",
    "icx_pubdate",
    "posted",
)
# Meta names that say "a date", not which: templates fill them with the day the page was rendered
# or the draft created as often as with the publication. They rank below a <time> marked as the
# publication and a date in the URL.
GENERIC_DATE_META = ("dc.date", "dcterms.date", "date", "doc_date", "dcterms.created", "creation_date")
# Of the meta names above, those a template fills with the day the page was built as often as with
# the publication's (the Washington Post's blogs: DC.date.issued a year after the byline's day):
# the dateline shown with the headline outranks them
TEMPLATE_DATE_META = ("dc.date.issued", *GENERIC_DATE_META)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "dateModified",
    "dcterms.modified",
    "last-modified",
)
ISO_LIKE = re.compile(
    r"^\s*(\d{4})([-/])(\d{1,2})\2(\d{1,2})"  # the day: year first is year, month, day ("2012/12/18")
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?"  # time and zone
)
JS_DATE = re.compile(r"^\w{3} (\w{3} \d{1,2} \d{4} \d{2}:\d{2}:\d{2}) GMT([+-]\d{4})")
MONTH_NAME = rf"({MONTH_WORDS})\b\.?"
ORDINAL = r"(?:st|nd|rd|th)?"
# "October 29th, 2012", "Jan. 6, 2008"; and day first, "19 January 2008", "29 Dec, 2007".
TEXT_DATE = re.compile(rf"\b{MONTH_NAME}\s+(\d{{1,2}}){ORDINAL},?\s+(\d{{4}})\b", re.I)
DAY_FIRST_TEXT_DATE = re.compile(rf"\b(\d{{1,2}}){ORDINAL}\.?\s+(?:of\s+)?{MONTH_NAME},?\s+(\d{{4}})\b", re.I)
AM_PM = re.compile(r"\d\s*[ap]\.?m\b\.?", re.I)  # "2:30 pm": a clock RFC 2822 parsing misreads
# A dateline's words in capitals, which htmldate's parser takes for a currency code and drops
# the whole text for, read capitalised ("Posted:", "Est", "Jan"): a label before its colon
# ("POSTED:"), a time zone ("11:54 pm EST", "PDT", "GMT"), a month or a weekday ("JAN 9",
# "TUESDAY"). Other capitals still drop it: "AWS Week in Review - October 29, 2012" is another
# post's title.
CAPITALS = re.compile(
    r"\b[A-Z]{3,}(?=\s*:)|\b(?:[ECMPA][SD]T|AE[SD]T|GMT|UTC|CES?T|BST|IST)\b|"
    rf"\b(?:{MONTH_WORDS.upper()}|MON|TUES?|WED|THU|THURS|FRI|SAT|SUN|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY)\b"
)
# A month and day without a year, month first or day first ("July 24", "24th July")
MONTH_DAY = re.compile(rf"\b{MONTH_NAME}\s+(\d{{1,2}}){ORDINAL}\b", re.I)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){ORDINAL}\s+(?:of\s+)?{MONTH_NAME}", re.I)
SHORT_YEAR_DATE = re.compile(r"/(\d{2})/(\d{2})/(\d{2})/")  # "/story/12/07/24/": year, month, day
COMPACT_URL_DATE = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/")  # "/s/ucrr/20071228/": the same, whole
# A day shown this close to the day its address names is the same story's (filed in another
# time zone, printed the next day, posted a few days after it was filed); farther is another's
MAX_DAYS_FROM_ADDRESS = 3
MIN_SHARE_LINKS = 2  # links passing on the same dated address that make it the page's own
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|\b)")
URL_MONTH = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})(?:/|\b)")  # "/2012/11/slug": the month only
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A month's short form with a full stop, AP style ("Nov. 6, 2012", "Sept. 25"), which htmldate's
# parser does not read: written as it reads it ("Nov 6, 2012", "Sep 25").
ABBREVIATED_MONTH = re.compile(rf"\b({'|'.join(MONTHS)})(?:(?<=sep)t\.?|\.)(?=\s)", re.I)
DAY_FORMAT = "%Y-%m-%d"  # htmldate's answers are days: its times are seldom the article's
# htmldate reads an all-digit date day first: "3/09/15" is 3 September 2015 to it, 9 March to the
# American site that wrote it. Where day and month could trade places (both 12 or less, and not
# equal) and the page writes the date that way, the order is a guess and the answer is dropped.
MAX_MONTH = 12
# ...unless the weekday written just before the digits fits one reading only: "Monday, 11.05.2012"
# is 5 November (11 May 2012 was a Friday).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A weekday's name or its usual short forms ("Mon", "Tues", "Thurs"), as a whole word: not the
# start of "Thomas" or "Sunderland".
WEEKDAY_BEFORE = re.compile(  # (ASCII only: a long s or a dotless i does not make a weekday)
    rf"\b({WEEKDAY_WORDS})\b\.?\s*[,|]?\s*$", re.I | re.ASCII
)
WEEKDAY_REACH = 14  # characters before the digits searched for it ("Wednesday, ", "Monday | ")
# Pages that may write "3/09/15" for March 9: those declaring English (as the US does) or nothing.
MONTH_FIRST_LANGUAGES = frozenset({"en", None})
# A <time> the markup marks only as the last change (itemprop=dateModified, class="modified") is
# never the publication date, even when it is the page's only dated <time>. hAtom's "updated" is
# not such a mark: themes put it on the published date too ("entry-date updated").
MODIFIED_MARK = re.compile(r"modified")
COMPACT_DAY = re.compile(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})\s*$")  # "20190806"
# "05/29/2007 09:49:00" in a meta tag: read only when one of the first two numbers is over 12, so
# that it can only be the day (the same rule htmldate's answers are held to, above).
NUMERIC_DAY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b")
# A date in digits anywhere in a page's text, its year in two digits or four ("1/15/08")
ALL_DIGIT_DATE = re.compile(r"(?<![\d.])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2}|\d{2})(?!\d|\.\d)")
MAX_DAY = 31
# A page writes its dates in digits in one order: its other dates, where only one order reads,
# settle an ambiguous dateline's when at least this many keep to one (a score "4-13-12" is no
# date), and this many times as many as keep to the other
MIN_ORDERED_DATES = 2
MIN_ORDER_LEAD = 2
NUMERIC_IN_TEXT = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?!\d)")  # ...in a dateline
# What a dateline says after these words is the last change, not the publication.
UPDATE_WORDS = r"updated?|modified|edited|revised|aktualisiert|mis à jour|actualizado|aggiornato"
# ("last" before "updated" only, as ever; "edited by Jane Doe" names an editor, not a change's day)
UPDATE_CUE = re.compile(rf"\b(?:(?:last )?{UPDATE_WORDS})\b(?!\W*by\b)", re.I)
# A label naming the day that follows it as the publication's, in the page's text. Capitalised, as
# labels are, or in capitals ("POSTED ON"): prose that mentions a study "published on March 3" does
# not date the page. (No word boundary before it: a page's text in one piece runs
# "ReutersPublished:" together.)
PUBLISHED_LABEL = re.compile(
    r"(?:[Oo]riginally [Pp]ublished|Published|PUBLISHED|Publication [Dd]ate|Date [Pp]ublished|Publié|"
    r"Veröffentlicht|Publicado|Pubblicato|(?:Posted|POSTED)(?= on| ON|\s*:)|(?<=[Ee]ntry was )posted(?= on)|"
    # "Posted on" and "Posted:"; "This entry was posted on" (a blog template's footer); "Posted
    # (in News, Sony) by Jane Doe on", "Posted to Games on", "... at", "... |", "... ," (a post's
    # byline; a reader comment's is not read, see page_text)
    r"(?:Posted|POSTED)(?: (?:in|to) [^|]{1,80}?)? (?:by|BY) [^|]{1,50}?(?= (?:on|ON|at|AT)\b|,| \|)|"
    r"(?:Posted|POSTED) (?:in|to) [^|]{1,80}?(?= (?:on|ON|at|AT)\b))"
    r"(?: [Dd]ate| on| ON| at| AT| le| am| el| il)?\s*[:\-|,]?\s*"
)
LABEL_STEMS = (
    "ublish",
    "ublication",
    "ublié",
    "eröffentlicht",
    "ublicado",
    "ubblicato",
    "osted",
    "UBLISHED",
    "OSTED",
)  # ...in its words
# A label around a stem: "Originally P|ublished on: ", and what follows it (before its spacing
# is collapsed: templates pad "Posted" and its colon with dozens of spaces).
LABEL_LEAD, LABEL_SPAN = 12, 240
MAX_LABEL_STEMS = 100
SHOWN_TEXTS = etree.XPath("//text()[not(parent::script or parent::style)]")
LABEL_REACH = 13  # characters between the label and its day's start ("Wednesday, ", "11:21 pm MST ")
LABELLED_CHARS = 45  # what is read after the label for the day
# A label on its own ("Last Updated:") dates the texts after it: the clock, then the day.
UPDATE_LABEL_REACH = 2
UPDATE_LABEL = re.compile(  # the whole text: "Last Updated:", "Updated on" (not "Security Update")
    rf"^\W*(?:last\s+)?(?:{UPDATE_WORDS})(?:\s+(?:on|at|le|am|el|il))?\s*:?\W*$",
    re.I,
)
CAPTION = re.compile(PHOTO_CREDIT, re.I)
MAX_DATELINE_CHARS = 100  # a longer text between headline and article is prose that names a date
# htmldate's parser reads the first 52 characters of a text; of a longer dateline, those around its
# year are passed: up to 12 from the year on ("2012-10-30", "2012 10:00") and the rest before it.
PARSED_CHARS, AFTER_YEAR_CHARS = 52, 12
# A date with hyphens between day, month name and year ("8-Jan-2008"), which the parser does not
# read: read with spaces ("8 Jan 2008")
HYPHENATED_DATE = re.compile(rf"\b(\d{{1,2}})-({MONTH_WORDS})-(\d{{4}})\b", re.I)
# A year in two digits after an apostrophe, after the month and day ("Aug 8 '12", "Nov 6th '12"),
# which the parser does not read: written whole ("Aug 8, 2012")
APOSTROPHE_YEAR = re.compile(rf"(\b(?:{MONTH_WORDS})\.?\s+\d{{1,2}}{ORDINAL}),?\s+['\u2019](\d{{2}})\b", re.I)
# A clock, which the parser takes for the start of a date it cannot read ("12:48 PM ON WED JAN 9
# 2008") or which splits one ("Sat, 29 Dec 15:58:00 2007"): a dateline is read again without it
CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
# Of a dateline whose date has a shape DATELINE knows, the parser is passed the date and the few
# characters before it ("Wednesday, "): it drops a whole text holding what looks like a currency
# code, a telephone number or a web address ("01/13/08 - Ontario Hockey League (OHL)",
# "by ARLnow.com | 80 views | August 9, 2012"), which the rest of a dateline often holds.
BEFORE_DATE_CHARS = 16
AGO = ("ago", "Ago", "AGO")  # how DATELINE's relative dates end
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# Dates before the web, or far in the future, are misreadings.
MIN_YEAR, MAX_YEAR = 1990, 2100


def _iso_like(value: str) -> str | None:
    match = ISO_LIKE.match(value)
    if not match:
        return None
    year, _, month, day, hour, minute, second, zone = match.groups()
    try:
        datetime(int(year), int(month), int(day))
    except ValueError:
        return None
    date = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    if hour is None:
        return date
    time = f"T{int(hour):02d}:{minute}:{second or '00'}"
    if zone and zone != "Z" and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    return date + time + (zone or "")


def _from_datetime(moment: datetime) -> str:
    return moment.isoformat()


def to_iso(value: str | None) -> str | None:
    """An ISO 8601 date or date-time for a date string, keeping its own time zone; else None."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    iso = _iso_like(value)
    if iso is None:
        iso = _other_formats(value)
    if iso is None or not MIN_YEAR <= int(iso[:4]) <= MAX_YEAR:
        return None
    return iso


def _other_formats(value: str) -> str | None:
    js = JS_DATE.match(value)
    if js:
        try:
            return _from_datetime(datetime.strptime(f"{js.group(1)} {js.group(2)}", "%b %d %Y %H:%M:%S %z"))
        except ValueError:
            return None  # "Foo 31 2024 ...": not a month, not a date
    if compact := COMPACT_DAY.match(value):
        return _iso_like("-".join(compact.groups()))
    numeric = NUMERIC_DAY.match(value)
    if numeric and (day := _unambiguous_numeric(*(int(part) for part in numeric.groups()))):
        return day
    return _timestamp(value) or _rfc_2822(value) or _text_date(value)


def _unambiguous_numeric(first: int, second: int, year: int) -> str | None:
    """The day of "first/second/year" when only one order makes a date (05/29/2007, 29/05/2007,
    05/05/2007), else None."""
    month_first = True if first == second else _month_first(first, second)
    if month_first is None:
        return None
    month, day = (first, second) if month_first else (second, first)
    return _iso_like(f"{year}-{month}-{day}")


def _timestamp(value: str) -> str | None:
    if value.isdigit() and len(value) in (10, 13):  # a Unix timestamp, seconds or milliseconds
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        return _from_datetime(datetime.fromtimestamp(seconds, tz=UTC))
    return None


def _rfc_2822(value: str) -> str | None:
    if AM_PM.search(value):  # the email parser drops "pm": "2:30 pm" would read as 02:30
        return None
    try:
        return _from_datetime(parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        return None


def _text_date(value: str) -> str | None:
    """The day of a date written with its month's English name, month or day first."""
    if text := TEXT_DATE.search(value):
        month_name, day, year = text.groups()
    elif text := DAY_FIRST_TEXT_DATE.search(value):
        day, month_name, year = text.groups()
    else:
        return None
    return _iso_like(f"{year}-{_month_number(month_name)}-{day}")


def _meta_date(meta: MetaTags, names: tuple[str, ...]) -> Found[str] | None:
    for name in names:
        key = name.lower()
        for value in meta.all(key):
            if iso := to_iso(value):
                return Found(iso, meta_source(key))
    return None


def _microdata_date(evidence: Evidence, prop: str) -> Found[str] | None:
    for element in evidence.itemprop(prop):
        value = element.get("datetime") or element.get("content") or element.get("title")
        if iso := to_iso(value or element.text_content()):
            return Found(iso, Source.MICRODATA)
    return None


def _time_element(evidence: Evidence) -> Found[str] | None:
    """The first <time datetime> marked as the publication date, else the only dated <time>; a
    <time> in the reader comments is a comment's (WordPress marks each with pubdate)."""
    dated = [
        element
        for element in evidence.times
        if to_iso(element.get("datetime"))
        and not _marked_modified_only(element)
        and not in_comment_thread(element)
    ]
    for element in dated:
        if "pub" in _marks(element) or element.get("pubdate") is not None:
            return _found(to_iso(element.get("datetime")), Source.TIME)
    return _found(to_iso(dated[0].get("datetime")), Source.TIME) if len(dated) == 1 else None


def _marks(element: lxml.html.HtmlElement) -> str:
    """What the markup says a <time> is: its class, itemprop and pubdate attribute."""
    return " ".join(element.get(name) or "" for name in ("class", "itemprop", "pubdate")).lower()


def _marked_modified_only(element: lxml.html.HtmlElement) -> bool:
    """Marked as the last change (itemprop=dateModified, class "modified") and not also as the
    publication."""
    marks = _marks(element)
    return bool(MODIFIED_MARK.search(marks)) and "pub" not in marks


def from_template_meta(tree: lxml.html.HtmlElement) -> bool:
    """Whether the page's meta tags date the publication only under names a template fills
    (TEMPLATE_DATE_META), none under a name a publisher sets for it (parsely-pub-date, pubdate)."""
    publisher_set = tuple(name for name in PUBLISHED_META if name not in TEMPLATE_DATE_META)
    return _meta_date(index_meta(tree), publisher_set) is None


def url_date(url: str | None) -> str | None:
    """A /YYYY/MM/DD/ date in the URL path."""
    match = URL_DATE.search(url or "")
    return _iso_like("-".join(match.groups())) if match else None


def near_address_day(shown: str, address_day: str) -> bool:
    """Whether the day shown is within MAX_DAYS_FROM_ADDRESS of the address's (ISO days)."""
    try:
        apart = date.fromisoformat(shown[:10]) - date.fromisoformat(address_day[:10])
    except ValueError:
        return False
    return abs(apart.days) <= MAX_DAYS_FROM_ADDRESS


def shared_address(tree: lxml.html.HtmlElement) -> str | None:
    """The page's own address as its share links pass it on to other sites, for a page that
    names none (`digg.com/submit?url=http%3a%2f%2f...%2f2007%2f12%2f28%2fstory.xml`): the dated
    address in full that MIN_SHARE_LINKS or more links pass, more than pass any other (a link to
    another story of the site passes a path, `main.jhtml?xml=/news/...`, and is linked twice: by
    picture and name)."""
    passed: Counter[str] = Counter()
    for link in tree.iter("a"):
        href = link.get("href") or ""
        if "=http" not in href.lower():  # (the cheap test first)
            continue
        query = href.partition("#")[0].partition("?")[2]  # (no urlsplit: "http://[bad" raises)
        for _, value in parse_qsl(query):
            if value.lower().startswith(("http://", "https://")) and URL_DATE.search(value):
                passed[value.split("#")[0]] += 1
    return clear_leader(passed, at_least=MIN_SHARE_LINKS)  # (a box of other stories: a tie)


def _found(value: str | None, source: Source) -> Found[str] | None:
    return Found(value, source) if value else None


def _htmldate(evidence: Evidence, url: str | None, modified: Found[str] | None) -> Found[str] | None:
    """htmldate's reading of the page, in its fast mode: markup, then dates shown in the text.

    Its extensive mode also guesses from a copyright year or any date in the page; the fast
    mode keeps to evidence that names the date. `original_date` asks for the publication date,
    never the modification date, yet with nothing else it still answers with the page's modified
    date: an answer on the day the page says it was modified is dropped. htmldate copies the
    tree before it prunes its copy.
    """
    from htmldate import find_date  # noqa: PLC0415 - imported only by pages that need it

    try:
        found = find_date(
            evidence.tree, url=url, extensive_search=False, original_date=True, outputformat=DAY_FORMAT
        )
    except (ValueError, TypeError, OverflowError):  # a date is optional: a fault leaves it empty
        return None
    day = to_iso(found) if isinstance(found, str) else None
    if day is not None and modified is not None and modified.value.startswith(day):
        return None
    if day is not None and _may_write_month_first(evidence):
        day = _settled_order(_page_texts(evidence), day)
    return _found(day, Source.HTMLDATE)


def _labelled_date(evidence: Evidence) -> Found[str] | None:
    """The day the page's text labels as the publication's ("Published: Jan 08, 2008",
    "Published Date: 11 January 2008", "Posted on ...", "Originally published on ..."), when it
    labels one day so: a page listing other articles labels a day for each."""
    if next(_labelled(evidence.tree.text_content()), None) is None:  # the text in one piece: cheap
        return None
    declared = declared_language(evidence)
    # the page's texts, then (when they label a day: the reader comments are sought only then)
    # those outside its comments
    if not _labelled_days(" ".join(SHOWN_TEXTS(evidence.tree)), declared):  # type: ignore[arg-type]
        return None
    days = _labelled_days(page_text(evidence.tree), declared)
    return Found(days.pop(), Source.DATELINE) if len(days) == 1 else None


def _labelled_days(text: str, declared: str | None) -> set[str]:
    """The days the text labels as the publication's."""
    days = set()
    for window in _labelled(text):
        shown = DATELINE.search(window)
        if shown is None or shown.start() > LABEL_REACH:
            continue
        if day := _shown_day(window[: shown.end()], declared):  # the label's text up to the day's end
            days.add(day)
    return days


def page_text(tree: lxml.html.HtmlElement) -> str:
    """The page's texts outside scripts, styles and reader comments (a comment's "Posted by Ann
    on October 25, 2012" is not the post's), elements apart ("2008</li><li>Trams" is no
    "2008Trams")."""
    in_thread: dict[lxml.html.HtmlElement, bool] = {}  # (per element: its texts share its ancestors)
    kept: list[str] = []
    for text in SHOWN_TEXTS(tree):  # type: ignore[union-attr]  # text nodes: the XPath is //text()
        element = text.getparent()  # type: ignore[union-attr]
        if element not in in_thread:
            in_thread[element] = names_comment_thread(element) or in_comment_thread(element)
        if not in_thread[element]:
            kept.append(str(text))
    return " ".join(kept)


def _labelled(text: str) -> Iterator[str]:
    """What follows each publication label in the text (LABELLED_CHARS, spacing collapsed),
    looked for only around the labels' stems (a regex search of a whole page's text costs a
    hundred times more), and only around the first MAX_LABEL_STEMS of them (a page naming
    "published" more often than that lists other articles, or is built to stall the search)."""
    looked = 0
    for stem in LABEL_STEMS:
        at = text.find(stem)
        while at >= 0 and looked < MAX_LABEL_STEMS:
            looked += 1
            around = " ".join(text[max(0, at - LABEL_LEAD) : at + LABEL_SPAN].split())
            if label := PUBLISHED_LABEL.search(around):
                yield around[label.end() : label.end() + LABELLED_CHARS]
            at = text.find(stem, at + 1)


def _may_write_month_first(evidence: Evidence) -> bool:
    """Whether the page may write month before day: it declares English (the US does so) or no
    language at all. A page in any other language writes day first, as htmldate reads it."""
    return declared_language(evidence) in MONTH_FIRST_LANGUAGES


def _page_texts(evidence: Evidence) -> Iterator[str]:
    """The page's text, then its meta tags' values."""
    yield evidence.tree.text_content()
    yield from (value for values in evidence.meta.values.values() for value in values)


def _settled_order(texts: Iterable[str], day: str) -> str | None:
    """`day`, read day first, unless the texts write it in digits that read as another date with
    day and month swapped ("3/09/15", "03.09.2015"): then the one reading that falls on the
    weekday written before the digits ("Monday, 11.05.2012" is 5 November), else None (the order
    is a guess)."""
    written = _day_first_digits(day)
    if written is None:
        return day
    year, month, date = (int(part) for part in day[:10].split("-"))
    readings = (datetime(year, month, date), datetime(year, date, month))
    either_way = False
    for text in texts:
        for match in written.finditer(text):
            either_way = True
            weekday = _weekday_before(text, match.start())
            if weekday is None:
                continue
            fitting = [reading for reading in readings if reading.weekday() == weekday]
            return fitting[0].strftime(DAY_FORMAT) if len(fitting) == 1 else None
    return None if either_way else day


def _day_first_digits(day: str) -> re.Pattern[str] | None:
    """How `day` is written day first in digits when that also reads as another date with day
    and month swapped; None when it cannot be (a day over 12, or equal to the month)."""
    year, month, date = (int(part) for part in day[:10].split("-"))
    if date > MAX_MONTH or date == month:
        return None
    return re.compile(rf"(?<!\d)0?{date}[/.-]0?{month}[/.-](?:{year}|{year % 100:02d})(?!\d)")


def _names_its_day(text: str, day: str) -> bool:
    """Whether the text writes the day of the month: "Member since 08/2003" is a month, which
    the parser completes with the 1st."""
    return re.search(rf"(?<!\d)0?{int(day[8:10])}(?!\d)", text.replace(day[:4], " ")) is not None


def address_months(*addresses: str | None) -> list[str]:
    """The months ("2012-11") the addresses' paths name ("/2012/11/slug", "/2012-11/")."""
    months = []
    for address in addresses:
        for match in URL_MONTH.finditer(address or ""):
            if 1 <= (month := int(match.group(2))) <= MAX_MONTH:
                months.append(f"{match.group(1)}-{month:02d}")
    return months


def pictures_month(tree: lxml.html.HtmlElement) -> list[str]:
    """The month the page's pictures are filed under, when at least twice as many are as under
    any other month: a story's pictures are uploaded in its month ("/wp-content/uploads/2012/11/",
    "/ss/2008/01/09/"), where a link may be to any story's page."""
    month = clear_leader(Counter(address_months(*(image.get("src") for image in tree.iter("img")))), times=2)
    return [month] if month is not None else []


@dataclass(frozen=True, slots=True)
class Datelines:
    """The days shown between the headline and the article: the publication's, and the last
    change's when a label says so ("Last Updated:", then the day, or in the same text)."""

    published: Found[str] | None = None
    updated: Found[str] | None = None
    # With no publication day read: the two days a dateline in digits reads as, day and month
    # either way round ("1/8/08"), when nothing settles which (another answer must be one of them)
    either_way: tuple[str, ...] = ()
    # ...and the datelines shown without their year ("on Monday July 23, @09:57PM")
    year_less: tuple[YearLess, ...] = ()

    def completed_by(self, address: str | None) -> Found[str] | None:
        """The day of a dateline shown without its year whose month and day the address names
        after a two-digit year ("/story/12/07/24/": 24 July 2012) or in one run of digits
        ("/20071228/": "Fri Dec 28" is 28 December 2007)."""
        month_days = {shown.month_day for shown in self.year_less}
        named = [(f"20{year}", month, day) for year, month, day in SHORT_YEAR_DATE.findall(address or "")]
        for year, month, day in named + COMPACT_URL_DATE.findall(address or ""):
            if f"{month}-{day}" in month_days and (found := _iso_like(f"{year}-{month}-{day}")):
                return Found(found, Source.DATELINE)
        return None

    def ordered_in(self, text: str) -> Found[str] | None:
        """The reading of the all-digit dateline in the order the page's `text` writes its other
        dates in digits, when they clearly keep to one ("1/15/2008": month first), read where
        only one order is possible."""
        if not self.either_way:
            return None
        orders = Counter(
            order
            for match in ALL_DIGIT_DATE.finditer(text)
            if (order := _month_first(int(match.group(1)), int(match.group(3)))) is not None
        )
        month_first = clear_leader(orders, at_least=MIN_ORDERED_DATES, times=MIN_ORDER_LEAD)
        if month_first is None:
            return None
        return Found(self.either_way[1 if month_first else 0], Source.DATELINE)

    def completed_in(self, text: str) -> Found[str] | None:
        """The day of the first dateline shown without its year that the page's `text` completes:
        the one year a date the text writes with the same month and day has ("Dec. 3
        (Bloomberg)" and "Last Updated: December 3, 2007"), else the one year the text names
        that the dateline's weekday fits ("Sat 19 Jan" on a page naming 2008 and 2012: 2008)."""
        if not self.year_less:
            return None
        written: dict[str, set[int]] = {}
        for match in TEXT_DATE.finditer(text):
            written.setdefault(_month_day(match.group(1), match.group(2)), set()).add(int(match.group(3)))
        for match in DAY_FIRST_TEXT_DATE.finditer(text):
            written.setdefault(_month_day(match.group(2), match.group(1)), set()).add(int(match.group(3)))
        named = set(map(int, YEAR.findall(text)))
        for shown in self.year_less:
            month, day = (int(part) for part in shown.month_day.split("-"))
            years = written.get(shown.month_day, set())
            if len(years) != 1 and shown.weekday is not None:
                years = named
            # (a year the day is not on, when the dateline names its weekday, is another's)
            fitting = [year for year in years if _plausible(year, month, day, shown.weekday)]
            if len(fitting) == 1 and (found := _iso_like(f"{fitting[0]}-{month:02d}-{day:02d}")):
                return Found(found, Source.DATELINE)
        return None

    def settled_by(self, *evidence: Collection[str]) -> Found[str] | None:
        """The reading of the all-digit dateline in a month the evidence names ("11.05.12"
        under /2012/11/...: November 5): the first collection of months (ISO "2012-11") with
        exactly one of the readings in it."""
        for months in evidence:
            readings = [day for day in self.either_way if day[:7] in months]
            if len(readings) == 1:
                return Found(readings[0], Source.DATELINE)
        return None

    def contradict(self, day: str) -> bool:
        """Whether the day shown contradicts `day` (an ISO day) as the publication's: it is
        the last update shown or after it (a page showing only its update day does not tell
        its publication's), or neither reading of an all-digit dateline."""
        return (self.updated is not None and day >= self.updated.value) or (
            bool(self.either_way) and day not in self.either_way
        )


def datelines_shown(texts: tuple[str, ...], *, declared: str | None, title: str | None) -> Datelines:
    """The day of the first dateline among the texts shown between the headline and the article
    (read by htmldate's date parser, which knows month names in many languages); a date in
    digits that reads either way on a page that may write month first is no answer, unless its
    weekday tells; nor is a date in the page's `title`, or one an update label stands for."""
    headline = " ".join((title or "").casefold().split())
    updated: Found[str] | None = None
    either_way: tuple[str, ...] = ()
    year_less: list[YearLess] = []
    labelled_update = 0  # texts left that a "Last Updated:" label on its own still stands for
    for shown in texts:
        if len(shown) > MAX_DATELINE_CHARS or CAPTION.search(shown):  # a photo's day is not the article's
            continue
        if UPDATE_LABEL.match(shown):
            labelled_update = UPDATE_LABEL_REACH
            continue
        if shown.casefold() in headline:  # "The great storm of March 13, 1993" names its subject's day
            continue
        if labelled_update:
            labelled_update -= 1
            if day := _shown_day(shown, declared):
                updated, labelled_update = updated or Found(day, Source.DATELINE), 0
            continue
        # "Published May 2, updated May 3": May 2
        before, *after = UPDATE_CUE.split(shown, maxsplit=1)
        day, readings = _shown_reading(before, declared)
        if day is not None:
            return Datelines(published=Found(day, Source.DATELINE), updated=updated)
        either_way = either_way or readings
        if not readings:
            year_less.extend(_month_days(before))
        # "Last Updated: October 27, 2012": the last change only
        if after and updated is None and (day := _shown_day(after[0], declared)):
            updated = Found(day, Source.DATELINE)
    return Datelines(updated=updated, either_way=either_way, year_less=tuple(year_less))


@dataclass(frozen=True, slots=True)
class YearLess:
    """A dateline shown without its year: its month and day ("07-23"), and the weekday written
    before it (0 for Monday), if any ("Monday July 23")."""

    month_day: str
    weekday: int | None = None


def _month_days(text: str) -> list[YearLess]:
    """Each date the text names without a year ("July 24", "Sat 19 Jan"; a date with its year
    is read whole, or is not a date)."""
    if YEAR.search(text):
        return []
    found = [(match.group(1), match.group(2), match.start()) for match in MONTH_DAY.finditer(text)]
    found += [(match.group(2), match.group(1), match.start()) for match in DAY_MONTH.finditer(text)]
    return [YearLess(_month_day(month, day), _weekday_before(text, start)) for month, day, start in found]


def _month_day(month: str, day: str) -> str:
    """ "07-24" for ("July", "24")."""
    return f"{_month_number(month):02d}-{int(day):02d}"


def _month_number(name: str) -> int:
    """The month a name or short form names ("Sept", "july": 9, 7)."""
    return MONTHS.index(name[:3].casefold()) + 1


def _month_first(first: int, second: int) -> bool | None:
    """Whether a date in digits is written month first ("1/15/2008"), day first ("15/1/2008"),
    or could be either (None)."""
    if first <= MAX_MONTH < second <= MAX_DAY:
        return True
    if second <= MAX_MONTH < first <= MAX_DAY:
        return False
    return None


def _weekday_before(text: str, start: int) -> int | None:
    """The weekday (0 for Monday) written right before `start` in the text, if any."""
    named = WEEKDAY_BEFORE.search(text, max(0, start - WEEKDAY_REACH), start)
    return [name[:3] for name in WEEKDAYS].index(named.group(1).lower()[:3]) if named else None


def _plausible(year: int, month: int, day: int, weekday: int | None) -> bool:
    """Whether the date is one the web may date a page with (MIN_YEAR to next year) and, with a
    `weekday` (0 for Monday), falls on it."""
    if not MIN_YEAR <= year <= date.today().year + 1:
        return False
    try:
        return weekday is None or date(year, month, day).weekday() == weekday
    except ValueError:  # (no such date: February 30)
        return False


def _shown_day(text: str, declared: str | None) -> str | None:
    """The day a dateline names (see _shown_reading)."""
    return _shown_reading(text, declared)[0]


def _shown_reading(text: str, declared: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The day a dateline names, by htmldate's date parser; None for a date in digits whose day
    and month could trade places on a page that may write month first (see _settled_order),
    with the two days it reads as."""
    from htmldate.extractors import try_date_expr  # noqa: PLC0415 - imported only by pages that need it

    # the latest day allowed ends with tomorrow (a time zone ahead), fixed for the day: one key for
    # the parser's cache all day long
    earliest, latest = datetime(MIN_YEAR, 1, 1), datetime.combine(date.today() + timedelta(days=2), time())
    text = ABBREVIATED_MONTH.sub(lambda month: month.group(1).capitalize(), text)
    text = CAPITALS.sub(lambda word: word.group().capitalize(), text)
    text = HYPHENATED_DATE.sub(r"\1 \2 \3", text)
    text = APOSTROPHE_YEAR.sub(
        lambda year: f"{year.group(1)}, {_century(year.group(2))}{year.group(2)}", text
    )
    parsed = _around_date(text)
    day = try_date_expr(parsed, DAY_FORMAT, False, earliest, latest)
    if day is None and CLOCK.search(parsed):
        day = try_date_expr(CLOCK.sub(" ", parsed), DAY_FORMAT, False, earliest, latest)
    day = day or _month_first_day(text)
    if day is None or not _names_its_day(text, day):
        return None, ()
    if declared not in MONTH_FIRST_LANGUAGES:
        return day, ()
    if (settled := _settled_order([text], day)) is not None:
        return settled, ()
    return None, (day, f"{day[:4]}-{day[8:10]}-{day[5:7]}")  # read day first, and month first


def _month_first_day(text: str) -> str | None:
    """A day written month first in digits ("07-20-2012"), which htmldate's parser (day first)
    does not read: only when the order cannot be the other one."""
    numeric = NUMERIC_IN_TEXT.search(text)
    return _unambiguous_numeric(*(int(numeric.group(n)) for n in (1, 3, 4))) if numeric else None


def _century(year: str) -> str:
    """The century of a year written in two digits: this one up to next year's, else the last."""
    return "20" if int(year) <= date.today().year % 100 + 1 else "19"


def _around_date(text: str) -> str:
    """The part of a dateline the date parser is passed: its date and the few characters before
    it, when DATELINE knows its shape; else the text around its year."""
    # (not "3 days ago": a date may follow)
    shown = next((match for match in DATELINE.finditer(text) if not match.group().endswith(AGO)), None)
    if shown is None:
        return _around_year(text)
    return text[max(0, shown.start() - BEFORE_DATE_CHARS) : shown.end()]


def _around_year(text: str) -> str:
    """The part of a dateline the date parser reads (its first PARSED_CHARS characters): the
    text around its first year ("Posted by Jane Doe, Transport Correspondent, on March 3, 2012")."""
    year = YEAR.search(text)
    if len(text) <= PARSED_CHARS or year is None:
        return text
    start = max(0, year.start() - (PARSED_CHARS - AFTER_YEAR_CHARS))
    return text[start : start + PARSED_CHARS]


def find_published(evidence: Evidence, url: str | None, modified: Found[str] | None) -> Found[str] | None:
    """The publication date from the strongest evidence that has one, then htmldate's reading
    (never on the day `modified`, the page's own last-modified date, names)."""
    ld_value = first_value(evidence.json_ld, "datePublished")
    return (
        _found(to_iso(ld_value if isinstance(ld_value, str) else None), Source.JSON_LD)
        or _meta_date(evidence.meta, PUBLISHED_META)
        or _microdata_date(evidence, "datePublished")
        or _time_element(evidence)
        or _found(url_date(url), Source.URL)
        or _meta_date(evidence.meta, GENERIC_DATE_META)
        or _labelled_date(evidence)
        or (None if url else _found(url_date(shared_address(evidence.tree)), Source.URL))
        or _htmldate(evidence, url, modified)
    )


def find_modified(evidence: Evidence) -> Found[str] | None:
    """The last-modified date from JSON-LD, meta tags or microdata."""
    ld_value = first_value(evidence.json_ld, "dateModified")
    return (
        _found(to_iso(ld_value if isinstance(ld_value, str) else None), Source.JSON_LD)
        or _meta_date(evidence.meta, MODIFIED_META)
        or _microdata_date(evidence, "dateModified")
    )
