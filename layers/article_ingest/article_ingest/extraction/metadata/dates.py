"""Publication dates: from structured evidence only, normalised to ISO 8601.

Dates are never guessed from a year in the body text: only JSON-LD, meta tags, <time datetime>
elements, microdata and the URL count.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import lxml.html

from article_ingest.extraction.metadata.meta_tags import MetaTags

PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datePublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "date",
    "pubdate",
    "publish-date",
    "publish_date",
    "citation_publication_date",
    "article.published",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "dateModified",
    "dcterms.modified",
    "last-modified",
)
ISO_LIKE = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})"  # the day
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?"  # time and zone
)
JS_DATE = re.compile(r"^\w{3} (\w{3} \d{1,2} \d{4} \d{2}:\d{2}:\d{2}) GMT([+-]\d{4})")
TEXT_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b", re.I
)
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|\b)")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Dates before the web, or far in the future, are misreadings.
MIN_YEAR, MAX_YEAR = 1990, 2100


def _iso_like(value: str) -> str | None:
    match = ISO_LIKE.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
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
    if value.isdigit() and len(value) in (10, 13):  # a Unix timestamp, seconds or milliseconds
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        return _from_datetime(datetime.fromtimestamp(seconds, tz=UTC))
    try:
        return _from_datetime(parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        pass
    text = TEXT_DATE.search(value)
    if text:
        month = MONTHS.index(text.group(1).lower()[:3]) + 1
        return _iso_like(f"{text.group(3)}-{month}-{text.group(2)}")
    return None


def _meta_dates(meta: MetaTags, names: tuple[str, ...]) -> str | None:
    return next((iso for name in names for value in meta.all(name.lower()) if (iso := to_iso(value))), None)


def _microdata_date(tree: lxml.html.HtmlElement, prop: str) -> str | None:
    for element in tree.xpath(f'//*[@itemprop="{prop}"]'):
        iso = to_iso(element.get("datetime") or element.get("content") or element.text_content())
        if iso:
            return iso
    return None


def _time_element(tree: lxml.html.HtmlElement) -> str | None:
    """The first <time datetime> marked as the publication date, else the only dated <time>."""
    dated = [element for element in tree.iter("time") if to_iso(element.get("datetime"))]
    for element in dated:
        marks = " ".join((element.get("class") or "", element.get("pubdate") or "")).lower()
        if "pub" in marks or element.get("pubdate") is not None:
            return to_iso(element.get("datetime"))
    return to_iso(dated[0].get("datetime")) if len(dated) == 1 else None


def url_date(url: str | None) -> str | None:
    """A /YYYY/MM/DD/ date in the URL path."""
    match = URL_DATE.search(url or "")
    return _iso_like("-".join(match.groups())) if match else None


def find_published(
    tree: lxml.html.HtmlElement, meta: MetaTags, ld_value: object, url: str | None
) -> str | None:
    """The publication date from the strongest evidence that has one."""
    return (
        to_iso(ld_value if isinstance(ld_value, str) else None)
        or _meta_dates(meta, PUBLISHED_META)
        or _microdata_date(tree, "datePublished")
        or _time_element(tree)
        or url_date(url)
    )


def find_modified(tree: lxml.html.HtmlElement, meta: MetaTags, ld_value: object) -> str | None:
    """The last-modified date from JSON-LD, meta tags or microdata."""
    return (
        to_iso(ld_value if isinstance(ld_value, str) else None)
        or _meta_dates(meta, MODIFIED_META)
        or _microdata_date(tree, "dateModified")
    )
