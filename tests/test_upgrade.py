"""A new version never strands a network's data: every file an earlier version of Samma wrote
upgrades with one command, with every fact carried over and every figure as if the same facts had
been loaded fresh; an upgrade killed halfway leaves the file as it was; export and restore read
older files; the app names the command.

The fixtures are networks built by the code of each earlier schema version
(tests/fixtures/make_old_versions.sh)."""

import gzip
import hashlib
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import openpyxl
import pytest

from samma import db
from tests.conftest import ROOT, run_app
from tests.killed import kill_when_ready

FIXTURES = ROOT / "tests" / "fixtures"
OLD = sorted(p.name.removesuffix(".duckdb.gz") for p in FIXTURES.glob("schema-*.duckdb.gz"))
# The fact tables every earlier version wrote (versions 1 to 5 changed only derived tables).
FACTS = ("dataset", "province", "district", "subdistrict", "village", "partner", "sage",
         "occupation", "network", "occupation_group", "household", "milestone", "contribution",
         "fund_entry", "plan_target", "market_event", "product", "sale", "training", "training_group")
# The fact tables later versions added, in the order they were added (6: the network's committee,
# matching schemes and loans; 7: income surveys; 8: pledges, meetings, decisions, actions, problems;
# 10: which file each network came from).
NEWER_FACTS = ("committee_seat", "matching_scheme", "scheme_partner", "scheme_member", "loan",
               "loan_repayment", "income_survey", "pledge", "meeting", "decision", "action", "problem",
               "network_source")
# Load-time tables earlier versions built themselves, to compare with the ones rebuilt now, on the
# columns they had. (Their group_match is not among them: from version 6 the 1:1 check counts the
# members of a matching scheme only, scheme_match, and an upgraded file records no scheme.)
OLD_DERIVED = ("area_summary", "funnel_village", "formation_month", "contribution_summary",
               "cash_flow_summary", "revolving_month", "grant_split",
               "event_sales_summary", "group_sales", "product_sales", "training_effect",
               "plan_village_day", "plan_readiness")

# What the schema (schema.sql and samma/derived/) looked like at each version this code reads.
# A change to either without a new version would strand every file of the old shape: bump
# migrations.CURRENT, add its step and a fixture, then record the new fingerprint here.
FINGERPRINTS = {5: "a93b9c2b711effaff7944802ef1f321a48037f7f74402e44e95597d2ffc78927",
                6: "dcbc32a983ac553b5b4de0136516f957d05dc7ae7b621031d19cef090bb72a11",
                7: "d1286f87db42195cf6bd0c8c399b1a995426604c8b05e74584f43b1b9fd2b3e3",
                8: "b0fd426721e6385dd46921905ed7bc823c1893fc227edf7b1c933c82f38ab911",
                9: "0da0eb68f69a1c2a4799cd76ea4555a784c7eeb21054187c5247fd7e933cdf92",
                10: "929815dd5766b87fe45a2330c045b41e40ffb2d1a51e6b9b9d57fbdb03f43eb5"}


def _unpack(name: str, folder: Path) -> Path:
    path = folder / "samma.duckdb"
    with gzip.open(FIXTURES / f"{name}.duckdb.gz") as packed, open(path, "wb") as out:
        shutil.copyfileobj(packed, out)
    return path


def _version(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT schema_version FROM dataset").fetchone()[0]
    finally:
        con.close()


def _tables(con, catalog: str) -> set[str]:
    return {t for (t,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = ? "
        "AND table_type = 'BASE TABLE'", [catalog]).fetchall()}


def _columns(con, catalog: str, table: str) -> str:
    """The columns `catalog.table` has, for comparing a table with a newer one that has more."""
    return ", ".join(c for (c,) in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_catalog = ? "
        "AND table_name = ? ORDER BY ordinal_position", [catalog, table]).fetchall())


def _differences(con, table: str, columns: str = "*") -> tuple[int, int]:
    """Rows of `a.table` missing from `b.table`, and the other way round."""
    return tuple(con.execute(
        f"SELECT count(*) FROM (SELECT {columns} FROM {x}.{table} EXCEPT ALL "
        f"SELECT {columns} FROM {y}.{table})").fetchone()[0] for x, y in (("a", "b"), ("b", "a")))


def _fresh_load(old: Path, target: Path) -> None:
    """The same facts written the way a load writes them: read with plain SQL, inserted by name
    into a new current file (not through the migrations under test); the columns newer than the
    file stay empty, as a load of an older workbook leaves them."""
    def fill(con):
        con.execute("ATTACH ? AS old (READ_ONLY)", [str(old)])
        held = _tables(con, "old")
        for table in (t for t in FACTS + NEWER_FACTS if t in held):
            con.execute(f"INSERT INTO main.{table} BY NAME SELECT * FROM old.{table}")
        con.execute("DETACH old")
        con.execute("UPDATE dataset SET schema_version = ?", [db.SCHEMA_VERSION])

    db.write_database(target, fill)


