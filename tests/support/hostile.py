"""Hostile and broken documents, built in memory (nothing large is kept in the repository).

Shared by the hostile-input tests, the resource-bounds probe and the load benchmark.
"""

from __future__ import annotations

import gzip
import io
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

MB = 1_000_000


@dataclass(frozen=True, slots=True)
class HostileDocument:
    """A named document and how it is uploaded."""

    name: str
    key: str
    body: bytes
    content_type: str = "text/html"
    content_encoding: str | None = None

    def put_arguments(self) -> dict[str, str]:
        extra = {"ContentType": self.content_type}
        if self.content_encoding:
            extra["ContentEncoding"] = self.content_encoding
        return extra


def _page(body: str, title: str = "A page") -> bytes:
    return f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>".encode()


def article_words(count: int, seed: int = 0) -> str:
    """Prose-like filler: `count` words in sentences, deterministic per seed."""
    rng = random.Random(seed)
    vocabulary = [
        "the",
        "council",
        "said",
        "on",
        "monday",
        "that",
        "river",
        "flood",
        "plans",
        "would",
        "cost",
        "more",
        "than",
        "expected",
    ]
    words = [rng.choice(vocabulary) for _ in range(count)]
    return " ".join(f"{w}." if i % 12 == 11 else w for i, w in enumerate(words))


def empty() -> bytes:
    return b""


def one_byte() -> bytes:
    return b"a"


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16


def pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 16


