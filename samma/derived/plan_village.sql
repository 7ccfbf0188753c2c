-- The villages the plan covers: those in a subdistrict with a plan, or with targets of their own.
CREATE OR REPLACE VIEW plan_village AS
SELECT code, subdistrict_code, name_th, name_en FROM village
WHERE subdistrict_code IN (SELECT area_code FROM plan_target)
   OR code IN (SELECT area_code FROM plan_target);
