"""Income in real Chromium, on a projector and on a phone, in Thai and English: the Overview's
section, the Groups page's figures by area and group (one withheld), the village card, the Plan's
income indicator; and a viewer's download of the data holds no household's income. Each is the
section of its page a link names (`?section=`), opened as its tab."""

import openpyxl
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, PROJECTOR, no_horizontal_scroll, open_tab, screenshot


def _main(page):
    return page.locator('[data-testid="stMainBlockContainer"]')


def _opened(page_at, url: str, viewport: dict, tab: str):
    """The page from a link that names one of its sections: that section's tab is the open one."""
    page = page_at(url, viewport)
    expect(page.get_by_role("tab", name=tab, exact=True)).to_have_attribute("aria-selected", "true")
    return page


def _drawn(page, n: int = 1):
    """The first chart, once the first `n` have drawn."""
    page.locator('[data-testid="stVegaLiteChart"] svg').nth(n - 1).wait_for()
    return page.locator('[data-testid="stVegaLiteChart"]').first


def test_overview_income_on_the_projector_in_thai(app_url, page_at, sql):
    page = _opened(page_at, f"{app_url}/?section=income", PROJECTOR, "รายได้ของครัวเรือน: เป้าหมายของโครงการ")
    compared = sql("SELECT count(DISTINCT f.household_code) FROM income_survey f JOIN income_survey b "
                   "ON b.household_code = f.household_code AND b.kind = 'baseline' "
                   "WHERE f.kind = 'follow_up' AND f.surveyed > b.surveyed")[0][0]
    expect(_main(page)).to_contain_text("ครัวเรือนที่สำรวจทั้งก่อนและหลังเข้าร่วม")
    expect(_main(page)).to_contain_text(f"{compared:,}")
    bands = page.locator('[data-testid="stVegaLiteChart"]').last
    bands.scroll_into_view_if_needed()
    expect(bands).to_contain_text("มีรายได้มากขึ้น")          # drawn, named in Thai
    assert bands.bounding_box()["height"] > 100
    expect(_main(page)).to_contain_text("ไม่ได้พิสูจน์ว่าเป็นผลจากโครงการ")
    screenshot(page, "income-overview-projector-th")


def test_overview_income_on_a_phone_in_english(app_url, page_at):
    page = _opened(page_at, f"{app_url}/?lang=en&section=income", PHONE, "Household income: what the program is for")
    bands = page.locator('[data-testid="stVegaLiteChart"]').last
    bands.scroll_into_view_if_needed()
    expect(bands).to_contain_text("About the same (within 5%)")
    assert no_horizontal_scroll(page)
    screenshot(page, "income-overview-phone-en")


def test_groups_income_by_group_on_a_phone_in_thai(app_url, page_at):
    page = _opened(page_at, f"{app_url}/groups?subdistrict=501910&section=income_spread", PHONE,
                   "ช่วงรายได้: ก่อนเข้าร่วมโครงการ และจากการสำรวจครั้งล่าสุด")
    spread = page.locator('[data-testid="stVegaLiteChart"]').last
    spread.scroll_into_view_if_needed()
    expect(spread).to_contain_text("ครึ่งกลางของครัวเรือน")
    assert no_horizontal_scroll(page)
    screenshot(page, "income-groups-phone-th")
    # The tables are the next tab: the subdistrict stays chosen, so the first table is by group.
    open_tab(page, "groups", "income_tables")
    assert "subdistrict=501910" in page.url
    expect(page.get_by_role("tab", name="รายได้แยกตามกลุ่มอาชีพ", exact=True)).to_have_attribute(
        "aria-selected", "true")
    assert no_horizontal_scroll(page)
    table = page.locator('[data-testid="stDataFrame"]').first
    table.scroll_into_view_if_needed()
    screenshot(page, "income-groups-table-phone-th")


def test_groups_income_on_the_projector_in_english(app_url, page_at):
    page = _opened(page_at, f"{app_url}/groups?lang=en&section=income_spread", PROJECTOR,
                   "Income range: before joining and at the latest survey")
    spread = page.locator('[data-testid="stVegaLiteChart"]').last
    expect(spread).to_contain_text("Latest survey")
    spread.scroll_into_view_if_needed()
    screenshot(page, "income-groups-projector-en")
    open_tab(page, "groups", "income_tables", "en")
    expect(_main(page)).to_contain_text("Income by area")
    screenshot(page, "income-groups-tables-projector-en")


def test_the_village_card_withholds_a_village_with_too_few(app_url, page_at):
    page = _opened(page_at, f"{app_url}/map?subdistrict=501910&village=50191012&section=village_income", PHONE,
                   "หมู่บ้านที่เลือก: รายได้ของครัวเรือน")
    expect(_main(page)).to_contain_text("สำรวจไม่ถึง 5 ครัวเรือน")
    assert no_horizontal_scroll(page)
    screenshot(page, "income-card-phone-th")
    page = _opened(page_at, f"{app_url}/map?subdistrict=501910&village=50191001&lang=en&section=village_income",
                   PROJECTOR, "The chosen village: household income")
    expect(_main(page)).to_contain_text("Median income a month, latest survey")
    screenshot(page, "income-card-projector-en")


def test_the_plans_income_indicator(app_url, page_at):
    page = page_at(f"{app_url}/plan", PROJECTOR)
    chart = _drawn(page)
    chart.scroll_into_view_if_needed()
    expect(chart).to_contain_text("รายได้ของสมาชิก")
    expect(chart).not_to_contain_text("ไม่มีการบันทึก")
    screenshot(page, "income-plan-projector-th")
    page = page_at(f"{app_url}/plan?lang=en", PHONE)
    chart = _drawn(page)
    expect(chart).to_contain_text("Members' income")
    assert no_horizontal_scroll(page)


def test_a_viewers_download_holds_no_household_income(app_url, page_at, tmp_path):
    page = page_at(f"{app_url}/data?lang=en", PROJECTOR)
    expect(_main(page)).to_contain_text("The income surveys are left out")
    with page.expect_download() as download:
        page.get_by_role("button", name="The live data, in the template's format (.xlsx)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    download.value.save_as(tmp_path / "live.xlsx")
    exported = openpyxl.load_workbook(tmp_path / "live.xlsx", read_only=True)
    assert "income_survey" not in exported.sheetnames and "household" in exported.sheetnames


def test_a_link_to_the_village_income_card_shows_its_tab_on_a_phone(app_url, page_at):
    """The section's title is only its tab's label now: a link that opens a later section shows
    that tab in the strip of tabs, not the first two with the open one scrolled out of sight."""
    title = "หมู่บ้านที่เลือก: รายได้ของครัวเรือน"
    page = _opened(page_at, f"{app_url}/map?subdistrict=501910&village=50191012&section=village_income", PHONE,
                   title)
    expect(page.get_by_role("tab", name=title, exact=True)).to_be_in_viewport()
