"""The sample network, and synthetic networks at any scale, from one generator.

The default sample is Saraphi district (5019): 34 target villages, all 13 villages of Tha Wang
Tan (501910) target and pilot, the others at earlier stages. Larger tiers use the real
subdistricts of Thailand (from `geothai`) with the same rules and proportions. Everything is
drawn from random generators seeded by codes, so the same scale gives the same data every run.

The rules the data obeys (see DOMAIN.md): the fund-raising circle of a village is its 1+4 sages
and its 20 households; they raise shares and three months of savings first, and the partners
then match that 1:1; every cash grant is paid in 30% to administration, 70% to revolving capital.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from pathlib import Path

import geothai

from samma import db, workbook
from samma.funds import split_grant
from samma.reference import (OCCUPATIONS, PARTNERS, PROVINCE_CENTRES, SARAPHI, SARAPHI_CENTRES,
                             THA_WANG_TAN)

AS_OF = dt.date(2026, 10, 31)
TIERS = {"pilot": 13, "district": 34, "province": 2000, "national": 75000}

STAGES = ("target", "sages", "households", "group", "all5k")
K_ORDER = ("committee", "members", "rules", "fund", "activities")
TEAM_SIZE = 5            # the "1+4"
HOUSEHOLDS = 20
SHARE_BAHT = 100
SAVING_BAHT = 50         # per member per month
MONTHS_BEFORE_MATCH = 3
MATCHING_PARTNERS = ("TTT", "WP")   # Thitthang Thai with Wiang Ping co-offer the fund
LOAN_INTEREST_MONTHLY = 0.005
PLAN_START = dt.date(2025, 10, 1)
PLAN_DUE = {"quarter": dt.date(2025, 12, 31), "year1": dt.date(2026, 9, 30),
            "year3": dt.date(2028, 9, 30)}


@dataclass(frozen=True)
class VillagePlan:
    """What the generator is told about one target village before it simulates it."""
    code: str
    subdistrict_code: str
    moo: int
    lat: float
    lon: float
    is_pilot: bool
    stage: str
    start_fy: int          # Buddhist-era fiscal year it became a target village
    ks_reached: int        # how many of the 5 K its group has, when it has a group
    households: int
    occupation: str


def fiscal_year_start(fy_be: int) -> dt.date:
    return dt.date(fy_be - 544, 10, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def _rng(*parts: object) -> random.Random:
    return random.Random("samma:" + ":".join(str(p) for p in parts))


def _jitter(rng: random.Random, centre: tuple[float, float], km: float) -> tuple[float, float]:
    angle, dist = rng.uniform(0, 2 * math.pi), km * math.sqrt(rng.random())
    lat = centre[0] + dist / 111.0 * math.sin(angle)
    lon = centre[1] + dist / (111.0 * math.cos(math.radians(centre[0]))) * math.cos(angle)
    return round(lat, 5), round(lon, 5)


# ---------------------------------------------------------------------------------------------
# Layouts: which villages exist, where, and how far each has come.

def saraphi_layout(pilot_only: bool = False) -> list[VillagePlan]:
    rng = _rng("saraphi-layout")
    occupations = [o[0] for o in OCCUPATIONS]
    # Tha Wang Tan's groups have the 5 K at varied progress; most are complete.
    pilot_ks = [5, 5, 5, 4, 5, 5, 3, 5, 5, 4, 5, 2, 5]
    plans = []
    for moo in range(1, 14):
        plans.append(VillagePlan(
            code=f"{THA_WANG_TAN}{moo:02d}", subdistrict_code=THA_WANG_TAN, moo=moo,
            lat=0, lon=0, is_pilot=True, stage="all5k" if pilot_ks[moo - 1] == 5 else "group",
            start_fy=2560, ks_reached=pilot_ks[moo - 1], households=HOUSEHOLDS,
            occupation=occupations[(moo - 1) % len(occupations)]))
    if not pilot_only:
        others = [c for c in sorted(SARAPHI_CENTRES) if c != THA_WANG_TAN]
        slots = [(sub, i) for i in range(2) for sub in others][:21]
        stage_cycle = ["all5k", "group", "households", "sages", "target"]
        start = {"all5k": 2561, "group": 2563, "households": 2566, "sages": 2568, "target": 2569}
        used: dict[str, set[int]] = {}
        for n, (sub, _) in enumerate(sorted(slots)):
            moo = rng.randint(1, 12)
            while moo in used.setdefault(sub, set()):
                moo = rng.randint(1, 12)
            used[sub].add(moo)
            stage = stage_cycle[n % 5]
            plans.append(VillagePlan(
                code=f"{sub}{moo:02d}", subdistrict_code=sub, moo=moo, lat=0, lon=0,
                is_pilot=False, stage=stage, start_fy=start[stage],
                ks_reached=5 if stage == "all5k" else (1 + n % 4 if stage == "group" else 0),
                households=HOUSEHOLDS if stage in ("group", "all5k")
                else (8 + 3 * (n % 5) if stage == "households" else 0),
                occupation=rng.choice(occupations)))
    placed = []
    for p in sorted(plans, key=lambda p: p.code):
        lat, lon = _jitter(_rng("pos", p.code), SARAPHI_CENTRES[p.subdistrict_code], 1.3)
        placed.append(VillagePlan(**{**p.__dict__, "lat": lat, "lon": lon}))
    return placed


def _subdistricts_in_order() -> list:
    """Chiang Mai first (Saraphi first within it), then the other provinces by code."""
    provinces = ["50"] + sorted(p.code for p in geothai.provinces() if p.code != "50")
    ordered = []
    for prov in provinces:
        districts = sorted(d.code for d in geothai.districts(prov))
        if prov == "50":
            districts = [SARAPHI] + [d for d in districts if d != SARAPHI]
        for dist in districts:
            ordered.extend(geothai.subdistricts(dist))
    return ordered


def scaled_layout(n_villages: int) -> list[VillagePlan]:
    """About ten villages a subdistrict, as in Thailand (75,000 villages, 7,400 subdistricts);
    the first subdistrict of each district is its pilot (Tha Wang Tan in Saraphi)."""
    occupations = [o[0] for o in OCCUPATIONS]
    plans: list[VillagePlan] = []
    pilot_of_district: dict[str, str] = {SARAPHI: THA_WANG_TAN}
    for sub in _subdistricts_in_order():
        if len(plans) >= n_villages:
            break
        rng = _rng("scaled", sub.code)
        pilot = pilot_of_district.setdefault(sub.district_code, sub.code) == sub.code
        centre = SARAPHI_CENTRES.get(sub.code) or _jitter(
            _rng("sub", sub.code), PROVINCE_CENTRES[sub.province_code], 35.0)
        for moo in range(1, 7 + rng.randint(0, 7) + 1):
            if len(plans) >= n_villages:
                break
            vr = _rng("village", sub.code, moo)
            stage = "all5k" if pilot and vr.random() < 0.7 else (
                "group" if pilot else vr.choices(STAGES, weights=(15, 15, 20, 25, 25))[0])
            start_fy = {"target": 2569, "sages": 2568, "households": 2566,
                        "group": 2563, "all5k": 2561}[stage] - (1 if pilot else 0)
            if pilot:
                start_fy = 2560
            lat, lon = _jitter(vr, centre, 2.0)
            plans.append(VillagePlan(
                code=f"{sub.code}{moo:02d}", subdistrict_code=sub.code, moo=moo, lat=lat, lon=lon,
                is_pilot=pilot, stage=stage, start_fy=start_fy,
                ks_reached=5 if stage == "all5k" else (vr.randint(1, 4) if stage == "group" else 0),
                households=HOUSEHOLDS if stage in ("group", "all5k")
                else (vr.randint(6, 19) if stage == "households" else 0),
                occupation=vr.choice(occupations)))
    return plans


def layout_for(villages: int) -> list[VillagePlan]:
    if villages == TIERS["pilot"]:
        return saraphi_layout(pilot_only=True)
    if villages == TIERS["district"]:
        return saraphi_layout()
    return scaled_layout(villages)


# ---------------------------------------------------------------------------------------------
# The simulation: rows for every table, district by district.

class Rows:
    """Rows waiting to be written, table by table, with running ids."""

    def __init__(self) -> None:
        self.tables: dict[str, list[tuple]] = {}
        self.next_id: dict[str, int] = {}

    def add(self, table: str, *values: object) -> None:
        self.tables.setdefault(table, []).append(values)

    def new_id(self, table: str) -> int:
        self.next_id[table] = self.next_id.get(table, 0) + 1
        return self.next_id[table]


@dataclass
class GroupTrack:
    """What the rest of the simulation needs to know about a formed group."""
    code: str
    village: VillagePlan
    formed: dt.date
    products: list[tuple[str, float]]
    capital_at_plan_start: float = 0.0
    capital_now: float = 0.0


def _pay_in(rows: Rows, day: dt.date, group: str, source: str, partner: str | None,
            purpose: str, amount: float) -> None:
    """A cash contribution to a group and its ledger lines: grants split admin/revolving."""
    cid = rows.new_id("contribution")
    rows.add("contribution", cid, day, source, partner, None, group, "cash", purpose,
             round(amount, 2), None)
    if purpose in ("grant", "matching"):
        admin, revolving = split_grant(amount)
        rows.add("fund_entry", rows.new_id("fund_entry"), day, group, "admin", "paid_in", admin, cid)
        rows.add("fund_entry", rows.new_id("fund_entry"), day, group, "revolving", "paid_in",
                 revolving, cid)
    else:
        rows.add("fund_entry", rows.new_id("fund_entry"), day, group, "revolving", "paid_in",
                 round(amount, 2), cid)


def _simulate_fund(rows: Rows, track: GroupTrack, members: int, match_day: dt.date | None,
                   rng: random.Random, as_of: dt.date) -> None:
    """Shares at formation, monthly savings, the 1:1 match, and loans from the revolving fund."""
    g = track.code
    capital = cash = 0.0
    loans: list[tuple[dt.date, float]] = []

    def pay(day, source, partner, purpose, amount):
        nonlocal capital, cash
        _pay_in(rows, day, g, source, partner, purpose, amount)
        revolving = split_grant(amount)[1] if purpose in ("grant", "matching") else amount
        capital += revolving
        cash += revolving

    pay(track.formed, "members", None, "shares", members * SHARE_BAHT)
    raised_before_match = members * SHARE_BAHT
    month = 1
    day = add_months(track.formed, 1)
    while day <= as_of:
        if day >= PLAN_START and track.capital_at_plan_start == 0.0:
            track.capital_at_plan_start = capital
        pay(day, "members", None, "savings", members * SAVING_BAHT)
        if month <= MONTHS_BEFORE_MATCH:
            raised_before_match += members * SAVING_BAHT
        if match_day and month == MONTHS_BEFORE_MATCH:
            half = raised_before_match / len(MATCHING_PARTNERS)
            for partner in MATCHING_PARTNERS:
                pay(match_day, "partner", partner, "matching", half)
        # Loans fall due after six months: repaid with interest, or now and then partly lost.
        for due, principal in [ln for ln in loans if ln[0] <= day]:
            loans.remove((due, principal))
            if rng.random() < 0.05:
                loss = round(principal * rng.uniform(0.3, 1.0), -1)
                rows.add("fund_entry", rows.new_id("fund_entry"), due, g, "revolving", "loss", loss, None)
                if principal - loss > 0:
                    rows.add("fund_entry", rows.new_id("fund_entry"), due, g, "revolving",
                             "repayment", principal - loss, None)
                capital -= loss
                cash += principal - loss
            else:
                profit = round(principal * LOAN_INTEREST_MONTHLY * 6, 2)
                rows.add("fund_entry", rows.new_id("fund_entry"), due, g, "revolving", "repayment",
                         principal, None)
                rows.add("fund_entry", rows.new_id("fund_entry"), due, g, "revolving", "profit",
                         profit, None)
                capital += profit
                cash += principal + profit
        if month % 3 == 0 and cash > 2000:
            principal = round(cash * rng.uniform(0.4, 0.7), -2)
            rows.add("fund_entry", rows.new_id("fund_entry"), day, g, "revolving", "loan_out",
                     principal, None)
            cash -= principal
            loans.append((add_months(day, 6), principal))
        month += 1
        day = add_months(track.formed, month)
    if track.capital_at_plan_start == 0.0:
        track.capital_at_plan_start = capital
    track.capital_now = capital


def _simulate_village(rows: Rows, v: VillagePlan, sub, as_of: dt.date) -> GroupTrack | None:
    rng = _rng("sim", v.code)
    # Villages are named by หมู่ที่ and subdistrict: the sample does not invent village names.
    rows.add("village", v.code, v.subdistrict_code, v.moo, f"หมู่ {v.moo} ต.{sub.name_th}",
             f"Moo {v.moo}, {sub.name_en}", v.lat, v.lon, True, True, v.is_pilot, v.start_fy)
    level = STAGES.index(v.stage)
    if level < 1:
        return None
    t0 = fiscal_year_start(v.start_fy)
    sages_since = min(t0 + dt.timedelta(days=rng.randint(90, 150)), as_of)
    occ = next(o for o in OCCUPATIONS if o[0] == v.occupation)
    for i in range(TEAM_SIZE):
        rows.add("sage", rows.new_id("sage"), v.code, "lead" if i == 0 else "team",
                 occ[1], occ[2], sages_since)
    if level < 2:
        return None
    group_code = f"G{v.code}"
    joined_last = sages_since
    household_days = []
    for i in range(v.households):
        joined = min(sages_since + dt.timedelta(days=rng.randint(30, 120)), as_of)
        joined_last = max(joined_last, joined)
        household_days.append(joined)
    formed = min(joined_last + dt.timedelta(days=rng.randint(20, 60)), as_of) if level >= 3 else None
    name_th = f"กลุ่ม{occ[1]} หมู่ {v.moo}"
    name_en = f"{occ[2]} group, Moo {v.moo}"
    rows.add("occupation_group", group_code, v.code, v.occupation, name_th, name_en, formed)
    for i, joined in enumerate(household_days, start=1):
        rows.add("household", f"HH-{v.code}-{i:02d}", v.code, joined, group_code)
    if formed is None:
        return None
    for k, offset in zip(K_ORDER[:v.ks_reached], sorted(rng.sample(range(0, 700), v.ks_reached))):
        rows.add("milestone", "group", group_code, k, min(formed + dt.timedelta(days=offset), as_of))
    track = GroupTrack(group_code, v, formed,
                       [(f"{group_code}-{p[0]}", p[5]) for p in occ[3]])
    for p in occ[3]:
        rows.add("product", f"{group_code}-{p[0]}", group_code, p[1], p[2], p[3], p[4])
    match_day = add_months(formed, MONTHS_BEFORE_MATCH) if v.is_pilot else None
    _simulate_fund(rows, track, TEAM_SIZE + v.households, match_day, rng, as_of)
    return track


def _network_and_trainings(rows: Rows, sub, groups: list[GroupTrack], as_of: dt.date
                           ) -> dict[str, dt.date]:
    """The pilot subdistrict's network, its 5 K, partners' support to it, and its trainings.
    Returns each group's first training date (for the before/after view of sales)."""
    net = f"N{sub.code}"
    founded = dt.date(2017, 5, 20)
    rows.add("network", net, sub.code, f"เครือข่ายสัมมาชีพตำบล{sub.name_th}",
             f"{sub.name_en} Livelihood Network", founded)
    for k, days in zip(K_ORDER, (0, 10, 45, 120, 150)):
        rows.add("milestone", "network", net, k, founded + dt.timedelta(days=days))
    rng = _rng("network", sub.code)

    def support(day, partner, kind, purpose, amount, days=None):
        if day <= as_of:
            rows.add("contribution", rows.new_id("contribution"), day, "partner", partner, net, None,
                     kind, purpose, amount, days)

    support(dt.date(2017, 3, 18), "TTT", "in_kind", "training", 15000, 1.0)   # the กำกึ๊ด forum
    support(dt.date(2017, 3, 18), "SPRS", "in_kind", "training", 5000, 1.0)
    for fy in range(2560, 2571):
        support(fiscal_year_start(fy) + dt.timedelta(days=45), "CDD", "cash", "training",
                float(rng.choice((30000, 35000, 40000, 45000))))
    support(dt.date(2019, 6, 1), "CSR", "cash", "marketing", 15000.0)
    support(dt.date(2021, 11, 1), "CSR", "cash", "marketing", 20000.0)
    sessions = [
        (dt.date(2017, 8, 19), "CDD", "bookkeeping", 1.0, 3000),
        (dt.date(2018, 6, 16), "DTAC", "line", 1.0, 12000),
        (dt.date(2018, 8, 18), "DTAC", "facebook", 1.0, 12000),
        (dt.date(2019, 1, 19), "DTAC", "website", 2.0, 24000),
        (dt.date(2019, 4, 20), "TCDC", "product_design", 2.0, 30000),
        (dt.date(2020, 2, 15), "TCDC", "packaging", 1.0, 15000),
        (dt.date(2023, 7, 22), "TCDC", "product_design", 2.0, 30000),
        (dt.date(2024, 9, 14), "DTAC", "facebook", 1.0, 12000),
    ]
    first_training: dict[str, dt.date] = {}
    for day, partner, topic, days, value in sessions:
        if day > as_of:
            continue
        attending = [g for g in groups if g.formed <= day and rng.random() < 0.6]
        tid = rows.new_id("training")
        rows.add("training", tid, day, partner, topic, sub.code,
                 sum(rng.randint(2, 4) for _ in attending), days)
        for g in attending:
            rows.add("training_group", tid, g.code)
            if partner in ("DTAC", "TCDC"):
                first_training.setdefault(g.code, day)
        if partner != "CDD":
            support(day, partner, "in_kind", "design" if partner == "TCDC" else "training",
                    float(value), days)
    return first_training


