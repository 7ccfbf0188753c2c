"""The source's fund rules as pure functions: no database, no Streamlit.

- 70/30: of every grant, 30% is administration expense and 70% revolving capital.
- 1:1: the partners add one part equal to what the members raised themselves first.
- Three steps: the revolving fund is planned for a quarter, one year and three years.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    team: int = 5                 # the "1+4"
    households: int = 20
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

    def at(self, step: str) -> float:
        return self.monthly[STEP_MONTHS[step]]

    @property
    def loses_capital(self) -> bool:
        return self.monthly[-1] < self.fund_at_match


def project(w: WhatIf) -> Projection:
    members = w.villages * (w.team + w.households)
    raised = members * (w.share + w.saving * w.months_before_match)
    asked, grant, shortfall = match(raised, w.match_ratio, w.cap)
    admin = grant * w.admin_pct / 100
    fund = raised + (grant - admin)
    growth = (w.return_pct - w.loss_pct) / 100 / 12
    monthly = [fund]
    for _ in range(STEP_MONTHS["year3"]):
        fund = fund * (1 + growth) + members * w.saving
        monthly.append(fund)
    return Projection(members, raised, asked, grant, shortfall, admin, monthly[0], monthly)
