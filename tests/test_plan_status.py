"""The plan's status logic against hand-made cases, and the plan figures against plain SQL."""

import datetime as dt

import pandas as pd
import pytest

from samma import plan, queries
from tests.test_income import LATEST_MEDIAN

START, DUE = dt.date(2025, 10, 1), dt.date(2026, 9, 30)   # 364 days
HALFWAY = dt.date(2026, 3, 31)                              # 181 days in


def test_expected_is_a_straight_line_from_start_to_due():
    assert plan.expected_by(100, 464, START, DUE, START) == 100
    assert plan.expected_by(100, 464, START, DUE, DUE) == 464
    assert plan.expected_by(100, 464, START, DUE, dt.date(2026, 4, 1)) == 100 + 364 * 182 / 364
    assert plan.expected_by(100, 464, START, DUE, dt.date(2024, 1, 1)) == 100   # before the start
    assert plan.expected_by(100, 464, START, DUE, dt.date(2030, 1, 1)) == 464   # after the due date


@pytest.mark.parametrize("actual, target, day, expected", [
    (20, 20, HALFWAY, plan.REACHED),          # exactly at the target
    (20, 20, DUE + dt.timedelta(days=30), plan.REACHED),
    (25, 20, HALFWAY, plan.REACHED),
    (19, 20, DUE, plan.BEHIND),               # just behind on the due date
    (19.99, 20, DUE + dt.timedelta(days=1), plan.BEHIND),   # due date passed
    (10, 20, dt.date(2026, 4, 1), plan.ON_TRACK),   # line says 10 on day 182 of 364
    (9.99, 20, dt.date(2026, 4, 1), plan.BEHIND),   # just under the line
    (0, 20, START, plan.ON_TRACK),            # nothing expected yet on the first day
    (5, None, HALFWAY, plan.NO_TARGET),       # no target set
    (None, 20, HALFWAY, plan.NOT_RECORDED),   # no figure recorded
    (None, None, HALFWAY, plan.NOT_RECORDED),
])
def test_status_hand_made_cases(actual, target, day, expected):
    assert plan.status(actual, target, 0, START, DUE, day) == expected


def test_on_track_counts_from_the_value_at_plan_start_not_from_zero():
    # 100 at the start, 200 due: halfway the line stands at 150, so 140 is behind...
    assert plan.status(140, 200, 100, START, DUE, dt.date(2026, 4, 1)) == plan.BEHIND
    # ...though it would be on track measured from zero (the line at 100).
    assert plan.status(140, 200, 0, START, DUE, dt.date(2026, 4, 1)) == plan.ON_TRACK


def test_the_same_shortfall_is_on_track_before_the_due_date_and_behind_after():
    assert plan.status(15, 20, 10, START, DUE, dt.date(2026, 4, 1)) == plan.ON_TRACK
    assert plan.status(15, 20, 10, START, DUE, DUE + dt.timedelta(days=1)) == plan.BEHIND


def _targets(rows):
    return pd.DataFrame(rows, columns=["indicator", "target", "plan_start", "due"])


def _figures(rows):
    return pd.DataFrame(rows, columns=["indicator", "at_start", "since", "now"])


def test_step_status_reads_targets_and_figures_per_indicator():
    targets = _targets([("groups_5k", 3.0, START, DUE), ("sales", 1000.0, START, DUE)])
    figures = _figures([("groups_5k", 0.0, 1.0, 2.0), ("sales", 100.0, 100.0, 500.0),
                        ("households_trained", 20.0, 20.0, 20.0)])
    on_due = plan.step_status(targets, figures, DUE).set_index("indicator")
    assert on_due.loc["groups_5k", ["target", "actual", "baseline"]].tolist() == [3.0, 2.0, 0.0]
    assert on_due.loc["groups_5k", "status"] == plan.BEHIND          # due, and short of 3
    assert on_due.loc["households_trained", "status"] == plan.NO_TARGET
    assert on_due.loc["income", "status"] == plan.NOT_RECORDED       # absent from the figures
    halfway = plan.step_status(targets, figures, dt.date(2026, 4, 1)).set_index("indicator")
    # the line from 100 at the start to 1,000 due stands at 550 on day 182 of 364: 500 is behind
    assert halfway.loc["sales", "expected"] == 550.0
    assert halfway.loc["sales", "status"] == plan.BEHIND
    # the line from 0 to 3 stands at 1.5: 2 groups are on track
    assert halfway.loc["groups_5k", "status"] == plan.ON_TRACK
    assert list(on_due.index) == list(plan.INDICATORS)


