"""The Plan page: status per step overall and per village, the evaluation, bad links."""

import duckdb
import pytest

from tests.conftest import READY_VILLAGE, chart_rows, open_page, run_app
from tests.test_income import LATEST_MEDIAN


def _chart_texts(at) -> list[str]:
    """The words under the bars of the status the open section draws (the network's or a
    village's): one chart on a normal screen."""
    assert len(at.get("vega_lite_chart")) == 1
    return list(chart_rows(at, 0)["under"])


def test_plan_defaults_to_one_year_with_statuses_in_words(sql):
    at = run_app("plan")
    assert not at.exception
    assert at.session_state["step"] == "year1"
    target_5k = sql("SELECT target_value FROM plan_target WHERE step = 'year1' "
                    "AND indicator = 'groups_5k' AND area_code = '501910'")[0][0]
    groups_5k = sql("SELECT count(*) FROM (SELECT owner_code FROM milestone WHERE owner_kind = 'group' "
                    "AND owner_code LIKE 'G501910%' GROUP BY 1 HAVING count(*) = 5)")[0][0]
    assert groups_5k < target_5k                     # the sample is behind on the 5 K
    texts = _chart_texts(at)
    assert f"ล่าช้า · {groups_5k} จาก {target_5k:.0f}" in texts
    households = sql("SELECT count(*) FROM household WHERE village_code LIKE '501910%'")[0][0]
    assert f"ถึงเป้าแล้ว · {households} จาก {households}" in texts
    # Members' income: the median of the latest follow-ups against the averaged target, in words.
    income = sql(LATEST_MEDIAN.format(villages="LIKE '501910%'"))[0][0]
    target = sql("SELECT target_value FROM plan_target WHERE step = 'year1' "
                 "AND indicator = 'income' AND area_code = '501910'")[0][0]
    assert income >= target
    assert f"ถึงเป้าแล้ว · {income:,.0f} บาท จาก {target:,.0f} บาท" in texts
    assert "step" not in at.query_params



def test_on_a_projector_the_status_is_two_charts_side_by_side_holding_every_indicator():
    """Split so that the names stay large on one screen: the first half of the indicators in one
    chart, the rest in the other, none lost or repeated."""
    screen = [*chart_rows(run_app("plan"), 0)["label"]]
    at = run_app("plan", projector="1")
    assert not at.exception
    halves = [list(chart_rows(at, n)["label"]) for n in range(2)]
    assert len(at.get("vega_lite_chart")) == 2
    assert halves[0] + halves[1] == screen
    assert len(halves[0]) == (len(screen) + 1) // 2


def test_the_figures_behind_the_chart_are_worked_out_when_opened(sql):
    """Closed, the section draws no table; opened, the table says each indicator's target and
    actual, in figures."""
    at = open_page("plan", "en")
    assert [e.label for e in at.expander][0] == "Targets and figures"
    assert not at.dataframe
    at.session_state["plan_figures"] = True
    at.run()
    table = at.dataframe[0].value.set_index("Indicator")
    target_5k = sql("SELECT target_value FROM plan_target WHERE step = 'year1' "
                    "AND indicator = 'groups_5k' AND area_code = '501910'")[0][0]
    groups_5k = sql("SELECT count(*) FROM (SELECT owner_code FROM milestone WHERE owner_kind = 'group' "
                    "AND owner_code LIKE 'G501910%' GROUP BY 1 HAVING count(*) = 5)")[0][0]
    assert table.loc["Groups with all 5 K", ["Target", "Actual now", "Status"]].tolist() == [
        f"{target_5k:,.0f}", f"{groups_5k:,}", "Behind"]
    households = sql("SELECT count(*) FROM household WHERE village_code LIKE '501910%'")[0][0]
    assert table.loc["Households trained", "Actual now"] == f"{households:,}"

def test_step_and_village_from_the_link(sql):
    overall = open_page("plan", "en", step="year3", village="50191004")
    assert "due 30 Sep 2028" in " ".join(c.value for c in overall.caption)
    at = open_page("plan", "en", section="village", step="year3", village="50191004")
    assert at.query_params["step"] == "year3" and at.query_params["village"] == "50191004"
    assert at.selectbox(key="village").value == "50191004"
    village = _chart_texts(at)
    target = sql("SELECT target_value FROM plan_target WHERE step = 'year3' "
                 "AND indicator = 'revolving_fund' AND area_code = '50191004'")[0][0]
    assert any(f"of ฿{target:,.0f}" in text for text in village)
    assert village.count("No target") == 5        # only the fund has a 3-year target here


def test_changing_the_step_updates_the_link():
    at = run_app("plan")
    at.session_state["step"] = "quarter"
    at.run()
    assert at.query_params["step"] == "quarter"
    assert "ครบกำหนด 31 ธ.ค. 2568" in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("params", [{"step": "year2"}, {"step": ""}, {"village": "501910"},
                                    {"village": "../../etc"}, {"step": "YEAR1", "village": "x"}])
