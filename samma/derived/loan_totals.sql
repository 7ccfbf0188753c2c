-- Every fund's loans together: how many, and how many households borrowed (a household may
-- borrow from its group and from its network, so the funds' own counts do not add up to it).
-- Counted once here: over two million national loans it is most of a page's first view.
CREATE OR REPLACE TABLE loan_totals AS
SELECT count(*) AS loans, count(DISTINCT household_code) AS borrowers FROM loan;
