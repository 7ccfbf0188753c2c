"""In real Chromium: the parts of a page that rerun alone when their picker changes (ui.part,
st.fragment): Market's event view, Funds' view and partner, Plan's step and village. Each shows
the figures of what was picked, keeps it in the link, leaves the rest of the page drawn, and
says so in words when the database broke since the page was drawn."""

import os
import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.conftest import PROJECTOR, wait_until_done

WAIT_MS = 30_000


def _main(page):
    return page.locator('[data-testid="stMainBlockContainer"]')


def _metric(page, label: str):
    exact = page.locator('[data-testid="stMetricLabel"]', has_text=re.compile(f"^{re.escape(label)}$"))
    return page.locator('[data-testid="stMetric"]').filter(has=exact).first \
        .locator('[data-testid="stMetricValue"]')


def _pick(page, label: str, option: int) -> None:
    """Opens the selectbox labelled `label` and picks its `option`-th entry."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.wait_for()
    wait_until_done(page)                # a part may draw after the page: its own run, finished
    options = page.get_by_role("option")
    # A part that is still redrawing can replace the box under the click and close its list
    # (CI saw this once): open it again, a bounded number of times, until the list is there.
    for _ in range(3):
        box.locator("input").click()
        try:
            options.first.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            wait_until_done(page)
    options.nth(option).click()


def _param(page, key: str) -> str | None:
    return parse_qs(urlparse(page.url).query).get(key, [None])[0]


def test_choosing_an_event_shows_its_sales_and_keeps_the_rest_of_the_page(app_url, page_at, sql):
    page = page_at(f"{app_url}/market?lang=en&section=event", PROJECTOR)
    expect(_metric(page, "Sales at the event")).to_be_visible(timeout=WAIT_MS)
    wait_until_done(page)                # ... and no chart a placeholder while its code loads
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    assert charts.count() == 1                             # the event's groups, ranked
    assert _param(page, "event") is None                   # the latest, the default
    _pick(page, "Choose an event", 0)                      # the earliest shown
    page.wait_for_url(re.compile(r"event="), timeout=WAIT_MS)
    wait_until_done(page)
    chosen = _param(page, "event")
    assert sql("SELECT count(*) FROM market_event WHERE code = ?", [chosen])[0][0] == 1
    at_event = sql("SELECT sum(amount_baht) FROM sale WHERE event_code = ?", [chosen])[0][0]
    expect(_metric(page, "Sales at the event")).to_have_text(f"฿{at_event:,.0f}", timeout=WAIT_MS)
    # Outside the part, the page stays as it was: its tab open, the link naming it, the bar under it.
    expect(page.get_by_role("tab", name="Who sold what at one event")).to_have_attribute("aria-selected", "true")
    assert _param(page, "section") == "event" and "lang=en" in page.url
    expect(page.get_by_role("button", name="Share this view")).to_be_visible()
    expect(charts).to_have_count(1)


def test_the_funds_view_by_year_for_one_partner(app_url, page_at, sql):
    page = page_at(f"{app_url}/funds?lang=en", PROJECTOR)
    page.get_by_role("radio", name="By fiscal year").click()
    page.wait_for_url(re.compile(r"view=year"), timeout=WAIT_MS)
    wait_until_done(page)
    _pick(page, "Partner", 1)                              # the first partner after "All partners"
    page.wait_for_url(re.compile(r"partner="), timeout=WAIT_MS)
    wait_until_done(page)
    partner = _param(page, "partner")
    assert sql("SELECT count(*) FROM partner WHERE code = ?", [partner])[0][0] == 1
    assert _param(page, "view") == "year"
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    expect(chart.locator("svg")).to_be_visible(timeout=WAIT_MS)
    assert re.search(r"\b25\d\d\b", chart.inner_text())        # fiscal years in the Buddhist Era
    assert not page.locator('[data-testid="stException"]').count()


def test_the_plan_village_picked_in_its_part_is_in_the_link(app_url, page_at):
    page = page_at(f"{app_url}/plan?lang=en&step=quarter&section=village", PROJECTOR)
    page.locator('[data-testid="stVegaLiteChart"] svg').first.wait_for(timeout=WAIT_MS)
    _pick(page, "Choose a village", 2)
    page.wait_for_url(re.compile(r"village="), timeout=WAIT_MS)
    wait_until_done(page)
    assert _param(page, "step") == "quarter"
    expect(page.get_by_role("radio", name="Quarter")).to_be_checked()       # the step stays chosen
    expect(page.locator('[data-testid="stVegaLiteChart"] svg').first).to_be_visible()


def test_a_part_rerun_after_the_database_broke_says_so(live_url, page_at):
    url, path = live_url
    page = page_at(f"{url}/market?lang=en&section=event", PROJECTOR)
    page.locator('[data-testid="stVegaLiteChart"] svg').first.wait_for(timeout=WAIT_MS)
    broken = path.with_name("broken")
    broken.write_bytes(b"PK\x03\x04 a spreadsheet saved over the database" * 300)
    os.replace(broken, path)
    _pick(page, "Choose an event", 0)
    expect(_main(page)).to_contain_text("The file samma.duckdb is not a readable database", timeout=WAIT_MS)
    assert not page.locator('[data-testid="stException"]').count()
