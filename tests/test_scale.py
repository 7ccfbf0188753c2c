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

from samma import sample

# area_summary's additive columns, summed from one level to the next.
MEASURES = ("villages", "target_villages", "pilot_villages", "villages_reached", "stage_target",
            "stage_sages", "stage_households", "stage_group", "stage_all5k", "sages", "lead_sages",
            "households", "groups", "groups_formed", "groups_5k", "support_cash", "support_in_kind",
            "members_raised", "revolving_capital", "sales")

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
    # The groups' funds: a network's own fund belongs to no village.
    "revolving_capital": """SELECT sum(CASE entry WHEN 'loss' THEN -amount_baht ELSE amount_baht END)
                            FROM fund_entry WHERE bucket = 'revolving' AND group_code IS NOT NULL
                            AND entry IN ('paid_in', 'profit', 'loss')""",
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
        SELECT a.code, {', '.join(f'a.{m}' for m in MEASURES)},
               {', '.join(f'(SELECT sum(b.{m}) FROM area_summary b WHERE b.level = ? AND b.{key} = a.code)'
                          for m in MEASURES)},
               {own_support if level == 'subdistrict' else '0'}, {own_support if level == 'subdistrict' else '0'}
        FROM area_summary a WHERE a.level = ?""",
        [below] * len(MEASURES) + (["cash", "in_kind"] if level == "subdistrict" else []) + [level])
    n = len(MEASURES)
    assert mismatches
    for row in mismatches:
        own = dict(zip(("support_cash", "support_in_kind"), row[-2:]))
        for i, measure in enumerate(MEASURES):
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


# --- income ------------------------------------------------------------------------------------

def test_the_synthetic_surveys_have_a_believable_spread(scaled):
    households, surveyed, compared, rose, fell = scaled("""
        SELECT count(*), count(*) FILTER (WHERE baseline IS NOT NULL OR latest IS NOT NULL),
               count(*) FILTER (WHERE baseline IS NOT NULL AND latest IS NOT NULL),
               count(*) FILTER (WHERE latest > baseline * 1.05),
               count(*) FILTER (WHERE latest < baseline * 0.95)
        FROM (SELECT (SELECT occupation_income_baht FROM income_survey b
                      WHERE b.household_code = h.code AND b.kind = 'baseline') AS baseline,
                     (SELECT arg_max(occupation_income_baht, surveyed) FROM income_survey f
                      WHERE f.household_code = h.code AND f.kind = 'follow_up') AS latest
              FROM household h)""")[0]
    assert surveyed > 0.95 * households                      # nearly everyone has a baseline
    assert 0.6 * households < compared < 0.95 * households   # some never answered a follow-up
    assert rose > 0.5 * compared and 0.1 * compared < fell < 0.3 * compared   # most rose, some fell


@pytest.mark.parametrize("level, column", [("province", "d.province_code"), ("district", "s.district_code"),
                                           ("subdistrict", "v.subdistrict_code")])
def test_income_medians_at_every_level_are_the_base_tables(scaled, level, column):
    plain = dict((code, (n, baseline, latest)) for code, n, baseline, latest in scaled(f"""
        WITH pairs AS (
            SELECT b.household_code, b.occupation_income_baht::DOUBLE AS baseline,
                   arg_max(f.occupation_income_baht, f.surveyed)::DOUBLE AS latest
            FROM income_survey b JOIN income_survey f ON f.household_code = b.household_code
            WHERE b.kind = 'baseline' AND f.kind = 'follow_up' AND f.surveyed > b.surveyed
            GROUP BY 1, 2)
        SELECT {column}, count(*), median(baseline), median(latest)
        FROM pairs p JOIN household h ON h.code = p.household_code
        JOIN village v ON v.code = h.village_code JOIN subdistrict s ON s.code = v.subdistrict_code
        JOIN district d ON d.code = s.district_code
        GROUP BY 1"""))
    summary = scaled("SELECT code, compared, baseline_median, latest_median FROM income_summary "
                     "WHERE level = ? AND occupation_code IS NULL AND compared > 0", [level])
    assert len(summary) == len(plain) > 1
    for code, compared, baseline, latest in summary:
        n, plain_baseline, plain_latest = plain[code]
        assert compared == n, code
        if n >= 5:
            assert (baseline, latest) == (plain_baseline, plain_latest), code
        else:
            assert (baseline, latest) == (None, None), code
