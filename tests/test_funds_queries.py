"""The Funds page's questions, answered by samma.queries, equal plain SQL on the raw tables."""

import duckdb
import pytest

from samma import db, derive, funds, queries


def test_support_keeps_every_partner_and_kind_apart(sql):
    support = queries.support_by_partner_year_purpose()
    assert list(dict.fromkeys(support.partner_code)) == [r[0] for r in sql(
        "SELECT code FROM partner ORDER BY rowid")]
    shown = support.groupby(["partner_code", "kind"]).amount_baht.sum().to_dict()
    expected = {(p, k): float(v) for p, k, v in sql(
        "SELECT partner_code, kind, sum(amount_baht) FROM contribution "
        "WHERE source = 'partner' GROUP BY ALL")}
    assert shown == expected


def test_support_by_thai_fiscal_year(sql):
    support = queries.support_by_partner_year_purpose()
    # FY2568 BE runs 1 Oct 2024 to 30 Sep 2025.
    expected = sql("SELECT sum(amount_baht) FROM contribution WHERE source = 'partner' "
                   "AND kind = 'cash' AND date BETWEEN '2024-10-01' AND '2025-09-30'")[0][0]
    shown = support[(support.fiscal_year == 2568) & (support.kind == "cash")].amount_baht.sum()
    assert shown == float(expected)


def test_cash_flows_follow_the_ledger(sql):
    flows = queries.cash_flows()
    # Every baht of cash leaves its origin once: the flows add up to the cash given.
    assert flows.amount_baht.sum() == float(sql(
        "SELECT sum(amount_baht) FROM contribution WHERE kind = 'cash'")[0][0])
    admin = flows[flows.use == "admin"].amount_baht.sum()
    assert admin == float(sql("SELECT sum(amount_baht) FROM fund_entry WHERE bucket = 'admin' "
                              "AND entry = 'paid_in'")[0][0])
    assert not (flows.origin.isin(["DTAC", "TCDC"])).any()      # in kind only: no cash to follow


def test_revolving_fund_ends_at_the_ledgers_totals(sql):
    months = queries.revolving_fund_by_month()
    paid_in, profit, loss, loan_out, repaid = sql("""
        SELECT sum(amount_baht) FILTER (WHERE entry = 'paid_in')
                 - sum(amount_baht) FILTER (WHERE entry = 'passed_on'),
               sum(amount_baht) FILTER (WHERE entry = 'profit'),
               sum(amount_baht) FILTER (WHERE entry = 'loss'),
               sum(amount_baht) FILTER (WHERE entry = 'loan_out'),
               sum(amount_baht) FILTER (WHERE entry = 'repayment')
        FROM fund_entry WHERE bucket = 'revolving'""")[0]
    last = months.iloc[-1]
    assert last.floor == pytest.approx(float(paid_in))
    assert last.capital == pytest.approx(float(paid_in + profit - loss))
    assert last.on_loan == pytest.approx(float(loan_out - repaid - loss))
    assert months.month.is_monotonic_increasing


def test_every_grant_is_checked_against_70_30(sql):
    checks = queries.grant_split_checks()
    assert len(checks) == sql("SELECT count(*) FROM contribution WHERE source = 'partner' "
                              "AND kind = 'cash' AND purpose IN ('grant', 'matching')")[0][0]
    assert (checks.admin == checks.grant_baht * 0.3).all()
    assert set(checks.verdict) == {"ok"}


def test_grant_split_counts_and_the_rows_shown(sql):
    grants = sql("SELECT count(*) FROM contribution WHERE source = 'partner' AND kind = 'cash' "
                 "AND purpose IN ('grant', 'matching')")[0][0]
    assert queries.grant_split_counts() == {"grants": grants, "ok": grants}
    assert len(queries.grant_split_checks(5)) == 5
    assert queries.grant_split_checks(5, breaches_only=True).empty


