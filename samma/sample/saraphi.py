"""The Saraphi sample, simulated village by village: Saraphi district (5019), 34 target
villages, all 13 villages of Tha Wang Tan (501910) target and pilot, the others at earlier
stages; or Tha Wang Tan alone. Every draw comes from a random generator seeded by what it is
for, so the sample is the same on every run."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

import geothai
import pandas as pd

from samma import db
from samma.domain import FIVE_K, HOUSEHOLDS_PER_VILLAGE, STAGES, TEAM_SIZE, fiscal_year_start
from samma.funds import split_grant
from samma.reference import OCCUPATIONS, PARTNERS, SARAPHI, SARAPHI_CENTRES, THA_WANG_TAN
from samma.sample import income
from samma.sample.coordination import coordination_frames
from samma.sample.rules import (
    ADMIN_SPENT_SHARE,
    ARREARS_DAYS,
    ARREARS_VILLAGES,
    AS_OF,
    ATTENDANCE_CHANCE,
    CDD_TRAINING_BAHT,
    CDD_TRAINING_YEARS,
    COMMITTEE,
    EVENT_SUPPORT_BAHT,
    IN_KIND_PURPOSE,
    LATE_FROM,
    LATE_VILLAGE,
    LOAN_INTEREST_MONTHLY,
    LOAN_MAX_BAHT,
    LOAN_MONTHS,
    MATCHING_PARTNERS,
    MATCHING_SCHEME,
    MONTHS_BEFORE_MATCH,
    NETWORK_FOUNDED,
    NETWORK_GRANT,
    NETWORK_K_DAYS,
    NETWORK_LOAN_BAHT,
    NETWORK_LOANS_FROM,
    PASSED_ON_BAHT,
    PASSED_ON_DAY,
    PLAN_DUE,
    PLAN_START,
    SALES_GROWTH_A_YEAR,
    SAMPLE_LOSS_CHANCE,
    SAVING_BAHT,
    SELL_CHANCE,
    SHARE_BAHT,
    TRAINED_BOOST,
    TRAINING_SESSIONS,
    admin_schedule,
    cdd_training_day,
    network_names,
    np_rng,
    plan_target_rows,
)


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
            start_fy=2560, ks_reached=pilot_ks[moo - 1], households=HOUSEHOLDS_PER_VILLAGE,
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
                households=HOUSEHOLDS_PER_VILLAGE if stage in ("group", "all5k")
                else (8 + 3 * (n % 5) if stage == "households" else 0),
                occupation=rng.choice(occupations)))
    placed = []
    for p in sorted(plans, key=lambda p: p.code):
        lat, lon = _jitter(_rng("pos", p.code), SARAPHI_CENTRES[p.subdistrict_code], 1.3)
        placed.append(VillagePlan(**{**p.__dict__, "lat": lat, "lon": lon}))
    return placed


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


def _ledger(rows: Rows, day: dt.date, bucket: str, entry: str, amount: float, *,
            group: str | None = None, network: str | None = None, contribution: int | None = None,
            purpose: str | None = None, to_group: str | None = None) -> None:
    """One line of a fund's ledger: a group's or a network's."""
    rows.add("fund_entry", rows.new_id("fund_entry"), day, group, bucket, entry, round(amount, 2),
             contribution, network, purpose, to_group)


def _pay_in(rows: Rows, day: dt.date, group: str, source: str, partner: str | None,
            purpose: str, amount: float) -> None:
    """A cash contribution to a group and its ledger lines: grants split admin/revolving."""
    cid = rows.new_id("contribution")
    rows.add("contribution", cid, day, source, partner, None, group, "cash", purpose,
             round(amount, 2), None)
    if purpose in ("grant", "matching"):
        admin, revolving = split_grant(amount)
        _ledger(rows, day, "admin", "paid_in", admin, group=group, contribution=cid)
        _ledger(rows, day, "revolving", "paid_in", revolving, group=group, contribution=cid)
    else:
        _ledger(rows, day, "revolving", "paid_in", amount, group=group, contribution=cid)


