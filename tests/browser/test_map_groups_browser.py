"""The Map and Groups pages in real Chromium, on a projector and on a phone. The map
canvas is drawn (stage colours on it) without asking any outside server, a click on a village
opens its card (its section's tab, by itself), a click on a province drills into it, and the 5 K
matrix is drawn and readable on its tab."""

from __future__ import annotations

import io
import math

import duckdb
import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import expect

from samma import maps
from tests.browser.conftest import (
    PHONE,
    PROJECTOR,
    no_horizontal_scroll,
    open_tab,
    screenshot,
    served,
    wait_until_done,
)

GREEN_5K = (0x00, 0x9E, 0x73)
PILOT_BLUE = (0x00, 0x72, 0xB2)
HOUSEHOLDS_YELLOW = (0xF0, 0xE4, 0x42)
# The Groups page's charts, tab by tab: the funnel; the matrix; the three progress charts; the
# income headline none; income's bands and its spread one each; the income tables none.
GROUPS_CHARTS = {"funnel": 1, "five_k": 1, "progress": 3, "income": 0, "income_bands": 1,
                 "income_spread": 1, "income_tables": 0}


def _count_colour(png: bytes, colour: tuple[int, int, int], tolerance: int = 12) -> int:
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)
    return int((np.abs(pixels - np.array(colour)) <= tolerance).all(axis=2).sum())


def _map(page):
    chart = page.locator('[data-testid="stDeckGlJsonChart"]')
    chart.locator("canvas").first.wait_for()
    # deck.gl draws a moment after the canvas appears: wait until the stage colours are there.
    page.wait_for_function("""() => {
        const c = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
        return c && c.width > 0 && c.height > 0; }""")
    return chart


def _wait_for_pixels(chart, colour) -> bytes:
    """The chart's picture once more than 30 pixels are `colour`; fails if they never come."""
    for _ in range(40):                       # up to 40 frames, not a timed sleep
        png = chart.screenshot()
        if _count_colour(png, colour) > 30:
            return png
        chart.page.wait_for_timeout(100)
    raise AssertionError(f"no {colour} drawn in 40 frames ({_count_colour(png, colour)} pixels)")


def test_map_on_a_projector_draws_offline_and_a_click_opens_the_card(app_url, page_at, sql):
    page = page_at(f"{app_url}/map", PROJECTOR)
    outside = []
    page.on("request", lambda r: outside.append(r.url) if "127.0.0.1" not in r.url else None)
    page.reload()
    wait_until_done(page)
    page.get_by_role("heading", name="หมู่บ้านเป้าหมายอยู่ที่ไหน และก้าวหน้าไปถึงไหน").wait_for()
    chart = _map(page)
    png = _wait_for_pixels(chart, GREEN_5K)               # villages with all 5 K are drawn
    assert _count_colour(png, PILOT_BLUE) > 30          # the pilot subdistrict's outline
    assert not [u for u in outside if "carto" in u or "mapbox" in u], outside
    body = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert "ครบ 5 ก." in body and "ตั้งกลุ่มแล้ว" in body        # the legend, in Thai
    screenshot(page, "map-projector")

    # Click Moo 7 of Tha Wang Tan where deck.gl puts it (Web Mercator, 512 px at zoom 0).
    box = chart.locator("canvas").first.bounding_box()
    x, y = _project(*_village_position(sql, "50191007"), _initial_view("5019"), box)
    page.mouse.move(x, y)
    tooltip = page.locator(".deck-tooltip")
    tooltip.get_by_text("ขั้นต่อไป: กองทุน").wait_for()      # the tooltip, text in Thai
    assert "หมู่ที่ 7 ต.ท่าวังตาล" in tooltip.inner_text()
    screenshot(page, "map-tooltip-projector")
    page.mouse.click(x, y)
    # The village's card opens by itself: its section is the open tab and the link names both.
    page.wait_for_url(lambda url: "section=village&" in url + "&" and "village=50191007" in url)
    wait_until_done(page)
    expect(page.get_by_role("tab", name="หมู่บ้านที่เลือก: ความก้าวหน้าและกลุ่มอาชีพ", exact=True)
           ).to_have_attribute("aria-selected", "true")
    heading = page.get_by_role("heading", name="หมู่ที่ 7 ต.ท่าวังตาล")
    heading.wait_for(timeout=15_000)
    heading.scroll_into_view_if_needed()
    screenshot(page, "map-card-projector")


def _village_position(sql, code: str) -> tuple[float, float]:
    return sql("SELECT lat, lon FROM village WHERE code = ?", [code])[0]


def _initial_view(prefix: str) -> dict:
    """Where the page centred the map, from the same builders: only to know where to click,
    never an expected figure. Reads the database SAMMA_DB points at, as the server does."""
    from samma import queries
    if len(prefix) < 4:
        areas = queries.area_progress(prefix)
        deck = maps.area_map(areas, maps.outlines_frame(queries.area_outline_points(prefix),
                                                            areas, "th"), "th")
    else:
        deck = maps.village_map(queries.villages_on_map(prefix), maps.outlines_frame(
            queries.area_outline_points(prefix), queries.area_progress(prefix), "th"), "th")
    view = deck.initial_view_state
    return {"latitude": view.latitude, "longitude": view.longitude, "zoom": view.zoom}


