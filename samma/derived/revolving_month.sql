-- The revolving funds' movements per month, every group's and network's together. What a network
-- passed on to its groups moves money between two of them: it leaves the network's fund and the
-- group records it as paid in, so it counts once.
CREATE OR REPLACE TABLE revolving_month AS
SELECT date_trunc('month', date)::DATE AS month,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'paid_in'), 0)::DECIMAL(18, 2) AS paid_in,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'passed_on'), 0)::DECIMAL(18, 2) AS passed_on,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'loan_out'), 0)::DECIMAL(18, 2) AS loans_out,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'repayment'), 0)::DECIMAL(18, 2) AS repayments,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'profit'), 0)::DECIMAL(18, 2) AS profit,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'loss'), 0)::DECIMAL(18, 2) AS losses
FROM fund_entry WHERE bucket = 'revolving' GROUP BY 1;