def _simulate_fund(rows: Rows, track: GroupTrack, members: int, match_day: dt.date | None,
                   rng: random.Random, as_of: dt.date) -> None:
    """Shares at formation, monthly savings, the 1:1 match, loans from the revolving fund to the
    group's households (in the ledger and the loan register alike), and the administration money
    spent."""
    g = track.code
    capital = cash = 0.0
    # Who borrows, and the few loans repaid late or not yet: drawn apart from the fund's own
    # random stream, so the ledger's figures do not depend on them.
    lending = _rng("loans", g)
    arrears = track.village.code in ARREARS_VILLAGES
    late_pending = track.village.code == LATE_VILLAGE
    loans: list[dict] = []

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
            _spend_admin(rows, g, None, match_day, split_grant(raised_before_match)[0], as_of)
        # Loans fall due after LOAN_MONTHS: repaid with interest, or now and then partly lost.
        settling = [ln for ln in loans if ln["settle"] is not None and ln["settle"] <= day]
        if settling:
            for loan in settling:
                loans.remove(loan)
            principal = sum(ln["amount"] for ln in settling)
            if rng.random() < SAMPLE_LOSS_CHANCE:
                loss = round(principal * rng.uniform(0.3, 1.0), -1)
                written = _shares(loss, [ln["amount"] for ln in settling])
                _ledger(rows, day, "revolving", "loss", loss, group=g)
                if principal - loss > 0:
                    _ledger(rows, day, "revolving", "repayment", principal - loss, group=g)
                for loan, off in zip(settling, written):
                    _repaid(rows, loan["code"], day, loan["amount"] - off, 0.0, off)
                capital -= loss
                cash += principal - loss
            else:
                interest = [round(ln["amount"] * LOAN_INTEREST_MONTHLY * LOAN_MONTHS, 2) for ln in settling]
                profit = round(sum(interest), 2)
                _ledger(rows, day, "revolving", "repayment", principal, group=g)
                _ledger(rows, day, "revolving", "profit", profit, group=g)
                for loan, paid in zip(settling, interest):
                    _repaid(rows, loan["code"], day, loan["amount"], paid, 0.0)
                capital += profit
                cash += principal + profit
        if month % 3 == 0 and cash > 2000:
            principal = round(cash * rng.uniform(0.4, 0.7), -2)
            _ledger(rows, day, "revolving", "loan_out", principal, group=g)
            cash -= principal
            due = add_months(day, LOAN_MONTHS)
            # The quarter's lending, to a few households (about 15,000 baht each at most).
            parts = _shares(principal, [1.0] * math.ceil(principal / LOAN_MAX_BAHT), step=100)
            borrowers = lending.sample(range(1, track.village.households + 1),
                                       min(len(parts), track.village.households))
            for n, (amount, borrower) in enumerate(zip(parts, borrowers), start=1):
                code = f"L{track.village.code}-{month:03d}-{n}"
                rows.add("loan", code, None, g, f"HH-{track.village.code}-{borrower:02d}", amount,
                         day, due, LOAN_INTEREST_MONTHLY * 12 * 100)
                # One borrower in each group in arrears has not repaid what fell due in the last
                # two months; one group collected one loan two months late.
                settle = due
                if n == 1 and arrears and 0 < (as_of - due).days <= ARREARS_DAYS:
                    settle = None
                elif n == 1 and late_pending and due >= LATE_FROM:
                    settle, late_pending = add_months(due, 2), False
                loans.append({"code": code, "amount": amount, "settle": settle})
        month += 1
        day = add_months(track.formed, month)
    if track.capital_at_plan_start == 0.0:
        track.capital_at_plan_start = capital
    track.capital_now = capital


def _shares(total: float, weights: list[float], step: float = 0.01) -> list[float]:
    """`total` in parts by `weights`, each rounded to `step`, the last taking what rounding
    left, so the parts add up to the total exactly."""
    parts = [round(total * w / sum(weights) / step) * step for w in weights[:-1]]
    return [round(p, 2) for p in parts] + [round(total - sum(parts), 2)]


def _repaid(rows: Rows, loan: str, day: dt.date, principal: float, interest: float,
            written_off: float) -> None:
    rows.add("loan_repayment", rows.new_id("loan_repayment"), loan, day, round(principal, 2),
             round(interest, 2) or None, round(written_off, 2) or None)


