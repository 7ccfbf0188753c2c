"""Where the database is, writing it safely, and reading it: the one choke point for SQL.

Readers never hold a read-write connection. Each version of the file (told apart by inode,
mtime and size) gets its own in-memory DuckDB that ATTACHes the file READ_ONLY: DuckDB caches
database instances by path within a process, so a plain `connect(path)` could keep serving the
replaced file. Query results are cached per version, so a new file means new figures on the
next rerun, with no restart.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
import uuid
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Callable, Iterator, Sequence

import duckdb
import pandas as pd

from samma import aggregates

# 2: load warnings (load_warning); 3: load-time summaries (area_summary); 4: the pages' load-time
# tables (issue 8: funnel_village ... plan_readiness)
SCHEMA_VERSION = 4
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATH = ROOT / "data" / "samma.duckdb"
SCHEMA = Path(__file__).with_name("schema.sql")

# Parents before children, for the foreign keys.
TABLES = ("dataset", "province", "district", "subdistrict", "village", "partner", "sage",
          "occupation", "network", "occupation_group", "household", "milestone", "contribution",
          "fund_entry", "plan_target", "market_event", "product", "sale", "training",
          "training_group", "load_warning")


class DatabaseUnavailable(Exception):
    """The database cannot be read; `reason` says why in a word the app can explain."""

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{reason}: {path} {detail}".strip())
        self.reason, self.path, self.detail = reason, path, detail


def database_path() -> Path:
    configured = os.environ.get("SAMMA_DB")
    return Path(configured).expanduser().resolve() if configured else DEFAULT_PATH


def is_default_path(path: Path) -> bool:
    return path == DEFAULT_PATH


# --- writing ----------------------------------------------------------------------------------

BACKUPS_KEPT = 20


def backups_dir(path: Path) -> Path:
    return path.parent / "backups"


def write_database(path: Path, fill: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    """Builds a new database beside `path`, checks it, then swaps it in with an atomic rename,
    keeping the previous file in backups/. If anything fails, `path` is left exactly as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    clear_leftovers(path)
    tmp = _work_file(path, "building")
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute(SCHEMA.read_text(encoding="utf-8"))
            fill(con)
            aggregates.build(con)      # every writer gets the summaries pages read
            version = con.execute("SELECT max(schema_version), count(*) FROM dataset").fetchone()
            if version != (SCHEMA_VERSION, 1):
                raise ValueError(f"dataset row missing or wrong schema version: {version}")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        _swap_in(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)


def _work_file(target: Path, kind: str) -> Path:
    """A hidden file beside `target` to build or copy into, named with this process's id, so a
    later write can tell a dead process's leftover from one still being written."""
    return target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex}.{kind}")


def clear_leftovers(path: Path) -> list[Path]:
    """Removes what writes killed halfway left beside `path` and in its backups (a national
    build leaves a gigabyte): work files whose process is gone. A running write's files stay."""
    removed = []
    for folder in (path.parent, backups_dir(path)):
        if not folder.is_dir():
            continue
        for work in [*folder.glob(".*.building"), *folder.glob(".*.building.wal"),
                     *folder.glob(".*.partial")]:
            pid = _writer_pid(work)
            if pid is not None and not _running(pid):
                work.unlink(missing_ok=True)
                removed.append(work)
    return removed


def _writer_pid(work: Path) -> int | None:
    """The process id in a work file's name (.NAME.PID.HEX.KIND[.wal]); None for other names."""
    parts = work.name.removesuffix(".wal").split(".")
    return int(parts[-3]) if len(parts) >= 4 and parts[-3].isdigit() else None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:         # someone else's process, alive
        return True
    return True


