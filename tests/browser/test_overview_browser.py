"""The app opens in real Chromium and shows the Thai title and the headline figures."""

from urllib.parse import urljoin

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, PROJECTOR, no_horizontal_scroll, open_tab, screenshot

# Each section's headline boxes: people 4 (villages, pilot villages, sages, households), groups 2
# (formed, all 5 K), money 5 (cash, in kind, members raised, groups' revolving funds, sales), the
# network 3 (its fund, its admin money left, overdue loans), income 4 (households compared, share
# earning more, the median before and latest).
BOXES = {"people": 4, "groups": 2, "money": 5, "network": 3, "income": 4}


def test_overview_in_chromium(app_url, page_at, sql):
    page = page_at(app_url, PROJECTOR)
    page.get_by_role("heading", name="ภาพรวมสัมมาชีพชุมชน").wait_for()
    said = []
    # A person goes through the sections' tabs: each draws its own boxes and nothing else.
    for section, boxes in BOXES.items():
        if section != "people":
            open_tab(page, "overview", section)
        expect(page.locator('[data-testid="stMetric"]')).to_have_count(boxes, timeout=30_000)
        said.append(page.locator('[data-testid="stMainBlockContainer"]').inner_text())
        screenshot(page, f"overview-projector-{section}")
    body = "\n".join(said)
    households = sql("SELECT count(*) FROM household")[0][0]
    sales = sql("SELECT sum(amount_baht) FROM sale")[0][0]
    assert f"{households:,}" in body
    assert f"{sales:,.0f} บาท" in body
    assert "ข้อมูลตัวอย่าง" in body                  # the sample marker
    assert "31 ต.ค. 2569" in body                    # as-of date in the Buddhist Era
    # Back to the first tab: the link names no section again.
    open_tab(page, "overview", "people")
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(BOXES["people"])


def test_overview_on_a_phone_in_english(app_url, page_at):
    page = page_at(f"{app_url}/?lang=en", PHONE)
    page.get_by_role("heading", name="Community livelihood at a glance").wait_for()
    assert "Sample data" in page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert no_horizontal_scroll(page)
    screenshot(page, "overview-phone-en")


def _shows_the_overview(page, url_path: str = "/overview") -> None:
    page.get_by_role("heading", name="Community livelihood at a glance").wait_for()
    assert page.url.split("?")[0].endswith(url_path)
    assert page.get_by_text("Page not found").count() == 0


def test_the_root_and_overview_both_open_the_overview_and_links_to_it_work(app_url, page_at):
    for path in ("/overview?lang=en", "/?lang=en"):
        page = page_at(f"{app_url}{path}", PHONE)
        _shows_the_overview(page)
        assert "lang=en" in page.url                    # the link's parameters come along
    # The share link printed on the Overview opens it in a fresh browser.
    page.get_by_role("button", name="Share this view").click()
    link = page.locator('[data-testid="stDialog"] pre code').first.inner_text().strip()
    assert link.startswith(f"{app_url}/overview?")
    _shows_the_overview(page_at(link, PHONE))
    # So does the Network page's link back to the page before it.
    network_page = page_at(f"{app_url}/network?lang=en", PROJECTOR)
    back = network_page.locator('[data-testid="stPageLink"] a').first
    assert back.inner_text().strip().endswith("Overview")
    _shows_the_overview(page_at(urljoin(network_page.url, back.get_attribute("href")), PHONE))
