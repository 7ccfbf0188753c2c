-- Samma's data model: the one place it is written down.
-- Codes are the Department of Provincial Administration's: province 2 digits, district 4,
-- subdistrict 6; a village is its subdistrict code plus its หมู่ที่ as two digits (8 digits).
-- Households are people: they carry a pseudonymous code only, never a name, ID number or phone.

CREATE TABLE dataset (
    name_th         VARCHAR NOT NULL,
    name_en         VARCHAR NOT NULL,
    is_sample       BOOLEAN NOT NULL,
    as_of           DATE NOT NULL,
    schema_version  INTEGER NOT NULL,
    loaded_at       TIMESTAMP NOT NULL,
    positions_approximate BOOLEAN NOT NULL
);

CREATE TABLE province (
    code     VARCHAR PRIMARY KEY CHECK (length(code) = 2),
    name_th  VARCHAR NOT NULL,
    name_en  VARCHAR NOT NULL
);

CREATE TABLE district (
    code           VARCHAR PRIMARY KEY CHECK (length(code) = 4),
    province_code  VARCHAR NOT NULL REFERENCES province (code),
    name_th        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL
);

CREATE TABLE subdistrict (
    code           VARCHAR PRIMARY KEY CHECK (length(code) = 6),
    district_code  VARCHAR NOT NULL REFERENCES district (code),
    name_th        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    lat            DOUBLE,
    lon            DOUBLE
);

CREATE TABLE village (
    code              VARCHAR PRIMARY KEY CHECK (length(code) = 8),
    subdistrict_code  VARCHAR NOT NULL REFERENCES subdistrict (code),
    moo               INTEGER NOT NULL CHECK (moo BETWEEN 1 AND 99),
    name_th           VARCHAR NOT NULL,
    name_en           VARCHAR NOT NULL,
    lat               DOUBLE,
    lon               DOUBLE,
    position_approximate BOOLEAN NOT NULL,
    is_target         BOOLEAN NOT NULL,
    is_pilot          BOOLEAN NOT NULL,
    target_fiscal_year INTEGER          -- Buddhist-era fiscal year it became a target village
);

CREATE TABLE partner (
    code      VARCHAR PRIMARY KEY,
    short_th  VARCHAR NOT NULL,
    short_en  VARCHAR NOT NULL,
    name_th   VARCHAR NOT NULL,
    name_en   VARCHAR NOT NULL,
    sector    VARCHAR NOT NULL CHECK (sector IN ('state', 'private', 'civil', 'academic')),
    role_th   VARCHAR NOT NULL,
    role_en   VARCHAR NOT NULL
);

-- The "1+4": one lead sage and four team members per village. No names are kept.
CREATE TABLE sage (
    id            INTEGER PRIMARY KEY,
    village_code  VARCHAR NOT NULL REFERENCES village (code),
    role          VARCHAR NOT NULL CHECK (role IN ('lead', 'team')),
    skill_th      VARCHAR NOT NULL,
    skill_en      VARCHAR NOT NULL,
    since         DATE NOT NULL
);

CREATE TABLE occupation (
    code     VARCHAR PRIMARY KEY,
    name_th  VARCHAR NOT NULL,
    name_en  VARCHAR NOT NULL
);

-- The subdistrict livelihood network (เครือข่ายสัมมาชีพตำบล), the coordination centre.
CREATE TABLE network (
    code              VARCHAR PRIMARY KEY,
    subdistrict_code  VARCHAR NOT NULL REFERENCES subdistrict (code),
    name_th           VARCHAR NOT NULL,
    name_en           VARCHAR NOT NULL,
    founded           DATE NOT NULL
);

CREATE TABLE occupation_group (
    code             VARCHAR PRIMARY KEY,
    village_code     VARCHAR NOT NULL REFERENCES village (code),
    occupation_code  VARCHAR NOT NULL REFERENCES occupation (code),
    name_th          VARCHAR NOT NULL,
    name_en          VARCHAR NOT NULL,
    formed           DATE                -- NULL while the households have not yet formed it
);

