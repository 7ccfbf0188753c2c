"""The source's fund rules as pure functions: no database, no Streamlit.

- 70/30: of every grant, 30% is administration expense and 70% revolving capital.
- 1:1: the partners add one part equal to what the members raised themselves first.
- Three steps: the revolving fund is planned for a quarter, one year and three years.
- Capital must not be lost: revolving capital (paid in + profit − losses) never below everything
  paid into the revolving fund (members' money, 70% of grants, matching). One rule, used by the
  Funds page, the What-if and (as the SQL macro `capital_lost`) the load's warnings.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from samma.domain import HOUSEHOLDS_PER_VILLAGE, TEAM_SIZE

ADMIN_SHARE = 0.30
MATCH_RATIO = 1.0
STEP_MONTHS = {"quarter": 3, "year1": 12, "year3": 36}


def split_grant(amount: float, admin_share: float = ADMIN_SHARE) -> tuple[float, float]:
    """(admin, revolving) in baht, to the satang; the two always add up to the grant."""
    admin = round(amount * admin_share, 2)
    return admin, round(amount - admin, 2)


def match(raised: float, ratio: float = MATCH_RATIO, cap: float = 0.0) -> tuple[float, float, float]:
    """(asked, granted, shortfall): the partners' part for what members raised, capped by the
    partners' budget when a cap above zero is given."""
    asked = ratio * raised
    granted = min(asked, cap) if cap > 0 else asked
    return asked, granted, asked - granted


@dataclass(frozen=True)
class WhatIf:
    villages: int = 1
    team: int = TEAM_SIZE         # the "1+4"
    households: int = HOUSEHOLDS_PER_VILLAGE
    share: float = 100.0          # baht per member, once
    saving: float = 50.0          # baht per member per month
    months_before_match: int = 3
    match_ratio: float = MATCH_RATIO
    cap: float = 0.0              # partners' budget; 0 means no cap
    admin_pct: float = 30.0
    return_pct: float = 6.0       # yearly return on the revolving fund
    loss_pct: float = 2.0         # yearly loss


@dataclass(frozen=True)
class Projection:
    members: int
    raised: float
    asked: float
    grant: float
    shortfall: float
    admin: float
    fund_at_match: float
    monthly: list[float]          # fund balance at months 0..36 after the match
    paid_in: list[float]          # everything paid into the revolving fund by months 0..36

    def at(self, step: str) -> float:
        return self.monthly[STEP_MONTHS[step]]

    @property
    def loses_capital(self) -> bool:
        return any(capital_lost(fund, floor) for fund, floor in zip(self.monthly, self.paid_in))


def project(w: WhatIf) -> Projection:
    members = w.villages * (w.team + w.households)
    raised = members * (w.share + w.saving * w.months_before_match)
    asked, grant, shortfall = match(raised, w.match_ratio, w.cap)
    admin = grant * w.admin_pct / 100
    fund = raised + (grant - admin)
    growth = (w.return_pct - w.loss_pct) / 100 / 12
    monthly, paid_in = [fund], [fund]
    for _ in range(STEP_MONTHS["year3"]):
        fund = fund * (1 + growth) + members * w.saving
        monthly.append(fund)
        paid_in.append(paid_in[-1] + members * w.saving)
    return Projection(members, raised, asked, grant, shortfall, admin, monthly[0], monthly, paid_in)


# --- rule checks ------------------------------------------------------------------------------

TOLERANCE_BAHT = 1.0     # rounding to the satang on two lines must not read as a breach


def split_gap(grant: float, admin_paid: float, admin_share: float = ADMIN_SHARE) -> float:
    """How far a grant's admin part is from the 70/30 rule, in baht: above zero means more went
    to administration than the rule allows (taken from the revolving capital). The SQL macro of
    the same name (derive.terms_sql) is this rule for the load-time tables."""
    return admin_paid - grant * admin_share


def match_gap(raised: float, matched: float, ratio: float = MATCH_RATIO) -> float:
    """How far the partners' part is from 1:1 with what the members raised, in baht: below zero
    means the partners still owe that much (in SQL: the macro `match_gap`, judged in scheme_match)."""
    return matched - ratio * raised


# Figures are kept to the satang: a shortfall of a satang is real, less than half of one is the
# noise of adding floats.
EXACT_BAHT = 0.005


def capital_floor(paid_in: float, passed_on: float = 0.0) -> float:
    """What capital must not fall below: everything paid into the revolving fund, less what a
    network passed on to its groups (that money is theirs now, and on their floors)."""
    return paid_in - passed_on


def capital(paid_in: float, profit: float, loss: float, passed_on: float = 0.0) -> float:
    """Revolving capital: paid in (less what was passed on) + profit − losses."""
    return capital_floor(paid_in, passed_on) + profit - loss


def capital_lost(capital_now, floor):
    """True where capital is below its floor by a satang or more (works on Series too)."""
    return capital_now < floor - EXACT_BAHT


