"""The sample network, and synthetic networks at any scale, from one generator.

The default sample is Saraphi district (5019): 34 target villages, all 13 villages of Tha Wang
Tan (501910) target and pilot, the others at earlier stages, simulated village by village.
Every other size is a synthetic tier over the real subdistricts of Thailand (from `geothai`)
with the same rules, generated with numpy over whole provinces at once (75,000 villages in
minutes). Everything is drawn from seeded random generators, so the same scale gives the same
data every run.

The rules the data obeys (see DOMAIN.md): the fund-raising circle of a village is its 1+4 sages
and its 20 households; they raise shares and three months of savings first, and the partners
then match that 1:1; every cash grant is paid in 30% to administration, 70% to revolving capital.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
from dataclasses import dataclass
from pathlib import Path

import geothai
import numpy as np
import pandas as pd

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
# DTAC's social-media and TCDC's design sessions (and one CDD bookkeeping course), the same
# for the Saraphi sample and every synthetic tier: (date, partner, topic, days, value in baht).
TRAINING_SESSIONS = (
    (dt.date(2017, 8, 19), "CDD", "bookkeeping", 1.0, 3000),
    (dt.date(2018, 6, 16), "DTAC", "line", 1.0, 12000),
    (dt.date(2018, 8, 18), "DTAC", "facebook", 1.0, 12000),
    (dt.date(2019, 1, 19), "DTAC", "website", 2.0, 24000),
    (dt.date(2019, 4, 20), "TCDC", "product_design", 2.0, 30000),
    (dt.date(2020, 2, 15), "TCDC", "packaging", 1.0, 15000),
    (dt.date(2023, 7, 22), "TCDC", "product_design", 2.0, 30000),
    (dt.date(2024, 9, 14), "DTAC", "facebook", 1.0, 12000),
)
SAVING_BAHT = 50         # per member per month
MONTHS_BEFORE_MATCH = 3
MATCHING_PARTNERS = ("TTT", "WP")   # Thitthang Thai with Wiang Ping co-offer the fund
LOAN_INTEREST_MONTHLY = 0.005
# How often a loan is partly lost (30-100% of it): the Saraphi sample's few cases, and a rarer
# rate for the synthetic tiers. At 5 in 100 the expected loss (3.25% of what is lent) is more
# than six months' interest earns (3%), so a large network would end below the floor the
# rules set ("capital must not be lost"); at 2 in 100 it stays above it, with some groups
# below theirs, as the readiness check expects.
SAMPLE_LOSS_CHANCE = 0.05
SYNTHETIC_LOSS_CHANCE = 0.02
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
            if rng.random() < SAMPLE_LOSS_CHANCE:
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
    first_training: dict[str, dt.date] = {}
    for day, partner, topic, days, value in TRAINING_SESSIONS:
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
    events = SARAPHI_EVENTS
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


# ---------------------------------------------------------------------------------------------
# Synthetic tiers (province, national, any size but the two Saraphi samples): the same rules,
# vectorised with numpy over villages, groups and months, so 75,000 villages build in minutes.
# Written province by province: memory is bounded by the largest province, not the country.

NON_PILOT_STAGE_WEIGHTS = np.array([2, 3, 10, 30, 55]) / 100   # target → all5k; running since FY2560
STAGE_START_FY = np.array([2569, 2568, 2566, 2563, 2561])
# Groups with all 5 K take a second intake of households a year after forming (groups grow):
# together with the founding circle that makes about 1.9 million members in 75,000 villages.
LATE_INTAKE_MONTHS = 12
LATE_INTAKE_MAX = 10
EVENT_MONTHS = (3, 11)          # each district holds a fair in March and a market in November
EVENT_ORGANISERS = ("CDD", "SOCHO", "KPS")



def _np_rng(*parts: object) -> np.random.Generator:
    digest = hashlib.sha256(("samma:" + ":".join(str(p) for p in parts)).encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


def _np_add_months(days: np.ndarray, months) -> np.ndarray:
    """add_months over arrays of datetime64[D]: same month arithmetic, day capped at 28."""
    month = days.astype("datetime64[M]")
    day_of_month = (days - month.astype("datetime64[D]")).astype(np.int64) + 1
    return (month + months).astype("datetime64[D]") + (np.minimum(day_of_month, 28) - 1)


def _np_jitter(rng: np.random.Generator, lat: np.ndarray, lon: np.ndarray, km: float
               ) -> tuple[np.ndarray, np.ndarray]:
    angle = rng.uniform(0, 2 * math.pi, len(lat))
    dist = km * np.sqrt(rng.random(len(lat)))
    return (np.round(lat + dist / 111.0 * np.sin(angle), 5),
            np.round(lon + dist / (111.0 * np.cos(np.radians(lat))) * np.cos(angle), 5))


def _villages_per_subdistrict(n: int, size: int, rng: np.random.Generator) -> np.ndarray:
    """About ten villages a subdistrict (7 to 14). When `n` reaches every subdistrict, all get
    some and the counts are trimmed or topped up to `n`; otherwise whole subdistricts in order."""
    counts = 7 + rng.integers(0, 8, size)
    if n >= 7 * size:
        diff = n - int(counts.sum())
        if diff > 0:
            counts += np.bincount(rng.integers(0, size, diff), minlength=size)
        elif diff < 0:
            pool = np.repeat(np.arange(size), counts - 7)
            counts -= np.bincount(rng.choice(pool, -diff, replace=False), minlength=size)
        return counts
    before = np.cumsum(counts) - counts
    return np.clip(n - before, 0, counts)


def synthetic_villages(n: int, provinces: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Which villages exist, where, and how far each has come: one row per village.
    `provinces` spreads the villages over those provinces (by their number of subdistricts)."""
    ordered = _subdistricts_in_order()
    # Tha Wang Tan leads Saraphi: it is the pilot subdistrict whenever Saraphi is included.
    ordered.sort(key=lambda s: s.code != THA_WANG_TAN)
    rng = _np_rng("synthetic-layout", n, provinces)
    if provinces:
        ordered = [s for s in ordered if s.province_code in provinces]
        by_province = [[s for s in ordered if s.province_code == p] for p in provinces]
        sizes = np.array([len(subs) for subs in by_province])
        quotas = np.floor(n * sizes / sizes.sum()).astype(int)
        quotas[: n - quotas.sum()] += 1
        counts = np.concatenate([_villages_per_subdistrict(int(q), len(subs), rng)
                                 for q, subs in zip(quotas, by_province)])
        ordered = [s for subs in by_province for s in subs]
    else:
        counts = _villages_per_subdistrict(n, len(ordered), rng)
    subs = pd.DataFrame({"code": [s.code for s in ordered],
                         "district_code": [s.district_code for s in ordered],
                         "province_code": [s.province_code for s in ordered],
                         "name_th": [s.name_th for s in ordered],
                         "name_en": [s.name_en for s in ordered], "villages": counts})
    subs = subs[subs.villages > 0].reset_index(drop=True)
    subs["is_pilot"] = ~subs.duplicated("district_code")
    centre = np.array([PROVINCE_CENTRES[p] for p in subs.province_code])
    lat, lon = _np_jitter(rng, centre[:, 0], centre[:, 1], 35.0)
    saraphi = subs.code.map(SARAPHI_CENTRES)
    known = saraphi.notna().to_numpy()
    lat[known] = [c[0] for c in saraphi[known]]
    lon[known] = [c[1] for c in saraphi[known]]
    subs["lat"], subs["lon"] = lat, lon

    sub_idx = np.repeat(np.arange(len(subs)), subs.villages.to_numpy())
    size = len(sub_idx)
    moo = np.arange(size) - np.repeat(np.cumsum(subs.villages.to_numpy()) - subs.villages.to_numpy(),
                                      subs.villages.to_numpy()) + 1
    pilot = subs.is_pilot.to_numpy()[sub_idx]
    stage = np.where(pilot, np.where(rng.random(size) < 0.7, 4, 3),
                     rng.choice(5, size=size, p=NON_PILOT_STAGE_WEIGHTS))
    households = np.select([stage >= 3, stage == 2], [HOUSEHOLDS, rng.integers(10, HOUSEHOLDS + 1, size)], 0)
    vlat, vlon = _np_jitter(rng, subs.lat.to_numpy()[sub_idx], subs.lon.to_numpy()[sub_idx], 2.0)
    sub_code = subs.code.to_numpy()[sub_idx]
    return pd.DataFrame({
        "code": sub_code + pd.Series(moo).astype(str).str.zfill(2).to_numpy(),
        "subdistrict_code": sub_code, "sub_idx": sub_idx,
        "district_code": subs.district_code.to_numpy()[sub_idx],
        "province_code": subs.province_code.to_numpy()[sub_idx],
        "sub_name_th": subs.name_th.to_numpy()[sub_idx], "sub_name_en": subs.name_en.to_numpy()[sub_idx],
        "moo": moo, "lat": vlat, "lon": vlon, "is_pilot": pilot, "stage": stage,
        "start_fy": np.where(pilot, 2560, STAGE_START_FY[stage]),
        "ks": np.select([stage == 4, stage == 3], [5, rng.integers(1, 5, size)], 0),
        "households": households,
        "late_intake": np.where((stage == 4) & ~pilot, rng.integers(0, LATE_INTAKE_MAX + 1, size), 0),
        "occupation": rng.integers(0, len(OCCUPATIONS), size),
    })


