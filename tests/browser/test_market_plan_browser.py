"""The Market and Plan pages in real Chromium, on a projector and on a phone."""

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, PROJECTOR, no_horizontal_scroll, open_tab, screenshot, wait_until_done


def _charts_drawn(page, count: int) -> None:
    page.locator('[data-testid="stVegaLiteChart"] svg').nth(count - 1).wait_for()


def _chosen(page) -> str:
    return page.locator('[data-testid="stSelectbox"] input').input_value()


def test_market_on_the_projector(app_url, page_at, sql):
    page = page_at(f"{app_url}/market?event=E5019-2", PROJECTOR)
    page.get_by_role("heading", name="งานแสดงและจำหน่ายสินค้า", exact=True).wait_for()
    _charts_drawn(page, 1)                                    # the sales across time
    total = sql("SELECT sum(amount_baht) FROM sale")[0][0]
    assert f"{total:,.0f} บาท" in page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    # The trend's year axis is in the Buddhist Era.
    axis = page.locator('[data-testid="stVegaLiteChart"]').first.inner_text()
    assert "2561" in axis and "2018" not in axis
    screenshot(page, "market-projector")
    # The event's own tab shows the event from the link.
    open_tab(page, "market", "event")
    _charts_drawn(page, 1)                                    # its groups' ranking
    body = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    at_event = sql("SELECT sum(amount_baht) FROM sale WHERE event_code = 'E5019-2'")[0][0]
    assert f"{at_event:,.0f} บาท" in body
    assert _chosen(page).startswith("8 ธ.ค. 2561 · ")        # its date in the Buddhist Era
    assert "event=E5019-2" in page.url
    screenshot(page, "market-projector-event")


def test_market_on_a_phone_in_english_with_a_bad_event(app_url, page_at):
    page = page_at(f"{app_url}/market?lang=en&event=nope", PHONE)
    page.get_by_role("heading", name="Market events and sales").wait_for()
    _charts_drawn(page, 1)
    assert "matches no choice" in page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert no_horizontal_scroll(page)
    screenshot(page, "market-phone-en")
    open_tab(page, "market", "event", "en")
    assert _chosen(page) == "22 Aug 2026 · Community Livelihood Fair 2026"   # the latest event
    assert no_horizontal_scroll(page)
    screenshot(page, "market-phone-en-event")


def test_plan_on_the_projector(app_url, page_at):
    page = page_at(f"{app_url}/plan?step=year3&village=50191004", PROJECTOR)
    page.get_by_role("heading", name="แผนขยับ 3 ขั้น และการประเมินผล").wait_for()
    _charts_drawn(page, 1)
    body = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert "30 ก.ย. 2571" in body                            # the 3-year step's due date, BE
    # Status in words inside the chart, not by colour alone.
    chart = page.locator('[data-testid="stVegaLiteChart"]').first.inner_text()
    assert "ล่าช้า" in chart
    # The figures behind the chart: no table until opened, then the table.
    tables = page.locator('[data-testid="stMainBlockContainer"] [data-testid="stDataFrame"]')
    assert not tables.count()
    page.get_by_text("ตัวเลขเป้าหมายและผล").click()
    expect(tables).to_have_count(1)
    expect(tables.first).to_be_visible()
    screenshot(page, "plan-projector")
    open_tab(page, "plan", "village")
    assert _chosen(page) == "หมู่ที่ 4 ต.ท่าวังตาล"
    _charts_drawn(page, 1)
    screenshot(page, "plan-projector-village")


def test_plan_on_a_phone_and_changing_step_updates_the_link(app_url, page_at):
    page = page_at(f"{app_url}/plan?lang=en", PHONE)
    page.get_by_role("heading", name="The three-step plan and its evaluation").wait_for()
    _charts_drawn(page, 1)
    assert no_horizontal_scroll(page)
    screenshot(page, "plan-phone-en")
    page.get_by_role("radio", name="Quarter").click()
    page.wait_for_url("**step=quarter**")
    wait_until_done(page)
    assert "lang=en" in page.url
    expect(page.locator('[data-testid="stMainBlockContainer"]')).to_contain_text("due 31 Dec 2025")
    assert no_horizontal_scroll(page)