SARAPHI_EVENTS = [
    (dt.date(2018, 3, 24), "CDD", "งานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชน อำเภอสารภี ๒๕๖๑",
     "Saraphi Community Livelihood Fair 2018", "ที่ว่าการอำเภอสารภี", "Saraphi District Office",
     (18.6955, 99.0369)),
    (dt.date(2018, 12, 8), "WP", "กาดสัมมาชีพตำบลท่าวังตาล", "Tha Wang Tan Livelihood Market",
     "มหาวิชชาลัยเวียงพิงค์ ตำบลท่าวังตาล", "Mahawitchalai Wiang Ping, Tha Wang Tan", (18.6860, 98.9990)),
    (dt.date(2019, 11, 16), "SOCHO", "งานของดีอำเภอสารภี", "Saraphi Local Products Fair",
     "ลานวัฒนธรรมอำเภอสารภี", "Saraphi cultural ground", (18.6930, 99.0390)),
    (dt.date(2022, 12, 10), "KPS", "ตลาดนัดสัมมาชีพสตรีสารภี", "Saraphi Women's Livelihood Market",
     "ตลาดอำเภอสารภี", "Saraphi market", (18.6900, 99.0410)),
    (dt.date(2024, 8, 17), "CDD", "งานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชน ๒๕๖๗",
     "Community Livelihood Fair 2024", "ศูนย์ประชุมนานาชาติเชียงใหม่", "Chiang Mai International Convention Centre",
     (18.8240, 98.9620)),
    (dt.date(2026, 8, 22), "CDD", "งานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชน ๒๕๖๙",
     "Community Livelihood Fair 2026", "ที่ว่าการอำเภอสารภี", "Saraphi District Office",
     (18.6955, 99.0369)),
]


