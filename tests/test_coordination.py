"""Partner coordination: a pledge's status and an action's, by hand-made cases; what a pledge
delivered, matched from the records on a database made for it (shared earliest due first, a
record never counted twice, a pledge made later never credited with what came before it); and
the Partners page's questions on the sample against plain SQL on the base tables."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from samma import coordination, db, queries
from samma.coordination import COMING_UP, DELIVERED, DONE, DROPPED, OPEN, OVERDUE, PARTLY
from tests.conftest import _plain_sql

DAY = dt.date(2026, 10, 31)
ONE_DAY = dt.timedelta(days=1)


# --- rules ------------------------------------------------------------------------------------

@pytest.mark.parametrize("amount,delivered,due,expected", [
    (100.0, 100.0, DAY, DELIVERED),                        # delivered exactly on the due date
    (100.0, 100.0, DAY - 30 * ONE_DAY, DELIVERED),         # delivered, whenever it came
    (100.0, 120.0, DAY + ONE_DAY, DELIVERED),              # more than promised
    (3.0, 1.0, DAY + 365 * ONE_DAY, PARTLY),               # one event of three, not yet due
    (100.0, 40.0, DAY - ONE_DAY, OVERDUE),                 # short, overdue by one day
    (2.0, 0.0, DAY - ONE_DAY, OVERDUE),                    # nothing, overdue by one day
    (100.0, 0.0, DAY, COMING_UP),                          # due today: not overdue yet
    (100.0, 99.0, DAY, PARTLY),                            # a baht short on the due date
    (50000.0, 0.0, DAY + ONE_DAY, COMING_UP),
])
def test_pledge_status(amount, delivered, due, expected):
    assert coordination.pledge_status(amount, delivered, due, DAY) == expected


@pytest.mark.parametrize("status,due,expected", [
    ("open", DAY - ONE_DAY, OVERDUE),                      # overdue by one day
    ("open", DAY, OPEN),                                   # due today
    ("open", DAY + ONE_DAY, OPEN),
    ("done", DAY - 60 * ONE_DAY, DONE),
    ("dropped", DAY - 60 * ONE_DAY, DROPPED),
])
def test_action_status(status, due, expected):
    assert coordination.action_status(status, due, DAY) == expected


def test_counts_and_statuses_of_frames_as_the_queries_give_them():
    actions = pd.DataFrame({"status": ["open", "open", "open", "done"],
                            "due": pd.to_datetime(["2026-10-30", "2026-10-31", "2026-11-30", "2026-01-01"])})
    assert coordination.action_counts(actions, DAY) == {"open": 3, "overdue": 1}
    assert coordination.actions_with_status(actions, DAY)["status"].tolist() == [
        OVERDUE, OPEN, OPEN, DONE]
    none = pd.DataFrame({"amount": [], "delivered": [], "due": []})
    assert coordination.pledges_with_status(none, DAY).empty
    assert coordination.status_counts(coordination.pledges_with_status(none, DAY)) == {
        OVERDUE: 0, PARTLY: 0, COMING_UP: 0, DELIVERED: 0}


# --- what a pledge delivered, on a database made for it ----------------------------------------

AS_OF = dt.date(2026, 10, 31)
# Tha Wang Tan (501910) in Saraphi (5019) has the network; Chomphu (501901) is another subdistrict
# of Saraphi, Mueang Chiang Mai (5001) another district.
BASE = """
    INSERT INTO province VALUES ('50', 'เชียงใหม่', 'Chiang Mai');
    INSERT INTO district VALUES ('5019', '50', 'สารภี', 'Saraphi'), ('5001', '50', 'เมือง', 'Mueang');
    INSERT INTO subdistrict VALUES ('501910', '5019', 'ท่าวังตาล', 'Tha Wang Tan', NULL, NULL),
                                   ('501901', '5019', 'ชมภู', 'Chomphu', NULL, NULL),
                                   ('500101', '5001', 'ศรีภูมิ', 'Si Phum', NULL, NULL);
    INSERT INTO village VALUES
        ('50191001', '501910', 1, 'หมู่ที่ 1', 'Moo 1', NULL, NULL, TRUE, TRUE, TRUE, 2560),
        ('50190101', '501901', 1, 'หมู่ที่ 1', 'Moo 1', NULL, NULL, TRUE, TRUE, FALSE, 2560);
    INSERT INTO occupation VALUES ('longan', 'ลำไย', 'Longan');
    INSERT INTO occupation_group VALUES
        ('G1', '50191001', 'longan', 'กลุ่ม 1', 'Group 1', '2017-08-01'),
        ('GX', '50190101', 'longan', 'กลุ่ม X', 'Group X', '2017-08-01');
    INSERT INTO partner VALUES ('CDD', 'พช.', 'CDD', 'พช.', 'CDD', 'state', 'งบ', 'budget'),
                               ('DTAC', 'DTAC', 'DTAC', 'DTAC', 'DTAC', 'private', 'อบรม', 'training');
    INSERT INTO network VALUES ('N', '501910', 'เครือข่าย', 'Network', '2017-05-20');
