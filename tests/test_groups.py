"""The Groups page. The funnel's figures and denominators, the village × 5 K matrix and
progress against the plan, equal to plain SQL; and the chart builders checked as data."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from samma import charts
from samma.domain import FIVE_K
from tests.conftest import across, open_page, page_specs, specs, to_section, whole_page

# The 5 K in the order the source lists them, with the matrix's Thai column names.
FIVE_K_TH = (("committee", "กรรมการ"), ("members", "กลุ่มสมาชิก"), ("rules", "กฎระเบียบ"),
             ("fund", "กองทุน"), ("activities", "กิจกรรม"))


def open_groups(lang: str | None = None, **query_params: str):
    return open_page("groups", lang, **query_params)


def rows(chart) -> list[dict]:
    """Rows of a page chart (already rows) or of a builder's `to_dict()` spec."""
    if isinstance(chart, list):
        return chart
    return [row for data in chart.get("datasets", {}).values() for row in data]


def test_funnel_matrix_and_progress_equal_plain_sql(sql):
    pages = whole_page("groups")
    funnel, matrix, *progress, _income_bands, _income_spread = page_specs(pages)
    lines = {r["step"]: r["text"] for r in rows(funnel)}
    households = sql("SELECT count(*) FROM household")[0][0]
    villages = sql("SELECT count(*) FROM village WHERE is_target")[0][0]
    assert lines["households"] == (f"ครัวเรือนที่เข้าร่วม\n{households} จาก {20 * villages} "
                                   f"ครัวเรือนตามแผน (20 ต่อหมู่บ้าน) ({100 * households / (20 * villages):.0f}%)")
    formed = sql("SELECT count(*) FROM occupation_group WHERE formed IS NOT NULL")[0][0]
    with_5k = sql("""SELECT count(*) FROM (SELECT owner_code FROM milestone WHERE owner_kind = 'group'
                     GROUP BY 1 HAVING count(*) = 5)""")[0][0]
    assert lines["groups_5k"].startswith(f"กลุ่มที่ครบ 5 ก.\n{with_5k} จาก {formed} กลุ่มที่จัดตั้งแล้ว")

    # Every cell from the milestones: the Buddhist-era year a K was reached, "ถัดไป" (next) in
    # the group's first missing K in the source's order, "–" after it. In the sample each
    # village has one group, so a row is a village.
    villages = [name for (name,) in sql("""SELECT v.name_th FROM occupation_group g
        JOIN village v ON v.code = g.village_code WHERE g.formed IS NOT NULL""")]
    assert len(villages) == len(set(villages)) == formed
    reached = {(name, k): str(year) for name, k, year in sql("""
        SELECT v.name_th, m.k, year(m.reached) + 543 FROM milestone m
        JOIN occupation_group g ON g.code = m.owner_code AND m.owner_kind = 'group'
        JOIN village v ON v.code = g.village_code""")}
    expected = {}
    for name in villages:
        missing = [k for k, _ in FIVE_K_TH if (name, k) not in reached]
        for k, column in FIVE_K_TH:
            expected[name, column] = reached.get((name, k)) or ("ถัดไป" if k == missing[0] else "–")
    cells = rows(matrix)
    assert len(cells) == 5 * formed
    assert {(c["row"], c["column"]): c["cell"] for c in cells} == expected
    # Rows whose years differ from one K to the next, and rows part-way: a cell showing another
    # K's year or status would not go unnoticed.
    assert any(len({reached.get((name, k)) for k, _ in FIVE_K_TH} - {None}) > 1 for name in villages)
    assert {"ถัดไป", "–"} <= set(expected.values())

    assert len(progress) == 3
    targets = {(r["step"], r["target"]) for r in rows(progress[0]) if "step" in r}
    expected = sql("SELECT step, target_value FROM plan_target WHERE area_code = '501910' "
                   "AND indicator = 'households_trained'")
    assert targets == {(s, float(v)) for s, v in expected}
    assert any("(1 ตำบล)" in c.value for c in across(pages, "caption"))


def test_subdistrict_narrows_every_chart(sql):
    pages = whole_page("groups", subdistrict="501901")
    funnel, matrix, *progress, _income_bands, _income_spread = page_specs(pages)
    assert {r["step"]: r["value"] for r in rows(funnel)}["target_villages"] == 2
    assert {c["row"] for c in rows(matrix)} == {"หมู่ที่ 9 ต.ยางเนิ้ง", "หมู่ที่ 10 ต.ยางเนิ้ง"}
    # Yang Noeng has no three-step plan: the page says so instead of comparing with another's.
    assert not progress
    assert across(pages, "info")[0].value == "ยังไม่มีแผนขยับ 3 ขั้นสำหรับพื้นที่นี้"


