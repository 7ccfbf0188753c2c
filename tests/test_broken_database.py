"""A broken or missing database, on every page: a clear page in Thai and English that
says what is wrong and what to do, never a traceback; and recovery by itself once fixed."""

import shutil
import subprocess
import sys

import duckdb
import pytest

from tests.conftest import PAGES, run_app


def _missing(path, sample_db):
    return None


def _not_duckdb(path, sample_db):
    path.write_bytes(b"PK\x03\x04 a spreadsheet saved over the database" * 300)


def _truncated(path, sample_db):
    path.write_bytes(sample_db.read_bytes()[: sample_db.stat().st_size // 2])


def _older_schema(path, sample_db):
    shutil.copy(sample_db, path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE dataset SET schema_version = schema_version - 1")
    con.close()


def _locked(path, sample_db):
    """Another program holds the file open for writing (a second process, as in real life)."""
    shutil.copy(sample_db, path)
    writer = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "locked"
    return writer


BREAKAGES = {"missing": _missing, "unreadable": _not_duckdb, "truncated": _truncated,
             "old": _older_schema, "locked": _locked}
# What a viewer reads for each, in Thai and English, and what to do, written out here rather than
# built by the code under test. A file cut short reads as any other unreadable file.
UNREADABLE = ("ไฟล์ samma.duckdb ไม่ใช่ฐานข้อมูลที่อ่านได้", "The file samma.duckdb is not a readable database")
SAID = {
    "missing": ("ไม่พบฐานข้อมูลที่ samma.duckdb", "No database at samma.duckdb"),
    "unreadable": UNREADABLE,
    "truncated": UNREADABLE,
    "old": ("ฐานข้อมูล samma.duckdb สร้างจากแอปรุ่นเก่า ต้องปรับปรุงให้เป็นรุ่นปัจจุบันก่อนจึงจะเปิดได้",
            "The database samma.duckdb was made by an earlier version of Samma and must be upgraded"),
    "locked": ("ฐานข้อมูล samma.duckdb กำลังถูกเขียนโดยโปรแกรมอื่น",
               "The database samma.duckdb is locked by another program"),
}
WHAT_TO_DO = ("ให้ผู้ดูแลระบบนำเข้าข้อมูลใหม่ หรือกู้คืนจากสำเนาสำรอง (python -m samma restore) "
              "หน้านี้จะกลับมาเองเมื่อแก้ไขแล้ว")
UPGRADE = ("ให้ผู้ดูแลระบบใช้คำสั่ง python -m samma upgrade หนึ่งครั้ง คำสั่งนี้จะปรับปรุงข้อมูลทั้งหมด"
           "ให้เป็นรุ่นปัจจุบัน และเก็บไฟล์เดิมไว้เป็นสำเนาสำรอง หน้านี้จะกลับมาเองเมื่อเสร็จ")


# The guard is in the router, around every page: every breakage on the first page a link opens,
# and one breakage on every page.
CASES = [(b, "overview") for b in BREAKAGES] + [("truncated", p) for p in PAGES if p != "overview"]


@pytest.mark.parametrize("breakage, page", CASES)
def test_every_page_explains_a_broken_database_in_both_languages(breakage, page, tmp_path,
                                                                  sample_db, monkeypatch):
    path = tmp_path / "samma.duckdb"
    holder = BREAKAGES[breakage](path, sample_db)
    monkeypatch.setenv("SAMMA_DB", str(path))
    try:
        at = run_app(page)
    finally:
        if holder is not None:
            holder.communicate("")
    assert not at.exception
    assert path.name == "samma.duckdb"
    assert [e.value for e in at.error] == list(SAID[breakage])       # Thai first, then English
    assert [i.value for i in at.info] == [UPGRADE if breakage == "old" else WHAT_TO_DO]
    assert not at.metric and not at.get("vega_lite_chart") and not at.get("deck_gl_json_chart")


@pytest.mark.parametrize("breakage", ["unreadable", "truncated", "locked"])
def test_the_app_recovers_once_the_file_is_fixed(breakage, tmp_path, sample_db, monkeypatch, sql):
    path = tmp_path / "samma.duckdb"
    holder = BREAKAGES[breakage](path, sample_db)
    monkeypatch.setenv("SAMMA_DB", str(path))
    at = run_app()
    assert at.error and not at.metric
    if holder is not None:
        holder.communicate("")                 # the writer finishes and lets go
    else:
        path.unlink()
        shutil.copy(sample_db, path)           # the administrator restores a good copy
    at.run()
    assert not at.exception and not at.error
    households = sql("SELECT count(*) FROM household")[0][0]
    assert {m.label: m.value for m in at.metric}["ครัวเรือนที่เข้าร่วม"] == f"{households:,}"
