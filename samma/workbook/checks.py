"""Checking everything before anything is written: each cell against its column (kind, digits,
limits, no future for what has happened), then what a single cell cannot tell (duplicates,
codes that exist, rows that must agree). Every problem is found at once and located by sheet,
row, column and value, in Thai and English."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from samma import domain
from samma.funds import EXACT_BAHT
from samma.i18n import date, t_plain
from samma.workbook.columns import arrow_type, as_column, blank, cell_at, read_column
from samma.workbook.sheets import SHEET, SHEETS, Column, Sheet, choice_label
from samma.workbook.typed import clean_text


@dataclass(frozen=True)
class Problem:
    """One thing wrong, located as precisely as it can be: sheet, row (as the spreadsheet
    numbers it, the header being row 1), column header, and the value found."""
    key: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""
    params: dict = field(default_factory=dict)
    file: str = ""          # which of several workbooks loaded together (empty for one alone)

    def text(self, lang: str) -> str:
        if self.column:
            where = t_plain("err_at_cell", lang, sheet=self.sheet, row=self.row, column=self.column)
        elif self.row:
            where = t_plain("err_at_row", lang, sheet=self.sheet, row=self.row)
        elif self.sheet:
            where = t_plain("err_at_sheet", lang, sheet=self.sheet)
        else:
            where = ""
        if self.file:
            where = ", ".join(filter(None, (t_plain("err_in_file", lang, file=self.file), where)))
        where = where or t_plain("err_at_file", lang)
        # A value that reads differently in each language (a date) is given for both.
        what = t_plain(self.key, lang, **{k: v[lang] if isinstance(v, dict) else v
                                          for k, v in self.params.items()})
        if self.value:
            return f"{where}: {t_plain('err_value', lang, value=self.value)}: {what}"
        return f"{where}: {what}"


def as_said(value: object) -> str:
    """A value as a problem quotes it: an empty cell as nothing."""
    return "" if value is None else str(value)


class LoadRejected(Exception):
    """The file was not loaded; `problems` lists every reason at once."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


# Every sheet as read, by sheet name: its rows, header first, as Python code makes them (a test,
# the editor); or its columns left to right, each from the sheet's first row down, as the
# readers make them (samma/workbook/loading.py): Arrow text columns, read a column at a time.
Raw = dict[str, list[list[object]] | list[pa.Array]]


def _columns(sheet_cells: list) -> list:
    """A sheet as columns, each from its first row down (rows of Python values transposed)."""
    if sheet_cells and isinstance(sheet_cells[0], pa.Array):
        return sheet_cells
    return [as_column(list(cells)) for cells in itertools.zip_longest(*sheet_cells)]


def header_cells(sheet_cells: list) -> list:
    """A sheet's first row, as typed."""
    if sheet_cells and isinstance(sheet_cells[0], pa.Array):
        return [column[0].as_py() if len(column) else None for column in sheet_cells]
    return list(sheet_cells[0]) if sheet_cells else []


def _header_key(cell: object, sheet: Sheet) -> str | None:
    text = clean_text(cell)
    if text is None:
        return None
    for column in sheet.columns:
        if text.lower() in (column.header.lower(), column.key, column.th.lower()):
            return column.key
    tail = text.rsplit("/", 1)[-1].strip().lower()
    return tail if any(c.key == tail for c in sheet.columns) else None


@dataclass
class Parsed:
    """One sheet's values, a column at a time (Arrow, typed, null where empty), with the
    spreadsheet's number of each row and, by column, the rows whose cell was already reported."""
    sheet: Sheet
    numbers: list[int] = field(default_factory=list)
    columns: dict[str, pa.Array] = field(default_factory=dict)
    failed: dict[str, set[int]] = field(default_factory=dict)
    broken: bool = False    # missing, or missing columns: its codes are unknown, not absent

    def values(self, key: str) -> list:
        """A column's values as Python's, _FAILED where its cell was already reported."""
        values = self.columns[key].to_pylist()
        for i in self.failed.get(key, ()):
            values[i] = _FAILED
        return values

    def rows_of(self, *keys: str) -> Iterator[tuple]:
        """(row number, the row's value in each of `keys`), row by row."""
        return zip(self.numbers, *(self.values(k) for k in keys)) if self.numbers else iter(())

    def keys(self, column: str) -> set:
        return set(self.values(column)) - {None, _FAILED} if column in self.columns else set()

    def rows(self) -> list[tuple[int, tuple]]:
        """Each row's number and its values in the table's column order (what is written)."""
        if not self.numbers:
            return []
        return list(zip(self.numbers, zip(*(self.values(c.key) for c in self.sheet.columns))))

    def table(self) -> pa.Table:
        """The rows as they are written: the table's columns in its order, typed."""
        return pa.table([self.columns[c.key] for c in self.sheet.columns] if self.numbers else
                        [pa.array([], arrow_type(c)) for c in self.sheet.columns],
                        names=[c.key for c in self.sheet.columns])