CREATE TABLE household (
    code          VARCHAR PRIMARY KEY,   -- pseudonymous
    village_code  VARCHAR NOT NULL REFERENCES village (code),
    joined        DATE NOT NULL,
    group_code    VARCHAR REFERENCES occupation_group (code)
);

-- The 5 K (๕ ก.): a group or a network is "formed" when all five are in place.
CREATE TABLE milestone (
    owner_kind  VARCHAR NOT NULL CHECK (owner_kind IN ('group', 'network')),
    owner_code  VARCHAR NOT NULL,
    k           VARCHAR NOT NULL CHECK (k IN ('committee', 'members', 'rules', 'fund', 'activities')),
    reached     DATE NOT NULL,
    PRIMARY KEY (owner_kind, owner_code, k)
);

-- Support in cash and in kind. In-kind support carries a value in baht and, where it is
-- time given, the days; cash and in kind are never added together without saying so.
CREATE TABLE contribution (
    id             INTEGER PRIMARY KEY,
    date           DATE NOT NULL,
    source         VARCHAR NOT NULL CHECK (source IN ('partner', 'members')),
    partner_code   VARCHAR REFERENCES partner (code),
    network_code   VARCHAR REFERENCES network (code),
    group_code     VARCHAR REFERENCES occupation_group (code),
    kind           VARCHAR NOT NULL CHECK (kind IN ('cash', 'in_kind')),
    purpose        VARCHAR NOT NULL CHECK (purpose IN
                     ('grant', 'matching', 'shares', 'savings', 'training', 'design', 'marketing', 'event')),
    amount_baht    DECIMAL(14, 2) NOT NULL CHECK (amount_baht >= 0),
    days           DECIMAL(8, 1),
    CHECK ((source = 'partner') = (partner_code IS NOT NULL)),
    CHECK ((network_code IS NULL) <> (group_code IS NULL))
);

-- The revolving fund's ledger, per group. Cash grants are paid in split between the
-- 'admin' bucket (30%) and the 'revolving' bucket (70%); members' own money goes to revolving.
-- Capital = paid_in + profit - loss; loans outstanding = loan_out - repayment - loss.
CREATE TABLE fund_entry (
    id               INTEGER PRIMARY KEY,
    date             DATE NOT NULL,
    group_code       VARCHAR NOT NULL REFERENCES occupation_group (code),
    bucket           VARCHAR NOT NULL CHECK (bucket IN ('admin', 'revolving')),
    entry            VARCHAR NOT NULL CHECK (entry IN ('paid_in', 'loan_out', 'repayment', 'profit', 'loss')),
    amount_baht      DECIMAL(14, 2) NOT NULL CHECK (amount_baht >= 0),
    contribution_id  INTEGER REFERENCES contribution (id)
);

-- The three steps (ขยับ ๓ ขั้น): targets for a quarter, one year and three years.
-- area_code is a subdistrict (6 digits) or a village (8 digits).
CREATE TABLE plan_target (
    step          VARCHAR NOT NULL CHECK (step IN ('quarter', 'year1', 'year3')),
    indicator     VARCHAR NOT NULL CHECK (indicator IN
                    ('households_trained', 'groups_formed', 'groups_5k', 'revolving_fund', 'sales', 'income')),
    area_code     VARCHAR NOT NULL,
    target_value  DECIMAL(14, 2) NOT NULL CHECK (target_value >= 0),
    plan_start    DATE NOT NULL,
    due           DATE NOT NULL,
    PRIMARY KEY (step, indicator, area_code)
);

CREATE TABLE market_event (
    code            VARCHAR PRIMARY KEY,
    name_th         VARCHAR NOT NULL,
    name_en         VARCHAR NOT NULL,
    date            DATE NOT NULL,
    place_th        VARCHAR NOT NULL,
    place_en        VARCHAR NOT NULL,
    organiser_code  VARCHAR NOT NULL REFERENCES partner (code),
    district_code   VARCHAR REFERENCES district (code),
    lat             DOUBLE,
    lon             DOUBLE
);

