"""The Data page: provenance and downloads for everyone; the load only for editors."""

import shutil

import pytest

from samma import editor, workbook
from tests.conftest import as_read, expected_capital_warnings, run_app


@pytest.fixture(autouse=True)
def _no_editor(monkeypatch):
    monkeypatch.delenv("SAMMA_EDITOR_PASSWORD", raising=False)
    monkeypatch.setattr(editor, "_failed_attempts", 0)


def _texts(at) -> str:
    return "\n".join(str(e.value) for e in (*at.markdown, *at.caption, *at.success, *at.warning,
                                              *at.error, *at.info))


def test_data_page_says_which_dataset_is_live(sql):
    at = run_app("data")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"ข้อมูล ณ วันที่": "31 ต.ค. 2569", "นำเข้าเมื่อ": "31 ต.ค. 2569 09:00",
                       "ประเภท": "ข้อมูลตัวอย่าง"}
    assert "ข้อมูลตัวอย่าง ไม่ใช่ตัวเลขจริงของเครือข่าย" in _texts(at)
    name = sql("SELECT name_th FROM dataset")[0][0]
    assert name in as_read("\n".join(c.value for c in at.caption))


def test_data_page_lists_row_counts_and_load_warnings_in_english(sql):
    at = run_app("data", lang="en")
    assert not at.exception
    warnings, counts = at.dataframe[0].value, at.dataframe[1].value
    assert list(warnings["Warning"]) == expected_capital_warnings(sql, "en")
    assert len(warnings) > 0
    rows = dict(zip(counts["Sheet"], counts["Rows"]))
    assert rows["Support and money raised, cash and in kind"] == f"{sql('SELECT count(*) FROM contribution')[0][0]:,}"
    assert rows["A group's or a network's fund: its ledger"] == f"{sql('SELECT count(*) FROM fund_entry')[0][0]:,}"
    assert {m.label: m.value for m in at.metric}["Kind"] == "Sample data"


def test_downloads_offer_the_template_and_the_export():
    at = run_app("data", lang="en")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Template to fill in (.xlsx)", "The live data, in the template's format (.xlsx)",
                      "A4 handout (PDF)", "Snapshot to share (HTML)"]    # the last two: under every page


def test_without_an_editor_password_there_is_no_upload_anywhere():
    at = run_app("data")
    assert not at.get("file_uploader")
    assert not at.text_input
    assert "นำเข้าข้อมูล (สำหรับผู้แก้ไข)" not in [s.value for s in at.subheader]


def test_a_clean_load_shows_no_warnings(tmp_path, monkeypatch):
    live = tmp_path / "samma.duckdb"
    workbook.load_raw({ws: rows for ws, rows in _template_raw().items()}, live)
    monkeypatch.setenv("SAMMA_DB", str(live))
    at = run_app("data", lang="en")
    assert not at.exception
    assert "No warnings: the figures keep every condition" in _texts(at)
    assert {m.label: m.value for m in at.metric}["Kind"] == "The network's own figures"


def _template_raw():
    import io

    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(workbook.template_bytes()))
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def test_editor_password_gates_the_upload_with_a_growing_delay(monkeypatch):
    monkeypatch.setenv("SAMMA_EDITOR_PASSWORD", "ลำไย-2568")
    delays = []
    monkeypatch.setattr(editor, "sleep", delays.append)
    at = run_app("data", lang="en")
    assert not at.get("file_uploader")
    for attempt in ("wrong", "ลำไย", "ลำไย-2568 "):
        at.text_input[0].input(attempt)
        at.button[0].click().run()
        assert "Wrong password" in [e.value for e in at.error]
        assert not at.get("file_uploader")
    assert delays == [1.0, 2.0, 4.0]
    at.text_input[0].input("ลำไย-2568")
    at.button[0].click().run()
    assert not at.exception
    assert at.get("file_uploader")
    assert delays == [1.0, 2.0, 4.0]
    assert editor._failed_attempts == 0


def test_the_delay_stops_growing_at_its_ceiling(monkeypatch):
    monkeypatch.setenv("SAMMA_EDITOR_PASSWORD", "secret")
    delays = []
    monkeypatch.setattr(editor, "sleep", delays.append)
    for _ in range(8):
        assert not editor.check_password("guess")
    assert delays == [1, 2, 4, 8, 16, 30, 30, 30]
    monkeypatch.delenv("SAMMA_EDITOR_PASSWORD")
    assert not editor.check_password("")                     # no password set: nothing opens


def test_upload_load_goes_through_the_same_checks(tmp_path, sample_db):
    live = tmp_path / "samma.duckdb"
    shutil.copy(sample_db, live)
    before = live.read_bytes()
    for data, key in ((b"", "err_empty_file"), (b"hello", "err_not_spreadsheet")):
        with pytest.raises(workbook.LoadRejected) as rejected:
            workbook.load_bytes(data, live)
        assert [p.key for p in rejected.value.problems] == [key]
    assert live.read_bytes() == before
    assert workbook.load_bytes(workbook.template_bytes(), live).warnings == []
    assert live.read_bytes() != before


def test_the_data_page_says_which_file_each_network_came_from(tmp_path, monkeypatch):
    from tests.test_import_many import NONG_PHUENG, _write
    live = tmp_path / "samma.duckdb"
    workbook.load([_write(tmp_path, "tha_wang_tan.xlsx", workbook.EXAMPLES),
                   _write(tmp_path, "nong_phueng.xlsx", NONG_PHUENG)], live)
    monkeypatch.setenv("SAMMA_DB", str(live))
    at = run_app("data", lang="en")
    assert not at.exception
    assert "Where each network's data came from" in [s.value for s in at.subheader]
    shown = next(d.value for d in at.dataframe if "File" in d.value.columns)
    assert list(zip(shown["Network"], shown["File"])) == [
        ("Tha Wang Tan Livelihood Network", "tha_wang_tan.xlsx"),
        ("Nong Phueng Livelihood Network", "nong_phueng.xlsx")]
    assert all(when.endswith(tuple(f"{m:02d}" for m in range(60))) for when in shown["Loaded"])


def test_the_sample_says_its_networks_files_are_not_recorded(sql):
    at = run_app("data", lang="en")
    shown = next(d.value for d in at.dataframe if "File" in d.value.columns)
    assert len(shown) == sql("SELECT count(*) FROM network")[0][0]
    assert set(shown["File"]) == {"Not recorded"} and set(shown["Loaded"]) == {""}
