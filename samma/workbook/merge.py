"""Several networks' workbooks in one database: each file is checked on its own first (every
rule of `checks` holds inside it), then together. A row that names the province, district,
partner or occupation several networks share may be in every file, if it is the same in each; a
difference is a conflict, located in both files. Any other code (a village, a group, a
household) belongs to one network: in two files it is a mistake, located in both.

Each file numbers its own records (contributions, trainings, ledger entries ...) from 1: where a
file's numbers are already taken by the files before it, they are moved past them, and the
references to them with them, and the load says so.

The files are staged one after another in a DuckDB work file beside the database (a country's
workbooks do not fit in memory at once), then combined in SQL as the new database is built."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from samma.i18n import t_plain
from samma.workbook.checks import LoadRejected, Parsed, Problem, as_said
from samma.workbook.sheets import SHEETS

# Rows every network's workbook may hold, the same in each.
SHARED = ("province", "district", "partner", "occupation", "market_event", "matching_scheme",
          "scheme_partner")
# Sheets whose key is "a number, unique in this sheet": the first column, a whole number.
NUMBERED = tuple(s.name for s in SHEETS if s.key == ("id",))

# Each sheet's rows with their spreadsheet row numbers, in the schema's column order.
Located = dict[str, list[tuple[int, tuple]]]


def located_rows(checked: dict[str, Parsed]) -> Located:
    return {name: p.rows() for name, p in checked.items()}


class Staged:
    """Several files' checked sheets, added one file at a time to a DuckDB work file (`con`):
    each sheet a table of its rows with the file's place in the order (`file`) and the row's
    number (`row`); each file's numbers moved past those taken before it as it is added.
    Table names come from SHEETS, never from input."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.files: list[str] = []
        self.datasets: list[tuple] = []
        self.notes: list[tuple[str, str]] = []

    def add(self, file: str, checked: dict[str, Parsed]) -> None:
        tables = renumbered(file, {name: p.table() for name, p in checked.items()}, self._shift, self.notes)
        self.datasets += [values for _, values in checked["dataset"].rows()]
        for sheet in SHEETS[1:]:
            frame = tables[sheet.name]
            frame = frame.append_column("file", pa.array([len(self.files)] * frame.num_rows, pa.int32()))
            frame = frame.append_column("row", pa.array(checked[sheet.name].numbers, pa.int64()))  # noqa: F841
            self.con.execute(f"INSERT INTO {sheet.name} SELECT * FROM frame" if self.files else
                             f"CREATE TABLE {sheet.name} AS SELECT * FROM frame")
        self.files.append(file)

    def _shift(self, name: str, ids: pa.Array) -> int | None:
        if not self.files:
            return None
        new_ids = pa.table({"id": ids})  # noqa: F841
        clash, top = self.con.execute(f"SELECT count(*) FILTER (WHERE id IN (SELECT id FROM new_ids)), "
                                      f"max(id) FROM {name}").fetchone()
        return top if clash else None

    def combine_into(self, con: duckdb.DuckDBPyConnection, path: Path) -> tuple:
        """Writes the staged files' rows (from the work file at `path`) into the database being
        built (`con`): shared rows once, in file order. Returns the one dataset row.
        LoadRejected locates every conflict and every code claimed twice in both files."""
        con.execute("ATTACH ? AS staged (READ_ONLY)", [str(path)])
        problems: list[tuple[tuple, list[Problem]]] = []
        for place, sheet in enumerate(SHEETS[1:]):
            columns = ", ".join(c.key for c in sheet.columns)
            pairs = self._pairs(con, sheet) if sheet.key else []
            for later, first in pairs:
                problems.append(((later[0], place, later[1]), self._said_in_both(sheet, later, first)))
            if sheet.name in SHARED or pairs:
                key = ", ".join(sheet.key)
                con.execute(f"INSERT INTO main.{sheet.name} SELECT {columns} FROM staged.{sheet.name} "
                            f"QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY file, row) = 1 "
                            f"ORDER BY file, row")
                continue
            con.execute(f"INSERT INTO main.{sheet.name} SELECT {columns} FROM staged.{sheet.name}")
        con.execute("DETACH staged")
        if any(said for _, said in problems):
            raise LoadRejected([p for _, said in sorted(problems, key=lambda found: found[0]) for p in said])
        return _one_dataset(self.datasets)

    @staticmethod
    def _pairs(con: duckdb.DuckDBPyConnection, sheet) -> list[tuple[tuple, tuple]]:
        """Each row whose key an earlier row (of an earlier file) has, beside that first row:
        (file, row, its values) each. A shared row is given again by every file (77 copies of
        16,000 market events nationally): only where it differs from the first."""
        key = ", ".join(sheet.key)
        columns = ", ".join(c.key for c in sheet.columns)
        later, first = (", ".join(f"{side}.{c}" for c in ("file", "row", *(c.key for c in sheet.columns)))
                        for side in ("later", "first"))
        same = " AND ".join(f"later.{k} = first.{k}" for k in sheet.key)
        if sheet.name in SHARED:
            same += " AND (" + " OR ".join(f"later.{c.key} IS DISTINCT FROM first.{c.key}"
                                           for c in sheet.columns) + ")"
        found = con.execute(
            f"WITH twice AS (SELECT {key} FROM staged.{sheet.name} GROUP BY ALL HAVING count(*) > 1), "
            f"ranked AS (SELECT file, row, {columns}, row_number() OVER (PARTITION BY {key} ORDER BY file, row) "
            f"AS n FROM staged.{sheet.name} SEMI JOIN twice USING ({key})) "
            f"SELECT {later}, {first} FROM ranked later JOIN ranked first ON {same} "
            f"WHERE first.n = 1 AND later.n > 1 ORDER BY later.file, later.row").fetchall()
        width = 2 + len(sheet.columns)
        return [(pair[:width], pair[width:]) for pair in found]

    def _said_in_both(self, sheet, later: tuple, first: tuple) -> list[Problem]:
        """A shared row that differs, said for each column that differs; any other row whose code
        an earlier file holds, said once. Each in both files."""
        (file, row, *mine), (first_file, first_row, *theirs) = later, first
        mine_at, theirs_at = (self.files[file], row), (self.files[first_file], first_row)
        if sheet.name not in SHARED:
            key = tuple(mine[i] for i, c in enumerate(sheet.columns) if c.key in sheet.key)
            return _in_both(sheet, sheet.column(sheet.key[-1]).header, (*mine_at, None), (*theirs_at, None),
                            "err_duplicate_in_file", " · ".join(map(str, key)))
        return [problem for column, value, other in zip(sheet.columns, mine, theirs) if value != other
                for problem in _in_both(sheet, column.header, (*mine_at, value), (*theirs_at, other),
                                        "err_conflict")]


