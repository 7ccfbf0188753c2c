"""Several networks' workbooks in one database: each file is checked on its own first (every
rule of `checks` holds inside it), then together. A row that names the province, district,
partner or occupation several networks share may be in every file, if it is the same in each; a
difference is a conflict, located in both files. Any other code (a village, a group, a
household) belongs to one network: in two files it is a mistake, located in both.

Each file numbers its own records (contributions, trainings, ledger entries ...) from 1: where a
file's numbers are already taken by the files before it, they are moved past them, and the
references to them with them, and the load says so."""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa

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


def combine(sources: list[tuple[str, dict[str, Parsed]]]) \
        -> tuple[dict[str, list[tuple] | pa.Table], list[tuple[str, str]]]:
    """The rows of every table, for one database, from several files' checked sheets (in
    order): shared rows once, numbers moved where they clash; and notes, (Thai, English), of
    what was moved. LoadRejected locates every conflict and every duplicate code in both files.
    One file's sheets are its tables as they are, in Arrow."""
    if len(sources) == 1:
        tables = {name: p.table() for name, p in sources[0][1].items()}
        tables["dataset"] = [values for _, values in sources[0][1]["dataset"].rows()]
        return tables, []
    tables: dict[str, list[tuple]] = {s.name: [] for s in SHEETS}
    seen: dict[str, dict[tuple, tuple[str, int, tuple]]] = {s.name: {} for s in SHEETS}
    problems: list[Problem] = []
    notes: list[tuple[str, str]] = []
    for file, checked in sources:
        def shift(name: str, ids: set) -> int | None:
            taken = {key[0] for key in seen[name]}
            return max(taken) if taken & ids else None
        rows = renumbered(file, located_rows(checked), shift, notes)
        for sheet in SHEETS:
            if sheet.name == "dataset":
                tables["dataset"] += [values for _, values in rows["dataset"]]
                continue
            positions = [i for i, c in enumerate(sheet.columns) if c.key in sheet.key]
            for row, values in rows.get(sheet.name, []):
                if not positions:
                    tables[sheet.name].append(values)
                    continue
                key = tuple(values[i] for i in positions)
                first = seen[sheet.name].get(key)
                if first is None:
                    seen[sheet.name][key] = (file, row, values)
                    tables[sheet.name].append(values)
                elif sheet.name not in SHARED:
                    problems += _in_both(sheet, sheet.columns[positions[-1]].header, (file, row, values),
                                         first, "err_duplicate_in_file", " · ".join(map(str, key)))
                elif first[2] != values:
                    for column, mine, theirs in zip(sheet.columns, values, first[2]):
                        if mine != theirs:
                            problems += _in_both(sheet, column.header, (file, row, mine),
                                                 (first[0], first[1], theirs), "err_conflict")
    if problems:
        raise LoadRejected(problems)
    tables["dataset"] = [_one_dataset(tables["dataset"])]
    return tables, notes


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


def renumbered(file: str, located: Located, shift_for: Callable[[str, set], int | None],
               notes: list) -> Located:
    """The file's numbered rows moved past the numbers taken before it, in each sheet where
    `shift_for(sheet, its numbers)` says by how much (None: none of them is taken), and every
    reference to them moved with them."""
    shifts = {}
    for name in NUMBERED:
        ids = {values[0] for _, values in located.get(name, [])}
        if ids and (shift := shift_for(name, ids)) is not None:
            shifts[name] = shift
    if not shifts:
        return located
    moved = dict(located)
    for sheet in SHEETS:
        for i, column in enumerate(sheet.columns):
            own = i == 0 and sheet.name in NUMBERED
            shift = shifts.get(sheet.name if own else column.ref) if own or column.kind == "int" else None
            if shift is None:
                continue
            moved[sheet.name] = [(row, (*values[:i], None if values[i] is None else values[i] + shift,
                                        *values[i + 1:])) for row, values in moved.get(sheet.name, [])]
    sheets = ", ".join(f"{name} (+{shift:,})" for name, shift in shifts.items())
    notes.append(tuple(t_plain("load_renumbered", lang, file=file, sheets=sheets) for lang in ("th", "en")))
    return moved