def _parse_sheet(sheet: Sheet, sheet_cells: list, problems: list[Problem], today: dt.date) -> Parsed:
    parsed = Parsed(sheet)
    positions: dict[str, int] = {}
    for i, cell in enumerate(header_cells(sheet_cells)):
        key = _header_key(cell, sheet)
        if key and key not in positions:
            positions[key] = i
    missing = [c for c in sheet.columns if c.key not in positions and c.required]
    for column in missing:
        problems.append(Problem("err_missing_column", sheet.name, 1, params={"header": column.header}))
    if missing:
        parsed.broken = True
        return parsed
    # The rows under the header, each column's i-th cell on the spreadsheet's row i + 2.
    grid = [cells[1:] for cells in _columns(sheet_cells)]
    height = max((len(cells) for cells in grid), default=0)
    empty = [blank(cells) for cells in grid]
    # A row with nothing in it is skipped, as people leave gaps.
    kept = pc.indices_nonzero(pc.invert(functools.reduce(pc.and_, empty))).to_pylist() if height else []
    if not kept:
        return parsed
    every_row = len(kept) == height
    parsed.numbers = [i + 2 for i in kept]
    # A row's position among the kept rows, where rows were skipped.
    kept_at = {} if every_row else {row: i for i, row in enumerate(kept)}
    for column in sheet.columns:
        position = positions.get(column.key)
        if position is None:
            parsed.columns[column.key] = pa.nulls(len(kept), arrow_type(column))
            continue
        cells = read_column(column, grid[position], empty[position], today)
        failed = set(cells.bad)
        for i, (key, params) in cells.bad.items():
            problems.append(Problem(key, params=params, **_at(sheet, i + 2, column, cell_at(grid[position], i))))
        if column.required:
            for i in pc.indices_nonzero(empty[position]).to_pylist():
                if every_row or i in kept_at:
                    problems.append(Problem("err_required", **_at(sheet, i + 2, column, cell_at(grid[position], i))))
                    failed.add(i)
        if every_row:
            parsed.columns[column.key] = cells.values
        else:
            parsed.columns[column.key] = pc.take(cells.values, pa.array(kept))
            failed = {kept_at[i] for i in failed}
        if failed:
            parsed.failed[column.key] = failed
    return parsed


def _at(sheet: Sheet, row: int, column: Column, cell: object) -> dict:
    """Where a cell's problem is, and the value found there."""
    return dict(sheet=sheet.name, row=row, column=column.header, value=clean_text(cell) or "")


_FAILED = object()    # a cell already reported: later checks skip it rather than report it twice


def _ok(*values: object) -> bool:
    return all(v is not None and v is not _FAILED for v in values)


def _has_duplicates(p: Parsed) -> bool:
    """Whether two rows of the sheet have the same key (or one of them a cell already reported)."""
    keys = pa.table([p.columns[k] for k in p.sheet.key], names=list(p.sheet.key))
    return keys.group_by(list(p.sheet.key)).aggregate([]).num_rows < keys.num_rows


def _all_known(p: Parsed, key: str, target: Parsed) -> bool:
    """Whether every code in the column is one the sheet it refers to holds (a reported cell on
    either side, or an empty target, leaves it to the rows to say)."""
    codes = target.columns.get(target.sheet.columns[0].key)
    if codes is None or target.sheet.columns[0].key in target.failed:
        return False
    return pc.all(pc.is_in(pc.drop_null(p.columns[key]), value_set=codes), min_count=0).as_py()