def _grant_split(grants: list[tuple[float, float]]) -> list[tuple]:
    """grant_split built by its own SQL over hand-made grants: (grant, admin paid in) each, the
    rest of the grant paid into revolving; (grant, admin, gap, verdict) back, in order."""
    con = duckdb.connect()
    con.execute("ATTACH ':memory:' AS shape")
    con.execute("USE shape")
    db.create_facts(con)
    con.execute("USE memory")
    # The facts' columns and types, without the keys the rest of a network would need.
    for table in ("contribution", "fund_entry"):
        con.execute(f"CREATE TABLE {table} AS FROM shape.{table} LIMIT 0")
    for n, (grant, admin) in enumerate(grants, 1):
        con.execute("INSERT INTO contribution (id, date, source, partner_code, network_code, kind, purpose, "
                    "amount_baht) VALUES (?, DATE '2024-01-01', 'partner', 'TTT', 'N1', 'cash', 'grant', ?)",
                    [n, grant])
        for bucket, amount in (("admin", admin), ("revolving", round(grant - admin, 2))):
            con.execute("INSERT INTO fund_entry (id, date, network_code, bucket, entry, amount_baht, "
                        "contribution_id) VALUES (?, DATE '2024-01-01', 'N1', ?, 'paid_in', ?, ?)",
                        [2 * n + (bucket == "admin"), bucket, amount, n])
    con.execute(derive.terms_sql())
    con.execute(derive.sql("fund_grant"))
    con.execute(derive.sql("grant_split"))
    return con.execute("SELECT grant_baht, admin, gap, verdict FROM grant_split ORDER BY id").fetchall()


def test_the_70_30_verdict_in_sql_is_the_rule_in_funds():
    # 30% of 10,000 is 3,000; a baht either way is rounding (funds.TOLERANCE_BAHT), a satang past
    # it a breach. Awkward amounts too, where 30% falls between two satang.
    grants = [(10_000.0, 3_000.0, "ok"), (10_000.0, 3_001.0, "ok"), (10_000.0, 2_999.0, "ok"),
              (10_000.0, 3_001.01, "over"), (10_000.0, 2_998.99, "under"), (10_000.0, 3_500.0, "over"),
              (10_000.0, 0.0, "under"), (333.33, 100.0, "ok"), (3_125.55, 937.67, "ok"),
              (1_000_000.07, 300_001.02, "ok"), (1_000_000.07, 300_001.03, "over"),
              (1_000_000.07, 299_999.0, "under"), (0.03, 0.01, "ok")]
    rows = _grant_split([(grant, admin) for grant, admin, _ in grants])
    assert [verdict for *_, verdict in rows] == [verdict for *_, verdict in grants]
    for (grant, admin, gap, verdict), (expected_grant, expected_admin, _) in zip(rows, grants):
        assert (grant, admin) == (expected_grant, expected_admin)
        assert gap == funds.split_gap(grant, admin)
        assert verdict == funds.verdict(funds.split_gap(grant, admin)), (grant, admin)


def _scheme_match(members: dict[str, tuple[list[tuple[str, float]], list[tuple[str, float]]]],
                  ratio: float = 1.0) -> dict[str, tuple]:
    """scheme_match built by its own SQL over hand-made groups of one scheme that every group
    joined on 2024-01-01: {group: ([(day, members' money)], [(day, partner's matching cash)])};
    {group: (raised, matched, gap, verdict)} back."""
    con = duckdb.connect()
    con.execute("ATTACH ':memory:' AS shape")
    con.execute("USE shape")
    db.create_facts(con)
    con.execute("USE memory")
    for table in ("contribution", "matching_scheme", "scheme_member"):
        con.execute(f"CREATE TABLE {table} AS FROM shape.{table} LIMIT 0")
    con.execute("INSERT INTO matching_scheme VALUES ('S1', 'ก', 'S', ?)", [ratio])
    rows = 0
    for group, (raised, matched) in members.items():
        con.execute("INSERT INTO scheme_member (scheme_code, group_code, since) VALUES ('S1', ?, DATE '2024-01-01')",
                    [group])
        for source, kind, purpose, entries in (("members", "cash", "share", raised),
                                               ("partner", "cash", "matching", matched)):
            for day, amount in entries:
                rows += 1
                con.execute("INSERT INTO contribution (id, date, source, group_code, kind, purpose, amount_baht) "
                            "VALUES (?, ?::DATE, ?, ?, ?, ?, ?)", [rows, day, source, group, kind, purpose, amount])
    con.execute(derive.terms_sql())
    con.execute(derive.sql("fund_grant"))
    con.execute(derive.sql("scheme_match"))
    return {g: tuple(rest) for g, *rest in con.execute(
        "SELECT group_code, raised, matched, gap, verdict FROM scheme_match").fetchall()}


