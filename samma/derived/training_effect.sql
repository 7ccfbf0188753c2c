-- Sales per group and event before and after a group's first training of each kind (social
-- media: LINE, Facebook, a website; design: product design, packaging).
CREATE OR REPLACE TABLE training_effect AS
WITH first_training AS (
    SELECT CASE WHEN t.topic IN ('line', 'facebook', 'website') THEN 'social_media'
                ELSE 'design' END AS kind,
           tg.group_code, min(t.date) AS first_day
    FROM training t
    JOIN training_group tg ON tg.training_id = t.id
    WHERE t.topic IN ('line', 'facebook', 'website', 'product_design', 'packaging')
    GROUP BY 1, 2),
group_event AS (
    SELECT p.group_code, s.event_code, e.date, sum(s.amount_baht)::DOUBLE AS sales_baht
    FROM sale s
    JOIN product p ON p.code = s.product_code
    JOIN market_event e ON e.code = s.event_code
    GROUP BY 1, 2, 3)
SELECT f.kind,
       CASE WHEN ge.date < f.first_day THEN 'before' ELSE 'after' END AS period,
       count(DISTINCT ge.group_code) AS groups, count(*) AS group_events,
       avg(ge.sales_baht) AS sales_per_group_event
FROM first_training f
JOIN group_event ge ON ge.group_code = f.group_code
GROUP BY ALL;
