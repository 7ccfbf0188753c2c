"""Shared fixtures: one sample database built per test session, a plain read-only DuckDB
connection for computing expected figures independently, and AppTest helpers."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from samma import sample

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "samma.duckdb"
    sample.build(path)
    return path


@pytest.fixture(autouse=True)
def _use_sample(sample_db, monkeypatch):
    """Every test reads the session's sample unless it points SAMMA_DB elsewhere itself."""
    monkeypatch.setenv("SAMMA_DB", str(sample_db))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture
def live(tmp_path, sample_db) -> Path:
    """A copy of the sample to load into, back up and restore, in a folder of its own."""
    path = tmp_path / "live" / "samma.duckdb"
    path.parent.mkdir()
    shutil.copy(sample_db, path)
    return path


@pytest.fixture(scope="session")
def sql(sample_db):
    """Plain SQL on the sample, for expected figures computed without the code under test."""
    con = duckdb.connect(str(sample_db), read_only=True)

    def query(text: str, params=()):
        return con.execute(text, list(params)).fetchall()

    yield query
    con.close()


def run_app(page: str | None = None, **query_params: str) -> AppTest:
    """Runs app.py (the router) and then, if given, switches to views/<page>.py."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query_params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(f"views/{page}.py").run()
    return at
