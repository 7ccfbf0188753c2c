-- What each plan village added to the plan's indicators on each day: households enrolled,
-- groups formed, groups completing their 5 K, revolving capital (paid in + profit − losses),
-- sales at events held that day.
CREATE OR REPLACE TABLE plan_village_day AS
WITH grp AS (SELECT g.code, g.village_code, g.formed FROM occupation_group g
             JOIN plan_village v ON v.code = g.village_code WHERE g.formed IS NOT NULL),
days AS (
    SELECT village_code, 'households_trained' AS indicator, joined AS day, count(*) AS value
    FROM household
    WHERE village_code IN (SELECT code FROM plan_village) AND joined IS NOT NULL GROUP BY 1, 3
    UNION ALL
    SELECT village_code, 'groups_formed', formed, count(*) FROM grp GROUP BY 1, 3
    UNION ALL
    SELECT village_code, 'groups_5k', day, count(*) FROM (
        SELECT any_value(grp.village_code) AS village_code,
               greatest(any_value(grp.formed), max(m.reached)) AS day
        FROM grp JOIN milestone m ON m.owner_kind = 'group' AND m.owner_code = grp.code
        GROUP BY grp.code HAVING count(*) = (SELECT count(*) FROM five_k)) GROUP BY 1, 3
    UNION ALL
    SELECT g.village_code, 'revolving_fund', f.date,
           sum(CASE f.entry WHEN 'loss' THEN -f.amount_baht ELSE f.amount_baht END)
    FROM fund_entry f JOIN occupation_group g ON g.code = f.group_code
    JOIN plan_village v ON v.code = g.village_code
    WHERE f.bucket = 'revolving' AND f.entry IN ('paid_in', 'profit', 'loss')
    GROUP BY 1, 3
    UNION ALL
    SELECT g.village_code, 'sales', e.date, sum(s.amount_baht)
    FROM sale s
    JOIN market_event e ON e.code = s.event_code
    JOIN product p ON p.code = s.product_code
    JOIN occupation_group g ON g.code = p.group_code
    JOIN plan_village v ON v.code = g.village_code
    GROUP BY 1, 3)
SELECT village_code, indicator, day, value::DECIMAL(18, 2) AS value FROM days;
