"""Updating one network in a database of several (`import --update`): its areas replaced, every
other network's rows as they were, what was replaced said, nothing changed on a mistake or a kill."""

import datetime as dt
import signal
import subprocess
import sys
import textwrap

import duckdb
import pytest

from samma import db, workbook
from samma.workbook import EXAMPLES, LoadRejected
from tests.conftest import ROOT
from tests.killed import kill_when_ready
from tests.test_import_many import NONG_PHUENG, _facts, _union, _write

_D = dt.date
# Nong Phueng corrected: its household joined a day later, a second household, its training gone.
CORRECTED = dict(NONG_PHUENG, household=[("HH-101", "50191101", _D(2018, 2, 11), "G50191101"),
                                         ("HH-102", "50191101", _D(2018, 4, 1), None)],
                 training=[], training_group=[])


@pytest.fixture
def two(tmp_path):
    """Tha Wang Tan and Nong Phueng loaded together, and Tha Wang Tan loaded alone."""
    a, b = _write(tmp_path, "a.xlsx", EXAMPLES), _write(tmp_path, "b.xlsx", NONG_PHUENG)
    live, alone = tmp_path / "live" / "samma.duckdb", tmp_path / "alone" / "samma.duckdb"
    workbook.load([a, b], live)
    workbook.load(a, alone)
    return live, alone


def _missing(alone, live) -> dict[str, int]:
    """Per table, the rows of the database loaded from Tha Wang Tan's workbook alone that the
    live database does not hold exactly (plain SQL, column by column)."""
    con = duckdb.connect()
    con.execute("ATTACH ? AS alone (READ_ONLY)", [str(alone)])
    con.execute("ATTACH ? AS live (READ_ONLY)", [str(live)])
    try:
        return {table: con.execute(f"SELECT count(*) FROM (SELECT * FROM alone.{table} EXCEPT ALL "
                                   f"SELECT * FROM live.{table})").fetchone()[0]
                for table in db.TABLES if table not in ("dataset", "network_source")}
    finally:
        con.close()


def test_an_update_replaces_its_network_and_keeps_the_other_byte_for_byte(two, tmp_path):
    live, alone = two
    assert set(_missing(alone, live).values()) == {0}
    loaded = workbook.update(_write(tmp_path, "b2.xlsx", CORRECTED), live)
    assert set(_missing(alone, live).values()) == {0}
    # The same as loading the two workbooks as they are now.
    both = tmp_path / "both" / "samma.duckdb"
    workbook.load([tmp_path / "a.xlsx", tmp_path / "b2.xlsx"], both)
    assert _facts(live) == _facts(both)
    said = {r.sheet: (r.before, r.after, r.removed, r.added) for r in loaded.replaced}
    assert said["household"] == (3, 4, 1, 2)
    assert loaded.updated == ("หนองผึ้ง", "Nong Phueng")
    assert said["training"] == (2, 1, 1, 0)
    assert said["subdistrict"] == (2, 2, 1, 1)
    assert "province" not in said and "partner" not in said          # shared, unchanged
    con = duckdb.connect(str(live), read_only=True)
    sources = con.execute("SELECT network_code, file FROM network_source ORDER BY 1").fetchall()
    con.close()
    assert sources == [("N501910", "a.xlsx"), ("N501911", "b2.xlsx")]
    assert len(db.list_backups(live)) == 1


def test_an_update_whose_numbers_are_taken_moves_them(two, tmp_path):
    live, _ = two
    clashing = dict(CORRECTED, contribution=[(2, *NONG_PHUENG["contribution"][0][1:])],
                    fund_entry=[(3, *NONG_PHUENG["fund_entry"][0][1:6], 2, None, None, None)])
    loaded = workbook.update(_write(tmp_path, "b2.xlsx", clashing), live)
    con = duckdb.connect(str(live), read_only=True)
    # Tha Wang Tan's contributions are 1-4 and its ledger 1-11: the update's 2 and 3 follow them.
    assert con.execute("SELECT id FROM contribution WHERE group_code = 'G50191101'").fetchall() == [(6,)]
    assert con.execute("SELECT id, contribution_id FROM fund_entry WHERE group_code = 'G50191101'"
                       ).fetchall() == [(14, 6)]
    con.close()
    assert any("contribution (+4)" in en for _, en in loaded.notes)


