-- The committee's readiness check per plan village: groups formed, with all 5 K, with a fund,
-- below their capital's floor, and the events the village's groups sold at.
CREATE OR REPLACE TABLE plan_readiness AS
WITH events AS (SELECT g.village_code, count(DISTINCT s.event_code) AS events_sold
                FROM sale s JOIN product p ON p.code = s.product_code
                JOIN occupation_group g ON g.code = p.group_code
                WHERE g.village_code IN (SELECT code FROM plan_village) GROUP BY 1)
SELECT v.code, v.subdistrict_code, v.name_th, v.name_en,
       count(DISTINCT gp.group_code) FILTER (WHERE gp.formed IS NOT NULL) AS groups_formed,
       count(DISTINCT gp.group_code) FILTER (WHERE gp.formed IS NOT NULL AND gp.all5k) AS groups_5k,
       count(DISTINCT gf.group_code) FILTER (WHERE capital_lost(gf.capital, gf.paid_in)) AS groups_below_floor,
       count(DISTINCT gf.group_code) AS groups_with_fund,
       coalesce(any_value(e.events_sold), 0) AS events_sold
FROM plan_village v
LEFT JOIN group_progress gp ON gp.village_code = v.code
LEFT JOIN group_fund gf ON gf.group_code = gp.group_code
LEFT JOIN events e ON e.village_code = v.code
GROUP BY v.code, v.subdistrict_code, v.name_th, v.name_en;
