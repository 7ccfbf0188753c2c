"""Load-time summaries: per village, subdistrict, district and province, computed once when a
database file is written (db.write_database calls `build`), so that pages read small tables
whatever the scale. The table is declared in schema.sql (area_summary)."""

from __future__ import annotations

import duckdb

# The additive columns of area_summary, summed from one level to the next.
COUNTS = ("villages", "target_villages", "pilot_villages", "villages_reached", "stage_target",
          "stage_sages", "stage_households", "stage_group", "stage_all5k", "sages", "lead_sages",
          "households", "groups", "groups_formed", "groups_5k")
MONEY = ("support_cash", "support_in_kind", "members_raised", "revolving_capital", "sales")
MEASURES = COUNTS + MONEY

VILLAGES = """
INSERT INTO area_summary
WITH group_money AS (
    SELECT g.village_code,
           sum(c.amount_baht) FILTER (WHERE c.source = 'partner' AND c.kind = 'cash') AS support_cash,
           sum(c.amount_baht) FILTER (WHERE c.source = 'partner' AND c.kind = 'in_kind') AS support_in_kind,
           sum(c.amount_baht) FILTER (WHERE c.source = 'members') AS members_raised
    FROM contribution c JOIN occupation_group g ON g.code = c.group_code
    GROUP BY 1),
capital AS (
    SELECT g.village_code, sum(f.capital) AS revolving_capital
    FROM group_fund f JOIN occupation_group g ON g.code = f.group_code
    GROUP BY 1),
sales AS (
    SELECT g.village_code, sum(s.amount_baht) AS sales
    FROM sale s JOIN product p ON p.code = s.product_code
    JOIN occupation_group g ON g.code = p.group_code
    GROUP BY 1),
groups AS (SELECT village_code, count(*) AS groups FROM occupation_group GROUP BY 1)
SELECT 'village', v.code, v.subdistrict_code, s.district_code, d.province_code,
       1, v.is_target::INTEGER, v.is_pilot::INTEGER,
       (v.is_target AND vs.stage_rank >= 1)::INTEGER,
       (vs.stage_rank = 0)::INTEGER, (vs.stage_rank = 1)::INTEGER, (vs.stage_rank = 2)::INTEGER,
       (vs.stage_rank = 3)::INTEGER, (vs.stage_rank = 4)::INTEGER,
       vs.sages, vs.lead_sages, vs.households, coalesce(gr.groups, 0), vs.groups_formed,
       vs.groups_5k,
       coalesce(m.support_cash, 0), coalesce(m.support_in_kind, 0), coalesce(m.members_raised, 0),
       coalesce(k.revolving_capital, 0), coalesce(sl.sales, 0), NULL
FROM village v
JOIN subdistrict s ON s.code = v.subdistrict_code
JOIN district d ON d.code = s.district_code
JOIN village_stage vs ON vs.village_code = v.code
LEFT JOIN groups gr ON gr.village_code = v.code
LEFT JOIN group_money m ON m.village_code = v.code
LEFT JOIN capital k ON k.village_code = v.code
LEFT JOIN sales sl ON sl.village_code = v.code
"""


# How each level names itself and its ancestors, summing the level below (`a`).
KEYS = {"subdistrict": ("a.subdistrict_code", "a.subdistrict_code", "any_value(a.district_code)",
                        "any_value(a.province_code)"),
        "district": ("a.district_code", "NULL", "a.district_code", "any_value(a.province_code)"),
        "province": ("a.province_code", "NULL", "NULL", "a.province_code")}
BELOW = {"subdistrict": "village", "district": "subdistrict", "province": "district"}

# What belongs to a level itself: a subdistrict's network receives support no village does;
# a district holds the market events.
OWN = {
    "subdistrict": """
        LEFT JOIN (SELECT n.subdistrict_code,
                          sum(c.amount_baht) FILTER (WHERE c.kind = 'cash') AS support_cash,
                          sum(c.amount_baht) FILTER (WHERE c.kind = 'in_kind') AS support_in_kind
                   FROM contribution c JOIN network n ON n.code = c.network_code
                   WHERE c.source = 'partner' GROUP BY 1) own ON own.subdistrict_code = a.subdistrict_code""",
    "district": """
        LEFT JOIN (SELECT district_code, count(*) AS events FROM market_event GROUP BY 1) own
               ON own.district_code = a.district_code""",
    "province": "",
}


def _rollup(level: str) -> str:
    """The INSERT that sums `level` from the level below. Only constant names are formatted in."""
    own = OWN[level]
    columns = [f"sum(a.{m})" for m in MEASURES]
    if level == "subdistrict":
        columns = [f"sum(a.{m}) + coalesce(any_value(own.{m}), 0)" if m.startswith("support_") else c
                   for m, c in zip(MEASURES, columns)]
    events = {"subdistrict": "NULL", "district": "coalesce(any_value(own.events), 0)",
              "province": "sum(a.events)"}[level]
    return f"""
        INSERT INTO area_summary
        SELECT '{level}', {', '.join(KEYS[level])}, {', '.join(columns)}, {events}
        FROM area_summary a {own}
        WHERE a.level = '{BELOW[level]}'
        GROUP BY ALL"""


