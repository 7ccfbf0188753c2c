"""One function per question a page asks. All SQL runs through `db.run`, read-only and
parameterised; each function returns plain data the page can draw."""

from __future__ import annotations

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

# Areas are told apart by code length (province 2, district 4, subdistrict 6; a village is 8)
# and a village's code starts with every area it lies in, so one prefix names any scope:
# '' is everything, '50' Chiang Mai, '5019' Saraphi, '501910' Tha Wang Tan.
AREA_LEVELS = {0: 2, 2: 4, 4: 6, 6: 8}
K_ORDER = ("committee", "members", "rules", "fund", "activities")
HOUSEHOLDS_PER_VILLAGE = 20
TEAM_SIZE = 5

_AREA_NAMES = """
    area AS (SELECT code, name_th, name_en FROM province
             UNION ALL SELECT code, name_th, name_en FROM district
             UNION ALL SELECT code, name_th, name_en FROM subdistrict)"""

# The first 5 K each village's formed groups still miss, in the order the source lists them.
_NEXT_K = """
    k_order AS (SELECT * FROM (VALUES ('committee', 1), ('members', 2), ('rules', 3),
                                      ('fund', 4), ('activities', 5)) t(k, ord)),
    next_k AS (SELECT g.village_code, arg_min(k_order.k, k_order.ord) AS next_k
               FROM occupation_group g CROSS JOIN k_order
               WHERE g.formed IS NOT NULL AND g.village_code LIKE ? || '%'
                 AND NOT EXISTS (SELECT 1 FROM milestone m WHERE m.owner_kind = 'group'
                                 AND m.owner_code = g.code AND m.k = k_order.k)
               GROUP BY 1)"""


def area_progress(prefix: str = ""):
    """One row per area one level below `prefix`, aggregated in SQL so a national map ships
    77 provinces rather than 75,000 villages. `typical_rank` is the furthest stage that at
    least half of the area's villages have reached."""
    return run(f"""WITH {_AREA_NAMES}
        SELECT left(v.code, ?) AS code, any_value(a.name_th) AS name_th,
               any_value(a.name_en) AS name_en,
               avg(v.lat) AS lat, avg(v.lon) AS lon, count(*) AS villages,
               count(*) FILTER (WHERE v.is_target) AS target_villages,
               count(*) FILTER (WHERE v.is_pilot) AS pilot_villages,
               sum(s.households)::BIGINT AS households, sum(s.groups_formed)::BIGINT AS groups_formed,
               sum(s.groups_5k)::BIGINT AS groups_5k,
               count(*) FILTER (WHERE s.stage_rank = 0) AS stage_0,
               count(*) FILTER (WHERE s.stage_rank = 1) AS stage_1,
               count(*) FILTER (WHERE s.stage_rank = 2) AS stage_2,
               count(*) FILTER (WHERE s.stage_rank = 3) AS stage_3,
               count(*) FILTER (WHERE s.stage_rank = 4) AS stage_4,
               CASE WHEN 2 * count(*) FILTER (WHERE s.stage_rank >= 4) >= count(*) THEN 4
                    WHEN 2 * count(*) FILTER (WHERE s.stage_rank >= 3) >= count(*) THEN 3
                    WHEN 2 * count(*) FILTER (WHERE s.stage_rank >= 2) >= count(*) THEN 2
                    WHEN 2 * count(*) FILTER (WHERE s.stage_rank >= 1) >= count(*) THEN 1
                    ELSE 0 END AS typical_rank
        FROM village v
        JOIN village_stage s ON s.village_code = v.code
        LEFT JOIN area a ON a.code = left(v.code, ?)
        WHERE v.code LIKE ? || '%'
        GROUP BY 1 ORDER BY 1""", [AREA_LEVELS[len(prefix)], AREA_LEVELS[len(prefix)], prefix])


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
        WITH scope AS (SELECT * FROM village_stage WHERE is_target AND village_code LIKE ? || '%'),
        formed AS (SELECT p.group_code, p.all5k FROM group_progress p
                   WHERE p.formed IS NOT NULL AND p.village_code IN (SELECT village_code FROM scope)),
        f AS (SELECT (SELECT count(*) FROM scope) AS villages,
                     (SELECT count(*) FROM scope WHERE lead_sages >= 1 AND sages >= ?) AS with_sages,
                     (SELECT coalesce(sum(households), 0) FROM scope) AS households,
                     (SELECT count(*) FROM formed) AS formed,
                     (SELECT count(*) FROM formed WHERE all5k) AS all5k,
                     (SELECT count(DISTINCT p.group_code) FROM sale s
                      JOIN product p ON p.code = s.product_code
                      WHERE p.group_code IN (SELECT group_code FROM formed)) AS sold)
        SELECT step, value::BIGINT AS value, denominator::BIGINT AS denominator, denominator_key
        FROM f, (VALUES
            (1, 'target_villages', f.villages, f.villages, 'of_target_villages'),
            (2, 'villages_with_sages', f.with_sages, f.villages, 'of_target_villages'),
            (3, 'households', f.households, ? * f.villages, 'of_households_planned'),
            (4, 'groups_formed', f.formed, f.villages, 'of_target_villages'),
            (5, 'groups_5k', f.all5k, f.formed, 'of_groups_formed'),
            (6, 'groups_sold', f.sold, f.formed, 'of_groups_formed')
        ) AS t(ord, step, value, denominator, denominator_key)
        ORDER BY ord""", [prefix, TEAM_SIZE, HOUSEHOLDS_PER_VILLAGE])


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
        events AS (
            SELECT 'households_trained' AS indicator, joined AS day FROM household
            WHERE left(village_code, 6) IN (SELECT area_code FROM planned)
            UNION ALL
            SELECT 'groups_formed', formed FROM occupation_group
            WHERE formed IS NOT NULL AND left(village_code, 6) IN (SELECT area_code FROM planned)
            UNION ALL
            SELECT 'groups_5k', max(m.reached) FROM milestone m
            JOIN occupation_group g ON m.owner_kind = 'group' AND m.owner_code = g.code
            WHERE g.formed IS NOT NULL AND left(g.village_code, 6) IN (SELECT area_code FROM planned)
            GROUP BY g.code HAVING count(*) = 5),
        months AS (SELECT unnest(generate_series(date_trunc('month', (SELECT min(day) FROM events)),
                                                 (SELECT max(as_of) FROM dataset),
                                                 INTERVAL 1 MONTH))::DATE AS month),
        counts AS (SELECT indicator, date_trunc('month', day)::DATE AS month, count(*) AS n
                   FROM events GROUP BY ALL),
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


# --- funds (issue 5) -----------------------------------------------------------------------


# --- market and plan (issue 6) -----------------------------------------------------------------------
