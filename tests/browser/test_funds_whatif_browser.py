"""In real Chromium: the Funds page's figures, the what-if answering a slider at once,
and a shared what-if link reproducing the same sliders and figures in a fresh browser."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, PROJECTOR, no_horizontal_scroll, open_tab, screenshot, wait_until_done

# Playwright's default of 5 s is a test of the machine's load when several suites run at once.
WAIT_MS = 30_000


def _main(page):
    return page.locator('[data-testid="stMainBlockContainer"]')


def _metric(page, label: str) -> str:
    """The value of the metric labelled exactly `label` (waits until it is drawn: metrics are
    drawn a moment after the run, and "สมาชิก" is also the start of other labels)."""
    exact = page.locator('[data-testid="stMetricLabel"]', has_text=re.compile(f"^{re.escape(label)}$"))
    metric = page.locator('[data-testid="stMetric"]').filter(has=exact).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def _slider_values(page) -> list[str]:
    return [s.get_attribute("aria-valuenow") or s.input_value()
            for s in page.locator('[data-testid="stSlider"] input[type="range"]').all()]


def test_funds_in_chromium(app_url, page_at, sql):
    page = page_at(f"{app_url}/funds", PROJECTOR)
    page.get_by_role("heading", name="เงินมาจากไหน ไปที่ไหน และเป็นไปตามเงื่อนไขหรือไม่").wait_for()
    cash, in_kind = sql("SELECT sum(amount_baht) FILTER (WHERE kind = 'cash'), "
                        "sum(amount_baht) FILTER (WHERE kind = 'in_kind') "
                        "FROM contribution WHERE source = 'partner'")[0]
    assert _metric(page, "เงินสด") == f"{cash:,.0f} บาท"
    assert _metric(page, "ไม่ใช่ตัวเงิน (มูลค่า)") == f"{in_kind:,.0f} บาท"
    expect(page.locator('[data-testid="stVegaLiteChart"] svg, [data-testid="stVegaLiteChart"] canvas')
           .first).to_be_visible(timeout=WAIT_MS)
    screenshot(page, "funds-projector")
    # Where the cash came from and went, on its own tab.
    open_tab(page, "funds", "flows")
    expect(page.locator('[data-testid="stVegaLiteChart"] svg').first).to_be_visible(timeout=WAIT_MS)
    assert page.locator('[data-testid="stVegaLiteChart"]').count() == 1
    screenshot(page, "funds-projector-flows")


def test_funds_on_a_phone_in_english(app_url, page_at):
    page = page_at(f"{app_url}/funds?lang=en", PHONE)
    page.get_by_role("heading", name="Where the money came from, where it went, and the conditions").wait_for()
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible(timeout=WAIT_MS)
    assert no_horizontal_scroll(page)
    screenshot(page, "funds-phone-en")


def test_on_a_phone_every_tab_is_in_sight_and_the_links_one_is_open(app_url, page_at):
    page = page_at(f"{app_url}/funds?lang=en&section=rule_match", PHONE)
    wait_until_done(page)
    tabs = page.get_by_role("tab")
    expect(tabs).to_have_count(10)                                  # the Funds page's ten sections
    for i in range(10):                                              # wrapped, not scrolled away
        box = tabs.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], tabs.nth(i).inner_text()
    expect(page.get_by_role("tab", name="Checking the 1:1 condition")).to_have_attribute("aria-selected", "true")
    assert no_horizontal_scroll(page)
    screenshot(page, "funds-phone-en-tabs")


def test_whatif_slider_changes_the_figures_and_the_link_reproduces_them(app_url, page_at):
    page = page_at(f"{app_url}/whatif", PROJECTOR)
    main = _main(page)
    expect(main).to_contain_text("59,704 บาท", timeout=WAIT_MS)                # 3 years at the source's defaults
    assert _metric(page, "สมาชิก") == "25 คน"
    villages = page.locator('[data-testid="stSlider"]').filter(has_text="จำนวนหมู่บ้าน")
    villages.locator('input[type="range"]').focus()
    page.keyboard.press("ArrowRight")
    # Two villages: 50 members, 12,500 baht raised, 21,250 at the match (hand-worked).
    expect(main.locator('[data-testid="stMetric"]').filter(has_text="สมาชิก").first
           ).to_contain_text("50 คน", timeout=WAIT_MS)
    wait_until_done(page)
    assert _metric(page, "สมาชิกระดมเอง") == "12,500 บาท"
    assert _metric(page, "ทุนหมุนเวียนเมื่อได้เงินสมทบ") == "21,250 บาท"
    expect(page).to_have_url(re.compile(r"[?&]villages=2(&|$)"), timeout=WAIT_MS)
    shared, sliders = page.url, _slider_values(page)
    screenshot(page, "whatif-projector")

    fresh = page_at(shared, PHONE)                              # a new context: no session, no cookies
    expect(_main(fresh)).to_contain_text("50 คน", timeout=WAIT_MS)
    expect(fresh.locator('[data-testid="stSlider"]')).to_have_count(len(sliders), timeout=WAIT_MS)
    assert _slider_values(fresh) == sliders
    assert _metric(fresh, "ทุนหมุนเวียนเมื่อได้เงินสมทบ") == "21,250 บาท"
    assert no_horizontal_scroll(fresh)
    screenshot(fresh, "whatif-phone-shared")


def test_whatif_link_with_the_partners_question(app_url, page_at):
    """"Each household saves 100 baht a month for six months, the partners can put in only
    100,000 baht", for the 13 villages of Tha Wang Tan, opened from a link on a phone."""
    page = page_at(f"{app_url}/whatif?villages=13&saving=100&months=6&cap=100000&lang=en", PHONE)
    expect(_main(page)).to_contain_text("฿127,500", timeout=WAIT_MS)            # the shortfall over the cap
    assert _metric(page, "Grant to ask the partners for") == "฿100,000"
    assert _metric(page, "Revolving fund at the match") == "฿297,500"
    cap = page.locator('[data-testid="stSlider"]').filter(has_text="Partners' budget cap")
    expect(cap.locator('[data-testid="stSliderThumbValue"]')).to_have_text("100,000")   # separators
    assert no_horizontal_scroll(page)
    screenshot(page, "whatif-phone-en-cap")


def test_whatif_bad_link_values_get_a_notice(app_url, page_at):
    page = page_at(f"{app_url}/whatif?villages=lots&admin=250", PROJECTOR)
    main = _main(page)
    expect(main).to_contain_text("ไม่ใช่ตัวเลข", timeout=WAIT_MS)
    expect(main).to_contain_text("อยู่นอกช่วง", timeout=WAIT_MS)
    assert _metric(page, "สมาชิก") == "25 คน"
    assert _metric(page, "ค่าใช้จ่ายในการบริหาร") == "6,250 บาท"         # admin clamped to 100% of 6,250


CUT_SHORT = """() => [...document.querySelectorAll('[data-testid="stMetricValue"], [data-testid="stMetricValue"] *')]
    .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.innerText)"""


def test_whatif_figures_in_the_billions_are_never_cut_short(app_url, page_at):
    page = page_at(f"{app_url}/whatif?villages=200&households=100&team=10&share=1000&saving=1000&months=24", PROJECTOR)
    expect(_main(page)).to_contain_text("22,000 คน", timeout=WAIT_MS)     # 200 × (10 + 100) members
    wait_until_done(page)
    assert page.evaluate(CUT_SHORT) == []
    screenshot(page, "whatif-projector-billions")