def _fsync_copy(source: Path, target: Path) -> None:
    """Copies under a temporary name and renames, so `target` is never seen half-written."""
    partial = _work_file(target, "partial")
    try:
        shutil.copyfile(source, partial)
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _swap_in(tmp: Path, path: Path) -> None:
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    if path.exists():
        folder = backups_dir(path)
        folder.mkdir(exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y-%m-%d_%H%M%S_%f")
        _fsync_copy(path, folder / f"{path.stem}-{stamp}{path.suffix}")
    os.replace(tmp, path)
    for old in list_backups(path)[BACKUPS_KEPT:]:
        old.unlink(missing_ok=True)


def list_backups(path: Path) -> list[Path]:
    """The backups of `path`, newest first (their names sort by the time they were taken)."""
    folder = backups_dir(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*{path.suffix}"), key=lambda p: p.name, reverse=True)


def restore_backup(path: Path, name: str) -> Path:
    """Puts the backup called `name` back as the live database, the same safe way as a load:
    copied beside the live file, checked readable, swapped in; the file it replaces is backed up.
    Raises KeyError for a name that is not one of the backups."""
    chosen = next((p for p in list_backups(path) if p.name == name), None)
    if chosen is None:
        raise KeyError(name)
    clear_leftovers(path)
    tmp = _work_file(path, "building")
    try:
        _fsync_copy(chosen, tmp)
        check = Reader(tmp)
        check.state()[1].close()
        _swap_in(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return chosen


def insert_rows(con: duckdb.DuckDBPyConnection, tables: dict[str, list[tuple]]) -> None:
    for table in TABLES:
        rows = tables.get(table)
        if not rows:
            continue
        columns = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall()]
        frame = pd.DataFrame(rows, columns=columns)  # noqa: F841  (read by DuckDB below)
        # `table` comes from TABLES above, never from input.
        con.execute(f"INSERT INTO {table} SELECT * FROM frame")


def ensure_database(path: Path | None = None) -> Path:
    """The first run needs nothing: at the default path, a missing database is built from the
    sample. A configured path that is missing is a mistake to report, not to paper over."""
    path = path or database_path()
    if not path.exists() and is_default_path(path):
        from samma import sample
        sample.build(path)
    return path


# --- reading ----------------------------------------------------------------------------------

class Reader:
    """Read-only access to one database path, re-attached when the file is replaced."""

    CACHE_SIZE = 512

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._state: tuple[tuple, duckdb.DuckDBPyConnection, OrderedDict] | None = None

    def _signature(self) -> tuple:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            raise DatabaseUnavailable("missing", self.path) from None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _open(self, signature: tuple) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect(":memory:")
        try:
            con.execute("ATTACH ? AS samma (READ_ONLY)", [str(self.path)])
            con.execute("USE samma")
            version = con.execute("SELECT max(schema_version) FROM dataset").fetchone()[0]
            block_size, used_blocks = con.execute(
                "SELECT block_size, used_blocks FROM pragma_database_size() "
                "WHERE database_name = 'samma'").fetchone()
        except duckdb.Error as e:
            con.close()
            text = str(e)
            reason = "locked" if "lock" in text.lower() else "unreadable"
            raise DatabaseUnavailable(reason, self.path, text.splitlines()[0]) from None
        if version != SCHEMA_VERSION:
            con.close()
            raise DatabaseUnavailable("schema", self.path, f"version {version}, need {SCHEMA_VERSION}")
        # A file cut short (a copy that did not finish) opens fine and fails later, mid-page.
        if os.path.getsize(self.path) < block_size * used_blocks:
            con.close()
            raise DatabaseUnavailable("unreadable", self.path, "the file is shorter than its blocks")
        return con

    def state(self) -> tuple[tuple, duckdb.DuckDBPyConnection, OrderedDict]:
        signature = self._signature()
        with self._lock:
            if self._state is None or self._state[0] != signature:
                # The old connection stays alive for queries still running on it.
                self._state = (signature, self._open(signature), OrderedDict())
            return self._state

    @property
    def version(self) -> tuple:
        return self.state()[0]

    def run(self, sql: str, params: Sequence = ()) -> pd.DataFrame:
        pinned = _pinned.get()
        signature, con, cache = pinned[1] if pinned and pinned[0] is self else self.state()
        key = (sql, tuple(params))
        with self._lock:
            hit = cache.get(key)
            if hit is not None:
                cache.move_to_end(key)
        if hit is None:
            cur = con.cursor()
            try:
                cur.execute("USE samma")
                hit = cur.execute(sql, list(params)).df()
            except duckdb.IOException as e:
                raise DatabaseUnavailable("unreadable", self.path, str(e).splitlines()[0]) from None
            finally:
                cur.close()
            with self._lock:
                cache[key] = hit
                if len(cache) > self.CACHE_SIZE:
                    cache.popitem(last=False)
        return hit.copy()


@contextmanager
def snapshot(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A private read-only connection to one version of the file, for reading it whole (export)
    without a swap in the middle mixing two versions."""
    reader = Reader(path)
    con = reader.state()[1]
    try:
        yield con
    finally:
        con.close()


_readers: dict[Path, Reader] = {}
_readers_lock = threading.Lock()


def reader(path: Path | None = None) -> Reader:
    path = path or database_path()
    with _readers_lock:
        return _readers.setdefault(path, Reader(path))


# The version one page run reads. Streamlit runs each session's script in its own thread, so a
# context variable keeps sessions apart.
_pinned: ContextVar[tuple[Reader, tuple] | None] = ContextVar("samma_pinned", default=None)


@contextmanager
def one_version(path: Path | None = None):
    """Every query inside reads the same version of the file, even if a new one is swapped in
    halfway: a page shows the old figures or the new ones, never a mix."""
    pinned = reader(path)
    token = _pinned.set((pinned, pinned.state()))
    try:
        yield
    finally:
        _pinned.reset(token)


def run(sql: str, params: Sequence = ()) -> pd.DataFrame:
    """Every query the app makes goes through here: read-only, parameterised, cached per version."""
    return reader().run(sql, params)
