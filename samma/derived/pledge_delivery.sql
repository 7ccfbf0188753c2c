-- What each pledge delivered, matched from what is recorded, from the day the pledge was made up
-- to the dataset's as-of date: cash and in kind (baht) are the partner's contributions of that kind
-- to the network or to a group in its subdistrict; a training is one of the partner's trainings in
-- the network's subdistrict; an event one the partner organised in the network's district.
-- A partner's pledges to one network of one kind share what was delivered, earliest due first: each
-- gets the most it can without any record counting twice. As pledges made later can use only what
-- came later, that is (the windows being nested) the least, over the days its kin were made on or
-- before its own, of what came from that day less what the earlier-due ones took from it, capped at
-- its amount. A figure written by hand (delivered_by_hand) replaces the matched one; such a pledge
-- takes nothing from the others.
CREATE OR REPLACE TABLE pledge_delivery AS
WITH RECURSIVE
place AS (
    SELECT n.code AS network_code, n.subdistrict_code, s.district_code
    FROM network n JOIN subdistrict s ON s.code = n.subdistrict_code),
kin AS (
    SELECT DISTINCT partner_code, network_code, kind FROM pledge
    WHERE delivered_by_hand IS NULL AND kind <> 'other'),
record AS (
    SELECT c.partner_code, c.network_code, c.kind, c.date AS day, c.amount_baht::DOUBLE AS value
    FROM contribution c
    WHERE c.source = 'partner' AND c.network_code IS NOT NULL
    UNION ALL
    SELECT c.partner_code, p.network_code, c.kind, c.date, c.amount_baht::DOUBLE
    FROM contribution c
    JOIN occupation_group g ON g.code = c.group_code
    JOIN village v ON v.code = g.village_code
    JOIN place p ON p.subdistrict_code = v.subdistrict_code
    WHERE c.source = 'partner'
    UNION ALL
    SELECT t.partner_code, p.network_code, 'training', t.date, 1.0
    FROM training t JOIN place p ON p.subdistrict_code = t.subdistrict_code
    UNION ALL
    SELECT e.organiser_code, p.network_code, 'event', e.date, 1.0
    FROM market_event e JOIN place p ON p.district_code = e.district_code),
delivered AS (
    SELECT r.* FROM record r
    JOIN kin k USING (partner_code, network_code, kind)
    WHERE r.day <= (SELECT max(as_of) FROM dataset)),
shared AS (
    SELECT id, partner_code, network_code, kind, made, amount::DOUBLE AS amount,
           row_number() OVER (PARTITION BY partner_code, network_code, kind ORDER BY due, made, id) AS rank
    FROM pledge WHERE delivered_by_hand IS NULL AND kind <> 'other'),
since AS (
    SELECT s.partner_code, s.network_code, s.kind, s.since, coalesce(sum(d.value), 0) AS delivered
    FROM (SELECT DISTINCT partner_code, network_code, kind, made AS since FROM shared) s
    LEFT JOIN delivered d ON d.partner_code = s.partner_code AND d.network_code = s.network_code
                         AND d.kind = s.kind AND d.day >= s.since
    GROUP BY ALL),
cut AS (
    SELECT p.id, list({'since': s.since, 'delivered': s.delivered}) AS cuts
    FROM shared p JOIN since s USING (partner_code, network_code, kind)
    WHERE s.since <= p.made
    GROUP BY p.id),
pledge_cut AS (SELECT p.*, c.cuts FROM shared p JOIN cut c USING (id)),
share(partner_code, network_code, kind, rank, id, got, taken) AS (
    SELECT partner_code, network_code, kind, rank, id,
           greatest(0, least(amount, list_min(list_transform(cuts, lambda c: c.delivered)))),
           [{'made': made, 'got': greatest(0, least(amount, list_min(list_transform(cuts, lambda c: c.delivered))))}]
    FROM pledge_cut WHERE rank = 1
    UNION ALL
    SELECT n.partner_code, n.network_code, n.kind, n.rank, n.id, n.got,
           list_append(n.taken, {'made': n.made, 'got': n.got})
    FROM (
        SELECT p.partner_code, p.network_code, p.kind, p.rank, p.id, p.made, s.taken,
               greatest(0, least(p.amount, list_min(list_transform(p.cuts, lambda c:
                   c.delivered - coalesce(list_sum(list_transform(
                       list_filter(s.taken, lambda x: x.made >= c.since), lambda x: x.got)), 0))))) AS got
        FROM share s
        JOIN pledge_cut p ON p.partner_code = s.partner_code AND p.network_code = s.network_code
                         AND p.kind = s.kind AND p.rank = s.rank + 1) n)
SELECT p.id AS pledge_id,
       coalesce(p.delivered_by_hand::DOUBLE, s.got, 0) AS delivered,
       p.delivered_by_hand IS NOT NULL AS by_hand
FROM pledge p LEFT JOIN share s ON s.id = p.id;
