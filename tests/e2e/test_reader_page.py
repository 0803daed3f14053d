"""The reader page, looked at as a person would: headless Chromium from list to article to original.

Screenshots of each step are kept in build/screenshots/ (the README shows the article one).
"""

from __future__ import annotations

import json
import re
import shutil
import time
import urllib.request

import pytest

from tests.support.local_process import ROOT, LocalStackProcess

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = ROOT / "build" / "screenshots"
SAMPLE = ROOT / "samples" / "bbc-1.html"
WAIT_SECONDS = 60
READER_LINE = re.compile(r"reader page: (http://127\.0\.0\.1:\d+/)")


def _reader_url(stack: LocalStackProcess) -> str:
    match = READER_LINE.search(stack.log.read_text())
    assert match, stack.log.read_text()
    return match.group(1)


def _stored(stack: LocalStackProcess, key: str) -> dict[str, object]:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        found = [i for i in json.loads(stack.cli("articles", "--json").stdout) if i["source_key"] == key]
        if found:
            return dict(found[0])
        time.sleep(0.5)
    raise AssertionError(f"{key} not stored")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (Debian's package: apt-get install chromium)")
def test_a_person_finds_an_article_reads_it_beside_its_original_and_sees_its_notice(
    local_stack: LocalStackProcess,
) -> None:
    from playwright.sync_api import Request, sync_playwright  # noqa: PLC0415 - only where a browser exists

    # Given an article dropped into the running stack, and its reader page
    local_stack.cli("drop", "--prefix", "reader/", str(SAMPLE))
    item = _stored(local_stack, "reader/bbc-1.html")
    url = _reader_url(local_stack)
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        finished: list[str] = []
        refused: dict[str, str | None] = {}
        page.on("requestfinished", lambda request: finished.append(request.url))

        def note_refusal(request: Request) -> None:
            refused.setdefault(request.url, request.failure)

        page.on("requestfailed", note_refusal)
        # When the list is searched for it
        page.goto(f"{url}?q=gun+laws")
        rows = page.locator("table tr")
        assert rows.count() == 2  # the header and the one match
        page.screenshot(path=str(SHOTS / "reader-1-list.png"))
        # And its title is clicked
        page.click("a.article")
        page.wait_for_url(re.compile(r"/article/"))
        # Then the reader view shows the clean body, the original beside it, and the notice sent
        assert "biggest frustration" in page.locator("section.reader h1").inner_text()
        assert "common sense gun safety laws" in page.locator("section.reader .body").inner_text()
        notice = json.loads(page.locator("pre").first.inner_text())
        assert (notice["article_id"], notice["type"]) == (item["id"], "article.stored")
        original = page.frame_locator("iframe.original")
        assert "Obama" in original.locator("body").inner_text()
        page.screenshot(path=str(SHOTS / "reader-2-article.png"))
        # And nothing was fetched from outside the machine while reading: the page's policy refused it
        assert [done for done in finished if not done.startswith(url.rstrip("/"))] == []
        assert refused
        assert set(refused.values()) == {"csp"}, refused  # every one blocked by the policy
        # And the original opened alone runs no script and loads nothing from elsewhere
        source = page.locator("iframe.original").get_attribute("src")
        assert source is not None
        response = page.goto(url.rstrip("/") + source)
        assert response is not None
        assert "sandbox" in response.headers["content-security-policy"]
        page.screenshot(path=str(SHOTS / "reader-3-original.png"))
        browser.close()
    assert all((SHOTS / name).stat().st_size > 0 for name in ("reader-1-list.png", "reader-2-article.png"))


def test_the_reader_page_has_no_write_path(local_stack: LocalStackProcess) -> None:
    # Given the reader page / When something is posted to it / Then it refuses
    request = urllib.request.Request(_reader_url(local_stack), data=b"x=1", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 405
