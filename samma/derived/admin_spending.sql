-- What the administration money paid for, per fund (a group's or a network's) and purpose.
CREATE OR REPLACE TABLE admin_spending AS
SELECT network_code, group_code, purpose, count(*) AS entries,
       sum(amount_baht)::DECIMAL(18, 2) AS amount_baht
FROM fund_entry
WHERE entry = 'spent'
GROUP BY ALL;
