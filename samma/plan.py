"""The three steps (ขยับ ๓ ขั้น) as pure functions: where each indicator should be by now, its
status in words, what changed since the last step, and which villages are ready for the model
to go to the next subdistrict. No database, no Streamlit.

On track means on or above the straight line from the value at plan start to the target at the
due date. Once the due date has passed, an indicator short of its target is behind.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from samma.i18n import baht, number

STEPS = ("quarter", "year1", "year3")
INDICATORS = ("households_trained", "groups_formed", "groups_5k", "revolving_fund", "sales",
              "income")
MONEY_INDICATORS = frozenset({"revolving_fund", "sales", "income"})

REACHED, ON_TRACK, BEHIND, NO_TARGET, NOT_RECORDED, TOO_FEW = (
    "reached", "on_track", "behind", "no_target", "not_recorded", "too_few")
# Indicators that are a level (a median income), not a count or a sum: several areas' targets are
# averaged, not added up (queries.plan_step_targets).
LEVEL_INDICATORS = frozenset({"income"})

READINESS_CRITERIA = ("all_5k", "fund_at_floor", "sold_at_event")


def expected_by(baseline: float, target: float, start: dt.date, due: dt.date, day: dt.date) -> float:
    """Where a straight line from `baseline` at `start` to `target` at `due` stands on `day`."""
    if day <= start:
        return baseline
    if day >= due:
        return target
    return baseline + (target - baseline) * (day - start).days / (due - start).days


def status(actual: float | None, target: float | None, baseline: float, start: dt.date,
           due: dt.date, day: dt.date) -> str:
    if actual is None:
        return NOT_RECORDED
    if target is None:
        return NO_TARGET
    if actual >= target:
        return REACHED
    if day >= due:
        return BEHIND
    return ON_TRACK if actual >= expected_by(baseline, target, start, due, day) else BEHIND


def step_status(targets: pd.DataFrame, figures: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """One row per indicator for one step: target, value at plan start, expected by `day`,
    actual, status. `targets` has the step's target per indicator (indicator, target,
    plan_start, due: queries.plan_step_targets); `figures` the values at the plan's start and
    now (indicator, at_start, now: queries.plan_figures). An indicator absent from `figures` is
    not recorded; one present without a figure now (income, where fewer households were surveyed
    than a figure may be shown for) is too few; one absent from `targets` has no target."""
    day = as_date(day)
    targets = targets.set_index("indicator")
    figures = figures.set_index("indicator")
    rows = []
    for indicator in INDICATORS:
        target = start = due = actual = None
        baseline = 0.0
        if indicator in targets.index:
            row = targets.loc[indicator]
            target, start, due = float(row["target"]), as_date(row["plan_start"]), as_date(row["due"])
        withheld = indicator in figures.index and pd.isna(figures.at[indicator, "now"])
        if indicator in figures.index and not withheld:
            actual = float(figures.at[indicator, "now"])
            # No figure at the plan's start (too few surveyed then): the line starts at zero, as
            # it does for a count.
            at_start = figures.at[indicator, "at_start"]
            baseline = 0.0 if pd.isna(at_start) else float(at_start)
        rows.append({
            "indicator": indicator, "target": target, "actual": actual, "baseline": baseline,
            "expected": expected_by(baseline, target, start, due, day) if target is not None else None,
            "plan_start": start, "due": due,
            "status": TOO_FEW if withheld else status(actual, target, baseline, start, due, day),
        })
    return pd.DataFrame(rows)


def percent_of_target(value: float | None, target: float | None) -> float | None:
    """Per cent of target; a target of zero is met by anything recorded."""
    if pd.isna(value) or pd.isna(target):
        return None
    return 100 * value / target if target else 100.0


def figure(indicator: str, value: float | None, lang: str) -> str:
    """An indicator's figure as people read it: baht for money, a count otherwise."""
    if pd.isna(value):
        return "–"
    return baht(value, lang) if indicator in MONEY_INDICATORS else number(value)


def as_date(value) -> dt.date | None:
    """A date from what DuckDB and pandas hand back (Timestamp, date or missing)."""
    if value is None or pd.isna(value):
        return None
    return value.date() if isinstance(value, pd.Timestamp) else value


def plan_start(steps: pd.DataFrame) -> dt.date | None:
    """The plan's first day, from its steps (step, plan_start, due: queries.plan_steps)."""
    return as_date(steps["plan_start"].min()) if len(steps) else None


def step_due(steps: pd.DataFrame, step: str) -> dt.date | None:
    """When one step falls due (steps: queries.plan_steps); None when the plan has no such step."""
    due = steps.loc[steps["step"] == step, "due"]
    return as_date(due.iloc[0]) if len(due) else None


def last_step_passed(steps: pd.DataFrame, day: dt.date) -> tuple[str, dt.date] | None:
    """The latest step whose due date is on or before `day`, with that date; None before the
    first step falls due."""
    day = as_date(day)
    passed = [(as_date(due), step) for step, due in zip(steps["step"], steps["due"])
              if as_date(due) <= day]
    if not passed:
        return None
    due, step = max(passed)
    return step, due


def changes(figures: pd.DataFrame) -> pd.DataFrame:
    """Per indicator, the plan's total on the last step's due date (`since`) and now, and the
    change between them."""
    out = figures.set_index("indicator")
    out = out.loc[[i for i in INDICATORS if i in out.index]]
    return pd.DataFrame({"indicator": out.index, "then": out["since"].to_numpy(),
                         "now": out["now"].to_numpy(), "change": (out["now"] - out["since"]).to_numpy()})


def readiness(villages: pd.DataFrame) -> pd.DataFrame:
    """Adds the committee's three checks and `ready` (all three) to each village:
    every formed group has all 5 K (and there is at least one); no group's revolving capital is
    below what was paid in; the village's groups sold at one market event or more."""
    out = villages.copy()
    out["all_5k"] = (out["groups_formed"] > 0) & (out["groups_5k"] == out["groups_formed"])
    out["fund_at_floor"] = (out["groups_with_fund"] > 0) & (out["groups_below_floor"] == 0)
    out["sold_at_event"] = out["events_sold"] >= 1
    out["ready"] = out[list(READINESS_CRITERIA)].all(axis=1)
    return out