class _Ids:
    """Running ids across provinces, handed out in blocks."""

    def __init__(self) -> None:
        self.next: dict[str, int] = {}

    def block(self, table: str, size: int) -> np.ndarray:
        start = self.next.get(table, 1)
        self.next[table] = start + size
        return np.arange(start, start + size)


def _insert(con, table: str, frame: pd.DataFrame) -> None:
    if len(frame):
        # `table` is one of db.TABLES, never input.
        assert table in db.TABLES
        con.execute(f"INSERT INTO {table} SELECT * FROM frame")


def _frames(parts: list[dict]) -> pd.DataFrame:
    """One frame from many column dicts (arrays, or scalars meaning 'all rows'), concatenated
    column by column: much cheaper than a DataFrame per part."""
    parts = [p for p in parts if len(p["g"])]
    sizes = [len(p["g"]) for p in parts]

    def column(value, size):
        return np.full(size, value, dtype=object) if value is None or isinstance(value, str) else value

    return pd.DataFrame({key: np.concatenate([column(p[key], n) for p, n in zip(parts, sizes)])
                         for key in parts[0]}) if parts else pd.DataFrame()


def _simulate_funds(groups: pd.DataFrame, rng: np.random.Generator, ids: _Ids, as_of: dt.date
                    ) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """The same ledger as _simulate_fund, month by month over all groups at once: shares at
    formation, monthly savings, the 1:1 match for pilot groups, quarterly loans from the
    revolving fund repaid after six months (now and then partly lost). Returns contributions,
    fund entries and each group's capital at the plan start."""
    g = len(groups)
    formed = groups.formed.to_numpy().astype("datetime64[D]")
    founding = (TEAM_SIZE + groups.households.to_numpy()).astype(float)
    late = groups.late_intake.to_numpy().astype(float)
    pilot = groups.is_pilot.to_numpy()
    end = np.datetime64(as_of, "D")
    plan_start = np.datetime64(PLAN_START, "D")
    capital = founding * SHARE_BAHT
    cash = capital.copy()
    capital_at_plan_start = np.full(g, np.nan)
    contributions: list[dict] = []
    entries: list[dict] = []

    def pay(mask, day, source, partner, purpose, amount):
        idx = np.flatnonzero(mask)
        if not len(idx):
            return
        cid = ids.block("contribution", len(idx))
        contributions.append({"id": cid, "date": day[idx], "source": source, "partner_code": partner,
                              "g": idx, "purpose": purpose, "amount_baht": np.round(amount[idx], 2)})
        if purpose in ("grant", "matching"):
            admin = np.round(amount[idx] * 0.30, 2)
            for bucket, value in (("admin", admin), ("revolving", np.round(amount[idx] - admin, 2))):
                entries.append({"date": day[idx], "g": idx, "bucket": bucket, "entry": "paid_in",
                                "amount_baht": value, "contribution_id": cid})
        else:
            entries.append({"date": day[idx], "g": idx, "bucket": "revolving", "entry": "paid_in",
                            "amount_baht": np.round(amount[idx], 2), "contribution_id": cid})

    def ledger(mask, day, entry, amount):
        idx = np.flatnonzero(mask)
        entries.append({"date": day[idx], "g": idx, "bucket": "revolving", "entry": entry,
                        "amount_baht": np.round(amount[idx], 2), "contribution_id": None})

    pay(np.ones(g, bool), formed, "members", None, "shares", founding * SHARE_BAHT)
    raised_before_match = founding * (SHARE_BAHT + MONTHS_BEFORE_MATCH * SAVING_BAHT)
    due: dict[int, np.ndarray] = {}
    months = int((end.astype("datetime64[M]") - formed.min().astype("datetime64[M]")).astype(int)) + 1
    for month in range(1, months + 1):
        day = _np_add_months(formed, month)
        active = day <= end
        if not active.any():
            break
        starting = active & np.isnan(capital_at_plan_start) & (day >= plan_start)
        capital_at_plan_start[starting] = capital[starting]
        members = founding + np.where(month >= LATE_INTAKE_MONTHS, late, 0)
        if month == LATE_INTAKE_MONTHS:
            pay(active & (late > 0), day, "members", None, "shares", late * SHARE_BAHT)
            capital += np.where(active, late * SHARE_BAHT, 0)
            cash += np.where(active, late * SHARE_BAHT, 0)
        pay(active, day, "members", None, "savings", members * SAVING_BAHT)
        capital += np.where(active, members * SAVING_BAHT, 0)
        cash += np.where(active, members * SAVING_BAHT, 0)
        if month == MONTHS_BEFORE_MATCH:
            half = raised_before_match / len(MATCHING_PARTNERS)
            revolving = np.where(active & pilot, half - np.round(half * 0.30, 2), 0) * len(MATCHING_PARTNERS)
            for partner in MATCHING_PARTNERS:
                pay(active & pilot, day, "partner", partner, "matching", half)
            capital += revolving
            cash += revolving
        principal = due.pop(month, None)
        if principal is not None:
            out = active & (principal > 0)
            lost = out & (rng.random(g) < SYNTHETIC_LOSS_CHANCE)
            loss = np.where(lost, np.round(principal * rng.uniform(0.3, 1.0, g), -1), 0)
            ledger(lost, day, "loss", loss)
            ledger(out & ((principal - loss) > 0), day, "repayment", principal - loss)
            profit = np.where(out & ~lost, np.round(principal * LOAN_INTEREST_MONTHLY * 6, 2), 0)
            ledger(out & ~lost, day, "profit", profit)
            capital += profit - loss
            cash += np.where(out, principal - loss + profit, 0)
        if month % 3 == 0:
            lend = active & (cash > 2000)
            amount = np.where(lend, np.round(cash * rng.uniform(0.4, 0.7, g), -2), 0)
            ledger(lend, day, "loan_out", amount)
            cash -= amount
            due[month + 6] = amount
    capital_at_plan_start = np.where(np.isnan(capital_at_plan_start), capital, capital_at_plan_start)

    codes = groups.code.to_numpy()
    contribution = _frames(contributions)
    contribution = pd.DataFrame({
        "id": contribution["id"], "date": contribution["date"], "source": contribution["source"],
        "partner_code": contribution["partner_code"], "network_code": None,
        "group_code": codes[contribution["g"].to_numpy()], "kind": "cash",
        "purpose": contribution["purpose"], "amount_baht": contribution["amount_baht"], "days": None})
    fund = _frames(entries).sort_values("date", kind="stable", ignore_index=True)
    fund = pd.DataFrame({
        "id": ids.block("fund_entry", len(fund)), "date": fund["date"],
        "group_code": codes[fund["g"].to_numpy()], "bucket": fund["bucket"], "entry": fund["entry"],
        "amount_baht": fund["amount_baht"], "contribution_id": fund["contribution_id"].astype("Int64")})
    return contribution, fund, capital_at_plan_start