def test_there_is_a_fixture_for_every_earlier_version():
    assert {name.split("-")[1] for name in OLD} == {f"v{n}" for n in range(1, db.SCHEMA_VERSION)}


@pytest.mark.parametrize("name", OLD)
def test_an_earlier_file_upgrades_with_every_figure_as_if_loaded_fresh(name, tmp_path):
    old = _unpack(name, tmp_path)
    original = old.read_bytes()
    version = _version(old)
    assert version < db.SCHEMA_VERSION
    assert db.upgrade(old) == (version, db.SCHEMA_VERSION)
    assert _version(old) == db.SCHEMA_VERSION
    backups = db.list_backups(old)
    assert len(backups) == 1 and backups[0].read_bytes() == original

    fresh = tmp_path / "fresh" / "samma.duckdb"
    fresh.parent.mkdir()
    _fresh_load(backups[0], fresh)
    con = duckdb.connect()
    con.execute("ATTACH ? AS a (READ_ONLY)", [str(old)])
    con.execute("ATTACH ? AS b (READ_ONLY)", [str(fresh)])
    tables = _tables(con, "a")
    assert tables == _tables(con, "b") and set(FACTS) < tables
    for table in sorted(tables - {"dataset"}):
        count = con.execute(f"SELECT count(*) FROM a.{table}").fetchone()[0]
        assert _differences(con, table) == (0, 0), table
        if table in FACTS:
            assert count == con.execute(f"SELECT count(*) FROM b.{table}").fetchone()[0]
    # Everything but the dataset's version is carried over as it was.
    con.execute("ATTACH ? AS o (READ_ONLY)", [str(backups[0])])
    columns = "name_th, name_en, is_sample, as_of, loaded_at, positions_approximate"
    assert con.execute(f"SELECT {columns} FROM a.dataset").fetchall() == \
        con.execute(f"SELECT {columns} FROM o.dataset").fetchall()
    for table in (t for t in FACTS[1:] + NEWER_FACTS if t in _tables(con, "o")):
        columns = _columns(con, "o", table)
        assert con.execute(f"SELECT count(*) FROM (SELECT {columns} FROM o.{table} EXCEPT ALL "
                           f"SELECT {columns} FROM a.{table})").fetchone()[0] == 0, table
    # Before version 6 every ledger entry is a group's: it stays the group's, no network's, with no
    # spending purpose and nothing passed on.
    if version < 6:
        assert con.execute("""SELECT count(*), count(group_code), count(network_code), count(purpose),
                                     count(to_group_code) FROM a.fund_entry""").fetchone() == \
            (*con.execute("SELECT count(*), count(group_code) FROM o.fund_entry").fetchone(), 0, 0, 0)
    # The tables newer than the file start empty: its workbook had no such sheets.
    for table in (t for t in NEWER_FACTS if t not in _tables(con, "o")):
        assert con.execute(f"SELECT count(*) FROM a.{table}").fetchone() == (0,), table


@pytest.mark.parametrize("name", [n for n in OLD if n >= "schema-v3"])
def test_the_rebuilt_load_time_tables_equal_the_ones_the_earlier_version_built(name, tmp_path):
    old = _unpack(name, tmp_path)
    db.upgrade(old)
    con = duckdb.connect()
    con.execute("ATTACH ? AS a (READ_ONLY)", [str(db.list_backups(old)[0])])
    con.execute("ATTACH ? AS b (READ_ONLY)", [str(old)])
    built = _tables(con, "a") & set(OLD_DERIVED)
    assert "area_summary" in built
    for table in sorted(built):
        assert con.execute(f"SELECT count(*) FROM a.{table}").fetchone()[0] > 0, table
        assert _differences(con, table, _columns(con, "a", table)) == (0, 0), table
    # The rule breaches found then are the ones found now (their wording is made when shown).
    assert _differences(con, "load_warning",
                        "rule, group_code, contribution_id, amount_baht, limit_baht") == (0, 0)
    assert con.execute("SELECT count(*) FROM b.load_warning").fetchone()[0] > 0


def test_the_app_names_the_upgrade_command_for_an_older_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMMA_DB", str(_unpack("schema-v4", tmp_path)))
    at = run_app()
    assert not at.exception and not at.metric
    errors = " ".join(e.value for e in at.error)
    assert "สร้างจากแอปรุ่นเก่า" in errors and "made by an earlier version of Samma" in errors
    assert "python -m samma upgrade" in " ".join(i.value for i in at.info)