def _cross_checks(parsed: dict[str, Parsed], problems: list[Problem]) -> None:
    """What a single cell cannot tell: duplicates, codes that exist, rows that must agree."""
    def report(sheet: Sheet, row: int, column: str, value: object, key: str, **params):
        problems.append(Problem(key, sheet.name, row, sheet.column(column).header if column else "",
                                as_said(value), params))

    for p in parsed.values():
        sheet = p.sheet
        if not p.numbers:
            continue
        # Most sheets have no duplicate and no unknown code: Arrow says so for the whole column,
        # and only then are the rows gone through to say where.
        if sheet.key and _has_duplicates(p):
            first_seen: dict[tuple, int] = {}
            for row, *key in p.rows_of(*sheet.key):
                key = tuple(key)
                if not _ok(*key):
                    continue
                if key in first_seen:
                    report(sheet, row, sheet.key[-1], " · ".join(map(str, key)), "err_duplicate",
                           first=first_seen[key])
                else:
                    first_seen[key] = row
        for column in sheet.columns:
            target = parsed.get(column.ref)
            if target is None or target.broken or _all_known(p, column.key, target):
                continue
            known = target.keys(target.sheet.columns[0].key) | {None, _FAILED}
            for row, value in p.rows_of(column.key):
                if value not in known:
                    report(sheet, row, column.key, value, "err_unknown_code", ref=column.ref)

    def prefix(sheet_name: str, column: str, parent: str):
        for row, code, parent_code in parsed[sheet_name].rows_of("code", column):
            if _ok(code, parent_code) and not code.startswith(parent_code):
                report(parsed[sheet_name].sheet, row, "code", code, "err_prefix", parent=parent_code,
                       parent_column=parsed[sheet_name].sheet.column(column).header)

    prefix("district", "province_code", "province")
    prefix("subdistrict", "district_code", "district")
    village = parsed["village"]
    for row, code, sub, moo in village.rows_of("code", "subdistrict_code", "moo"):
        if _ok(code, sub, moo) and code != f"{sub}{moo:02d}":
            report(village.sheet, row, "code", code, "err_village_code", expected=f"{sub}{moo:02d}")

    broken = {name for name, p in parsed.items() if p.broken}
    owners = {"group": parsed["occupation_group"].keys("code"), "network": parsed["network"].keys("code")}
    milestone = parsed["milestone"]
    for row, kind, code in milestone.rows_of("owner_kind", "owner_code"):
        if _ok(kind, code) and code not in owners[kind] and not {"occupation_group", "network"} & broken:
            report(milestone.sheet, row, "owner_code", code, "err_unknown_code",
                   ref="occupation_group" if kind == "group" else "network")

    contribution = parsed["contribution"]
    for row, source, partner, to_network, to_group in contribution.rows_of(
            "source", "partner_code", "network_code", "group_code"):
        if _ok(source) and partner is not _FAILED and (source == "partner") != (partner is not None):
            report(contribution.sheet, row, "partner_code", partner, "err_partner_source")
        if _FAILED not in (to_network, to_group) and (to_network is None) == (to_group is None):
            report(contribution.sheet, row, "group_code", to_group, "err_one_recipient")

    _fund_checks(parsed, report)
    _coordination_checks(parsed, report)

    areas = parsed["subdistrict"].keys("code") | village.keys("code")
    plan = parsed["plan_target"]
    for row, area, start, due in plan.rows_of("area_code", "plan_start", "due"):
        if _ok(area) and area not in areas and not {"subdistrict", "village"} & broken:
            report(plan.sheet, row, "area_code", area, "err_area_code")
        if _ok(start, due) and due < start:
            report(plan.sheet, row, "due", due, "err_due_before_start")

    rows = len(parsed["dataset"].numbers)
    if rows != 1 and "dataset" not in broken:
        problems.append(Problem("err_one_dataset_row", "dataset", params={"n": rows}))
    _income_checks(parsed, problems)


# --- income surveys: what one row cannot tell -----------------------------------------------

