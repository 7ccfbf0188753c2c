"""One function per question a page asks. All SQL runs through `db.run`, read-only and
parameterised; each function returns plain data the page can draw."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from samma import coordination, db, plan
from samma.db import run
from samma.domain import HOUSEHOLDS_PER_VILLAGE
from samma.i18n import LANGS, warning_text


def dataset_info() -> dict:
    """Which dataset is live, whether it is the sample, and as of when."""
    return run("SELECT name_th, name_en, is_sample, as_of, loaded_at, positions_approximate "
               "FROM dataset").iloc[0].to_dict()


def headline_figures() -> dict:
    """The figures a partner meeting opens with, from the load-time summaries (a hundred rows
    at national scale). Cash and in-kind support stay apart."""
    figures = run("""
        SELECT coalesce(sum(target_villages), 0) AS target_villages,
               coalesce(sum(villages_reached), 0) AS villages_reached,
               coalesce(sum(pilot_villages), 0) AS pilot_villages,
               coalesce(sum(sages), 0) AS sages, coalesce(sum(households), 0) AS households,
               coalesce(sum(groups_formed), 0) AS groups_formed, coalesce(sum(groups_5k), 0) AS groups_5k,
               coalesce(sum(support_cash), 0) AS support_cash,
               coalesce(sum(support_in_kind), 0) AS support_in_kind,
               coalesce(sum(members_raised), 0) AS members_raised,
               coalesce(sum(revolving_capital), 0) AS revolving_now, coalesce(sum(sales), 0) AS sales,
               -- Events with no district belong to no province: count them all here.
               (SELECT count(*) FROM market_event) AS events
        FROM area_summary WHERE level = 'province'""").iloc[0].to_dict()
    money = ("support_cash", "support_in_kind", "members_raised", "revolving_now", "sales")
    return {k: float(v) if k in money else int(v) for k, v in figures.items()}


# --- data page --------------------------------------------------------------------------------

def table_row_counts() -> dict[str, int]:
    """How many rows each table of the live database holds, in the schema's order."""
    from samma.db import TABLES
    # Table names come from db.TABLES, never from input.
    counts = run(" UNION ALL ".join(f"SELECT '{table}' AS name, count(*) AS n FROM {table}"
                                    for table in TABLES))
    return dict(zip(counts["name"], counts["n"].astype(int)))


def network_sources() -> pd.DataFrame:
    """Which file each network's data came from, and when it was loaded (file and loaded_at
    empty where it was not recorded: the sample, a file from before Samma recorded it)."""
    return run("SELECT n.code, n.name_th, n.name_en, s.file, s.loaded_at FROM network n "
               "LEFT JOIN network_source s ON s.network_code = n.code ORDER BY n.code")


def load_warnings(rules: Sequence[str] = (), group_code: str | None = None,
                  limit: int | None = None, path: Path | None = None) -> pd.DataFrame:
    """Rule breaches in the data (split not 70/30, matching above the members' own part,
    revolving capital below its floor, admin money overspent, a loan register that disagrees with
    the ledger), optionally only some rules or one group, the first
    `limit` of them, in words in both languages (message_th, message_en). `path`: the file a
    load just wrote, read as it is now (not the version the page run started with)."""
    warnings = (db.Reader(path) if path else db.reader()).run("""
        SELECT w.rule, w.group_code, w.network_code,
               coalesce(g.name_th, n.name_th) AS owner_th, coalesce(g.name_en, n.name_en) AS owner_en,
               w.contribution_id, c.amount_baht::DOUBLE AS contribution_baht,
               w.amount_baht::DOUBLE AS amount_baht, w.limit_baht::DOUBLE AS limit_baht
        FROM load_warning w
        LEFT JOIN occupation_group g ON g.code = w.group_code
        LEFT JOIN network n ON n.code = w.network_code
        LEFT JOIN contribution c ON c.id = w.contribution_id
        WHERE (? = '' OR list_contains(string_split(?, ','), w.rule))
          AND (?::VARCHAR IS NULL OR w.group_code = ?)
        -- The conditions in the source's order: 70/30, 1:1, capital; then the admin money and
        -- the loan register. A network before its groups.
        ORDER BY list_position(['split_70_30', 'matching_above_members', 'capital_below_floor',
                                'admin_overspent', 'loans_lent_differ', 'loans_repaid_differ'], w.rule),
                 w.network_code NULLS LAST, w.group_code, w.contribution_id
        LIMIT ?""", [",".join(rules), ",".join(rules), group_code, group_code, limit])
    rows = warnings.astype(object).where(warnings.notna(), None).to_dict("records")
    for lang in LANGS:
        warnings[f"message_{lang}"] = [warning_text(row, lang) for row in rows]
    return warnings


def load_warning_count() -> int:
    """How many rule breaches the last load found."""
    return int(run("SELECT count(*) FROM load_warning").iloc[0, 0])


# --- map and groups ---------------------------------------------------------------------------

# Areas are told apart by code length (province 2, district 4, subdistrict 6; a village is 8)
# and a village's code starts with every area it lies in, so one prefix names any scope:
# '' is everything, '50' Chiang Mai, '5019' Saraphi, '501910' Tha Wang Tan.
AREA_LEVELS = {0: 2, 2: 4, 4: 6, 6: 8}
_SUMMARY_LEVEL = {2: "province", 4: "district", 6: "subdistrict", 8: "village"}

_AREA_NAMES = """
    area AS (SELECT code, name_th, name_en FROM province
             UNION ALL SELECT code, name_th, name_en FROM district
             UNION ALL SELECT code, name_th, name_en FROM subdistrict)"""

# The first 5 K each village's formed groups still miss, in the order the source lists them.
_NEXT_K = """
    k_order AS (SELECT k, position AS ord FROM five_k),
    next_k AS (SELECT g.village_code, arg_min(k_order.k, k_order.ord) AS next_k
               FROM occupation_group g CROSS JOIN k_order
               WHERE g.formed IS NOT NULL AND g.village_code LIKE ? || '%'
                 AND NOT EXISTS (SELECT 1 FROM milestone m WHERE m.owner_kind = 'group'
                                 AND m.owner_code = g.code AND m.k = k_order.k)
               GROUP BY 1)"""


