"""Loading a workbook (an .xlsx file, an upload's bytes, or a folder of CSV files), or several
networks' workbooks into one database (samma/workbook/merge.py): read it,
check everything (`checks.validate`), and only then build a new database beside the live one
(db.write_database), so a mistake in the sheet changes nothing. Rule breaches that are facts (a
grant not split 70/30, matching above the members' own part, revolving capital below its
floor) load; the derived tables record them as warnings (samma/derived/load_warning.sql)."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import itertools
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb
import fastexcel
import pyarrow as pa
import pyarrow.csv as pa_csv

from samma import db, queries
from samma.i18n import t_plain
from samma.workbook.checks import LoadRejected, Problem, Raw, absent_parts, check
from samma.workbook.merge import Staged


def read_source(path: Path) -> Raw:
    """Every sheet's rows as typed, header first: from an .xlsx file or a folder of CSV files."""
    if path.is_dir():
        return _read_csv_folder(path)
    if not path.exists():
        raise LoadRejected([Problem("err_no_file", params={"path": path.name})])
    if path.stat().st_size == 0:
        raise LoadRejected([Problem("err_empty_file")])
    return _read_xlsx(path)


def _read_xlsx(source: Path | bytes) -> Raw:
    """fastexcel (calamine, in Rust) reads every sheet straight into Arrow text columns: a
    province's workbook in seconds. Rows are kept from row 1 (empty ones too), so row numbers
    are the spreadsheet's own; a date cell reads as Excel holds it ("2025-01-15 00:00:00").
    Sheets are read on as many threads as there are cores, each with its own reader: calamine
    lets go of Python's lock while it reads."""
    book = str(source) if isinstance(source, Path) else source
    readers = threading.local()

    def columns(name: str) -> list[pa.Array]:
        if not hasattr(readers, "book"):
            readers.book = fastexcel.read_excel(book)
        return readers.book.load_sheet(name, header_row=None, skip_rows=0, dtypes="string").to_arrow().columns

    try:
        names = fastexcel.read_excel(book).sheet_names
        with ThreadPoolExecutor(os.cpu_count()) as pool:
            return dict(zip(names, pool.map(columns, names)))
    except (fastexcel.FastExcelError, ValueError, OSError):
        raise LoadRejected([Problem("err_not_spreadsheet")]) from None


def _read_csv_folder(folder: Path) -> Raw:
    raw = {file.stem: _read_csv(file) for file in sorted(folder.glob("*.csv"))}
    if not raw:
        raise LoadRejected([Problem("err_not_spreadsheet")])
    return raw


def _read_csv(file: Path) -> list[pa.Array]:
    """One CSV file's columns, from its first row down (blank rows kept, so that row numbers are
    the file's own). Arrow's reader takes a province's files in seconds; a file it cannot read as
    UTF-8 with every row as wide as the first (Thai Windows encoding, as Excel saves CSV, or
    ragged rows) is read by Python's csv module instead."""
    with file.open(encoding="utf-8-sig", errors="replace", newline="") as text:
        width = len(next(csv.reader(text), []))
    if width:       # every column read as text: a code typed 0050 stays 0050
        try:
            table = pa_csv.read_csv(
                file, read_options=pa_csv.ReadOptions(autogenerate_column_names=True),
                parse_options=pa_csv.ParseOptions(ignore_empty_lines=False, newlines_in_values=True),
                convert_options=pa_csv.ConvertOptions(
                    column_types={f"f{i}": pa.string() for i in range(width)}))
            return [column.combine_chunks() for column in table.columns]
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass
    data = file.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp874", errors="replace")
    rows = csv.reader(io.StringIO(text))
    return [pa.array(cells, pa.string()) for cells in itertools.zip_longest(*rows)]


@dataclass(frozen=True)
class Loaded:
    """What a load found, each as (Thai, English): the rule breaches (facts that break a rule)
    and notes (what an older workbook did not have, said once)."""
    warnings: list[tuple[str, str]]
    notes: list[tuple[str, str]]
    replaced: list[Replaced] = field(default_factory=list)
    # An update's areas: the workbook's subdistricts, named in Thai and in English.
    updated: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class Replaced:
    """An update's effect on one sheet: its rows in the database before and after, how many of
    them it took out (those of the workbook's areas) and put in (the workbook's)."""
    sheet: str
    before: int
    after: int
    removed: int
    added: int