def _samma(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "samma", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_the_upgrade_command_and_its_bad_input(tmp_path):
    old = _unpack("schema-v1", tmp_path)
    done = _samma("upgrade", str(old))
    assert done.returncode == 0, done.stderr
    assert "from schema version 1 to" in done.stdout
    again = _samma("upgrade", "--db", str(old))
    assert again.returncode == 0 and "nothing to do" in again.stdout
    assert len(db.list_backups(old)) == 1

    missing = _samma("upgrade", str(tmp_path / "nowhere.duckdb"))
    assert missing.returncode == 1 and "no database at" in missing.stderr
    not_duckdb = tmp_path / "sheet.duckdb"
    not_duckdb.write_bytes(b"PK\x03\x04 a spreadsheet saved over the database" * 100)
    broken = _samma("upgrade", str(not_duckdb))
    assert broken.returncode == 1 and "cannot upgrade" in broken.stderr
    assert not_duckdb.read_bytes() == b"PK\x03\x04 a spreadsheet saved over the database" * 100

    newer = tmp_path / "newer" / "samma.duckdb"
    newer.parent.mkdir()
    shutil.copy(old, newer)
    con = duckdb.connect(str(newer))
    con.execute("UPDATE dataset SET schema_version = 99")
    con.close()
    before = newer.read_bytes()
    refused = _samma("upgrade", str(newer))
    assert refused.returncode == 1 and "newer" in refused.stderr
    assert newer.read_bytes() == before


# The child stops at a chosen point of the upgrade, says so, and waits to be killed there.
KILLED_CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tests.killed import stop_at_rename, stop_here
    from samma import db, migrations
    path, point = Path(sys.argv[1]), sys.argv[2]

    if point == "carrying":
        carry = migrations.carry_facts
        def carry_then_stop(con, source, version):
            carry(con, source, version)
            stop_here()
        migrations.carry_facts = carry_then_stop
    else:
        stop_at_rename(point)
    db.upgrade(path)
    print("finished", flush=True)
""")


@pytest.mark.parametrize("point", ["carrying", "backing-up", "swapping"])
def test_an_upgrade_killed_halfway_leaves_the_file_as_it_was(point, tmp_path):
    old = _unpack("schema-v3", tmp_path)
    before = old.read_bytes()
    assert kill_when_ready(KILLED_CHILD, old, point) == -signal.SIGKILL
    assert old.read_bytes() == before
    # And the next try finishes, clearing what the killed one left.
    assert db.upgrade(old) == (3, db.SCHEMA_VERSION)
    assert [p.name for p in old.parent.iterdir() if p.name.startswith(".")] == []


def test_export_reads_an_older_file_without_changing_it(tmp_path):
    old = _unpack("schema-v2", tmp_path)
    before = old.read_bytes()
    out = tmp_path / "out.xlsx"
    done = _samma("export", str(out), "--db", str(old))
    assert done.returncode == 0, done.stderr
    assert old.read_bytes() == before
    con = duckdb.connect(str(old), read_only=True)
    contributions, entries = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                              for t in ("contribution", "fund_entry"))
    con.close()
    exported = openpyxl.load_workbook(out, read_only=True)
    assert exported["contribution"].max_row - 1 == contributions > 0
    assert exported["fund_entry"].max_row - 1 == entries > 0


def test_restore_puts_back_a_backup_an_earlier_version_made(tmp_path, sample_db):
    live = tmp_path / "live" / "samma.duckdb"
    live.parent.mkdir()
    shutil.copy(sample_db, live)
    old = _unpack("schema-v4-provinces", tmp_path)
    backup = db.backups_dir(live) / "samma-2026-01-01_000000_000000.duckdb"
    backup.parent.mkdir()
    shutil.copy(old, backup)
    done = _samma("restore", backup.name, "--db", str(live))
    assert done.returncode == 0, done.stderr
    assert _version(live) == db.SCHEMA_VERSION
    con = duckdb.connect(str(live), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT left(code, 2)) FROM village").fetchone() == (90, 3)
    con.close()
    assert backup.read_bytes() == old.read_bytes()       # the backup itself is kept as it was
    assert len(db.list_backups(live)) == 2               # and the file it replaced is backed up


def test_a_schema_change_comes_with_a_new_version():
    digest = hashlib.sha256()
    for path in [ROOT / "samma" / "schema.sql", *sorted((ROOT / "samma" / "derived").glob("*.sql"))]:
        digest.update(path.name.encode() + path.read_bytes())
    assert FINGERPRINTS.get(db.SCHEMA_VERSION) == digest.hexdigest(), (
        "schema.sql or samma/derived/ changed: bump migrations.CURRENT, write its step and a "
        "fixture of the previous version, then record this fingerprint: " + digest.hexdigest())
