"""The income survey sheet: each mistake located in Thai and English with the live file unchanged;
a workbook (or a CSV folder) without the sheet still loads and the load says once that income is
not recorded; viewers download no household's income, data keepers get all of it."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import duckdb
import openpyxl
import pytest

from samma import workbook
from tests.conftest import ROOT, run_app
from tests.test_import import _find, _rejected, _save, _set, _template

# The template's example rows: row 2 HH-001 baseline 20 May 2017, row 3 its follow-up on
# 15 Aug 2018, row 4 HH-002 baseline 3 Jun 2017, row 5 its follow-up. HH-001 joined on 1 Jun 2017,
# HH-002 on 3 Jun 2017. Columns: A household, B date, C kind, D occupation income, E total.
S = "income_survey"
CASES = {
    "negative income": (_set(S, "D2", "-1,500"), ("err_negative", 2, "occupation_income_baht")),
    "a digit too many": (_set(S, "D3", "22,000,000"), ("err_above", 3, "occupation_income_baht")),
    "not a number": (_set(S, "D2", "สองพัน"), ("err_not_number", 2, "occupation_income_baht")),
    "a household that does not exist": (_set(S, "A3", "HH-999"), ("err_unknown_code", 3, "household_code")),
    "two baselines for one household": (_set(S, "C3", "baseline"), ("err_second_baseline", 3, "kind")),
    "a baseline after joining": (_set(S, "B4", "10/06/2560"), ("err_baseline_after_joining", 4, "surveyed")),
    "a baseline years before joining": (_set(S, "B2", "1 ม.ค. 2558"),
                                        ("err_baseline_too_early", 2, "surveyed")),
    "a follow-up before joining": (_set(S, "B3", "2017-05-25"),
                                   ("err_follow_up_before_joining", 3, "surveyed")),
    "a follow-up in the future": (_set(S, "B5", "1/1/2600"), ("err_future", 5, "surveyed")),
    "the same household surveyed twice on one day": (_set(S, "B3", "2017-05-20"),
                                                     ("err_duplicate", 3, "surveyed")),
    "a total below the occupation's part": (_set(S, "E2", 1000), ("err_total_below_occupation", 2,
                                                                  "household_income_baht")),
    "neither baseline nor follow-up": (_set(S, "C2", "midline"), ("err_not_choice", 2, "kind")),
    "no income column": (lambda wb: wb[S].delete_cols(4), ("err_missing_column", 1, None)),
}


@pytest.mark.parametrize("case", CASES)
def test_each_income_mistake_is_located_and_changes_nothing(case, tmp_path, live):
    edit, (key, row, column) = CASES[case]
    wb = _template()
    edit(wb)
    found = _find(_rejected(_save(wb, tmp_path), live), key, S, row, column)
    assert f"sheet {S}, row {row}" in found.text("en") and f"แผ่นงาน {S} แถว {row}" in found.text("th")


def test_a_date_in_the_message_reads_as_each_language_writes_it(tmp_path, live):
    wb = _template()
    wb[S]["B4"] = "10/06/2560"
    found = _find(_rejected(_save(wb, tmp_path), live), "err_baseline_after_joining", S, 4)
    assert "(3 มิ.ย. 2560)" in found.text("th") and "(3 Jun 2017)" in found.text("en")
    assert "ติดตามผล" in found.text("th") and "mark it a follow-up" in found.text("en")


def test_the_examples_load_with_thai_dates_and_an_empty_total(tmp_path, live):
    wb = _template()
    wb[S]["B5"] = "16 ส.ค. 2561"
    workbook.load(_save(wb, tmp_path), live)
    con = duckdb.connect(str(live), read_only=True)
    rows = con.execute("SELECT household_code, surveyed, kind, occupation_income_baht::DOUBLE, "
                       "household_income_baht::DOUBLE FROM income_survey ORDER BY 1, 2").fetchall()
    con.close()
    assert [r[2] for r in rows] == ["baseline", "follow_up", "baseline", "follow_up"]
    assert rows[3][1].isoformat() == "2018-08-16" and rows[3][4] is None
    assert rows[2][3] == 0.0                                  # nothing before joining is a figure


def _without_income(tmp_path):
    wb = _template()
    wb.remove(wb[S])
    return _save(wb, tmp_path, "older.xlsx")


def test_a_workbook_without_the_sheet_loads_and_says_so_once(tmp_path, live):
    loaded = workbook.load(_without_income(tmp_path), live)
    notes = [(th, en) for th, en in loaded.warnings + loaded.notes if S in en]
    assert notes == [(
        "ไม่มีแผ่นงาน income_survey (สำรวจรายได้): ยังไม่มีการบันทึกรายได้ของครัวเรือน "
        "ทุกหน้าจะแสดงว่ารายได้ \"ไม่มีการบันทึก\"",
        "No income_survey sheet (สำรวจรายได้): household income is not recorded, and every page says so")]
    con = duckdb.connect(str(live), read_only=True)
    assert con.execute("SELECT count(*) FROM income_survey").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM household").fetchone()[0] > 0
    con.close()


def test_the_command_line_says_it_once_in_both_languages(tmp_path, live):
    done = subprocess.run([sys.executable, "-m", "samma", "import", str(_without_income(tmp_path)),
                           "--db", str(live)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("household income is not recorded") == 1
    assert done.stdout.count("ยังไม่มีการบันทึกรายได้ของครัวเรือน") == 1


def test_a_csv_folder_without_the_file_loads(tmp_path, live):
    folder = tmp_path / "csv"
    folder.mkdir()
    wb = _template()
    for sheet in workbook.SHEETS:
        if sheet.name == S:
            continue
        with open(folder / f"{sheet.name}.csv", "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(wb[sheet.name].iter_rows(values_only=True))
    loaded = workbook.load(folder, live)
    assert sum(S in en for _, en in loaded.warnings + loaded.notes) == 1


# --- downloads ----------------------------------------------------------------------------------

def test_what_a_viewer_downloads_has_no_household_income(sample_db, sql):
    viewer = openpyxl.load_workbook(io.BytesIO(workbook.export_bytes(sample_db, per_household=False)))
    assert S not in viewer.sheetnames
    assert "household" in viewer.sheetnames and "contribution" in viewer.sheetnames
    keeper = openpyxl.load_workbook(io.BytesIO(workbook.export_bytes(sample_db)))
    assert keeper[S].max_row - 1 == sql("SELECT count(*) FROM income_survey")[0][0] > 0
    assert viewer.sheetnames == [n for n in keeper.sheetnames if n != S]


def test_a_viewers_download_loads_back_without_income(tmp_path, sample_db, live):
    path = tmp_path / "viewer.xlsx"
    path.write_bytes(workbook.export_bytes(sample_db, per_household=False))
    loaded = workbook.load(path, live)
    assert sum(S in en for _, en in loaded.warnings + loaded.notes) == 1


def test_the_data_page_offers_viewers_the_export_without_income_and_says_why():
    for lang, words in (("en", "The income surveys are left out"), ("th", "ไม่รวมแผ่นงานสำรวจรายได้")):
        at = run_app("data", lang=lang)
        assert not at.exception
        assert any(words in c.value for c in at.caption)
        labels = [b.proto.label for b in at.get("download_button")]
        assert not [label for label in labels if "income surveys included" in label or "การสำรวจรายได้" in label]


def test_a_signed_in_editor_also_gets_the_full_export(monkeypatch):
    monkeypatch.setenv("SAMMA_EDITOR_PASSWORD", "right")
    at = run_app("data", lang="en")
    at.text_input[0].input("right")
    at.button[0].click().run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert "The live data with every sheet, household income surveys included (.xlsx)" in labels
