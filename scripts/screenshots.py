"""A screenshot of every page of the router, at 1920×1080 in Thai, on a fresh copy of the sample
network, into docs/<page>.png: the pictures README and docs/ARCHITECTURE.md show. Run through
scripts/screenshots, which sets up Chromium and the Thai font first."""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.run import discover_pages
from samma import sample
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PROJECTOR, served, wait_until_done

DOCS = Path(__file__).resolve().parent.parent / "docs"
# Every chart on screen has drawn (one in a tab not shown draws only when opened): Altair's SVG
# or canvas, deck.gl's canvas.
CHARTS_DRAWN = """() => [...document.querySelectorAll(
        '[data-testid="stVegaLiteChart"], [data-testid="stDeckGlJsonChart"]')]
    .filter(c => c.getClientRects().length)
    .every(c => c.querySelector('svg, canvas'))"""
# deck.gl paints its canvas a moment after the element appears; nothing on the page says when.
DECK_PAINT_MS = 1500


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "samma.duckdb"
        sample.build(db_path)
        with served(db_path) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for index, (_, url_path) in enumerate(discover_pages()):
                page = browser.new_context(viewport=PROJECTOR).new_page()
                # The first page is the default one: it is served at / only.
                page.goto(f"{url}/" if index == 0 else f"{url}/{url_path}")
                wait_until_done(page)
                page.wait_for_function(CHARTS_DRAWN, timeout=60_000)
                page.wait_for_timeout(DECK_PAINT_MS)
                target = DOCS / f"{url_path}.png"
                page.screenshot(path=str(target))
                print(target.relative_to(DOCS.parent))
                page.context.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
