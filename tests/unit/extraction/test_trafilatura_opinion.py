"""trafilatura's opinion: asked on the shared tree, and never needing babel's locale data (the
layer ships only the root and English locales, layers/article_ingest/Makefile)."""

from __future__ import annotations

from typing import Any

import babel.localedata
import lxml.html
import pytest

from article_ingest.extraction.body.trafilatura_opinion import trafilatura_body

SHIPPED_LOCALES = ("root", "en")
PARAGRAPH = "<p>The council voted on Tuesday to keep the night buses running through the winter months.</p>"


@pytest.fixture
def only_shipped_locales(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    loaded: list[str] = []
    original = babel.localedata.load

    def load(name: str, *args: Any, **kwargs: Any) -> Any:
        loaded.append(name)
        if name not in SHIPPED_LOCALES:
            raise AssertionError(f"babel locale {name!r} is not in the layer")
        return original(name, *args, **kwargs)

    monkeypatch.setattr(babel.localedata, "load", load)
    return loaded


def test_the_opinion_finds_the_article_without_loading_a_locale_the_layer_lacks(
    only_shipped_locales: list[str],
) -> None:
    # Given a page of links around a story, with German and French hints in its markup
    links = "".join(f'<li><a href="https://example.de/c{i}">Rubrik {i}</a></li>' for i in range(30))
    page = (
        '<html lang="de"><head><meta property="og:locale" content="fr_FR"></head><body>'
        f"<ul>{links}</ul><div class='story'>{PARAGRAPH * 6}</div></body></html>"
    )
    # When trafilatura gives its opinion on the parsed tree
    body = trafilatura_body(lxml.html.document_fromstring(page))
    # Then it found the story, and no locale outside the shipped ones was loaded
    assert body is not None
    assert "night buses" in body.text_content()
    assert all(name in SHIPPED_LOCALES for name in only_shipped_locales)
