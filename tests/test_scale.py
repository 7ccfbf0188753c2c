"""A small synthetic network over three provinces: the generator keeps the sample's rules at
any scale, and the load-time summaries give the same totals at every level of the drill-down
as plain SQL on the base tables.

The same checks run on any tier already built, e.g. the benchmark's national file:
    SAMMA_SCALE_DB=bench/data/national.duckdb .venv/bin/python -m pytest tests/test_scale.py
(the checks about this module's own small network are skipped then)."""

from __future__ import annotations

import os

import duckdb
import pytest

from samma import aggregates, sample

PROVINCES = ("50", "51", "96")


BUILT = os.environ.get("SAMMA_SCALE_DB")
own_network_only = pytest.mark.skipif(bool(BUILT), reason="about this module's own small network")


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    if BUILT:
        path = BUILT
    else:
        path = tmp_path_factory.mktemp("scale") / "three-provinces.duckdb"
        sample.build(path, villages=400, provinces=PROVINCES)
    con = duckdb.connect(str(path), read_only=True)

    def query(text: str, params=()):
        return con.execute(text, list(params)).fetchall()

    yield query
    con.close()


# --- the generator's rules ---------------------------------------------------------------------

@own_network_only
def test_villages_spread_over_the_provinces_asked_for(scaled):
    assert scaled("SELECT count(*) FROM village") == [(400,)]
    per_province = dict(scaled("""SELECT d.province_code, count(*) FROM village v
        JOIN subdistrict s ON s.code = v.subdistrict_code JOIN district d ON d.code = s.district_code
        GROUP BY 1"""))
    assert set(per_province) == set(PROVINCES)
    assert all(n >= 20 for n in per_province.values()), per_province


def test_villages_are_their_subdistrict_plus_moo(scaled):
    assert scaled("SELECT count(*) FROM village WHERE code <> subdistrict_code || lpad(moo::VARCHAR, 2, '0')"
                  ) == [(0,)]


def test_one_pilot_subdistrict_per_district_with_1_plus_4_and_20_households(scaled):
    assert scaled("""SELECT count(*) FROM (SELECT s.district_code, count(DISTINCT v.subdistrict_code) n
        FROM village v JOIN subdistrict s ON s.code = v.subdistrict_code WHERE v.is_pilot GROUP BY 1)
        WHERE n <> 1""") == [(0,)]
    assert scaled("SELECT count(DISTINCT district_code) FROM subdistrict") == scaled(
        "SELECT count(*) FROM network")
    rows = scaled("""SELECT v.code,
        (SELECT count(*) FROM sage s WHERE s.village_code = v.code AND role = 'lead'),
        (SELECT count(*) FROM sage s WHERE s.village_code = v.code AND role = 'team'),
        (SELECT count(*) FROM household h WHERE h.village_code = v.code)
        FROM village v WHERE v.is_pilot""")
    assert rows and all(r[1:] == (1, 4, 20) for r in rows)
    # Tha Wang Tan is Saraphi's pilot subdistrict whenever Saraphi is included.
    assert scaled("SELECT DISTINCT subdistrict_code FROM village WHERE is_pilot AND subdistrict_code "
                  "LIKE '5019%'") == [("501910",)]


def test_every_stage_and_every_village_past_target_has_its_1_plus_4(scaled):
    stages = dict(scaled("SELECT stage_rank, count(*) FROM village_stage GROUP BY 1"))
    assert set(stages) == {0, 1, 2, 3, 4}
    assert scaled("SELECT count(*) FROM (SELECT village_code, count(*) n FROM sage GROUP BY 1) "
                  "WHERE n <> 5") == [(0,)]
    # A group's households: the founding 20, plus a later intake only in groups with all 5 K.
    assert scaled("""SELECT count(*) FROM (SELECT h.group_code, count(*) n, any_value(p.all5k) all5k
        FROM household h JOIN group_progress p ON p.group_code = h.group_code
        WHERE p.formed IS NOT NULL GROUP BY 1) WHERE n < 20 OR (n > 20 AND NOT all5k)""") == [(0,)]