def _project(lat: float, lon: float, view: dict, box: dict) -> tuple[float, float]:
    scale = 512 * 2 ** view["zoom"]

    def mercator(la, lo):
        return (scale * (lo + 180) / 360,
                scale * (1 - math.log(math.tan(math.radians(la)) + 1 / math.cos(math.radians(la))) / math.pi) / 2)

    cx, cy = mercator(view["latitude"], view["longitude"])
    px, py = mercator(lat, lon)
    return box["x"] + box["width"] / 2 + (px - cx), box["y"] + box["height"] / 2 + (py - cy)


def test_map_on_a_phone_in_english(app_url, page_at):
    page = page_at(f"{app_url}/map?lang=en&village=50191001", PHONE)
    page.get_by_role("heading", name="Where the villages are and how far each has come").wait_for()
    chart = _map(page)
    chart.scroll_into_view_if_needed()
    _wait_for_pixels(chart, GREEN_5K)
    assert no_horizontal_scroll(page)
    screenshot(page, "map-phone-en")
    # The village from the link: its card is the next tab.
    open_tab(page, "map", "village", "en")
    assert "village=50191001" in page.url
    page.get_by_role("heading", name="Moo 1, Tha Wang Tan").scroll_into_view_if_needed()
    assert no_horizontal_scroll(page)
    screenshot(page, "map-card-phone-en")


def test_groups_matrix_is_drawn_and_readable(app_url, page_at, sql):
    page = page_at(f"{app_url}/groups", PROJECTOR)
    page.get_by_role("heading", name="ความก้าวหน้าการจัดตั้งกลุ่มอาชีพและ 5 ก.").wait_for()
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    # A person goes through the tabs: each draws its own charts, all of them, and no other's.
    drawn = 0
    for section, count in GROUPS_CHARTS.items():
        if section != "funnel":
            open_tab(page, "groups", section)
        expect(charts).to_have_count(count)
        drawn += count
    assert drawn == 7                            # funnel, matrix, three progress charts, income's two
    open_tab(page, "groups", "five_k")
    expect(page.get_by_role("tab", name="5 ก. ของแต่ละหมู่บ้าน", exact=True)).to_have_attribute(
        "aria-selected", "true")
    expect(charts).to_have_count(1)
    matrix = charts.first
    matrix.locator("svg").wait_for()
    matrix.scroll_into_view_if_needed()
    text = matrix.locator("svg text").all_text_contents()
    png = matrix.screenshot()
    width, height = Image.open(io.BytesIO(png)).size
    groups = sql("SELECT count(*) FROM occupation_group WHERE formed IS NOT NULL")[0][0]
    assert height >= 28 * groups                 # a row per group, tall enough to read
    assert width > 1000
    assert _count_colour(png, (0x7C, 0xCB, 0xA8), 6) > 1000      # the "in place" cells
    assert "ถัดไป" in text and "กรรมการ" in text and "2561" in text   # words, not colour alone
    screenshot(page, "groups-matrix-projector")


def test_groups_on_a_phone(app_url, page_at):
    page = page_at(f"{app_url}/groups?lang=en", PHONE)
    open_tab(page, "groups", "five_k", "en")     # the second tab, scrolled to in the strip of tabs
    expect(page.get_by_role("tab", name="The 5 K, village by village", exact=True)).to_have_attribute(
        "aria-selected", "true")
    matrix = page.locator('[data-testid="stVegaLiteChart"]').first
    matrix.locator("svg").wait_for()
    matrix.scroll_into_view_if_needed()
    assert no_horizontal_scroll(page)
    screenshot(page, "groups-phone-en")


@pytest.fixture(scope="module")
def two_province_url(two_provinces):
    with served(two_provinces) as url:
        yield url


def test_clicking_a_province_drills_down_to_its_villages(two_province_url, page_at, two_provinces,
                                                         monkeypatch):
    page = page_at(f"{two_province_url}/map", PROJECTOR)
    chart = _map(page)
    _wait_for_pixels(chart, HOUSEHOLDS_YELLOW)       # Lamphun is drawn: half its villages have households
    con = duckdb.connect(str(two_provinces), read_only=True)
    lamphun = con.execute("SELECT avg(lat), avg(lon) FROM village WHERE code LIKE '51%'").fetchone()
    con.close()
    monkeypatch.setenv("SAMMA_DB", str(two_provinces))
    x, y = _project(*lamphun, _initial_view(""), chart.locator("canvas").first.bounding_box())
    page.mouse.move(x, y)
    page.locator(".deck-tooltip").get_by_text("ลำพูน").wait_for()
    page.mouse.click(x, y)
    page.wait_for_url("**province=51**", timeout=15_000)
    wait_until_done(page)
    chart = _map(page)
    _wait_for_pixels(chart, HOUSEHOLDS_YELLOW)            # Lamphun's village with households
    # Lamphun has one district, so the click lands on its villages and the subdistrict choice.
    labels = page.locator('[data-testid="stSelectbox"] label').all_inner_texts()
    assert labels == ["จังหวัด", "ตำบล", "หมู่บ้าน"], labels
    assert "province=51" in page.url
    screenshot(page, "map-drilled-into-lamphun")
