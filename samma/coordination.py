"""Partner coordination as pure rules: where a pledge stands against what was delivered, where a
meeting's action stands, and the source's frame of who does what ("the community acts, the
private sector drives, the state supports": ชุมชนลงมือทำ เอกชนขับเคลื่อน รัฐสนับสนุน). No
database, no Streamlit. The day is the dataset's as-of date, never the clock: a meeting looks at
the figures as they were recorded.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from samma.funds import EXACT_BAHT
from samma.plan import as_date

# A pledge's status, in the order a meeting reads them: what is late first.
OVERDUE, PARTLY, COMING_UP, DELIVERED = "overdue", "partly", "coming_up", "delivered"
PLEDGE_STATUSES = (OVERDUE, PARTLY, COMING_UP, DELIVERED)
# An action's status as recorded (open, done, dropped); a meeting reads an open one past its due
# date as overdue.
OPEN, DONE, DROPPED = "open", "done", "dropped"

# Kinds counted in baht; the others are a count (trainings, events, what else was promised).
BAHT_KINDS = frozenset({"cash", "in_kind"})

# The sectors in the source's frame, in its order: who acts (the community), who drives (the
# private sector), who supports (the state); then the others who join them (civil society,
# academics).
SECTORS = ("community", "private", "state", "civil", "academic")


def pledge_status(amount: float, delivered: float, due: dt.date, day: dt.date) -> str:
    """Delivered once what came covers the amount, whenever it came; short of it, overdue after
    the due date, partly before it when something came, coming up when nothing has yet."""
    if delivered >= amount - EXACT_BAHT:
        return DELIVERED
    if as_date(due) < as_date(day):
        return OVERDUE
    return PARTLY if delivered > EXACT_BAHT else COMING_UP


def action_status(status: str, due: dt.date, day: dt.date) -> str:
    """An open action past its due date is overdue; done and dropped stay as recorded."""
    if status == OPEN and as_date(due) < as_date(day):
        return OVERDUE
    return status


def pledges_with_status(pledges: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """The pledges (queries.pledges_against_delivery) with each one's `status`."""
    out = pledges.copy()
    out["status"] = [pledge_status(a, d, due, day)
                     for a, d, due in zip(out["amount"], out["delivered"], out["due"])]
    return out


def actions_with_status(actions: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """The actions (queries.open_actions) with each one's status as a meeting reads it."""
    out = actions.copy()
    out["status"] = [action_status(s, due, day) for s, due in zip(out["status"], out["due"])]
    return out


def action_counts(actions: pd.DataFrame, day: dt.date) -> dict[str, int]:
    """How many actions are still open, and how many of them are overdue."""
    statuses = [action_status(s, due, day) for s, due in zip(actions["status"], actions["due"])]
    return {"open": sum(s in (OPEN, OVERDUE) for s in statuses),
            "overdue": sum(s == OVERDUE for s in statuses)}


def status_counts(pledges: pd.DataFrame) -> dict[str, int]:
    """How many pledges stand at each status (every status, zero where none)."""
    counts = pledges["status"].value_counts() if len(pledges) else pd.Series(dtype=int)
    return {s: int(counts.get(s, 0)) for s in PLEDGE_STATUSES}
