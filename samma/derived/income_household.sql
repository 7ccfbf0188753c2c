-- Every enrolled household with where it is (village to province, group, occupation) and, if it
-- was surveyed, its baseline and its latest follow-up, and whether its monthly income from the
-- occupation rose, stayed about the same (within income_same_band() of the baseline, either way)
-- or fell between the two. A follow-up dated on or before the baseline (the workbook refuses one)
-- compares nothing. These are a household's own figures: no page reads this table, only the
-- summaries built from it.
CREATE OR REPLACE TABLE income_household AS
WITH surveys AS (
    SELECT household_code,
           min(surveyed) FILTER (WHERE kind = 'baseline') AS baseline_day,
           arg_min(occupation_income_baht, surveyed) FILTER (WHERE kind = 'baseline')::DOUBLE
             AS baseline_baht,
           max(surveyed) FILTER (WHERE kind = 'follow_up') AS latest_day,
           arg_max(occupation_income_baht, surveyed) FILTER (WHERE kind = 'follow_up')::DOUBLE
             AS latest_baht
    FROM income_survey
    GROUP BY 1),
compared AS (
    SELECT *, CASE WHEN latest_day > baseline_day THEN latest_baht END AS after_baseline
    FROM surveys)
SELECT h.code AS household_code, h.village_code, v.subdistrict_code, sd.district_code,
       d.province_code, h.group_code, g.occupation_code,
       s.household_code IS NOT NULL AS surveyed, s.baseline_day, s.baseline_baht, s.latest_day,
       s.latest_baht,
       CASE WHEN s.after_baseline IS NULL THEN NULL
            WHEN s.after_baseline > s.baseline_baht * (1 + income_same_band()) THEN 'rose'
            WHEN s.after_baseline < s.baseline_baht * (1 - income_same_band()) THEN 'fell'
            ELSE 'same' END AS change
FROM household h
JOIN village v ON v.code = h.village_code
JOIN subdistrict sd ON sd.code = v.subdistrict_code
JOIN district d ON d.code = sd.district_code
LEFT JOIN occupation_group g ON g.code = h.group_code
LEFT JOIN compared s ON s.household_code = h.code;
