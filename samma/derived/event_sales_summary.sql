-- Per market event, what was sold there.
CREATE OR REPLACE TABLE event_sales_summary AS
SELECT s.event_code, count(DISTINCT p.group_code) AS groups_selling, count(*) AS products,
       sum(s.quantity)::HUGEINT AS quantity, sum(s.amount_baht)::DOUBLE AS sales_baht
FROM sale s JOIN product p ON p.code = s.product_code
GROUP BY 1;