def area_progress(prefix: str = ""):
    """One row per area one level below `prefix`, from the load-time summaries, so a national
    map ships 77 provinces rather than 75,000 villages. `typical_rank` is the furthest stage
    that at least half of the area's villages have reached."""
    length = AREA_LEVELS[len(prefix)]
    return run(f"""WITH {_AREA_NAMES},
        place AS (SELECT left(code, ?) AS code, avg(lat) AS lat, avg(lon) AS lon
                  FROM village WHERE code LIKE ? || '%' GROUP BY 1)
        SELECT s.code, a.name_th, a.name_en, p.lat, p.lon, s.villages::BIGINT AS villages,
               s.target_villages::BIGINT AS target_villages, s.pilot_villages::BIGINT AS pilot_villages,
               s.households::BIGINT AS households, s.groups_formed::BIGINT AS groups_formed,
               s.groups_5k::BIGINT AS groups_5k,
               s.stage_target::BIGINT AS stage_0, s.stage_sages::BIGINT AS stage_1,
               s.stage_households::BIGINT AS stage_2, s.stage_group::BIGINT AS stage_3,
               s.stage_all5k::BIGINT AS stage_4,
               CASE WHEN 2 * s.stage_all5k >= s.villages THEN 4
                    WHEN 2 * (s.stage_group + s.stage_all5k) >= s.villages THEN 3
                    WHEN 2 * (s.stage_households + s.stage_group + s.stage_all5k) >= s.villages THEN 2
                    WHEN 2 * (s.villages - s.stage_target) >= s.villages THEN 1
                    ELSE 0 END AS typical_rank
        FROM area_summary s
        JOIN place p ON p.code = s.code
        LEFT JOIN area a ON a.code = s.code
        WHERE s.level = ? AND s.code LIKE ? || '%'
        ORDER BY 1""", [length, prefix, _SUMMARY_LEVEL[length], prefix])


def area_outline_points(prefix: str = ""):
    """For each area one level below `prefix`, the villages furthest out in eight directions:
    enough to draw the area's outline (their hull) without shipping every village."""
    length = AREA_LEVELS[len(prefix)]
    if length == 8:
        length = 6
    return run("""
        WITH extremes AS (
            SELECT left(code, ?) AS code,
                   [arg_min([lon, lat], lat), arg_max([lon, lat], lat),
                    arg_min([lon, lat], lon), arg_max([lon, lat], lon),
                    arg_min([lon, lat], lat + lon), arg_max([lon, lat], lat + lon),
                    arg_min([lon, lat], lat - lon), arg_max([lon, lat], lat - lon)] AS points
            FROM village WHERE code LIKE ? || '%' AND lat IS NOT NULL GROUP BY 1)
        SELECT e.code, p.point[1] AS lon, p.point[2] AS lat
        FROM extremes e, unnest(e.points) AS p(point)
        ORDER BY 1""", [length, prefix])


def villages_on_map(prefix: str):
    """Every village under `prefix` with its stage, households, groups and next missing K.
    Pages call it for a district or smaller (a few hundred villages at most)."""
    return run(f"""WITH {_NEXT_K}
        SELECT v.code, v.subdistrict_code, sd.name_th AS subdistrict_th, sd.name_en AS subdistrict_en,
               v.moo, v.name_th, v.name_en, v.lat, v.lon, v.is_target, v.is_pilot,
               s.stage_rank, s.sages, s.households, s.groups_formed, s.groups_5k, n.next_k
        FROM village v
        JOIN village_stage s ON s.village_code = v.code
        JOIN subdistrict sd ON sd.code = v.subdistrict_code
        LEFT JOIN next_k n ON n.village_code = v.code
        WHERE v.code LIKE ? || '%' AND v.lat IS NOT NULL
        ORDER BY v.code""", [prefix, prefix])


def village_card(code: str) -> dict | None:
    """What a meeting wants to know about one village. Sages and households are counted, never
    named; partners' cash and in-kind support to its groups are kept apart."""
    village = run(f"""WITH {_NEXT_K}
        SELECT v.code, v.moo, v.name_th, v.name_en, v.is_pilot, v.is_target,
               sd.name_th AS subdistrict_th, sd.name_en AS subdistrict_en,
               d.name_th AS district_th, d.name_en AS district_en,
               s.stage_rank, s.sages, s.lead_sages, s.households, s.groups_formed, s.groups_5k,
               n.next_k
        FROM village v JOIN village_stage s ON s.village_code = v.code
        JOIN subdistrict sd ON sd.code = v.subdistrict_code
        JOIN district d ON d.code = sd.district_code
        LEFT JOIN next_k n ON n.village_code = v.code
        WHERE v.code = ?""", [code, code])
    if village.empty:
        return None
    groups = run("""
        SELECT g.code, g.name_th, g.name_en, o.name_th AS occupation_th, o.name_en AS occupation_en,
               g.formed, p.ks,
               (SELECT count(*) FROM household h WHERE h.group_code = g.code) AS households
        FROM occupation_group g JOIN occupation o ON o.code = g.occupation_code
        JOIN group_progress p ON p.group_code = g.code
        WHERE g.village_code = ? ORDER BY g.code""", [code])
    # A group the households have not formed yet has no date: None, which pages can test for.
    groups["formed"] = groups["formed"].astype(object).where(groups["formed"].notna(), None)
    support = run("""
        SELECT p.code AS partner, p.short_th, p.short_en,
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'cash'), 0)::DOUBLE AS cash,
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'in_kind'), 0)::DOUBLE AS in_kind
        FROM contribution c JOIN partner p ON p.code = c.partner_code
        JOIN occupation_group g ON g.code = c.group_code
        WHERE c.source = 'partner' AND g.village_code = ?
        GROUP BY ALL ORDER BY p.code""", [code])
    money = run("""
        SELECT (SELECT coalesce(sum(c.amount_baht), 0) FROM contribution c
                JOIN occupation_group g ON g.code = c.group_code
                WHERE c.source = 'members' AND g.village_code = ?)::DOUBLE AS members_raised,
               (SELECT coalesce(sum(f.capital), 0) FROM group_fund f
                JOIN occupation_group g ON g.code = f.group_code WHERE g.village_code = ?)::DOUBLE
                 AS revolving_now,
               (SELECT coalesce(sum(f.on_loan), 0) FROM group_fund f
                JOIN occupation_group g ON g.code = f.group_code WHERE g.village_code = ?)::DOUBLE
                 AS on_loan,
               (SELECT coalesce(sum(s.amount_baht), 0) FROM sale s
                JOIN product p ON p.code = s.product_code
                JOIN occupation_group g ON g.code = p.group_code WHERE g.village_code = ?)::DOUBLE
                 AS sales,
               (SELECT count(DISTINCT s.event_code) FROM sale s
                JOIN product p ON p.code = s.product_code
                JOIN occupation_group g ON g.code = p.group_code WHERE g.village_code = ?) AS events
        """, [code] * 5).iloc[0].to_dict()
    return {**village.iloc[0].to_dict(), **money, "groups": groups, "support": support}