def _events_and_sales(rows: Rows, district, groups: list[GroupTrack],
                      first_training: dict[str, dt.date], as_of: dt.date) -> None:
    rng = _rng("events", district.code)
    if district.code == SARAPHI:
        events = SARAPHI_EVENTS
    else:
        centre = next((g.village.lat, g.village.lon) for g in groups)
        events = [(dt.date(y, m, 10 + i), org,
                   f"งานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชน อำเภอ{district.name_th} {y + 543}",
                   f"{district.name_en} Community Livelihood Fair {y}",
                   f"ที่ว่าการอำเภอ{district.name_th}", f"{district.name_en} District Office", centre)
                  for i, (y, m, org) in enumerate(((2019, 3, "CDD"), (2021, 12, "SOCHO"),
                                                   (2023, 11, "KPS"), (2025, 8, "CDD")))]
    for n, (day, organiser, name_th, name_en, place_th, place_en, (lat, lon)) in enumerate(events, 1):
        if day > as_of:
            continue
        code = f"E{district.code}-{n}"
        rows.add("market_event", code, name_th, name_en, day, place_th, place_en, organiser,
                 district.code, lat, lon)
        # The organiser's support for the event goes to the district's network when it has one.
        host = groups[0]
        network = f"N{host.village.subdistrict_code}" if host.village.is_pilot else None
        cash = organiser == "CDD"
        rows.add("contribution", rows.new_id("contribution"), day, "partner", organiser, network,
                 None if network else host.code, "cash" if cash else "in_kind", "event",
                 20000.0 if cash else 8000.0, None if cash else 1.0)
        for g in groups:
            if g.formed > day or rng.random() > 0.75:
                continue
            trained = g.code in first_training and first_training[g.code] <= day
            years_in = (day - g.formed).days / 365
            for product, price in g.products:
                qty = int(rng.randint(10, 60) * (1 + 0.08 * years_in) * (1.35 if trained else 1.0))
                rows.add("sale", code, product, qty, round(qty * price, 2))


