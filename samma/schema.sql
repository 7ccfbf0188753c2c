-- Samma's data model: the facts, as a workbook holds them. The one place they are written down.
-- What is derived from them (the pages' summaries, the rule breaches) is not here: each derived
-- table is one file in samma/derived/, rebuilt from these facts by samma/derive.py whenever the
-- file is written or upgraded. A change here bumps db.SCHEMA_VERSION and adds a step to
-- samma/migrations.py, so that every earlier file upgrades.
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
    -- The source's frame: the community acts, the private sector drives, the state supports; civil
    -- society and academics join them. 'community' since version 8.
    sector    VARCHAR NOT NULL CHECK (sector IN ('state', 'private', 'civil', 'academic', 'community')),
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

-- Income surveys of participating households: the program's aim is more income from the new
-- occupation (มีรายได้เพิ่มขึ้น). Once before or when a household joins (the baseline) and again
-- later (follow-ups): monthly income from its group's occupation, and the household's total
-- monthly income where it was asked. Keyed by the household's code, never a name. No page shows
-- a figure for fewer than domain.INCOME_MIN_HOUSEHOLDS households.
-- One survey per household and day, of a household in the household table: the workbook's checks
-- refuse anything else, with its row. Not declared as PRIMARY KEY and REFERENCES: at national
-- scale (about 5 million surveys) their two indexes would add some 400 MB to the file and half a
-- minute to every build, to guard what the checks already guard.
CREATE TABLE income_survey (
    household_code          VARCHAR NOT NULL,
    surveyed                DATE NOT NULL,
    kind                    VARCHAR NOT NULL CHECK (kind IN ('baseline', 'follow_up')),
    occupation_income_baht  DECIMAL(14, 2) NOT NULL CHECK (occupation_income_baht >= 0),
    household_income_baht   DECIMAL(14, 2) CHECK (household_income_baht >= 0)
);

-- The 5 K (๕ ก.), in order: written from samma/domain.py FIVE_K when a file is created.
CREATE TABLE five_k (
    k         VARCHAR PRIMARY KEY,
    position  INTEGER NOT NULL UNIQUE
);

-- A group or a network is "formed" when all five K are in place.
CREATE TABLE milestone (
    owner_kind  VARCHAR NOT NULL CHECK (owner_kind IN ('group', 'network')),
    owner_code  VARCHAR NOT NULL,
    k           VARCHAR NOT NULL REFERENCES five_k (k),
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

-- A fund's ledger. The fund belongs to a group or to a network, exactly one (the source offers
-- the fund to the network, whose committee runs it and passes money on to its groups). Cash
-- grants are paid in split between the 'admin' bucket (30%) and the 'revolving' bucket (70%);
-- members' own money goes to revolving. Admin money is 'spent' on a purpose; a network's
-- revolving money 'passed_on' to one of its groups leaves the network's fund (the group records
-- it as paid in). Capital = paid_in − passed_on + profit − loss, and must not fall below
-- paid_in − passed_on; loans outstanding = loan_out − repayment − loss.
CREATE TABLE fund_entry (
    id               INTEGER PRIMARY KEY,
    date             DATE NOT NULL,
    group_code       VARCHAR REFERENCES occupation_group (code),
    bucket           VARCHAR NOT NULL CHECK (bucket IN ('admin', 'revolving')),
    entry            VARCHAR NOT NULL CHECK (entry IN
                       ('paid_in', 'loan_out', 'repayment', 'profit', 'loss', 'spent', 'passed_on')),
    amount_baht      DECIMAL(14, 2) NOT NULL CHECK (amount_baht >= 0),
    contribution_id  INTEGER REFERENCES contribution (id),
    -- Since version 6 (earlier files: every entry a group's).
    network_code     VARCHAR REFERENCES network (code),
    purpose          VARCHAR CHECK (purpose IN ('meetings', 'bookkeeping', 'travel', 'materials', 'other')),
    to_group_code    VARCHAR REFERENCES occupation_group (code),
    CHECK ((network_code IS NULL) <> (group_code IS NULL)),
    CHECK ((entry = 'spent') = (purpose IS NOT NULL)),
    CHECK (entry <> 'spent' OR bucket = 'admin'),
    CHECK ((entry = 'passed_on') = (to_group_code IS NOT NULL)),
    CHECK (entry <> 'passed_on' OR (bucket = 'revolving' AND network_code IS NOT NULL))
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

-- --- the network's committee, matching schemes and loans ---------------------------------------

-- The network committee's seats by role (กรรมการ, the first of the 5 K): counted, never named.
CREATE TABLE committee_seat (
    network_code  VARCHAR NOT NULL REFERENCES network (code),
    role          VARCHAR NOT NULL CHECK (role IN
                    ('chair', 'vice_chair', 'secretary', 'treasurer', 'member')),
    seats         INTEGER NOT NULL CHECK (seats >= 1),
    PRIMARY KEY (network_code, role)
);

-- A matching scheme: partners who match what members raise themselves, at a ratio (the source's
-- is Thitthang Thai with Wiang Ping, 1:1). The 1:1 check applies to its members only, from the
-- day each joined.
CREATE TABLE matching_scheme (
    code     VARCHAR PRIMARY KEY,
    name_th  VARCHAR NOT NULL,
    name_en  VARCHAR NOT NULL,
    ratio    DECIMAL(6, 2) NOT NULL CHECK (ratio > 0)
);

CREATE TABLE scheme_partner (
    scheme_code   VARCHAR NOT NULL REFERENCES matching_scheme (code),
    partner_code  VARCHAR NOT NULL REFERENCES partner (code),
    PRIMARY KEY (scheme_code, partner_code)
);

-- A group or a network in a scheme, exactly one, in at most one scheme.
CREATE TABLE scheme_member (
    scheme_code   VARCHAR NOT NULL REFERENCES matching_scheme (code),
    network_code  VARCHAR REFERENCES network (code),
    group_code    VARCHAR REFERENCES occupation_group (code),
    since         DATE NOT NULL,
    CHECK ((network_code IS NULL) <> (group_code IS NULL))
);

-- The loan register: which fund (a group's or a network's, exactly one) lent how much to which
-- household (its code, never a name), when, due when, at what yearly interest. The ledger
-- (fund_entry) stays the money's truth and works without a register; where both exist they agree.
CREATE TABLE loan (
    code            VARCHAR PRIMARY KEY,
    network_code    VARCHAR REFERENCES network (code),
    group_code      VARCHAR REFERENCES occupation_group (code),
    household_code  VARCHAR NOT NULL REFERENCES household (code),
    amount_baht     DECIMAL(14, 2) NOT NULL CHECK (amount_baht >= 0),
    lent            DATE NOT NULL,
    due             DATE NOT NULL,
    interest_pct    DECIMAL(6, 2) NOT NULL CHECK (interest_pct >= 0),
    CHECK ((network_code IS NULL) <> (group_code IS NULL)),
    CHECK (due >= lent)
);

-- What came back on a loan: principal, interest (empty: none), and what was written off as lost
-- (empty: none).
CREATE TABLE loan_repayment (
    id                INTEGER PRIMARY KEY,
    loan_code         VARCHAR NOT NULL REFERENCES loan (code),
    date              DATE NOT NULL,
    principal_baht    DECIMAL(14, 2) NOT NULL CHECK (principal_baht >= 0),
    interest_baht     DECIMAL(14, 2) CHECK (interest_baht >= 0),
    written_off_baht  DECIMAL(14, 2) CHECK (written_off_baht >= 0)
);

-- --- partner coordination: pledges, meetings, decisions, actions, problems (since version 8) -----

-- What a partner promised a network for a step of the plan (ขยับ ๓ ขั้น): cash and in kind in baht,
-- trainings and events as a count, anything else as a count of what was promised. What it
-- delivered is matched from the records (samma/derived/pledge_delivery.sql); where the records
-- cannot show it, the data keeper writes it by hand, and that figure replaces the matched one.
CREATE TABLE pledge (
    id                 INTEGER PRIMARY KEY,
    partner_code       VARCHAR NOT NULL REFERENCES partner (code),
    network_code       VARCHAR NOT NULL REFERENCES network (code),
    step               VARCHAR NOT NULL CHECK (step IN ('quarter', 'year1', 'year3')),
    kind               VARCHAR NOT NULL CHECK (kind IN ('cash', 'in_kind', 'training', 'event', 'other')),
    what_th            VARCHAR NOT NULL,
    what_en            VARCHAR,
    amount             DECIMAL(14, 2) NOT NULL CHECK (amount > 0),
    made               DATE NOT NULL,
    due                DATE NOT NULL,
    delivered_by_hand  DECIMAL(14, 2) CHECK (delivered_by_hand >= 0),
    CHECK (due >= made)
);

-- A partners' meeting of a network. No one who attended is named.
CREATE TABLE meeting (
    code          VARCHAR PRIMARY KEY,
    date          DATE NOT NULL,
    place_th      VARCHAR NOT NULL,
    place_en      VARCHAR NOT NULL,
    network_code  VARCHAR NOT NULL REFERENCES network (code)
);

-- What a meeting decided, in the order of its minutes.
CREATE TABLE decision (
    meeting_code  VARCHAR NOT NULL REFERENCES meeting (code),
    seq           INTEGER NOT NULL CHECK (seq >= 1),
    text_th       VARCHAR NOT NULL,
    text_en       VARCHAR,
    PRIMARY KEY (meeting_code, seq)
);

-- What a meeting asked someone to do: a partner, or the network committee (never a person).
CREATE TABLE action (
    id            INTEGER PRIMARY KEY,
    meeting_code  VARCHAR NOT NULL REFERENCES meeting (code),
    text_th       VARCHAR NOT NULL,
    text_en       VARCHAR,
    owner_kind    VARCHAR NOT NULL CHECK (owner_kind IN ('partner', 'committee')),
    partner_code  VARCHAR REFERENCES partner (code),
    due           DATE NOT NULL,
    status        VARCHAR NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
    done_on       DATE,
    CHECK ((owner_kind = 'partner') = (partner_code IS NOT NULL)),
    CHECK ((status = 'done') = (done_on IS NOT NULL))
);

-- Problems and obstacles (ปัญหาและอุปสรรค) raised at a meeting, and what is being done about them.
CREATE TABLE problem (
    id            INTEGER PRIMARY KEY,
    meeting_code  VARCHAR NOT NULL REFERENCES meeting (code),
    text_th       VARCHAR NOT NULL,
    text_en       VARCHAR,
    response_th   VARCHAR NOT NULL,
    response_en   VARCHAR,
    status        VARCHAR NOT NULL CHECK (status IN ('open', 'resolved'))
);

-- Which file each network's data came from, and when it was loaded: a load writes a row for each
-- network of each file, an update (`import --update`) for the networks of the file it loads.
-- Not a sheet: the load writes it. Empty in the sample and in a file upgraded from before it.
CREATE TABLE network_source (
    network_code  VARCHAR PRIMARY KEY REFERENCES network (code),
    file          VARCHAR NOT NULL,
    loaded_at     TIMESTAMP NOT NULL
);