def formation_funnel(prefix: str = ""):
    """The steps from target village to selling group, each with the denominator it is fairly
    measured against: villages for villages, 20 a village for households, formed groups for
    what formed groups go on to do."""
    return run("""
        WITH f AS (SELECT count(*) AS villages, count(*) FILTER (WHERE with_sages) AS with_sages,
                          coalesce(sum(households), 0) AS households,
                          coalesce(sum(groups_formed), 0) AS formed,
                          coalesce(sum(groups_5k), 0) AS all5k, coalesce(sum(groups_sold), 0) AS sold
                   FROM funnel_village WHERE village_code LIKE ? || '%')
        SELECT step, value::BIGINT AS value, denominator::BIGINT AS denominator, denominator_key
        FROM f, (VALUES
            (1, 'target_villages', f.villages, f.villages, 'of_target_villages'),
            (2, 'villages_with_sages', f.with_sages, f.villages, 'of_target_villages'),
            (3, 'households', f.households, ? * f.villages, 'of_households_planned'),
            (4, 'groups_formed', f.formed, f.villages, 'of_target_villages'),
            (5, 'groups_5k', f.all5k, f.formed, 'of_groups_formed'),
            (6, 'groups_sold', f.sold, f.formed, 'of_groups_formed')
        ) AS t(ord, step, value, denominator, denominator_key)
        ORDER BY ord""", [prefix, HOUSEHOLDS_PER_VILLAGE])


def five_k_matrix(prefix: str):
    """Village × 5 K for every formed group under `prefix`: when each K was reached (NaT if not
    yet), and the village's next missing K. One row per group and K."""
    return run(f"""WITH {_NEXT_K}
        SELECT v.code AS village_code, v.moo, v.name_th AS village_th, v.name_en AS village_en,
               v.is_pilot, g.code AS group_code, g.name_th AS group_th, g.name_en AS group_en,
               k_order.k, k_order.ord AS k_ord, m.reached, n.next_k
        FROM occupation_group g
        JOIN village v ON v.code = g.village_code
        CROSS JOIN k_order
        LEFT JOIN milestone m ON m.owner_kind = 'group' AND m.owner_code = g.code AND m.k = k_order.k
        LEFT JOIN next_k n ON n.village_code = v.code
        WHERE g.formed IS NOT NULL AND g.village_code LIKE ? || '%'
        ORDER BY v.code, g.code, k_order.ord""", [prefix, prefix])


def formation_progress(prefix: str = ""):
    """Month by month from two years before the plan, households enrolled, groups formed and
    groups with all 5 K (running totals since the start), against the plan's quarter / 1-year /
    3-year targets. Only subdistricts under `prefix` that have a plan
    are counted, so actual and target always cover the same villages."""
    planned = """planned AS (SELECT DISTINCT area_code FROM plan_target
                             WHERE length(area_code) = 6 AND area_code LIKE ? || '%')"""
    actual = run(f"""
        WITH {planned},
        counts AS (SELECT indicator, month, sum(n) AS n FROM formation_month
                   WHERE subdistrict_code IN (SELECT area_code FROM planned) GROUP BY ALL),
        months AS (SELECT unnest(generate_series((SELECT min(month) FROM counts)::TIMESTAMP,
                                                 (SELECT max(as_of) FROM dataset),
                                                 INTERVAL 1 MONTH))::DATE AS month),
        grid AS (SELECT month, indicator FROM months CROSS JOIN
                 (SELECT * FROM (VALUES ('households_trained'), ('groups_formed'), ('groups_5k'))
                  t(indicator))),
        running AS (
            SELECT grid.month, grid.indicator,
                   sum(coalesce(counts.n, 0)) OVER (PARTITION BY grid.indicator ORDER BY grid.month)
                     ::BIGINT AS value
            FROM grid LEFT JOIN counts USING (month, indicator))
        -- The two years before the plan started are enough to see the trend it starts from.
        SELECT * FROM running
        WHERE month >= (SELECT min(plan_start) FROM plan_target
                        WHERE area_code IN (SELECT area_code FROM planned)) - INTERVAL 2 YEAR
        ORDER BY indicator, month""", [prefix])
    targets = run(f"""
        WITH {planned}
        SELECT step, indicator, sum(target_value)::DOUBLE AS target, max(due) AS due,
               count(DISTINCT area_code) AS subdistricts
        FROM plan_target
        WHERE area_code IN (SELECT area_code FROM planned)
          AND indicator IN ('households_trained', 'groups_formed', 'groups_5k')
        GROUP BY ALL ORDER BY indicator, due""", [prefix])
    return actual, targets


# --- funds and what-if ------------------------------------------------------------------------

def partners() -> pd.DataFrame:
    """Every partner, in the order of the reference list (state, civil, academic, private)."""
    return run("SELECT code, short_th, short_en, name_th, name_en, sector FROM partner "
               "ORDER BY rowid")


def support_by_partner_year_purpose(partner: str | None = None) -> pd.DataFrame:
    """Partners' support per partner × cash/in kind × Thai fiscal year × purpose: baht, and the
    days given for in-kind time; one partner's only when `partner` names it. Every partner
    appears, with zero rows when it gave nothing yet."""
    return run("""
        SELECT p.code AS partner_code, p.short_th, p.short_en, c.kind, c.fiscal_year, c.purpose,
               coalesce(sum(c.amount_baht), 0)::DOUBLE AS amount_baht,
               coalesce(sum(c.days), 0)::DOUBLE AS days, coalesce(sum(c.entries), 0)::BIGINT AS entries
        FROM partner p
        LEFT JOIN contribution_summary c ON c.partner_code = p.code
        WHERE ?::VARCHAR IS NULL OR p.code = ?
        GROUP BY ALL
        ORDER BY min(p.rowid), c.kind, fiscal_year, c.purpose""", [partner, partner])


def support_totals() -> pd.DataFrame:
    """Each partner's support in all: cash and in-kind value apart, and the days given in kind.
    Every partner appears, in the reference list's order, with zeros when it gave nothing yet."""
    return run("""
        SELECT p.code AS partner_code, p.short_th, p.short_en,
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'cash'), 0)::DOUBLE AS cash,
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'in_kind'), 0)::DOUBLE AS in_kind,
               coalesce(sum(c.days) FILTER (WHERE c.kind = 'in_kind'), 0)::DOUBLE AS in_kind_days
        FROM partner p
        LEFT JOIN contribution_summary c ON c.partner_code = p.code
        GROUP BY ALL
        ORDER BY min(p.rowid)""")


def cash_flows() -> pd.DataFrame:
    """Where the cash went, by origin (a partner, or the members themselves): origin → the
    network or the groups → use (admin or revolving from the fund's ledger, otherwise the
    purpose it was given for). In-kind support has no baht to follow and is left out here."""
    return run("""
        SELECT origin, recipient, use, amount_baht::DOUBLE AS amount_baht FROM cash_flow_summary
        ORDER BY origin, recipient, use""")


