-- Each fund's revolving capital, a group's or a network's, by funds.capital: paid in − passed on
-- + profit − losses. It "must not be lost": its floor is paid in − passed on (funds.capital_floor;
-- what a network passed on to a group is on the group's floor now). On loan = lent − repaid −
-- written off.
CREATE OR REPLACE VIEW fund_capital AS
WITH sums AS (
    SELECT network_code, group_code,
           coalesce(sum(amount_baht) FILTER (WHERE entry = 'paid_in'), 0) AS paid_in,
           coalesce(sum(amount_baht) FILTER (WHERE entry = 'passed_on'), 0) AS passed_on,
           coalesce(sum(amount_baht) FILTER (WHERE entry = 'profit'), 0) AS profit,
           coalesce(sum(amount_baht) FILTER (WHERE entry = 'loss'), 0) AS loss,
           coalesce(sum(amount_baht) FILTER (WHERE entry = 'loan_out'), 0) AS lent,
           coalesce(sum(amount_baht) FILTER (WHERE entry = 'repayment'), 0) AS repaid
    FROM fund_entry
    WHERE bucket = 'revolving'
    GROUP BY network_code, group_code)
SELECT network_code, group_code, paid_in, passed_on, profit, loss, lent, repaid,
       paid_in - passed_on AS floor,
       paid_in - passed_on + profit - loss AS capital,
       lent - repaid - loss AS on_loan
FROM sums;