def _network_rows(sub: pd.Series, groups: pd.DataFrame, rng: np.random.Generator, ids: _Ids,
                  as_of: dt.date) -> tuple[dict[str, list[pd.DataFrame]], pd.Series]:
    """A pilot subdistrict's network, its 5 K, partners' support and trainings, as in the
    Saraphi sample. Returns the rows and each attending group's first DTAC/TCDC training."""
    net = f"N{sub.code}"
    founded = dt.date(2017, 5, 20)
    out: dict[str, list[pd.DataFrame]] = {}
    out["network"] = [pd.DataFrame([(net, sub.code, f"เครือข่ายสัมมาชีพตำบล{sub.name_th}",
                                     f"{sub.name_en} Livelihood Network", founded)])]
    out["milestone"] = [pd.DataFrame({
        "owner_kind": "network", "owner_code": net, "k": K_ORDER,
        "reached": np.datetime64(founded, "D") + np.array([0, 10, 45, 120, 150])})]
    support = [(dt.date(2017, 3, 18), "TTT", "in_kind", "training", 15000.0, 1.0)]
    support += [(fiscal_year_start(fy) + dt.timedelta(days=45), "CDD", "cash", "training",
                 float(rng.choice((30000, 35000, 40000, 45000))), None) for fy in range(2560, 2571)]
    trainings, attended = [], []
    formed = groups.formed.to_numpy().astype("datetime64[D]")
    for day, partner, topic, days, value in TRAINING_SESSIONS:
        if day > as_of:
            continue
        attending = (formed <= np.datetime64(day, "D")) & (rng.random(len(groups)) < 0.6)
        tid = int(ids.block("training", 1)[0])
        trainings.append((tid, day, partner, topic, sub.code,
                          int(rng.integers(2, 5, int(attending.sum())).sum()), days))
        attended.append(pd.DataFrame({"training_id": tid, "group_code": groups.code[attending],
                                      "day": day, "partner": partner}))
        if partner != "CDD":
            support.append((day, partner, "in_kind", "design" if partner == "TCDC" else "training",
                            float(value), days))
    support = [s for s in support if s[0] <= as_of]
    out["contribution"] = [pd.DataFrame({
        "id": ids.block("contribution", len(support)),
        "date": np.array([s[0] for s in support], dtype="datetime64[D]"),
        "source": "partner", "partner_code": [s[1] for s in support], "network_code": net,
        "group_code": None, "kind": [s[2] for s in support], "purpose": [s[3] for s in support],
        "amount_baht": [s[4] for s in support], "days": [s[5] for s in support]})]
    out["training"] = [pd.DataFrame(trainings)]
    attended = pd.concat(attended, ignore_index=True) if attended else pd.DataFrame()
    out["training_group"] = [attended[["training_id", "group_code"]]] if len(attended) else []
    first = (pd.to_datetime(attended[attended.partner.isin(("DTAC", "TCDC"))].groupby("group_code").day.min())
             if len(attended) else pd.Series(dtype="datetime64[s]"))
    return out, first