def revolving_fund_by_month() -> pd.DataFrame:
    """The revolving funds of every group and network together, month by month: what moved in
    the month (paid in, loans out, repayments, profit, losses) and where it stood at the month's
    end: capital (paid in + profit − losses), out on loan, and its floor, everything paid in,
    which "must not be lost" (funds.capital, funds.capital_floor; money a network passed on to
    a group is counted once, as the group's)."""
    return run("""
        WITH m AS (SELECT * FROM revolving_month)
        SELECT month, (paid_in - passed_on)::DOUBLE AS paid_in, loans_out::DOUBLE AS loans_out,
               repayments::DOUBLE AS repayments, profit::DOUBLE AS profit, losses::DOUBLE AS losses,
               sum(paid_in - passed_on) OVER w::DOUBLE AS floor,
               sum(paid_in - passed_on + profit - losses) OVER w::DOUBLE AS capital,
               sum(loans_out - repayments - losses) OVER w::DOUBLE AS on_loan
        FROM m
        WINDOW w AS (ORDER BY month)
        ORDER BY month""")


def grant_split_counts() -> dict[str, int]:
    """How many cash grants went into a fund, and how many of them keep to 70/30 (verdict 'ok')."""
    grants, ok = run("SELECT count(*), count(*) FILTER (WHERE verdict = 'ok') FROM grant_split").iloc[0]
    return {"grants": int(grants), "ok": int(ok)}


def grant_split_checks(limit: int | None = None, breaches_only: bool = False) -> pd.DataFrame:
    """Each cash grant into a fund against 70/30 (the first `limit`, the largest gaps first; only
    those not 'ok' with `breaches_only`): what went to admin and to revolving, the gap of admin
    from 30% (above zero: more admin than the rule allows) and a word for it (funds.split_gap and
    funds.verdict, judged in grant_split)."""
    return run("""
        SELECT id, date, partner_code, group_code, network_code, grant_baht, admin, revolving, gap, verdict
        FROM grant_split
        WHERE NOT ? OR verdict <> 'ok'
        ORDER BY abs(gap) DESC, date, id
        LIMIT ?""", [breaches_only, limit])


def scheme_match_checks() -> pd.DataFrame:
    """Each member of a matching scheme (a group or a network) against the scheme's ratio, from
    the day it joined: what its members raised before the partners' first match (all of it so
    far when none came yet), what the partners matched, the gap (below zero: short of the
    ratio) and a word: 'ok', 'under', 'over', or 'not_matched'. Groups outside every scheme are
    not here: the condition is not theirs (`outside_schemes`). Judged in scheme_match."""
    return run("""
        SELECT m.scheme_code, s.name_th AS scheme_th, s.name_en AS scheme_en, m.ratio,
               m.group_code, m.network_code,
               coalesce(g.name_th, n.name_th) AS name_th, coalesce(g.name_en, n.name_en) AS name_en,
               m.since, m.raised, m.matched, m.matched_on, m.gap, m.verdict
        FROM scheme_match m
        JOIN matching_scheme s ON s.code = m.scheme_code
        LEFT JOIN occupation_group g ON g.code = m.group_code
        LEFT JOIN network n ON n.code = m.network_code
        ORDER BY m.scheme_code, m.network_code NULLS LAST, m.group_code""")


def matching_schemes() -> pd.DataFrame:
    """Every matching scheme: its ratio, its partners (short names, in both languages) and how
    many groups and networks are in it."""
    return run("""
        SELECT s.code, s.name_th, s.name_en, s.ratio::DOUBLE AS ratio,
               coalesce(string_agg(p.short_th, ' + ' ORDER BY p.rowid), '') AS partners_th,
               coalesce(string_agg(p.short_en, ' + ' ORDER BY p.rowid), '') AS partners_en,
               (SELECT count(*) FROM scheme_member m WHERE m.scheme_code = s.code) AS members
        FROM matching_scheme s
        LEFT JOIN scheme_partner sp ON sp.scheme_code = s.code
        LEFT JOIN partner p ON p.code = sp.partner_code
        GROUP BY s.code, s.name_th, s.name_en, s.ratio
        ORDER BY s.code""")


