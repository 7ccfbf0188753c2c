"""Updating one network in a database of many (`import --update`): the workbook's subdistricts,
and everything under them (villages, groups, households, ledger, events ...), are replaced by
what the workbook holds; every other network's rows stay as they are. The workbook is checked on
its own, then against what stays: a shared row (a province, a partner) the same as the
database's, no code another network holds. Written the same safe way as a load: a copy of the
live file changed beside it (the covered areas' rows deleted, the workbook's inserted, everything
derived rebuilt), swapped in, the old one backed up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from samma import db, queries
from samma.workbook.checks import LoadRejected, Problem, as_said, check
from samma.workbook.loading import Loaded, Replaced, absence_note, read_source
from samma.workbook.merge import NUMBERED, SHARED, Located, located_rows, renumbered
from samma.workbook.sheets import SHEETS

# Which rows an update replaces, as SQL over the row `t` of a table in schema `live`: those of the
# covered subdistricts (temp table `covered`, a village's code starts with its subdistrict's) and
# of the networks, groups, households ... in them (the temp tables `cover` makes, each a small
# list of codes, so each table is read once against them). The shared tables (merge.SHARED) are
# in no area.
_OWNER = "t.network_code IN (SELECT code FROM c_network) OR t.group_code IN (SELECT code FROM c_group)"
_NETWORK = "t.network_code IN (SELECT code FROM c_network)"
_MEETING = "t.meeting_code IN (SELECT code FROM c_meeting)"
COVERED = {
    "subdistrict": "t.code IN (SELECT code FROM covered)",
    "village": "t.subdistrict_code IN (SELECT code FROM covered)",
    "sage": "left(t.village_code, 6) IN (SELECT code FROM covered)",
    "network": "t.subdistrict_code IN (SELECT code FROM covered)",
    "occupation_group": "left(t.village_code, 6) IN (SELECT code FROM covered)",
    "household": "left(t.village_code, 6) IN (SELECT code FROM covered)",
    "income_survey": "t.household_code IN (SELECT code FROM c_household)",
    "milestone": "CASE t.owner_kind WHEN 'group' THEN t.owner_code IN (SELECT code FROM c_group) "
                 "ELSE t.owner_code IN (SELECT code FROM c_network) END",
    "contribution": _OWNER,
    "fund_entry": _OWNER,
    "plan_target": "left(t.area_code, 6) IN (SELECT code FROM covered)",
    "product": "t.group_code IN (SELECT code FROM c_group)",
    "sale": "t.product_code IN (SELECT code FROM c_product)",
    "training": "t.subdistrict_code IN (SELECT code FROM covered)",
    "training_group": "t.training_id IN (SELECT id FROM c_training)",
    "committee_seat": _NETWORK,
    "scheme_member": _OWNER,
    "loan": _OWNER,
    "loan_repayment": "t.loan_code IN (SELECT code FROM c_loan)",
    "pledge": _NETWORK,
    "meeting": _NETWORK,
    "decision": _MEETING,
    "action": _MEETING,
    "problem": _MEETING,
    "network_source": _NETWORK,
}
# The codes in the covered subdistricts, each list made from the ones before it, from the
# database's tables in {schema}.
_COVER = (("c_network", "SELECT code FROM {schema}.network t WHERE " + COVERED["network"]),
          ("c_group", "SELECT code FROM {schema}.occupation_group t WHERE " + COVERED["occupation_group"]),
          ("c_household", "SELECT code FROM {schema}.household t WHERE " + COVERED["household"]),
          ("c_product", "SELECT code FROM {schema}.product t WHERE " + COVERED["product"]),
          ("c_training", "SELECT id FROM {schema}.training t WHERE " + COVERED["training"]),
          ("c_loan", "SELECT code FROM {schema}.loan t WHERE " + COVERED["loan"]),
          ("c_meeting", "SELECT code FROM {schema}.meeting t WHERE " + COVERED["meeting"]))


def cover(con: duckdb.DuckDBPyConnection, subdistricts: str, schema: str = "live") -> None:
    """Marks the subdistricts the SQL `subdistricts` selects (one column, `code`), and the codes
    in them, as covered, in temp tables of `con`, whose database is in `schema` (attached as
    `live`, or `main` when `con` is the file being changed)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE covered AS {subdistricts}")
    for name, query in _COVER:
        # Names and queries are the constants above; the schema is one of the two names.
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {query.format(schema=schema)}")


def _kept(table: str) -> str:
    """The rows of `table` the update keeps: those outside the covered areas, and every shared
    one."""
    if table not in COVERED:
        return f"SELECT * FROM live.{table}"
    return f"SELECT * FROM live.{table} t WHERE NOT coalesce({COVERED[table]}, FALSE)"


