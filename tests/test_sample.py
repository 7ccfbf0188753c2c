"""The sample keeps the promises docs/DOMAIN.md makes, checked with plain SQL on the file."""

import hashlib

import duckdb

from samma import sample
from tests.conftest import PERSONAL


def test_34_target_villages_13_pilot_all_in_tha_wang_tan(sql):
    assert sql("SELECT count(*) FROM village WHERE is_target") == [(34,)]
    assert sql("SELECT count(*), count(DISTINCT moo) FROM village WHERE is_pilot") == [(13, 13)]
    assert sql("SELECT DISTINCT subdistrict_code FROM village WHERE is_pilot") == [("501910",)]
    assert sql("SELECT count(*) FROM village WHERE subdistrict_code = '501910' AND NOT is_pilot") == [(0,)]


def test_villages_are_their_subdistrict_plus_moo(sql):
    assert sql("SELECT count(*) FROM village WHERE code <> subdistrict_code || lpad(moo::VARCHAR, 2, '0')"
               ) == [(0,)]


def test_saraphi_has_its_twelve_real_subdistricts(sql):
    rows = sql("SELECT code, name_th, name_en FROM subdistrict ORDER BY code")
    assert [r[0] for r in rows] == [f"5019{n:02d}" for n in range(1, 13)]
    assert ("501910", "ท่าวังตาล", "Tha Wang Tan") in rows
    assert sql("SELECT name_th, name_en FROM district") == [("สารภี", "Saraphi")]
    # 34 targets spread over the district: every subdistrict has at least one.
    assert sql("SELECT count(DISTINCT subdistrict_code) FROM village") == [(12,)]


def test_positions_near_saraphi_and_flagged_approximate(sql):
    lat0, lat1, lon0, lon1, approx = sql(
        "SELECT min(lat), max(lat), min(lon), max(lon), bool_and(position_approximate) FROM village")[0]
    assert lat0 > 18.60 and lat1 < 18.80 and lon0 > 98.95 and lon1 < 99.10
    assert approx is True
    assert sql("SELECT positions_approximate, is_sample FROM dataset") == [(True, True)]


def test_pilot_villages_have_1_plus_4_sages_and_20_households(sql):
    rows = sql("""
        SELECT v.code,
               (SELECT count(*) FROM sage s WHERE s.village_code = v.code AND role = 'lead'),
               (SELECT count(*) FROM sage s WHERE s.village_code = v.code AND role = 'team'),
               (SELECT count(*) FROM household h WHERE h.village_code = v.code)
        FROM village v WHERE v.is_pilot""")
    assert len(rows) == 13
    assert all(r[1:] == (1, 4, 20) for r in rows), rows


def test_every_stage_is_present_somewhere(sql):
    counts = dict(sql("""
        SELECT CASE
          WHEN NOT EXISTS (SELECT 1 FROM sage s WHERE s.village_code = v.code) THEN 'target'
          WHEN NOT EXISTS (SELECT 1 FROM household h WHERE h.village_code = v.code) THEN 'sages'
          WHEN NOT EXISTS (SELECT 1 FROM occupation_group g WHERE g.village_code = v.code
                           AND g.formed IS NOT NULL) THEN 'households'
          WHEN NOT EXISTS (SELECT 1 FROM occupation_group g WHERE g.village_code = v.code AND
                           (SELECT count(*) FROM milestone m WHERE m.owner_code = g.code) = 5)
               THEN 'group'
          ELSE 'all5k' END AS stage, count(*)
        FROM village v GROUP BY 1"""))
    assert set(counts) == {"target", "sages", "households", "group", "all5k"}
    assert sum(counts.values()) == 34


