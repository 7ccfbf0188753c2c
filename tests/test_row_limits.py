"""Every page that shows only part of a long list says so: "more than 60 groups" on Groups, "the
latest 30 of N events" on Market, "the first 200 of N rows" under the Funds rule tables and the
Plan's readiness table. On synthetic networks just large enough to need it
(`sample.build(path, villages=N)`), each built once a session; expected figures in plain SQL.

The smallest networks found that cross each limit (the counts do not grow steadily with N: found
by bisection, then checked around it): more than 60 groups, 68 villages; more than 30 events,
130; more than 200 groups with a fund, 230; more than 200 villages under the plan, 1,805. The
first three are all tested on 230 villages. (More than 200 grants and load warnings are tested on
the edited pilot: tests/test_funds_page.py.) Each test first checks that its network still
crosses its limit, so a change to the generator shows as that, not as a notice left untested."""

from __future__ import annotations

import duckdb
import pytest

from samma import sample
from tests.conftest import across, open_page, page_specs, whole_page


@pytest.fixture(scope="session")
def network(tmp_path_factory):
    """network(villages) -> the path of a synthetic network of that size, built once."""
    built = {}

    def of(villages: int):
        if villages not in built:
            built[villages] = tmp_path_factory.mktemp("network") / f"{villages}.duckdb"
            sample.build(built[villages], villages=villages)
        return built[villages]
    return of


@pytest.fixture
def on(network, monkeypatch):
    """on(villages) -> plain SQL on that network, which the app now reads."""
    connections = []

    def open_(villages: int):
        path = network(villages)
        monkeypatch.setenv("SAMMA_DB", str(path))
        connections.append(duckdb.connect(str(path), read_only=True))
        return lambda text, params=(): connections[-1].execute(text, list(params)).fetchall()

    yield open_
    for con in connections:
        con.close()


def _matrix_cells(pages: dict) -> list[dict]:
    """The cells of the 5 K matrix on the page (`whole_page`: a group and a K each); none when not drawn."""
    return [row for chart in page_specs(pages) for row in chart if "k_ord" in row]


def test_groups_past_60_asks_for_a_smaller_area_and_draws_the_matrix_there(on):
    sql = on(230)
    formed = sql("""SELECT count(*) FROM occupation_group g JOIN village v ON v.code = g.village_code
                    WHERE g.formed IS NOT NULL AND v.is_target""")[0][0]
    assert formed > 60
    at = whole_page("groups", "en")
    assert f"{formed} groups in this area: choose a smaller area above to see the 5 K table." in [
        i.value for i in across(at, "info")]
    assert not _matrix_cells(at)
    # The subdistrict with the most groups that still fit: its matrix is drawn, group by group.
    subdistrict, groups = sql("""SELECT v.subdistrict_code, count(*) FROM occupation_group g
        JOIN village v ON v.code = g.village_code WHERE g.formed IS NOT NULL AND v.is_target
        GROUP BY 1 HAVING count(*) <= 60 ORDER BY 2 DESC, 1 LIMIT 1""")[0]
    at = whole_page("groups", "en", district=subdistrict[:4], subdistrict=subdistrict)
    assert not [w for w in across(at, "warning") if "link" in w.value]
    assert len(_matrix_cells(at)) == 5 * groups
    assert not [i for i in across(at, "info") if "groups in this area" in i.value]


def test_market_lists_the_latest_30_of_more_events(on):
    sql = on(230)
    events = sql("SELECT code, name_en FROM market_event ORDER BY date, code")
    assert len(events) > 30
    at = open_page("market", "en", section="event")          # the event, and the list of events
    assert f"The latest 30 of {len(events)} events" in [c.value for c in at.caption]
    listed = next(d.value for d in at.dataframe if "Event" in d.value.columns)
    assert list(listed["Event"]) == [name for _, name in events[-30:]]
    assert at.selectbox(key="event").value == events[-1][0]
    assert len(at.selectbox(key="event").options) == 30


def test_funds_groups_outside_the_schemes_past_200_say_how_many(on):
    sql = on(260)
    members = sql("SELECT count(*) FROM scheme_member")[0][0]
    outside = [name for (name,) in sql("""
        SELECT name_en FROM occupation_group
        WHERE formed IS NOT NULL
          AND code NOT IN (SELECT group_code FROM scheme_member WHERE group_code IS NOT NULL)
        ORDER BY code""")]
    assert len(outside) > 200 >= members
    at = whole_page("funds", "en")
    by_member = [d.value for d in across(at, "dataframe") if "Partners matched (baht)" in d.value.columns]
    assert [len(t) for t in by_member] == [members]       # no breach: the details table alone, whole
    listed = [d.value for d in across(at, "dataframe") if list(d.value.columns) == ["Group", "Village"]]
    assert [list(t["Group"]) for t in listed] == [outside[:200]]
    assert [c.value for c in across(at, "caption") if c.value.startswith("The first")] == [
        f"The first 200 of {len(outside)} rows"]


def test_plan_readiness_past_200_villages_lists_those_not_ready_first(on):
    sql = on(1805)
    plan_villages = sql("""SELECT count(*) FROM village WHERE subdistrict_code IN (
            SELECT area_code FROM plan_target WHERE length(area_code) = 6)
        OR code IN (SELECT area_code FROM plan_target)""")[0][0]
    assert plan_villages > 200
    at = open_page("plan", "en", section="readiness")
    metric = next(m for m in at.metric if m.label == "Villages ready")
    assert metric.proto.delta == f"of {plan_villages:,}"
    ready = int(metric.value.replace(",", ""))
    table = at.dataframe[-1].value
    assert len(table) == 200
    assert f"The first 200 of {plan_villages:,} rows" in [c.value for c in at.caption]
    not_ready = min(200, plan_villages - ready)
    assert list(table["Ready"]) == ["✗ Not yet"] * not_ready + ["✓ Yes"] * (200 - not_ready)
