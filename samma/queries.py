"""One function per question a page asks. All SQL runs through `db.run`, read-only and
parameterised; each function returns plain data the page can draw."""

from __future__ import annotations

import pandas as pd

from samma import funds
from samma.db import run


def dataset_info() -> dict:
    """Which dataset is live, whether it is the sample, and as of when."""
    return run("SELECT name_th, name_en, is_sample, as_of, loaded_at, positions_approximate "
               "FROM dataset").iloc[0].to_dict()


def headline_figures() -> dict:
    """The figures a partner meeting opens with. Cash and in-kind support stay apart."""
    people = run("""
        SELECT count(*) FILTER (WHERE is_target) AS target_villages,
               count(*) FILTER (WHERE is_target AND stage_rank >= 1) AS villages_reached,
               count(*) FILTER (WHERE is_pilot) AS pilot_villages,
               coalesce(sum(sages), 0) AS sages,
               coalesce(sum(households), 0) AS households,
               coalesce(sum(groups_formed), 0) AS groups_formed,
               coalesce(sum(groups_5k), 0) AS groups_5k
        FROM village_stage""").iloc[0].to_dict()
    money = run("""
        SELECT (SELECT coalesce(sum(amount_baht), 0) FROM contribution
                WHERE source = 'partner' AND kind = 'cash') AS support_cash,
               (SELECT coalesce(sum(amount_baht), 0) FROM contribution
                WHERE source = 'partner' AND kind = 'in_kind') AS support_in_kind,
               (SELECT coalesce(sum(amount_baht), 0) FROM contribution
                WHERE source = 'members') AS members_raised,
               (SELECT coalesce(sum(capital), 0) FROM group_fund) AS revolving_now,
               (SELECT coalesce(sum(amount_baht), 0) FROM sale) AS sales,
               (SELECT count(*) FROM market_event) AS events""").iloc[0].to_dict()
    figures = {**people, **money}
    return {k: (float(v) if k in money and k != "events" else int(v)) for k, v in figures.items()}


# --- data page (issue 3) -----------------------------------------------------------------------


# --- map and groups (issue 4) -----------------------------------------------------------------------


# --- funds (issue 5) -----------------------------------------------------------------------

# The Thai fiscal year (Buddhist Era) of a date, as in i18n.fiscal_year: October starts the next.
_FISCAL_YEAR = "(year({col}) + 543 + CASE WHEN month({col}) >= 10 THEN 1 ELSE 0 END)"
# Cash the partners put into a fund: the grants the 70/30 and 1:1 rules apply to.
_FUND_GRANT = "source = 'partner' AND kind = 'cash' AND purpose IN ('grant', 'matching')"


def partners() -> pd.DataFrame:
    """Every partner, in the order of the reference list (state, civil, academic, private)."""
    return run("SELECT code, short_th, short_en, name_th, name_en, sector FROM partner "
               "ORDER BY rowid")


def support_by_partner_year_purpose() -> pd.DataFrame:
    """Partners' support per partner × cash/in kind × Thai fiscal year × purpose: baht, and the
    days given for in-kind time. Every partner appears, with zero rows when it gave nothing yet."""
    return run(f"""
        SELECT p.code AS partner_code, p.short_th, p.short_en, c.kind,
               {_FISCAL_YEAR.format(col="c.date")} AS fiscal_year, c.purpose,
               coalesce(sum(c.amount_baht), 0)::DOUBLE AS amount_baht,
               coalesce(sum(c.days), 0)::DOUBLE AS days, count(c.id) AS entries
        FROM partner p
        LEFT JOIN contribution c ON c.partner_code = p.code
        GROUP BY ALL
        ORDER BY min(p.rowid), c.kind, fiscal_year, c.purpose""")


def cash_flows() -> pd.DataFrame:
    """Where the cash went, by origin (a partner, or the members themselves): origin → the
    network or the groups → use (admin or revolving from the fund's ledger, otherwise the
    purpose it was given for). In-kind support has no baht to follow and is left out here."""
    return run("""
        SELECT coalesce(c.partner_code, 'members') AS origin,
               CASE WHEN c.group_code IS NULL THEN 'network' ELSE 'groups' END AS recipient,
               coalesce(f.bucket, c.purpose) AS use,
               sum(coalesce(f.amount_baht, c.amount_baht))::DOUBLE AS amount_baht
        FROM contribution c
        LEFT JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in'
        WHERE c.kind = 'cash'
        GROUP BY ALL
        ORDER BY origin, recipient, use""")


