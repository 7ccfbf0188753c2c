"""Issue 2: the app opens in real Chromium and shows the Thai title and the headline figures."""

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, PROJECTOR, no_horizontal_scroll, screenshot


def test_overview_in_chromium(app_url, page_at, sql):
    page = page_at(app_url, PROJECTOR)
    page.get_by_role("heading", name="ภาพรวมสัมมาชีพชุมชน").wait_for()
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(11)   # drawn a moment after the run
    body = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    households = sql("SELECT count(*) FROM household")[0][0]
    sales = sql("SELECT sum(amount_baht) FROM sale")[0][0]
    assert f"{households:,}" in body
    assert f"{sales:,.0f} บาท" in body
    assert "ข้อมูลตัวอย่าง" in body                  # the sample marker
    assert "31 ต.ค. 2569" in body                    # as-of date in the Buddhist Era
    screenshot(page, "overview-projector")


def test_overview_on_a_phone_in_english(app_url, page_at):
    page = page_at(f"{app_url}/?lang=en", PHONE)
    page.get_by_role("heading", name="Community livelihood at a glance").wait_for()
    assert "Sample data" in page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert no_horizontal_scroll(page)
    screenshot(page, "overview-phone-en")
