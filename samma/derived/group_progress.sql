-- How many of the 5 K each group has reached, and whether it has all five.
CREATE OR REPLACE VIEW group_progress AS
SELECT g.code AS group_code, g.village_code, g.occupation_code, g.formed,
       count(m.k) AS ks, count(m.k) = (SELECT count(*) FROM five_k) AS all5k
FROM occupation_group g
LEFT JOIN milestone m ON m.owner_kind = 'group' AND m.owner_code = g.code
GROUP BY ALL;