@pytest.mark.parametrize("change, expected", [
    (dict(partner=[EXAMPLES["partner"][0], (*EXAMPLES["partner"][1][:5], "academic", *EXAMPLES["partner"][1][6:])]),
     ("err_conflict_database", "partner", 3, "ภาคส่วน / sector", "academic")),
    (dict(household=[*CORRECTED["household"], ("HH-001", "50191101", _D(2018, 4, 1), None)]),
     ("err_taken_in_database", "household", 4, "รหัสครัวเรือน / code", "HH-001")),
])
def test_an_update_that_disagrees_with_the_other_networks_changes_nothing(change, expected, two, tmp_path):
    live, _ = two
    before = live.read_bytes()
    with pytest.raises(LoadRejected) as rejected:
        workbook.update(_write(tmp_path, "b2.xlsx", dict(CORRECTED, **change)), live)
    assert [(p.key, p.sheet, p.row, p.column, p.value) for p in rejected.value.problems] == [expected]
    assert live.read_bytes() == before


def test_an_update_may_not_take_out_what_another_network_still_refers_to(tmp_path):
    """One workbook for both subdistricts, where Tha Wang Tan's training took in Nong Phueng's
    longan group; Nong Phueng's update without that group is refused, located and said in both
    languages, and changes nothing; with the group it loads, the training's row kept."""
    both = _union()
    both["training_group"] = both["training_group"] + [(1, "G50191101")]
    live = tmp_path / "live" / "samma.duckdb"
    workbook.load(_write(tmp_path, "both.xlsx", both), live)
    without = dict(CORRECTED, occupation_group=[], contribution=[], fund_entry=[],
                   household=[("HH-101", "50191101", _D(2018, 2, 11), None)])
    before = live.read_bytes()
    with pytest.raises(LoadRejected) as rejected:
        workbook.update(_write(tmp_path, "b2.xlsx", without), live)
    problems = rejected.value.problems
    assert [(p.key, p.sheet, p.row, p.value, p.params) for p in problems] == [
        ("err_update_still_used", "occupation_group", None, "G50191101", {"sheet": "training_group", "n": 1})]
    assert problems[0].text("en") == (
        "sheet occupation_group: value “G50191101”: 1 row(s) of another network in the sheet "
        "training_group still refer to it: keep it in this workbook, or change that network's data first")
    assert "training_group" in problems[0].text("th") and "G50191101" in problems[0].text("th")
    assert live.read_bytes() == before
    workbook.update(_write(tmp_path, "b3.xlsx", CORRECTED), live)
    con = duckdb.connect(str(live), read_only=True)
    assert con.execute("SELECT training_id, group_code FROM training_group ORDER BY ALL").fetchall() == [
        (1, "G50191001"), (1, "G50191101")]
    con.close()


def test_an_update_needs_a_database_of_this_version_and_an_area(two, tmp_path):
    import gzip
    import shutil
    live, _ = two
    b = _write(tmp_path, "b.xlsx", NONG_PHUENG)
    old = tmp_path / "old.duckdb"
    with gzip.open(ROOT / "tests" / "fixtures" / "schema-v8.duckdb.gz") as packed, open(old, "wb") as out:
        shutil.copyfileobj(packed, out)
    no_area = _write(tmp_path, "shared.xlsx", {k: NONG_PHUENG[k] for k in
                                               ("dataset", "province", "district", "partner", "occupation")})
    for source, target, key in [(b, tmp_path / "none.duckdb", "err_update_no_database"),
                                (b, old, "err_update_version"), (no_area, live, "err_update_no_area")]:
        before = target.read_bytes() if target.exists() else None
        with pytest.raises(LoadRejected) as rejected:
            workbook.update(source, target)
        assert [p.key for p in rejected.value.problems] == [key]
        assert (target.read_bytes() if target.exists() else None) == before


# The child stops at a chosen point of the update, says so, and waits to be killed there.
KILLED_CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tests.killed import stop_at_rename, stop_here
    from samma import db, derive, workbook
    source, live, point = sys.argv[1:4]

    if point == "deriving":
        derive.derive = stop_here
    else:
        stop_at_rename(point)
    workbook.update(Path(source), Path(live))
    print("finished", flush=True)
