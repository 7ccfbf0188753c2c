"""In real Chromium, a meeting run from the projector with the next button alone: starting on the
Overview, next visits every section of the agenda once, in order, each fitting the screen (the
page header, the section and the previous/next bar, nothing to scroll) at 1920×1080 and 1280×720,
in Thai and in English; previous walks back. Every section is shot for a person to look at, and
no section makes a request outside the app's origin (the plain pages are checked in
test_no_outside_requests_browser.py)."""

from urllib.parse import parse_qs, urlparse, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from samma import agenda
from tests.browser.conftest import PROJECTOR, SHOTS, listen_for_outside_requests, screenshot, wait_until_done
from tests.conftest import PAGE_URLS

SMALL_PROJECTOR = {"width": 1280, "height": 720}
SIZES = {"1080": PROJECTOR, "720": SMALL_PROJECTOR}
# A village whose card has groups, support, sales and income: the card's tallest case.
CARD_VILLAGE = "50191001"
WAIT_MS = 30_000

# Every chart on screen has drawn (a chart in a tab not shown is not drawn) and the bar is there.
DRAWN = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
        .filter(c => c.getClientRects().length).every(c => c.querySelector('svg'))
    && document.querySelector('.st-key-meeting_bar [data-testid="stPageLink"]')"""
# What scrolls in Streamlit is its main area, not the document: both are measured.
HEIGHT = """() => Math.max(document.documentElement.scrollHeight,
                           document.querySelector('[data-testid="stMain"]').scrollHeight)"""


def _settled(page) -> None:
    wait_until_done(page)
    try:
        page.wait_for_function(DRAWN, timeout=WAIT_MS)
    except PlaywrightTimeout:
        screenshot(page, "section-not-drawn")
        raise AssertionError(f"not drawn: {page.url}") from None


def _where(page) -> tuple[str, str]:
    """(page, section) the browser shows, from its address; no section is the page's first."""
    url = urlparse(page.url)
    path = url.path.strip("/").split("/")[-1]
    asked = parse_qs(url.query).get(agenda.SECTION_PARAM, [None])[0]
    return path, agenda.chosen(path, asked)[0]


def _press(page, which: str) -> None:
    """Presses the bar's previous (`first`) or next (`last`) button and waits for where it goes."""
    before = page.url
    getattr(page.locator('.st-key-meeting_bar [data-testid="stPageLink"] a'), which).click()
    page.wait_for_url(lambda url: url != before, timeout=WAIT_MS)
    _settled(page)


def _walk(page, shots: str | None) -> list[tuple[str, str, int]]:
    """From where the page is, next alone until there is no next: each step's (page, section,
    height)."""
    seen = []
    while True:
        where = _where(page)
        seen.append((*where, page.evaluate(HEIGHT)))
        if shots:
            screenshot(page, f"section-{shots}-{where[0]}-{where[1]}")
        links = page.locator('.st-key-meeting_bar [data-testid="stPageLink"] a')
        # At the end of the agenda the bar has a previous step only.
        if len(seen) > 1 and links.count() == 1:
            return seen
        _press(page, "last")


@pytest.fixture(scope="module")
def walks(app_url, chromium):
    """walks(size, lang): the walk from the Overview with next alone at that size and language,
    made once for the module; its browser page is kept for the walk back, and what it asked of
    other origins is in `left_origin`."""
    made = {}

    def walk(size: str, lang: str):
        if (size, lang) not in made:
            context = chromium.new_context(viewport=SIZES[size])
            left_origin[size, lang] = listen_for_outside_requests(context, urlsplit(app_url).netloc)
            page = context.new_page()
            page.goto(f"{app_url}/?projector=1" + ("&lang=en" if lang == "en" else ""))
            _settled(page)
            made[size, lang] = (page, _walk(page, f"{size}-{lang}" if lang == "th" else None))
            # Beside the screenshots, for a person: every section's height on this screen.
            (SHOTS / f"section-heights-{size}-{lang}.txt").write_text(
                "".join(f"{p}/{s}\t{h}\n" for p, s, h in made[size, lang][1]))
        return made[size, lang]

    left_origin: dict[tuple[str, str], list[str]] = {}
    walk.left_origin = left_origin
    yield walk
    for page, _ in made.values():
        page.context.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_section_asks_anything_of_another_origin(walks, size, lang):
    walks(size, lang)
    assert walks.left_origin[size, lang] == []


def test_next_alone_visits_every_section_once_in_agenda_order(walks):
    _, seen = walks("1080", "th")
    visited = [(page, section) for page, section, _ in seen]
    assert visited == agenda.steps([p for p in PAGE_URLS if p])
    assert len(visited) == len(set(visited))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_section_fits_one_projector_screen(walks, size, lang):
    _, seen = walks(size, lang)
    over = {f"{page}/{section}": height for page, section, height in seen
            if height > SIZES[size]["height"]}
    assert not over, f"taller than {SIZES[size]['height']} px: {over}"


@pytest.mark.parametrize("size", SIZES)
def test_a_village_card_fits_one_projector_screen(app_url, chromium, size):
    """The walk shows the card sections without a village chosen; with one they are fuller."""
    context = chromium.new_context(viewport=SIZES[size])
    page = context.new_page()
    try:
        for section in ("village", "village_money", "village_income"):
            page.goto(f"{app_url}/map?projector=1&section={section}&village={CARD_VILLAGE}")
            _settled(page)
            screenshot(page, f"section-{size}-th-map-{section}-{CARD_VILLAGE}")
            assert page.evaluate(HEIGHT) <= SIZES[size]["height"], section
    finally:
        context.close()


def test_previous_walks_back_through_every_section(walks):
    page, seen = walks("1080", "th")
    back = [_where(page)]
    while page.locator('.st-key-meeting_bar [data-testid="stPageLink"] a').count() > 1 or len(back) == 1:
        _press(page, "first")
        back.append(_where(page))
    assert back == [(p, s) for p, s, _ in reversed(seen)]