def _in_both(sheet, column: str, mine: tuple, theirs: tuple, key: str, value: str = "") -> list[Problem]:
    """The same problem said in each of the two files, each naming the other."""
    said = []
    for (file, row, found), (other, other_row, other_found) in ((theirs, mine), (mine, theirs)):
        said.append(Problem(key, sheet.name, row, column, value or as_said(found),
                            {"other": other, "other_row": other_row,
                             "other_value": value or as_said(other_found)}, file=file))
    return said


def _one_dataset(rows: list[tuple]) -> tuple:
    """One dataset row for several files: the first file's name, the latest date the figures are
    as of, positions approximate if any file's are."""
    name_th, name_en, _, _ = rows[0]
    return (name_th, name_en, max(r[2] for r in rows), any(r[3] for r in rows))


def renumbered(file: str, tables: dict[str, pa.Table], shift_for: Callable[[str, pa.Array], int | None],
               notes: list) -> dict[str, pa.Table]:
    """The file's numbered rows moved past the numbers taken before it, in each sheet where
    `shift_for(sheet, its numbers)` says by how much (None: none of them is taken), and every
    reference to them moved with them."""
    shifts = {}
    for name in NUMBERED:
        ids = tables[name].column(0)
        if len(ids) and (shift := shift_for(name, ids)) is not None:
            shifts[name] = shift
    if not shifts:
        return tables
    moved = dict(tables)
    for sheet in SHEETS:
        for i, column in enumerate(sheet.columns):
            own = i == 0 and sheet.name in NUMBERED
            shift = shifts.get(sheet.name if own else column.ref) if own or column.kind == "int" else None
            if shift is not None:
                moved[sheet.name] = moved[sheet.name].set_column(
                    i, column.key, pc.add(moved[sheet.name][column.key], shift))
    sheets = ", ".join(f"{name} (+{shift:,})" for name, shift in shifts.items())
    notes.append(tuple(t_plain("load_renumbered", lang, file=file, sheets=sheets) for lang in ("th", "en")))
    return moved