def test_every_cash_grant_is_split_30_70(scaled):
    rows = scaled("""SELECT c.amount_baht, sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin'),
                            sum(f.amount_baht) FILTER (WHERE f.bucket = 'revolving')
        FROM contribution c JOIN fund_entry f ON f.contribution_id = c.id
        WHERE c.kind = 'cash' AND c.purpose IN ('grant', 'matching') GROUP BY c.id, c.amount_baht""")
    assert len(rows) > 20
    assert all(admin == round(amount * 30 / 100, 2) and admin + rev == amount for amount, admin, rev in rows)
    assert scaled("""SELECT count(*) FROM contribution c WHERE c.group_code IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM fund_entry f WHERE f.contribution_id = c.id)""") == [(0,)]


def test_pilot_groups_are_matched_1_to_1_on_what_members_raised_first(scaled):
    rows = scaled("""WITH m AS (SELECT group_code, min(date) AS day, sum(amount_baht) AS matched
                                FROM contribution WHERE purpose = 'matching' GROUP BY 1)
        SELECT m.group_code, m.matched, (SELECT sum(amount_baht) FROM contribution c
               WHERE c.group_code = m.group_code AND c.source = 'members' AND c.date <= m.day)
        FROM m""")
    assert len(rows) == scaled("""SELECT count(*) FROM occupation_group g JOIN village v
        ON v.code = g.village_code WHERE v.is_pilot AND g.formed IS NOT NULL""")[0][0] > 0
    assert all(matched == raised == 25 * (100 + 3 * 50) for _, matched, raised in rows)


def test_ledger_loans_repayments_and_a_few_losses(scaled):
    counts = dict(scaled("SELECT entry, count(*) FROM fund_entry GROUP BY 1"))
    assert counts["loan_out"] > 100 and counts["repayment"] > 100 and counts["profit"] > 100
    assert 1 <= counts["loss"] < counts["loan_out"] / 5


@own_network_only
def test_same_data_every_run(tmp_path):
    contents = []
    for name in ("first", "second"):
        path = tmp_path / f"{name}.duckdb"
        sample.build(path, villages=60, provinces=("51", "96"))
        con = duckdb.connect(str(path), read_only=True)
        contents.append([con.execute(f"SELECT count(*), sum(hash(COLUMNS(*))) FROM {table}").fetchall()
                         for table in ("village", "household", "contribution", "fund_entry", "sale")])
        con.close()
    assert contents[0] == contents[1]
    assert contents[0][0][0][0] == 60


# --- the load-time summaries -------------------------------------------------------------------

BASE_TOTALS = {
    "villages": "SELECT count(*) FROM village",
    "pilot_villages": "SELECT count(*) FROM village WHERE is_pilot",
    "villages_reached": "SELECT count(DISTINCT village_code) FROM sage",
    "stage_all5k": """SELECT count(DISTINCT g.village_code) FROM occupation_group g WHERE g.formed IS NOT NULL
                      AND (SELECT count(*) FROM milestone m WHERE m.owner_code = g.code) = 5""",
    "sages": "SELECT count(*) FROM sage",
    "lead_sages": "SELECT count(*) FROM sage WHERE role = 'lead'",
    "households": "SELECT count(*) FROM household",
    "groups": "SELECT count(*) FROM occupation_group",
    "groups_formed": "SELECT count(*) FROM occupation_group WHERE formed IS NOT NULL",
    "groups_5k": """SELECT count(*) FROM (SELECT owner_code FROM milestone WHERE owner_kind = 'group'
                    GROUP BY 1 HAVING count(*) = 5)""",
    "support_cash": "SELECT sum(amount_baht) FROM contribution WHERE partner_code IS NOT NULL AND kind = 'cash'",
    "support_in_kind": "SELECT sum(amount_baht) FROM contribution WHERE partner_code IS NOT NULL AND kind = 'in_kind'",
    "members_raised": "SELECT sum(amount_baht) FROM contribution WHERE source = 'members'",
    "revolving_capital": """SELECT sum(CASE entry WHEN 'loss' THEN -amount_baht ELSE amount_baht END)
                            FROM fund_entry WHERE bucket = 'revolving' AND entry IN ('paid_in', 'profit', 'loss')""",
    "sales": "SELECT sum(amount_baht) FROM sale",
}