def test_no_targets_at_all_is_no_target_everywhere_recorded():
    figures = _figures([("sales", 0.0, 0.0, 5.0)])
    out = plan.step_status(_targets([]), figures, HALFWAY).set_index("indicator")
    assert out.loc["sales", "status"] == plan.NO_TARGET and out.loc["sales", "actual"] == 5.0
    assert set(out.drop(index="sales")["status"]) == {plan.NOT_RECORDED}


def test_last_step_passed():
    steps = pd.DataFrame([("quarter", START, dt.date(2025, 12, 31)), ("year1", START, DUE)],
                         columns=["step", "plan_start", "due"])
    assert plan.last_step_passed(steps, dt.date(2025, 12, 30)) is None
    assert plan.last_step_passed(steps, dt.date(2025, 12, 31)) == ("quarter", dt.date(2025, 12, 31))
    assert plan.last_step_passed(steps, dt.date(2027, 1, 1)) == ("year1", DUE)
    assert plan.plan_start(steps) == START


def test_changes_are_now_less_then_in_the_plans_order():
    figures = _figures([("sales", 0.0, 100.0, 350.0), ("groups_formed", 1.0, 4.0, 3.0)])
    out = plan.changes(figures)
    assert out.to_dict("records") == [
        {"indicator": "groups_formed", "then": 4.0, "now": 3.0, "change": -1.0},
        {"indicator": "sales", "then": 100.0, "now": 350.0, "change": 250.0}]


def test_readiness_needs_all_three_checks():
    villages = pd.DataFrame([
        # code, formed, 5k, below floor, with fund, events
        ("A", 1, 1, 0, 1, 2),
        ("B", 1, 0, 0, 1, 2),   # a group without all 5 K
        ("C", 1, 1, 1, 1, 2),   # capital below what was paid in
        ("D", 1, 1, 0, 1, 0),   # never sold at an event
        ("E", 0, 0, 0, 0, 0),   # no group at all
    ], columns=["code", "groups_formed", "groups_5k", "groups_below_floor", "groups_with_fund",
                "events_sold"])
    out = plan.readiness(villages).set_index("code")
    assert out["ready"].to_dict() == {"A": True, "B": False, "C": False, "D": False, "E": False}
    assert not out.loc["E", "all_5k"] and not out.loc["E", "fund_at_floor"]


# --- the plan's figures on the sample equal plain SQL ------------------------------------------

AS_OF = dt.date(2026, 10, 31)
PLAN_START = dt.date(2025, 10, 1)


def test_plan_figures_equal_plain_sql(sql):
    values = queries.plan_figures(PLAN_START, PLAN_START, AS_OF).set_index("indicator")["now"]
    in_tha_wang_tan = "IN (SELECT code FROM village WHERE subdistrict_code = '501910')"
    assert values["households_trained"] == sql(
        f"SELECT count(*) FROM household WHERE village_code {in_tha_wang_tan}")[0][0]
    assert values["groups_formed"] == sql(
        f"SELECT count(*) FROM occupation_group WHERE formed IS NOT NULL AND village_code {in_tha_wang_tan}")[0][0]
    assert values["groups_5k"] == sql(f"""
        SELECT count(*) FROM occupation_group g WHERE g.village_code {in_tha_wang_tan}
        AND (SELECT count(*) FROM milestone m WHERE m.owner_kind = 'group' AND m.owner_code = g.code) = 5""")[0][0]
    assert values["revolving_fund"] == pytest.approx(float(sql(f"""
        SELECT sum(CASE entry WHEN 'loss' THEN -amount_baht ELSE amount_baht END) FROM fund_entry
        WHERE bucket = 'revolving' AND entry <> 'loan_out' AND entry <> 'repayment'
        AND group_code IN (SELECT code FROM occupation_group WHERE village_code {in_tha_wang_tan})""")[0][0]))
    assert values["sales"] == pytest.approx(float(sql(f"""
        SELECT sum(s.amount_baht) FROM sale s, product p, occupation_group g, market_event e
        WHERE s.product_code = p.code AND p.group_code = g.code AND e.code = s.event_code
        AND e.date >= DATE '2025-10-01' AND g.village_code {in_tha_wang_tan}""")[0][0]))
    # Income: the median of the latest follow-ups of the households surveyed before joining and
    # after it, in the plan's villages.
    assert values["income"] == sql(LATEST_MEDIAN.format(villages=in_tha_wang_tan))[0][0]


