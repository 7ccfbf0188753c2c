-- The plan's income indicator, as income_summary counts it but on the days the plan is assessed
-- (its start, its steps' due dates, the data's as-of date): the median monthly income from the
-- occupation of the households compared by that day (a baseline and a follow-up after it), each
-- at its latest follow-up on or before the day. So on the as-of date it is the Groups page's
-- latest median for the same villages. For the whole plan (scope 'plan': the villages of the
-- subdistricts with targets, or every plan village when no subdistrict has any, as
-- queries.plan_figures counts) and for each plan village (scope: its code). The median is NULL
-- where fewer than income_min_households() households had been compared by that day; no row at
-- all where none had.
CREATE OR REPLACE TABLE plan_income AS
WITH days AS (SELECT plan_start AS day FROM plan_target UNION SELECT due FROM plan_target
              UNION SELECT as_of FROM dataset),
plan_scope AS (
    SELECT code FROM plan_village
    WHERE NOT EXISTS (SELECT 1 FROM plan_target WHERE length(area_code) = 6)
       OR subdistrict_code IN (SELECT area_code FROM plan_target WHERE length(area_code) = 6)),
latest AS (
    SELECT d.day, h.village_code, arg_max(s.occupation_income_baht, s.surveyed)::DOUBLE AS income
    FROM days d
    JOIN income_survey s ON s.kind = 'follow_up' AND s.surveyed <= d.day
    JOIN income_household i ON i.household_code = s.household_code AND s.surveyed > i.baseline_day
    JOIN household h ON h.code = s.household_code
    WHERE h.village_code IN (SELECT code FROM plan_village)
    GROUP BY d.day, s.household_code, h.village_code),
scoped AS (
    SELECT 'plan' AS scope, day, income FROM latest
    WHERE village_code IN (SELECT code FROM plan_scope)
    UNION ALL
    SELECT village_code, day, income FROM latest)
SELECT scope, day, count(*) AS households,
       CASE WHEN count(*) >= income_min_households() THEN median(income) END AS median_baht
FROM scoped
GROUP BY scope, day;