def test_groups_page_drills_down_two_provinces(on_two_provinces):
    sql = on_two_provinces
    at = open_groups()
    funnel = rows(specs(at)[0])
    assert {r["step"]: r["value"] for r in funnel}["target_villages"] == sql(
        "SELECT count(*) FROM village WHERE is_target")[0][0] == 39
    at.selectbox(key="province").set_value("51").run()
    assert not at.exception
    funnel = specs(at)[0]
    matrix = specs(to_section(at, "five_k"))[0]         # the province stays chosen on the next tab
    values = {r["step"]: (r["value"], r["denominator"]) for r in rows(funnel)}
    assert values["target_villages"] == (3, 3)
    assert values["households"] == (sql("SELECT count(*) FROM household WHERE village_code LIKE '51%'")[0][0], 60)
    assert {c["row"] for c in rows(matrix)} == {"หมู่ที่ 1 ต.ในเมือง"}


def test_groups_page_in_english():
    pages = whole_page("groups", "en")
    assert all(at.title[0].value == "Occupational groups and the 5 K" for at in pages.values())
    funnel, matrix, *_ = page_specs(pages)
    assert any(r["text"].startswith("Target villages\n34 of 34 target villages") for r in rows(funnel))
    assert {c["column"] for c in rows(matrix)} == {"Committee", "Members", "Rules", "Fund", "Activities"}
    assert any(c["cell"] == "next" for c in rows(matrix))


def test_bad_subdistrict_in_a_link():
    at = open_groups(subdistrict="999999")
    assert any("\"subdistrict\"" in w.value and "999999" not in w.value for w in at.warning)
    assert at.selectbox(key="subdistrict").value == ""


# --- the builders, as data ------------------------------------------------------------------

def test_funnel_chart_measures_each_step_against_its_own_base():
    funnel = pd.DataFrame([
        {"step": "target_villages", "value": 10, "denominator": 10, "denominator_key": "of_target_villages"},
        {"step": "households", "value": 150, "denominator": 200, "denominator_key": "of_households_planned"},
        {"step": "groups_5k", "value": 0, "denominator": 0, "denominator_key": "of_groups_formed"},
    ])
    data = {r["step"]: r for r in rows(charts.funnel_chart(funnel, "en").to_dict())}
    assert data["households"]["share"] == 0.75
    assert data["households"]["text"] == "Households enrolled\n150 of 200 planned households (20 a village) (75%)"
    assert data["groups_5k"]["share"] == 0.0          # no groups yet: no division by zero


def test_five_k_chart_writes_the_status_in_each_cell():
    matrix = pd.DataFrame([
        {"village_code": "1", "village_th": "บ้านหนึ่ง", "village_en": "One", "group_code": "G1",
         "group_th": "ก", "group_en": "G", "k": k, "k_ord": i + 1,
         "reached": pd.Timestamp("2018-01-15") if i < 2 else pd.NaT, "next_k": "rules"}
        for i, k in enumerate(FIVE_K)])
    cells = {r["column"]: (r["status"], r["cell"], r["when"])
             for r in rows(charts.five_k_chart(matrix, "th").to_dict())}
    assert cells["กรรมการ"] == ("reached", "2561", "15 ม.ค. 2561")
    assert cells["กฎระเบียบ"] == ("next", "ถัดไป", "–")
    assert cells["กิจกรรม"] == ("missing", "–", "–")


def test_progress_chart_labels_targets_in_the_language():
    actual = pd.DataFrame({"month": pd.to_datetime(["2025-10-01", "2025-11-01"]),
                           "indicator": "groups_formed", "value": [3, 5]})
    targets = pd.DataFrame({"step": ["quarter", "year3"], "indicator": "groups_formed",
                            "target": [6.0, 12.0], "due": [dt.date(2025, 12, 31), dt.date(2028, 9, 30)],
                            "subdistricts": 1})
    spec = charts.progress_chart(actual, targets, "groups_formed", "th").to_dict()
    labels = {r["label"] for r in rows(spec) if "label" in r}
    assert labels == {"ไตรมาส 6", "3 ปี 12"}
    assert "'%Y')) + 543" in json.dumps(spec)                 # Buddhist-era years on the axis
