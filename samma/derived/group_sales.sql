-- Per group that sold, all events together.
CREATE OR REPLACE TABLE group_sales AS
SELECT p.group_code, any_value(g.village_code) AS village_code,
       count(DISTINCT s.event_code) AS events, sum(s.quantity)::HUGEINT AS quantity,
       sum(s.amount_baht)::DOUBLE AS sales_baht
FROM sale s JOIN product p ON p.code = s.product_code
JOIN occupation_group g ON g.code = p.group_code
GROUP BY 1;
