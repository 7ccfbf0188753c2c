-- Per product that sold, all events together.
CREATE OR REPLACE TABLE product_sales AS
SELECT product_code, sum(quantity)::HUGEINT AS quantity, sum(amount_baht)::DOUBLE AS sales_baht
FROM sale GROUP BY 1;
