"""Stage 1: bytes -> text. Decompression, binary sniffing and charset detection."""

from __future__ import annotations

import codecs
import re
import sys
import zlib
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from article_ingest.extraction.errors import RejectedDocumentError, RejectionReason
from article_ingest.extraction.models import ExtractionLimits

GZIP_MAGIC = b"\x1f\x8b"
# Only the head of a document is searched for <meta charset>: it must sit in the first 1024 bytes
# by the HTML spec; browsers look a little further.
META_SNIFF_BYTES = 4096
# A document with more than this share of control bytes in its head is binary, not text.
MAX_CONTROL_RATIO = 0.10
BINARY_SNIFF_BYTES = 8192
# Magic numbers of common non-text formats users drop by mistake.
# Formats that are not text, by their magic number: rejected as unsupported_type, by name.
KNOWN_FORMATS = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX, EPUB, ODT)"),
    (b"\xd0\xcf\x11\xe0", "an OLE document (DOC, XLS, PPT)"),
    (b"RIFF", "a RIFF file (WAV, AVI, WebP)"),
    (b"\x7fELF", "an executable"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "gzip inside gzip"),
)
# Concatenated gzip members are one valid file (`cat a.gz b.gz`); more than this many is a trick.
MAX_GZIP_MEMBERS = 16
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
CONTENT_TYPE_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_:.\-]+)", re.I)
CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})
# Characters XML (and so lxml) refuses in text: stray control characters and non-characters.
XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# ...as UTF-8 (and ASCII) write them: the control bytes themselves (no other character's UTF-8 holds
# a byte below 0x80) and the three bytes of U+FFFE and U+FFFF. Bytes without any of them decode,
# strictly or with their stray bytes read as Windows-1252, to a text without such characters; a
# byte scan is ~4x faster than the regex scan of the decoded text.
XML_INCOMPATIBLE_BYTES = bytes((*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
XML_INCOMPATIBLE_NONCHARACTERS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")
BYTE_TRANSPARENT_CODECS = frozenset(("utf-8", "ascii"))
# The same characters written as numeric references (&#16;), which the HTML parser would expand.
CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
# A UTF-8 document (declared, or undeclared and so UTF-8 by default) in which at most this share of
# the bytes is not UTF-8 holds stray bytes pasted from a legacy source, not another charset:
# re-decoding the whole page by detection would turn its valid UTF-8 into mojibake.
MAX_STRAY_BYTE_SHARE = 0.01
# When detection finds no charset either (paragraphs in UTF-8, Latin-1 and Windows-1252 mixed),
# a page whose stray bytes stay under this share is mostly ASCII text: it is read as UTF-8
# with fallback; beyond it the bytes are no text any charset makes (undecodable).
MAX_UNDETECTED_STRAY_SHARE = 0.10
# Over more stray bytes, detection is asked; its reading wins only when it is less of a mess
# (charset_normalizer's measure) than UTF-8 with the stray bytes read as Windows-1252, so a page
# of valid UTF-8 mixed with many Latin-1 bytes keeps its UTF-8. The measure runs on a sample.
MESS_SAMPLE_CHARS = 200_000
# Bytes that are not UTF-8, as `surrogateescape` leaves them (U+DC80..U+DCFF).
STRAY_BYTE = re.compile("[\udc80-\udcff]")
# A stray byte reads as Windows-1252 (a superset of Latin-1's printable range, and what legacy
# Western text is in practice); its five undefined bytes read as U+FFFD.
STRAY_BYTE_TEXT = {
    0xDC00 + byte: bytes([byte]).decode("cp1252", errors="replace") for byte in range(0x80, 0x100)
}


@dataclass(frozen=True, slots=True)
class DecodedDocument:
    """The document as text, with the charset that decoded it."""

    text: str
    encoding: str


def decompress(data: bytes, *, content_encoding: str | None, limits: ExtractionLimits) -> bytes:
    """Inflate gzip input (by magic number or Content-Encoding), capped at the byte limit.

    A truncated or broken gzip is `corrupt`: its readable start is never taken for the document.
    """
    is_gzip = data[:2] == GZIP_MAGIC or (content_encoding or "").lower().strip() == "gzip"
    if not is_gzip:
        return data
    out, rest = b"", data
    for _ in range(MAX_GZIP_MEMBERS):
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            # max_length bounds memory: a gzip bomb stops at the limit instead of filling RAM.
            out += inflater.decompress(rest, limits.max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise RejectedDocumentError(RejectionReason.CORRUPT, f"broken gzip data: {exc}") from exc
        if len(out) > limits.max_bytes:
            raise RejectedDocumentError(
                RejectionReason.TOO_LARGE, f"decompresses to more than {limits.max_bytes} bytes"
            )
        if not inflater.eof:
            raise RejectedDocumentError(RejectionReason.CORRUPT, "truncated gzip: the file ends mid-stream")
        rest = inflater.unused_data
        if not rest.startswith(GZIP_MAGIC):
            return out  # trailing bytes that are not another member are ignored, as gzip does
    raise RejectedDocumentError(RejectionReason.CORRUPT, f"more than {MAX_GZIP_MEMBERS} gzip members")


def check_size(data: bytes, limits: ExtractionLimits) -> None:
    """Reject empty and oversized inputs before any parsing."""
    if not data.strip():
        raise RejectedDocumentError(RejectionReason.EMPTY, "no content")
    if len(data) > limits.max_bytes:
        raise RejectedDocumentError(RejectionReason.TOO_LARGE, f"{len(data)} bytes > {limits.max_bytes}")


def sniff_binary(data: bytes) -> None:
    """Reject formats that are not text: a known format by its magic number (unsupported_type,
    named), anything else by a high share of control bytes (binary)."""
    head = data[:BINARY_SNIFF_BYTES]
    for magic, name in KNOWN_FORMATS:
        if head.startswith(magic):
            raise RejectedDocumentError(RejectionReason.UNSUPPORTED_TYPE, f"{name}, not text or HTML")
    if any(head.startswith(bom) for bom, _ in BOMS[1:]):
        return  # UTF-16/32 text is full of NUL bytes by design
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    if controls / max(len(head), 1) > MAX_CONTROL_RATIO:
        raise RejectedDocumentError(RejectionReason.BINARY, "mostly control bytes")


def declared_charset(data: bytes, content_type: str | None) -> str | None:
    """The charset the bytes declare: BOM, then <meta charset>, then the Content-Type header."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    match = META_CHARSET.search(data[:META_SNIFF_BYTES])
    if match:
        name = match.group(1).decode("ascii", "replace")
        # a <meta> readable as ASCII is no UTF-16 or UTF-32: browsers take such a claim as UTF-8
        return "utf-8" if name.lower().startswith(("utf-16", "utf-32", "utf16", "utf32")) else name
    if content_type:
        header = CONTENT_TYPE_CHARSET.search(content_type)
        if header:
            return header.group(1)
    return None


def decode(data: bytes, *, content_type: str | None) -> DecodedDocument:
    """Decode, then drop the control characters no HTML tree can hold."""
    decoded = _decode(data, content_type=content_type)
    text = decoded.text
    if decoded.encoding not in BYTE_TRANSPARENT_CODECS or _holds_incompatible_bytes(data):
        text = XML_INCOMPATIBLE.sub("", text)
    if "&#" in text:  # a substring search, far cheaper than the regex's scan of a page without any
        text = CHARACTER_REFERENCE.sub(_drop_incompatible_reference, text)
    return DecodedDocument(text=text, encoding=decoded.encoding)


def _holds_incompatible_bytes(data: bytes) -> bool:
    """Whether UTF-8 or ASCII bytes may decode to a character XML_INCOMPATIBLE matches."""
    return len(data.translate(None, XML_INCOMPATIBLE_BYTES)) != len(data) or any(
        noncharacter in data for noncharacter in XML_INCOMPATIBLE_NONCHARACTERS
    )


def _drop_incompatible_reference(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    if code > sys.maxunicode or 0xD800 <= code <= 0xDFFF or XML_INCOMPATIBLE.match(chr(code)):
        return ""
    return match.group(0)


def _decode(data: bytes, *, content_type: str | None) -> DecodedDocument:
    """Decode with the declared charset; when it is absent or wrong, UTF-8 with its few stray
    bytes read as Windows-1252, else the less messy of that and detection's reading."""
    charset = declared_charset(data, content_type)
    if charset:
        try:
            codec = codecs.lookup(charset).name
            if (utf8 := _utf8_despite_declaration(data, codec)) is not None:
                return DecodedDocument(text=utf8.lstrip("\ufeff"), encoding="utf-8")
            return DecodedDocument(text=data.decode(codec).lstrip("\ufeff"), encoding=codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detection below decides
    try:
        return DecodedDocument(text=data.decode("utf-8").lstrip("\ufeff"), encoding="utf-8")
    except UnicodeDecodeError:
        pass  # the common case above is the fast one; stray bytes are measured below
    utf8 = data.decode("utf-8", errors="surrogateescape").lstrip("\ufeff")
    stray_share = _stray_bytes(utf8) / max(len(data), 1)
    if stray_share <= MAX_STRAY_BYTE_SHARE:
        return _tolerant_utf8(utf8)
    best = from_bytes(data).best()
    if best is not None and best.encoding is not None:
        tolerant, detected = _tolerant_utf8(utf8), DecodedDocument(text=str(best), encoding=best.encoding)
        return tolerant if _mess(tolerant) <= _mess(detected) else detected
    if stray_share <= MAX_UNDETECTED_STRAY_SHARE:
        return _tolerant_utf8(utf8)
    raise RejectedDocumentError(RejectionReason.UNDECODABLE, "no charset decodes these bytes")


def _utf8_despite_declaration(data: bytes, codec: str) -> str | None:
    """The text of non-ASCII bytes that are all valid UTF-8, whatever charset they declare: text
    in a legacy charset almost never forms valid multi-byte sequences, while a page saved as
    UTF-8 under its old <meta charset=iso-8859-1> is common."""
    if codec == "utf-8" or data.isascii():
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _stray_bytes(text: str) -> int:
    return sum(1 for _ in STRAY_BYTE.finditer(text))


def _mess(decoded: DecodedDocument) -> float:
    return float(mess_ratio(decoded.text[:MESS_SAMPLE_CHARS], maximum_threshold=1.0))


def _tolerant_utf8(escaped: str) -> DecodedDocument:
    """UTF-8 text with each stray byte read as Windows-1252 (see STRAY_BYTE_TEXT)."""
    return DecodedDocument(text=escaped.translate(STRAY_BYTE_TEXT), encoding="utf-8")
