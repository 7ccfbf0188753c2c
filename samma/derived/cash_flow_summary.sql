-- Where the cash went: from a partner or the members, to the network or the groups, for what
-- (the fund's admin or revolving bucket where the ledger split it, else the purpose).
CREATE OR REPLACE TABLE cash_flow_summary AS
SELECT coalesce(c.partner_code, 'members') AS origin,
       CASE WHEN c.group_code IS NULL THEN 'network' ELSE 'groups' END AS recipient,
       coalesce(f.bucket, c.purpose) AS use,
       sum(coalesce(f.amount_baht, c.amount_baht))::DECIMAL(18, 2) AS amount_baht
FROM contribution c
LEFT JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in'
WHERE c.kind = 'cash'
GROUP BY ALL;
