"""Checking everything before anything is written: each cell against its column (kind, digits,
limits, no future for what has happened), then what a single cell cannot tell (duplicates,
codes that exist, rows that must agree). Every problem is found at once and located by sheet,
row, column and value, in Thai and English."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from samma.i18n import t_plain
from samma.workbook.columns import arrow_type, as_column, blank, cell_at, read_column
from samma.workbook.rules import cross_checks
from samma.workbook.sheets import SHEET, SHEETS, Column, Sheet
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

    def rows(self) -> list[tuple[int, tuple]]:
        """Each row's number and its values in the table's column order (what is written)."""
        if not self.numbers:
            return []
        return list(zip(self.numbers, zip(*(self.columns[c.key].to_pylist() for c in self.sheet.columns))))

    def table(self) -> pa.Table:
        """The rows as they are written: the table's columns in its order, typed."""
        return pa.table([self.columns[c.key] for c in self.sheet.columns] if self.numbers else
                        [pa.array([], arrow_type(c)) for c in self.sheet.columns],
                        names=[c.key for c in self.sheet.columns])

    def staged(self) -> pa.Table:
        """The rows as the rules across cells read them (samma/workbook/rules.py): the
        spreadsheet's row number, the values (a cell already reported as NULL), and the keys of
        the row's reported cells (`failed`)."""
        table = self.table()
        failed: dict[int, list[str]] = {}
        for key, positions in self.failed.items():
            at = table.schema.get_field_index(key)
            table = table.set_column(at, key, pc.if_else(_marks(positions, table.num_rows),
                                                         pa.scalar(None, table.field(key).type), table[key]))
            for i in positions:
                failed.setdefault(i, []).append(key)
        keys = pa.list_(pa.string())
        reported = pa.array([failed.get(i) for i in range(table.num_rows)], keys) if failed else \
            pa.nulls(table.num_rows, keys)
        return table.append_column("row", pa.array(self.numbers, pa.int64())).append_column("failed", reported)


def _marks(positions: set[int], length: int) -> pa.BooleanArray:
    marked = [False] * length
    for i in positions:
        marked[i] = True
    return pa.array(marked, pa.bool_())


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


def _across_cells(parsed: dict[str, Parsed], problems: list[Problem]) -> None:
    """What a single cell cannot tell: duplicates, codes that exist, rows that must agree."""
    def report(sheet: Sheet, row: int, column: str, value: object, key: str, **params):
        problems.append(Problem(key, sheet.name, row, sheet.column(column).header if column else "",
                                as_said(value), params))

    cross_checks({name: (p.sheet, p.staged(), p.broken) for name, p in parsed.items()}, report)
    rows = len(parsed["dataset"].numbers)
    if rows != 1 and not parsed["dataset"].broken:
        problems.append(Problem("err_one_dataset_row", "dataset", params={"n": rows}))


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
    _across_cells(parsed, problems)
    if problems:
        raise LoadRejected(sorted(problems, key=_reading_order))
    return parsed