def outside_schemes(limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """The formed groups in no matching scheme, with their villages (the first `limit`, by
    code), and how many there are: the 1:1 condition is not theirs, so no baht is asked for them."""
    outside = """FROM occupation_group g
        WHERE g.formed IS NOT NULL
          AND g.code NOT IN (SELECT group_code FROM scheme_member WHERE group_code IS NOT NULL)"""
    groups = run(f"""
        SELECT g.code, g.name_th, g.name_en, v.name_th AS village_th, v.name_en AS village_en
        FROM (SELECT g.* {outside} ORDER BY g.code LIMIT ?) g
        JOIN village v ON v.code = g.village_code
        ORDER BY g.code""", [limit])
    return groups, int(run(f"SELECT count(*) {outside}").iloc[0, 0])


def whatif_live_start() -> dict:
    """The what-if's starting point from the data as it is now: villages whose households are
    enrolled, their average team and households, and the money raised and granted so far."""
    row = run("""
        SELECT count(*) AS villages,
               coalesce(sum(sages), 0) AS sages, coalesce(sum(households), 0) AS households,
               (SELECT coalesce(sum(amount_baht), 0) FROM contribution_summary
                WHERE source = 'members')::DOUBLE AS raised,
               (SELECT coalesce(sum(amount_baht), 0) FROM contribution_summary
                WHERE fund_grant(source, kind, purpose))::DOUBLE AS matched
        FROM area_summary
        WHERE level = 'village' AND stage_households + stage_group + stage_all5k = 1""").iloc[0]
    return {"villages": int(row.villages), "sages": int(row.sages),
            "households": int(row.households), "raised": float(row.raised),
            "matched": float(row.matched)}


# --- market and plan --------------------------------------------------------------------------

def market_events() -> pd.DataFrame:
    """Every market event in date order, with its organiser and what was sold there."""
    return run("""
        SELECT e.code, e.date, e.name_th, e.name_en, e.place_th, e.place_en,
               e.organiser_code, o.short_th AS organiser_th, o.short_en AS organiser_en,
               coalesce(s.groups_selling, 0) AS groups_selling, coalesce(s.products, 0) AS products,
               coalesce(s.quantity, 0) AS quantity, coalesce(s.sales_baht, 0)::DOUBLE AS sales_baht
        FROM market_event e
        JOIN partner o ON o.code = e.organiser_code
        LEFT JOIN event_sales_summary s ON s.event_code = e.code
        ORDER BY e.date, e.code""")


def market_months() -> pd.DataFrame:
    """Events month by month and organiser, for a network with more events than a chart can
    show one by one: how many, in how many districts, how many groups sold (a group selling at
    two events counts twice) and what they sold."""
    return run("""
        SELECT date_trunc('month', e.date)::DATE AS month, e.organiser_code,
               o.short_th AS organiser_th, o.short_en AS organiser_en,
               count(*) AS events, count(DISTINCT e.district_code) AS districts,
               coalesce(sum(s.groups_selling), 0)::BIGINT AS groups_selling,
               coalesce(sum(s.sales_baht), 0)::DOUBLE AS sales_baht
        FROM market_event e
        JOIN partner o ON o.code = e.organiser_code
        LEFT JOIN event_sales_summary s ON s.event_code = e.code
        GROUP BY ALL ORDER BY month, e.organiser_code""")


def market_month_totals() -> pd.DataFrame:
    """Events month by month, all organisers together: how many, how many groups sold (a group
    selling at two events counts twice) and what they sold."""
    return run("""
        SELECT date_trunc('month', e.date)::DATE AS month, count(*) AS events,
               coalesce(sum(s.groups_selling), 0)::BIGINT AS groups_selling,
               coalesce(sum(s.sales_baht), 0)::DOUBLE AS sales_baht
        FROM market_event e
        LEFT JOIN event_sales_summary s ON s.event_code = e.code
        GROUP BY ALL ORDER BY month""")


def sales_by_group(event_code: str | None = None, limit: int | None = None) -> pd.DataFrame:
    """Sales per occupational group (never per household), at one event or at all of them;
    the `limit` best sellers when given."""
    names = """
        SELECT g.code, g.name_th, g.name_en, g.village_code,
               v.name_th AS village_th, v.name_en AS village_en,
               d.name_th AS subdistrict_th, d.name_en AS subdistrict_en,
               s.events, s.quantity, s.sales_baht
        FROM sold s
        JOIN occupation_group g ON g.code = s.group_code
        JOIN village v ON v.code = g.village_code
        JOIN subdistrict d ON d.code = v.subdistrict_code
        ORDER BY s.sales_baht DESC, g.code
        LIMIT ?"""
    if event_code is None:
        return run(f"WITH sold AS (SELECT * FROM group_sales ORDER BY sales_baht DESC, group_code LIMIT ?) "
                   f"{names}", [limit, limit])
    return run(f"""
        WITH sold AS (
            SELECT p.group_code, count(DISTINCT s.event_code) AS events, sum(s.quantity) AS quantity,
                   sum(s.amount_baht)::DOUBLE AS sales_baht
            FROM sale s JOIN product p ON p.code = s.product_code
            WHERE s.event_code = ?
            GROUP BY 1)
        {names}""", [event_code, limit])


def selling_counts() -> dict[str, int]:
    """How many groups, and villages, have sold at any event."""
    groups, villages = run("SELECT count(*), count(DISTINCT village_code) FROM group_sales").iloc[0]
    return {"groups": int(groups), "villages": int(villages)}


def sales_by_product() -> pd.DataFrame:
    """Sales per kind of product, summed over the groups that make it."""
    return run("""
        SELECT p.name_th, p.name_en, p.unit_th, p.unit_en,
               count(DISTINCT p.group_code) AS groups,
               sum(s.quantity) AS quantity, sum(s.sales_baht)::DOUBLE AS sales_baht
        FROM product_sales s JOIN product p ON p.code = s.product_code
        GROUP BY ALL
        ORDER BY sales_baht DESC, p.name_en""")


def sales_by_village(limit: int | None = None) -> pd.DataFrame:
    """Sales per village: the sum of its groups' sales at every event; the `limit` best."""
    return run("""
        SELECT v.code, v.name_th, v.name_en,
               count(*) AS groups, sum(s.quantity) AS quantity, sum(s.sales_baht)::DOUBLE AS sales_baht
        FROM group_sales s
        JOIN village v ON v.code = s.village_code
        GROUP BY ALL
        ORDER BY sales_baht DESC, v.code
        LIMIT ?""", [limit])


def best_sellers(limit: int = 5) -> pd.DataFrame:
    """The group products that brought in the most, all events together."""
    return run("""
        WITH top AS (SELECT * FROM product_sales ORDER BY sales_baht DESC, product_code LIMIT ?)
        SELECT p.code, p.name_th, p.name_en, p.unit_th, p.unit_en,
               g.name_th AS group_th, g.name_en AS group_en,
               v.name_th AS village_th, v.name_en AS village_en,
               s.quantity, s.sales_baht
        FROM top s
        JOIN product p ON p.code = s.product_code
        JOIN occupation_group g ON g.code = p.group_code
        JOIN village v ON v.code = g.village_code
        ORDER BY sales_baht DESC, p.code""", [limit])


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
        SELECT kind, period, groups, group_events, sales_per_group_event FROM training_effect
        ORDER BY kind DESC, period DESC""")


def training_partners() -> pd.DataFrame:
    """Who ran the social-media and design sessions, to name them beside the before/after view."""
    return run("""
        SELECT DISTINCT CASE WHEN t.topic IN ('line', 'facebook', 'website') THEN 'social_media'
                             ELSE 'design' END AS kind,
               o.short_th, o.short_en
        FROM training t JOIN partner o ON o.code = t.partner_code
        WHERE t.topic IN ('line', 'facebook', 'website', 'product_design', 'packaging')
        ORDER BY 1, 3""")


def plan_steps() -> pd.DataFrame:
    """The plan's steps in order: when the plan started and when each step falls due."""
    return run("""
        SELECT step, min(plan_start) AS plan_start, max(due) AS due
        FROM plan_target GROUP BY step ORDER BY due, step""")


def plan_step_targets(step: str, village: str | None = None) -> pd.DataFrame:
    """One step's targets per indicator: the plan's subdistrict targets summed (no village), or
    one village's own; with the earliest start and the latest due date behind each. A level
    (plan.LEVEL_INDICATORS: the median income) is averaged over the subdistricts, not summed."""
    return run("""
        SELECT indicator,
               CASE WHEN list_contains(string_split(?, ','), indicator) THEN avg(target_value)
                    ELSE sum(target_value) END::DOUBLE AS target,
               min(plan_start) AS plan_start, max(due) AS due
        FROM plan_target
        WHERE step = ? AND CASE WHEN ?::VARCHAR IS NULL THEN length(area_code) = 6
                                ELSE area_code = ? END
        GROUP BY indicator ORDER BY indicator""",
               [",".join(sorted(plan.LEVEL_INDICATORS)), step, village, village])


def plan_figures(start, since, day, village: str | None = None) -> pd.DataFrame:
    """How the plan stood at its start, on `since` and on `day`, per indicator: households
    trained (enrolled with a sage), groups formed, groups with all 5 K, revolving capital, and
    sales at events from the plan's start on. Summed over the villages of the subdistricts with
    a plan (every plan village when no subdistrict has targets), or for one village. Members'
    income is the median monthly income from the occupation of the households surveyed there
    before joining and again later, each at its latest follow-up (plan_income, made at load time
    for the plan's own days): no row when none was, NaN on a day too few were."""
    return run("""
        WITH scope AS (
            SELECT code FROM plan_readiness
            WHERE CASE WHEN ?::VARCHAR IS NOT NULL THEN code = ?
                       WHEN EXISTS (SELECT 1 FROM plan_target WHERE length(area_code) = 6)
                       THEN subdistrict_code IN (SELECT area_code FROM plan_target
                                                 WHERE length(area_code) = 6)
                       ELSE true END),
        figures AS (
            SELECT indicator,
                   sum(value) FILTER (WHERE day <= ?::DATE) AS at_start,
                   sum(value) FILTER (WHERE day <= ?::DATE) AS since,
                   sum(value) FILTER (WHERE day <= ?::DATE) AS now
            FROM plan_village_day
            WHERE village_code IN (SELECT code FROM scope)
              AND (indicator <> 'sales' OR day >= ?::DATE)
            GROUP BY indicator),
        indicator(indicator) AS (VALUES ('households_trained'), ('groups_formed'), ('groups_5k'),
                                        ('revolving_fund'), ('sales'))
        SELECT i.indicator, coalesce(f.at_start, 0)::DOUBLE AS at_start,
               coalesce(f.since, 0)::DOUBLE AS since, coalesce(f.now, 0)::DOUBLE AS now
        FROM indicator i LEFT JOIN figures f USING (indicator)
        UNION ALL
        SELECT 'income', max(median_baht) FILTER (WHERE day = ?::DATE),
               max(median_baht) FILTER (WHERE day = ?::DATE),
               max(median_baht) FILTER (WHERE day = ?::DATE)
        FROM plan_income WHERE scope = coalesce(?, 'plan')
        HAVING count(*) > 0
        ORDER BY 1""", [village, village, start, since, day, start, start, since, day, village])


def plan_areas(prefix: str, length: int) -> pd.DataFrame:
    """The provinces, districts or subdistricts (`length` 2, 4 or 6 digits) under `prefix` that
    have plan villages, with their names."""
    return run(f"""WITH {_AREA_NAMES}
        SELECT c.code, a.name_th, a.name_en
        FROM (SELECT DISTINCT left(code, ?) AS code FROM plan_readiness WHERE code LIKE ? || '%') c
        LEFT JOIN area a ON a.code = c.code
        ORDER BY c.code""", [length, prefix])


def plan_villages(prefix: str = "") -> pd.DataFrame:
    """The villages the plan covers under `prefix` (a code prefix; '' is all): those in a
    subdistrict with a plan, or with targets of their own."""
    return run("""SELECT code, name_th, name_en FROM plan_readiness
        WHERE code LIKE ? || '%' ORDER BY code""", [prefix])


def village_readiness() -> pd.DataFrame:
    """What the committee checks before the model goes to the next subdistrict, per plan
    village: groups formed and with all 5 K, groups whose revolving capital is below what was
    paid in (the floor: it must not be lost), and events its groups sold at."""
    return run("""
        SELECT code, subdistrict_code, name_th, name_en, groups_formed, groups_5k,
               groups_below_floor, groups_with_fund, events_sold
        FROM plan_readiness ORDER BY code""")


# --- the network, its fund and committee; loan health ------------------------------------------

def network_count() -> int:
    return int(run("SELECT count(*) FROM network").iloc[0, 0])


def networks_by_gap(limit: int | None = None) -> pd.DataFrame:
    """One row per network with the Network page's figures, the largest gaps first (missing K,
    capital below its floor, overdue loans, admin overspent: network_summary.gap_rank)."""
    return run("""
        SELECT n.*, s.name_th AS subdistrict_th, s.name_en AS subdistrict_en
        FROM (SELECT * FROM network_summary ORDER BY gap_rank LIMIT ?) n
        JOIN subdistrict s ON s.code = n.subdistrict_code
        ORDER BY n.gap_rank""", [limit])


def network_provinces() -> pd.DataFrame:
    """The provinces that have a network, with their names: the first step of the picker."""
    return run("""
        SELECT p.code, p.name_th, p.name_en, count(*) AS networks
        FROM network_summary n JOIN province p ON p.code = n.province_code
        GROUP BY ALL ORDER BY p.code""")


def networks_in(prefix: str = "") -> pd.DataFrame:
    """The networks under an area code prefix ('' is all), with their province, by code."""
    return run("""SELECT code, province_code, name_th, name_en FROM network_summary
                  WHERE subdistrict_code LIKE ? || '%' ORDER BY code""", [prefix])


def network_detail(code: str) -> dict | None:
    """What the Network page shows about one network: its figures, where it is, its 5 K with
    the dates reached, its committee's seats by role, its admin spending by purpose and what it
    passed on to which group. Counts and sums only: no names of people."""
    found = run("""
        SELECT n.*, s.name_th AS subdistrict_th, s.name_en AS subdistrict_en,
               d.name_th AS district_th, d.name_en AS district_en
        FROM network_summary n
        JOIN subdistrict s ON s.code = n.subdistrict_code
        JOIN district d ON d.code = s.district_code
        WHERE n.code = ?""", [code])
    if found.empty:
        return None
    five_k = run("""
        SELECT k.k, k.position, m.reached
        FROM five_k k LEFT JOIN milestone m
          ON m.owner_kind = 'network' AND m.owner_code = ? AND m.k = k.k
        ORDER BY k.position""", [code])
    five_k["reached"] = five_k["reached"].astype(object).where(five_k["reached"].notna(), None)
    committee = run("""
        SELECT role, seats FROM committee_seat WHERE network_code = ?
        ORDER BY list_position(['chair', 'vice_chair', 'secretary', 'treasurer', 'member'], role)""",
                    [code])
    spending = run("""
        SELECT purpose, amount_baht::DOUBLE AS amount_baht, entries FROM admin_spending
        WHERE network_code = ?
        ORDER BY amount_baht DESC, purpose""", [code])
    passed = run("""
        SELECT f.to_group_code AS group_code, g.name_th, g.name_en, v.name_th AS village_th,
               v.name_en AS village_en, min(f.date) AS first_date, count(*) AS times,
               sum(f.amount_baht)::DOUBLE AS amount_baht
        FROM fund_entry f
        JOIN occupation_group g ON g.code = f.to_group_code
        JOIN village v ON v.code = g.village_code
        WHERE f.network_code = ? AND f.entry = 'passed_on'
        GROUP BY ALL ORDER BY f.to_group_code""", [code])
    return {**found.iloc[0].to_dict(), "five_k": five_k, "committee": committee,
            "spending": spending, "passed": passed}


def loan_health() -> dict:
    """Loan health of every fund together. From the register (when there is one): loans,
    borrowers (households), lent, repaid, written off, outstanding, overdue (count and baht,
    as of the dataset's date), what fell due and what of it came back, loans repaid late. From
    the ledger (always, the money's truth): repaid, losses, summed from its months
    (revolving_month): fund_capital would sum every ledger line again, twelve million nationally."""
    row = run("""
        SELECT (SELECT loans FROM loan_totals) AS loans, (SELECT borrowers FROM loan_totals) AS borrowers,
               coalesce(sum(h.lent), 0)::DOUBLE AS lent, coalesce(sum(h.repaid), 0)::DOUBLE AS repaid,
               coalesce(sum(h.written_off), 0)::DOUBLE AS written_off,
               coalesce(sum(h.outstanding), 0)::DOUBLE AS outstanding,
               coalesce(sum(h.overdue_loans), 0)::BIGINT AS overdue_loans,
               coalesce(sum(h.overdue_baht), 0)::DOUBLE AS overdue_baht,
               count(*) FILTER (WHERE h.overdue_loans > 0) AS funds_overdue,
               coalesce(sum(h.fell_due), 0)::DOUBLE AS fell_due,
               coalesce(sum(h.fell_due_repaid), 0)::DOUBLE AS fell_due_repaid,
               coalesce(sum(h.repaid_late), 0)::BIGINT AS repaid_late,
               (SELECT coalesce(sum(repayments), 0) FROM revolving_month)::DOUBLE AS ledger_repaid,
               (SELECT coalesce(sum(losses), 0) FROM revolving_month)::DOUBLE AS ledger_losses
        FROM loan_health h""").iloc[0].to_dict()
    counts = ("loans", "borrowers", "overdue_loans", "funds_overdue", "repaid_late")
    return {k: int(v) if k in counts else float(v) for k, v in row.items()}


def overdue_by_fund(limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """The funds (a group's or a network's) with overdue loans, the most baht overdue first (the
    first `limit`), with their village and the oldest due date; and how many funds there are."""
    funds_overdue = run("""
        SELECT h.group_code, h.network_code,
               coalesce(g.name_th, n.name_th) AS name_th, coalesce(g.name_en, n.name_en) AS name_en,
               coalesce(v.name_th, 'ต.' || s.name_th) AS place_th, coalesce(v.name_en, s.name_en) AS place_en,
               h.overdue_loans, h.overdue_baht::DOUBLE AS overdue_baht, h.oldest_due,
               h.loans, h.outstanding::DOUBLE AS outstanding
        FROM (SELECT * FROM loan_health WHERE overdue_loans > 0
              ORDER BY overdue_baht DESC, group_code NULLS FIRST, network_code LIMIT ?) h
        LEFT JOIN occupation_group g ON g.code = h.group_code
        LEFT JOIN village v ON v.code = g.village_code
        LEFT JOIN network n ON n.code = h.network_code
        LEFT JOIN subdistrict s ON s.code = n.subdistrict_code
        ORDER BY h.overdue_baht DESC, h.group_code NULLS FIRST, h.network_code""", [limit])
    return funds_overdue, int(run("SELECT count(*) FROM loan_health WHERE overdue_loans > 0").iloc[0, 0])


def networks_headline() -> dict:
    """The networks' own figures for the Overview and the handout: how many networks, their
    revolving capital, their administration money left, and every fund's overdue loans."""
    row = run("""
        SELECT count(*) AS networks,
               coalesce(sum(capital), 0)::DOUBLE AS network_capital,
               coalesce(sum(admin_left), 0)::DOUBLE AS network_admin_left,
               (SELECT coalesce(sum(overdue_loans), 0) FROM loan_health)::BIGINT AS overdue_loans,
               (SELECT coalesce(sum(overdue_baht), 0) FROM loan_health)::DOUBLE AS overdue_baht,
               (SELECT count(*) FROM loan) AS loans
        FROM network_summary""").iloc[0].to_dict()
    counts = ("networks", "overdue_loans", "loans")
    return {k: int(v) if k in counts else float(v) for k, v in row.items()}
# --- income: the program's aim ------------------------------------------------------------------

_INCOME_LEVEL = {0: "all", 2: "province", 4: "district", 6: "subdistrict", 8: "village"}
# The income figures of a row of income_summary: NULL (NaN here) wherever fewer households were
# compared than a figure may be shown for. The change is the latest median less the baseline's;
# the per cent only when the baseline's median is above zero.
_INCOME_FIGURES = """
    s.households::BIGINT AS households, s.surveyed::BIGINT AS surveyed,
    s.baselined::BIGINT AS baselined, s.compared::BIGINT AS compared,
    s.rose::DOUBLE AS rose, s.same::DOUBLE AS same, s.fell::DOUBLE AS fell,
    100.0 * s.rose / s.compared AS rose_percent, 100.0 * s.same / s.compared AS same_percent,
    100.0 * s.fell / s.compared AS fell_percent,
    s.baseline_median, s.latest_median, s.baseline_p25, s.baseline_p75, s.latest_p25, s.latest_p75,
    s.latest_median - s.baseline_median AS change_baht,
    CASE WHEN s.baseline_median > 0
         THEN 100 * (s.latest_median - s.baseline_median) / s.baseline_median END AS change_percent"""


def income_change(prefix: str = "") -> dict:
    """Are the households of an area (`prefix`: '' everything, a province, district, subdistrict
    or village code) earning more from the occupation: how many are enrolled, surveyed, compared
    (a baseline and a follow-up after it), and of those compared the medians at baseline and at
    their latest follow-up, the middle half of each, the change, and how many rose, stayed about
    the same or fell. Income figures are NaN for fewer than domain.INCOME_MIN_HOUSEHOLDS
    compared; an area without households has zeros."""
    found = run(f"""
        SELECT {_INCOME_FIGURES}
        FROM income_summary s
        WHERE s.level = ? AND s.code = ? AND s.occupation_code IS NULL""",
                [_INCOME_LEVEL[len(prefix)], prefix])
    if found.empty:
        found = run(f"""
            SELECT {_INCOME_FIGURES}
            FROM (SELECT 0 AS households, 0 AS surveyed, 0 AS baselined, 0 AS compared,
                         NULL AS rose, NULL AS same, NULL AS fell, NULL::DOUBLE AS baseline_median,
                         NULL::DOUBLE AS latest_median, NULL::DOUBLE AS baseline_p25,
                         NULL::DOUBLE AS baseline_p75, NULL::DOUBLE AS latest_p25,
                         NULL::DOUBLE AS latest_p75) s""")
    return found.iloc[0].to_dict()


def income_change_by_area(prefix: str = "") -> pd.DataFrame:
    """The same figures for each area one level below `prefix` that has households (provinces,
    districts, subdistricts or villages), named; the largest change of the median first, areas
    with too few households compared last."""
    length = AREA_LEVELS[len(prefix)]
    return run(f"""WITH {_AREA_NAMES}
        SELECT s.code, coalesce(a.name_th, v.name_th) AS name_th,
               coalesce(a.name_en, v.name_en) AS name_en, {_INCOME_FIGURES}
        FROM income_summary s
        LEFT JOIN area a ON a.code = s.code
        LEFT JOIN village v ON v.code = s.code
        WHERE s.level = ? AND s.code LIKE ? || '%' AND s.occupation_code IS NULL
        ORDER BY change_baht DESC NULLS LAST, s.code""", [_INCOME_LEVEL[length], prefix])


def income_change_by_group(prefix: str) -> pd.DataFrame:
    """The same figures for each occupational group in the villages under `prefix`, named with
    its village; the largest change first. Pages ask for a subdistrict or smaller."""
    return run(f"""
        SELECT s.code, g.name_th, g.name_en, v.name_th AS village_th, v.name_en AS village_en,
               {_INCOME_FIGURES}
        FROM income_summary s
        JOIN occupation_group g ON g.code = s.code
        JOIN village v ON v.code = s.village_code
        WHERE s.level = 'group' AND s.village_code LIKE ? || '%'
        ORDER BY change_baht DESC NULLS LAST, s.code""", [prefix])


def income_change_by_occupation(prefix: str = "") -> pd.DataFrame:
    """The same figures for each occupation within the area `prefix` ('' everything, or a
    province, district or subdistrict code); the largest change first."""
    return run(f"""
        SELECT s.occupation_code AS code, o.name_th, o.name_en, {_INCOME_FIGURES}
        FROM income_summary s
        JOIN occupation o ON o.code = s.occupation_code
        WHERE s.level = ? AND s.code = ? AND s.occupation_code IS NOT NULL
        ORDER BY change_baht DESC NULLS LAST, s.occupation_code""",
               [_INCOME_LEVEL[len(prefix)], prefix])


# --- partners: who gives what, pledges, meetings' decisions, actions and problems -------------

def partners_by_sector() -> pd.DataFrame:
    """Every partner with its sector and role, and what it has given to date: cash and in kind
    apart (baht), in the source's frame (coordination.SECTORS: who acts, who drives, who
    supports, then the others), then the reference list's order. Zeros for one that gave nothing."""
    return run("""
        SELECT p.code AS partner_code, p.short_th, p.short_en, p.name_th, p.name_en, p.sector,
               p.role_th, p.role_en,
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'cash'), 0)::DOUBLE AS cash,
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'in_kind'), 0)::DOUBLE AS in_kind
        FROM partner p
        LEFT JOIN contribution_summary c ON c.partner_code = p.code
        GROUP BY ALL
        ORDER BY min(list_position(string_split(?, ','), p.sector)), min(p.rowid)""",
               [",".join(coordination.SECTORS)])


# A pledge and a meeting are a network's: an area (a code prefix, '' is all) holds the networks of
# its subdistricts.
_IN_AREA = "n.subdistrict_code LIKE ? || '%'"


def pledge_count(prefix: str = "") -> int:
    """How many pledges are recorded for the networks in an area, every step."""
    return int(run(f"""SELECT count(*) FROM pledge pl JOIN network n ON n.code = pl.network_code
                       WHERE {_IN_AREA}""", [prefix]).iloc[0, 0])


def pledges_against_delivery(step: str | None = None, prefix: str = "") -> pd.DataFrame:
    """Each partner's pledges to the networks in an area (one plan step's, or all) against what
    it delivered: matched from
    the records or written by hand (pledge_delivery), with the amount, the network, when it was
    made and when it is due; in plan order, then the partners' order, then by due date. What was
    promised in English falls back to the Thai."""
    return run(f"""
        SELECT pl.id, pl.partner_code, pa.short_th, pa.short_en, pa.sector, pl.network_code,
               n.name_th AS network_th, n.name_en AS network_en, pl.step, pl.kind,
               pl.what_th, coalesce(pl.what_en, pl.what_th) AS what_en, pl.amount::DOUBLE AS amount,
               d.delivered, d.by_hand, pl.made, pl.due
        FROM pledge pl
        JOIN pledge_delivery d ON d.pledge_id = pl.id
        JOIN partner pa ON pa.code = pl.partner_code
        JOIN network n ON n.code = pl.network_code
        WHERE (?::VARCHAR IS NULL OR pl.step = ?) AND {_IN_AREA}
        ORDER BY list_position(string_split(?, ','), pl.step), pa.rowid, pl.due, pl.id""",
               [step, step, prefix, ",".join(plan.STEPS)])


def open_actions(prefix: str = "") -> pd.DataFrame:
    """The actions still open from the meetings of the networks in an area, earliest due first
    (so those past due come first): what, who owns it (a partner's short name; none for the
    network committee), the meeting that asked and when, and the due date. In English the Thai
    stands where no English was written."""
    return run(f"""
        SELECT a.id, a.meeting_code, m.date AS meeting_date, a.text_th,
               coalesce(a.text_en, a.text_th) AS text_en, a.owner_kind, a.partner_code,
               p.short_th AS owner_th, p.short_en AS owner_en, a.due, a.status
        FROM action a
        JOIN meeting m ON m.code = a.meeting_code
        JOIN network n ON n.code = m.network_code
        LEFT JOIN partner p ON p.code = a.partner_code
        WHERE a.status = 'open' AND {_IN_AREA}
        ORDER BY a.due, m.date, a.id""", [prefix])


_LAST_MEETING = f"""SELECT m.code, m.date, m.place_th, m.place_en, n.name_th AS network_th,
                           n.name_en AS network_en
                    FROM meeting m JOIN network n ON n.code = m.network_code
                    WHERE {_IN_AREA}
                    ORDER BY m.date DESC, m.code DESC LIMIT 1"""


def last_meeting(prefix: str = "") -> dict | None:
    """The latest partners' meeting of a network in an area: its code, date, place and network;
    None when none is recorded."""
    found = run(_LAST_MEETING, [prefix])
    return None if found.empty else found.iloc[0].to_dict()


def last_meeting_decisions(prefix: str = "") -> pd.DataFrame:
    """What the latest partners' meeting in an area decided, in the order of its minutes."""
    return run(f"""
        WITH last AS ({_LAST_MEETING})
        SELECT d.seq, d.text_th, coalesce(d.text_en, d.text_th) AS text_en
        FROM decision d JOIN last l ON l.code = d.meeting_code
        ORDER BY d.seq""", [prefix])


def open_problems(prefix: str = "") -> pd.DataFrame:
    """The problems and obstacles still open in an area's networks, with what is being done
    about each and the meeting that heard them; the latest meeting's first."""
    return run(f"""
        SELECT pr.id, pr.meeting_code, m.date AS meeting_date, pr.text_th,
               coalesce(pr.text_en, pr.text_th) AS text_en, pr.response_th,
               coalesce(pr.response_en, pr.response_th) AS response_en
        FROM problem pr JOIN meeting m ON m.code = pr.meeting_code
        JOIN network n ON n.code = m.network_code
        WHERE pr.status = 'open' AND {_IN_AREA}
        ORDER BY m.date DESC, pr.id""", [prefix])