# A village's team: one lead sage and four others (the "1+4").
TEAM_SIZE = 5
# The Thai fiscal year (Buddhist Era) of a date, as in i18n.fiscal_year: October starts the next.
FISCAL_YEAR = "(year({col}) + 543 + CASE WHEN month({col}) >= 10 THEN 1 ELSE 0 END)"
# Cash the partners put into a fund: the grants the 70/30 and 1:1 rules apply to.
FUND_GRANT = "source = 'partner' AND kind = 'cash' AND purpose IN ('grant', 'matching')"

# The villages the plan covers: those in a subdistrict with a plan, or with targets of their own.
PLAN_VILLAGES = """v AS (
    SELECT code, subdistrict_code, name_th, name_en FROM village
    WHERE subdistrict_code IN (SELECT area_code FROM plan_target)
       OR code IN (SELECT area_code FROM plan_target))"""

# The smaller tables other pages read (schema.sql, issue 8), each the answer to a page's
# question over the whole file, so a page reads thousands of rows, not millions.
PAGE_TABLES = {
    "funnel_village": """
        SELECT s.village_code, s.lead_sages >= 1 AND s.sages >= ?, s.households,
               count(p.group_code) FILTER (WHERE p.formed IS NOT NULL),
               count(p.group_code) FILTER (WHERE p.formed IS NOT NULL AND p.all5k),
               count(p.group_code) FILTER (WHERE p.formed IS NOT NULL AND p.group_code IN (
                   SELECT DISTINCT pr.group_code FROM sale sl JOIN product pr ON pr.code = sl.product_code))
        FROM village_stage s LEFT JOIN group_progress p ON p.village_code = s.village_code
        WHERE s.is_target
        GROUP BY ALL""",
    "formation_month": """
        WITH events AS (
            SELECT left(village_code, 6) AS subdistrict_code, 'households_trained' AS indicator,
                   joined AS day
            FROM household
            UNION ALL
            SELECT left(village_code, 6), 'groups_formed', formed FROM occupation_group
            WHERE formed IS NOT NULL
            UNION ALL
            SELECT left(any_value(g.village_code), 6), 'groups_5k', max(m.reached)
            FROM milestone m
            JOIN occupation_group g ON m.owner_kind = 'group' AND m.owner_code = g.code
            WHERE g.formed IS NOT NULL
            GROUP BY g.code HAVING count(*) = 5)
        SELECT subdistrict_code, indicator, date_trunc('month', day)::DATE, count(*)
        FROM events WHERE day IS NOT NULL
        GROUP BY ALL ORDER BY 1, 2, 3""",
    "contribution_summary": f"""
        SELECT source, partner_code, kind, {FISCAL_YEAR.format(col="date")}, purpose,
               sum(amount_baht), sum(days), count(*)
        FROM contribution GROUP BY ALL""",
    "cash_flow_summary": """
        SELECT coalesce(c.partner_code, 'members'),
               CASE WHEN c.group_code IS NULL THEN 'network' ELSE 'groups' END,
               coalesce(f.bucket, c.purpose),
               sum(coalesce(f.amount_baht, c.amount_baht))
        FROM contribution c
        LEFT JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in'
        WHERE c.kind = 'cash'
        GROUP BY ALL""",
    "revolving_month": """
        SELECT date_trunc('month', date)::DATE,
               coalesce(sum(amount_baht) FILTER (WHERE entry = 'paid_in'), 0),
               coalesce(sum(amount_baht) FILTER (WHERE entry = 'loan_out'), 0),
               coalesce(sum(amount_baht) FILTER (WHERE entry = 'repayment'), 0),
               coalesce(sum(amount_baht) FILTER (WHERE entry = 'profit'), 0),
               coalesce(sum(amount_baht) FILTER (WHERE entry = 'loss'), 0)
        FROM fund_entry WHERE bucket = 'revolving' GROUP BY 1""",
    "grant_split": f"""
        SELECT c.id, c.date, c.partner_code, c.group_code, c.network_code, c.amount_baht::DOUBLE,
               coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin'), 0)::DOUBLE,
               coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'revolving'), 0)::DOUBLE
        FROM contribution c
        LEFT JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in'
        WHERE {FUND_GRANT}
        GROUP BY ALL""",
    "group_match": f"""
        WITH granted AS (
            SELECT group_code, min(date) AS matched_on, sum(amount_baht) AS matched
            FROM contribution WHERE {FUND_GRANT} AND group_code IS NOT NULL GROUP BY 1),
        raised AS (
            SELECT c.group_code, sum(c.amount_baht) AS raised
            FROM contribution c LEFT JOIN granted USING (group_code)
            WHERE c.source = 'members' AND (granted.matched_on IS NULL OR c.date <= granted.matched_on)
            GROUP BY 1)
        SELECT raised.group_code, raised.raised::DOUBLE, coalesce(granted.matched, 0)::DOUBLE,
               granted.matched_on
        FROM raised LEFT JOIN granted USING (group_code)
        WHERE raised.group_code IS NOT NULL""",
    "event_sales_summary": """
        SELECT s.event_code, count(DISTINCT p.group_code), count(*), sum(s.quantity),
               sum(s.amount_baht)::DOUBLE
        FROM sale s JOIN product p ON p.code = s.product_code
        GROUP BY 1""",
    "group_sales": """
        SELECT p.group_code, any_value(g.village_code), count(DISTINCT s.event_code),
               sum(s.quantity), sum(s.amount_baht)::DOUBLE
        FROM sale s JOIN product p ON p.code = s.product_code
        JOIN occupation_group g ON g.code = p.group_code
        GROUP BY 1""",
    "product_sales": """
        SELECT product_code, sum(quantity), sum(amount_baht)::DOUBLE FROM sale GROUP BY 1""",
    "training_effect": """
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
               count(DISTINCT ge.group_code), count(*), avg(ge.sales_baht)
        FROM first_training f
        JOIN group_event ge ON ge.group_code = f.group_code
        GROUP BY ALL""",
    "plan_village_day": f"""
        WITH {PLAN_VILLAGES},
        grp AS (SELECT g.code, g.village_code, g.formed FROM occupation_group g
                JOIN v ON v.code = g.village_code WHERE g.formed IS NOT NULL)
        SELECT village_code, 'households_trained', joined, count(*) FROM household
        WHERE village_code IN (SELECT code FROM v) AND joined IS NOT NULL GROUP BY 1, 3
        UNION ALL
        SELECT village_code, 'groups_formed', formed, count(*) FROM grp GROUP BY 1, 3
        UNION ALL
        SELECT village_code, 'groups_5k', day, count(*) FROM (
            SELECT any_value(grp.village_code) AS village_code,
                   greatest(any_value(grp.formed), max(m.reached)) AS day
            FROM grp JOIN milestone m ON m.owner_kind = 'group' AND m.owner_code = grp.code
            GROUP BY grp.code HAVING count(*) = 5) GROUP BY 1, 3
        UNION ALL
        SELECT g.village_code, 'revolving_fund', f.date,
               sum(CASE f.entry WHEN 'loss' THEN -f.amount_baht ELSE f.amount_baht END)
        FROM fund_entry f JOIN occupation_group g ON g.code = f.group_code
        JOIN v ON v.code = g.village_code
        WHERE f.bucket = 'revolving' AND f.entry IN ('paid_in', 'profit', 'loss')
        GROUP BY 1, 3
        UNION ALL
        SELECT g.village_code, 'sales', e.date, sum(s.amount_baht)
        FROM sale s
        JOIN market_event e ON e.code = s.event_code
        JOIN product p ON p.code = s.product_code
        JOIN occupation_group g ON g.code = p.group_code
        JOIN v ON v.code = g.village_code
        GROUP BY 1, 3""",
    "plan_readiness": f"""
        WITH {PLAN_VILLAGES},
        events AS (SELECT g.village_code, count(DISTINCT s.event_code) AS events_sold
                   FROM sale s JOIN product p ON p.code = s.product_code
                   JOIN occupation_group g ON g.code = p.group_code
                   WHERE g.village_code IN (SELECT code FROM v) GROUP BY 1)
        SELECT v.code, v.subdistrict_code, v.name_th, v.name_en,
               count(DISTINCT gp.group_code) FILTER (WHERE gp.formed IS NOT NULL),
               count(DISTINCT gp.group_code) FILTER (WHERE gp.formed IS NOT NULL AND gp.all5k),
               count(DISTINCT gf.group_code) FILTER (WHERE gf.capital < gf.paid_in),
               count(DISTINCT gf.group_code),
               coalesce(any_value(e.events_sold), 0)
        FROM v
        LEFT JOIN group_progress gp ON gp.village_code = v.code
        LEFT JOIN group_fund gf ON gf.group_code = gp.group_code
        LEFT JOIN events e ON e.village_code = v.code
        GROUP BY v.code, v.subdistrict_code, v.name_th, v.name_en""",
}


def build(con: duckdb.DuckDBPyConnection) -> None:
    """Fills area_summary and the page tables from the base tables of the file being written."""
    columns = [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'area_summary' "
        "ORDER BY ordinal_position").fetchall()]
    if tuple(columns[5:-1]) != MEASURES:
        raise ValueError(f"area_summary columns do not match aggregates.MEASURES: {columns}")
    con.execute("DELETE FROM area_summary")
    con.execute(VILLAGES)
    for level in ("subdistrict", "district", "province"):
        con.execute(_rollup(level))
    for table, select in PAGE_TABLES.items():
        # `table` comes from PAGE_TABLES above, never from input.
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} {select}", [TEAM_SIZE] if "?" in select else [])
