"""One function per question a page asks. All SQL runs through `db.run`, read-only and
parameterised; each function returns plain data the page can draw."""

from __future__ import annotations

from collections.abc import Sequence

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

def table_row_counts() -> dict[str, int]:
    """How many rows each table of the live database holds, in the schema's order."""
    from samma.db import TABLES
    # Table names come from db.TABLES, never from input.
    counts = run(" UNION ALL ".join(f"SELECT '{table}' AS name, count(*) AS n FROM {table}"
                                    for table in TABLES))
    return dict(zip(counts["name"], counts["n"].astype(int)))


def load_warnings(rules: Sequence[str] = (), group_code: str | None = None) -> pd.DataFrame:
    """Rule breaches found when the data was loaded (split not 70/30, matching above the members'
    own part, revolving capital below its floor), optionally only some rules or one group.
    Columns: rule, group_code, contribution_id, amount_baht, limit_baht, message_th, message_en."""
    return run("""
        SELECT rule, group_code, contribution_id, amount_baht::DOUBLE AS amount_baht,
               limit_baht::DOUBLE AS limit_baht, message_th, message_en
        FROM load_warning
        WHERE (? = '' OR list_contains(string_split(?, ','), rule))
          AND (?::VARCHAR IS NULL OR group_code = ?)
        ORDER BY rule, group_code, contribution_id""",
               [",".join(rules), ",".join(rules), group_code, group_code])



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

def market_events() -> pd.DataFrame:
    """Every market event in date order, with its organiser and what was sold there."""
    return run("""
        SELECT e.code, e.date, e.name_th, e.name_en, e.place_th, e.place_en,
               e.organiser_code, o.short_th AS organiser_th, o.short_en AS organiser_en,
               count(DISTINCT p.group_code) AS groups_selling,
               count(s.product_code) AS products,
               coalesce(sum(s.quantity), 0) AS quantity,
               coalesce(sum(s.amount_baht), 0)::DOUBLE AS sales_baht
        FROM market_event e
        JOIN partner o ON o.code = e.organiser_code
        LEFT JOIN sale s ON s.event_code = e.code
        LEFT JOIN product p ON p.code = s.product_code
        GROUP BY ALL
        ORDER BY e.date, e.code""")


def sales_by_group(event_code: str | None = None) -> pd.DataFrame:
    """Sales per occupational group (never per household), at one event or at all of them."""
    return run("""
        SELECT g.code, g.name_th, g.name_en, g.village_code,
               v.name_th AS village_th, v.name_en AS village_en,
               d.name_th AS subdistrict_th, d.name_en AS subdistrict_en,
               count(DISTINCT s.event_code) AS events,
               sum(s.quantity) AS quantity, sum(s.amount_baht)::DOUBLE AS sales_baht
        FROM sale s
        JOIN product p ON p.code = s.product_code
        JOIN occupation_group g ON g.code = p.group_code
        JOIN village v ON v.code = g.village_code
        JOIN subdistrict d ON d.code = v.subdistrict_code
        WHERE ? IS NULL OR s.event_code = ?
        GROUP BY ALL
        ORDER BY sales_baht DESC, g.code""", [event_code, event_code])


def sales_by_product() -> pd.DataFrame:
    """Sales per kind of product, summed over the groups that make it."""
    return run("""
        SELECT p.name_th, p.name_en, p.unit_th, p.unit_en,
               count(DISTINCT p.group_code) AS groups,
               sum(s.quantity) AS quantity, sum(s.amount_baht)::DOUBLE AS sales_baht
        FROM sale s JOIN product p ON p.code = s.product_code
        GROUP BY ALL
        ORDER BY sales_baht DESC, p.name_en""")


def sales_by_village() -> pd.DataFrame:
    """Sales per village: the sum of its groups' sales at every event."""
    return run("""
        SELECT v.code, v.name_th, v.name_en,
               count(DISTINCT p.group_code) AS groups,
               sum(s.quantity) AS quantity, sum(s.amount_baht)::DOUBLE AS sales_baht
        FROM sale s
        JOIN product p ON p.code = s.product_code
        JOIN occupation_group g ON g.code = p.group_code
        JOIN village v ON v.code = g.village_code
        GROUP BY ALL
        ORDER BY sales_baht DESC, v.code""")


