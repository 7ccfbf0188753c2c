"""The program's fixed terms, written once: the 5 K, a village's stages, the 1+4 team, the 20
households a sage trains, and the Thai fiscal year. Python reads them from here; SQL reads them
from the lookup tables and macro that `derive` writes from here into every database file.

The fund rules (70/30, 1:1, the three steps) are rules, not terms: they live in `funds`.
"""

from __future__ import annotations

import datetime as dt

# The 5 K (๕ ก.) in the order a group or network usually reaches them; "formed" = all five.
FIVE_K = ("committee", "members", "rules", "fund", "activities")

# A village's stages, in order: a target only → sages in place → households enrolled → a group
# formed → a group with all 5 K. Stored as the rank (0..4) in village_stage.stage_rank.
STAGES = ("target", "sages", "households", "group", "all5k")

# The "1+4": one lead sage and four team members per village.
TEAM_SIZE = 5
# Households a village's sages train.
HOUSEHOLDS_PER_VILLAGE = 20

# The Thai fiscal year runs October to September and is named by the Buddhist-era year it ends in:
# FY2568 = 1 Oct 2024 to 30 Sep 2025.
FISCAL_YEAR_START_MONTH = 10
BUDDHIST_ERA_OFFSET = 543


def fiscal_year(day: dt.date) -> int:
    """The Buddhist-era fiscal year a day falls in."""
    return day.year + BUDDHIST_ERA_OFFSET + (1 if day.month >= FISCAL_YEAR_START_MONTH else 0)


def fiscal_year_start(fy_be: int) -> dt.date:
    """The first day of a Buddhist-era fiscal year."""
    return dt.date(fy_be - BUDDHIST_ERA_OFFSET - 1, FISCAL_YEAR_START_MONTH, 1)

# --- income: the program's aim (มีรายได้เพิ่มขึ้น) --------------------------------------------------

# No income figure (median, spread, share that rose) is shown for fewer households than this,
# anywhere: page, card, handout or viewer's download. Fewer, and one household's income could be
# read off, or guessed by those who know the village.
INCOME_MIN_HOUSEHOLDS = 5
# A household's income from the occupation "stayed about the same" when its latest follow-up is
# within this share of its baseline, either way; above it rose, below it fell. Survey answers are
# round figures remembered from a month: a change of a few per cent is no change.
INCOME_SAME_BAND = 0.05
# A baseline is the income before the household joins: taken on the day it joins or at most this
# many days before (households are surveyed while the sage recruits them). A follow-up is taken
# after the household joined and after its baseline.
BASELINE_MAX_DAYS_BEFORE_JOINING = 365
