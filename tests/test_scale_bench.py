"""The benchmark's own plumbing (the measurements themselves run on demand: python -m bench)."""

import shutil

import pytest

from bench import run


def test_pages_are_discovered_from_the_router():
    pages = run.discover_pages()
    assert ("views/overview.py", "overview") in pages
    assert all(script.startswith("views/") and url for script, url in pages)


def test_discovery_reads_each_st_page_of_a_router(tmp_path):
    app = tmp_path / "app.py"
    app.write_text('import streamlit as st\nst.navigation([st.Page("views/a.py", url_path="alpha"),\n'
                   '    st.Page("views/b.py", title="B")])\n', encoding="utf-8")
    assert run.discover_pages(app) == [("views/a.py", "alpha"), ("views/b.py", "b")]


@pytest.mark.parametrize("bad", [["--repeat", "0"], ["--repeat", "x"], ["--tier", "national"],
                                 ["--import-tier", "world"]])
def test_bad_arguments_are_refused_before_any_work(bad, capsys):
    with pytest.raises(SystemExit) as stopped:
        run.main(bad)
    assert stopped.value.code == 2
    assert "usage: python -m bench" in capsys.readouterr().err


def test_slider_rerun_moves_the_slider_and_times_both(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest
    page = tmp_path / "whatif.py"
    page.write_text('import streamlit as st\nv = st.slider("saving", 0, 200, 50, step=10)\n'
                    'st.session_state.setdefault("seen", set()).add(v)\n', encoding="utf-8")
    apps = []

    def apptest(script):
        apps.append(AppTest.from_file(str(page), default_timeout=60))
        return apps[-1]

    monkeypatch.setattr(run, "_apptest", apptest)
    timed = run._slider_rerun("views/whatif.py", repeat=1)
    assert timed["error"] == "" and timed["moved"] > 0 and timed["bare"] > 0
    assert len(apps[0].session_state["seen"]) >= 4     # the slider really moved


def test_snapshot_is_measured_by_the_command_a_coordinator_runs(tmp_path, monkeypatch, pilot_db):
    shutil.copy(pilot_db, tmp_path / "pilot.duckdb")
    monkeypatch.setattr(run, "DATA", tmp_path)
    monkeypatch.setattr(run, "TIERS", ("pilot",))
    measured = run.measure_snapshots()["pilot"]
    # Sarabun alone is about 0.2 MB and Vega about 1 MB: a file much smaller than that is not the snapshot.
    assert 1.0 < measured["size_mb"] < 3.0, measured
    assert measured["wall_s"] > 0 and measured["peak_mb"] > 0


def test_server_interactions_table_gives_median_and_slowest_marks_the_goal_and_says_what_failed():
    from bench.server_interactions import table
    results = {"pilot": {"A": {"runs": [50, 250, 100], "error": ""}, "B": None,
                         "C": {"runs": [], "error": "exception: boom"}},
               "national": {"A": {"runs": [300, 100, 120, 90], "error": ""}, "B": {"runs": [10], "error": ""},
                            "C": {"runs": [1, 3], "error": ""}}}
    assert table(["A", "B", "C"], results, goal_ms=200) == [
        "| interaction | pilot median | pilot slowest | national median | national slowest |",
        "|---|---:|---:|---:|---:|",
        "| A | 100 | **250** | 110 | **300** |",
        "| B | – | – | 10 | 10 |",
        "| C | – | – | 2 | 3 | pilot: exception: boom",
    ]