def best_sellers(limit: int = 5) -> pd.DataFrame:
    """The group products that brought in the most, all events together."""
    return run("""
        SELECT p.code, p.name_th, p.name_en, p.unit_th, p.unit_en,
               g.name_th AS group_th, g.name_en AS group_en,
               v.name_th AS village_th, v.name_en AS village_en,
               sum(s.quantity) AS quantity, sum(s.amount_baht)::DOUBLE AS sales_baht
        FROM sale s
        JOIN product p ON p.code = s.product_code
        JOIN occupation_group g ON g.code = p.group_code
        JOIN village v ON v.code = g.village_code
        GROUP BY ALL
        ORDER BY sales_baht DESC, p.code
        LIMIT ?""", [limit])


def event_sales(event_code: str) -> pd.DataFrame:
    """Who sold what at one event: each group's products, quantities and baht."""
    return run("""
        SELECT g.code AS group_code, g.name_th AS group_th, g.name_en AS group_en,
               d.name_th AS subdistrict_th, d.name_en AS subdistrict_en,
               p.name_th, p.name_en, p.unit_th, p.unit_en,
               s.quantity, s.amount_baht::DOUBLE AS sales_baht
        FROM sale s
        JOIN product p ON p.code = s.product_code
        JOIN occupation_group g ON g.code = p.group_code
        JOIN village v ON v.code = g.village_code
        JOIN subdistrict d ON d.code = v.subdistrict_code
        WHERE s.event_code = ?
        ORDER BY s.amount_baht DESC, p.code""", [event_code])


def sales_before_after_training() -> pd.DataFrame:
    """For each kind of support (social-media training: LINE, Facebook, website; design
    sessions: product design, packaging), a group's sales per event before and after its first
    such session, with how many groups and group-events stand behind each average."""
    return run("""
        WITH first_training AS (
            SELECT CASE WHEN t.topic IN ('line', 'facebook', 'website') THEN 'social_media'
                        ELSE 'design' END AS kind,
                   tg.group_code, min(t.date) AS first_day
            FROM training t
            JOIN training_group tg ON tg.training_id = t.id
            WHERE t.topic IN ('line', 'facebook', 'website', 'product_design', 'packaging')
            GROUP BY 1, 2),
        group_event AS (
            SELECT p.group_code, s.event_code, e.date, sum(s.amount_baht)::DOUBLE AS sales_baht
            FROM sale s
            JOIN product p ON p.code = s.product_code
            JOIN market_event e ON e.code = s.event_code
            GROUP BY 1, 2, 3)
        SELECT f.kind,
               CASE WHEN ge.date < f.first_day THEN 'before' ELSE 'after' END AS period,
               count(DISTINCT ge.group_code) AS groups,
               count(*) AS group_events,
               avg(ge.sales_baht) AS sales_per_group_event
        FROM first_training f
        JOIN group_event ge ON ge.group_code = f.group_code
        GROUP BY ALL
        ORDER BY f.kind DESC, period DESC""")


def training_partners() -> pd.DataFrame:
    """Who ran the social-media and design sessions, to name them beside the before/after view."""
    return run("""
        SELECT DISTINCT CASE WHEN t.topic IN ('line', 'facebook', 'website') THEN 'social_media'
                             ELSE 'design' END AS kind,
               o.short_th, o.short_en
        FROM training t JOIN partner o ON o.code = t.partner_code
        WHERE t.topic IN ('line', 'facebook', 'website', 'product_design', 'packaging')
        ORDER BY 1, 3""")


def plan_targets() -> pd.DataFrame:
    """The three steps' targets, per subdistrict (6-digit area) or village (8-digit area)."""
    return run("""
        SELECT step, indicator, area_code, target_value::DOUBLE AS target_value, plan_start, due
        FROM plan_target ORDER BY area_code, indicator, step""")


def plan_villages() -> pd.DataFrame:
    """Villages the plan covers: those in a subdistrict with a plan, or with targets of their own."""
    return run("""
        SELECT v.code, v.subdistrict_code, v.moo, v.name_th, v.name_en
        FROM village v
        WHERE v.subdistrict_code IN (SELECT area_code FROM plan_target)
           OR v.code IN (SELECT area_code FROM plan_target)
        ORDER BY v.code""")


