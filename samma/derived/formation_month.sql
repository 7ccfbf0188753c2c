-- Per subdistrict and month: households enrolled, groups formed, groups reaching all 5 K.
CREATE OR REPLACE TABLE formation_month AS
WITH events AS (
    SELECT left(village_code, 6) AS subdistrict_code, 'households_trained' AS indicator, joined AS day
    FROM household
    UNION ALL
    SELECT left(village_code, 6), 'groups_formed', formed FROM occupation_group
    WHERE formed IS NOT NULL
    UNION ALL
    SELECT left(any_value(g.village_code), 6), 'groups_5k', max(m.reached)
    FROM milestone m
    JOIN occupation_group g ON m.owner_kind = 'group' AND m.owner_code = g.code
    WHERE g.formed IS NOT NULL
    GROUP BY g.code HAVING count(*) = (SELECT count(*) FROM five_k))
SELECT subdistrict_code, indicator, date_trunc('month', day)::DATE AS month, count(*)::INTEGER AS n
FROM events WHERE day IS NOT NULL
GROUP BY ALL ORDER BY 1, 2, 3;
