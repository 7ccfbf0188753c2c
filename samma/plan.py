"""The three steps (ขยับ ๓ ขั้น) as pure functions: where each indicator should be by now, its
status in words, what changed since the last step, and which villages are ready for the model
to go to the next subdistrict. No database, no Streamlit.

On track means on or above the straight line from the value at plan start to the target at the
due date. Once the due date has passed, an indicator short of its target is behind.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

STEPS = ("quarter", "year1", "year3")
INDICATORS = ("households_trained", "groups_formed", "groups_5k", "revolving_fund", "sales",
              "income")
MONEY_INDICATORS = frozenset({"revolving_fund", "sales", "income"})

REACHED, ON_TRACK, BEHIND, NO_TARGET, NOT_RECORDED = (
    "reached", "on_track", "behind", "no_target", "not_recorded")
STATUSES = (REACHED, ON_TRACK, BEHIND, NO_TARGET, NOT_RECORDED)

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


def _area_values(values: pd.DataFrame, area: str | None, subdistricts: list[str]) -> pd.Series:
    """Indicator -> value for one village, or summed over the planned subdistricts' villages."""
    if area is not None:
        rows = values[values["village_code"] == area]
    else:
        rows = values[values["subdistrict_code"].isin(subdistricts)] if subdistricts else values
    return rows.groupby("indicator")["value"].sum()


def step_status(targets: pd.DataFrame, now: pd.DataFrame, at_start: pd.DataFrame, step: str,
                area: str | None, day: dt.date) -> pd.DataFrame:
    """One row per indicator for one step: target, value at plan start, expected by `day`,
    actual, status. `area` None is the whole plan (the subdistrict-level targets); otherwise a
    village code. `now` and `at_start` are indicator values in long form (village_code,
    subdistrict_code, indicator, value); an indicator absent from them is not recorded."""
    day = as_date(day)
    step_targets = targets[targets["step"] == step]
    if area is None:
        area_targets = step_targets[step_targets["area_code"].str.len() == 6]
    else:
        area_targets = step_targets[step_targets["area_code"] == area]
    subdistricts = sorted(area_targets["area_code"].unique()) if area is None else []
    actual_now = _area_values(now, area, subdistricts)
    actual_then = _area_values(at_start, area, subdistricts)
    rows = []
    for indicator in INDICATORS:
        these = area_targets[area_targets["indicator"] == indicator]
        target = float(these["target_value"].sum()) if len(these) else None
        start = these["plan_start"].min() if len(these) else None
        due = these["due"].max() if len(these) else None
        actual = float(actual_now[indicator]) if indicator in actual_now else None
        baseline = float(actual_then.get(indicator, 0.0))
        expected = (expected_by(baseline, target, as_date(start), as_date(due), day)
                    if target is not None else None)
        rows.append({
            "indicator": indicator, "target": target, "actual": actual, "baseline": baseline,
            "expected": expected, "plan_start": as_date(start), "due": as_date(due),
            "status": status(actual, target, baseline, as_date(start), as_date(due), day),
        })
    return pd.DataFrame(rows)


def as_date(value) -> dt.date | None:
    """A date from what DuckDB and pandas hand back (Timestamp, date or missing)."""
    if value is None or pd.isna(value):
        return None
    return value.date() if isinstance(value, pd.Timestamp) else value


def plan_start(targets: pd.DataFrame) -> dt.date | None:
    return as_date(targets["plan_start"].min()) if len(targets) else None


def last_step_passed(targets: pd.DataFrame, day: dt.date) -> tuple[str, dt.date] | None:
    """The latest step whose due date is on or before `day`, with that date; None before the
    first step falls due."""
    day = as_date(day)
    dues = {step: as_date(targets.loc[targets["step"] == step, "due"].max()) for step in STEPS
            if (targets["step"] == step).any()}
    passed = [(due, step) for step, due in dues.items() if due <= day]
    if not passed:
        return None
    due, step = max(passed)
    return step, due


def changes(then: pd.DataFrame, now: pd.DataFrame) -> pd.DataFrame:
    """Per indicator, the plan villages' total then and now and the change between them."""
    before = then.groupby("indicator")["value"].sum()
    after = now.groupby("indicator")["value"].sum()
    rows = [{"indicator": i, "then": float(before.get(i, 0.0)), "now": float(after[i]),
             "change": float(after[i] - before.get(i, 0.0))}
            for i in INDICATORS if i in after]
    return pd.DataFrame(rows, columns=["indicator", "then", "now", "change"])


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
