-- One row per subdistrict livelihood network with what the Network page shows: its 5 K (how
-- many, the next missing one), its committee's seats, partners' support to it (cash and in kind
-- apart), its own fund (revolving and admin apart), what it passed on to groups, its own loans
-- overdue, and its subdistrict's groups. `gap_rank` orders the largest gaps first: missing K,
-- then capital below its floor, then overdue loans, then admin spent beyond what was paid in.
CREATE OR REPLACE TABLE network_summary AS
WITH ks AS (
    SELECT owner_code AS code, count(*) AS ks
    FROM milestone WHERE owner_kind = 'network' GROUP BY 1),
next_k AS (
    SELECT n.code, arg_min(k.k, k.position) AS next_k
    FROM network n CROSS JOIN five_k k
    WHERE NOT EXISTS (SELECT 1 FROM milestone m WHERE m.owner_kind = 'network'
                      AND m.owner_code = n.code AND m.k = k.k)
    GROUP BY 1),
seats AS (SELECT network_code AS code, sum(seats) AS seats FROM committee_seat GROUP BY 1),
support AS (
    SELECT network_code AS code,
           sum(amount_baht) FILTER (WHERE kind = 'cash') AS support_cash,
           sum(amount_baht) FILTER (WHERE kind = 'in_kind') AS support_in_kind
    FROM contribution WHERE source = 'partner' AND network_code IS NOT NULL GROUP BY 1),
passed AS (
    SELECT network_code AS code, count(DISTINCT to_group_code) AS groups_passed_on
    FROM fund_entry WHERE entry = 'passed_on' GROUP BY 1),
groups AS (
    SELECT left(village_code, 6) AS subdistrict_code,
           count(*) FILTER (WHERE formed IS NOT NULL) AS groups_formed,
           count(*) FILTER (WHERE formed IS NOT NULL AND all5k) AS groups_5k
    FROM group_progress GROUP BY 1),
joined AS (
    SELECT n.code, n.subdistrict_code, left(n.subdistrict_code, 4) AS district_code,
           left(n.subdistrict_code, 2) AS province_code, n.name_th, n.name_en, n.founded,
           coalesce(ks.ks, 0)::INTEGER AS ks, next_k.next_k,
           coalesce(seats.seats, 0)::INTEGER AS committee_seats,
           coalesce(s.support_cash, 0)::DECIMAL(18, 2) AS support_cash,
           coalesce(s.support_in_kind, 0)::DECIMAL(18, 2) AS support_in_kind,
           coalesce(f.paid_in, 0)::DECIMAL(18, 2) AS revolving_paid_in,
           coalesce(f.passed_on, 0)::DECIMAL(18, 2) AS passed_on,
           coalesce(p.groups_passed_on, 0)::INTEGER AS groups_passed_on,
           coalesce(f.profit, 0)::DECIMAL(18, 2) AS profit,
           coalesce(f.loss, 0)::DECIMAL(18, 2) AS loss,
           coalesce(f.floor, 0)::DECIMAL(18, 2) AS floor,
           coalesce(f.capital, 0)::DECIMAL(18, 2) AS capital,
           coalesce(f.on_loan, 0)::DECIMAL(18, 2) AS on_loan,
           coalesce(a.paid_in, 0)::DECIMAL(18, 2) AS admin_paid_in,
           coalesce(a.spent, 0)::DECIMAL(18, 2) AS admin_spent,
           coalesce(a."left", 0)::DECIMAL(18, 2) AS admin_left,
           coalesce(h.loans, 0)::INTEGER AS loans,
           coalesce(h.overdue_loans, 0)::INTEGER AS overdue_loans,
           coalesce(h.overdue_baht, 0)::DECIMAL(18, 2) AS overdue_baht,
           coalesce(g.groups_formed, 0)::INTEGER AS groups_formed,
           coalesce(g.groups_5k, 0)::INTEGER AS groups_5k
    FROM network n
    LEFT JOIN ks ON ks.code = n.code
    LEFT JOIN next_k ON next_k.code = n.code
    LEFT JOIN seats ON seats.code = n.code
    LEFT JOIN support s ON s.code = n.code
    LEFT JOIN passed p ON p.code = n.code
    LEFT JOIN fund_capital f ON f.network_code = n.code
    LEFT JOIN admin_account a ON a.network_code = n.code
    LEFT JOIN loan_health h ON h.network_code = n.code
    LEFT JOIN groups g ON g.subdistrict_code = n.subdistrict_code)
SELECT *,
       row_number() OVER (ORDER BY (SELECT count(*) FROM five_k) - ks DESC,
                                   greatest(floor - capital, 0) DESC, overdue_baht DESC,
                                   greatest(admin_spent - admin_paid_in, 0) DESC, code)::INTEGER
         AS gap_rank
FROM joined
ORDER BY gap_rank;
