"""Synthetic networks of any size (province, national, any size but the two Saraphi samples):
the Saraphi sample's rules over the real subdistricts of Thailand (from `geothai`), vectorised
with numpy over villages, groups and months, so 75,000 villages build in minutes. Written
province by province: memory is bounded by the largest province, not the country. Seeded, so
the same size gives the same data on every run."""

from __future__ import annotations

import datetime as dt
import math

import geothai
import numpy as np
import pandas as pd

from samma import db
from samma.domain import BUDDHIST_ERA_OFFSET, FISCAL_YEAR_START_MONTH, FIVE_K, HOUSEHOLDS_PER_VILLAGE, TEAM_SIZE
from samma.funds import ADMIN_SHARE
from samma.reference import OCCUPATIONS, PARTNERS, PROVINCE_CENTRES, SARAPHI, SARAPHI_CENTRES, THA_WANG_TAN
from samma.sample import income
from samma.sample.coordination import coordination_frames
from samma.sample.rules import (
    ADMIN_SPENT_SHARE,
    ARREARS_DAYS,
    AS_OF,
    ATTENDANCE_CHANCE,
    CDD_TRAINING_BAHT,
    CDD_TRAINING_YEARS,
    EVENT_SUPPORT_BAHT,
    IN_KIND_PURPOSE,
    LOAN_INTEREST_MONTHLY,
    LOAN_MONTHS,
    MATCHING_PARTNERS,
    MATCHING_SCHEME,
    MONTHS_BEFORE_MATCH,
    NETWORK_FOUNDED,
    NETWORK_K_DAYS,
    PLAN_DUE,
    PLAN_START,
    SALES_GROWTH_A_YEAR,
    SAVING_BAHT,
    SELL_CHANCE,
    SHARE_BAHT,
    SYNTHETIC_ARREARS_CHANCE,
    SYNTHETIC_LATE_CHANCE,
    SYNTHETIC_LOSS_CHANCE,
    TRAINED_BOOST,
    TRAINING_SESSIONS,
    admin_schedule,
    cdd_training_day,
    network_names,
    np_rng,
    plan_target_rows,
)
from samma.sample.saraphi import Rows, network_fund

NON_PILOT_STAGE_WEIGHTS = np.array([2, 3, 10, 30, 55]) / 100   # target → all5k; running since FY2560
STAGE_START_FY = np.array([2569, 2568, 2566, 2563, 2561])
# Groups with all 5 K take a second intake of households a year after forming (groups grow):
# together with the founding circle that makes about 1.9 million members in 75,000 villages.
LATE_INTAKE_MONTHS = 12
LATE_INTAKE_MAX = 10
EVENT_MONTHS = (3, 11)          # each district holds a fair in March and a market in November
EVENT_ORGANISERS = ("CDD", "SOCHO", "KPS")
# Chances (cumulative) that a synthetic network misses its last one, two K: 12% activities, 8%
# activities and fund.
NETWORK_KS_MISSING = np.array([0.80, 0.92])


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
    rng = np_rng("synthetic-layout", n, provinces)
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
    households = np.select([stage >= 3, stage == 2],
                           [HOUSEHOLDS_PER_VILLAGE, rng.integers(10, HOUSEHOLDS_PER_VILLAGE + 1, size)], 0)
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


def _frames(parts: list[dict], keys: tuple[str, ...] = ()) -> pd.DataFrame:
    """One frame from many column dicts (arrays, or scalars meaning 'all rows'), concatenated
    column by column: much cheaper than a DataFrame per part. With no rows, an empty frame with
    the columns `keys`."""
    parts = [p for p in parts if len(p["g"])]
    sizes = [len(p["g"]) for p in parts]

    def column(value, size):
        return np.full(size, value, dtype=object) if value is None or isinstance(value, str) else value

    if not parts:
        return pd.DataFrame({key: [] for key in keys})
    return pd.DataFrame({key: np.concatenate([column(p[key], n) for p, n in zip(parts, sizes)])
                         for key in parts[0]})


