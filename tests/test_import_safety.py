"""Nothing lost: an import killed halfway, an import while another process reads, and random
corruption of a valid workbook."""

import io
import json
import os
import signal
import subprocess
import sys
import textwrap

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samma import db, workbook
from samma.workbook import LoadRejected
from tests.conftest import ROOT
from tests.killed import kill_when_ready

# The child stops at a chosen point of the load, says so, and waits to be killed there.
KILLED_CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tests.killed import stop_at_rename, stop_here
    from samma import db, workbook
    source, live, point = sys.argv[1:4]

    if point == "filling":
        fill = db.insert_rows
        def insert_then_stop(con, tables):
            fill(con, tables)
            if "contribution" in tables:
                stop_here()
        db.insert_rows = insert_then_stop
    else:
        stop_at_rename(point)
    workbook.load(Path(source), Path(live))
    print("finished", flush=True)
""")


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    path = tmp_path_factory.mktemp("filled") / "filled.xlsx"
    path.write_bytes(workbook.template_bytes())
    return path


@pytest.mark.parametrize("point", ["filling", "backing-up", "swapping"])
def test_an_import_killed_halfway_leaves_the_live_database_as_it_was(point, live, filled):
    before = live.read_bytes()
    assert kill_when_ready(KILLED_CHILD, filled, live, point) == -signal.SIGKILL
    assert live.read_bytes() == before
    assert db.Reader(live).run("SELECT is_sample FROM dataset").iloc[0, 0]
    assert _work_files(live), "the killed load left its half-written file behind"
    # The next load is not blocked by what the killed one left behind, and clears it away.
    workbook.load(filled, live)
    assert not db.Reader(live).run("SELECT is_sample FROM dataset").iloc[0, 0]
    assert _work_files(live) == []


def _work_files(live):
    return sorted(p.name for folder in (live.parent, db.backups_dir(live)) if folder.is_dir()
                  for p in folder.iterdir() if p.name.startswith("."))


def test_a_running_writes_files_are_left_alone(live):
    # This process is alive: a work file named with its id is a write in progress.
    own = live.with_name(f".{live.name}.{os.getpid()}.{'a' * 32}.building")
    own.write_bytes(b"in progress")
    gone = live.with_name(f".{live.name}.{2 ** 22 + 1}.{'b' * 32}.building")   # above pid_max
    gone.write_bytes(b"left by a killed load")
    unknown = live.with_name(".notes.txt")
    unknown.write_text("not ours")
    assert db.clear_leftovers(live) == [gone]
    assert own.exists() and unknown.exists() and not gone.exists()


READER_CHILD = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from samma import db
    reader = db.Reader(Path(sys.argv[1]))
    seen = set()
    print("reading", flush=True)
    while True:
        row = reader.run('''SELECT (SELECT name_en FROM dataset), (SELECT count(*) FROM village),
                                   (SELECT sum(amount_baht) FROM contribution)''').iloc[0]
        seen.add((str(row.iloc[0]), int(row.iloc[1]), float(row.iloc[2])))
        if row.iloc[0] == sys.argv[2]:
            break
    print(json.dumps(sorted(seen)), flush=True)
""")


def test_a_reader_sees_old_or_new_data_never_a_mix(live, filled, sql):
    old = [sql("SELECT name_en FROM dataset")[0][0], sql("SELECT count(*) FROM village")[0][0],
           float(sql("SELECT sum(amount_baht) FROM contribution")[0][0])]
    new = ["Tha Wang Tan livelihood network", 2, 27000.0]        # the template's example network
    child = subprocess.Popen([sys.executable, "-c", READER_CHILD, str(live), new[0]], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "reading"
        workbook.load(filled, live)
        out, err = child.communicate(timeout=120)
    finally:
        child.kill()
    assert child.returncode == 0, err
    seen = json.loads(out)
    assert new in seen
    assert all(row in (old, new) for row in seen), seen


def _raw(data: bytes) -> dict:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


TEMPLATE_RAW = _raw(workbook.template_bytes())
DATA_SHEETS = [s.name for s in workbook.SHEETS]
CELL_VALUES = st.one_of(
    st.none(), st.text(max_size=12), st.integers(-10**9, 10**9),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.dates(), st.datetimes(),
    st.sampled_from(["", " ", "๑๒๓", "15 ม.ค. 2568", "31/02/2568", "฿-5", "G50191001", "CDD",
                     "50191001", "เงินสด / cash", "1e308", "1,2,3"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_corrupted_cells_load_or_are_located_never_a_traceback(data, tmp_path):
    live = tmp_path / "corrupt" / "samma.duckdb"
    if not live.exists():
        live.parent.mkdir(exist_ok=True)
        workbook.load_raw(TEMPLATE_RAW, live)
    raw = {name: [list(r) for r in rows] for name, rows in TEMPLATE_RAW.items()}
    for _ in range(data.draw(st.integers(1, 4))):
        sheet = data.draw(st.sampled_from(DATA_SHEETS))
        rows = raw[sheet]
        r = data.draw(st.integers(0, len(rows) - 1))
        c = data.draw(st.integers(0, len(rows[r]) - 1))
        rows[r][c] = data.draw(CELL_VALUES)
    before = live.read_bytes()
    try:
        workbook.load_raw(raw, live)
    except LoadRejected as rejected:
        assert rejected.problems
        for problem in rejected.problems:
            assert problem.sheet in DATA_SHEETS
            assert problem.text("th") and problem.text("en")
        assert live.read_bytes() == before


def test_a_whole_number_past_what_the_database_holds_is_located_not_an_overflow(tmp_path):
    """Hypothesis's find: 9.223372036854776e+18 in a cell of the sale sheet stopped the load with
    Arrow's OverflowError; now it is a problem at its cell, and the live file is untouched."""
    live = tmp_path / "samma.duckdb"
    workbook.load_raw(TEMPLATE_RAW, live)
    before = live.read_bytes()
    raw = {name: [list(r) for r in rows] for name, rows in TEMPLATE_RAW.items()}
    raw["sale"][1][2] = 9.223372036854776e18
    with pytest.raises(LoadRejected) as rejected:
        workbook.load_raw(raw, live)
    [problem] = [p for p in rejected.value.problems if p.key == "err_above"]
    assert (problem.sheet, problem.row) == ("sale", 2)
    assert problem.text("en").endswith("must be at most 9,223,372,036,854,775,807")
    assert live.read_bytes() == before
