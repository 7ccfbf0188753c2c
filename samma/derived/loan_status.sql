-- Every loan in the register as of the dataset's date: repaid, written off, outstanding, and
-- whether it is overdue (funds.overdue: past its due date and not fully repaid; on its due date
-- it is not yet overdue) or was repaid in full after its due date.
CREATE OR REPLACE TABLE loan_status AS
WITH dated AS (SELECT max(as_of) AS as_of FROM dataset),
back AS (
    SELECT r.loan_code, sum(r.principal_baht) AS repaid,
           coalesce(sum(r.interest_baht), 0) AS interest,
           coalesce(sum(r.written_off_baht), 0) AS written_off,
           max(r.date) FILTER (WHERE r.principal_baht > 0) AS last_repaid
    FROM loan_repayment r, dated
    WHERE r.date <= dated.as_of
    GROUP BY r.loan_code),
settled AS (
    SELECT l.*, dated.as_of,
           coalesce(b.repaid, 0)::DECIMAL(14, 2) AS repaid,
           coalesce(b.interest, 0)::DECIMAL(14, 2) AS interest,
           coalesce(b.written_off, 0)::DECIMAL(14, 2) AS written_off,
           (l.amount_baht - coalesce(b.repaid, 0) - coalesce(b.written_off, 0))::DECIMAL(14, 2)
             AS outstanding,
           b.last_repaid
    FROM loan l CROSS JOIN dated LEFT JOIN back b ON b.loan_code = l.code)
SELECT code, network_code, group_code, household_code, amount_baht, lent, due, interest_pct,
       repaid, interest, written_off, outstanding,
       due < as_of AS past_due,
       overdue(due, as_of, outstanding) AS overdue,
       CASE WHEN overdue(due, as_of, outstanding) THEN (as_of - due)::INTEGER END AS days_overdue,
       outstanding <= exact_baht() AND written_off = 0 AND last_repaid > due AS repaid_late
FROM settled;
