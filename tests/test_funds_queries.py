"""The Funds page's questions, answered by samma.queries, equal plain SQL on the raw tables."""

import pytest

from samma import queries


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
