"""The coordination sheets (pledge, meeting, decision, action, problem): each mistake located by
sheet, row and column in Thai and English, with the live file unchanged; a workbook without the
sheets still loads and says what is not recorded; an export loads back with the same rows."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from samma import workbook
from tests.test_import import _find, _rejected, _save, _set, _template

# The template's example rows. pledge: row 2 CDD's training (made 1 May 2018, due 30 Jun 2018),
# row 3 Thitthang Thai's advice; A id, B partner, C network, D step, E kind, F what (Thai),
# G what (English), H amount, I made, J due, K delivered by hand. meeting: row 2 M2561-1;
# E network. decision: row 2; A meeting, B seq. action: row 2 CDD's (done on 16 Jun 2018), row 3
# the committee's (open); B meeting, E owner, F partner, G due, H status, I done on.
# problem: row 2; B meeting, G status.
SHEETS = ("pledge", "meeting", "decision", "action", "problem")
CASES = {
    "an unknown partner": (_set("pledge", "B2", "XYZ"), ("err_unknown_code", "pledge", 2, "partner_code")),
    "an unknown network": (_set("pledge", "C3", "N999999"), ("err_unknown_code", "pledge", 3, "network_code")),
    "an unknown step": (_set("pledge", "D2", "year2"), ("err_not_choice", "pledge", 2, "step")),
    "an unknown kind": (_set("pledge", "E2", "loan"), ("err_not_choice", "pledge", 2, "kind")),
    "an amount of zero": (_set("pledge", "H2", 0), ("err_not_positive", "pledge", 2, "amount")),
    "a negative amount": (_set("pledge", "H3", "-4"), ("err_not_positive", "pledge", 3, "amount")),
    "due before it was made": (_set("pledge", "J2", "1/4/2561"), ("err_due_before_made", "pledge", 2, "due")),
    "a pledge made in the future": (_set("pledge", "I3", "1/1/2600"), ("err_future", "pledge", 3, "made")),
    "a meeting of an unknown network": (_set("meeting", "E2", "N1"),
                                        ("err_unknown_code", "meeting", 2, "network_code")),
    "a decision of an unknown meeting": (_set("decision", "A2", "M9"),
                                         ("err_unknown_code", "decision", 2, "meeting_code")),
    "an action of an unknown meeting": (_set("action", "B3", "M9"),
                                        ("err_unknown_code", "action", 3, "meeting_code")),
    "an action of an unknown partner": (_set("action", "F2", "XYZ"),
                                        ("err_unknown_code", "action", 2, "partner_code")),
    "a partner's action without a partner": (_set("action", "F2", None),
                                             ("err_action_partner", "action", 2, "partner_code")),
    "the committee's action naming a partner": (_set("action", "F3", "CDD"),
                                                ("err_action_partner", "action", 3, "partner_code")),
    "a person as owner": (_set("action", "E3", "ผู้ใหญ่บ้าน"), ("err_not_choice", "action", 3, "owner_kind")),
    "done without the day": (_set("action", "I2", None), ("err_done_on", "action", 2, "done_on")),
    "open with a day done": (_set("action", "I3", "2018-03-01"), ("err_done_on", "action", 3, "done_on")),
    "an unknown action status": (_set("action", "H2", "finished"), ("err_not_choice", "action", 2, "status")),
    "a problem of an unknown meeting": (_set("problem", "B2", "M9"),
                                        ("err_unknown_code", "problem", 2, "meeting_code")),
    "an unknown problem status": (_set("problem", "G2", "closed"), ("err_not_choice", "problem", 2, "status")),
    "a problem without a response": (_set("problem", "E2", None), ("err_required", "problem", 2, "response_th")),
}


def _second_decision_numbered_one(wb):
    wb["decision"].append(["M2561-1", 1, "มติซ้ำ", None])


CASES["two decisions numbered alike"] = (_second_decision_numbered_one,
                                         ("err_duplicate", "decision", 3, "seq"))


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_is_located_and_changes_nothing(case, tmp_path, live):
    edit, (key, sheet, row, column) = CASES[case]
    wb = _template()
    edit(wb)
    found = _find(_rejected(_save(wb, tmp_path), live), key, sheet, row, column)
    assert f"sheet {sheet}, row {row}" in found.text("en") and f"แผ่นงาน {sheet} แถว {row}" in found.text("th")
    assert column in found.text("en") and column in found.text("th")


def test_the_messages_in_both_languages(tmp_path, live):
    wb = _template()
    wb["pledge"]["H2"] = 0
    wb["action"]["F2"] = None
    wb["action"]["I2"] = None
    problems = _rejected(_save(wb, tmp_path), live)
    assert _find(problems, "err_not_positive").text("th").endswith("ต้องมากกว่า 0")
    assert _find(problems, "err_not_positive").text("en").endswith("must be more than 0")
    partner = _find(problems, "err_action_partner")
    assert "ถ้าผู้รับผิดชอบเป็นภาคีต้องใส่รหัสภาคี" in partner.text("th")
    assert "needs the partner's code" in partner.text("en")
    assert "งานที่เสร็จแล้วต้องใส่วันที่เสร็จ" in _find(problems, "err_done_on").text("th")


def test_the_examples_load(tmp_path, live):
    workbook.load(_save(_template(), tmp_path), live, today=dt.date(2026, 1, 1))
    con = duckdb.connect(str(live), read_only=True)
    try:
        assert con.execute("SELECT pledge_id, delivered FROM pledge_delivery ORDER BY 1").fetchall() == [
            (1, 1.0), (2, 3.0)]     # CDD's course matched from the training row; the advice by hand
        assert con.execute("SELECT owner_kind, partner_code, status FROM action ORDER BY id").fetchall() == [
            ("partner", "CDD", "done"), ("committee", None, "open")]
    finally:
        con.close()


def test_a_workbook_without_the_sheets_loads_and_says_what_is_not_recorded(tmp_path, live):
    wb = _template()
    for name in SHEETS:
        wb.remove(wb[name])
    loaded = workbook.load(_save(wb, tmp_path, "older.xlsx"), live)
    notes = {en: th for th, en in loaded.notes}
    for name in SHEETS:
        said = [en for en in notes if en.startswith(f"No {name} sheet")]
        assert len(said) == 1, name
        assert f"ไม่มีแผ่นงาน {name}" in notes[said[0]]
    assert any("partners' pledges are not recorded" in en for en in notes)
    con = duckdb.connect(str(live), read_only=True)
    try:
        for name in SHEETS:
            assert con.execute(f"SELECT count(*) FROM {name}").fetchone() == (0,), name
        assert con.execute("SELECT count(*) FROM partner").fetchone()[0] > 0
    finally:
        con.close()


def test_an_export_of_the_sample_loads_back_with_the_same_rows(tmp_path, sample_db, live, sql):
    path = tmp_path / "export.xlsx"
    path.write_bytes(workbook.export_bytes(sample_db))
    workbook.load(path, live, today=dt.date(2026, 11, 1))
    con = duckdb.connect(str(live), read_only=True)
    try:
        for name in (*SHEETS, "pledge_delivery"):
            rows = f"SELECT * FROM {name} ORDER BY ALL"
            assert con.execute(rows).fetchall() == sql(rows), name
        assert con.execute("SELECT count(*) FROM partner WHERE sector = 'community'").fetchone()[0] == 2
    finally:
        con.close()