""")


@pytest.mark.parametrize("point", ["deriving", "backing-up", "swapping"])
def test_an_update_killed_halfway_leaves_the_live_database_as_it_was(point, two, tmp_path):
    live, _ = two
    before = live.read_bytes()
    source = _write(tmp_path, "b2.xlsx", CORRECTED)
    assert kill_when_ready(KILLED_CHILD, source, live, point) == -signal.SIGKILL
    assert live.read_bytes() == before
    workbook.update(source, live)            # not blocked by what the killed one left behind
    assert sorted(p.name for p in live.parent.iterdir()) == ["backups", "samma.duckdb"]


def _samma(*args):
    return subprocess.run([sys.executable, "-m", "samma", *map(str, args)], cwd=ROOT,
                          env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=120)


def test_the_import_command_loads_several_files_and_updates_one(two, tmp_path):
    live, _ = two
    done = _samma("import", "--update", _write(tmp_path, "b2.xlsx", CORRECTED), "--db", live)
    assert done.returncode == 0, done.stderr
    assert "ปรับปรุงข้อมูลของ หนองผึ้ง แล้ว" in done.stdout
    assert "updated Nong Phueng (every other area's data is as it was)" in done.stdout
    assert "household: 3 rows before, 4 after (1 removed, 2 added)" in done.stdout
    other = tmp_path / "other" / "samma.duckdb"
    done = _samma("import", tmp_path / "a.xlsx", tmp_path / "b.xlsx", "--db", other)
    assert done.returncode == 0, done.stderr
    assert _facts(other)["network"][1][0] == "N501911"


def test_bad_import_commands_get_clear_messages_and_change_nothing(two, tmp_path):
    live, _ = two
    before = live.read_bytes()
    unreadable = tmp_path / "locked.xlsx"
    unreadable.write_bytes(b"PK\x03\x04 not really a workbook")
    for args, code, message in [
        (("import", "--update", tmp_path / "a.xlsx", tmp_path / "b.xlsx"), 2, "--update takes one network's workbook"),
        (("import", "--update"), 2, "the following arguments are required: sources"),
        (("import",), 2, "the following arguments are required: sources"),
        (("import", tmp_path / "gone.xlsx"), 1, "there is no file gone.xlsx"),
        (("import", "--update", tmp_path / "gone.xlsx"), 1, "there is no file gone.xlsx"),
        (("import", tmp_path / "a.xlsx", unreadable), 1, f"file {unreadable}: this is not an Excel"),
        (("import", "--update", unreadable), 1, "this is not an Excel"),
    ]:
        done = _samma(*args, "--db", live)
        assert done.returncode == code, (args, done.stderr)
        assert message in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
    done = _samma("import", "--update", tmp_path / "b.xlsx", "--db", tmp_path / "nothing.duckdb")
    assert done.returncode == 1 and "there is no database at" in done.stderr
    assert live.read_bytes() == before


def test_every_table_of_a_network_lies_in_a_subdistrict_or_is_shared():
    from samma.workbook.merge import SHARED
    from samma.workbook.update import COVERED
    assert set(db.TABLES) - {"dataset"} == set(COVERED) | set(SHARED)
    assert not set(COVERED) & set(SHARED)


def test_updating_a_network_with_its_own_rows_changes_no_fact(live, tmp_path):
    """The sample's network, written out as its office would send it (a CSV folder of its
    subdistrict), updated into the sample: every table as it was, its rows taken out and put in."""
    from bench.imports import write_csv_folder
    con = duckdb.connect()
    con.execute("ATTACH ? AS live (READ_ONLY)", [str(live)])
    sub = con.execute("SELECT min(subdistrict_code) FROM live.network").fetchone()[0]
    counts = {t: con.execute(f"SELECT count(*) FROM live.{t}").fetchone()[0] for t in ("network", "meeting")}
    write_csv_folder(con, tmp_path / "network", f"SELECT '{sub}' AS code")
    con.close()
    before = _facts(live)
    loaded = workbook.update(tmp_path / "network", live)
    assert _facts(live) == before
    said = {r.sheet: r for r in loaded.replaced}
    assert said["network"].removed == said["network"].added == 1 and said["network"].after == counts["network"]
    assert said["meeting"].removed == said["meeting"].added > 0
    assert all(r.before == r.after and r.removed == r.added for r in loaded.replaced)
