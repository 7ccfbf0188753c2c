"""The template, and reading what people really type into it."""

import datetime as dt
import io

import openpyxl
import pytest

from samma import workbook
from samma.workbook import BadCell, parse_choice, parse_code, parse_date, parse_int, parse_number

JAN_15 = dt.date(2025, 1, 15)


@pytest.mark.parametrize("typed", [
    "2568-01-15", "2025-01-15", "15/01/2568", "15/1/2025", "15-01-2568", "15.01.2568",
    "15 ม.ค. 2568", "15 ม.ค.2568", "15 มกราคม 2568", "15 มกราคม พ.ศ. 2568", "๑๕ ม.ค. ๒๕๖๘",
    "๒๕๖๘-๐๑-๑๕", "15 Jan 2025", "15 January 2025", "  15/01/2568\u00a0", "2568-01-15 00:00:00",
    "15 ม.ค. ค.ศ. 2025", dt.datetime(2025, 1, 15, 0, 0), dt.date(2568, 1, 15),
])
def test_dates_as_people_type_them(typed):
    assert parse_date(typed) == JAN_15


@pytest.mark.parametrize("typed", [
    "31/02/2568", "15/13/2568", "15 ม.ก. 2568", "yesterday", "15/01/68", "2568", "0/01/2568",
    "15 ม.ค. ค.ศ. 2568", 45672, 3.5, True, "1500-01-15",
])
def test_what_is_not_a_date_is_refused(typed):
    with pytest.raises(BadCell) as bad:
        parse_date(typed)
    assert bad.value.key == "err_not_date"


@pytest.mark.parametrize("typed,value", [
    ("1,234.50", 1234.5), ("฿1,234", 1234.0), ("1 234 บาท", 1234.0), ("๑,๒๐๐", 1200.0),
    (" 2,500 baht ", 2500.0), ("−500", -500.0), ("-0.5", -0.5), (".5", 0.5), (750, 750.0),
    (12.25, 12.25), ("THB 99", 99.0),
])
def test_numbers_as_people_type_them(typed, value):
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["abc", "1.2.3", "12a", "1,2,3.4.5", "nan", "inf", True, "--5"])
def test_what_is_not_a_number_is_refused(typed):
    with pytest.raises(BadCell) as bad:
        parse_number(typed)
    assert bad.value.key == "err_not_number"


def test_whole_numbers_and_codes():
    assert parse_int("๒๐") == 20 and parse_int(20.0) == 20
    with pytest.raises(BadCell) as bad:
        parse_int("2.5")
    assert bad.value.key == "err_not_whole"
    # Past what the database holds (Hypothesis found 9.223372036854776e+18 in a sale's quantity):
    # located and said, not an overflow.
    for huge in (9.223372036854776e18, "99999999999999999999"):
        with pytest.raises(BadCell) as bad:
            parse_int(huge)
        assert (bad.value.key, bad.value.params) == ("err_above", {"limit": "9,223,372,036,854,775,807"})
    with pytest.raises(BadCell) as bad:
        parse_int(-1e19)
    assert (bad.value.key, bad.value.params) == ("err_below", {"limit": "-9,223,372,036,854,775,808"})
    assert parse_int(2**53) == 2**53
    assert parse_code(50191001) == "50191001"
    assert parse_code(50191001.0) == "50191001"
    assert parse_code(" ๕๐๑๙ 1001 ") == "50191001"
    with pytest.raises(BadCell):
        parse_code(5019.5)


@pytest.mark.parametrize("typed,code", [
    ("เงินสด / cash", "cash"), ("cash", "cash"), ("CASH", "cash"), ("เงินสด", "cash"),
    ("in kind", "in_kind"), ("ไม่ใช่ตัวเงิน", "in_kind"), (" in_kind ", "in_kind"),
    ("ไม่ใช่เงินสด", "in_kind"),          # the earlier template's word, still read
    ("something / in_kind", "in_kind"),
])
def test_choices_read_code_thai_english_or_the_drop_down(typed, code):
    assert parse_choice(typed, "kind") == code


def test_an_unknown_choice_names_the_allowed_ones():
    with pytest.raises(BadCell) as bad:
        parse_choice("cheque", "kind")
    assert bad.value.key == "err_not_choice"
    assert bad.value.params["allowed"] == "เงินสด / cash, ไม่ใช่ตัวเงิน / in_kind"