def _plan_target_rows(sub_code: str, villages: int, groups: pd.DataFrame) -> pd.DataFrame:
    capital = float(groups.capital_at_plan_start.sum())
    targets = {
        "households_trained": (HOUSEHOLDS * villages, HOUSEHOLDS * villages, HOUSEHOLDS * villages + 40),
        "groups_formed": (villages, villages, villages + 2),
        "groups_5k": (math.ceil(0.6 * villages), math.ceil(0.8 * villages), villages),
        "revolving_fund": (round(capital * 1.03, -3), round(capital * 1.12, -3), round(capital * 1.45, -3)),
        "sales": (0, round(7000 * villages, -3), round(25000 * villages, -3)),
    }
    rows = [(step, indicator, sub_code, float(value), PLAN_START, PLAN_DUE[step])
            for indicator, values in targets.items()
            for step, value in zip(("quarter", "year1", "year3"), values)]
    for g in groups.itertuples():
        rows += [(step, "revolving_fund", g.village_code, float(round(g.capital_at_plan_start * f, -2)),
                  PLAN_START, PLAN_DUE[step]) for step, f in (("year1", 1.12), ("year3", 1.45))]
        rows.append(("year1", "groups_5k", g.village_code, 1.0, PLAN_START, PLAN_DUE["year1"]))
    return pd.DataFrame(rows)


