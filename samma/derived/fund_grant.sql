-- Cash the partners put into a fund: the grants the 70/30 and 1:1 conditions apply to.
CREATE OR REPLACE MACRO fund_grant(source, kind, purpose) AS
    source = 'partner' AND kind = 'cash' AND purpose IN ('grant', 'matching');