def match_summary(checks) -> dict:
    """The 1:1 checks (one row per scheme member, its `verdict` and what it `raised`): how many
    meet the ratio of those judged (a member not matched yet is waiting, not judged), how many
    wait and with how much raised, and the breaches' rows."""
    waiting = checks[checks.verdict == "not_matched"]
    return {"ok": int((checks.verdict == "ok").sum()), "judged": len(checks) - len(waiting),
            "waiting": len(waiting), "waiting_raised": float(waiting.raised.sum()),
            "breaches": checks[checks.verdict.isin(["over", "under"])]}


def overdue(due, as_of, outstanding):
    """A loan is overdue when its due date has passed and it is not fully repaid: on its due
    date it is not yet overdue."""
    return (due < as_of) & (outstanding > EXACT_BAHT)


def verdict(gap: float, tolerance: float = TOLERANCE_BAHT) -> str:
    """'ok', 'over' or 'under': a word for a gap, so a breach is said, not only coloured (in SQL:
    the macro `verdict`)."""
    if abs(gap) <= tolerance:
        return "ok"
    return "over" if gap > 0 else "under"


# --- the what-if sliders and their URL ----------------------------------------------------------

@dataclass(frozen=True)
class SliderSpec:
    field: str        # the WhatIf attribute
    param: str        # the query parameter that carries it in a shared link
    minimum: float
    maximum: float
    step: float

    @property
    def default(self) -> float:
        return getattr(WhatIf(), self.field)

    @property
    def whole(self) -> bool:
        """Whole-number sliders hand back ints, so links read `villages=3`, not `3.0`."""
        return float(self.step).is_integer()

    def value(self, number: float) -> float:
        return int(round(number)) if self.whole else round(number, 2)


# Ranges wide enough for the figures partners name (the villages slider grows with the
# network: `sliders_for`); percentages are whole numbers, as in the link (`admin=30`).
SLIDERS = (
    SliderSpec("villages", "villages", 1, 200, 1),
    SliderSpec("team", "team", 1, 10, 1),
    SliderSpec("households", "households", 0, 100, 1),
    SliderSpec("share", "share", 0, 1_000, 10),
    SliderSpec("saving", "saving", 0, 1_000, 10),
    SliderSpec("months_before_match", "months", 0, 24, 1),
    SliderSpec("match_ratio", "match", 0.0, 3.0, 0.1),
    SliderSpec("cap", "cap", 0, 5_000_000, 10_000),
    SliderSpec("admin_pct", "admin", 0, 100, 1),
    SliderSpec("return_pct", "return", 0, 30, 1),
    SliderSpec("loss_pct", "loss", 0, 30, 1),
)


def sliders_for(villages_in_data: int) -> tuple[SliderSpec, ...]:
    """The sliders for the network in the database: the villages slider reaches the network's
    own size rounded up (65,162 villages: 70,000), so live national data fits; it never stops
    before its usual end (200, room for a district)."""
    magnitude = 10 ** (len(str(max(villages_in_data, 1))) - 1)
    reach = -(-villages_in_data // magnitude) * magnitude
    return tuple(replace(spec, maximum=max(spec.maximum, reach)) if spec.field == "villages"
                 else spec for spec in SLIDERS)


@dataclass(frozen=True)
class Notice:
    """A value in a link that could not be used as it was: what it said and what is used."""
    param: str
    raw: str
    used: float
    problem: str      # 'not_a_number', 'out_of_range' or 'off_step'


def parse_value(spec: SliderSpec, raw: str) -> tuple[float, Notice | None]:
    """One query-parameter value: the number to use, and a notice when it was not usable as is.
    Not a number (or NaN, infinity) gives the source's default; outside the range is clamped;
    between steps is rounded to the nearest step."""
    try:
        number = float(raw.strip().replace(",", ""))
    except (ValueError, AttributeError):
        number = math.nan
    if not math.isfinite(number):
        used = spec.value(spec.default)
        return used, Notice(spec.param, str(raw), used, "not_a_number")
    if not spec.minimum <= number <= spec.maximum:
        used = spec.value(min(max(number, spec.minimum), spec.maximum))
        return used, Notice(spec.param, raw, used, "out_of_range")
    steps = round((number - spec.minimum) / spec.step)
    used = spec.value(spec.minimum + steps * spec.step)
    if abs(used - number) > 1e-9:
        return used, Notice(spec.param, raw, used, "off_step")
    return used, None


def parse_params(params: Mapping[str, str], sliders: tuple[SliderSpec, ...] = SLIDERS
                 ) -> tuple[WhatIf, list[Notice]]:
    """A WhatIf from a link's query parameters, read against `sliders` (their ranges and
    steps); parameters that are absent keep the source's defaults, and every value that could
    not be used as written gets a notice."""
    values: dict[str, float] = {}
    notices: list[Notice] = []
    for spec in sliders:
        if spec.param not in params:
            continue
        values[spec.field], notice = parse_value(spec, params[spec.param])
        if notice:
            notices.append(notice)
    return WhatIf(**values), notices


def to_params(w: WhatIf) -> dict[str, str]:
    """The query parameters that reproduce a scenario (the inverse of `parse_params`)."""
    return {spec.param: str(spec.value(getattr(w, spec.field))) for spec in SLIDERS}