"""


def _database(tmp_path, facts: str):
    path = tmp_path / "coordination.duckdb"

    def fill(con):
        con.execute("INSERT INTO dataset VALUES ('t', 't', FALSE, ?, ?, now(), FALSE)",
                    [AS_OF, db.SCHEMA_VERSION])
        con.execute(BASE)
        con.execute(facts)

    db.write_database(path, fill)
    query = _plain_sql(path)
    return next(query)


def _delivered(sql) -> dict[int, float]:
    return dict(sql("SELECT pledge_id, delivered FROM pledge_delivery"))


def _contribution(id_, day, amount, *, kind="cash", network="'N'", group="NULL", partner="CDD"):
    return (f"INSERT INTO contribution VALUES ({id_}, '{day}', 'partner', '{partner}', {network}, "
            f"{group}, '{kind}', 'grant', {amount}, NULL);")


def _pledge(id_, made, due, amount, *, kind="cash", partner="CDD", by_hand="NULL", step="year1"):
    return (f"INSERT INTO pledge VALUES ({id_}, '{partner}', 'N', '{step}', '{kind}', 'สิ่งที่ให้', NULL, "
            f"{amount}, '{made}', '{due}', {by_hand});")


def test_pledges_share_what_came_earliest_due_first(tmp_path):
    sql = _database(tmp_path, "".join([
        _contribution(1, "2026-01-15", 150),
        _pledge(1, "2026-01-01", "2026-12-31", 100),   # due later, though listed first
        _pledge(2, "2026-01-01", "2026-03-31", 100),
    ]))
    assert _delivered(sql) == {2: 100.0, 1: 50.0}


def test_a_later_pledge_is_not_credited_with_what_came_before_it_was_made(tmp_path):
    sql = _database(tmp_path, "".join([
        _contribution(1, "2026-02-01", 100), _contribution(2, "2026-07-01", 100),
        _pledge(1, "2026-01-01", "2026-03-31", 100),   # February's money is for this one
        _pledge(2, "2026-06-01", "2026-12-31", 100),   # July's for this one
        _pledge(3, "2026-01-01", "2027-12-31", 100),   # nothing left for this one
        _pledge(4, "2026-08-01", "2027-12-31", 100, kind="in_kind"),
    ]))
    assert _delivered(sql) == {1: 100.0, 2: 100.0, 3: 0.0, 4: 0.0}


def test_what_counts_for_a_network(tmp_path):
    sql = _database(tmp_path, "".join([
        _contribution(1, "2026-02-01", 300, group="'G1'", network="NULL"),    # its group: counts
        _contribution(2, "2026-02-01", 5000, group="'GX'", network="NULL"),   # another subdistrict's
        _contribution(3, "2025-12-31", 7000),                                 # before the pledge
        _contribution(4, "2026-11-01", 9000),                                 # after the as-of date
        _contribution(5, "2026-03-01", 40, kind="in_kind"),
        _contribution(6, "2026-03-01", 11, partner="DTAC"),
        _pledge(1, "2026-01-01", "2026-12-31", 1000),
        _pledge(2, "2026-01-01", "2026-12-31", 100, kind="in_kind"),
        # Trainings in its subdistrict count, in another do not; events in its district count.
        """INSERT INTO training VALUES (1, '2026-04-01', 'DTAC', 'line', '501910', 10, 1),
                                       (2, '2026-05-01', 'DTAC', 'facebook', '501910', 10, 1),
                                       (3, '2026-05-01', 'DTAC', 'website', '501901', 10, 1),
                                       (4, '2025-05-01', 'DTAC', 'website', '501910', 10, 1);
           INSERT INTO market_event VALUES
               ('E1', 'งาน', 'Fair', '2026-08-22', 'อำเภอ', 'District', 'CDD', '5019', NULL, NULL),
               ('E2', 'งาน', 'Fair', '2026-08-23', 'เมือง', 'Mueang', 'CDD', '5001', NULL, NULL);""",
        _pledge(3, "2026-01-01", "2026-12-31", 3, kind="training", partner="DTAC"),
        _pledge(4, "2026-01-01", "2028-09-30", 3, kind="event", step="year3"),
    ]))
    assert _delivered(sql) == {1: 300.0, 2: 40.0, 3: 2.0, 4: 1.0}


def test_a_figure_by_hand_replaces_the_matched_one_and_takes_nothing(tmp_path):
    sql = _database(tmp_path, "".join([
        _contribution(1, "2026-02-01", 100),
        _pledge(1, "2026-01-01", "2026-03-31", 100, by_hand="30"),
        _pledge(2, "2026-01-01", "2026-12-31", 100),
        _pledge(3, "2026-01-01", "2026-12-31", 4, kind="other", by_hand="4"),
        _pledge(4, "2026-01-01", "2026-12-31", 4, kind="other"),
    ]))
    assert _delivered(sql) == {1: 30.0, 2: 100.0, 3: 4.0, 4: 0.0}
    assert dict(sql("SELECT pledge_id, by_hand FROM pledge_delivery")) == {
        1: True, 2: False, 3: True, 4: False}


# --- the sample, against plain SQL on the base tables -----------------------------------------

def expected_delivered(sql) -> dict[int, float]:
    """What each of the sample's pledges delivered, by plain SQL on the base tables: every pledge
    of the sample was made on one day, so what came since is shared out in due order."""
    as_of = sql("SELECT as_of FROM dataset")[0][0]
    expected = {}
    for partner, network, kind in sql("SELECT DISTINCT partner_code, network_code, kind FROM pledge "
                                      "WHERE delivered_by_hand IS NULL AND kind <> 'other'"):
        made = sql("SELECT min(made), max(made) FROM pledge WHERE partner_code = ? AND kind = ?",
                   [partner, kind])[0]
        assert made[0] == made[1]
        if kind in ("cash", "in_kind"):
            left = sql("""SELECT coalesce(sum(amount_baht), 0)::DOUBLE FROM contribution c
                          LEFT JOIN occupation_group g ON g.code = c.group_code
                          WHERE c.partner_code = ? AND c.kind = ? AND c.date BETWEEN ? AND ?
                            AND (c.network_code = ? OR g.village_code LIKE '501910%')""",
                       [partner, kind, made[0], as_of, network])[0][0]
        elif kind == "training":
            left = sql("SELECT count(*) FROM training WHERE partner_code = ? AND subdistrict_code = '501910' "
                       "AND date BETWEEN ? AND ?", [partner, made[0], as_of])[0][0]
        else:
            left = sql("SELECT count(*) FROM market_event WHERE organiser_code = ? AND district_code = '5019' "
                       "AND date BETWEEN ? AND ?", [partner, made[0], as_of])[0][0]
        for id_, amount in sql("SELECT id, amount::DOUBLE FROM pledge WHERE partner_code = ? AND kind = ? "
                               "AND delivered_by_hand IS NULL ORDER BY due, id", [partner, kind]):
            expected[id_] = min(amount, left)
            left -= expected[id_]
    expected |= dict(sql("SELECT id, delivered_by_hand::DOUBLE FROM pledge WHERE delivered_by_hand IS NOT NULL"))
    expected |= {i: 0.0 for (i,) in sql("SELECT id FROM pledge WHERE kind = 'other' "
                                        "AND delivered_by_hand IS NULL")}
    return expected


def test_the_samples_pledges_against_what_the_records_show(sql):
    as_of = sql("SELECT as_of FROM dataset")[0][0]
    pledges = queries.pledges_against_delivery()
    assert len(pledges) == sql("SELECT count(*) FROM pledge")[0][0] == 17
    expected = expected_delivered(sql)
    assert dict(zip(pledges["id"], pledges["delivered"])) == expected
    # CDD's training budget (40,000 on 15 Nov 2025) meets its quarter pledge, its fair money
    # (20,000) the 1-year one; nothing is left for its 3-year pledge.
    cdd_cash = pledges[(pledges.partner_code == "CDD") & (pledges.kind == "cash")]
    assert cdd_cash[["step", "delivered"]].values.tolist() == [["quarter", 40000.0], ["year1", 20000.0],
                                                               ["year3", 0.0]]
    statuses = coordination.pledges_with_status(pledges, as_of)
    assert coordination.status_counts(statuses) == {OVERDUE: 1, PARTLY: 2, COMING_UP: 6, DELIVERED: 8}
    assert statuses.loc[statuses.status == OVERDUE, "partner_code"].tolist() == ["DTAC"]


def test_one_steps_pledges_and_a_partner_with_none(sql):
    year1 = queries.pledges_against_delivery("year1")
    assert set(year1["step"]) == {"year1"}
    assert len(year1) == sql("SELECT count(*) FROM pledge WHERE step = 'year1'")[0][0]
    # CSR and the citizen health association pledged nothing: no pledge row, still a partner.
    pledged = set(queries.pledges_against_delivery()["partner_code"])
    assert {"CSR", "SPRS"}.isdisjoint(pledged)
    assert {"CSR", "SPRS"} <= set(queries.partners_by_sector()["partner_code"])
    # An English text that was not written reads as the Thai.
    assert (year1["what_en"] != "").all()


def test_who_gives_what_against_plain_sql(sql):
    partners = queries.partners_by_sector()
    expected = {code: (sector, cash, in_kind) for code, sector, cash, in_kind in sql("""
        SELECT p.code, p.sector,
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'cash'), 0)::DOUBLE,
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'in_kind'), 0)::DOUBLE
        FROM partner p LEFT JOIN contribution c ON c.partner_code = p.code GROUP BY ALL""")}
    assert {r.partner_code: (r.sector, r.cash, r.in_kind) for r in partners.itertuples()} == expected
    # The source's frame: who acts (community), who drives (private), who supports (state) first.
    order = [coordination.SECTORS.index(s) for s in partners["sector"]]
    assert order == sorted(order) and partners["sector"].iloc[0] == "community"


def test_open_actions_overdue_first_decisions_and_problems_against_plain_sql(sql):
    as_of = sql("SELECT as_of FROM dataset")[0][0]
    actions = queries.open_actions()
    assert actions["id"].tolist() == [i for (i,) in sql(
        "SELECT id FROM action WHERE status = 'open' ORDER BY due, id")]
    with_status = coordination.actions_with_status(actions, as_of)
    overdue = [i for (i,) in sql("SELECT id FROM action WHERE status = 'open' AND due < ?", [as_of])]
    assert overdue and with_status["id"].tolist()[:len(overdue)] == overdue
    assert (with_status["status"].iloc[len(overdue):] == OPEN).all()
    assert coordination.action_counts(actions, as_of) == {
        "open": sql("SELECT count(*) FROM action WHERE status = 'open'")[0][0], "overdue": len(overdue)}
    # The committee's actions have no partner; a partner's name its owner.
    committee = actions[actions.owner_kind == "committee"]
    assert len(committee) and committee["owner_th"].isna().all()
    assert actions[actions.owner_kind == "partner"]["owner_th"].notna().all()

    last = queries.last_meeting()
    latest = sql("SELECT code, date FROM meeting ORDER BY date DESC LIMIT 1")[0]
    assert (last["code"], last["date"].date()) == latest
    assert queries.last_meeting_decisions()["text_th"].tolist() == [t for (t,) in sql(
        "SELECT text_th FROM decision WHERE meeting_code = ? ORDER BY seq", [latest[0]])]
    problems = queries.open_problems()
    assert sorted(problems["id"]) == [i for (i,) in sql("SELECT id FROM problem WHERE status = 'open' ORDER BY id")]
    assert problems["response_th"].notna().all()


def test_an_empty_coordination_record_answers_with_nothing(tmp_path, monkeypatch):
    _database(tmp_path, "")
    monkeypatch.setenv("SAMMA_DB", str(tmp_path / "coordination.duckdb"))
    assert queries.pledges_against_delivery().empty and queries.open_actions().empty
    assert queries.last_meeting() is None and queries.last_meeting_decisions().empty
    assert queries.open_problems().empty
