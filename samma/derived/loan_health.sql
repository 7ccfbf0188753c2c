-- Loan health per lending fund (a group's or a network's), from the register: loans and
-- borrowers, lent, repaid, written off, outstanding, overdue (count and baht), what fell due and
-- how much of it came back (the repayment rate), loans repaid late.
CREATE OR REPLACE TABLE loan_health AS
SELECT network_code, group_code,
       count(*) AS loans, count(DISTINCT household_code) AS borrowers,
       count(*) FILTER (WHERE outstanding > exact_baht()) AS loans_open,
       sum(amount_baht)::DECIMAL(18, 2) AS lent, sum(repaid)::DECIMAL(18, 2) AS repaid,
       sum(written_off)::DECIMAL(18, 2) AS written_off,
       sum(outstanding)::DECIMAL(18, 2) AS outstanding,
       count(*) FILTER (WHERE overdue) AS overdue_loans,
       coalesce(sum(outstanding) FILTER (WHERE overdue), 0)::DECIMAL(18, 2) AS overdue_baht,
       min(due) FILTER (WHERE overdue) AS oldest_due,
       coalesce(sum(amount_baht) FILTER (WHERE past_due), 0)::DECIMAL(18, 2) AS fell_due,
       coalesce(sum(repaid) FILTER (WHERE past_due), 0)::DECIMAL(18, 2) AS fell_due_repaid,
       count(*) FILTER (WHERE repaid_late) AS repaid_late
FROM loan_status
GROUP BY network_code, group_code;
