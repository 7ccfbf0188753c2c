"""In real Chromium: projector mode is large and has no sidebar, the share link opened in
a fresh browser shows the same view, and the phone never scrolls sideways."""

import re

from tests.browser.conftest import PHONE, PROJECTOR, no_horizontal_scroll, screenshot


def _px(page, selector: str, prop: str) -> float:
    value = page.locator(selector).first.evaluate(f"e => getComputedStyle(e).{prop}")
    return float(value.removesuffix("px"))


def _wait_for_size(page, selector: str, minimum: float) -> None:
    """Until the element's font is at least `minimum` px (the style lands a moment after the run)."""
    page.wait_for_function(
        "([sel, min]) => { const e = document.querySelector(sel);"
        " return e && parseFloat(getComputedStyle(e).fontSize) >= min; }", arg=[selector, minimum])


def test_projector_mode_is_large_and_has_no_sidebar(app_url, page_at):
    page = page_at(f"{app_url}/?projector=1", PROJECTOR)
    page.get_by_role("heading", name="ภาพรวมสัมมาชีพชุมชน").wait_for()
    _wait_for_size(page, '[data-testid="stCaptionContainer"]', 24)
    _wait_for_size(page, '[data-testid="stMetricLabel"] p', 24)
    _wait_for_size(page, '[data-testid="stMetricValue"]', 56)
    assert page.locator('[data-testid="stSidebar"]').get_attribute("data-collapsed") == "true"
    assert page.get_by_text("ข้อมูล ณ วันที่ 31 ต.ค. 2569").count() >= 1
    screenshot(page, "overview-projector-mode")


def test_plain_view_keeps_normal_type(app_url, page_at):
    page = page_at(app_url, PROJECTOR)
    assert _px(page, '[data-testid="stMetricLabel"] p', "fontSize") < 20


def test_share_link_opens_the_same_view_in_a_fresh_browser(app_url, page_at):
    page = page_at(f"{app_url}/?lang=en&projector=1", PROJECTOR)
    page.get_by_role("button", name=re.compile("Share this view")).click()
    code = page.locator('[data-testid="stDialog"] pre code').first
    code.wait_for()
    link = code.inner_text().strip()
    assert link.startswith(app_url) and "lang=en" in link and "projector=1" in link
    # No public address is set and the presenter is on 127.0.0.1: the dialog says phones cannot
    # open it, and how to set one.
    warning = page.locator('[data-testid="stDialog"] [data-testid="stAlert"]').first
    assert "phones cannot open this link" in warning.inner_text()
    assert "SAMMA_PUBLIC_URL" in warning.inner_text()
    qr = page.locator('[data-testid="stDialog"] img').first
    assert qr.evaluate("img => img.getBoundingClientRect().width") >= 300   # scannable from the room
    screenshot(page, "share-panel")

    fresh = page_at(link, PHONE)
    fresh.get_by_role("heading", name="Community livelihood at a glance").wait_for()
    assert fresh.locator('[data-testid="stSidebar"]').get_attribute("data-collapsed") == "true"


def test_phone_view_has_the_meeting_bar_and_no_sideways_scroll(app_url, page_at):
    page = page_at(app_url, PHONE)
    page.get_by_role("button", name=re.compile("แชร์หน้านี้")).wait_for()
    page.get_by_role("button", name=re.compile("เอกสารสรุป A4")).wait_for()
    assert no_horizontal_scroll(page)
    screenshot(page, "overview-phone-th")


def test_handout_downloads_as_a_pdf(app_url, page_at):
    page = page_at(f"{app_url}/?lang=en", PROJECTOR)
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("A4 handout")).click()
    path = download.value.path()
    with open(path, "rb") as f:
        assert f.read(5) == b"%PDF-"
    assert download.value.suggested_filename == "samma-handout.pdf"


CHART_TEXT_PX = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"] text')]
    .filter(t => t.textContent.trim()).map(t => parseFloat(t.getAttribute('font-size')))"""


def test_projector_mode_enlarges_the_charts_text(app_url, page_at):
    sizes = {}
    for mode, query in (("plain", ""), ("projector", "?projector=1")):
        page = page_at(f"{app_url}/market{query}", PROJECTOR)
        page.locator('[data-testid="stVegaLiteChart"] text').first.wait_for()
        sizes[mode] = page.evaluate(CHART_TEXT_PX)
    assert min(sizes["plain"]) < 20                 # a chart's own text, 13 to 18 px
    assert min(sizes["projector"]) >= 20            # from the back of the room
    assert max(sizes["projector"]) >= 1.4 * max(sizes["plain"])


LABELS_CUT_SHORT = """() => [...document.querySelectorAll('[data-testid="stMetricLabel"] *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)"""


def test_projector_mode_on_a_1280_by_720_projector(app_url, page_at):
    page = page_at(f"{app_url}/?projector=1", {"width": 1280, "height": 720})
    page.get_by_role("heading", name="ภาพรวมสัมมาชีพชุมชน").wait_for()
    _wait_for_size(page, '[data-testid="stCaptionContainer"]', 17)
    # The same share of the wall as 28 px on a 1080-line projector, not more.
    assert _px(page, "html", "fontSize") == 20
    assert page.evaluate(LABELS_CUT_SHORT) == []        # a long label wraps, it is not cut
    assert no_horizontal_scroll(page)
    screenshot(page, "overview-projector-720")


def test_projector_metric_labels_wrap_rather_than_being_cut(app_url, page_at):
    page = page_at(f"{app_url}/?projector=1", PROJECTOR)
    _wait_for_size(page, '[data-testid="stMetricLabel"] p', 24)
    assert page.evaluate(LABELS_CUT_SHORT) == []
