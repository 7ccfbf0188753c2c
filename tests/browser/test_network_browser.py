"""The Network page in real Chromium, at the projector's 1920×1080 and a phone's 390×844, in Thai
and in English: its 5 K, committee and fund drawn, each section on its own tab, its figures those
of the ledger, nothing wider than a phone."""

import pytest
from playwright.sync_api import expect

from samma import agenda
from tests.browser.conftest import PHONE, PROJECTOR, no_horizontal_scroll, open_tab, screenshot

WAIT_MS = 30_000

TITLES = {"th": "เครือข่ายสัมมาชีพตำบล: 5 ก. กองทุน และคณะกรรมการ",
          "en": "The subdistrict livelihood network: its 5 K, fund and committee"}
LEFT = {"th": "คงเหลือ", "en": "Left"}


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("size, viewport", [("projector", PROJECTOR), ("phone", PHONE)])
def test_network_page(app_url, page_at, sql, lang, size, viewport):
    page = page_at(f"{app_url}/network" + ("?lang=en" if lang == "en" else ""), viewport)
    page.get_by_role("heading", name=TITLES[lang]).wait_for(timeout=WAIT_MS)
    left = sql("""SELECT sum(amount_baht) FILTER (WHERE entry = 'paid_in')
                         - sum(amount_baht) FILTER (WHERE entry = 'spent')
                  FROM fund_entry WHERE network_code = 'N501910' AND bucket = 'admin'""")[0][0]
    figure = f"{left:,.0f} บาท" if lang == "th" else f"฿{left:,.0f}"
    screenshot(page, f"network-{size}-{lang}")                  # the first tab, the others beside it
    said = []
    # A person goes through the sections' tabs, in the agenda's order.
    for section in agenda.sections("network"):
        if section != "five_k":
            open_tab(page, "network", section, lang)
        if section == "admin":
            metric = page.locator('[data-testid="stMetric"]').filter(has_text=LEFT[lang]).last
            expect(metric.locator('[data-testid="stMetricValue"]')).to_have_text(figure, timeout=WAIT_MS)
            screenshot(page, f"network-{size}-{lang}-admin")
        if section == "spending":
            expect(page.locator('[data-testid="stVegaLiteChart"] svg, [data-testid="stVegaLiteChart"] canvas')
                   .first).to_be_visible(timeout=WAIT_MS)
            screenshot(page, f"network-{size}-{lang}-spending")
        said.append(page.locator('[data-testid="stMainBlockContainer"]').inner_text())
        if size == "phone":
            assert no_horizontal_scroll(page), section
    assert "HH-" not in "\n".join(said)                        # households are never shown