def _plan_targets(rows: Rows, sub_code: str, groups: list[GroupTrack], villages: list[VillagePlan]
                  ) -> None:
    n = len(villages)
    capital = sum(g.capital_at_plan_start for g in groups)
    targets = {
        "households_trained": (HOUSEHOLDS * n, HOUSEHOLDS * n, HOUSEHOLDS * n + 40),
        "groups_formed": (n, n, n + 2),
        "groups_5k": (math.ceil(0.6 * n), math.ceil(0.8 * n), n),
        "revolving_fund": (round(capital * 1.03, -3), round(capital * 1.12, -3),
                           round(capital * 1.45, -3)),
        "sales": (0, round(7000 * n, -3), round(25000 * n, -3)),
    }
    for indicator, values in targets.items():
        for step, value in zip(("quarter", "year1", "year3"), values):
            rows.add("plan_target", step, indicator, sub_code, float(value), PLAN_START, PLAN_DUE[step])
    for g in groups:
        for step, factor in (("year1", 1.12), ("year3", 1.45)):
            rows.add("plan_target", step, "revolving_fund", g.village.code,
                     float(round(g.capital_at_plan_start * factor, -2)), PLAN_START, PLAN_DUE[step])
        rows.add("plan_target", "year1", "groups_5k", g.village.code, 1.0, PLAN_START,
                 PLAN_DUE["year1"])


