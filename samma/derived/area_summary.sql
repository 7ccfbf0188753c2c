-- Every area's figures, one row per village, subdistrict, district and province: what the
-- Overview, the Map, the Groups page's area picker and the What-if's starting point read, so that
-- a page reads a few thousand rows at any scale. Each level is the sum of the level below plus
-- what belongs to the level itself: support given to a subdistrict's network (no village has it)
-- and the market events a district holds. Ancestor codes allow the drill-down province →
-- district → subdistrict → village with one filter. Cash and in kind stay in separate columns.
CREATE OR REPLACE TABLE area_summary AS
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
groups AS (SELECT village_code, count(*) AS groups FROM occupation_group GROUP BY 1),
parts AS (
    -- One row per village with its own figures.
    SELECT v.code AS village_code, v.subdistrict_code, s.district_code, d.province_code,
           1 AS villages, v.is_target::INTEGER AS target_villages, v.is_pilot::INTEGER AS pilot_villages,
           (v.is_target AND vs.stage_rank >= 1)::INTEGER AS villages_reached,
           (vs.stage_rank = 0)::INTEGER AS stage_target, (vs.stage_rank = 1)::INTEGER AS stage_sages,
           (vs.stage_rank = 2)::INTEGER AS stage_households, (vs.stage_rank = 3)::INTEGER AS stage_group,
           (vs.stage_rank = 4)::INTEGER AS stage_all5k,
           vs.sages, vs.lead_sages, vs.households, coalesce(gr.groups, 0) AS groups,
           vs.groups_formed, vs.groups_5k,
           coalesce(m.support_cash, 0) AS support_cash,
           coalesce(m.support_in_kind, 0) AS support_in_kind,
           coalesce(m.members_raised, 0) AS members_raised,
           coalesce(k.revolving_capital, 0) AS revolving_capital,
           coalesce(sl.sales, 0) AS sales
    FROM village v
    JOIN subdistrict s ON s.code = v.subdistrict_code
    JOIN district d ON d.code = s.district_code
    JOIN village_stage vs ON vs.village_code = v.code
    LEFT JOIN groups gr ON gr.village_code = v.code
    LEFT JOIN group_money m ON m.village_code = v.code
    LEFT JOIN capital k ON k.village_code = v.code
    LEFT JOIN sales sl ON sl.village_code = v.code
    UNION ALL BY NAME
    -- Support given to a subdistrict's network: its subdistrict's and every level above.
    SELECT n.subdistrict_code, s.district_code, d.province_code,
           sum(c.amount_baht) FILTER (WHERE c.kind = 'cash') AS support_cash,
           sum(c.amount_baht) FILTER (WHERE c.kind = 'in_kind') AS support_in_kind
    FROM contribution c
    JOIN network n ON n.code = c.network_code
    JOIN subdistrict s ON s.code = n.subdistrict_code
    JOIN district d ON d.code = s.district_code
    WHERE c.source = 'partner'
    GROUP BY ALL
    UNION ALL BY NAME
    -- Market events: their district's and province's.
    SELECT e.district_code, d.province_code, count(*) AS events
    FROM market_event e JOIN district d ON d.code = e.district_code
    GROUP BY ALL),
summed AS (
    SELECT CASE WHEN grouping(village_code) = 0 THEN 'village'
                WHEN grouping(subdistrict_code) = 0 THEN 'subdistrict'
                WHEN grouping(district_code) = 0 THEN 'district'
                ELSE 'province' END AS level,
           CASE WHEN grouping(village_code) = 0 THEN village_code
                WHEN grouping(subdistrict_code) = 0 THEN subdistrict_code
                WHEN grouping(district_code) = 0 THEN district_code
                ELSE province_code END AS code,
           subdistrict_code, district_code, province_code,
           coalesce(sum(villages), 0)::INTEGER AS villages,
           coalesce(sum(target_villages), 0)::INTEGER AS target_villages,
           coalesce(sum(pilot_villages), 0)::INTEGER AS pilot_villages,
           coalesce(sum(villages_reached), 0)::INTEGER AS villages_reached,
           coalesce(sum(stage_target), 0)::INTEGER AS stage_target,
           coalesce(sum(stage_sages), 0)::INTEGER AS stage_sages,
           coalesce(sum(stage_households), 0)::INTEGER AS stage_households,
           coalesce(sum(stage_group), 0)::INTEGER AS stage_group,
           coalesce(sum(stage_all5k), 0)::INTEGER AS stage_all5k,
           coalesce(sum(sages), 0)::INTEGER AS sages,
           coalesce(sum(lead_sages), 0)::INTEGER AS lead_sages,
           coalesce(sum(households), 0)::INTEGER AS households,
           coalesce(sum(groups), 0)::INTEGER AS groups,
           coalesce(sum(groups_formed), 0)::INTEGER AS groups_formed,
           coalesce(sum(groups_5k), 0)::INTEGER AS groups_5k,
           coalesce(sum(support_cash), 0)::DECIMAL(18, 2) AS support_cash,
           coalesce(sum(support_in_kind), 0)::DECIMAL(18, 2) AS support_in_kind,
           coalesce(sum(members_raised), 0)::DECIMAL(18, 2) AS members_raised,
           coalesce(sum(revolving_capital), 0)::DECIMAL(18, 2) AS revolving_capital,
           coalesce(sum(sales), 0)::DECIMAL(18, 2) AS sales,
           -- Events are held by districts: none below them.
           CASE WHEN grouping(subdistrict_code) = 1 THEN coalesce(sum(events), 0) END::INTEGER AS events
    FROM parts
    GROUP BY GROUPING SETS ((province_code, district_code, subdistrict_code, village_code),
                            (province_code, district_code, subdistrict_code),
                            (province_code, district_code),
                            (province_code)))
-- A network's support names no village and an event no subdistrict: they only add to the levels
-- above.
SELECT * FROM summed
WHERE code IS NOT NULL
ORDER BY list_position(['village', 'subdistrict', 'district', 'province'], level), code;
