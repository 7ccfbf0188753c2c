-- Rule breaches in the facts: not typos to refuse but facts to show on the pages they concern,
-- each naming the fund's owner (a group or a network).
-- split_70_30: a grant whose admin share is not admin_share() of it (gaps of a baht or less are
-- rounding); matching_above_members: partners' matching above the members' own part (1:1);
-- capital_below_floor: revolving capital below what was paid in (capital_lost, as funds.py says);
-- admin_overspent: more administration money spent than was paid in; loans_lent_differ and
-- loans_repaid_differ: where a loan register exists, a fund's loans and repayments in it that
-- do not add up to its ledger's (the ledger is the money's truth; the register names the
-- borrowers and due dates).
CREATE OR REPLACE TABLE load_warning AS
SELECT 'split_70_30' AS rule, f.group_code, f.network_code, c.id AS contribution_id,
       coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin'), 0)::DECIMAL(14, 2) AS amount_baht,
       round(c.amount_baht * admin_share(), 2)::DECIMAL(14, 2) AS limit_baht
FROM contribution c JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in'
WHERE c.kind = 'cash' AND c.purpose IN ('grant', 'matching')
GROUP BY f.group_code, f.network_code, c.id, c.amount_baht
HAVING abs(coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin'), 0)
           - round(c.amount_baht * admin_share(), 2)) > 1
UNION ALL
SELECT 'matching_above_members', m.group_code, NULL, NULL, m.matched::DECIMAL(14, 2),
       coalesce(sum(c.amount_baht), 0)::DECIMAL(14, 2)
FROM (SELECT group_code, sum(amount_baht) AS matched, max(date) AS last
      FROM contribution
      WHERE source = 'partner' AND purpose = 'matching' AND group_code IS NOT NULL
      GROUP BY group_code) m
LEFT JOIN contribution c ON c.group_code = m.group_code AND c.source = 'members' AND c.date <= m.last
GROUP BY m.group_code, m.matched
HAVING m.matched > coalesce(sum(c.amount_baht), 0) + 1
UNION ALL
SELECT 'capital_below_floor', group_code, network_code, NULL, capital::DECIMAL(14, 2),
       floor::DECIMAL(14, 2)
FROM fund_capital
WHERE capital_lost(capital, floor)
UNION ALL
SELECT 'admin_overspent', group_code, network_code, NULL, spent::DECIMAL(14, 2),
       paid_in::DECIMAL(14, 2)
FROM admin_account
WHERE spent > paid_in + exact_baht()
UNION ALL
SELECT CASE WHEN which = 'lent' THEN 'loans_lent_differ' ELSE 'loans_repaid_differ' END,
       group_code, network_code, NULL, in_register::DECIMAL(14, 2), in_ledger::DECIMAL(14, 2)
FROM (
    SELECT coalesce(r.group_code, l.group_code) AS group_code,
           coalesce(r.network_code, l.network_code) AS network_code,
           coalesce(r.lent, 0) AS register_lent, coalesce(l.lent, 0) AS ledger_lent,
           coalesce(r.repaid, 0) AS register_repaid, coalesce(l.repaid, 0) AS ledger_repaid
    FROM loan_health r
    FULL JOIN (SELECT * FROM fund_capital WHERE lent > 0 OR repaid > 0) l
           ON l.group_code IS NOT DISTINCT FROM r.group_code
          AND l.network_code IS NOT DISTINCT FROM r.network_code
    -- An older workbook has no register at all: then the ledger stands alone.
    WHERE EXISTS (SELECT 1 FROM loan))
UNPIVOT ((in_register, in_ledger) FOR which IN ((register_lent, ledger_lent) AS 'lent',
                                               (register_repaid, ledger_repaid) AS 'repaid'))
WHERE abs(in_register - in_ledger) > exact_baht();
