"""The handout and the export are built when clicked, after their page's run: they read the version
of the file the page showed, even when another file is swapped in before the click or halfway
through the build, never a mix of two versions."""

from __future__ import annotations

import io
import os
import re
import shutil

import duckdb
import openpyxl
import pytest
from pypdf import PdfReader

from samma import db, handout, queries, workbook


@pytest.fixture
def on_live(live, monkeypatch):
    monkeypatch.setenv("SAMMA_DB", str(live))
    with db._readers_lock:
        db._readers.clear()
    return live


def facts(path) -> dict:
    """What tells the two files apart, in plain SQL."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {"name": con.execute("SELECT name_en FROM dataset").fetchone()[0],
                "households": con.execute("SELECT count(*) FROM household").fetchone()[0],
                "sales": {e: float(v) for e, v in con.execute(
                    "SELECT event_code, sum(amount_baht) FROM sale GROUP BY 1").fetchall()}}
    finally:
        con.close()


def swap_in(source, live) -> None:
    """What a load does: a new file renamed over the live one."""
    incoming = live.with_name("incoming.duckdb")
    shutil.copy(source, incoming)
    os.replace(incoming, live)


def pdf_text(data: bytes) -> str:
    return re.sub(r"[\x00-\x08\x0b-\x1f]", "", "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def assert_handout_shows(text: str, shown: dict, other: dict) -> None:
    assert shown["name"] in text and other["name"] not in text
    assert f"Households enrolled {shown['households']:,}" in text
    for event, sales in shown["sales"].items():
        if sales != other["sales"].get(event):
            assert f"฿{sales:,.0f}" in text, event


def test_the_handout_reads_the_version_its_page_showed(on_live, pilot_db):
    old, new = facts(on_live), facts(pilot_db)
    assert old["households"] != new["households"] and old["name"] != new["name"]
    with db.one_version():                    # the page's run
        build = db.keep_version(lambda: handout.pdf("en"))
    swap_in(pilot_db, on_live)                # a load lands before the click
    assert_handout_shows(pdf_text(build()), old, new)
    # The app itself moved on: the next page run reads the new file.
    with db.one_version():
        assert queries.dataset_info()["name_en"] == new["name"]


def test_a_swap_halfway_through_the_handout_does_not_mix_versions(on_live, pilot_db, monkeypatch):
    old, new = facts(on_live), facts(pilot_db)
    market_events = queries.market_events

    def swap_first():                         # after the headline figures, before the events
        swap_in(pilot_db, on_live)
        return market_events()

    monkeypatch.setattr(queries, "market_events", swap_first)
    with db.one_version():
        build = db.keep_version(lambda: handout.pdf("en"))
    assert_handout_shows(pdf_text(build()), old, new)


def test_the_export_reads_the_version_its_page_showed(on_live, pilot_db):
    old, new = facts(on_live), facts(pilot_db)
    with db.one_version():
        build = db.keep_version(lambda: workbook.export_bytes(db.database_path()))
    swap_in(pilot_db, on_live)
    book = openpyxl.load_workbook(io.BytesIO(build()), read_only=True)
    assert book["dataset"]["B2"].value == old["name"]
    assert book["household"].max_row - 1 == old["households"]     # less the header row
    # Outside a page run, an export reads the file as it is now.
    book = openpyxl.load_workbook(io.BytesIO(workbook.export_bytes(on_live)), read_only=True)
    assert book["household"].max_row - 1 == new["households"]
