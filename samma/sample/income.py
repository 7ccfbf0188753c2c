"""Income surveys for the Saraphi sample and the synthetic tiers: one model, vectorised with numpy,
used by both (`saraphi` passes all its households of a district at once).

What the model makes believable: a household is surveyed at baseline shortly before it joins
(most already earned something from the occupation; about one in five did not, the occupation
being new to them), then in a yearly survey round each August once it has been in the group
half a year. Income from the occupation grows by about five per cent a year on average, a little
faster in the pilot villages, with a spread wide enough that about one household in five earns less than at
baseline. Some households never answer a follow-up, and in about one village in ten the
follow-up team reaches few households (those villages show "fewer than 5 households surveyed").
Answers are round hundreds of baht, as people answer a survey.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from samma.reference import OCCUPATIONS

# A typical monthly income from each occupation (baht) for a household already doing it.
OCCUPATION_INCOME = {"longan": 2500, "herbal": 1800, "bamboo": 2000, "food": 3000,
                     "textile": 2200, "mushroom": 2800, "compost": 1500, "tung": 1600}
LEVELS = np.array([OCCUPATION_INCOME[o[0]] for o in OCCUPATIONS], dtype=float)
NEW_TO_OCCUPATION = 0.2          # earned nothing from it before joining
BASELINE_TAKEN = 0.97
BASELINE_DAYS_BEFORE = 60        # at most, before the joining date
ROUND_MONTH, ROUND_DAY, ROUND_DAYS = 8, 15, 21   # the yearly round: 15 August and three weeks on
FIRST_ROUND_YEAR = 2018
DAYS_BEFORE_FOLLOW_UP = 182    # half a year in the group
GROWTH_PER_YEAR = 0.045
PILOT_EXTRA_GROWTH = 0.015
GROWTH_SPREAD = 0.07
SURVEY_NOISE = 0.12
ANSWER_RATE = 0.88
# Households a follow-up ever reaches: most, but in about one village in ten only one in five.
HARD_TO_REACH_VILLAGES, HARD_TO_REACH_RATE = 0.1, 0.2
NEVER_ANSWER = 0.05
TOTAL_ASKED = 0.6                # surveys that also asked the household's total income
OTHER_INCOME = 7000              # typical monthly income from everything else
# The synthetic tiers keep the rows per household down (1.9 million households): only the latest
# two rounds, enough for a figure before the plan's start and one now.
LATEST_ROUNDS_KEPT = 2
# The plan's income targets: the median at the plan's start raised by these factors.
TARGET_FACTORS = {"quarter": 1.02, "year1": 1.08, "year3": 1.25}


def _round100(values: np.ndarray) -> np.ndarray:
    return np.round(values / 100.0) * 100.0


def survey_rounds(as_of: dt.date) -> np.ndarray:
    """The first day of each yearly follow-up round that has begun by `as_of`."""
    return np.array([dt.date(y, ROUND_MONTH, ROUND_DAY) for y in range(FIRST_ROUND_YEAR, as_of.year + 1)
                     if dt.date(y, ROUND_MONTH, ROUND_DAY) <= as_of], dtype="datetime64[D]")


def surveys(households: pd.DataFrame, as_of: dt.date, rng: np.random.Generator,
            every_round: bool = True) -> pd.DataFrame:
    """Income survey rows (the schema's columns, in order) for `households`: columns code,
    village_code, joined, occupation (index into OCCUPATIONS), is_pilot. `every_round`: a
    follow-up in every yearly round (the Saraphi sample), or only in the latest two (the synthetic
    tiers)."""
    n = len(households)
    codes = households["code"].to_numpy()
    joined = households["joined"].to_numpy().astype("datetime64[D]")
    level = LEVELS[households["occupation"].to_numpy().astype(int)]
    pilot = households["is_pilot"].to_numpy().astype(bool)
    end = np.datetime64(as_of, "D")

    had = rng.random(n) >= NEW_TO_OCCUPATION
    baseline = np.where(had, _round100(level * rng.lognormal(0.0, 0.45, n)), 0.0)
    baseline_day = joined - rng.integers(0, BASELINE_DAYS_BEFORE + 1, n)
    baseline_taken = rng.random(n) < BASELINE_TAKEN
    growth = rng.normal(GROWTH_PER_YEAR + PILOT_EXTRA_GROWTH * pilot, GROWTH_SPREAD, n)
    # Households new to the occupation build it up over two years; one in four not at all yet.
    ramp = np.where(rng.random(n) < 0.75, level * rng.uniform(0.3, 1.1, n), 0.0)
    other = OTHER_INCOME * rng.lognormal(0.0, 0.5, n)

    villages, village = np.unique(households["village_code"].to_numpy(), return_inverse=True)
    hard = (rng.random(len(villages)) < HARD_TO_REACH_VILLAGES)[village]
    reached = rng.random(n) < np.where(hard, HARD_TO_REACH_RATE, 1 - NEVER_ANSWER)
    rate = np.where(reached, ANSWER_RATE, 0.0)
    rounds = survey_rounds(as_of)
    day = rounds[None, :] + rng.integers(0, ROUND_DAYS, (n, len(rounds)))
    eligible = (day >= (joined + DAYS_BEFORE_FOLLOW_UP)[:, None]) & (day <= end)
    answered = eligible & (rng.random(day.shape) < rate[:, None])
    if not every_round:
        answered &= np.cumsum(eligible[:, ::-1], axis=1)[:, ::-1] <= LATEST_ROUNDS_KEPT
    hi, ri = np.nonzero(answered)
    years = (day[hi, ri] - joined[hi]).astype(float) / 365.25
    noise = np.exp(rng.normal(0.0, SURVEY_NOISE, len(hi)))
    later = _round100(np.where(had[hi], baseline[hi] * np.exp(growth[hi] * years) * noise,
                               ramp[hi] * np.minimum(years / 2, 1.0) * noise))

    b = np.flatnonzero(baseline_taken)
    occupation_income = np.concatenate([baseline[b], later])
    whose = np.concatenate([b, hi])
    asked = rng.random(len(whose)) < TOTAL_ASKED
    total = np.where(asked, occupation_income + _round100(other[whose]), np.nan)
    frame = pd.DataFrame({
        "household_code": codes[whose],
        "surveyed": np.concatenate([baseline_day[b], day[hi, ri]]),
        "kind": np.where(np.arange(len(whose)) < len(b), "baseline", "follow_up"),
        "occupation_income_baht": occupation_income,
        "household_income_baht": total})
    return frame.sort_values(["household_code", "surveyed"], kind="stable", ignore_index=True)


def median_on(surveys: pd.DataFrame, day: dt.date) -> float | None:
    """The median income from the occupation of the households with a baseline and a follow-up
    by `day`, each at its latest follow-up (how the plan's income indicator counts)."""
    known = surveys[surveys["surveyed"].to_numpy().astype("datetime64[D]") <= np.datetime64(day, "D")]
    baselined = known.loc[known["kind"] == "baseline", "household_code"]
    follow_ups = known[(known["kind"] == "follow_up") & known["household_code"].isin(baselined)]
    if follow_ups.empty:
        return None
    latest = (follow_ups.sort_values("surveyed", kind="stable")
              .groupby("household_code")["occupation_income_baht"].last())
    return float(latest.median())


def plan_targets(area_code: str, surveys: pd.DataFrame, plan_start: dt.date,
                 due: dict[str, dt.date]) -> list[tuple]:
    """The income targets of one area's plan (plan_target rows): the median at the plan's start,
    raised a little for the quarter, more for the year and the three years."""
    start = median_on(surveys, plan_start)
    if start is None:
        return []
    return [(step, "income", area_code, float(_round100(np.array(start * factor))), plan_start, due[step])
            for step, factor in TARGET_FACTORS.items()]
