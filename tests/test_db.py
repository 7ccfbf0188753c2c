"""Opening the database: read-only, notices a replaced file, explains what it cannot read."""

import os
import shutil

import duckdb
import pytest

from samma import db, sample, ui


def _dataset_name(reader: db.Reader) -> str:
    return reader.run("SELECT name_en FROM dataset").iloc[0, 0]


def test_reader_sees_a_replaced_file_without_restart(tmp_path, sample_db):
    live = tmp_path / "live.duckdb"
    shutil.copy(sample_db, live)
    reader = db.Reader(live)
    assert _dataset_name(reader) == "Sample: Saraphi livelihood network"
    sample.build(live, villages=13)          # swapped in by rename, as an import does
    assert _dataset_name(reader) == "Sample: Tha Wang Tan subdistrict, Saraphi"
    assert reader.run("SELECT count(*) FROM village").iloc[0, 0] == 13


def test_viewer_connection_cannot_write(tmp_path, sample_db):
    live = tmp_path / "live.duckdb"
    shutil.copy(sample_db, live)
    before = live.read_bytes()
    reader = db.Reader(live)
    with pytest.raises(duckdb.Error, match="read-only|read only"):
        reader.run("DELETE FROM sale")
    with pytest.raises(duckdb.Error):
        reader.run("CREATE TABLE samma.intruder (x INTEGER)")
    assert live.read_bytes() == before


def test_query_results_are_parameterised_and_cached_per_version(tmp_path, sample_db):
    live = tmp_path / "live.duckdb"
    shutil.copy(sample_db, live)
    reader = db.Reader(live)
    hostile = "501910' OR '1'='1"
    assert reader.run("SELECT count(*) FROM village WHERE subdistrict_code = ?", [hostile]).iloc[0, 0] == 0
    first = reader.run("SELECT count(*) AS n FROM village WHERE is_pilot = ?", [True])
    first.loc[0, "n"] = -1                   # a caller changing its copy changes nothing cached
    assert reader.run("SELECT count(*) AS n FROM village WHERE is_pilot = ?", [True]).iloc[0, 0] == 13


@pytest.mark.parametrize("content,reason", [
    (None, "missing"),
    (b"", "unreadable"),
    (b"not a database at all\n" * 200, "unreadable"),
])
def test_unreadable_files_are_named_not_thrown(tmp_path, content, reason):
    path = tmp_path / "broken.duckdb"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(db.DatabaseUnavailable) as problem:
        db.Reader(path).run("SELECT 1")
    assert problem.value.reason == reason


def test_truncated_file_is_unreadable(tmp_path, sample_db):
    path = tmp_path / "truncated.duckdb"
    path.write_bytes(sample_db.read_bytes()[: os.path.getsize(sample_db) // 3])
    with pytest.raises(db.DatabaseUnavailable) as problem:
        db.Reader(path).run("SELECT count(*) FROM sale")
    assert problem.value.reason == "unreadable"


@pytest.mark.parametrize("version, reason", [(-1, "old"), (1, "newer"), (-100, "unreadable")])
def test_a_file_of_another_schema_version_is_refused(tmp_path, sample_db, version, reason):
    """-1: one version behind (the upgrade command fixes it); +1: made by a newer Samma; a
    version no Samma ever wrote is not a Samma file."""
    path = tmp_path / "other.duckdb"
    shutil.copy(sample_db, path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE dataset SET schema_version = schema_version + ?", [version])
    con.close()
    with pytest.raises(db.DatabaseUnavailable) as problem:
        db.Reader(path).run("SELECT 1")
    assert problem.value.reason == reason


def test_a_failed_build_leaves_the_live_file_as_it_was(tmp_path, sample_db):
    live = tmp_path / "live.duckdb"
    shutil.copy(sample_db, live)
    before = live.read_bytes()

    def broken_fill(con):
        con.execute("INSERT INTO partner VALUES ('X', 'x', 'x', 'x', 'x', 'state', 'x', 'x')")
        raise RuntimeError("the spreadsheet was wrong")

    with pytest.raises(RuntimeError):
        db.write_database(live, broken_fill)
    assert live.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["live.duckdb"]   # no half-built leftovers


def test_default_path_builds_the_sample_on_first_run(tmp_path, monkeypatch):
    default = tmp_path / "data" / "samma.duckdb"
    monkeypatch.setattr(db, "DEFAULT_PATH", default)
    monkeypatch.delenv("SAMMA_DB")
    assert ui.first_run_database() == default
    assert db.Reader(default).run("SELECT is_sample FROM dataset").iloc[0, 0]


def test_configured_missing_path_is_not_papered_over(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMMA_DB", str(tmp_path / "typo.duckdb"))
    ui.first_run_database()
    assert not (tmp_path / "typo.duckdb").exists()


def test_one_page_run_reads_one_version_even_when_a_new_file_lands_halfway(tmp_path, sample_db,
                                                                             monkeypatch):
    live = tmp_path / "live.duckdb"
    shutil.copy(sample_db, live)
    monkeypatch.setenv("SAMMA_DB", str(live))
    with db.one_version():
        before = db.run("SELECT name_en FROM dataset").iloc[0, 0]
        sample.build(live, villages=13)                  # an import lands mid-page
        assert db.run("SELECT name_en FROM dataset").iloc[0, 0] == before
        assert db.run("SELECT count(*) FROM village").iloc[0, 0] == 34
    assert db.run("SELECT count(*) FROM village").iloc[0, 0] == 13   # the next run sees the new one
