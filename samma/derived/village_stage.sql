-- How far each village has come: its sages, households and groups, and its stage, the rank in
-- domain.STAGES: 0 a target only, 1 sages in place, 2 households enrolled, 3 a group formed,
-- 4 a group with all 5 K.
CREATE OR REPLACE VIEW village_stage AS
SELECT v.code AS village_code, v.subdistrict_code, v.is_target, v.is_pilot,
       coalesce(s.sages, 0) AS sages,
       coalesce(s.lead_sages, 0) AS lead_sages,
       coalesce(h.households, 0) AS households,
       coalesce(g.groups_formed, 0) AS groups_formed,
       coalesce(g.groups_5k, 0) AS groups_5k,
       CASE WHEN coalesce(g.groups_5k, 0) > 0 THEN 4
            WHEN coalesce(g.groups_formed, 0) > 0 THEN 3
            WHEN coalesce(h.households, 0) > 0 THEN 2
            WHEN coalesce(s.sages, 0) > 0 THEN 1
            ELSE 0 END AS stage_rank
FROM village v
LEFT JOIN (SELECT village_code, count(*) AS sages, count(*) FILTER (WHERE role = 'lead') AS lead_sages
           FROM sage GROUP BY 1) s ON s.village_code = v.code
LEFT JOIN (SELECT village_code, count(*) AS households FROM household GROUP BY 1) h
       ON h.village_code = v.code
LEFT JOIN (SELECT village_code, count(*) FILTER (WHERE formed IS NOT NULL) AS groups_formed,
                  count(*) FILTER (WHERE all5k AND formed IS NOT NULL) AS groups_5k
           FROM group_progress GROUP BY 1) g ON g.village_code = v.code;