def _events_and_sales_rows(district, villages: pd.DataFrame, groups: pd.DataFrame,
                           first_training: pd.Series, network: str, rng: np.random.Generator,
                           ids: _Ids, as_of: dt.date) -> dict[str, list[pd.DataFrame]]:
    """A fair and a market a year in each district from 2018; each formed group sells at about
    three in four of them, more the longer it has run and after DTAC/TCDC training."""
    lat, lon = round(float(villages.lat.mean()), 5), round(float(villages.lon.mean()), 5)
    events = [(dt.date(year, month, 10 + int(district.code) % 15)) for year in range(2018, 2027)
              for month in EVENT_MONTHS]
    events = [d for d in events if d <= as_of]
    ev = pd.DataFrame({
        "code": [f"E{district.code}-{n}" for n in range(1, len(events) + 1)],
        "name_th": [f"งานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชน อำเภอ{district.name_th} {d.year + 543}"
                    if d.month == 3 else f"ตลาดนัดสัมมาชีพ อำเภอ{district.name_th} {d.year + 543}"
                    for d in events],
        "name_en": [f"{district.name_en} Community Livelihood Fair {d.year}" if d.month == 3
                    else f"{district.name_en} Livelihood Market {d.year}" for d in events],
        "date": pd.to_datetime(events),
        "place_th": f"ที่ว่าการอำเภอ{district.name_th}", "place_en": f"{district.name_en} District Office",
        "organiser_code": [EVENT_ORGANISERS[n % 3] for n in range(len(events))],
        "district_code": district.code, "lat": lat, "lon": lon})
    cash = (ev.organiser_code == "CDD").to_numpy()
    support = pd.DataFrame({
        "id": ids.block("contribution", len(ev)), "date": ev.date, "source": "partner",
        "partner_code": ev.organiser_code, "network_code": network, "group_code": None,
        "kind": np.where(cash, "cash", "in_kind"), "purpose": "event",
        "amount_baht": np.where(cash, 20000.0, 8000.0), "days": [None if c else 1.0 for c in cash]})
    pairs = ev[["code", "date"]].rename(columns={"code": "event_code"}).merge(
        groups[["code", "formed", "occupation"]].rename(columns={"code": "group_code"}), how="cross")
    pairs = pairs[(pairs.formed <= pairs.date) & (rng.random(len(pairs)) < 0.75)]
    trained_on = pairs.group_code.map(first_training)
    trained = trained_on.notna() & (trained_on <= pairs.date)
    years_in = (pairs.date - pairs.formed).dt.days / 365
    pairs = pairs.assign(boost=(1 + 0.08 * years_in) * np.where(trained, 1.35, 1.0))
    products = _product_table()
    sales = pairs.merge(products, on="occupation")
    qty = (rng.integers(10, 61, len(sales)) * sales.boost).astype(int)
    sale = pd.DataFrame({"event_code": sales.event_code, "product_code": sales.group_code + "-" + sales.suffix,
                         "quantity": qty, "amount_baht": np.round(qty * sales.price, 2)})
    return {"market_event": [ev], "contribution": [support], "sale": [sale]}