def test_the_1_1_verdict_in_sql_is_the_rule_in_funds():
    # Members' money counts up to the day of the first match; money raised after it waits for the
    # next. A baht either way is rounding (funds.TOLERANCE_BAHT); no match yet is said as such.
    checks = _scheme_match({
        "exact": ([("2024-02-01", 5_000.0)], [("2024-03-01", 5_000.0)]),
        "a_baht": ([("2024-02-01", 5_000.0)], [("2024-03-01", 4_999.0)]),
        "short": ([("2024-02-01", 5_000.0), ("2024-02-15", 1_250.0)], [("2024-03-01", 5_000.0)]),
        "over": ([("2024-02-01", 5_000.0)], [("2024-03-01", 6_000.0)]),
        "later_savings": ([("2024-02-01", 5_000.0), ("2024-04-01", 9_000.0)], [("2024-03-01", 5_000.0)]),
        "waiting": ([("2024-02-01", 3_000.0)], []),
    })
    assert checks == {"exact": (5_000.0, 5_000.0, 0.0, "ok"), "a_baht": (5_000.0, 4_999.0, -1.0, "ok"),
                      "short": (6_250.0, 5_000.0, -1_250.0, "under"), "over": (5_000.0, 6_000.0, 1_000.0, "over"),
                      "later_savings": (5_000.0, 5_000.0, 0.0, "ok"),
                      "waiting": (3_000.0, 0.0, -3_000.0, "not_matched")}
    # At another ratio the partners owe that multiple.
    assert _scheme_match({"g": ([("2024-02-01", 1_000.0)], [("2024-03-01", 1_000.0)])}, ratio=2.0) == {
        "g": (1_000.0, 1_000.0, -1_000.0, "under")}


def test_scheme_match_checks(sql):
    checks = queries.scheme_match_checks().set_index("group_code")
    # The scheme's members only, every one of them checked; every sample member is matched 1:1.
    assert sorted(checks.index) == [g for (g,) in sql("SELECT group_code FROM scheme_member ORDER BY 1")]
    assert (checks.verdict == "ok").all() and (checks.ratio == 1).all()
    # A member: its members' shares and first three months of savings since it joined, matched 1:1.
    code, raised, matched = sql("""
        WITH m AS (SELECT c.group_code, min(c.date) AS d, sum(c.amount_baht) AS matched
                   FROM contribution c JOIN scheme_member s ON s.group_code = c.group_code
                   WHERE c.purpose = 'matching' AND c.date >= s.since GROUP BY 1)
        SELECT c.group_code, sum(c.amount_baht), any_value(m.matched)
        FROM contribution c JOIN m ON m.group_code = c.group_code
        JOIN scheme_member s ON s.group_code = c.group_code
        WHERE c.source = 'members' AND c.date BETWEEN s.since AND m.d GROUP BY 1 ORDER BY 1 LIMIT 1""")[0]
    assert checks.loc[code, "raised"] == float(raised) == float(matched)
    assert checks.loc[code, "gap"] == 0
    # Groups outside every scheme: listed by name, no baht asked of anyone.
    outside, total = queries.outside_schemes()
    assert total == len(outside) == sql("""SELECT count(*) FROM occupation_group WHERE formed IS NOT NULL
        AND code NOT IN (SELECT group_code FROM scheme_member)""")[0][0] > 0
    assert set(outside.columns) == {"code", "name_th", "name_en", "village_th", "village_en"}
