"""The Map and Groups queries equal plain SQL on the raw tables, on the Saraphi sample and on
a small dataset that spans two provinces (and two districts of one of them: conftest's
`two_provinces`)."""

from __future__ import annotations

import datetime as dt

import pytest

from samma import queries
from samma.domain import FIVE_K


def test_area_progress_aggregates_each_province(on_two_provinces):
    sql = on_two_provinces
    areas = queries.area_progress("").set_index("code")
    assert list(areas.index) == ["50", "51"]
    assert areas.loc["51", "name_en"] == "Lamphun"
    for code in ("50", "51"):
        assert areas.loc[code, "villages"] == sql(
            "SELECT count(*) FROM village WHERE code LIKE ? || '%'", [code])[0][0]
        assert areas.loc[code, "households"] == sql(
            "SELECT count(*) FROM household WHERE village_code LIKE ? || '%'", [code])[0][0]
        assert areas.loc[code, "groups_5k"] == sql("""
            SELECT count(*) FROM (SELECT owner_code FROM milestone WHERE owner_code LIKE 'G' || ? || '%'
                                  GROUP BY 1 HAVING count(*) = 5)""", [code])[0][0]
    # Lamphun: one village at each of all 5 K, households, target only: half reached households.
    assert areas.loc["51", "typical_rank"] == 2
    assert list(queries.area_progress("50")["code"]) == ["5001", "5019"]
    assert list(queries.area_progress("51")["code"]) == ["5101"]


def test_outline_points_are_villages_of_their_area(on_two_provinces):
    sql = on_two_provinces
    points = queries.area_outline_points("")
    assert set(points["code"]) == {"50", "51"}
    positions = {(round(lon, 5), round(lat, 5), code[:2]) for code, lon, lat in sql(
        "SELECT code, lon, lat FROM village")}
    for row in points.itertuples():
        assert (round(row.lon, 5), round(row.lat, 5), row.code) in positions
    # Within a subdistrict, the outline is that subdistrict's, not its neighbours'.
    assert set(queries.area_outline_points("510101")["code"]) == {"510101"}


def test_villages_on_map_and_their_next_missing_k(sql):
    villages = queries.villages_on_map("5019").set_index("code")
    assert len(villages) == 34
    households = dict(sql("SELECT village_code, count(*) FROM household GROUP BY 1"))
    for code, row in villages.iterrows():
        assert row["households"] == households.get(code, 0)
    reached: dict[str, set[str]] = {}
    for _, village, k in sql("""SELECT g.code, g.village_code, m.k FROM occupation_group g
                                    LEFT JOIN milestone m ON m.owner_code = g.code
                                    WHERE g.formed IS NOT NULL"""):
        reached.setdefault(village, set()).update({k} if k else set())
    for code, row in villages.iterrows():
        missing = [k for k in FIVE_K if k not in reached.get(code, set(FIVE_K))]
        shown = row["next_k"] if isinstance(row["next_k"], str) else None
        assert shown == (missing[0] if missing else None), code
    assert villages.loc["50191007", "next_k"] == "fund"


def test_village_card_equals_plain_sql(sql):
    code = "50191007"
    card = queries.village_card(code)
    assert card["sages"] == sql("SELECT count(*) FROM sage WHERE village_code = ?", [code])[0][0]
    assert card["households"] == sql("SELECT count(*) FROM household WHERE village_code = ?", [code])[0][0]
    cash, in_kind = sql("""
        SELECT coalesce(sum(amount_baht) FILTER (WHERE kind = 'cash'), 0),
               coalesce(sum(amount_baht) FILTER (WHERE kind = 'in_kind'), 0)
        FROM contribution WHERE partner_code IS NOT NULL AND group_code = 'G' || ?""", [code])[0]
    assert card["support"]["cash"].sum() == pytest.approx(float(cash))
    assert card["support"]["in_kind"].sum() == pytest.approx(float(in_kind))
    sales = sql("SELECT sum(amount_baht) FROM sale WHERE product_code LIKE 'G' || ? || '-%'", [code])[0][0]
    assert card["sales"] == pytest.approx(float(sales))
    capital = sql("""SELECT sum(CASE entry WHEN 'loss' THEN -amount_baht ELSE amount_baht END)
                     FROM fund_entry WHERE bucket = 'revolving' AND group_code = 'G' || ?
                     AND entry IN ('paid_in', 'profit', 'loss')""", [code])[0][0]
    assert card["revolving_now"] == pytest.approx(float(capital))
    assert card["next_k"] == "fund"           # Moo 7 has committee, members and rules
    assert queries.village_card("99999999") is None


def test_funnel_denominators(sql):
    funnel = queries.formation_funnel("").set_index("step")
    villages = sql("SELECT count(*) FROM village WHERE is_target")[0][0]
    formed = sql("SELECT count(*) FROM occupation_group WHERE formed IS NOT NULL")[0][0]
    expected = {
        "target_villages": (villages, villages),
        "villages_with_sages": (sql("""SELECT count(*) FROM (SELECT village_code FROM sage GROUP BY 1
                                       HAVING count(*) >= 5 AND count(*) FILTER (WHERE role = 'lead') >= 1)
                                    """)[0][0], villages),
        "households": (sql("SELECT count(*) FROM household")[0][0], 20 * villages),
        "groups_formed": (formed, villages),
        "groups_5k": (sql("""SELECT count(*) FROM (SELECT owner_code FROM milestone
                             WHERE owner_kind = 'group' GROUP BY 1 HAVING count(*) = 5)""")[0][0], formed),
        "groups_sold": (sql("SELECT count(DISTINCT p.group_code) FROM sale s "
                            "JOIN product p ON p.code = s.product_code")[0][0], formed),
    }
    assert list(funnel.index) == list(expected)
    for step, (value, denominator) in expected.items():
        assert (funnel.loc[step, "value"], funnel.loc[step, "denominator"]) == (value, denominator), step


def test_five_k_matrix_cells(sql):
    matrix = queries.five_k_matrix("501910")
    assert len(matrix) == 13 * 5
    assert matrix["reached"].notna().sum() == sql(
        "SELECT count(*) FROM milestone WHERE owner_code LIKE 'G501910%'")[0][0]
    first = matrix[(matrix["village_code"] == "50191001") & (matrix["k"] == "committee")].iloc[0]
    assert first["reached"].date() == sql(
        "SELECT reached FROM milestone WHERE owner_code = 'G50191001' AND k = 'committee'")[0][0]


def test_formation_progress_against_plan(sql):
    actual, targets = queries.formation_progress("5019")
    last = actual[actual["month"] == actual["month"].max()].set_index("indicator")["value"]
    assert last["households_trained"] == sql(
        "SELECT count(*) FROM household WHERE village_code LIKE '501910%'")[0][0]
    assert last["groups_formed"] == 13
    expected = sql("""SELECT step, indicator, target_value FROM plan_target WHERE area_code = '501910'
                      AND indicator IN ('households_trained', 'groups_formed', 'groups_5k')""")
    shown = {(r.step, r.indicator): r.target for r in targets.itertuples()}
    assert shown == {(s, i): float(v) for s, i, v in expected}
    # The line starts two years before the plan, and nowhere is there a plan but in Tha Wang Tan.
    assert actual["month"].min().date() == dt.date(2023, 10, 1)
    assert queries.formation_progress("501901")[1].empty
