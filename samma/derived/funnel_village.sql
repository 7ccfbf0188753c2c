-- Per target village, the steps of the Groups page's funnel: a lead sage and a full 1+4 team,
-- households enrolled, groups formed, groups with all 5 K, formed groups that sold at an event.
CREATE OR REPLACE TABLE funnel_village AS
SELECT s.village_code,
       s.lead_sages >= 1 AND s.sages >= team_size() AS with_sages,
       s.households::INTEGER AS households,
       count(p.group_code) FILTER (WHERE p.formed IS NOT NULL)::INTEGER AS groups_formed,
       count(p.group_code) FILTER (WHERE p.formed IS NOT NULL AND p.all5k)::INTEGER AS groups_5k,
       count(p.group_code) FILTER (WHERE p.formed IS NOT NULL AND p.group_code IN (
           SELECT DISTINCT pr.group_code FROM sale sl JOIN product pr ON pr.code = sl.product_code
       ))::INTEGER AS groups_sold
FROM village_stage s LEFT JOIN group_progress p ON p.village_code = s.village_code
WHERE s.is_target
GROUP BY s.village_code, s.lead_sages, s.sages, s.households;