def _product_table() -> pd.DataFrame:
    return pd.DataFrame([(i, p[0], p[1], p[2], p[3], p[4], float(p[5]))
                         for i, o in enumerate(OCCUPATIONS) for p in o[3]],
                        columns=["occupation", "suffix", "name_th", "name_en", "unit_th", "unit_en", "price"])


def _province_rows(villages: pd.DataFrame, ids: _Ids, as_of: dt.date) -> dict[str, list[pd.DataFrame]]:
    """Every table's rows for one province's villages."""
    code = villages.province_code.iloc[0]
    rng = _np_rng("synthetic-province", code, len(villages))
    end = np.datetime64(as_of, "D")
    out: dict[str, list[pd.DataFrame]] = {}

    def add(table, frame):
        out.setdefault(table, []).append(frame)

    prov = geothai.province(code)
    add("province", pd.DataFrame([(prov.code, prov.name_th, prov.name_en)]))
    district_codes = sorted(villages.district_code.unique(), key=lambda c: (c != SARAPHI, c))
    districts = {c: geothai.district(c) for c in district_codes}
    add("district", pd.DataFrame([(d.code, d.province_code, d.name_th, d.name_en) for d in districts.values()]))
    subs = villages.groupby("subdistrict_code", sort=False).agg(
        district_code=("district_code", "first"), name_th=("sub_name_th", "first"),
        name_en=("sub_name_en", "first"), lat=("lat", "mean"), lon=("lon", "mean"),
        is_pilot=("is_pilot", "first"), villages=("code", "size")).reset_index()
    centres = subs.subdistrict_code.map(SARAPHI_CENTRES)
    subs["lat"] = [c[0] if isinstance(c, tuple) else round(x, 5) for c, x in zip(centres, subs.lat)]
    subs["lon"] = [c[1] if isinstance(c, tuple) else round(x, 5) for c, x in zip(centres, subs.lon)]
    add("subdistrict", subs[["subdistrict_code", "district_code", "name_th", "name_en", "lat", "lon"]])
    moo = villages.moo.astype(str)
    add("village", pd.DataFrame({
        "code": villages.code, "subdistrict_code": villages.subdistrict_code, "moo": villages.moo,
        "name_th": "หมู่ " + moo + " ต." + villages.sub_name_th,
        "name_en": "Moo " + moo + ", " + villages.sub_name_en,
        "lat": villages.lat, "lon": villages.lon, "position_approximate": True, "is_target": True,
        "is_pilot": villages.is_pilot, "target_fiscal_year": villages.start_fy}))

    # Sages: the 1+4 in every village past the target stage.
    occ = pd.DataFrame([(o[1], o[2]) for o in OCCUPATIONS], columns=["th", "en"])
    start = ((villages.start_fy.to_numpy() - 544 - 1970) * 12 + 9).astype("datetime64[M]").astype("datetime64[D]")
    sages_since = np.minimum(start + rng.integers(90, 151, len(villages)), end)
    with_sages = villages.stage.to_numpy() >= 1
    sv = np.repeat(np.flatnonzero(with_sages), TEAM_SIZE)
    add("sage", pd.DataFrame({
        "id": ids.block("sage", len(sv)), "village_code": villages.code.to_numpy()[sv],
        "role": np.where(np.arange(len(sv)) % TEAM_SIZE == 0, "lead", "team"),
        "skill_th": occ.th.to_numpy()[villages.occupation.to_numpy()[sv]],
        "skill_en": occ.en.to_numpy()[villages.occupation.to_numpy()[sv]], "since": sages_since[sv]}))

    # Households, and the group they form; a second intake joins groups with all 5 K a year on.
    has_group = villages.stage.to_numpy() >= 2
    gv = villages[has_group].reset_index(drop=True)
    hv = np.repeat(np.arange(len(gv)), gv.households.to_numpy())
    joined = np.minimum(sages_since[has_group][hv] + rng.integers(30, 121, len(hv)), end)
    last_joined = np.full(len(gv), np.datetime64("1970-01-01"), "datetime64[D]")
    np.maximum.at(last_joined, hv, joined)
    formed = np.where(gv.stage.to_numpy() >= 3,
                      np.minimum(last_joined + rng.integers(20, 61, len(gv)), end),
                      np.datetime64("NaT"))
    late_day = _np_add_months(np.where(np.isnat(formed), end, formed), LATE_INTAKE_MONTHS)
    gv["late_intake"] = np.where(late_day <= end, gv.late_intake, 0)
    gv["formed"] = formed
    gv["group_code"] = "G" + gv.code
    lv = np.repeat(np.arange(len(gv)), gv.late_intake.to_numpy())
    members = np.concatenate([hv, lv])
    member_joined = np.concatenate([joined, late_day[lv]])
    order = np.argsort(members, kind="stable")
    members, member_joined = members[order], member_joined[order]
    number = np.arange(len(members)) - np.repeat(
        np.cumsum(np.bincount(members, minlength=len(gv))) - np.bincount(members, minlength=len(gv)),
        np.bincount(members, minlength=len(gv))) + 1
    gmoo = gv.moo.astype(str)
    add("occupation_group", pd.DataFrame({
        "code": gv.group_code, "village_code": gv.code,
        "occupation_code": [OCCUPATIONS[i][0] for i in gv.occupation],
        "name_th": "กลุ่ม" + occ.th.to_numpy()[gv.occupation.to_numpy()] + " หมู่ " + gmoo,
        "name_en": occ.en.to_numpy()[gv.occupation.to_numpy()] + " group, Moo " + gmoo,
        "formed": formed}))
    add("household", pd.DataFrame({
        "code": "HH-" + gv.code.to_numpy()[members] + "-" + pd.Series(number).astype(str).str.zfill(2).to_numpy(),
        "village_code": gv.code.to_numpy()[members], "joined": member_joined,
        "group_code": gv.group_code.to_numpy()[members]}))

    # Formed groups: their 5 K, products, and the revolving fund.
    fg = gv[~np.isnat(formed)].reset_index(drop=True)
    fg = fg.rename(columns={"code": "village_code", "group_code": "code"})
    ks = fg.ks.to_numpy()
    offsets = np.sort(rng.integers(0, 700, (len(fg), len(K_ORDER))), axis=1)
    gi, ki = np.nonzero(np.arange(len(K_ORDER)) < ks[:, None])
    add("milestone", pd.DataFrame({
        "owner_kind": "group", "owner_code": fg.code.to_numpy()[gi], "k": np.array(K_ORDER)[ki],
        "reached": np.minimum(fg.formed.to_numpy().astype("datetime64[D]")[gi] + offsets[gi, ki], end)}))
    products = fg[["code", "occupation"]].merge(_product_table(), on="occupation")
    add("product", pd.DataFrame({
        "code": products.code + "-" + products.suffix, "group_code": products.code,
        "name_th": products.name_th, "name_en": products.name_en,
        "unit_th": products.unit_th, "unit_en": products.unit_en}))
    if len(fg):
        contribution, fund, capital_at_plan_start = _simulate_funds(fg, rng, ids, as_of)
        fg["capital_at_plan_start"] = capital_at_plan_start
        add("contribution", contribution)
        add("fund_entry", fund)
    else:
        fg["capital_at_plan_start"] = []

    # Per district: the pilot subdistrict's network, trainings and plan, then events and sales.
    for dist_code in district_codes:
        pilot_sub = subs[(subs.district_code == dist_code) & subs.is_pilot].iloc[0]
        pilot_groups = fg[fg.subdistrict_code == pilot_sub.subdistrict_code].reset_index(drop=True)
        network, first_training = _network_rows(pilot_sub.rename({"subdistrict_code": "code"}),
                                                pilot_groups, rng, ids, as_of)
        for table, frames in network.items():
            out.setdefault(table, []).extend(frames)
        add("plan_target", _plan_target_rows(pilot_sub.subdistrict_code, int(pilot_sub.villages), pilot_groups))
        district_groups = fg[fg.district_code == dist_code]
        if len(district_groups):
            rows = _events_and_sales_rows(districts[dist_code], villages[villages.district_code == dist_code],
                                          district_groups, first_training,
                                          f"N{pilot_sub.subdistrict_code}", rng, ids, as_of)
            for table, frames in rows.items():
                out.setdefault(table, []).extend(frames)
    return out


