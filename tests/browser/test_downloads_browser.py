"""In real Chromium: a new file lands after the Data page was drawn and before its downloads are
clicked; the export and the handout still carry the figures the page showed."""

import io
from pathlib import Path

import openpyxl

from tests.browser.conftest import PROJECTOR, as_shown, wait_until_done
from tests.conftest import as_read
from tests.test_downloads_one_version import facts, pdf_text, swap_in


def test_downloads_carry_the_version_the_page_showed(live_url, page_at, pilot_db):
    url, live = live_url
    old, new = facts(live), facts(pilot_db)
    page = page_at(f"{url}/data?lang=en", PROJECTOR)
    page.get_by_role("heading", name="Data and loading").wait_for()
    assert old["name"] in as_read(page.locator('[data-testid="stMainBlockContainer"]').inner_text())
    swap_in(pilot_db, live)

    with page.expect_download() as export:
        page.get_by_role("button", name="The live data, in the template's format (.xlsx)").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(export.value.path()).read_bytes()), read_only=True)
    assert book["dataset"]["B2"].value == old["name"]
    assert book["household"].max_row - 1 == old["households"]

    with page.expect_download() as pdf:
        page.get_by_role("button", name="A4 handout (PDF)").click()
    text = pdf_text(Path(pdf.value.path()).read_bytes())
    assert old["name"] in text and new["name"] not in text
    assert f"Households enrolled {old['households']:,}" in text

    page.reload()                              # the next run shows the file swapped in
    wait_until_done(page)
    page.get_by_text(as_shown(new["name"])).first.wait_for()