def test_plan_figures_on_past_days_leave_out_what_came_later(sql):
    start, since = dt.date(2018, 1, 1), dt.date(2019, 1, 1)
    figures = queries.plan_figures(start, since, AS_OF).set_index("indicator")
    assert figures.at["groups_formed", "since"] == sql(
        "SELECT count(*) FROM occupation_group WHERE formed <= DATE '2019-01-01' "
        "AND village_code LIKE '501910%'")[0][0]
    assert figures.at["groups_formed", "at_start"] == sql(
        "SELECT count(*) FROM occupation_group WHERE formed <= DATE '2018-01-01' "
        "AND village_code LIKE '501910%'")[0][0]
    assert figures.at["sales", "since"] == pytest.approx(float(sql(
        "SELECT sum(s.amount_baht) FROM sale s JOIN market_event e ON e.code = s.event_code "
        "JOIN product p ON p.code = s.product_code WHERE p.group_code LIKE 'G501910%' "
        "AND e.date BETWEEN DATE '2018-01-01' AND DATE '2019-01-01'")[0][0]))


def test_one_villages_figures_and_targets_are_its_own(sql):
    village = "50191004"
    figures = queries.plan_figures(PLAN_START, PLAN_START, AS_OF, village).set_index("indicator")
    assert figures.at["households_trained", "now"] == sql(
        "SELECT count(*) FROM household WHERE village_code = ?", [village])[0][0]
    targets = queries.plan_step_targets("year3", village).set_index("indicator")
    assert targets["target"].to_dict() == {i: float(v) for i, v in sql(
        "SELECT indicator, target_value FROM plan_target WHERE step = 'year3' AND area_code = ?",
        [village])}
    overall = queries.plan_step_targets("year1").set_index("indicator")
    assert overall["target"].to_dict() == {i: float(v) for i, v in sql(
        "SELECT indicator, sum(target_value) FROM plan_target WHERE step = 'year1' "
        "AND length(area_code) = 6 GROUP BY 1")}


def test_village_readiness_counts_equal_plain_sql(sql):
    ready = queries.village_readiness().set_index("code")
    assert list(ready.index) == [c for (c,) in sql(
        "SELECT code FROM village WHERE subdistrict_code = '501910' ORDER BY code")]   # the plan's villages
    below = {row[0] for row in sql("""
        SELECT g.village_code FROM fund_entry f JOIN occupation_group g ON g.code = f.group_code
        WHERE f.bucket = 'revolving' AND g.village_code LIKE '501910%'
        GROUP BY g.code, g.village_code
        HAVING sum(f.amount_baht) FILTER (WHERE entry = 'loss')
             > sum(f.amount_baht) FILTER (WHERE entry = 'profit')""")}
    assert set(ready.index[ready["groups_below_floor"] > 0]) == below
    events = dict(sql("""SELECT g.village_code, count(DISTINCT s.event_code) FROM sale s
        JOIN product p ON p.code = s.product_code JOIN occupation_group g ON g.code = p.group_code
        GROUP BY 1"""))
    assert {c: int(ready.loc[c, "events_sold"]) for c in ready.index if c in events} == \
        {c: n for c, n in events.items() if c in ready.index}