def generate_synthetic(con, villages: pd.DataFrame, as_of: dt.date = AS_OF) -> None:
    """Writes a synthetic network into an open, empty database, province by province."""
    con.execute("SET enable_progress_bar = false")      # a bar per insert is noise in the CLI
    for table, rows in (("partner", PARTNERS), ("occupation", [o[:3] for o in OCCUPATIONS])):
        _insert(con, table, pd.DataFrame(rows))
    ids = _Ids()
    for _, province in villages.groupby("province_code", sort=False):
        out = _province_rows(province.reset_index(drop=True), ids, as_of)
        for table in db.TABLES:
            frames = [f for f in out.get(table, []) if len(f)]
            if frames:
                _insert(con, table, pd.concat([f.set_axis(range(f.shape[1]), axis=1) for f in frames],
                                              ignore_index=True))


def describe(villages: int) -> tuple[str, str]:
    if villages == TIERS["pilot"]:
        return ("ตัวอย่าง: ตำบลท่าวังตาล อำเภอสารภี", "Sample: Tha Wang Tan subdistrict, Saraphi")
    if villages == TIERS["district"]:
        return ("ตัวอย่าง: เครือข่ายสัมมาชีพ อำเภอสารภี", "Sample: Saraphi livelihood network")
    return (f"ข้อมูลสังเคราะห์ {villages:,} หมู่บ้าน", f"Synthetic data, {villages:,} villages")


def build(path: Path, villages: int = TIERS["district"], as_of: dt.date = AS_OF,
          provinces: tuple[str, ...] | None = None) -> None:
    """Builds the sample (or a synthetic tier) into `path`, safely: beside it, then swapped in.
    13 and 34 villages are the Saraphi samples; any other size (or `provinces`) is synthetic."""
    name_th, name_en = describe(villages)
    saraphi = villages in (TIERS["pilot"], TIERS["district"]) and not provinces

    def fill(con):
        if saraphi:
            generate(con, saraphi_layout(pilot_only=villages == TIERS["pilot"]), as_of)
        else:
            generate_synthetic(con, synthetic_villages(villages, provinces), as_of)
        con.execute("INSERT INTO dataset VALUES (?, ?, TRUE, ?, ?, ?, TRUE)",
                    [name_th, name_en, as_of, db.SCHEMA_VERSION,
                     dt.datetime.combine(as_of, dt.time(9, 0))])
        workbook.record_warnings(con)

    db.write_database(path, fill)