def plan_indicators_on(day, sales_since) -> pd.DataFrame:
    """Each plan village's indicators as they stood on `day`: households trained (enrolled
    with a sage), groups formed, groups with all 5 K, revolving capital, and sales at events
    from `sales_since` to `day`. Members' income is not recorded in the data, so it has no row.
    Long form: village_code, subdistrict_code, indicator, value."""
    return run("""
        WITH v AS (
            SELECT code, subdistrict_code FROM village
            WHERE subdistrict_code IN (SELECT area_code FROM plan_target)
               OR code IN (SELECT area_code FROM plan_target)),
        grp AS (SELECT g.code, g.village_code FROM occupation_group g JOIN v ON v.code = g.village_code
                WHERE g.formed <= ?::DATE),
        five_k AS (SELECT owner_code FROM milestone
                   WHERE owner_kind = 'group' AND reached <= ?::DATE
                   GROUP BY 1 HAVING count(*) = 5),
        figures AS (
            SELECT village_code, 'households_trained' AS indicator, count(*)::DOUBLE AS value
            FROM household WHERE joined <= ?::DATE GROUP BY 1
            UNION ALL
            SELECT village_code, 'groups_formed', count(*)::DOUBLE FROM grp GROUP BY 1
            UNION ALL
            SELECT village_code, 'groups_5k', count(*)::DOUBLE
            FROM grp JOIN five_k ON five_k.owner_code = grp.code GROUP BY 1
            UNION ALL
            SELECT g.village_code, 'revolving_fund',
                   sum(CASE f.entry WHEN 'loss' THEN -f.amount_baht ELSE f.amount_baht END)::DOUBLE
            FROM fund_entry f JOIN occupation_group g ON g.code = f.group_code
            WHERE f.bucket = 'revolving' AND f.entry IN ('paid_in', 'profit', 'loss')
              AND f.date <= ?::DATE
            GROUP BY 1
            UNION ALL
            SELECT g.village_code, 'sales', sum(s.amount_baht)::DOUBLE
            FROM sale s
            JOIN market_event e ON e.code = s.event_code
            JOIN product p ON p.code = s.product_code
            JOIN occupation_group g ON g.code = p.group_code
            WHERE e.date >= ?::DATE AND e.date <= ?::DATE
            GROUP BY 1),
        indicator(indicator) AS (VALUES ('households_trained'), ('groups_formed'), ('groups_5k'),
                                        ('revolving_fund'), ('sales'))
        SELECT v.code AS village_code, v.subdistrict_code, i.indicator,
               coalesce(f.value, 0) AS value
        FROM v CROSS JOIN indicator i
        LEFT JOIN figures f ON f.village_code = v.code AND f.indicator = i.indicator
        ORDER BY v.code, i.indicator""", [day, day, day, day, sales_since, day])


def village_readiness() -> pd.DataFrame:
    """What the committee checks before the model goes to the next subdistrict, per plan
    village: groups formed and with all 5 K, groups whose revolving capital is below what was
    paid in (the floor: it must not be lost), and events its groups sold at."""
    return run("""
        WITH v AS (
            SELECT code, subdistrict_code, moo, name_th, name_en FROM village
            WHERE subdistrict_code IN (SELECT area_code FROM plan_target)
               OR code IN (SELECT area_code FROM plan_target))
        SELECT v.code, v.subdistrict_code, v.name_th, v.name_en,
               count(DISTINCT gp.group_code) FILTER (WHERE gp.formed IS NOT NULL) AS groups_formed,
               count(DISTINCT gp.group_code) FILTER (WHERE gp.formed IS NOT NULL AND gp.all5k)
                 AS groups_5k,
               count(DISTINCT gf.group_code) FILTER (WHERE gf.capital < gf.paid_in) AS groups_below_floor,
               count(DISTINCT gf.group_code) AS groups_with_fund,
               (SELECT count(DISTINCT s.event_code) FROM sale s
                JOIN product p ON p.code = s.product_code
                JOIN occupation_group g ON g.code = p.group_code
                WHERE g.village_code = v.code) AS events_sold
        FROM v
        LEFT JOIN group_progress gp ON gp.village_code = v.code
        LEFT JOIN group_fund gf ON gf.group_code = gp.group_code
        GROUP BY ALL
        ORDER BY v.code""")
