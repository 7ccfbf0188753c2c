-- Each group's revolving fund (fund_capital, a group's own): a group passes nothing on, so its
-- floor is what was paid in.
CREATE OR REPLACE VIEW group_fund AS
SELECT group_code, floor AS paid_in, profit, loss, on_loan, capital
FROM fund_capital
WHERE group_code IS NOT NULL;