def test_every_cash_grant_is_split_30_admin_70_revolving(sql):
    rows = sql("""
        SELECT c.id, c.amount_baht,
               sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin'),
               sum(f.amount_baht) FILTER (WHERE f.bucket = 'revolving')
        FROM contribution c JOIN fund_entry f ON f.contribution_id = c.id
        WHERE c.kind = 'cash' AND c.purpose IN ('grant', 'matching')
        GROUP BY ALL""")
    assert len(rows) >= 13
    for _, amount, admin, revolving in rows:
        assert admin == round(amount * 30 / 100, 2)
        assert admin + revolving == amount
    # And no cash grant escaped the ledger.
    assert sql("""SELECT count(*) FROM contribution c WHERE c.kind = 'cash'
                  AND c.purpose IN ('grant', 'matching') AND c.group_code IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM fund_entry f WHERE f.contribution_id = c.id)""") == [(0,)]


def test_matching_equals_what_members_raised_first(sql):
    """1:1: partners' matching equals the members' shares plus savings up to the match date."""
    rows = sql("""
        WITH m AS (SELECT group_code, min(date) AS day, sum(amount_baht) AS matched
                   FROM contribution WHERE purpose = 'matching' GROUP BY 1)
        SELECT m.group_code, m.matched,
               (SELECT sum(amount_baht) FROM contribution c WHERE c.group_code = m.group_code
                AND c.source = 'members' AND c.date <= m.day)
        FROM m""")
    assert len(rows) == 13
    for group, matched, raised in rows:
        assert matched == raised, group
        # 1+4 sages and 20 households: 25 × (100 share + 3 × 50 savings)
        assert raised == 25 * (100 + 3 * 50)


def test_five_partners_and_the_others_named(sql):
    codes = {r[0] for r in sql("SELECT code FROM partner")}
    assert {"CDD", "TTT", "WP", "DTAC", "TCDC"} <= codes
    assert {"SOCHO", "KPS", "CSR", "SPRS"} <= codes
    kinds = dict(sql("SELECT partner_code, string_agg(DISTINCT kind, ',' ORDER BY kind) "
                     "FROM contribution WHERE source = 'partner' GROUP BY 1"))
    assert kinds["DTAC"] == "in_kind" and kinds["TCDC"] == "in_kind"
    assert "cash" in kinds["CDD"]


def test_contributions_from_fy2560_to_the_as_of_date(sql):
    first, last = sql("SELECT min(date), max(date) FROM contribution")[0]
    as_of = sql("SELECT as_of FROM dataset")[0][0]
    assert "2016-10-01" <= first.isoformat() <= "2017-09-30"   # FY2560
    assert last <= as_of


def test_ledger_has_loans_repayments_profit_and_a_few_losses(sql):
    counts = dict(sql("SELECT entry, count(*) FROM fund_entry GROUP BY 1"))
    assert counts["loan_out"] > 50 and counts["repayment"] > 50 and counts["profit"] > 50
    assert 1 <= counts["loss"] < counts["loan_out"] / 5


def test_plan_targets_for_three_steps_and_market_events_and_trainings(sql):
    assert {r[0] for r in sql("SELECT DISTINCT step FROM plan_target")} == {"quarter", "year1", "year3"}
    assert 4 <= sql("SELECT count(*) FROM market_event")[0][0] <= 6
    assert sql("SELECT count(DISTINCT e.code) FROM sale s JOIN market_event e ON e.code = s.event_code"
               ) == sql("SELECT count(*) FROM market_event")
    topics = {r[0] for r in sql("SELECT DISTINCT topic FROM training WHERE partner_code = 'DTAC'")}
    assert {"line", "facebook", "website"} <= topics
    assert sql("SELECT count(*) FROM training WHERE partner_code = 'TCDC'")[0][0] >= 2


def test_no_personal_columns_anywhere(sql):
    columns = sql("SELECT table_name, column_name FROM information_schema.columns")
    household = [c for t, c in columns if t == "household"]
    assert household == ["code", "village_code", "joined", "group_code"]
    for table, column in columns:
        if column.endswith(("_th", "_en")) or column in ("code",):
            continue     # names of places, partners, groups and products, not of people
        assert not any(word in column.lower() for word in PERSONAL), (table, column)
    assert not [c for t, c in columns if t in ("sage", "household") and "name" in c]