CREATE TABLE product (
    code        VARCHAR PRIMARY KEY,
    group_code  VARCHAR NOT NULL REFERENCES occupation_group (code),
    name_th     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    unit_th     VARCHAR NOT NULL,
    unit_en     VARCHAR NOT NULL
);

CREATE TABLE sale (
    event_code    VARCHAR NOT NULL REFERENCES market_event (code),
    product_code  VARCHAR NOT NULL REFERENCES product (code),
    quantity      INTEGER NOT NULL CHECK (quantity >= 0),
    amount_baht   DECIMAL(14, 2) NOT NULL CHECK (amount_baht >= 0),
    PRIMARY KEY (event_code, product_code)
);

CREATE TABLE training (
    id                INTEGER PRIMARY KEY,
    date              DATE NOT NULL,
    partner_code      VARCHAR NOT NULL REFERENCES partner (code),
    topic             VARCHAR NOT NULL CHECK (topic IN
                        ('line', 'facebook', 'website', 'product_design', 'packaging', 'bookkeeping')),
    subdistrict_code  VARCHAR NOT NULL REFERENCES subdistrict (code),
    participants      INTEGER NOT NULL CHECK (participants >= 0),
    days              DECIMAL(8, 1) NOT NULL
);

CREATE TABLE training_group (
    training_id  INTEGER NOT NULL REFERENCES training (id),
    group_code   VARCHAR NOT NULL REFERENCES occupation_group (code),
    PRIMARY KEY (training_id, group_code)
);

-- ---------------------------------------------------------------------------------------------
-- Views: the few shapes several pages ask for. A group's and a network's 5 K, a village's
-- stage, a group's revolving fund.

CREATE VIEW group_progress AS
SELECT g.code AS group_code, g.village_code, g.occupation_code, g.formed,
       count(m.k) AS ks, count(m.k) = 5 AS all5k
FROM occupation_group g
LEFT JOIN milestone m ON m.owner_kind = 'group' AND m.owner_code = g.code
GROUP BY ALL;

-- Stages in order: target only → sages in place → households enrolled → group formed → all 5 K.
CREATE VIEW village_stage AS
SELECT v.code AS village_code, v.subdistrict_code, v.is_target, v.is_pilot,
       coalesce(s.sages, 0) AS sages,
       coalesce(s.lead_sages, 0) AS lead_sages,
       coalesce(h.households, 0) AS households,
       coalesce(g.groups_formed, 0) AS groups_formed,
       coalesce(g.groups_5k, 0) AS groups_5k,
       CASE WHEN coalesce(g.groups_5k, 0) > 0 THEN 4
            WHEN coalesce(g.groups_formed, 0) > 0 THEN 3
            WHEN coalesce(h.households, 0) > 0 THEN 2
            WHEN coalesce(s.sages, 0) > 0 THEN 1
            ELSE 0 END AS stage_rank
FROM village v
LEFT JOIN (SELECT village_code, count(*) AS sages, count(*) FILTER (WHERE role = 'lead') AS lead_sages
           FROM sage GROUP BY 1) s ON s.village_code = v.code
LEFT JOIN (SELECT village_code, count(*) AS households FROM household GROUP BY 1) h
       ON h.village_code = v.code
LEFT JOIN (SELECT village_code, count(*) FILTER (WHERE formed IS NOT NULL) AS groups_formed,
                  count(*) FILTER (WHERE all5k AND formed IS NOT NULL) AS groups_5k
           FROM group_progress GROUP BY 1) g ON g.village_code = v.code;

-- Capital = paid in + profit − losses; it "must not be lost", so its floor is what was paid in.
CREATE VIEW group_fund AS
SELECT group_code,
       sum(amount_baht) FILTER (WHERE entry = 'paid_in') AS paid_in,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'profit'), 0) AS profit,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'loss'), 0) AS loss,
       coalesce(sum(amount_baht) FILTER (WHERE entry = 'loan_out'), 0)
         - coalesce(sum(amount_baht) FILTER (WHERE entry IN ('repayment', 'loss')), 0) AS on_loan,
       coalesce(sum(amount_baht) FILTER (WHERE entry IN ('paid_in', 'profit')), 0)
         - coalesce(sum(amount_baht) FILTER (WHERE entry = 'loss'), 0) AS capital
