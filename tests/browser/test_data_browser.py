"""In real Chromium: the Data page for viewers, and an editor loading a spreadsheet
that an open Overview then shows on its next rerun."""

import shutil

import pytest
from playwright.sync_api import expect

from samma import workbook
from tests.browser.conftest import PHONE, PROJECTOR, no_horizontal_scroll, screenshot, served, wait_until_done


def test_data_page_for_viewers(app_url, page_at, sql):
    page = page_at(f"{app_url}/data", PROJECTOR)
    page.get_by_role("heading", name="ข้อมูลและการนำเข้า").wait_for()
    page.locator('[data-testid="stDownloadButton"]').nth(1).wait_for()
    body = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert "31 ต.ค. 2569" in body and "ข้อมูลตัวอย่าง" in body
    # the template and the export; the A4 handout and the snapshot are under every page
    expect(page.locator('[data-testid="stDownloadButton"]').filter(has_not_text="A4")
           .filter(has_not_text="HTML")).to_have_count(2)
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    assert page.locator('input[type="password"]').count() == 0
    screenshot(page, "data-projector")
    with page.expect_download() as download:
        page.get_by_text("แม่แบบสำหรับกรอกข้อมูล (.xlsx)").click()
    assert download.value.suggested_filename == "samma-template.xlsx"


def test_data_page_on_a_phone_in_english(app_url, page_at):
    page = page_at(f"{app_url}/data?lang=en", PHONE)
    page.get_by_role("heading", name="Data and loading").wait_for()
    assert no_horizontal_scroll(page)
    screenshot(page, "data-phone-en")


@pytest.fixture
def editor_url(tmp_path, sample_db):
    live = tmp_path / "samma.duckdb"
    shutil.copy(sample_db, live)
    with served(live, {"SAMMA_EDITOR_PASSWORD": "ลำไย-2568"}) as url:
        yield url


def test_editor_loads_a_workbook_and_an_open_overview_shows_it(editor_url, page_at, tmp_path):
    overview = page_at(editor_url, PROJECTOR)
    overview.get_by_role("heading", name="ภาพรวมสัมมาชีพชุมชน").wait_for()
    assert "ข้อมูลตัวอย่าง" in overview.locator('[data-testid="stMainBlockContainer"]').inner_text()

    editor = page_at(f"{editor_url}/data?lang=en", PROJECTOR)
    editor.locator('input[type="password"]').fill("ลำไย-2568")
    editor.get_by_role("button", name="Sign in").click()
    editor.locator('[data-testid="stFileUploader"]').wait_for()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    editor.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(bad))
    editor.get_by_text("bad.xlsx").wait_for()
    wait_until_done(editor)
    editor.get_by_role("button", name="Check and load").click()
    editor.get_by_text("Not loaded: 1 problem(s) found; the live data is unchanged").wait_for()
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(workbook.template_bytes())
    editor.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(filled))
    # The upload reruns the page, which clears the earlier report: wait for that rerun to end.
    editor.get_by_text("Not loaded").wait_for(state="detached")
    wait_until_done(editor)
    editor.get_by_role("button", name="Check and load").click()
    try:
        editor.get_by_text("Loaded: every page shows the new figures").wait_for()
    finally:
        screenshot(editor, "data-editor-loaded")
    assert "Dataset: Tha Wang Tan livelihood network" in editor.locator(
        '[data-testid="stMainBlockContainer"]').inner_text()          # the page above is new too

    overview.locator("[data-testid=stSidebar]").get_by_text("English").click()   # a rerun
    wait_until_done(overview)
    overview.get_by_role("heading", name="Community livelihood at a glance").wait_for()
    # The heading is drawn before the lines under it: each check waits for the rerun to reach it.
    body = overview.locator('[data-testid="stMainBlockContainer"]')
    expect(body).to_contain_text("Dataset: Tha Wang Tan livelihood network")
    expect(body).to_contain_text("30 Sep 2025")
    expect(body).not_to_contain_text("Sample data")