def revolving_fund_by_month() -> pd.DataFrame:
    """The revolving fund of all groups, month by month: what moved in the month (paid in,
    loans out, repayments, profit, losses) and where it stood at the month's end: capital
    (paid in + profit − losses), out on loan, and its floor, the capital paid in, which
    "must not be lost"."""
    return run("""
        WITH m AS (
            SELECT date_trunc('month', date)::DATE AS month,
                   coalesce(sum(amount_baht) FILTER (WHERE entry = 'paid_in'), 0) AS paid_in,
                   coalesce(sum(amount_baht) FILTER (WHERE entry = 'loan_out'), 0) AS loans_out,
                   coalesce(sum(amount_baht) FILTER (WHERE entry = 'repayment'), 0) AS repayments,
                   coalesce(sum(amount_baht) FILTER (WHERE entry = 'profit'), 0) AS profit,
                   coalesce(sum(amount_baht) FILTER (WHERE entry = 'loss'), 0) AS losses
            FROM fund_entry WHERE bucket = 'revolving' GROUP BY 1)
        SELECT month, paid_in::DOUBLE AS paid_in, loans_out::DOUBLE AS loans_out,
               repayments::DOUBLE AS repayments, profit::DOUBLE AS profit, losses::DOUBLE AS losses,
               sum(paid_in) OVER w::DOUBLE AS floor,
               sum(paid_in + profit - losses) OVER w::DOUBLE AS capital,
               sum(loans_out - repayments - losses) OVER w::DOUBLE AS on_loan
        FROM m
        WINDOW w AS (ORDER BY month)
        ORDER BY month""")


def grant_split_checks() -> pd.DataFrame:
    """Each cash grant into a fund against 70/30: what went to admin and to revolving, the gap
    of admin from 30% (above zero: more admin than the rule allows) and a word for it."""
    checks = run(f"""
        SELECT c.id, c.date, c.partner_code, c.group_code, c.network_code,
               c.amount_baht::DOUBLE AS grant_baht,
               coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin'), 0)::DOUBLE AS admin,
               coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'revolving'), 0)::DOUBLE AS revolving
        FROM contribution c
        LEFT JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in'
        WHERE {_FUND_GRANT}
        GROUP BY ALL
        ORDER BY c.date, c.id""")
    checks["gap"] = [funds.split_gap(g, a) for g, a in zip(checks.grant_baht, checks.admin)]
    checks["verdict"] = checks.gap.map(funds.verdict)
    return checks


def group_match_checks() -> pd.DataFrame:
    """Each group with a fund against 1:1: what its members raised before the partners' first
    grant (all of it so far when none came yet), what the partners granted, the gap (below
    zero: the partners still owe) and a word: 'ok', 'under', 'over', or 'not_matched'."""
    checks = run(f"""
        WITH granted AS (
            SELECT group_code, min(date) AS matched_on, sum(amount_baht) AS matched
            FROM contribution WHERE {_FUND_GRANT} AND group_code IS NOT NULL GROUP BY 1),
        raised AS (
            SELECT c.group_code, sum(c.amount_baht) AS raised
            FROM contribution c LEFT JOIN granted USING (group_code)
            WHERE c.source = 'members' AND (granted.matched_on IS NULL OR c.date <= granted.matched_on)
            GROUP BY 1)
        SELECT g.code AS group_code, g.name_th, g.name_en, g.village_code,
               raised.raised::DOUBLE AS raised, coalesce(granted.matched, 0)::DOUBLE AS matched,
               granted.matched_on
        FROM occupation_group g
        JOIN raised ON raised.group_code = g.code
        LEFT JOIN granted ON granted.group_code = g.code
        ORDER BY g.code""")
    checks["gap"] = [funds.match_gap(r, m) for r, m in zip(checks.raised, checks.matched)]
    checks["verdict"] = [funds.verdict(gap) if matched else "not_matched"
                         for gap, matched in zip(checks.gap, checks.matched)]
    return checks


def whatif_live_start() -> dict:
    """The what-if's starting point from the data as it is now: villages whose households are
    enrolled, their average team and households, and the money raised and granted so far."""
    row = run(f"""
        SELECT count(*) AS villages,
               coalesce(sum(sages), 0) AS sages, coalesce(sum(households), 0) AS households,
               (SELECT coalesce(sum(amount_baht), 0) FROM contribution
                WHERE source = 'members')::DOUBLE AS raised,
               (SELECT coalesce(sum(amount_baht), 0) FROM contribution
                WHERE {_FUND_GRANT})::DOUBLE AS matched
        FROM village_stage WHERE stage_rank >= 2""").iloc[0]
    return {"villages": int(row.villages), "sages": int(row.sages),
            "households": int(row.households), "raised": float(row.raised),
            "matched": float(row.matched)}



# --- market and plan (issue 6) -----------------------------------------------------------------------
