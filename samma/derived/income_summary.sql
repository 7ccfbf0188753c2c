-- Income from the occupation, each household's baseline against its latest follow-up, for the
-- whole dataset (level 'all', code ''), every province, district, subdistrict and village, every
-- group, and every occupation within the whole and within each province, district and
-- subdistrict. Households are counted where they are enrolled: all of them, those surveyed at
-- all, those with a baseline, and those compared (a baseline and a follow-up after it). The
-- medians and the middle half (25th to 75th percentile) are over the compared households, at
-- baseline and at their latest follow-up alike, so both describe the same households.
-- Where fewer than income_min_households() households are compared, every income figure (the
-- shares too) is NULL: no page can show what a handful of households earn.
-- One level at a time: a median holds every value of its groups until it is done, and a single
-- GROUPING SETS query would hold all ten levels' values at once (twice the memory, nationally).
CREATE OR REPLACE TEMP MACRO income_level(lvl, by_occupation) AS TABLE
SELECT level, code, occupation_code, village_code, subdistrict_code, district_code, province_code,
       households, surveyed, baselined, compared,
       CASE WHEN shown THEN rose END AS rose, CASE WHEN shown THEN same END AS same,
       CASE WHEN shown THEN fell END AS fell,
       CASE WHEN shown THEN baseline_q[2] END AS baseline_median,
       CASE WHEN shown THEN latest_q[2] END AS latest_median,
       CASE WHEN shown THEN baseline_q[1] END AS baseline_p25,
       CASE WHEN shown THEN baseline_q[3] END AS baseline_p75,
       CASE WHEN shown THEN latest_q[1] END AS latest_p25,
       CASE WHEN shown THEN latest_q[3] END AS latest_p75
FROM (
    SELECT lvl AS level,
           CASE lvl WHEN 'all' THEN '' WHEN 'province' THEN province_code
                    WHEN 'district' THEN district_code WHEN 'subdistrict' THEN subdistrict_code
                    WHEN 'village' THEN village_code ELSE group_code END AS code,
           CASE WHEN by_occupation THEN occupation_code END AS occupation_code,
           CASE WHEN lvl IN ('village', 'group') THEN village_code END AS village_code,
           CASE WHEN lvl IN ('subdistrict', 'village', 'group') THEN subdistrict_code END
             AS subdistrict_code,
           CASE WHEN lvl NOT IN ('all', 'province') THEN district_code END AS district_code,
           CASE WHEN lvl <> 'all' THEN province_code END AS province_code,
           count(*) AS households,
           count(*) FILTER (WHERE surveyed) AS surveyed,
           count(baseline_baht) AS baselined,
           count(change) AS compared,
           count(change) >= income_min_households() AS shown,
           count(*) FILTER (WHERE change = 'rose') AS rose,
           count(*) FILTER (WHERE change = 'same') AS same,
           count(*) FILTER (WHERE change = 'fell') AS fell,
           quantile_cont(baseline_baht, [0.25, 0.5, 0.75]) FILTER (WHERE change IS NOT NULL) AS baseline_q,
           quantile_cont(latest_baht, [0.25, 0.5, 0.75]) FILTER (WHERE change IS NOT NULL) AS latest_q
    FROM income_household
    -- Households in no group belong to no group's row, nor to an occupation's.
    WHERE (lvl <> 'group' OR group_code IS NOT NULL)
      AND (NOT by_occupation OR occupation_code IS NOT NULL)
    GROUP BY ALL)
ORDER BY code, occupation_code;

CREATE OR REPLACE TABLE income_summary AS FROM income_level('all', false);
INSERT INTO income_summary FROM income_level('province', false);
INSERT INTO income_summary FROM income_level('district', false);
INSERT INTO income_summary FROM income_level('subdistrict', false);
INSERT INTO income_summary FROM income_level('village', false);
INSERT INTO income_summary FROM income_level('group', false);
INSERT INTO income_summary FROM income_level('all', true);
INSERT INTO income_summary FROM income_level('province', true);
INSERT INTO income_summary FROM income_level('district', true);
INSERT INTO income_summary FROM income_level('subdistrict', true);
