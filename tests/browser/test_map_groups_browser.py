"""Issue 4: the Map and Groups pages in real Chromium, on a projector and on a phone. The map
canvas is drawn (stage colours on it) without asking any outside server, a click on a village
opens its card, and the 5 K matrix is drawn and readable."""

from __future__ import annotations

import io
import math

import numpy as np
from PIL import Image

from tests.browser.conftest import (PHONE, PROJECTOR, no_horizontal_scroll, screenshot,
                                    wait_until_done)

GREEN_5K = (0x00, 0x9E, 0x73)
PILOT_BLUE = (0x00, 0x72, 0xB2)


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
    for _ in range(40):                       # up to 40 frames, not a timed sleep
        png = chart.screenshot()
        if _count_colour(png, colour) > 30:
            return png
        chart.page.wait_for_timeout(100)
    return png


def test_map_on_a_projector_draws_offline_and_a_click_opens_the_card(app_url, page_at, sql):
    page = page_at(f"{app_url}/map", PROJECTOR)
    outside = []
    page.on("request", lambda r: outside.append(r.url) if "127.0.0.1" not in r.url else None)
    page.reload()
    wait_until_done(page)
    page.get_by_role("heading", name="หมู่บ้านเป้าหมายอยู่ที่ไหน และก้าวหน้าไปถึงไหน").wait_for()
    chart = _map(page)
    png = _wait_for_pixels(chart, GREEN_5K)
    assert _count_colour(png, GREEN_5K) > 30            # villages with all 5 K are drawn
    assert _count_colour(png, PILOT_BLUE) > 30          # the pilot subdistrict's outline
    assert not [u for u in outside if "carto" in u or "mapbox" in u], outside
    body = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert "ครบ ๕ ก." in body and "ตั้งกลุ่มแล้ว" in body        # the legend, in Thai
    screenshot(page, "map-projector")

    # Click Moo 7 of Tha Wang Tan where deck.gl puts it (Web Mercator, 512 px at zoom 0).
    box = chart.locator("canvas").first.bounding_box()
    x, y = _project(*_village_position(sql, "50191007"), _initial_view(), box)
    page.mouse.move(x, y)
    tooltip = page.locator(".deck-tooltip")
    tooltip.get_by_text("ขั้นต่อไป: กองทุน").wait_for()      # the tooltip, text in Thai
    assert "หมู่ที่ 7 ต.ท่าวังตาล" in tooltip.inner_text()
    screenshot(page, "map-tooltip-projector")
    page.mouse.click(x, y)
    wait_until_done(page)
    heading = page.get_by_role("heading", name="หมู่ 7 ต.ท่าวังตาล")
    heading.wait_for(timeout=15_000)
    heading.scroll_into_view_if_needed()
    screenshot(page, "map-card-projector")


def _village_position(sql, code: str) -> tuple[float, float]:
    return sql("SELECT lat, lon FROM village WHERE code = ?", [code])[0]


def _initial_view() -> dict:
    """Where the page centred the map: only to know where to click, not an expected figure."""
    from samma import charts, queries
    villages = queries.villages_on_map("5019")
    view = charts.fit_view(villages["lon"], villages["lat"])
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
    assert _count_colour(_wait_for_pixels(chart, GREEN_5K), GREEN_5K) > 30
    assert no_horizontal_scroll(page)
    screenshot(page, "map-phone-en")
    page.get_by_role("heading", name="Moo 1, Tha Wang Tan").scroll_into_view_if_needed()
    assert no_horizontal_scroll(page)
    screenshot(page, "map-card-phone-en")


def test_groups_matrix_is_drawn_and_readable(app_url, page_at, sql):
    page = page_at(f"{app_url}/groups", PROJECTOR)
    page.get_by_role("heading", name="๕ ก. ของแต่ละหมู่บ้าน").wait_for()
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    charts.nth(4).wait_for()
    assert charts.count() == 5                   # funnel, matrix, three progress charts
    matrix = charts.nth(1)
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
    page.get_by_role("heading", name="The 5 K, village by village").wait_for()
    matrix = page.locator('[data-testid="stVegaLiteChart"]').nth(1)
    matrix.scroll_into_view_if_needed()
    assert no_horizontal_scroll(page)
    screenshot(page, "groups-phone-en")
