-- The 1:1 check, for the members of a matching scheme only, from the day each joined: what the
-- members raised themselves (from joining up to the day partners first matched it; all of it so
-- far when no match came yet) against the partners' cash grants to it since joining, at the
-- scheme's ratio, with the gap and a word for it (funds.match_gap and funds.verdict, as macros;
-- 'not_matched' while no match came). Groups and networks outside every scheme have no row: the
-- condition is not theirs.
CREATE OR REPLACE TABLE scheme_match AS
WITH member AS (
    SELECT m.scheme_code, m.network_code, m.group_code, m.since, s.ratio::DOUBLE AS ratio
    FROM scheme_member m JOIN matching_scheme s ON s.code = m.scheme_code),
granted AS (
    SELECT m.scheme_code, m.network_code, m.group_code, min(c.date) AS matched_on,
           sum(c.amount_baht) AS matched
    FROM member m
    JOIN contribution c ON c.network_code IS NOT DISTINCT FROM m.network_code
                       AND c.group_code IS NOT DISTINCT FROM m.group_code
    WHERE fund_grant(c.source, c.kind, c.purpose) AND c.date >= m.since
    GROUP BY ALL),
raised AS (
    SELECT m.scheme_code, m.network_code, m.group_code, sum(c.amount_baht) AS raised
    FROM member m
    LEFT JOIN granted g ON g.network_code IS NOT DISTINCT FROM m.network_code
                       AND g.group_code IS NOT DISTINCT FROM m.group_code
    JOIN contribution c ON c.network_code IS NOT DISTINCT FROM m.network_code
                       AND c.group_code IS NOT DISTINCT FROM m.group_code
    WHERE c.source = 'members' AND c.date >= m.since
      AND (g.matched_on IS NULL OR c.date <= g.matched_on)
    GROUP BY ALL),
checked AS (
    SELECT m.scheme_code, m.network_code, m.group_code, m.since, m.ratio,
           coalesce(r.raised, 0)::DOUBLE AS raised, coalesce(g.matched, 0)::DOUBLE AS matched,
           g.matched_on
    FROM member m
    LEFT JOIN raised r ON r.network_code IS NOT DISTINCT FROM m.network_code
                      AND r.group_code IS NOT DISTINCT FROM m.group_code
    LEFT JOIN granted g ON g.network_code IS NOT DISTINCT FROM m.network_code
                       AND g.group_code IS NOT DISTINCT FROM m.group_code)
SELECT *, match_gap(raised, matched, ratio) AS gap,
       CASE WHEN matched = 0 THEN 'not_matched' ELSE verdict(match_gap(raised, matched, ratio)) END AS verdict
FROM checked;
