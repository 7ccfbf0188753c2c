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


def build(con: duckdb.DuckDBPyConnection) -> None:
    """Fills area_summary from the base tables of the file being written."""
    columns = [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'area_summary' "
        "ORDER BY ordinal_position").fetchall()]
    if tuple(columns[5:-1]) != MEASURES:
        raise ValueError(f"area_summary columns do not match aggregates.MEASURES: {columns}")
    con.execute("DELETE FROM area_summary")
    con.execute(VILLAGES)
    for level in ("subdistrict", "district", "province"):
        con.execute(_rollup(level))
