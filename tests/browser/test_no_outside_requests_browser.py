"""The app makes no request outside its own origin: every page of the router, in Thai at
390×844 and in English at 1920×1080, on the plain sample (projector mode: every section of the
meeting's walk, test_sections_browser.py). A viewer's browser talks to the app's server and
nothing else (no font server, no favicon service, no basemap, no image from anywhere)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import PHONE, PROJECTOR, listen_for_outside_requests, outside, wait_until_done
from tests.conftest import PAGE_URLS

# Each language and each size once: which requests a page makes follows from its layout, not its
# words (the projector walk covers both languages at two more sizes).
MODES = [pytest.param("th", PHONE, id="th-390"), pytest.param("en", PROJECTOR, id="en-1920")]
# Everything the app draws once a run has finished: the charts and maps in view (those in a tab
# not shown are drawn when it is opened), and the fonts.
SETTLED = """() => [...document.querySelectorAll(
        '[data-testid="stVegaLiteChart"], [data-testid="stDeckGlJsonChart"]')]
    .every(c => !c.checkVisibility() || c.querySelector('svg, canvas'))
    && document.fonts.status === 'loaded'"""


def open_and_settle(page, url: str) -> None:
    """Opens `url`, waits for the run and for what the page draws after it (charts, the map,
    fonts), then for the network to go quiet: the requests a page makes late are heard too."""
    page.goto(url)
    wait_until_done(page)
    page.wait_for_function(SETTLED, timeout=60_000)
    page.wait_for_load_state("networkidle")


def test_the_outside_check_knows_the_apps_own_origin():
    origin = "127.0.0.1:8501"
    for inside in ("http://127.0.0.1:8501/map?lang=en", "ws://127.0.0.1:8501/_stcore/stream",
                   "data:image/png;base64,AAAA", "blob:http://127.0.0.1:8501/abc"):
        assert not outside(inside, origin), inside
    for leaving in ("https://fonts.gstatic.com/s/i/handshake.svg", "http://127.0.0.1:8502/",
                    "http://evil.test/pixel.png", "https://basemaps.cartocdn.com/x.json",
                    "ftp://127.0.0.1:8501/x", "//evil.test/x"):
        assert outside(leaving, origin), leaving


@pytest.mark.parametrize(("lang", "size"), MODES)
def test_every_page_stays_on_the_apps_origin(app_url, chromium, lang, size):
    context = chromium.new_context(viewport=size)
    left = listen_for_outside_requests(context, urlsplit(app_url).netloc)
    query = f"?lang={lang}"
    try:
        page = context.new_page()
        for path in PAGE_URLS:
            open_and_settle(page, f"{app_url}/{path}{query}")
            assert page.locator('[data-testid="stException"]').count() == 0, path
            assert left == [], f"{path}: {left}"
    finally:
        context.close()
