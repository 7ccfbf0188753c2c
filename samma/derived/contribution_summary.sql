-- Contributions summed per source, partner, kind, Thai fiscal year and purpose.
CREATE OR REPLACE TABLE contribution_summary AS
SELECT source, partner_code, kind, fiscal_year(date)::INTEGER AS fiscal_year, purpose,
       sum(amount_baht)::DECIMAL(18, 2) AS amount_baht, sum(days)::DECIMAL(18, 2) AS days,
       count(*) AS entries
FROM contribution GROUP BY ALL;