def _content_hash(path) -> str:
    con = duckdb.connect(str(path), read_only=True)
    digest = hashlib.sha256()
    for (table,) in con.execute("SELECT table_name FROM information_schema.tables "
                                "WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall():
        digest.update(repr(con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()).encode())
    con.close()
    return digest.hexdigest()


def test_same_data_every_run(tmp_path, sample_db):
    again = tmp_path / "again.duckdb"
    sample.build(again)
    assert _content_hash(again) == _content_hash(sample_db)


def test_scaled_tier_follows_the_same_rules(tmp_path):
    path = tmp_path / "scaled.duckdb"
    sample.build(path, villages=300)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM village").fetchone() == (300,)
    provinces = con.execute("SELECT count(DISTINCT province_code) FROM district").fetchone()[0]
    assert provinces == 1        # 300 villages fit in Chiang Mai
    bad_split = con.execute("""
        SELECT count(*) FROM (SELECT c.id, c.amount_baht, sum(f.amount_baht) FILTER (WHERE bucket = 'admin') a
        FROM contribution c JOIN fund_entry f ON f.contribution_id = c.id
        WHERE c.purpose IN ('grant', 'matching') GROUP BY ALL) WHERE a <> round(amount_baht * 0.3, 2)
        """).fetchone()[0]
    assert bad_split == 0
    # The same records as the Saraphi sample: a network's fund and committee, the scheme of the
    # pilot groups, a loan register that agrees with the ledger, a few loans overdue.
    assert con.execute("SELECT count(*) > 0 FROM committee_seat").fetchone() == (True,)
    assert con.execute("""SELECT count(*) FROM scheme_member s JOIN occupation_group g ON g.code = s.group_code
                          JOIN village v ON v.code = g.village_code WHERE NOT v.is_pilot""").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM load_warning WHERE rule NOT IN ('capital_below_floor')"
                       ).fetchone() == (0,)
    loans, overdue, late = con.execute("SELECT count(*), count(*) FILTER (WHERE overdue), "
                                       "count(*) FILTER (WHERE repaid_late) FROM loan_status").fetchone()
    assert loans > 1000 and 0 < overdue < loans / 50 and late > 0
    assert con.execute("SELECT count(*) FROM village v WHERE is_pilot AND (SELECT count(*) FROM "
                       "sage s WHERE s.village_code = v.code) <> 5").fetchone() == (0,)
    con.close()


# --- the network's fund and committee, the matching scheme, the loan register --------------------

def test_the_networks_own_fund_committee_and_admin_spending(sql):
    assert sql("SELECT sum(seats), count(*) FILTER (WHERE seats > 0) FROM committee_seat") == [(13, 5)]
    # Thitthang Thai with Wiang Ping's grant to the network, split 70/30 like every grant.
    assert sql("""SELECT partner_code, amount_baht FROM contribution WHERE network_code = 'N501910'
                  AND purpose = 'grant' ORDER BY 1""") == [("TTT", 50_000), ("WP", 50_000)]
    purposes = {p for (p,) in sql("SELECT DISTINCT purpose FROM fund_entry WHERE entry = 'spent'")}
    assert purposes == {"meetings", "bookkeeping", "travel", "materials", "other"}
    # Never more spent than the fund's administration money paid in, a network's or a group's.
    assert sql("""SELECT count(*) FROM (
        SELECT sum(amount_baht) FILTER (WHERE entry = 'paid_in') AS paid,
               coalesce(sum(amount_baht) FILTER (WHERE entry = 'spent'), 0) AS spent
        FROM fund_entry WHERE bucket = 'admin' GROUP BY group_code, network_code) WHERE spent > paid""") == [(0,)]
    # What it passed on is each pilot group's paid in, on the same day.
    assert sql("""SELECT count(*) FROM fund_entry p WHERE p.entry = 'passed_on' AND NOT EXISTS (
        SELECT 1 FROM fund_entry g WHERE g.group_code = p.to_group_code AND g.entry = 'paid_in'
        AND g.date = p.date AND g.amount_baht = p.amount_baht)""") == [(0,)]