def _template() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook.template_bytes()))


def test_template_has_instructions_a_sheet_per_record_and_bilingual_headers():
    wb = _template()
    assert wb.sheetnames[0] == "คำแนะนำ"
    expected = ["dataset", "province", "district", "subdistrict", "village", "partner", "sage",
                "occupation", "network", "occupation_group", "household", "income_survey", "milestone",
                "contribution", "fund_entry", "plan_target", "market_event", "product", "sale",
                "training", "training_group", "committee_seat", "matching_scheme", "scheme_partner",
                "scheme_member", "loan", "loan_repayment", "pledge", "meeting", "decision", "action",
                "problem"]
    assert [n for n in wb.sheetnames if n not in ("คำแนะนำ", "lists")] == expected
    assert wb["lists"].sheet_state == "hidden"
    headers = [c.value for c in wb["contribution"][1]]
    assert headers[0] == "เลขที่ / id"
    assert "จำนวนเงิน (บาท) / amount_baht" in headers
    assert "amount or value in baht" in wb["contribution"]["I1"].comment.text
    instructions = "\n".join(str(c.value) for row in wb["คำแนะนำ"].iter_rows() for c in row if c.value)
    assert "15 ม.ค. 2568" in instructions and "15 Jan 2025" in instructions
    assert "ห้ามใส่ชื่อ" in instructions


def test_template_offers_drop_downs_for_fixed_values_and_partners():
    wb = _template()
    lists = wb["lists"]
    columns = {lists.cell(1, i).value: [lists.cell(r, i).value for r in range(2, lists.max_row + 1)
                                        if lists.cell(r, i).value]
               for i in range(1, lists.max_column + 1)}
    assert columns["kind"] == ["เงินสด / cash", "ไม่ใช่ตัวเงิน / in_kind"]
    assert columns["admin_purpose"] == ["ค่าประชุม / meetings", "ค่าทำบัญชี / bookkeeping",
                                        "ค่าเดินทาง / travel", "ค่าวัสดุ / materials", "อื่น ๆ / other"]
    assert columns["k"] == ["กรรมการ / committee", "กลุ่มสมาชิก / members", "กฎระเบียบ / rules",
                            "กองทุน / fund", "กิจกรรม / activities"]
    assert columns["step"] == ["ไตรมาส / quarter", "1 ปี / year1", "3 ปี / year3"]
    contribution = {str(v.sqref).split(":")[0]: v.formula1
                    for v in wb["contribution"].data_validations.dataValidation}
    assert contribution["C2"] == "=lists!$F$2:$F$3"            # source: partner or members
    assert contribution["D2"].startswith("=partner!$A$2:$A$")  # partner code from the partners
    assert contribution["G2"] == "=lists!$G$2:$G$3"            # cash or in kind
    assert contribution["H2"] == "=lists!$H$2:$H$9"            # purpose
    milestone = {str(v.sqref).split(":")[0]: v.formula1
                 for v in wb["milestone"].data_validations.dataValidation}
    assert milestone["C2"] == "=lists!$E$2:$E$6"               # the 5 K
    assert wb["plan_target"].data_validations.dataValidation[0].formula1 == "=lists!$K$2:$K$4"


def test_template_example_rows_load_without_a_problem():
    wb = _template()
    assert 2 <= wb["contribution"].max_row - 1 <= 4
    assert wb["village"]["A2"].value == "50191001"             # official code: subdistrict + หมู่ที่
    raw = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    tables = workbook.validate(raw, today=dt.date(2026, 1, 1))
    assert len(tables["contribution"]) == 4 and len(tables["dataset"]) == 1
    # The examples show every new record: the network's fund, spending, money passed on, a loan.
    assert {r[4] for r in tables["fund_entry"]} >= {"paid_in", "spent", "passed_on", "loan_out"}
    assert all(tables[name] for name in ("committee_seat", "matching_scheme", "scheme_partner",
                                         "scheme_member", "loan", "loan_repayment"))


def test_template_command_writes_the_file(tmp_path):
    from samma.__main__ import main
    target = tmp_path / "template.xlsx"
    assert main(["template", str(target)]) == 0
    assert openpyxl.load_workbook(target).sheetnames == _template().sheetnames
    assert main(["template", str(tmp_path / "template.txt")]) == 2
    assert not (tmp_path / "template.txt").exists()