def test_bad_step_or_village_gets_a_notice_and_the_default(params):
    at = open_page("plan", section="village", **params)
    notices = " ".join(w.value for w in at.warning)
    for key in params:
        assert f'"{key}"' in notices
    assert at.session_state["step"] == "year1"
    assert at.selectbox(key="village").value == "50191001"


def test_evaluation_says_what_changed_and_how_readiness_is_judged(sql):
    at = open_page("plan", "en", section="changes")
    subheaders = [s.value for s in at.subheader]
    assert "What changed since the 1 year step fell due (30 Sep 2026)" in subheaders
    changed = at.dataframe[0].value.set_index("Indicator")
    fund_then = sql("""SELECT sum(CASE entry WHEN 'loss' THEN -amount_baht ELSE amount_baht END)
                       FROM fund_entry WHERE bucket = 'revolving' AND entry IN ('paid_in', 'profit', 'loss')
                       AND group_code LIKE 'G501910%' AND date <= DATE '2026-09-30'""")[0][0]
    assert changed.loc["Revolving fund", "Then"] == f"฿{fund_then:,.0f}"
    criteria = " ".join(m.value for m in open_page("plan", "en", section="readiness").markdown)
    assert "all 5 K" in criteria and "paid in" in criteria and "market event" in criteria


# A village is ready when every group it formed has all 5 K (and it formed one), it has a
# revolving fund and no group's capital is below what was paid in (losses above profits), and its
# groups sold at a market event. The plan covers Tha Wang Tan (501910).
READY_VILLAGES = """
    WITH g AS (
        SELECT og.village_code,
               (SELECT count(*) FROM milestone m WHERE m.owner_kind = 'group' AND m.owner_code = og.code) = 5 AS all_5k,
               EXISTS (SELECT 1 FROM fund_entry f WHERE f.group_code = og.code AND f.bucket = 'revolving') AS fund,
               (SELECT coalesce(sum(amount_baht) FILTER (WHERE entry = 'loss'), 0)
                       > coalesce(sum(amount_baht) FILTER (WHERE entry = 'profit'), 0)
                FROM fund_entry f WHERE f.group_code = og.code AND f.bucket = 'revolving') AS lost,
               EXISTS (SELECT 1 FROM sale s JOIN product p ON p.code = s.product_code
                       WHERE p.group_code = og.code) AS sold
        FROM occupation_group og WHERE og.formed IS NOT NULL AND og.village_code LIKE '501910%')
    SELECT v.name_en FROM village v JOIN g ON g.village_code = v.code GROUP BY v.code, v.name_en
    HAVING bool_and(all_5k) AND bool_or(fund) AND NOT bool_or(lost) AND bool_or(sold) ORDER BY v.code"""


def test_villages_ready_counts_villages_not_groups(edited_pilot, monkeypatch):
    """On the pilot with a second, new group (one K of 5) in a village whose first group is ready:
    that village is not ready, though one of its groups is."""
    monkeypatch.setenv("SAMMA_DB", str(edited_pilot))
    con = duckdb.connect(str(edited_pilot), read_only=True)
    two = con.execute("SELECT village_code FROM occupation_group WHERE formed IS NOT NULL "
                      "GROUP BY 1 HAVING count(*) > 1").fetchall()
    ready = [name for (name,) in con.execute(READY_VILLAGES).fetchall()]
    villages = con.execute("SELECT count(*) FROM village WHERE subdistrict_code = '501910'").fetchone()[0]
    con.close()
    assert two == [(READY_VILLAGE,)] and "Moo 1, Tha Wang Tan" not in ready and ready
    at = open_page("plan", "en", section="readiness")
    metric = next(m for m in at.metric if m.label == "Villages ready")
    assert (metric.value, metric.proto.delta) == (str(len(ready)), f"of {villages}")
    table = at.dataframe[-1].value
    assert list(table.loc[table["Ready"] == "✓ Yes", "Village"]) == ready
    assert len(table) == villages


def test_a_database_without_plan_or_events_says_so(monkeypatch, tmp_path):
    import datetime as dt

    from samma import db

    empty = tmp_path / "empty.duckdb"
    db.write_database(empty, lambda con: con.execute(
        "INSERT INTO dataset VALUES ('ว่าง', 'Empty', FALSE, ?, ?, ?, FALSE)",
        [dt.date(2026, 1, 1), db.SCHEMA_VERSION, dt.datetime(2026, 1, 1)]))
    monkeypatch.setenv("SAMMA_DB", str(empty))
    plan_page = run_app("plan", lang="en")
    assert not plan_page.exception
    assert [i.value for i in plan_page.info] == ["No plan in the data yet"]
    market = run_app("market", lang="en", event="E1")
    assert not market.exception
    assert [i.value for i in market.info] == ["No market events in the data yet"]
