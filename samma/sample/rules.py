"""What the two generators share: the day the data runs to, what each member puts in, the
partners' sessions and support, the plan and its targets, and how groups sell. The Saraphi
sample (village by village, `saraphi`) and the synthetic tiers (numpy, whole provinces at once,
`synthetic`) follow these same figures, so a tier differs from the sample in size, not in rules.

The rules the data obeys (docs/DOMAIN.md): the fund-raising circle of a village is its 1+4 sages
and its 20 households; they raise shares and three months of savings first, and the partners
then match that 1:1; every cash grant is paid in 30% to administration, 70% to revolving capital.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable

import numpy as np

from samma.domain import HOUSEHOLDS_PER_VILLAGE, fiscal_year_start

AS_OF = dt.date(2026, 10, 31)


def np_rng(*parts: object) -> np.random.Generator:
    """A numpy generator seeded by name: the same parts give the same data every run."""
    digest = hashlib.sha256(("samma:" + ":".join(str(p) for p in parts)).encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))

SHARE_BAHT = 100
SAVING_BAHT = 50         # per member per month
MONTHS_BEFORE_MATCH = 3
MATCHING_PARTNERS = ("TTT", "WP")   # Thitthang Thai with Wiang Ping co-offer the fund
LOAN_INTEREST_MONTHLY = 0.005
LOAN_MONTHS = 6          # a loan falls due six months after it is lent
# How often a loan is partly lost (30-100% of it): the Saraphi sample's few cases, and a rarer
# rate for the synthetic tiers. At 5 in 100 the expected loss (3.25% of what is lent) is more
# than six months' interest earns (3%), so a large network would end below the floor the
# rules set ("capital must not be lost"); at 2 in 100 it stays above it, with some groups
# below theirs, as the readiness check expects.
SAMPLE_LOSS_CHANCE = 0.05
SYNTHETIC_LOSS_CHANCE = 0.02
# In the synthetic tiers, how often a borrower has not repaid what fell due in the last two
# months, and how often a loan is repaid two months late.
SYNTHETIC_ARREARS_CHANCE = 0.03
SYNTHETIC_LATE_CHANCE = 0.005

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
# The partners whose sessions are support in kind to the network, and what for (CDD's course
# comes out of its yearly cash for training). A group's first such session starts its "after".
IN_KIND_PURPOSE = {"DTAC": "training", "TCDC": "design"}
ATTENDANCE_CHANCE = 0.6  # a formed group sends members to a session

# A pilot subdistrict's network: founded on this day, its 5 K reached these many days later.
NETWORK_FOUNDED = dt.date(2017, 5, 20)
NETWORK_K_DAYS = (0, 10, 45, 120, 150)
# CDD's cash for training to each network, once a fiscal year, some weeks into it.
CDD_TRAINING_YEARS = range(2560, 2571)
CDD_TRAINING_BAHT = (30000, 35000, 40000, 45000)


def cdd_training_day(fy_be: int) -> dt.date:
    return fiscal_year_start(fy_be) + dt.timedelta(days=45)


def network_names(subdistrict_th: str, subdistrict_en: str) -> tuple[str, str]:
    return f"เครือข่ายสัมมาชีพตำบล{subdistrict_th}", f"{subdistrict_en} Livelihood Network"


# What an event's organiser gives: CDD cash, the others a day in kind.
EVENT_SUPPORT_BAHT = {"cash": 20000.0, "in_kind": 8000.0}
SELL_CHANCE = 0.75       # a formed group sells at about three events in four
SALES_GROWTH_A_YEAR = 0.08
TRAINED_BOOST = 1.35     # sales after the group's first DTAC/TCDC session

PLAN_START = dt.date(2025, 10, 1)
PLAN_DUE = {"quarter": dt.date(2025, 12, 31), "year1": dt.date(2026, 9, 30),
            "year3": dt.date(2028, 9, 30)}
# A group's village's own targets: its revolving fund grown by these factors.
GROUP_FUND_GROWTH = (("year1", 1.12), ("year3", 1.45))


def plan_target_rows(subdistrict: str, villages: int, capital: float,
                     groups: Iterable[tuple[str, float]]) -> list[tuple]:
    """The plan_target rows of one pilot subdistrict with `villages` villages whose groups hold
    `capital` at the plan's start: its quarter, 1-year and 3-year targets, then, for each formed
    group as (village code, capital at the plan's start), its village's own: the fund growing
    and all 5 K within the year."""
    n, per_village = villages, HOUSEHOLDS_PER_VILLAGE
    targets = {
        "households_trained": (per_village * n, per_village * n, per_village * n + 40),
        "groups_formed": (n, n, n + 2),
        "groups_5k": (math.ceil(0.6 * n), math.ceil(0.8 * n), n),
        "revolving_fund": (round(capital * 1.03, -3), round(capital * 1.12, -3),
                           round(capital * 1.45, -3)),
        "sales": (0, round(7000 * n, -3), round(25000 * n, -3)),
    }
    rows = [(step, indicator, subdistrict, float(value), PLAN_START, PLAN_DUE[step])
            for indicator, values in targets.items()
            for step, value in zip(("quarter", "year1", "year3"), values)]
    for village, group_capital in groups:
        rows += [(step, "revolving_fund", village, float(round(group_capital * factor, -2)),
                  PLAN_START, PLAN_DUE[step]) for step, factor in GROUP_FUND_GROWTH]
        rows.append(("year1", "groups_5k", village, 1.0, PLAN_START, PLAN_DUE["year1"]))
    return rows


# --- the network's fund and committee, the matching scheme, loans and admin spending -----------
# The network's committee: a chair, a vice chair, a secretary, a treasurer and one member for each
# other pilot village (13 seats, one a village).
COMMITTEE = (("chair", 1), ("vice_chair", 1), ("secretary", 1), ("treasurer", 1), ("member", 9))
# Thitthang Thai with Wiang Ping offer the network its fund (two halves, split 70/30 like every
# grant); the network passes part of the revolving 70% on to each pilot group and lends the rest
# to households itself, a year at a time.
NETWORK_GRANT = 100_000.0
PASSED_ON_DAY = dt.date(2018, 1, 15)
PASSED_ON_BAHT = 4_000.0
NETWORK_LOAN_BAHT = 4_000.0
NETWORK_LOANS_FROM = dt.date(2018, 6, 1)
# The scheme the pilot network's groups are in (and no other group): its partners and ratio.
MATCHING_SCHEME = ("TTT-WP", "การสนับสนุนกองทุนจากสถาบันทิศทางไทร่วมกับมหาวิชชาลัยเวียงพิงค์",
                   "Fund support from Thitthang Thai with Wiang Ping", 1.0)
# A few loans overdue: in two pilot villages' groups one borrower has not repaid what fell due in
# the last two months, and the network has one loan of its last round outstanding; one group
# collected a loan two months late.
ARREARS_VILLAGES = ("50191004", "50191009")
ARREARS_DAYS = 60
LOAN_MAX_BAHT = 15_000          # the most a village fund lends one household at once
LATE_VILLAGE = "50191006"
LATE_FROM = dt.date(2025, 3, 1)
# What the administration money pays for, as (months after the first admin money each year,
# purpose, lowest, highest baht): groups keep books and buy materials; the network's committee
# meets every quarter, keeps the books, travels to the district and buys materials. Spending
# stops short of what was paid in: the rest is kept.
ADMIN_SPENDING = {
    "group": (((1,), "bookkeeping", 150, 300), ((6,), "materials", 200, 400),
              ((3, 9), "meetings", 100, 200)),
    "network": (((0, 3, 6, 9), "meetings", 250, 400), ((1,), "bookkeeping", 300, 500),
                ((2, 8), "travel", 300, 500), ((4,), "materials", 400, 700),
                ((11,), "other", 100, 300)),
}
ADMIN_SPENT_SHARE = 0.95


def admin_schedule(kind: str) -> list[tuple[int, str, int, int]]:
    """When and on what a group's or a network's administration money is spent, in time order:
    (months after the first admin money, purpose, lowest, highest baht), over twelve years."""
    return sorted((12 * year + month, purpose, low, high)
                  for year in range(12) for months, purpose, low, high in ADMIN_SPENDING[kind]
                  for month in months)