def _spend_admin(rows: Rows, group: str | None, network: str | None, start: dt.date,
                 paid_in: float, as_of: dt.date) -> None:
    """The administration money (the 30%) spent from `start` on what the source's committees pay
    for, until the next item would take it past ADMIN_SPENT_SHARE of what was paid in: the rest
    is left in the fund."""
    rng = _rng("admin", group or network)
    spent = 0.0
    for month, purpose, low, high in admin_schedule("network" if network else "group"):
        day = add_months(start, month)
        amount = float(rng.randint(low // 10, high // 10) * 10)
        if day > as_of or spent + amount > paid_in * ADMIN_SPENT_SHARE:
            return
        _ledger(rows, day, "admin", "spent", amount, group=group, network=network, purpose=purpose)
        spent += amount


def _simulate_village(rows: Rows, v: VillagePlan, sub, as_of: dt.date) -> GroupTrack | None:
    rng = _rng("sim", v.code)
    # Villages are named by หมู่ที่ and subdistrict: the sample does not invent village names.
    rows.add("village", v.code, v.subdistrict_code, v.moo, f"หมู่ที่ {v.moo} ต.{sub.name_th}",
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
    for _ in range(v.households):
        joined = min(sages_since + dt.timedelta(days=rng.randint(30, 120)), as_of)
        joined_last = max(joined_last, joined)
        household_days.append(joined)
    formed = min(joined_last + dt.timedelta(days=rng.randint(20, 60)), as_of) if level >= 3 else None
    name_th = f"กลุ่ม{occ[1]} หมู่ที่ {v.moo}"
    name_en = f"{occ[2]} group, Moo {v.moo}"
    rows.add("occupation_group", group_code, v.code, v.occupation, name_th, name_en, formed)
    for i, joined in enumerate(household_days, start=1):
        rows.add("household", f"HH-{v.code}-{i:02d}", v.code, joined, group_code)
    if formed is None:
        return None
    for k, offset in zip(FIVE_K[:v.ks_reached], sorted(rng.sample(range(0, 700), v.ks_reached))):
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
    """The pilot subdistrict's network, its 5 K, committee and fund, its groups in the matching
    scheme, partners' support to it, and its trainings. Returns each group's first training date
    (for the before/after view of sales)."""
    net = f"N{sub.code}"
    rows.add("network", net, sub.code, *network_names(sub.name_th, sub.name_en), NETWORK_FOUNDED)
    for k, days in zip(FIVE_K, NETWORK_K_DAYS):
        rows.add("milestone", "network", net, k, NETWORK_FOUNDED + dt.timedelta(days=days))
    passed = network_fund(rows, net, NETWORK_FOUNDED + dt.timedelta(days=NETWORK_K_DAYS[FIVE_K.index("fund")]),
                          [(g.code, g.village.code, g.formed) for g in groups], as_of)
    for g in groups:
        rows.add("scheme_member", MATCHING_SCHEME[0], None, g.code, g.formed)
        g.capital_at_plan_start += passed.get(g.code, 0.0)
        g.capital_now += passed.get(g.code, 0.0)
    rng = _rng("network", sub.code)

    def support(day, partner, kind, purpose, amount, days=None):
        if day <= as_of:
            rows.add("contribution", rows.new_id("contribution"), day, "partner", partner, net, None,
                     kind, purpose, amount, days)

    support(dt.date(2017, 3, 18), "TTT", "in_kind", "training", 15000, 1.0)   # the กำกึ๊ด forum
    support(dt.date(2017, 3, 18), "SPRS", "in_kind", "training", 5000, 1.0)
    for fy in CDD_TRAINING_YEARS:
        support(cdd_training_day(fy), "CDD", "cash", "training", float(rng.choice(CDD_TRAINING_BAHT)))
    support(dt.date(2019, 6, 1), "CSR", "cash", "marketing", 15000.0)
    support(dt.date(2021, 11, 1), "CSR", "cash", "marketing", 20000.0)
    first_training: dict[str, dt.date] = {}
    for day, partner, topic, days, value in TRAINING_SESSIONS:
        if day > as_of:
            continue
        attending = [g for g in groups if g.formed <= day and rng.random() < ATTENDANCE_CHANCE]
        tid = rows.new_id("training")
        rows.add("training", tid, day, partner, topic, sub.code,
                 sum(rng.randint(2, 4) for _ in attending), days)
        for g in attending:
            rows.add("training_group", tid, g.code)
            if partner in IN_KIND_PURPOSE:
                first_training.setdefault(g.code, day)
        if partner in IN_KIND_PURPOSE:
            support(day, partner, "in_kind", IN_KIND_PURPOSE[partner], float(value), days)
    return first_training


def network_fund(rows: Rows, net: str, fund_day: dt.date | None,
                  groups: list[tuple[str, str, dt.date]], as_of: dt.date) -> dict[str, float]:
    """The network's committee seats, its fund from Thitthang Thai with Wiang Ping (split 70/30),
    the admin money spent, the revolving money passed on to each pilot group, the rest lent to
    households a year at a time (the synthetic tiers tell the same story of each of their
    networks). `groups`: (group code, village code, formed) of its pilot groups. Returns what it
    passed on to each group."""
    for role, seats in COMMITTEE:
        rows.add("committee_seat", net, role, seats)
    passed: dict[str, float] = {}
    if fund_day is None or fund_day > as_of:        # no fund (K) yet
        return passed
    for partner in MATCHING_PARTNERS:
        cid = rows.new_id("contribution")
        half = NETWORK_GRANT / len(MATCHING_PARTNERS)
        rows.add("contribution", cid, fund_day, "partner", partner, net, None, "cash", "grant", half, None)
        admin, revolving = split_grant(half)
        _ledger(rows, fund_day, "admin", "paid_in", admin, network=net, contribution=cid)
        _ledger(rows, fund_day, "revolving", "paid_in", revolving, network=net, contribution=cid)
    _spend_admin(rows, None, net, fund_day, split_grant(NETWORK_GRANT)[0], as_of)
    # Each group gets the same part, the network keeping enough for two rounds of its loans.
    receiving = [group for group, _, formed in groups if formed <= PASSED_ON_DAY <= as_of]
    kept = 4 * NETWORK_LOAN_BAHT
    share = min(PASSED_ON_BAHT, (split_grant(NETWORK_GRANT)[1] - kept) // len(receiving) // 100 * 100
                ) if receiving else 0.0
    for group in receiving:
        _ledger(rows, PASSED_ON_DAY, "revolving", "passed_on", share, network=net, to_group=group)
        _ledger(rows, PASSED_ON_DAY, "revolving", "paid_in", share, group=group)
        passed[group] = share
    # Two loans every six months, each repaid with a year's interest after a year; one of the
    # last round that fell due is not repaid yet.
    if not groups:
        return passed
    lending = _rng("loans", net)
    rate = LOAN_INTEREST_MONTHLY * 12
    last_due = max((add_months(NETWORK_LOANS_FROM, 6 * n + 12) for n in range(40)
                    if add_months(NETWORK_LOANS_FROM, 6 * n + 12) < as_of), default=None)
    n = 0
    day = NETWORK_LOANS_FROM
    while day <= as_of:
        due = add_months(day, 12)
        for i in range(2):
            n += 1
            village = lending.choice(groups)[1]
            code = f"L{net}-{n:03d}"
            rows.add("loan", code, net, None, f"HH-{village}-{lending.randint(1, HOUSEHOLDS_PER_VILLAGE):02d}",
                     NETWORK_LOAN_BAHT, day, due, rate * 100)
            _ledger(rows, day, "revolving", "loan_out", NETWORK_LOAN_BAHT, network=net)
            if due > as_of or (due == last_due and i == 0):
                continue
            interest = round(NETWORK_LOAN_BAHT * rate, 2)
            _ledger(rows, due, "revolving", "repayment", NETWORK_LOAN_BAHT, network=net)
            _ledger(rows, due, "revolving", "profit", interest, network=net)
            _repaid(rows, code, due, NETWORK_LOAN_BAHT, interest, 0.0)
        day = add_months(day, 6)
    return passed


SARAPHI_EVENTS = [
    (dt.date(2018, 3, 24), "CDD", "งานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชน อำเภอสารภี 2561",
     "Saraphi Community Livelihood Fair 2018", "ที่ว่าการอำเภอสารภี", "Saraphi District Office",
     (18.6955, 99.0369)),
    (dt.date(2018, 12, 8), "WP", "กาดสัมมาชีพตำบลท่าวังตาล", "Tha Wang Tan Livelihood Market",
     "มหาวิชชาลัยเวียงพิงค์ ตำบลท่าวังตาล", "Mahawitchalai Wiang Ping, Tha Wang Tan", (18.6860, 98.9990)),
    (dt.date(2019, 11, 16), "SOCHO", "งานของดีอำเภอสารภี", "Saraphi Local Products Fair",
     "ลานวัฒนธรรมอำเภอสารภี", "Saraphi cultural ground", (18.6930, 99.0390)),
    (dt.date(2022, 12, 10), "KPS", "ตลาดนัดสัมมาชีพสตรีสารภี", "Saraphi Women's Livelihood Market",
     "ตลาดอำเภอสารภี", "Saraphi market", (18.6900, 99.0410)),
    (dt.date(2024, 8, 17), "CDD", "งานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชน 2567",
     "Community Livelihood Fair 2024", "ศูนย์ประชุมนานาชาติเชียงใหม่", "Chiang Mai International Convention Centre",
     (18.8240, 98.9620)),
    (dt.date(2026, 8, 22), "CDD", "งานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชน 2569",
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
                 EVENT_SUPPORT_BAHT["cash" if cash else "in_kind"], None if cash else 1.0)
        for g in groups:
            if g.formed > day or rng.random() > SELL_CHANCE:
                continue
            trained = g.code in first_training and first_training[g.code] <= day
            years_in = (day - g.formed).days / 365
            for product, price in g.products:
                qty = int(rng.randint(10, 60) * (1 + SALES_GROWTH_A_YEAR * years_in)
                          * (TRAINED_BOOST if trained else 1.0))
                rows.add("sale", code, product, qty, round(qty * price, 2))


# --- income surveys ------------------------------------------------------------------------------

def _income_surveys(rows: Rows, villages: list[VillagePlan], dist_code: str, as_of: dt.date
                    ) -> pd.DataFrame:
    """The district's households' income surveys (sample.income's model, every yearly round),
    added to `rows` and returned."""
    plans = {v.code: v for v in villages}
    occupations = [o[0] for o in OCCUPATIONS]
    households = pd.DataFrame(rows.tables.get("household", []),
                              columns=["code", "village_code", "joined", "group_code"])
    households["occupation"] = [occupations.index(plans[v].occupation) for v in households.village_code]
    households["is_pilot"] = [plans[v].is_pilot for v in households.village_code]
    surveys = income.surveys(households, as_of, np_rng("income survey", dist_code))
    rows.tables["income_survey"] = list(surveys.astype(object).where(surveys.notna(), None)
                                        .itertuples(index=False, name=None))
    return surveys


def generate(con, plans: list[VillagePlan], as_of: dt.date = AS_OF) -> None:
    """Writes the whole network into an open, empty database, district by district."""
    rows = Rows()
    for p in PARTNERS:
        rows.add("partner", *p)
    rows.add("matching_scheme", *MATCHING_SCHEME)
    for partner in MATCHING_PARTNERS:
        rows.add("scheme_partner", MATCHING_SCHEME[0], partner)
    for code, th, en, _ in OCCUPATIONS:
        rows.add("occupation", code, th, en)
    by_district: dict[str, list[VillagePlan]] = {}
    for p in plans:
        by_district.setdefault(p.subdistrict_code[:4], []).append(p)
    provinces_done: set[str] = set()
    networks: list[str] = []
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
        surveys = _income_surveys(rows, villages, dist_code, as_of)
        first_training: dict[str, dt.date] = {}
        for sub_code in sorted({v.subdistrict_code for v in villages if v.is_pilot}):
            pilot_groups = groups_by_sub.get(sub_code, [])
            first_training.update(_network_and_trainings(rows, subs[sub_code], pilot_groups, as_of))
            networks.append(f"N{sub_code}")
            for row in plan_target_rows(
                    sub_code, sum(v.subdistrict_code == sub_code for v in villages),
                    sum(g.capital_at_plan_start for g in pilot_groups),
                    [(g.village.code, g.capital_at_plan_start) for g in pilot_groups]):
                rows.add("plan_target", *row)
            in_sub = surveys["household_code"].isin(
                [h[0] for h in rows.tables.get("household", []) if h[1].startswith(sub_code)])
            for row in income.plan_targets(sub_code, surveys[in_sub], PLAN_START, PLAN_DUE):
                rows.add("plan_target", *row)
        all_groups = [g for sub in sorted(groups_by_sub) for g in groups_by_sub[sub]]
        if all_groups:
            pilot_first = sorted(all_groups, key=lambda g: not g.village.is_pilot)
            _events_and_sales(rows, district, pilot_first, first_training, as_of)
        db.insert_rows(con, rows.tables)
        rows.tables = {}
    db.insert_rows(con, {table: list(frame.itertuples(index=False, name=None))
                         for table, frame in coordination_frames(networks).items()})