def _income_checks(parsed: dict[str, Parsed], problems: list[Problem]) -> None:
    """A baseline is taken on the day the household joins or at most a year before it, one per
    household; a follow-up after the household joined (so after its baseline too); the
    household's total income is not below what it earns from the occupation alone."""
    surveys, households = parsed["income_survey"], parsed["household"]

    def report(row: int, column: str, value: object, key: str, **params) -> None:
        problems.append(Problem(key, surveys.sheet.name, row, surveys.sheet.column(column).header,
                                as_said(value), params))

    def dated(**days: dt.date) -> dict:
        """The days a message names, in each language's way of writing them."""
        return {name: {lang: date(day, lang) for lang in ("th", "en")} for name, day in days.items()}

    joined = {} if households.broken else {
        code: day for _, code, day in households.rows_of("code", "joined") if _ok(code, day)}
    baselines: dict[str, int] = {}
    for row, code, day, kind, occupation, total in surveys.rows_of(
            "household_code", "surveyed", "kind", "occupation_income_baht", "household_income_baht"):
        if _ok(code, kind) and kind == "baseline":
            if code in baselines:
                report(row, "kind", choice_label("survey_kind", kind), "err_second_baseline",
                       first=baselines[code])
            else:
                baselines[code] = row
        if _ok(occupation, total) and total < occupation:
            report(row, "household_income_baht", f"{total:,.0f}", "err_total_below_occupation")
        if not _ok(code, day, kind) or code not in joined:
            continue
        if kind == "baseline" and day > joined[code]:
            report(row, "surveyed", day, "err_baseline_after_joining", **dated(joined=joined[code]))
        elif kind == "baseline" and (joined[code] - day).days > domain.BASELINE_MAX_DAYS_BEFORE_JOINING:
            report(row, "surveyed", day, "err_baseline_too_early",
                   days=domain.BASELINE_MAX_DAYS_BEFORE_JOINING, **dated(joined=joined[code]))
        elif kind == "follow_up" and day <= joined[code]:
            report(row, "surveyed", day, "err_follow_up_before_joining", **dated(joined=joined[code]))


def _fund_checks(parsed: dict[str, Parsed], report) -> None:
    """The fund ledger's owner and kinds of entry, scheme members, and the loan register: a loan
    due before it was lent, repaid before it was lent or beyond what was lent."""
    def one_owner(name: str) -> None:
        p = parsed[name]
        for row, network, group in p.rows_of("network_code", "group_code"):
            if _FAILED not in (network, group) and (network is None) == (group is None):
                report(p.sheet, row, "group_code", group, "err_one_owner")

    for name in ("fund_entry", "scheme_member", "loan"):
        one_owner(name)

    ledger = parsed["fund_entry"]
    for row, entry, bucket, purpose, to_group, network in ledger.rows_of(
            "entry", "bucket", "purpose", "to_group_code", "network_code"):
        if entry is not _FAILED and purpose is not _FAILED and (entry == "spent") != (purpose is not None):
            report(ledger.sheet, row, "purpose", purpose, "err_spent_purpose")
        if entry == "spent" and _ok(bucket) and bucket != "admin":
            report(ledger.sheet, row, "bucket", bucket, "err_spent_admin")
        if entry is not _FAILED and to_group is not _FAILED and \
                (entry == "passed_on") != (to_group is not None):
            report(ledger.sheet, row, "to_group_code", to_group, "err_passed_on_group")
        if entry == "passed_on" and (network is None or (_ok(bucket) and bucket != "revolving")):
            report(ledger.sheet, row, "network_code", network, "err_passed_on_network")

    members = parsed["scheme_member"]
    first_seen: dict[tuple, int] = {}
    for row, *member in members.rows_of("network_code", "group_code"):
        member = tuple(member)
        if _FAILED in member or member == (None, None):
            continue
        if member in first_seen:
            report(members.sheet, row, "group_code" if member[1] else "network_code",
                   member[1] or member[0], "err_duplicate", first=first_seen[member])
        else:
            first_seen[member] = row

    loans = parsed["loan"]
    lent_on: dict[str, tuple[dt.date, float]] = {}
    for row, code, lent, due, amount in loans.rows_of("code", "lent", "due", "amount_baht"):
        if _ok(lent, due) and due < lent:
            report(loans.sheet, row, "due", due, "err_due_before_lent")
        if _ok(code, lent, amount):
            lent_on[code] = (lent, amount)
    repayments = parsed["loan_repayment"]
    back: dict[str, float] = {}
    for row, code, day, principal, written_off in repayments.rows_of(
            "loan_code", "date", "principal_baht", "written_off_baht"):
        if not _ok(code) or code not in lent_on:
            continue
        lent, amount = lent_on[code]
        if _ok(day) and day < lent:
            report(repayments.sheet, row, "date", day, "err_repaid_before_lent", lent=lent)
        settled = [principal, written_off]
        if _FAILED in settled:
            continue
        back[code] = back.get(code, 0.0) + sum(v or 0.0 for v in settled)
        if back[code] > amount + EXACT_BAHT:
            report(repayments.sheet, row, "principal_baht", principal,
                   "err_repaid_more_than_lent", amount=f"{amount:,.2f}")
            back[code] = -math.inf       # said once per loan