def _simulate_funds(groups: pd.DataFrame, rng: np.random.Generator, ids: _Ids, as_of: dt.date
                    ) -> tuple[dict[str, pd.DataFrame], np.ndarray]:
    """The same ledger as _simulate_fund, month by month over all groups at once: shares at
    formation, monthly savings, the 1:1 match for pilot groups and their administration money
    spent, quarterly loans from the revolving fund to one of the group's households, repaid after
    six months (now and then partly lost, a few late or not yet), in the ledger and the loan
    register alike. Returns the contribution, fund_entry, loan and loan_repayment rows, and each
    group's capital at the plan start."""
    g = len(groups)
    formed = groups.formed.to_numpy().astype("datetime64[D]")
    households = groups.households.to_numpy()
    founding = (TEAM_SIZE + households).astype(float)
    late = groups.late_intake.to_numpy().astype(float)
    pilot = groups.is_pilot.to_numpy()
    end = np.datetime64(as_of, "D")
    plan_start = np.datetime64(PLAN_START, "D")
    capital = founding * SHARE_BAHT
    cash = capital.copy()
    capital_at_plan_start = np.full(g, np.nan)
    contributions: list[dict] = []
    entries: list[dict] = []
    loans: list[dict] = []
    repayments: list[dict] = []
    # Borrowers, arrears and late repayments from a stream of their own, so that the ledger's
    # other figures do not depend on them.
    lending = np_rng("synthetic-loans", g, str(groups.code.iloc[0]) if g else "")
    arrears_cutoff = end - np.timedelta64(ARREARS_DAYS, "D")

    def pay(mask, day, source, partner, purpose, amount):
        idx = np.flatnonzero(mask)
        if not len(idx):
            return
        cid = ids.block("contribution", len(idx))
        contributions.append({"id": cid, "date": day[idx], "source": source, "partner_code": partner,
                              "g": idx, "purpose": purpose, "amount_baht": np.round(amount[idx], 2)})
        if purpose in ("grant", "matching"):
            # funds.split_grant over an array.
            admin = np.round(amount[idx] * ADMIN_SHARE, 2)
            for bucket, value in (("admin", admin), ("revolving", np.round(amount[idx] - admin, 2))):
                entries.append({"date": day[idx], "g": idx, "bucket": bucket, "entry": "paid_in",
                                "amount_baht": value, "contribution_id": cid, "purpose": None})
        else:
            entries.append({"date": day[idx], "g": idx, "bucket": "revolving", "entry": "paid_in",
                            "amount_baht": np.round(amount[idx], 2), "contribution_id": cid,
                            "purpose": None})

    def ledger(mask, day, entry, amount):
        idx = np.flatnonzero(mask)
        entries.append({"date": day[idx], "g": idx, "bucket": "revolving", "entry": entry,
                        "amount_baht": np.round(amount[idx], 2), "contribution_id": None,
                        "purpose": None})

    def settled(mask, day, lent_month, principal, interest, written_off):
        idx = np.flatnonzero(mask)
        repayments.append({"g": idx, "month": np.full(len(idx), lent_month), "date": day[idx],
                           "principal": np.round(principal[idx], 2),
                           "interest": np.round(interest[idx], 2),
                           "written_off": np.round(written_off[idx], 2)})

    def spend_admin(mask, day, paid_in):
        """_spend_admin's schedule over every group at once: stops before the first item that
        would take the spending past ADMIN_SPENT_SHARE of what was paid in."""
        idx = np.flatnonzero(mask)
        schedule = admin_schedule("group")
        offsets = np.array([item[0] for item in schedule])
        amounts = rng_admin.integers(np.array([item[2] // 10 for item in schedule]),
                                     np.array([item[3] // 10 for item in schedule]) + 1,
                                     (len(idx), len(schedule))) * 10.0
        days = _np_add_months(np.repeat(day[idx], len(schedule)), np.tile(offsets, len(idx))
                              ).reshape(len(idx), len(schedule))
        # Both conditions only ever turn false along a row (spending adds up, days go on).
        keep = ((np.cumsum(amounts, axis=1) <= (paid_in[idx] * ADMIN_SPENT_SHARE)[:, None])
                & (days <= end))
        gi, si = np.nonzero(keep)
        entries.append({"date": days[gi, si], "g": idx[gi], "bucket": "admin", "entry": "spent",
                        "amount_baht": amounts[gi, si], "contribution_id": None,
                        "purpose": np.array([item[1] for item in schedule], dtype=object)[si]})

    rng_admin = np_rng("synthetic-admin", g, str(groups.code.iloc[0]) if g else "")
    pay(np.ones(g, bool), formed, "members", None, "shares", founding * SHARE_BAHT)
    raised_before_match = founding * (SHARE_BAHT + MONTHS_BEFORE_MATCH * SAVING_BAHT)
    due: dict[int, np.ndarray] = {}
    held: dict[int, tuple[np.ndarray, int]] = {}      # repaid late: month -> (principal, lent in)
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
            revolving = np.where(active & pilot, half - np.round(half * ADMIN_SHARE, 2), 0) * len(MATCHING_PARTNERS)
            for partner in MATCHING_PARTNERS:
                pay(active & pilot, day, "partner", partner, "matching", half)
            spend_admin(active & pilot, day, np.round(half * ADMIN_SHARE, 2) * len(MATCHING_PARTNERS))
            capital += revolving
            cash += revolving
        principal = due.pop(month, None)
        if principal is not None:
            out = active & (principal > 0)
            lost = out & (rng.random(g) < SYNTHETIC_LOSS_CHANCE)
            loss = np.where(lost, np.round(principal * rng.uniform(0.3, 1.0, g), -1), 0)
            # A few borrowers have not repaid what fell due in the last two months; a few more
            # repay two months late.
            behind = out & ~lost & (day > arrears_cutoff) & (lending.random(g) < SYNTHETIC_ARREARS_CHANCE)
            tardy = out & ~lost & ~behind & (lending.random(g) < SYNTHETIC_LATE_CHANCE)
            back = out & ~behind & ~tardy
            ledger(lost, day, "loss", loss)
            ledger(back & ((principal - loss) > 0), day, "repayment", principal - loss)
            profit = np.where(back & ~lost, np.round(principal * LOAN_INTEREST_MONTHLY * LOAN_MONTHS, 2), 0)
            ledger(back & ~lost, day, "profit", profit)
            settled(back, day, month - LOAN_MONTHS, principal - loss, profit, loss)
            capital += profit - loss
            cash += np.where(back, principal - loss + profit, 0)
            if tardy.any():
                held[month + 2] = (np.where(tardy, principal, 0), month - LOAN_MONTHS)
        waiting = held.pop(month, None)
        if waiting is not None:
            amount, lent_in = waiting
            back = active & (amount > 0)
            interest = np.where(back, np.round(amount * LOAN_INTEREST_MONTHLY * LOAN_MONTHS, 2), 0)
            ledger(back, day, "repayment", amount)
            ledger(back, day, "profit", interest)
            settled(back, day, lent_in, amount, interest, np.zeros(g))
            capital += interest
            cash += np.where(back, amount + interest, 0)
        if month % 3 == 0:
            lend = active & (cash > 2000)
            amount = np.where(lend, np.round(cash * rng.uniform(0.4, 0.7, g), -2), 0)
            ledger(lend, day, "loan_out", amount)
            idx = np.flatnonzero(lend)
            loans.append({"g": idx, "month": np.full(len(idx), month), "amount": amount[idx],
                          "lent": day[idx], "due": _np_add_months(formed[idx], month + LOAN_MONTHS),
                          "borrower": lending.integers(1, households[idx] + 1)})
            cash -= amount
            due[month + LOAN_MONTHS] = amount
    capital_at_plan_start = np.where(np.isnan(capital_at_plan_start), capital, capital_at_plan_start)

    codes = groups.code.to_numpy()
    villages = groups.village_code.to_numpy()
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
        "amount_baht": fund["amount_baht"], "contribution_id": fund["contribution_id"].astype("Int64"),
        "network_code": None, "purpose": fund["purpose"], "to_group_code": None})

    def loan_code(frame: pd.DataFrame) -> pd.Series:
        return ("L" + pd.Series(villages[frame["g"].to_numpy(int)], dtype=object) + "-"
                + frame["month"].astype(int).astype(str).str.zfill(3) + "-1")

    def or_empty(values: pd.Series) -> pd.Array:
        """Empty, as a person would leave the cell, where nothing was paid or written off."""
        return pd.array(np.where(values > 0, values, np.nan), dtype="Float64")

    lent = _frames(loans, ("g", "month", "amount", "lent", "due", "borrower"))
    loan = pd.DataFrame({
        "code": loan_code(lent), "network_code": None, "group_code": codes[lent["g"].to_numpy(int)],
        "household_code": ("HH-" + pd.Series(villages[lent["g"].to_numpy(int)], dtype=object) + "-"
                           + lent["borrower"].astype(int).astype(str).str.zfill(2)),
        "amount_baht": lent["amount"], "lent": lent["lent"], "due": lent["due"],
        "interest_pct": LOAN_INTEREST_MONTHLY * 12 * 100})
    back = _frames(repayments, ("g", "month", "date", "principal", "interest", "written_off"))
    repayment = pd.DataFrame({
        "id": ids.block("loan_repayment", len(back)), "loan_code": loan_code(back),
        "date": back["date"], "principal_baht": back["principal"],
        "interest_baht": or_empty(back["interest"]), "written_off_baht": or_empty(back["written_off"])})
    return ({"contribution": contribution, "fund_entry": fund, "loan": loan,
             "loan_repayment": repayment}, capital_at_plan_start)


def _network_rows(sub: pd.Series, groups: pd.DataFrame, rng: np.random.Generator, ids: _Ids,
                  as_of: dt.date, fund_rows: Rows
                  ) -> tuple[dict[str, list[pd.DataFrame]], pd.Series, dict[str, float]]:
    """A pilot subdistrict's network, its 5 K, partners' support and trainings, as in the Saraphi
    sample; its committee, fund and loans go into `fund_rows` (the Saraphi sample's own story,
    gathered for a whole province and renumbered once: `_renumbered`). Returns the rows, each
    attending group's first DTAC/TCDC training and what the network passed on to each group."""
    net = f"N{sub.code}"
    out: dict[str, list[pd.DataFrame]] = {}
    out["network"] = [pd.DataFrame([(net, sub.code, *network_names(sub.name_th, sub.name_en),
                                     NETWORK_FOUNDED)])]
    # Most networks have all 5 K; some still miss their activities, a few their fund as well
    # (and so have no fund of their own yet).
    ks = len(FIVE_K) - int(np.searchsorted(NETWORK_KS_MISSING, np_rng("network-ks", sub.code).random()))
    out["milestone"] = [pd.DataFrame({
        "owner_kind": "network", "owner_code": net, "k": FIVE_K[:ks],
        "reached": (np.datetime64(NETWORK_FOUNDED, "D") + np.array(NETWORK_K_DAYS))[:ks]})]
    fund_k = FIVE_K.index("fund")
    passed = network_fund(fund_rows, net,
                          NETWORK_FOUNDED + dt.timedelta(days=NETWORK_K_DAYS[fund_k]) if ks > fund_k else None,
                          list(zip(groups.code, groups.village_code, pd.to_datetime(groups.formed).dt.date)),
                          as_of)
    support = [(dt.date(2017, 3, 18), "TTT", "in_kind", "training", 15000.0, 1.0)]
    support += [(cdd_training_day(fy), "CDD", "cash", "training", float(rng.choice(CDD_TRAINING_BAHT)),
                 None) for fy in CDD_TRAINING_YEARS]
    trainings, attended = [], []
    formed = groups.formed.to_numpy().astype("datetime64[D]")
    for day, partner, topic, days, value in TRAINING_SESSIONS:
        if day > as_of:
            continue
        attending = (formed <= np.datetime64(day, "D")) & (rng.random(len(groups)) < ATTENDANCE_CHANCE)
        tid = int(ids.block("training", 1)[0])
        trainings.append((tid, day, partner, topic, sub.code,
                          int(rng.integers(2, 5, int(attending.sum())).sum()), days))
        attended.append(pd.DataFrame({"training_id": tid, "group_code": groups.code[attending],
                                      "day": day, "partner": partner}))
        if partner in IN_KIND_PURPOSE:
            support.append((day, partner, "in_kind", IN_KIND_PURPOSE[partner], float(value), days))
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
    first = (pd.to_datetime(attended[attended.partner.isin(list(IN_KIND_PURPOSE))].groupby("group_code").day.min())
             if len(attended) else pd.Series(dtype="datetime64[s]"))
    return out, first, passed


# Tables whose first column is a running id, and the columns that refer to another table's id.
_IDS = {"contribution": {}, "fund_entry": {6: "contribution"}, "loan_repayment": {}}


def _renumbered(rows: Rows, ids: _Ids) -> dict[str, pd.DataFrame]:
    """A Rows' tables as frames, its running ids (1, 2, ...) replaced by blocks of `ids`, and the
    references to them with them."""
    blocks = {table: ids.block(table, len(rows.tables.get(table, []))) for table in _IDS}
    frames = {}
    for table, values in rows.tables.items():
        frame = pd.DataFrame(values)
        # Dates as datetime64, like the frames they join: a column of date objects would turn a
        # province's whole column into objects when concatenated.
        for column in frame.columns:
            if isinstance(frame[column].iloc[0], dt.date):
                frame[column] = pd.to_datetime(frame[column])
        if table in _IDS:
            frame[0] = blocks[table][frame[0].to_numpy() - 1]
            for column, target in _IDS[table].items():
                known = frame[column].notna()
                frame[column] = frame[column].astype("Int64")
                frame.loc[known, column] = blocks[target][frame.loc[known, column].astype(int) - 1]
        frames[table] = frame
    return frames




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
        "name_th": [f"งานแสดงและจำหน่ายสินค้าสัมมาชีพชุมชน อำเภอ{district.name_th} {d.year + BUDDHIST_ERA_OFFSET}"
                    if d.month == 3 else f"ตลาดนัดสัมมาชีพ อำเภอ{district.name_th} {d.year + BUDDHIST_ERA_OFFSET}"
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
        "amount_baht": np.where(cash, EVENT_SUPPORT_BAHT["cash"], EVENT_SUPPORT_BAHT["in_kind"]),
        "days": [None if c else 1.0 for c in cash]})
    pairs = ev[["code", "date"]].rename(columns={"code": "event_code"}).merge(
        groups[["code", "formed", "occupation"]].rename(columns={"code": "group_code"}), how="cross")
    pairs = pairs[(pairs.formed <= pairs.date) & (rng.random(len(pairs)) < SELL_CHANCE)]
    trained_on = pairs.group_code.map(first_training)
    trained = trained_on.notna() & (trained_on <= pairs.date)
    years_in = (pairs.date - pairs.formed).dt.days / 365
    pairs = pairs.assign(boost=(1 + SALES_GROWTH_A_YEAR * years_in) * np.where(trained, TRAINED_BOOST, 1.0))
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
    rng = np_rng("synthetic-province", code, len(villages))
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
        "name_th": "หมู่ที่ " + moo + " ต." + villages.sub_name_th,
        "name_en": "Moo " + moo + ", " + villages.sub_name_en,
        "lat": villages.lat, "lon": villages.lon, "position_approximate": True, "is_target": True,
        "is_pilot": villages.is_pilot, "target_fiscal_year": villages.start_fy}))

    # Sages: the 1+4 in every village past the target stage.
    occ = pd.DataFrame([(o[1], o[2]) for o in OCCUPATIONS], columns=["th", "en"])
    # domain.fiscal_year_start over an array: 1 October of the Common-era year before.
    start = ((villages.start_fy.to_numpy() - BUDDHIST_ERA_OFFSET - 1 - 1970) * 12
             + FISCAL_YEAR_START_MONTH - 1).astype("datetime64[M]").astype("datetime64[D]")
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
        "name_th": "กลุ่ม" + occ.th.to_numpy()[gv.occupation.to_numpy()] + " หมู่ที่ " + gmoo,
        "name_en": occ.en.to_numpy()[gv.occupation.to_numpy()] + " group, Moo " + gmoo,
        "formed": formed}))
    add("household", pd.DataFrame({
        "code": "HH-" + gv.code.to_numpy()[members] + "-" + pd.Series(number).astype(str).str.zfill(2).to_numpy(),
        "village_code": gv.code.to_numpy()[members], "joined": member_joined,
        "group_code": gv.group_code.to_numpy()[members]}))

    # Income surveys: a baseline, and the latest two yearly rounds (sample.income).
    household_codes = out["household"][-1]["code"].to_numpy()
    surveys = income.surveys(pd.DataFrame({
        "code": household_codes, "village_code": gv.code.to_numpy()[members], "joined": member_joined,
        "occupation": gv.occupation.to_numpy()[members], "is_pilot": gv.is_pilot.to_numpy()[members]}),
        as_of, np_rng("income survey", code, len(villages)), every_round=False)
    add("income_survey", surveys)

    # Formed groups: their 5 K, products, and the revolving fund.
    fg = gv[~np.isnat(formed)].reset_index(drop=True)
    fg = fg.rename(columns={"code": "village_code", "group_code": "code"})
    ks = fg.ks.to_numpy()
    offsets = np.sort(rng.integers(0, 700, (len(fg), len(FIVE_K))), axis=1)
    gi, ki = np.nonzero(np.arange(len(FIVE_K)) < ks[:, None])
    add("milestone", pd.DataFrame({
        "owner_kind": "group", "owner_code": fg.code.to_numpy()[gi], "k": np.array(FIVE_K)[ki],
        "reached": np.minimum(fg.formed.to_numpy().astype("datetime64[D]")[gi] + offsets[gi, ki], end)}))
    products = fg[["code", "occupation"]].merge(_product_table(), on="occupation")
    add("product", pd.DataFrame({
        "code": products.code + "-" + products.suffix, "group_code": products.code,
        "name_th": products.name_th, "name_en": products.name_en,
        "unit_th": products.unit_th, "unit_en": products.unit_en}))
    if len(fg):
        funds, capital_at_plan_start = _simulate_funds(fg, rng, ids, as_of)
        fg["capital_at_plan_start"] = capital_at_plan_start
        for table, frame in funds.items():
            add(table, frame)
        add("scheme_member", pd.DataFrame({
            "scheme_code": MATCHING_SCHEME[0], "network_code": None,
            "group_code": fg.code[fg.is_pilot], "since": fg.formed[fg.is_pilot]}))
    else:
        fg["capital_at_plan_start"] = []

    # Per district: the pilot subdistrict's network, trainings and plan, then events and sales.
    fund_rows = Rows()
    for dist_code in district_codes:
        pilot_sub = subs[(subs.district_code == dist_code) & subs.is_pilot].iloc[0]
        pilot_groups = fg[fg.subdistrict_code == pilot_sub.subdistrict_code].reset_index(drop=True)
        network, first_training, passed = _network_rows(
            pilot_sub.rename({"subdistrict_code": "code"}), pilot_groups, rng, ids, as_of, fund_rows)
        pilot_groups["capital_at_plan_start"] += pilot_groups.code.map(passed).fillna(0.0)
        for table, frames in network.items():
            out.setdefault(table, []).extend(frames)
        add("plan_target", pd.DataFrame(plan_target_rows(
            pilot_sub.subdistrict_code, int(pilot_sub.villages),
            float(pilot_groups.capital_at_plan_start.sum()),
            [(g.village_code, g.capital_at_plan_start) for g in pilot_groups.itertuples()])))
        in_sub = surveys["household_code"].isin(
            household_codes[gv.subdistrict_code.to_numpy()[members] == pilot_sub.subdistrict_code])
        add("plan_target", pd.DataFrame(income.plan_targets(
            pilot_sub.subdistrict_code, surveys[in_sub], PLAN_START, PLAN_DUE)))
        district_groups = fg[fg.district_code == dist_code]
        if len(district_groups):
            rows = _events_and_sales_rows(districts[dist_code], villages[villages.district_code == dist_code],
                                          district_groups, first_training,
                                          f"N{pilot_sub.subdistrict_code}", rng, ids, as_of)
            for table, frames in rows.items():
                out.setdefault(table, []).extend(frames)
    for table, frame in _renumbered(fund_rows, ids).items():
        add(table, frame)
    return out


def generate_synthetic(con, villages: pd.DataFrame, as_of: dt.date = AS_OF) -> None:
    """Writes a synthetic network into an open, empty database, province by province."""
    con.execute("SET enable_progress_bar = false")      # a bar per insert is noise in the CLI
    for table, rows in (("partner", PARTNERS), ("occupation", [o[:3] for o in OCCUPATIONS]),
                        ("matching_scheme", [MATCHING_SCHEME]),
                        ("scheme_partner", [(MATCHING_SCHEME[0], p) for p in MATCHING_PARTNERS])):
        _insert(con, table, pd.DataFrame(rows))
    ids = _Ids()
    for _, province in villages.groupby("province_code", sort=False):
        out = _province_rows(province.reset_index(drop=True), ids, as_of)
        for table in db.TABLES:
            frames = [f for f in out.get(table, []) if len(f)]
            if frames:
                _insert(con, table, pd.concat([f.set_axis(range(f.shape[1]), axis=1) for f in frames],
                                              ignore_index=True))

    # The partners' pledges and meetings, the same rows for every network (a cross join).
    networks = [code for (code,) in con.execute("SELECT code FROM network ORDER BY code").fetchall()]
    for table, frame in coordination_frames(networks).items():
        _insert(con, table, frame)