def generate(con, plans: list[VillagePlan], as_of: dt.date = AS_OF) -> None:
    """Writes the whole network into an open, empty database, district by district."""
    rows = Rows()
    for p in PARTNERS:
        rows.add("partner", *p)
    for code, th, en, _ in OCCUPATIONS:
        rows.add("occupation", code, th, en)
    by_district: dict[str, list[VillagePlan]] = {}
    for p in plans:
        by_district.setdefault(p.subdistrict_code[:4], []).append(p)
    provinces_done: set[str] = set()
    for dist_code in sorted(by_district, key=lambda c: (c != SARAPHI, c)):
        district = geothai.district(dist_code)
        if district.province_code not in provinces_done:
            prov = geothai.province(district.province_code)
            rows.add("province", prov.code, prov.name_th, prov.name_en)
            provinces_done.add(prov.code)
        rows.add("district", district.code, district.province_code, district.name_th, district.name_en)
        villages = by_district[dist_code]
        subs = {s.code: s for s in geothai.subdistricts(dist_code)
                if any(v.subdistrict_code == s.code for v in villages)}
        for s in subs.values():
            vs = [v for v in villages if v.subdistrict_code == s.code]
            centre = SARAPHI_CENTRES.get(s.code) or (round(sum(v.lat for v in vs) / len(vs), 5),
                                                     round(sum(v.lon for v in vs) / len(vs), 5))
            rows.add("subdistrict", s.code, dist_code, s.name_th, s.name_en, *centre)
        groups_by_sub: dict[str, list[GroupTrack]] = {}
        for v in villages:
            track = _simulate_village(rows, v, subs[v.subdistrict_code], as_of)
            if track:
                groups_by_sub.setdefault(v.subdistrict_code, []).append(track)
        first_training: dict[str, dt.date] = {}
        for sub_code in sorted({v.subdistrict_code for v in villages if v.is_pilot}):
            pilot_groups = groups_by_sub.get(sub_code, [])
            first_training.update(_network_and_trainings(rows, subs[sub_code], pilot_groups, as_of))
            _plan_targets(rows, sub_code, pilot_groups,
                          [v for v in villages if v.subdistrict_code == sub_code])
        all_groups = [g for sub in sorted(groups_by_sub) for g in groups_by_sub[sub]]
        if all_groups:
            pilot_first = sorted(all_groups, key=lambda g: not g.village.is_pilot)
            _events_and_sales(rows, district, pilot_first, first_training, as_of)
        db.insert_rows(con, rows.tables)
        rows.tables = {}


def describe(villages: int) -> tuple[str, str]:
    if villages == TIERS["pilot"]:
        return ("ตัวอย่าง: ตำบลท่าวังตาล อำเภอสารภี", "Sample: Tha Wang Tan subdistrict, Saraphi")
    if villages == TIERS["district"]:
        return ("ตัวอย่าง: เครือข่ายสัมมาชีพ อำเภอสารภี", "Sample: Saraphi livelihood network")
    return (f"ข้อมูลสังเคราะห์ {villages:,} หมู่บ้าน", f"Synthetic data, {villages:,} villages")


def build(path: Path, villages: int = TIERS["district"], as_of: dt.date = AS_OF) -> None:
    """Builds the sample (or a synthetic tier) into `path`, safely: beside it, then swapped in."""
    name_th, name_en = describe(villages)
    plans = layout_for(villages)

    def fill(con):
        generate(con, plans, as_of)
        con.execute("INSERT INTO dataset VALUES (?, ?, TRUE, ?, ?, ?, TRUE)",
                    [name_th, name_en, as_of, db.SCHEMA_VERSION,
                     dt.datetime.combine(as_of, dt.time(9, 0))])
        workbook.record_warnings(con)

    db.write_database(path, fill)
