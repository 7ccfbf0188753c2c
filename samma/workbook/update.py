"""Updating one network in a database of many (`import --update`): the workbook's subdistricts,
and everything under them (villages, groups, households, ledger, events ...), are replaced by
what the workbook holds; every other network's rows are copied over as they are, in SQL, from the
live file. The workbook is checked on its own, then against what stays: a shared row (a province,
a partner) the same as the database's, no code another network holds. Written the same safe way
as a load: a new file built beside the live one, swapped in, the old one backed up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd

from samma import db, queries
from samma.workbook.checks import LoadRejected, Problem, validate_located
from samma.workbook.loading import Loaded, Replaced, absence_note, read_source
from samma.workbook.merge import NUMBERED, SHARED, Located, renumbered
from samma.workbook.sheets import SHEETS

# The subdistrict each row lies in, as SQL over the row `t` of a table in schema `live` (a
# village's code starts with its subdistrict's). The shared tables (merge.SHARED) lie in none.
_GROUP = "left((SELECT g.village_code FROM live.occupation_group g WHERE g.code = {}), 6)"
_NETWORK = "(SELECT n.subdistrict_code FROM live.network n WHERE n.code = {})"
_OWNER = f"coalesce({_NETWORK.format('t.network_code')}, {_GROUP.format('t.group_code')})"
_MEETING = ("(SELECT n.subdistrict_code FROM live.meeting m JOIN live.network n ON n.code = m.network_code "
            "WHERE m.code = t.meeting_code)")
AREA = {
    "subdistrict": "t.code",
    "village": "t.subdistrict_code",
    "sage": "left(t.village_code, 6)",
    "network": "t.subdistrict_code",
    "occupation_group": "left(t.village_code, 6)",
    "household": "left(t.village_code, 6)",
    "income_survey": "(SELECT left(h.village_code, 6) FROM live.household h WHERE h.code = t.household_code)",
    "milestone": f"CASE t.owner_kind WHEN 'group' THEN {_GROUP.format('t.owner_code')} "
                 f"ELSE {_NETWORK.format('t.owner_code')} END",
    "contribution": _OWNER,
    "fund_entry": _OWNER,
    "plan_target": "left(t.area_code, 6)",
    "product": _GROUP.format("t.group_code"),
    "sale": _GROUP.format("(SELECT p.group_code FROM live.product p WHERE p.code = t.product_code)"),
    "training": "t.subdistrict_code",
    "training_group": "(SELECT r.subdistrict_code FROM live.training r WHERE r.id = t.training_id)",
    "committee_seat": _NETWORK.format("t.network_code"),
    "scheme_member": _OWNER,
    "loan": _OWNER,
    "loan_repayment": "(SELECT coalesce(" + _NETWORK.format("l.network_code") + ", "
                      + _GROUP.format("l.group_code") + ") FROM live.loan l WHERE l.code = t.loan_code)",
    "pledge": _NETWORK.format("t.network_code"),
    "meeting": _NETWORK.format("t.network_code"),
    "decision": _MEETING,
    "action": _MEETING,
    "problem": _MEETING,
    "network_source": _NETWORK.format("t.network_code"),
}


def _kept(table: str) -> str:
    """The rows of `table` the update keeps: those outside the covered subdistricts, and every
    shared one. (A row that lies in no subdistrict is kept.)"""
    if table not in AREA:
        return f"SELECT * FROM live.{table}"
    return (f"SELECT * FROM live.{table} t WHERE coalesce(({AREA[table]}) NOT IN "
            f"(SELECT code FROM covered), TRUE)")


def _attach(con: duckdb.DuckDBPyConnection, live: Path, covered: list[str]) -> None:
    con.execute("ATTACH ? AS live (READ_ONLY)", [str(live)])
    con.execute("CREATE TEMP TABLE covered AS SELECT unnest(?::VARCHAR[]) AS code", [covered])


def update(source: Path, db_path: Path, today: dt.date | None = None) -> Loaded:
    """Replaces, in the live database at `db_path`, the areas the workbook at `source` covers
    (its subdistricts and everything under them) with what it holds; every other network's rows
    stay as they are. LoadRejected changes nothing."""
    if not db_path.exists():
        raise LoadRejected([Problem("err_update_no_database", params={"path": str(db_path)})])
    try:
        version = db.file_version(db_path)
    except db.DatabaseUnavailable as problem:
        raise LoadRejected([Problem("err_database", params={"detail": problem.detail})]) from None
    if version != db.SCHEMA_VERSION:
        raise LoadRejected([Problem("err_update_version", params={"version": version})])
    raw = read_source(source)
    located = validate_located(raw, today)
    covered = sorted({values[0] for _, values in located["subdistrict"]})
    if not covered:
        raise LoadRejected([Problem("err_update_no_area", "subdistrict")])
    notes: list[tuple[str, str]] = []
    con = duckdb.connect(":memory:")
    try:
        _attach(con, db_path, covered)
        _check_against_kept(con, located)

        def shift(name: str, ids: set) -> int | None:
            clash, top = con.execute(f"SELECT count(*) FILTER (WHERE id IN (SELECT unnest(?))), max(id) "
                                     f"FROM ({_kept(name)})", [sorted(ids)]).fetchone()
            return top if clash else None
        located = renumbered(source.name, located, shift, notes)
        before = _counts(con, "live")
        kept = {table: con.execute(f"SELECT count(*) FROM ({_kept(table)})").fetchone()[0]
                for table in db.TABLES if table != "dataset"}
    finally:
        con.close()

    name_th, name_en, as_of, approximate = located["dataset"][0][1]
    loaded_at = dt.datetime.now().replace(microsecond=0)

    def fill(con: duckdb.DuckDBPyConnection) -> None:
        _attach(con, db_path, covered)
        con.execute("INSERT INTO dataset SELECT name_th, name_en, is_sample, greatest(as_of, ?), "
                    "schema_version, ?, positions_approximate OR ? FROM live.dataset",
                    [as_of, loaded_at, approximate])
        for table in db.TABLES[1:]:
            # Table names come from db.TABLES, never from input.
            con.execute(f"INSERT INTO main.{table} {_kept(table)}")
            if table == "network_source":
                rows = [(values[0], source.name, loaded_at) for _, values in located["network"]]
            else:
                rows = [values for _, values in located.get(table, [])]
            if rows:
                frame = pd.DataFrame(rows)  # noqa: F841  (read by DuckDB below)
                # A shared row the database holds already (the same, as checked) is not added twice.
                con.execute(f"INSERT {'OR IGNORE ' if table in SHARED else ''}INTO main.{table} SELECT * FROM frame")
        con.execute("DETACH live")

    try:
        db.write_database(db_path, fill)
    except duckdb.Error as refused:
        raise LoadRejected([Problem("err_database", params={
            "detail": str(refused).splitlines()[0]})]) from None
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS now (READ_ONLY)", [str(db_path)])
        after = _counts(con, "now")
    finally:
        con.close()
    replaced = [Replaced(s.name, before[s.name], after[s.name], before[s.name] - kept[s.name],
                         after[s.name] - kept[s.name]) for s in SHEETS[1:]]
    found = queries.load_warnings(path=db_path)
    return Loaded(list(zip(found.message_th, found.message_en)), notes + absence_note(raw),
                  [r for r in replaced if r.removed or r.added])


def _counts(con: duckdb.DuckDBPyConnection, schema: str) -> dict[str, int]:
    # Table names come from db.TABLES, never from input.
    return {table: con.execute(f"SELECT count(*) FROM {schema}.{table}").fetchone()[0]
            for table in db.TABLES}


def _check_against_kept(con: duckdb.DuckDBPyConnection, located: Located) -> None:
    """The workbook's rows against the rows the update keeps: a shared row (a province, a
    partner) must read as the database has it; any other code must not be another network's.
    (Numbers, which each workbook gives its own way, are moved rather than refused.)"""
    problems = []
    for sheet in SHEETS[1:]:
        rows = located.get(sheet.name, [])
        if not sheet.key or not rows or sheet.name in NUMBERED:
            continue
        positions = [i for i, c in enumerate(sheet.columns) if c.key in sheet.key]
        keys = pd.DataFrame([(row, *(values[i] for i in positions)) for row, values in rows],  # noqa: F841
                            columns=["_row", *sheet.key])
        columns = ", ".join(f"t.{c.key}" for c in sheet.columns)
        on = " AND ".join(f"t.{k} = k.{k}" for k in sheet.key)
        # Names come from SHEETS, never from input; the workbook's keys are a frame.
        found = con.execute(f"SELECT k._row, {columns} FROM ({_kept(sheet.name)}) t JOIN keys k ON {on} "
                            f"ORDER BY k._row").fetchall()
        mine = dict(rows)
        for row, *theirs in found:
            if sheet.name not in SHARED:
                problems.append(Problem("err_taken_in_database", sheet.name, row,
                                        sheet.columns[positions[-1]].header,
                                        " · ".join(str(mine[row][i]) for i in positions)))
                continue
            for column, value, other in zip(sheet.columns, mine[row], theirs):
                if value != other:
                    problems.append(Problem("err_conflict_database", sheet.name, row, column.header,
                                            "" if value is None else str(value),
                                            {"other_value": "" if other is None else str(other)}))
    if problems:
        raise LoadRejected(problems)
