"""Issue 9: a broken or missing database, on every page: a clear page in Thai and English that
says what is wrong and what to do, never a traceback; and recovery by itself once fixed."""

import re
import shutil
import subprocess
import sys

import duckdb
import pytest

from samma.i18n import t
from tests.conftest import ROOT, run_app

PAGES = re.findall(r'st\.Page\("views/([a-z]+)\.py"', (ROOT / "app.py").read_text(encoding="utf-8"))


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
             "schema": _older_schema, "locked": _locked}
REASON = {"truncated": "unreadable"}


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
    reason = REASON.get(breakage, breakage)
    errors = [e.value for e in at.error]
    assert t(f"db_{reason}", "th", path=path.name) in errors
    assert t(f"db_{reason}", "en", path=path.name) in errors
    assert [i.value for i in at.info] == [t("db_what_to_do", "th")]
    assert not at.metric and not at.get("vega_lite_chart") and not at.get("deck_gl_json_chart")


@pytest.mark.parametrize("breakage", ["unreadable", "truncated", "locked"])
def test_the_app_recovers_once_the_file_is_fixed(breakage, tmp_path, sample_db, monkeypatch):
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
    assert len(at.metric) == 11
