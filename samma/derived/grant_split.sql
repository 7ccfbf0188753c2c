-- Each cash grant into a fund with what its ledger put to admin and to revolving, and its gap
-- from 70/30 with a word for it (funds.split_gap and funds.verdict, as macros): a national
-- network has tens of thousands of grants, too many to judge in Python on every rerun.
CREATE OR REPLACE TABLE grant_split AS
WITH split AS (
    SELECT c.id, c.date, c.partner_code, c.group_code, c.network_code,
           c.amount_baht::DOUBLE AS grant_baht,
           coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin'), 0)::DOUBLE AS admin,
           coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'revolving'), 0)::DOUBLE AS revolving
    FROM contribution c
    LEFT JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in'
    WHERE fund_grant(c.source, c.kind, c.purpose)
    GROUP BY ALL)
SELECT *, split_gap(grant_baht, admin) AS gap, verdict(split_gap(grant_baht, admin)) AS verdict
FROM split;