def load(source: Path | list[Path], db_path: Path, today: dt.date | None = None) -> Loaded:
    """Reads, checks and loads `source` (an .xlsx file, a folder of CSVs, a folder of those, or a
    list of them: several networks' workbooks into one database) as the live database at
    `db_path`. LoadRejected changes nothing; with several files, each problem names its file."""
    files = workbooks(source if isinstance(source, list) else [source])
    return _load([(str(file) if len(files) > 1 else "", file.name, lambda file=file: read_source(file))
                  for file in files], db_path, today)


def workbooks(paths: list[Path]) -> list[Path]:
    """The workbooks to load: a file as it is; a folder of CSV files is one workbook; a folder of
    workbooks is its .xlsx files and CSV folders, in name order."""
    found = []
    for path in paths:
        if path.is_dir() and not any(path.glob("*.csv")):
            inside = sorted(p for p in path.iterdir()
                            if p.suffix.lower() == ".xlsx" or (p.is_dir() and any(p.glob("*.csv"))))
            found += inside or [path]
        else:
            found.append(path)
    return found


def load_bytes(data: bytes, db_path: Path, name: str = "") -> Loaded:
    """The same load, from an uploaded file's bytes (`name`: the file's, as the upload had it)."""
    if not data:
        raise LoadRejected([Problem("err_empty_file")])
    return load_raw(_read_xlsx(data), db_path, source=name)


def load_raw(raw: Raw, db_path: Path, today: dt.date | None = None, source: str = "") -> Loaded:
    return _load([("", source, lambda: raw)], db_path, today)


def _load(named: list[tuple[str, str, Callable[[], Raw]]], db_path: Path, today: dt.date | None) -> Loaded:
    """Each file read and checked on its own (all of them, every problem named by its file, when
    there are several), then together (merge.Staged), then written: nothing is written unless
    every file passes. Each network is recorded with the name of the file it came from."""
    problems, absent, sources = [], [], []
    with db.work_file(db_path) if len(named) > 1 else contextlib.nullcontext() as work:
        staged = Staged(duckdb.connect(str(work))) if work else None
        only = None
        try:
            for file, source, read in named:
                try:
                    raw = read()
                    absent += absence_note(raw)
                    checked = check(raw, today)
                    del raw         # the cells as read, let go before the next file is read
                except LoadRejected as rejected:
                    problems += [replace(p, file=file) for p in rejected.problems]
                    continue
                sources += [(code, source) for code in checked["network"].table()["code"].to_pylist()]
                if staged is None:
                    only = checked
                elif not problems:      # after a file with mistakes nothing is written: only checked
                    staged.add(file, checked)
                del checked
        finally:
            if staged:
                staged.con.close()
        if problems:
            raise LoadRejected(problems)
        loaded_at = dt.datetime.now().replace(microsecond=0)

        def fill(con: duckdb.DuckDBPyConnection) -> None:
            if staged:
                dataset = staged.combine_into(con, work)
            else:
                dataset = only["dataset"].rows()[0][1]
                db.insert_rows(con, {name: p.table() for name, p in only.items() if name != "dataset"})
            name_th, name_en, as_of, approximate = dataset
            con.execute("INSERT INTO dataset VALUES (?, ?, FALSE, ?, ?, ?, ?)",
                        [name_th, name_en, as_of, db.SCHEMA_VERSION, loaded_at, approximate])
            db.insert_rows(con, {"network_source": [(*s, loaded_at) for s in sources]})

        try:
            db.write_database(db_path, fill)
        except duckdb.Error as refused:
            # The checks above should leave the database nothing to refuse; if it does, say so.
            raise LoadRejected([Problem("err_database", params={
                "detail": str(refused).splitlines()[0]})]) from None
    notes = staged.notes if staged else []
    found = queries.load_warnings(path=db_path)
    return Loaded(list(zip(found.message_th, found.message_en)), notes + list(dict.fromkeys(absent)))


def absence_note(raw: Raw) -> list[tuple[str, str]]:
    """What the workbook did not have, said once: a sheet with words of its own (what the pages
    will say is not recorded) in its own note, then one note naming every other optional sheet
    and newer column."""
    sheets, columns = absent_parts(raw)
    notes = [tuple(t_plain(s.absent_note, lang, sheet=s.name, th=s.th) for lang in ("th", "en"))
             for s in sheets if s.absent_note]
    parts = [*(f"{s.name} ({s.th})" for s in sheets if not s.absent_note),
             *(f"{s.name}: {c.header}" for s, c in columns)]
    if parts:
        notes.append(tuple(t_plain("load_absent", lang, parts=", ".join(parts)) for lang in ("th", "en")))
    return notes