def _coordination_checks(parsed: dict[str, Parsed], report) -> None:
    """A pledge promises something (more than zero) due on or after the day it was promised; an
    action a partner owns names the partner (the committee's names none); a done action says when
    it was done, and only a done one."""
    pledges = parsed["pledge"]
    for row, amount, made, due in pledges.rows_of("amount", "made", "due"):
        if _ok(amount) and amount <= 0:
            report(pledges.sheet, row, "amount", f"{amount:g}", "err_not_positive")
        if _ok(made, due) and due < made:
            report(pledges.sheet, row, "due", due, "err_due_before_made")
    actions = parsed["action"]
    for row, owner, partner, status, done_on in actions.rows_of(
            "owner_kind", "partner_code", "status", "done_on"):
        if _ok(owner) and partner is not _FAILED and (owner == "partner") != (partner is not None):
            report(actions.sheet, row, "partner_code", partner, "err_action_partner")
        if _ok(status) and done_on is not _FAILED and (status == "done") != (done_on is not None):
            report(actions.sheet, row, "done_on", done_on, "err_done_on")


def absent_parts(raw: Raw) -> tuple[list[Sheet], list[tuple[Sheet, Column]]]:
    """The optional sheets and the newer columns a workbook does not have: made with an earlier
    template, it loads without them (their records start empty), and the load says so once."""
    by_name = {name.strip().lower(): rows for name, rows in raw.items()}
    sheets, columns = [], []
    for sheet in SHEETS:
        rows = by_name.get(sheet.name)
        if rows is None:
            if sheet.optional:
                sheets.append(sheet)
            continue
        header = {_header_key(cell, sheet) for cell in header_cells(rows)}
        columns += [(sheet, c) for c in sheet.columns if c.newer and c.key not in header]
    return sheets, columns


def _reading_order(problem: Problem) -> tuple:
    """Sheet by sheet as the workbook has them, then row by row, left to right."""
    sheet = SHEET.get(problem.sheet)
    headers = [c.header for c in sheet.columns] if sheet else []
    return (SHEETS.index(sheet) if sheet else -1, problem.row or 0,
            headers.index(problem.column) if problem.column in headers else -1)


def _by_name(raw: Raw) -> Raw:
    """The sheets by their name as Samma knows it (case and stray spaces aside)."""
    return {name.strip().lower(): rows for name, rows in raw.items()}


def validate(raw: Raw, today: dt.date | None = None) -> dict[str, list[tuple]]:
    """Rows for every table, in the schema's column order; LoadRejected lists every problem."""
    return {name: [values for _, values in p.rows()] for name, p in check(raw, today).items()}


def check(raw: Raw, today: dt.date | None = None) -> dict[str, Parsed]:
    """Every sheet's values, by sheet name, once every cell and every rule is checked;
    LoadRejected lists every problem."""
    today = today or dt.date.today()
    if all(pc.all(blank(cells)).as_py() for sheet_cells in raw.values() for cells in _columns(sheet_cells)):
        raise LoadRejected([Problem("err_empty_file")])
    problems: list[Problem] = []
    by_name = _by_name(raw)
    parsed: dict[str, Parsed] = {}
    for sheet in SHEETS:
        rows = by_name.get(sheet.name)
        if rows is None and sheet.optional:
            parsed[sheet.name] = Parsed(sheet)          # made before this sheet existed: empty
        elif rows is None:
            problems.append(Problem("err_missing_sheet", sheet.name, params={"sheet": sheet.name,
                                                                              "th": sheet.th}))
            parsed[sheet.name] = Parsed(sheet, broken=True)
        else:
            parsed[sheet.name] = _parse_sheet(sheet, rows, problems, today)
    _cross_checks(parsed, problems)
    if problems:
        raise LoadRejected(sorted(problems, key=_reading_order))
    return parsed