def test_the_matching_scheme_holds_the_pilot_networks_groups_only(sql):
    assert sql("SELECT partner_code FROM scheme_partner ORDER BY 1") == [("TTT",), ("WP",)]
    members = sql("SELECT group_code FROM scheme_member ORDER BY 1")
    pilot = sql("""SELECT g.code FROM occupation_group g JOIN village v ON v.code = g.village_code
                   WHERE v.is_pilot AND g.formed IS NOT NULL ORDER BY 1""")
    assert members == pilot and len(pilot) == 13
    assert sql("SELECT count(*) FROM scheme_member s JOIN occupation_group g ON g.code = s.group_code "
               "WHERE s.since <> g.formed") == [(0,)]


def test_the_loan_register_agrees_with_the_ledger_fund_by_fund(sql):
    differ = sql("""
        WITH register AS (
            SELECT l.group_code, l.network_code, sum(l.amount_baht) AS lent,
                   sum((SELECT coalesce(sum(principal_baht), 0) FROM loan_repayment r
                        WHERE r.loan_code = l.code)) AS repaid
            FROM loan l GROUP BY 1, 2),
        ledger AS (
            SELECT group_code, network_code,
                   sum(amount_baht) FILTER (WHERE entry = 'loan_out') AS lent,
                   coalesce(sum(amount_baht) FILTER (WHERE entry = 'repayment'), 0) AS repaid
            FROM fund_entry WHERE entry IN ('loan_out', 'repayment') GROUP BY 1, 2)
        SELECT count(*) FROM register r FULL JOIN ledger l
          ON l.group_code IS NOT DISTINCT FROM r.group_code
         AND l.network_code IS NOT DISTINCT FROM r.network_code
        WHERE r.lent IS DISTINCT FROM l.lent OR r.repaid IS DISTINCT FROM l.repaid""")
    assert differ == [(0,)]
    assert sql("SELECT count(*) FROM load_warning WHERE rule LIKE 'loans_%'") == [(0,)]


def test_a_few_loans_are_overdue_and_one_was_repaid_late(sql):
    overdue = sql("""
        SELECT l.code, l.group_code, l.network_code FROM loan l
        LEFT JOIN (SELECT loan_code, sum(principal_baht) + coalesce(sum(written_off_baht), 0) AS back
                   FROM loan_repayment GROUP BY 1) r ON r.loan_code = l.code
        WHERE l.due < (SELECT as_of FROM dataset) AND l.amount_baht > coalesce(r.back, 0)""")
    assert 2 <= len(overdue) <= 5
    assert any(network for _, _, network in overdue) and any(group for _, group, _ in overdue)
    late = sql("""SELECT l.code FROM loan l JOIN loan_repayment r ON r.loan_code = l.code
                  WHERE r.date > l.due""")
    assert len(late) == 1
    # Borrowers are households of the lending group's village, or of the network's subdistrict.
    assert sql("""SELECT count(*) FROM loan l JOIN household h ON h.code = l.household_code
                  LEFT JOIN occupation_group g ON g.code = l.group_code
                  LEFT JOIN network n ON n.code = l.network_code
                  WHERE h.village_code <> g.village_code
                     OR left(h.village_code, 6) <> n.subdistrict_code""") == [(0,)]
    # Amounts a village fund lends one household, at the sample's 6% a year.
    assert sql("SELECT max(amount_baht) <= 15000, min(interest_pct) = 6, max(interest_pct) = 6 "
               "FROM loan") == [(True, True, True)]


def test_villages_and_groups_are_named_by_their_moo(sql):
    names = sql("SELECT moo, name_th FROM village WHERE subdistrict_code = '501910' ORDER BY moo")
    assert [n for _, n in names] == [f"หมู่ที่ {moo} ต.ท่าวังตาล" for moo, _ in names]
    assert sql("SELECT count(*) FROM occupation_group WHERE name_th NOT LIKE '%หมู่ที่ %'") == [(0,)]
