-- Each fund's administration money (the 30%), a group's or a network's: what was paid in, what
-- was spent (on what, in admin_spending) and what is left.
CREATE OR REPLACE VIEW admin_account AS
SELECT network_code, group_code,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'paid_in'), 0) AS paid_in,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'spent'), 0) AS spent,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'paid_in'), 0)
         - coalesce(sum(amount_baht) FILTER (WHERE entry = 'spent'), 0) AS "left"
FROM fund_entry
WHERE bucket = 'admin'
GROUP BY network_code, group_code;
