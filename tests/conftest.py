"""Shared fixtures and helpers: one sample database built per test session (and a small one
that spans two provinces), a plain read-only DuckDB connection for computing expected figures
independently, the router's pages, and AppTest helpers."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bench.run import discover_pages
from samma import agenda, db, sample, workbook
from samma.sample import VillagePlan

ROOT = Path(__file__).resolve().parent.parent
# The router's pages in its order, as views/<name>.py names them and as their URLs do, so a
# new page is tested without changing a test.
PAGES = [Path(script).stem for script, _ in discover_pages()]
PAGE_URLS = [url_path for _, url_path in discover_pages()]
# Words that name a person or reach one: no column of the schema or the template may hold them.
PERSONAL = ("name", "first", "last", "surname", "citizen", "id_card", "idcard", "national_id",
            "phone", "mobile", "tel", "address", "birth")
# Beyond Saraphi (5019): Si Phum in Mueang Chiang Mai (5001), and two subdistricts of Mueang
# Lamphun (5101), so the data has two provinces and Chiang Mai has two districts.
EXTRA_VILLAGES = [
    VillagePlan("50010101", "500101", 1, 18.790, 98.985, False, "group", 2563, 3, 20, "food"),
    VillagePlan("50010102", "500101", 2, 18.800, 98.990, False, "sages", 2568, 0, 0, "food"),
    VillagePlan("51010101", "510101", 1, 18.580, 99.010, False, "all5k", 2561, 5, 20, "longan"),
    VillagePlan("51010102", "510101", 2, 18.590, 99.020, False, "households", 2566, 0, 12, "herbal"),
    VillagePlan("51010201", "510102", 1, 18.600, 99.000, False, "target", 2569, 0, 0, "bamboo"),
]


def _plain_sql(path: Path):
    """A query function over a read-only connection to `path`, closed when the fixture ends."""
    con = duckdb.connect(str(path), read_only=True)

    def query(text: str, params=()):
        return con.execute(text, list(params)).fetchall()

    yield query
    con.close()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "samma.duckdb"
    sample.build(path)
    return path


@pytest.fixture(scope="session")
def pilot_db(tmp_path_factory) -> Path:
    """The 13 pilot villages alone: another network, with other figures, from the same rules."""
    path = tmp_path_factory.mktemp("pilot") / "pilot.duckdb"
    sample.build(path, villages=13)
    return path


def load_edited(source: Path, target: Path, edit) -> Path:
    """What a data keeper does: export `source`, change the rows (`edit(rows)`, rows by sheet
    in the template's column order), and load the workbook through the real import."""
    with db.snapshot(source) as con:
        rows = workbook.export_rows(con)
    edit(rows)
    target.parent.mkdir(parents=True, exist_ok=True)
    book = target.with_suffix(".xlsx")
    workbook.write_workbook(book, rows)
    workbook.load(book, target)
    return target


# More grants than a rule table shows (200), each off 70/30 by its own amount.
OFF_SPLIT_GRANTS = 210
READY_VILLAGE = "50191001"     # ready in the pilot: its one group has all 5 K, its fund, sales


@pytest.fixture(scope="session")
def edited_pilot(tmp_path_factory, pilot_db) -> Path:
    """The pilot network with what the sample never has, loaded through the real import:
    OFF_SPLIT_GRANTS more partner grants, none split 70/30, the i-th off by 7 × (i + 1) baht,
    more or less admin in turn (so the largest gaps are the last ones given), which also breaks
    1:1 for the groups that get them; and a second group in a ready village, with one K of 5."""
    def edit(rows):
        groups = [r[0] for r in rows["occupation_group"]]
        contribution_id = max(r[0] for r in rows["contribution"])
        entry_id = max(r[0] for r in rows["fund_entry"])
        day = dt.date(2026, 9, 1)
        for i in range(OFF_SPLIT_GRANTS):
            group, amount = groups[i % len(groups)], 10_000.0 + 100 * i
            admin = amount * 0.3 + 7 * (i + 1) * (1 if i % 2 == 0 else -1)
            contribution_id += 1
            rows["contribution"].append((contribution_id, day, "partner", "TTT", None, group, "cash",
                                         "grant", amount, None))
            for bucket, part in (("admin", admin), ("revolving", amount - admin)):
                entry_id += 1
                rows["fund_entry"].append((entry_id, day, group, bucket, "paid_in", part, contribution_id))
        first = next(r for r in rows["occupation_group"] if r[1] == READY_VILLAGE)
        rows["occupation_group"].append(("G50191001B", READY_VILLAGE, first[2], "กลุ่มใหม่ หมู่ 1",
                                         "New group, Moo 1", dt.date(2026, 6, 1)))
        rows["milestone"].append(("group", "G50191001B", "committee", dt.date(2026, 7, 1)))

    return load_edited(pilot_db, tmp_path_factory.mktemp("edited") / "edited.duckdb", edit)


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
    yield from _plain_sql(sample_db)


@pytest.fixture(scope="session")
def two_provinces(tmp_path_factory) -> Path:
    """The Saraphi sample and EXTRA_VILLAGES: two provinces, and two districts in one."""
    path = tmp_path_factory.mktemp("two-provinces") / "samma.duckdb"

    def fill(con):
        sample.generate(con, sample.saraphi_layout() + EXTRA_VILLAGES)
        db.insert_rows(con, {"dataset": [("ตัวอย่างสองจังหวัด", "Two-province sample", True, sample.AS_OF,
                                          db.SCHEMA_VERSION, dt.datetime(2026, 10, 31, 9), True)]})

    db.write_database(path, fill)
    return path


@pytest.fixture
def on_two_provinces(two_provinces, monkeypatch):
    """The app reads the two-province file; returns plain SQL on it."""
    monkeypatch.setenv("SAMMA_DB", str(two_provinces))
    yield from _plain_sql(two_provinces)


def as_read(markdown: str) -> str:
    """Markdown source as a reader sees it: CommonMark drops a backslash before ASCII
    punctuation, and the word joiner that keeps bare links and shortcodes from forming is
    invisible. For comparing a page's text with the data it shows."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u2060", "")


def run_app(page: str | None = None, **query_params: str) -> AppTest:
    """Runs app.py (the router) and then, if given, switches to views/<page>.py."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query_params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(f"views/{page}.py").run()
    return at


def open_page(page: str, lang: str | None = None, **query_params: str) -> AppTest:
    """Runs the router, then views/<page>.py with `query_params` in its URL, set after the first
    run (a page switch in AppTest keeps what is set then, as a shared link would)."""
    at = run_app(**({"lang": lang} if lang else {}))
    for key, value in query_params.items():
        at.query_params[key] = value
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception
    return at


def specs(at) -> list[list[dict]]:
    """The rows each Altair chart on the page draws (Streamlit ships them as Arrow)."""
    return [[row for dataset in c.proto.datasets
             for row in pa.ipc.open_stream(dataset.data.data).read_all().to_pylist()]
            for c in at.get("vega_lite_chart")]


# Only the open tab's section of a page runs, so what a whole page shows is what its sections
# show one after another.

def whole_page(page: str, lang: str | None = None, **query_params: str) -> dict:
    """views/<page>.py opened on each of its sections: {section: the page as it stands}, in
    agenda order. A page not on the agenda has no sections: {page: the page}, opened once."""
    if not agenda.sections(page):
        return {page: open_page(page, lang, **query_params)}
    return {name: open_page(page, lang, section=name, **query_params) for name in agenda.sections(page)}


def across(pages: dict, kind: str) -> list:
    """The elements of one kind (`"caption"`, `"dataframe"`, ...) across a `whole_page`, in its order."""
    return [element for at in pages.values() for element in getattr(at, kind)]


def to_section(at, name: str):
    """The page, as it stands, moved to another of its sections, as choosing its tab does: the
    link names it and the page runs again (what was chosen on the page stays chosen)."""
    at.query_params[agenda.SECTION_PARAM] = name
    at.run()
    assert not at.exception
    return at


def page_specs(pages: dict) -> list[list[dict]]:
    """The rows of every chart on a `whole_page`, in its order."""
    return [chart for at in pages.values() for chart in specs(at)]


def chart_rows(at: AppTest, n: int):
    """The rows behind the n-th chart, as Streamlit sent them to the browser."""
    first = at.get("vega_lite_chart")[n].proto.datasets[0]
    return pa.ipc.open_stream(first.data.data).read_all().to_pandas()


def expected_capital_warnings(sql, lang: str) -> list[str]:
    """The sample's rule breaches in words, written out by hand from plain SQL on the ledger: its
    only breaches are funds (the sample's are groups') whose revolving capital (paid in − passed
    on + profit − losses) fell a satang or more below what was paid in less what was passed on."""
    rows = sql("""
        SELECT g.name_th, g.name_en, f.paid_in - f.passed_on AS floor,
               f.paid_in - f.passed_on + f.profit - f.loss AS capital
        FROM (SELECT group_code,
                     sum(amount_baht) FILTER (WHERE entry = 'paid_in') AS paid_in,
                     coalesce(sum(amount_baht) FILTER (WHERE entry = 'passed_on'), 0) AS passed_on,
                     coalesce(sum(amount_baht) FILTER (WHERE entry = 'profit'), 0) AS profit,
                     coalesce(sum(amount_baht) FILTER (WHERE entry = 'loss'), 0) AS loss
              FROM fund_entry WHERE bucket = 'revolving' GROUP BY 1) f
        JOIN occupation_group g ON g.code = f.group_code
        WHERE f.profit - f.loss <= -0.01
        ORDER BY g.code""")
    if lang == "th":
        return [f"{th}: ทุนหมุนเวียน {capital:,.0f} บาท ต่ำกว่าเงินที่จ่ายเข้า {floor:,.0f} บาท (ทุนต้องไม่สูญ)"
                for th, _, floor, capital in rows]
    return [f"{en}: revolving capital ฿{capital:,.0f} is below the ฿{floor:,.0f} paid in "
            "(capital must not be lost)" for _, en, floor, capital in rows]


def expected_overdue(sql) -> tuple[int, float]:
    """Loans overdue as of the dataset's date, counted by hand from the register: past their due
    date (not on it) with principal neither repaid nor written off."""
    return sql("""
        WITH back AS (SELECT loan_code, sum(principal_baht) + coalesce(sum(written_off_baht), 0) AS back
                      FROM loan_repayment GROUP BY 1)
        SELECT count(*), coalesce(sum(l.amount_baht - coalesce(b.back, 0)), 0) FROM loan l
        LEFT JOIN back b ON b.loan_code = l.code
        WHERE l.due < (SELECT as_of FROM dataset) AND l.amount_baht - coalesce(b.back, 0) > 0""")[0]
