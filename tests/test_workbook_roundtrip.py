"""Export writes the live data in the template's format; export → import → export is the same."""

import io
import shutil

import duckdb
import openpyxl
import pytest

from samma import db, workbook
from tests.conftest import expected_capital_warnings


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory, sample_db):
    folder = tmp_path_factory.mktemp("roundtrip")
    first = folder / "first.xlsx"
    workbook.export(sample_db, first)
    loaded = folder / "loaded.duckdb"
    report = workbook.load(first, loaded)
    second = folder / "second.xlsx"
    workbook.export(loaded, second)
    return first, loaded, second, report


def _values(path):
    wb = openpyxl.load_workbook(path, read_only=True)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def test_export_then_import_gives_the_same_figures_in_every_table(round_trip, sample_db):
    _, loaded, _, _ = round_trip
    con = duckdb.connect()
    con.execute("ATTACH ? AS a (READ_ONLY)", [str(sample_db)])
    con.execute("ATTACH ? AS b (READ_ONLY)", [str(loaded)])
    for table in db.TABLES:
        # What the load records of itself: the sample has no file; the import names the workbook.
        if table in ("dataset", "network_source"):
            continue
        count = con.execute(f"SELECT count(*) FROM a.{table}").fetchone()[0]
        assert con.execute(f"SELECT count(*) FROM b.{table}").fetchone()[0] == count, table
        differ = con.execute(f"SELECT count(*) FROM (SELECT * FROM a.{table} EXCEPT ALL "
                             f"SELECT * FROM b.{table})").fetchone()[0]
        assert differ == 0, table
    assert con.execute("SELECT name_en, as_of, positions_approximate FROM a.dataset").fetchone() == \
        con.execute("SELECT name_en, as_of, positions_approximate FROM b.dataset").fetchone()
    assert con.execute("SELECT is_sample FROM b.dataset").fetchone() == (False,)
    assert con.execute("SELECT count(*) FROM a.network_source").fetchone() == (0,)
    assert con.execute("SELECT count(DISTINCT network_code), min(file) FROM b.network_source").fetchone() == (
        con.execute("SELECT count(*) FROM a.network").fetchone()[0], "first.xlsx")


def test_export_import_export_writes_the_same_workbook(round_trip):
    first, _, second, _ = round_trip
    assert _values(first) == _values(second)


def test_export_is_in_the_template_format(round_trip, sql):
    first, _, _, _ = round_trip
    exported = openpyxl.load_workbook(first)
    template = openpyxl.load_workbook(io.BytesIO(workbook.template_bytes()))
    assert exported.sheetnames == template.sheetnames
    for name in template.sheetnames:
        assert [c.value for c in exported[name][1]] == [c.value for c in template[name][1]]
    assert exported["contribution"].max_row - 1 == sql("SELECT count(*) FROM contribution")[0][0]
    assert exported["contribution"]["G2"].value in ("เงินสด / cash", "ไม่ใช่ตัวเงิน / in_kind")
    assert exported["loan"].max_row - 1 == sql("SELECT count(*) FROM loan")[0][0] > 0
    assert exported["contribution"].data_validations.dataValidation


def test_warnings_survive_the_round_trip(round_trip, sql):
    _, _, _, report = round_trip
    assert [en for _, en in report.warnings] == expected_capital_warnings(sql, "en")
    assert report.notes == []                # an export has every sheet and column


def test_export_command_and_bad_target(tmp_path, sample_db, capsys):
    from samma.__main__ import main
    live = tmp_path / "samma.duckdb"
    shutil.copy(sample_db, live)
    assert main(["export", str(tmp_path / "out.xlsx"), "--db", str(live)]) == 0
    assert (tmp_path / "out.xlsx").stat().st_size > 0
    assert main(["export", str(tmp_path / "out.csv"), "--db", str(live)]) == 2
    assert main(["export", str(tmp_path / "no" / "such" / "dir" / "out.xlsx"), "--db", str(live)]) == 1
    assert "cannot write" in capsys.readouterr().err
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"nothing")
    assert main(["export", str(tmp_path / "b.xlsx"), "--db", str(broken)]) == 1
    assert "cannot read the database" in capsys.readouterr().err