@pytest.mark.parametrize("level", ["village", "subdistrict", "district", "province"])
@pytest.mark.parametrize("measure", sorted(BASE_TOTALS))
def test_every_level_adds_up_to_the_base_tables(scaled, level, measure):
    expected = scaled(BASE_TOTALS[measure])[0][0]
    assert expected > 0
    total = scaled(f"SELECT sum({measure}) FROM area_summary WHERE level = ?", [level])[0][0]
    if level == "village" and measure.startswith("support_"):
        # Support to a subdistrict's network belongs to no single village.
        expected -= scaled("SELECT sum(amount_baht) FROM contribution WHERE network_code IS NOT NULL "
                           "AND kind = ?", [measure.removeprefix("support_")])[0][0]
    assert total == expected


@pytest.mark.parametrize("level, below, key", [("subdistrict", "village", "subdistrict_code"),
                                               ("district", "subdistrict", "district_code"),
                                               ("province", "district", "province_code")])
def test_each_area_is_the_sum_of_its_parts(scaled, level, below, key):
    own_support = ("(SELECT coalesce(sum(c.amount_baht), 0) FROM contribution c JOIN network n ON "
                   "n.code = c.network_code WHERE n.subdistrict_code = a.code AND c.kind = ?)")
    mismatches = scaled(f"""
        SELECT a.code, {', '.join(f'a.{m}' for m in aggregates.MEASURES)},
               {', '.join(f'(SELECT sum(b.{m}) FROM area_summary b WHERE b.level = ? AND b.{key} = a.code)'
                          for m in aggregates.MEASURES)},
               {own_support if level == 'subdistrict' else '0'}, {own_support if level == 'subdistrict' else '0'}
        FROM area_summary a WHERE a.level = ?""",
        [below] * len(aggregates.MEASURES) + (["cash", "in_kind"] if level == "subdistrict" else []) + [level])
    n = len(aggregates.MEASURES)
    assert mismatches
    for row in mismatches:
        own = dict(zip(("support_cash", "support_in_kind"), row[-2:]))
        for i, measure in enumerate(aggregates.MEASURES):
            assert row[1 + i] == row[1 + n + i] + own.get(measure, 0), (row[0], measure)


def test_events_are_counted_where_they_are_held(scaled):
    events = scaled("SELECT count(*) FROM market_event")[0][0]
    assert events > 0
    assert scaled("SELECT sum(events) FROM area_summary WHERE level = 'province'") == [(events,)]
    assert scaled("SELECT sum(events) FROM area_summary WHERE level = 'district'") == [(events,)]


def test_a_large_network_keeps_its_revolving_capital_above_the_floor(scaled):
    # The floor is what was paid in; capital is paid in + profit − losses (DOMAIN: must not be lost).
    profit, losses = scaled("""SELECT sum(amount_baht) FILTER (WHERE entry = 'profit'),
        sum(amount_baht) FILTER (WHERE entry = 'loss') FROM fund_entry WHERE bucket = 'revolving'""")[0]
    assert 0 < losses < profit
    groups, below = scaled("""SELECT count(*), count(*) FILTER (WHERE lost > earned) FROM (
        SELECT group_code, coalesce(sum(amount_baht) FILTER (WHERE entry = 'loss'), 0) AS lost,
               coalesce(sum(amount_baht) FILTER (WHERE entry = 'profit'), 0) AS earned
        FROM fund_entry WHERE bucket = 'revolving' GROUP BY 1)""")[0]
    assert 0 < below < groups / 4        # a few groups below their own floor, not half of them