FROM fund_entry
WHERE bucket = 'revolving'
GROUP BY group_code;

-- Rule breaches found when a spreadsheet is loaded: facts to show on the pages they concern,
-- not typos to refuse. rule: a grant not split 70/30, partners' matching above the members'
-- own part (1:1), revolving capital below what was paid in.
CREATE TABLE load_warning (
    rule             VARCHAR NOT NULL CHECK (rule IN
                       ('split_70_30', 'matching_above_members', 'capital_below_floor')),
    group_code       VARCHAR REFERENCES occupation_group (code),
    contribution_id  INTEGER REFERENCES contribution (id),
    amount_baht      DECIMAL(14, 2) NOT NULL,
    limit_baht       DECIMAL(14, 2) NOT NULL,
    message_th       VARCHAR NOT NULL,
    message_en       VARCHAR NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- Load-time summaries (issue 8). Filled by samma/aggregates.py inside every write of the file
-- (db.write_database), so pages read a few thousand rows instead of millions, at any scale.
-- One row per area and level; each level is the sum of the level below, plus what belongs to
-- the level itself (a subdistrict's network receives support no village does; a district holds
-- the market events). Ancestor codes allow the drill-down province → district → subdistrict →
-- village with one filter. Cash and in kind stay in separate columns.
CREATE TABLE area_summary (
    level              VARCHAR NOT NULL CHECK (level IN ('village', 'subdistrict', 'district', 'province')),
    code               VARCHAR NOT NULL,
    subdistrict_code   VARCHAR,            -- NULL above the subdistrict level
    district_code      VARCHAR,            -- NULL at the province level
    province_code      VARCHAR NOT NULL,
    villages           INTEGER NOT NULL,
    target_villages    INTEGER NOT NULL,
    pilot_villages     INTEGER NOT NULL,
    villages_reached   INTEGER NOT NULL,   -- target villages with their sages in place
    stage_target       INTEGER NOT NULL,   -- villages by stage (village_stage.stage_rank 0..4)
    stage_sages        INTEGER NOT NULL,
    stage_households   INTEGER NOT NULL,
    stage_group        INTEGER NOT NULL,
    stage_all5k        INTEGER NOT NULL,
    sages              INTEGER NOT NULL,
    lead_sages         INTEGER NOT NULL,
    households         INTEGER NOT NULL,
    groups             INTEGER NOT NULL,   -- groups, formed or not yet
    groups_formed      INTEGER NOT NULL,
    groups_5k          INTEGER NOT NULL,
    support_cash       DECIMAL(18, 2) NOT NULL,   -- partners' support, cash
    support_in_kind    DECIMAL(18, 2) NOT NULL,   -- partners' support, in kind (value)
    members_raised     DECIMAL(18, 2) NOT NULL,   -- members' shares and savings
    revolving_capital  DECIMAL(18, 2) NOT NULL,   -- group_fund.capital
    sales              DECIMAL(18, 2) NOT NULL,   -- by the area's groups, wherever they sold
    events             INTEGER,                   -- market events held; NULL below the district
    PRIMARY KEY (level, code)
);
-- Smaller load-time tables the other pages read instead of the millions of ledger rows behind
-- them (issue 8), each filled by samma/aggregates.py from the base tables of the same file.

-- Per target village, the steps of the Groups page's funnel.
CREATE TABLE funnel_village (
    village_code   VARCHAR PRIMARY KEY,
    with_sages     BOOLEAN NOT NULL,    -- a lead sage and a full team
    households     INTEGER NOT NULL,
    groups_formed  INTEGER NOT NULL,
    groups_5k      INTEGER NOT NULL,
    groups_sold    INTEGER NOT NULL     -- formed groups that sold at an event
);

-- Per subdistrict and month: households enrolled, groups formed, groups reaching all 5 K.
CREATE TABLE formation_month (
    subdistrict_code  VARCHAR NOT NULL,
    indicator         VARCHAR NOT NULL,
    month             DATE NOT NULL,
    n                 INTEGER NOT NULL
);

-- Contributions summed per source, partner, kind, Thai fiscal year and purpose.
CREATE TABLE contribution_summary (
    source       VARCHAR NOT NULL,
    partner_code VARCHAR,
    kind         VARCHAR NOT NULL,
    fiscal_year  INTEGER,
    purpose      VARCHAR,
    amount_baht  DECIMAL(18, 2),
    days         DECIMAL(18, 2),
    entries      BIGINT NOT NULL
);

-- Where the cash went: origin → network or groups → use (queries.cash_flows).
CREATE TABLE cash_flow_summary (
    origin      VARCHAR NOT NULL,
    recipient   VARCHAR NOT NULL,
    use         VARCHAR,
    amount_baht DECIMAL(18, 2)
);

-- The revolving fund's movements per month, all groups together.
CREATE TABLE revolving_month (
    month       DATE PRIMARY KEY,
    paid_in     DECIMAL(18, 2) NOT NULL,
    loans_out   DECIMAL(18, 2) NOT NULL,
    repayments  DECIMAL(18, 2) NOT NULL,
    profit      DECIMAL(18, 2) NOT NULL,
    losses      DECIMAL(18, 2) NOT NULL
);

-- Each cash grant into a fund with what its ledger put to admin and to revolving (70/30).
CREATE TABLE grant_split (
    id            INTEGER PRIMARY KEY,
    date          DATE,
    partner_code  VARCHAR,
    group_code    VARCHAR,
    network_code  VARCHAR,
    grant_baht    DOUBLE,
    admin         DOUBLE,
    revolving     DOUBLE
);

-- Each group with members' money against the partners' matching (1:1).
CREATE TABLE group_match (
    group_code  VARCHAR PRIMARY KEY,
    raised      DOUBLE,
    matched     DOUBLE NOT NULL,
    matched_on  DATE
);

-- Per market event, what was sold there.
CREATE TABLE event_sales_summary (
    event_code      VARCHAR PRIMARY KEY,
    groups_selling  BIGINT NOT NULL,
    products        BIGINT NOT NULL,
    quantity        HUGEINT NOT NULL,
    sales_baht      DOUBLE NOT NULL
);

-- Per group that sold, and per product that sold, all events together.
CREATE TABLE group_sales (
    group_code  VARCHAR PRIMARY KEY,
    village_code VARCHAR NOT NULL,
    events      BIGINT NOT NULL,
    quantity    HUGEINT,
    sales_baht  DOUBLE
);
CREATE TABLE product_sales (
    product_code VARCHAR PRIMARY KEY,
    quantity     HUGEINT,
    sales_baht   DOUBLE
);

-- Sales per group and event before and after a group's first training of each kind.
CREATE TABLE training_effect (
    kind                  VARCHAR NOT NULL,
    period                VARCHAR NOT NULL,
    groups                BIGINT NOT NULL,
    group_events          BIGINT NOT NULL,
    sales_per_group_event DOUBLE
);
-- What each plan village (in a subdistrict with a plan, or with targets of its own) added to
-- the plan's indicators on each day: households enrolled, groups formed, groups completing
-- their 5 K, revolving capital (paid in + profit − losses), sales at events held that day.
CREATE TABLE plan_village_day (
    village_code  VARCHAR NOT NULL,
    indicator     VARCHAR NOT NULL,
    day           DATE NOT NULL,
    value         DECIMAL(18, 2) NOT NULL
);

-- The committee's readiness check per plan village (queries.village_readiness).
CREATE TABLE plan_readiness (
    code                VARCHAR PRIMARY KEY,
    subdistrict_code    VARCHAR NOT NULL,
    name_th             VARCHAR,
    name_en             VARCHAR,
    groups_formed       BIGINT NOT NULL,
    groups_5k           BIGINT NOT NULL,
    groups_below_floor  BIGINT NOT NULL,
    groups_with_fund    BIGINT NOT NULL,
    events_sold         BIGINT NOT NULL
);
-- --- end of load-time summaries (issue 8) ---