def random_bytes(size: int = 64_000, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def invalid_utf8() -> bytes:
    """Declared UTF-8, with stray Latin-1 bytes and truncated sequences in the text."""
    paragraph = "<p>Café society met in Zürich. ".encode() + b"caf\xe9 na\xefve \xff\xfe \xc3 " * 20 + b"</p>"
    return b'<html><head><meta charset="utf-8"><title>Caf\xc3\xa9</title></head><body><article>' + (
        paragraph * 10 + b"</article></body></html>"
    )


def mixed_encodings() -> bytes:
    """One page whose paragraphs are UTF-8, Latin-1 and Windows-1252 in turn, declaring none."""
    text = "Déjà vu: l'été à Zürich coûte cher, dit le maire « très cher » - ".upper() + article_words(60)
    parts = [f"<p>{text}</p>".encode(codec) for codec in ("utf-8", "latin-1", "cp1252")]
    return (
        b"<html><head><title>Mixed</title></head><body><article>" + b"".join(parts * 5) + b"</article></body>"
    )


def big_html(size: int) -> bytes:
    """A real-looking article of about `size` bytes (paragraphs of prose)."""
    paragraph = f"<p>{article_words(120)}</p>\n".encode()
    head = b"<!doctype html><html><head><title>Long read</title></head><body><article>"
    return head + paragraph * max(1, (size - len(head)) // len(paragraph)) + b"</article></body></html>"


@cache  # ~2 s to build; bytes are immutable
def gzip_bomb(inflated: int = 1024 * 2**20) -> bytes:
    """About 1 MB of gzip that inflates to `inflated` bytes (1 GiB) of zeros."""
    out = io.BytesIO()
    chunk = b"\0" * 2**20
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as stream:
        for _ in range(inflated // len(chunk)):
            stream.write(chunk)
    return out.getvalue()


def html_bomb_gzip(inflated: int = 200 * MB) -> bytes:
    """Gzip of an HTML page that inflates to `inflated` bytes of markup."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"<p>" + b"a " * 2**19 + b"</p>"
    parts = [compressor.compress(b"<html><body>")]
    parts += [compressor.compress(chunk) for _ in range(inflated // len(chunk))]
    return b"".join([*parts, compressor.flush()])


def deeply_nested(levels: int = 100_000) -> bytes:
    return _page("<div>" * levels + article_words(200) + "</div>" * levels)


def billion_laughs() -> bytes:
    """XHTML whose internal DTD subset defines nine levels of tenfold entities (10^9 "lol")."""
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0"?><!DOCTYPE html [' + "".join(entities) + "]>"
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>&lol9;</title></head>'
        f"<body><article><p>&lol9;</p><p>{article_words(150)}</p></article></body></html>"
    ).encode()


def external_entity() -> bytes:
    """XHTML declaring an external entity on a local file and one on a URL (XXE)."""
    return (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY file SYSTEM "file:///etc/passwd">'
        '<!ENTITY remote SYSTEM "http://203.0.113.9/entity">]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t &file;</title></head>'
        f"<body><article><p>&file; &remote; {article_words(150)}</p></article></body></html>"
    ).encode()


def many_attributes_on_one_element(count: int = 50_000) -> bytes:
    attributes = " ".join(f'data-a{i}="{i}"' for i in range(count))
    return _page(f"<article><p {attributes}>{article_words(150)}</p></article>")


def many_attributes_spread(elements: int = 2_000, per_element: int = 10) -> bytes:
    """Thousands of attributes in all, a normal handful per element."""
    paragraphs = "".join(
        "<span " + " ".join(f'data-x{j}="{j}"' for j in range(per_element)) + f">{article_words(8, i)}</span>"
        for i in range(elements)
    )
    return _page(f"<article><p>{paragraphs}</p></article>")


def nul_bytes() -> bytes:
    return _page("<article><p>" + article_words(150).replace(" ", "\0 ", 40) + "</p></article>", "Nul\0title")


def all_scripts() -> bytes:
    return _page("<script>document.write('x')</script>" * 2_000, "Scripts")


def script_injection() -> bytes:
    """Script and javascript: URLs in the title, the body, links, images, frames and handlers."""
    title = "Breaking &lt;script&gt;alert(1)&lt;/script&gt; <script>alert(2)</script> news"
    body = (
        "<article><h1 onclick=\"alert('h1')\">Headline</h1>"
        f"<p>{article_words(120)} <a href=\"javascript:alert('link')\">click</a>"
        " <a href=\"JaVaScRiPt:alert('mixed case')\">again</a>"
        " <img src=x onerror=\"alert('img')\"> <script>alert('body')</script>"
        " <iframe src=\"javascript:alert('frame')\"></iframe>"
        " <svg><script>alert('svg')</script></svg>"
        ' <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>'
        f" <form action=\"javascript:alert('form')\"><input onfocus=alert(1) autofocus></form></p>"
        f"<p style=\"background:url(javascript:alert('css'))\">{article_words(120, 1)}</p></article>"
    )
    return _page(body, title)


# Builders by name: (file name, builder, content type, content encoding).
DOCUMENTS: dict[str, tuple[str, Callable[[], bytes], str, str | None]] = {
    "empty": ("empty.html", empty, "text/html", None),
    "one_byte": ("one-byte.html", one_byte, "text/html", None),
    "png": ("picture.html", png, "text/html", None),
    "pdf": ("paper.html", pdf, "text/html", None),
    "random": ("noise.html", random_bytes, "text/html", None),
    "invalid_utf8": ("invalid-utf8.html", invalid_utf8, "text/html; charset=utf-8", None),
    "mixed_encodings": ("mixed.html", mixed_encodings, "text/html", None),
    "gzip_bomb": ("bomb.html.gz", gzip_bomb, "text/html", "gzip"),
    "deeply_nested": ("nested.html", deeply_nested, "text/html", None),
    "billion_laughs": ("laughs.xhtml", billion_laughs, "application/xhtml+xml", None),
    "external_entity": ("xxe.xhtml", external_entity, "application/xhtml+xml", None),
    "attributes_on_one_element": ("attributes.html", many_attributes_on_one_element, "text/html", None),
    "attributes_spread": ("attributes-spread.html", many_attributes_spread, "text/html", None),
    "nul_bytes": ("nul.html", nul_bytes, "text/html", None),
    "all_scripts": ("scripts.html", all_scripts, "text/html", None),
    "script_injection": ("xss.html", script_injection, "text/html", None),
}


def document(name: str, prefix: str = "hostile/") -> HostileDocument:
    """Build one named document."""
    file_name, build, content_type, encoding = DOCUMENTS[name]
    return HostileDocument(name, prefix + file_name, build(), content_type, encoding)
