"""The Map page. Villages coloured by stage with no basemap request, filters, the
village card, drill-down on two provinces, bad links; and the map builders checked as data."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from samma import maps
from tests.conftest import open_page, to_section

# The stages' names in English, from the least to the furthest (the legend's order).
STAGE_NAMES_EN = ("Target only", "Sages in place", "Households enrolled", "Group formed", "All 5 K")


def open_map(lang: str | None = None, **query_params: str):
    return open_page("map", lang, **query_params)


def deck(at) -> dict:
    charts_ = at.get("deck_gl_json_chart")
    assert len(charts_) == 1
    return json.loads(charts_[0].proto.json)


def layer(spec: dict, layer_id: str) -> list[dict]:
    return next(lay for lay in spec["layers"] if lay["id"] == layer_id)["data"]


def test_map_shows_every_village_offline_with_stage_and_households(sql):
    at = open_map()
    spec = deck(at)
    villages = {row["code"]: row for row in layer(spec, "villages")}
    assert len(villages) == sql("SELECT count(*) FROM village")[0][0] == 34
    # No basemap and nothing that would fetch one: the map works with no internet.
    assert spec["mapStyle"] == "__MAP_STYLE__" and "mapProvider" not in spec
    assert "cartocdn" not in json.dumps(spec)
    households = dict(sql("SELECT village_code, count(*) FROM household GROUP BY 1"))
    five_k = {code for (code,) in sql("""SELECT g.village_code FROM occupation_group g
        JOIN milestone m ON m.owner_code = g.code GROUP BY 1 HAVING count(*) = 5""")}
    for code, row in villages.items():
        assert f"ครัวเรือน: {households.get(code, 0)}" in row["tooltip"]
        is_green = row["colour"][:3] == [0x00, 0x9E, 0x73]
        assert is_green == (code in five_k), code
        assert "<" not in row["tooltip"]                      # text only, never HTML
    # The view fits all villages: its centre lies inside their box.
    lat0, lat1, lon0, lon1 = sql("SELECT min(lat), max(lat), min(lon), max(lon) FROM village")[0]
    view = spec["initialViewState"]
    assert lat0 < view["latitude"] < lat1 and lon0 < view["longitude"] < lon1
    # One outline per subdistrict (Saraphi's 12); only Tha Wang Tan's is the pilot's blue.
    outlines = layer(spec, "outlines")
    assert len(outlines) == sql("SELECT count(*) FROM subdistrict")[0][0]
    assert [o["code"] for o in outlines if o["line"][:3] == [0x00, 0x72, 0xB2]] == ["501910"]


def test_subdistrict_filter_marks_the_pilot_and_narrows_the_map():
    at = open_map()
    box = at.selectbox(key="subdistrict")
    assert box.format_func("501910") == "ท่าวังตาล (นำร่อง)"
    assert box.format_func("501901") == "ยางเนิ้ง"
    box.set_value("501910").run()
    assert not at.exception
    villages = layer(deck(at), "villages")
    assert len(villages) == 13 and all(v["is_pilot"] for v in villages)
    assert at.query_params["subdistrict"] == "501910"


def test_stage_filter_keeps_only_those_stages(sql):
    at = open_map()
    at.button_group(key="stage").set_value(["target", "sages"]).run()
    assert not at.exception
    codes = {v["code"] for v in layer(deck(at), "villages")}
    expected = {code for (code,) in sql("""SELECT v.code FROM village v WHERE NOT EXISTS
        (SELECT 1 FROM household h WHERE h.village_code = v.code)""")}
    assert codes == expected and len(codes) == 8
    assert at.query_params["stage"] == "target,sages"
    at.button_group(key="stage").set_value([]).run()
    assert not at.exception and not at.get("deck_gl_json_chart")
    assert at.info[0].value == "ไม่มีหมู่บ้านตามตัวกรองนี้"


def test_choosing_a_village_opens_its_card(sql):
    at = open_map()
    at.selectbox(key="village").set_value("50191007").run()
    assert not at.exception
    # Chosen on the map's section, its card opens: the next section, and the link says both.
    assert "หมู่ที่ 7 ต.ท่าวังตาล" in [s.value for s in at.subheader]      # the card's title
    assert at.query_params["village"] == "50191007" and at.query_params["section"] == "village"
    assert any("ขั้นต่อไป: กองทุน" in c.value for c in at.caption)
    shown = {m.label: m.value for m in at.metric}
    shown |= {m.label: m.value for m in to_section(at, "village_money").metric}
    cash = sql("""SELECT sum(amount_baht) FROM contribution WHERE partner_code IS NOT NULL
                  AND kind = 'cash' AND group_code = 'G50191007'""")[0][0]
    in_kind = sql("""SELECT coalesce(sum(amount_baht), 0) FROM contribution WHERE partner_code IS NOT NULL
                     AND kind = 'in_kind' AND group_code = 'G50191007'""")[0][0]
    sales = sql("SELECT sum(amount_baht) FROM sale WHERE product_code LIKE 'G50191007-%'")[0][0]
    sages, households = sql("""SELECT (SELECT count(*) FROM sage WHERE village_code = '50191007'),
                                      (SELECT count(*) FROM household WHERE village_code = '50191007')""")[0]
    assert shown["ปราชญ์สัมมาชีพ (1+4)"] == str(sages)
    assert shown["ครัวเรือนที่เข้าร่วม"] == str(households)
    assert shown["การสนับสนุนเป็นเงินสด"] == f"{cash:,.0f} บาท"
    assert shown["การสนับสนุนที่ไม่ใช่ตัวเงิน (มูลค่า)"] == f"{in_kind:,.0f} บาท"
    assert shown["ยอดขายสะสม"] == f"{sales:,.0f} บาท"
    assert at.query_params["village"] == "50191007"
    # Back on the map, the village is ringed.
    assert [v["code"] for v in layer(deck(to_section(at, "map")), "selected")] == ["50191007"]


def test_another_village_chosen_on_a_section_of_the_card_stays_on_that_section(sql):
    at = open_map(village="50191007", section="village_money")
    at.selectbox(key="village").set_value("50191001").run()
    assert not at.exception
    assert at.query_params["section"] == "village_money"
    sales = sql("SELECT sum(amount_baht) FROM sale WHERE product_code LIKE 'G50191001-%'")[0][0]
    assert {m.label: m.value for m in at.metric}["ยอดขายสะสม"] == f"{sales:,.0f} บาท"


@pytest.mark.parametrize("code, stage", [("50190304", "เป็นเป้าหมายแล้ว"), ("50190205", "มีปราชญ์แล้ว"),
                                         ("50190203", "ครัวเรือนเข้าร่วมแล้ว"), ("50191007", "ตั้งกลุ่มแล้ว"),
                                         ("50191001", "ครบ 5 ก.")])
def test_a_card_for_a_village_at_every_stage(sql, code, stage):
    at = open_map(village=code, section="village")
    assert any(f"ขั้น: {stage}" in c.value for c in at.caption)
    households = sql("SELECT count(*) FROM household WHERE village_code = ?", [code])[0][0]
    assert {m.label: m.value for m in at.metric}["ครัวเรือนที่เข้าร่วม"] == str(households)
    if stage == "ครัวเรือนเข้าร่วมแล้ว":          # a group in the making has no date yet
        assert any("ยังไม่ได้ตั้งกลุ่ม" in m.value for m in at.markdown)


def test_a_shared_link_opens_the_village_card_in_english():
    at = open_map(village="50191001", lang="en", section="village")
    assert at.selectbox(key="village").value == "50191001"
    assert "Moo 1, Tha Wang Tan" in [s.value for s in at.subheader]
    assert {m.label: m.value for m in at.metric}["Households enrolled"] == "20"


@pytest.mark.parametrize("params, named", [
    ({"village": "99999999"}, "village"),
    ({"subdistrict": "<b>x</b>"}, "subdistrict"),
    ({"stage": "group,nonsense"}, "stage"),
])
def test_bad_codes_in_a_link_get_a_message_and_nothing_breaks(params, named):
    at = open_map(**params)
    warnings = [w.value for w in at.warning]
    assert any(f'"{named}"' in w and "ในลิงก์" in w for w in warnings), warnings
    assert not any(params[named] in w for w in warnings)       # the link's value is not echoed
    assert at.get("deck_gl_json_chart")


def test_basemap_only_when_asked():
    at = open_map()
    at.toggle(key="basemap").set_value(True).run()
    spec = deck(at)
    assert spec["mapProvider"] == "carto" and spec["mapStyle"] == maps.CARTO_LIGHT


def test_drill_down_province_district_village(on_two_provinces):
    sql = on_two_provinces
    at = open_map()
    areas = {a["code"]: a for a in layer(deck(at), "areas")}
    assert set(areas) == {"50", "51"}
    lamphun_households = sql("SELECT count(*) FROM household WHERE village_code LIKE '51%'")[0][0]
    assert f"ครัวเรือน: {lamphun_households}" in areas["51"]["tooltip"]
    assert at.selectbox(key="province").format_func("51") == "ลำพูน"
    assert "stage" not in [b.key for b in at.button_group]      # stages are for villages

    at.selectbox(key="province").set_value("50").run()
    districts = {a["code"] for a in layer(deck(at), "areas")}
    assert districts == {"5001", "5019"}
    # Saraphi holds the pilot, but only a subdistrict's outline is drawn as the pilot's.
    assert all(o["width"] == 1 for o in layer(deck(at), "outlines"))
    at.selectbox(key="district").set_value("5019").run()
    assert len(layer(deck(at), "villages")) == 34
    assert at.query_params["province"] == "50" and at.query_params["district"] == "5019"

    # Lamphun has one district: choosing the province goes straight to its villages.
    at.selectbox(key="province").set_value("51").run()
    assert not at.exception
    assert {v["code"] for v in layer(deck(at), "villages")} == {"51010101", "51010102", "51010201"}
    assert [s.key for s in at.selectbox] == ["province", "subdistrict", "village"]


def test_map_in_english():
    at = open_map(lang="en")
    tooltip = layer(deck(at), "villages")[0]["tooltip"]
    assert "Households:" in tooltip and "Next:" in tooltip and "Stage:" in tooltip
    # The legend beside the map: every stage's name, in STAGES' order (the CSS dots follow it).
    legend = [m.value for m in at.get("markdown") if m.value in STAGE_NAMES_EN]
    assert legend == list(STAGE_NAMES_EN)
    assert not at.get("vega_lite_chart")          # the map's section draws no chart


# --- the builders, as data ------------------------------------------------------------------

def _inside(point, polygon) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


@pytest.mark.parametrize("points", [
    [(99.0, 18.7)],
    [(99.0, 18.7), (99.02, 18.71)],
    [(99.0, 18.7), (99.02, 18.71), (99.01, 18.69), (99.015, 18.705), (99.005, 18.72)],
])
def test_padded_hull_holds_every_point_and_is_convex(points):
    hull = maps.padded_hull(points, pad_km=0.5)
    assert len(hull) >= 8
    assert all(_inside(p, hull) for p in points)
    for a, b, c in zip(hull, hull[1:] + hull[:1], hull[2:] + hull[:2]):
        assert (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) > 0   # left turns only


def test_fit_view_shows_the_whole_box_on_a_phone():
    lons, lats = pd.Series([98.99, 99.07]), pd.Series([18.63, 18.76])
    view = maps.fit_view(lons, lats)
    px_per_degree = 512 * 2 ** view.zoom / 360
    assert (lons.max() - lons.min()) * px_per_degree <= 360
    assert (lats.max() - lats.min()) / math.cos(math.radians(18.7)) * px_per_degree <= maps.MAP_HEIGHT
    assert view.zoom > 10          # and not zoomed out to the whole country


def test_village_map_sizes_by_households_and_says_the_stage():
    villages = pd.DataFrame([
        {"code": "1", "moo": 1, "name_th": "บ้านหนึ่ง", "name_en": "One", "subdistrict_th": "ก",
         "subdistrict_en": "K", "lat": 18.7, "lon": 99.0, "is_pilot": True, "stage_rank": 4,
         "households": 20, "groups_formed": 1, "groups_5k": 1, "next_k": None},
        {"code": "2", "moo": 2, "name_th": "บ้านสอง", "name_en": "Two", "subdistrict_th": "ก",
         "subdistrict_en": "K", "lat": 18.71, "lon": 99.01, "is_pilot": False, "stage_rank": 1,
         "households": 0, "groups_formed": 0, "groups_5k": 0, "next_k": None},
    ])
    spec = json.loads(maps.village_map(villages, maps.outlines_frame(
        pd.DataFrame({"code": [], "lon": [], "lat": []}), pd.DataFrame(), "en"), "en").to_json())
    one, two = layer(spec, "villages")
    assert one["radius"] > two["radius"]
    assert one["tooltip"].splitlines() == ["One", "Moo 1, K", "Stage: All 5 K", "Households: 20",
                                           "Groups: 1 (1 with all 5 K)", "Next: Nothing missing"]
    assert "Next: Households enrolled" in two["tooltip"]
    assert two["colour"][:3] == [0xE6, 0x9F, 0x00]
