"""Issue 9: a spreadsheet whose every text field carries markup, script, links, right-to-left
and combining characters, emoji, SQL and very long names is loaded through the real import;
then every page is opened in Chromium: no script runs, no dialog opens, no element is
injected, and the text shows as text."""

import re

import duckdb
import pytest

from samma import db, workbook
from tests.browser.conftest import PHONE, PROJECTOR, screenshot, served
from tests.conftest import ROOT

PAGES = re.findall(r'url_path="([a-z0-9_-]+)"', (ROOT / "app.py").read_text(encoding="utf-8"))
HOSTILE = ['<img src=x onerror="window.pwned=1">', '"><script>window.pwned=2</script>',
           "javascript:window.pwned=3", "'; DROP TABLE sale; --", "\u202eเกลือ\u0301\u0301 🥭🧺",
           "ยาว" * 120]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, sample_db):
    folder = tmp_path_factory.mktemp("hostile")
    with db.snapshot(sample_db) as con:
        rows = workbook.export_rows(con)
    n = 0
    for sheet in workbook.SHEETS:
        texts = [i for i, c in enumerate(sheet.columns) if c.kind == "text"]
        changed = []
        for row in rows[sheet.name]:
            row = list(row)
            for i in texts:
                if row[i] is not None:
                    row[i] = f"{HOSTILE[n % len(HOSTILE)]} {row[i]}"
                    n += 1
            changed.append(tuple(row))
        rows[sheet.name] = changed
    source = folder / "hostile.xlsx"
    workbook.write_workbook(source, rows)
    live = folder / "samma.duckdb"
    workbook.load(source, live)
    return live


@pytest.fixture(scope="module")
def hostile_url(hostile_db):
    with served(hostile_db) as url:
        yield url


def test_the_import_kept_every_hostile_text_as_written(hostile_db):
    con = duckdb.connect(str(hostile_db), read_only=True)
    names = [value for sheet in workbook.SHEETS for c in sheet.columns if c.kind == "text"
             for (value,) in con.execute(f"SELECT {c.key} FROM {sheet.name}").fetchall() if value]
    con.close()
    for payload in HOSTILE:
        assert any(name.startswith(payload) for name in names), payload


@pytest.mark.parametrize("path", PAGES)
def test_no_script_runs_and_text_stays_text(hostile_url, page_at, path):
    dialogs = []
    page = page_at(f"{hostile_url}/{path}", PHONE if path in ("market", "plan") else PROJECTOR)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.wait_for_timeout(0)
    injected = page.evaluate("""() => ({
        pwned: window.pwned ?? null,
        onerror: document.querySelectorAll('[onerror]').length,
        bogusImages: document.querySelectorAll('img[src="x"]').length,
        jsLinks: [...document.querySelectorAll('a[href]')].filter(a => a.href.startsWith('javascript:')).length,
    })""")
    assert injected == {"pwned": None, "onerror": 0, "bogusImages": 0, "jsLinks": 0}
    assert dialogs == []
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, f"hostile-{path}")


def test_markup_in_a_name_is_shown_as_text(hostile_url, page_at):
    page = page_at(f"{hostile_url}/market", PROJECTOR)
    page.get_by_text('<img src=x onerror="window.pwned=1">', exact=False).first.wait_for()
