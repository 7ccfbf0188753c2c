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
from typing import Callable, Iterator, Sequence, TypeVar

import duckdb
import pandas as pd
import pyarrow as pa

from samma import derive, domain, migrations

# The version of the facts' schema and of what is derived from them; each earlier version has its
# step in migrations.STEPS.
SCHEMA_VERSION = migrations.CURRENT
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATH = ROOT / "data" / "samma.duckdb"
SCHEMA = Path(__file__).with_name("schema.sql")

# The facts, parents before children for the foreign keys.
TABLES = migrations.FACTS[SCHEMA_VERSION]


class DatabaseUnavailable(Exception):
    """The database cannot be read; `reason` says why in a word the app can explain: missing,
    unreadable, locked, old (made by an earlier Samma: `python -m samma upgrade`), newer."""

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


def create_facts(con: duckdb.DuckDBPyConnection) -> None:
    """The current schema's empty fact tables, with the 5 K lookup written from `domain`."""
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    con.executemany("INSERT INTO five_k VALUES (?, ?)",
                    [(k, position) for position, k in enumerate(domain.FIVE_K, 1)])


def write_database(path: Path, fill: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    """Builds a new database beside `path` (the facts from `fill`, then everything derived from
    them), checks it, then swaps it in with an atomic rename, keeping the previous file in
    backups/. If anything fails, `path` is left exactly as it was."""
    _write(path, fill, from_live=False)


def change_database(path: Path, change: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    """As write_database, but from a copy of the live file at `path`, whose facts `change` edits
    (each statement committed on its own: DuckDB refuses a parent deleted in the transaction
    that deleted its children): replacing one district of a national file writes that
    district's rows, not the millions of the others again."""
    _write(path, change, from_live=True)


def _write(path: Path, fill: Callable[[duckdb.DuckDBPyConnection], None], from_live: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    clear_leftovers(path)
    tmp = _work_file(path, "building")
    try:
        if from_live:
            shutil.copyfile(path, tmp)
        con = duckdb.connect(str(tmp))
        try:
            if not from_live:
                create_facts(con)
            fill(con)
            derive.derive(con)
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


@contextmanager
def work_file(path: Path) -> Iterator[Path]:
    """A work file beside the database at `path` (several workbooks staged before they are
    combined), removed afterwards; one a killed process left is cleared by the next write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    work = _work_file(path, "building")
    try:
        yield work
    finally:
        work.unlink(missing_ok=True)
        Path(str(work) + ".wal").unlink(missing_ok=True)


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


def _keep_as_backup(path: Path, backup: Path) -> None:
    """The file about to be replaced becomes the backup under a second name (a hard link: a
    national file is not copied, and no write ever changes a file in place), or a copy where the
    file system has no hard links."""
    try:
        os.link(path, backup)
    except OSError:
        _fsync_copy(path, backup)


def _swap_in(tmp: Path, path: Path) -> None:
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    if path.exists():
        folder = backups_dir(path)
        folder.mkdir(exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y-%m-%d_%H%M%S_%f")
        _keep_as_backup(path, folder / f"{path.stem}-{stamp}{path.suffix}")
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
    A backup made by an earlier version is upgraded on the way. Raises KeyError for a name that
    is not one of the backups."""
    chosen = next((p for p in list_backups(path) if p.name == name), None)
    if chosen is None:
        raise KeyError(name)
    if file_version(chosen) < SCHEMA_VERSION:
        upgrade(chosen, into=path)
        return chosen
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


def insert_rows(con: duckdb.DuckDBPyConnection, tables: dict[str, list[tuple] | pa.Table]) -> None:
    """Each table's rows, in its column order: Python tuples, or an Arrow table as it is."""
    for table in TABLES:
        rows = tables.get(table)
        if rows is None or len(rows) == 0:
            continue
        # Column by column into Arrow: DuckDB scans it without a Python object per value.
        frame = rows if isinstance(rows, pa.Table) else pa.Table.from_arrays(  # noqa: F841
            [pa.array(values) for values in zip(*rows)], names=[str(i) for i in range(len(rows[0]))])
        # `table` comes from TABLES above, never from input; columns go in by position.
        con.execute(f"INSERT INTO {table} SELECT * FROM frame")


def file_version(path: Path) -> int:
    """The schema version of the file at `path`, read without opening it for writing."""
    con = duckdb.connect(":memory:")
    try:
        return _attach(con, path)
    finally:
        con.close()


def upgrade(path: Path, into: Path | None = None) -> tuple[int, int]:
    """Carries the facts of a file made by an earlier version of Samma over to the current schema,
    step by step (migrations.STEPS), rebuilds everything derived from them, and swaps the result
    in at `into` (default: `path` itself) the safe way, the file it replaces backed up. Returns
    (the file's version, the version now). A file already current is left as it is."""
    version = file_version(path)
    if version > SCHEMA_VERSION:
        raise DatabaseUnavailable("newer", path, f"version {version}, this Samma reads {SCHEMA_VERSION}")
    if version < SCHEMA_VERSION:
        write_database(into or path, lambda con: migrations.carry_facts(con, path, version))
    return version, SCHEMA_VERSION


# --- reading ----------------------------------------------------------------------------------

def _attach(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Attaches the file at `path` read-only as `samma`, makes it the default, and returns its
    schema version; a file that cannot be read raises DatabaseUnavailable."""
    try:
        con.execute("ATTACH ? AS samma (READ_ONLY)", [str(path)])
        con.execute("USE samma")
        version = con.execute("SELECT max(schema_version) FROM dataset").fetchone()[0]
        block_size, used_blocks = con.execute(
            "SELECT block_size, used_blocks FROM pragma_database_size() "
            "WHERE database_name = 'samma'").fetchone()
    except duckdb.Error as e:
        text = str(e)
        reason = "locked" if "lock" in text.lower() else "unreadable"
        raise DatabaseUnavailable(reason, path, text.splitlines()[0]) from None
    if not isinstance(version, int) or version < migrations.FIRST:
        raise DatabaseUnavailable("unreadable", path, f"not a schema version Samma wrote: {version!r}")
    # A file cut short (a copy that did not finish) opens fine and fails later, mid-page.
    if os.path.getsize(path) < block_size * used_blocks:
        raise DatabaseUnavailable("unreadable", path, "the file is shorter than its blocks")
    return version


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
            version = _attach(con, self.path)
        except DatabaseUnavailable:
            con.close()
            raise
        if version != SCHEMA_VERSION:
            con.close()
            reason = "old" if version < SCHEMA_VERSION else "newer"
            raise DatabaseUnavailable(reason, self.path, f"version {version}, this Samma reads {SCHEMA_VERSION}")
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
    without a swap in the middle mixing two versions; inside `keep_version`, the version kept. A
    file made by an earlier version of Samma is read through an upgraded copy in memory; the file
    itself is not changed."""
    kept = _kept.get()
    if kept and kept[0].path == path:
        with kept[1][1].cursor() as cursor:
            yield cursor.execute("USE samma")
        return
    version = file_version(path)
    if version < SCHEMA_VERSION:
        con = duckdb.connect(":memory:")
        create_facts(con)
        migrations.carry_facts(con, path, version)
    else:
        con = Reader(path).state()[1]
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


# What a download built after its page's run reads, queries and snapshots alike (a snapshot in a
# page run stays private: a load from the Data page reads back the file it has just written).
_kept: ContextVar[tuple[Reader, tuple] | None] = ContextVar("samma_kept", default=None)
T = TypeVar("T")


def keep_version(build: Callable[[], T]) -> Callable[[], T]:
    """`build` for later (a download is built when clicked, after the page's run has ended),
    reading the version this run reads: the file the page showed, even if another was swapped in
    since or is swapped in halfway."""
    pinned = _pinned.get()

    def later() -> T:
        tokens = _pinned.set(pinned), _kept.set(pinned)
        try:
            return build()
        finally:
            _kept.reset(tokens[1])
            _pinned.reset(tokens[0])
    return later


def version() -> tuple:
    """The file and version of it this run reads (the pinned one inside `one_version`): what a
    cache of anything made from query results is keyed by, as `Reader.run` keys its own."""
    pinned = _pinned.get()
    if pinned:
        return (pinned[0].path, pinned[1][0])
    current = reader()
    return (current.path, current.version)


def pinned() -> bool:
    """Whether this code runs inside `one_version` (a page's run, not a part of it rerun alone)."""
    return _pinned.get() is not None


def run(sql: str, params: Sequence = ()) -> pd.DataFrame:
    """Every query the app makes goes through here: read-only, parameterised, cached per version.
    Inside `one_version`, the pinned reader: finding it again by path costs a filesystem call a
    query."""
    pinned = _pinned.get()
    return (pinned[0] if pinned else reader()).run(sql, params)
