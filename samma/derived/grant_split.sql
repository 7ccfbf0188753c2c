-- Each cash grant into a fund with what its ledger put to admin and to revolving (70/30).
CREATE OR REPLACE TABLE grant_split AS
SELECT c.id, c.date, c.partner_code, c.group_code, c.network_code,
       c.amount_baht::DOUBLE AS grant_baht,
       coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin'), 0)::DOUBLE AS admin,
       coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'revolving'), 0)::DOUBLE AS revolving
FROM contribution c
LEFT JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in'
WHERE fund_grant(c.source, c.kind, c.purpose)
GROUP BY ALL;