def _cover_subdistricts(con: duckdb.DuckDBPyConnection, covered: list[str], schema: str) -> None:
    con.execute("CREATE OR REPLACE TEMP TABLE wanted AS SELECT unnest(?::VARCHAR[]) AS code", [covered])
    cover(con, "SELECT code FROM wanted", schema)


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
    checked = check(raw, today)
    located = located_rows(checked)
    covered = sorted({values[0] for _, values in located["subdistrict"]})
    if not covered:
        raise LoadRejected([Problem("err_update_no_area", "subdistrict")])
    notes: list[tuple[str, str]] = []
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS live (READ_ONLY)", [str(db_path)])
        _cover_subdistricts(con, covered, "live")
        _check_against_kept(con, located)
        _check_still_used(con, located)

        def shift(name: str, ids: pa.Array) -> int | None:
            new_ids = pa.table({"id": ids})  # noqa: F841  (read by DuckDB below)
            clash, top = con.execute(f"SELECT count(*) FILTER (WHERE id IN (SELECT id FROM new_ids)), max(id) "
                                     f"FROM ({_kept(name)})").fetchone()
            return top if clash else None
        tables = renumbered(source.name, {name: p.table() for name, p in checked.items()}, shift, notes)
        before = _counts(con, "live")
        kept = {table: con.execute(f"SELECT count(*) FROM ({_kept(table)})").fetchone()[0]
                for table in db.TABLES if table != "dataset"}
    finally:
        con.close()

    name_th, name_en, as_of, approximate = located["dataset"][0][1]
    loaded_at = dt.datetime.now().replace(microsecond=0)

    def replace(con: duckdb.DuckDBPyConnection) -> None:
        """In a copy of the live file: the covered areas' rows deleted, children first, then the
        workbook's inserted, parents first."""
        _cover_subdistricts(con, covered, "main")
        con.execute("UPDATE dataset SET as_of = greatest(as_of, ?), loaded_at = ?, "
                    "positions_approximate = positions_approximate OR ?", [as_of, loaded_at, approximate])
        held = _hold_kept_references(con)
        for table in reversed(db.TABLES[1:]):
            if table in COVERED:
                # Table names come from db.TABLES, conditions from COVERED, never from input.
                con.execute(f"DELETE FROM {table} t WHERE coalesce({COVERED[table]}, FALSE)"
                            f"{' OR ' + held[table] if table in held else ''}")
        for table in db.TABLES[1:]:
            if table == "network_source":
                db.insert_rows(con, {table: [(code, source.name, loaded_at)
                                             for code in tables["network"]["code"].to_pylist()]})
                continue
            frame = tables[table]  # noqa: F841  (read by DuckDB below)
            # A shared row the database holds already (the same, as checked) is not added twice.
            con.execute(f"INSERT {'OR IGNORE ' if table in SHARED else ''}INTO {table} SELECT * FROM frame")
            if table in held:
                con.execute(f"INSERT INTO {table} SELECT * FROM held_{table}")

    try:
        db.change_database(db_path, replace)
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
    areas = sorted(values for _, values in located["subdistrict"])
    return Loaded(list(zip(found.message_th, found.message_en)), notes + absence_note(raw),
                  [r for r in replaced if r.removed or r.added],
                  (", ".join(a[2] for a in areas), ", ".join(a[3] for a in areas)))


def _hold_kept_references(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Kept rows that refer to a row the update takes out and puts back (another subdistrict's
    training that took in one of the covered groups: _check_still_used made sure the workbook
    gives it again) are set aside in a temp table `held_<table>`, to be deleted with the covered
    rows and inserted again after the workbook's: DuckDB deletes no row another still refers
    to. Returns, per table holding any, the SQL that finds them (over the row `t`)."""
    references: dict[str, list[str]] = {}
    # Every declared reference of the file being changed; names come from the schema.
    for table, column, parent, key in con.execute(
            "SELECT table_name, constraint_column_names[1], referenced_table, referenced_column_names[1] "
            "FROM duckdb_constraints() WHERE database_name = current_database() "
            "AND constraint_type = 'FOREIGN KEY' ORDER BY ALL").fetchall():
        if parent in COVERED and table in COVERED:
            references.setdefault(table, []).append(
                f"t.{column} IN (SELECT t.{key} FROM {parent} t WHERE {COVERED[parent]})")
    held = {}
    for table, refers in references.items():
        finds = f"(NOT coalesce({COVERED[table]}, FALSE) AND ({' OR '.join(refers)}))"
        con.execute(f"CREATE OR REPLACE TEMP TABLE held_{table} AS SELECT * FROM {table} t WHERE {finds}")
        if con.execute(f"SELECT count(*) FROM held_{table}").fetchone()[0]:
            held[table] = finds
    return held


def _counts(con: duckdb.DuckDBPyConnection, schema: str) -> dict[str, int]:
    # Table names come from db.TABLES, never from input.
    return {table: con.execute(f"SELECT count(*) FROM {schema}.{table}").fetchone()[0]
            for table in db.TABLES}


def _check_still_used(con: duckdb.DuckDBPyConnection, located: Located) -> None:
    """A row the update takes out that another network's kept rows refer to (a training of one
    subdistrict that took in a group of the one updated) must come back with the workbook, or
    those rows would point at nothing. A numbered row cannot come back as itself (the workbook's
    numbers are its own): any kept reference to one taken out is said."""
    problems = []
    # Every declared reference of the live file: (table, its column, the table it refers to, and
    # that table's column). Names come from the schema, never from input.
    references = con.execute(
        "SELECT table_name, constraint_column_names[1], referenced_table, referenced_column_names[1] "
        "FROM duckdb_constraints() WHERE database_name = 'live' AND constraint_type = 'FOREIGN KEY' "
        "ORDER BY ALL").fetchall()
    for table, column, parent, key in references:
        if parent not in COVERED or table not in COVERED:
            continue
        given = set() if parent in NUMBERED else {values[0] for _, values in located.get(parent, [])}
        used = con.execute(
            f"SELECT k.{column}, count(*) FROM ({_kept(table)}) k WHERE k.{column} IN "
            f"(SELECT t.{key} FROM live.{parent} t WHERE {COVERED[parent]}) GROUP BY 1 ORDER BY 1").fetchall()
        problems += [Problem("err_update_still_used", parent, value=as_said(code), params={"sheet": table, "n": n})
                     for code, n in used if code not in given]
    if problems:
        raise LoadRejected(problems)


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
                                            as_said(value), {"other_value": as_said(other)}))
    if problems:
        raise LoadRejected(problems)
