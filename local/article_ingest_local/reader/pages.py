"""The reader page's HTML, rendered on the server (no front-end build, no script)."""

from __future__ import annotations

import json
from html import escape
from typing import Any
from urllib.parse import quote

from article_ingest.models.items import ArticleItem

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222}
header{background:#1f2937;color:#fff;padding:.6em 1em}header a{color:#fff;text-decoration:none}
main{padding:1em}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
.rejected{color:#a00}.split{display:flex;gap:1em;height:calc(100vh - 9em)}
.split>section{flex:1;overflow:auto;border:1px solid #ddd;padding:0 1em}
iframe{width:100%;height:100%;border:0}pre{white-space:pre-wrap;font-size:12px}
form input{padding:.3em;width:20em}
"""
COLUMNS = ("status", "title", "site", "language", "published", "words", "reason")


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{escape(title)} · article-ingest</title><style>{STYLE}</style></head>"
        f"<body><header><a href='/'>article-ingest reader</a></header><main>{body}</main></body></html>"
    )


def _matches(item: ArticleItem, query: str) -> bool:
    haystack = " ".join(value or "" for value in (item.title, item.site_name, item.source_key, item.reason))
    return query.casefold() in haystack.casefold()


def list_page(items: list[ArticleItem], query: str) -> str:
    """Every item (filtered by the search), newest first."""
    shown = [item for item in items if not query or _matches(item, query)]
    shown.sort(key=lambda item: item.ingested_at, reverse=True)
    rows = []
    for item in shown:
        label = escape(item.title or item.source_key)
        link = f"<a class=article href='/article/{quote(item.id)}'>{label}</a>"
        cells = [
            f"<span class={escape(item.status)}>{escape(item.status)}</span>",
            link,
            escape(item.site_name or ""),
            escape(item.language or ""),
            escape((item.published or "")[:10]),
            str(item.word_count),
            escape(item.reason or ""),
        ]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    head = "".join(f"<th>{name}</th>" for name in COLUMNS)
    search = (
        f"<form><input name=q value='{escape(query)}' placeholder='search title, site, key, reason'></form>"
    )
    body = f"{search}<p>{len(shown)} of {len(items)} item(s)</p><table><tr>{head}</tr>{''.join(rows)}</table>"
    return _page("articles", body)


def article_page(item: ArticleItem, notices: list[dict[str, Any]]) -> str:
    """The reader view beside the original page (sandboxed, scripts off), and the notice sent."""
    title = item.title or item.source_key
    meta = " · ".join(
        escape(value)
        for value in (item.site_name, ", ".join(item.authors), (item.published or "")[:10], item.language)
        if value
    )
    if item.status == "stored":
        reader = f"<h1>{escape(title)}</h1><p>{meta}</p><div class=body>{item.html or ''}</div>"
    else:
        reason, detail = escape(item.reason or ""), escape(item.reason_detail or "")
        reader = f"<h1 class=rejected>rejected: {reason}</h1><p>{detail}</p>"
    sent = "".join(
        f"<pre>{escape(json.dumps(notice, ensure_ascii=False, indent=2))}</pre>" for notice in notices
    )
    original = (
        f"<iframe class=original sandbox title='original page' src='/original/{quote(item.id)}'></iframe>"
    )
    body = (
        f"<div class=split><section class=reader>{reader}</section><section>{original}</section></div>"
        f"<h2>Notice</h2>{sent or '<p>none received yet</p>'}"
    )
    return _page(title, body)
