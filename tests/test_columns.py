"""A sheet read a column at a time (samma/workbook/columns.py): the cells Arrow reads at once and
the odd ones read one by one give the values and the messages people always had, located on the
spreadsheet's own rows, from a real .xlsx file."""

import datetime as dt
import io

import openpyxl
import pyarrow as pa
import pytest

from samma import workbook
from samma.workbook.checks import header_cells
from samma.workbook.columns import blank, read_column
from samma.workbook.sheets import Column

TODAY = dt.date(2026, 11, 30)
CODE8 = Column("code", "รหัส", "code", kind="code", digits=8)
AMOUNT = Column("amount_baht", "จำนวนเงิน", "amount", kind="number", minimum=0)
COUNT = Column("quantity", "จำนวน", "quantity", kind="int", minimum=0, maximum=1000)
DAY = Column("date", "วันที่", "date", kind="date")
KIND = Column("kind", "ประเภท", "kind", kind="choice", choices="survey_kind")
YES = Column("ok", "ใช่ไหม", "ok", kind="choice", choices="yes_no")
NAME = Column("name", "ชื่อ", "name")

# Each column's cells as people leave them, and what each must read as: a value, or the key of
# the message about it. Worked out by hand from the rules in typed.py.
CASES = {
    "code": (CODE8, [50191001, "๕๐๑๙๑๐๐๒", " 5019 1003 ", "5019100", "G5019", None],
             ["50191001", "50191002", "50191003", "err_digits", "err_digits", None]),
    "number": (AMOUNT, [2500, "1,234.50", "฿1,000", -5, "สองพัน", 0.000015, "  "],
               [2500.0, 1234.5, 1000.0, "err_negative", "err_not_number", 0.000015, None]),
    "int": (COUNT, [12, "๑๒", "1,001", 2.5, "-1"],
            [12, 12, "err_above", "err_not_whole", "err_negative"]),
    "date": (DAY, [dt.date(2025, 1, 15), "2568-01-15", "15/01/2568", "15 ม.ค. 2568",
                   dt.datetime(2025, 1, 15, 13, 30), dt.date(2030, 1, 1), "2025-02-30", "1800-01-01"],
             [dt.date(2025, 1, 15)] * 5 + ["err_future", "err_not_date", "err_not_date"]),
    "choice": (KIND, ["baseline", "ก่อนเข้าร่วม / baseline", "ติดตามผล", "Follow-up", "\u00a0baseline  ", "อื่น ๆ"],
               ["baseline", "baseline", "follow_up", "follow_up", "baseline", "err_not_choice"]),
    "yes_no": (YES, ["ใช่", "no", "ไม่ใช่ / no", "YES"], [True, False, False, True]),
    "text": (NAME, ["สมศรี ใจดี", "  สมศรี   ใจดี ", "a\u00a0b", "Ban\u200bTon", 123],
             ["สมศรี ใจดี", "สมศรี ใจดี", "a b", "Ban Ton", "123"]),
}


def _read_back(book: openpyxl.Workbook, tmp_path) -> dict:
    """The workbook saved to a real file and read by the reader a load uses."""
    book.save(tmp_path / "cells.xlsx")
    return workbook.read_source(tmp_path / "cells.xlsx")


def _xlsx_columns(cells: list, tmp_path) -> list[pa.Array]:
    """The cells written down column A of a real workbook under a header, read back by the
    reader a load uses: Arrow text columns, from row 1 down."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "s"
    sheet["A1"] = "header"
    for row, value in enumerate(cells, start=2):
        sheet.cell(row=row, column=1, value=value)
    sheet.cell(row=len(cells) + 2, column=2, value="beside")      # a last row not blank
    return [column[1:len(cells) + 1] for column in _read_back(book, tmp_path)["s"]]


def _answers(column: Column, cells) -> list:
    read = read_column(column, cells, blank(cells), TODAY)
    return [read.bad[i][0] if i in read.bad else value for i, value in enumerate(read.values.to_pylist())]


@pytest.mark.parametrize("case", CASES)
def test_a_real_workbooks_cells_read_as_people_mean_them(case, tmp_path):
    column, cells, expected = CASES[case]
    arrow = _xlsx_columns(cells, tmp_path)[0]
    assert isinstance(arrow, pa.Array)
    assert _answers(column, arrow) == expected


@pytest.mark.parametrize("case", CASES)
def test_cells_typed_in_python_read_the_same_one_by_one(case):
    column, cells, expected = CASES[case]
    assert _answers(column, list(cells)) == expected


def test_limits_name_their_figure_from_either_path(tmp_path):
    arrow = _xlsx_columns([1001, "1001 "], tmp_path)[0]          # the first read at once, the second not
    read = read_column(COUNT, arrow, blank(arrow), TODAY)
    assert read.bad == {0: ("err_above", {"limit": "1,000"}), 1: ("err_above", {"limit": "1,000"})}


def test_problems_are_on_the_spreadsheets_rows_past_gaps_and_blank_rows(tmp_path):
    """A blank row in the middle is skipped, not reported; a cell under it is located on its own
    row as the spreadsheet numbers it (the header being row 1)."""
    book = openpyxl.load_workbook(io.BytesIO(workbook.template_bytes()))
    sales = book["sale"]
    moved = last = sales.max_row
    event, product = sales.cell(moved, 1).value, sales.cell(moved, 2).value
    for column in range(1, 5):                      # the last example moves two rows down
        sales.cell(moved, column).value = None
    for column, value in enumerate(["\u00a0" + str(event) + "  ", product, "3", "-10"], start=1):
        sales.cell(last + 2, column, value)
    target = tmp_path / "gaps.xlsx"
    book.save(target)
    with pytest.raises(workbook.LoadRejected) as rejected:
        workbook.load(target, tmp_path / "samma.duckdb")
    found = [(p.key, p.sheet, p.row, p.column, p.value) for p in rejected.value.problems]
    assert found == [("err_negative", "sale", last + 2, "ยอดขาย (บาท) / amount_baht", "-10")]


def test_the_header_is_the_sheets_first_row_as_typed(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["code", None, "name"])
    book.active.append(["x", "y", "z"])
    sheet = _read_back(book, tmp_path)["Sheet"]
    assert isinstance(sheet[0], pa.Array)
    assert header_cells(sheet) == ["code", None, "name"]
    assert header_cells([["a", "b"], [1, 2]]) == ["a", "b"]
    assert header_cells([]) == []


def test_a_csv_folder_reads_every_row_as_text_in_the_files_own_rows(tmp_path):
    """Arrow's reader keeps blank rows (row numbers stay the file's own), a value across lines
    and codes with leading zeros; a file it cannot read (Thai Windows encoding, a row wider than
    the first) is read by Python's csv module, with the same cells."""
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "plain.csv").write_bytes("\ufeffcode,name,amount\n0050,\"บ้าน\nต้น\",\"1,000\"\n\n7,ค,\n"
                                       .encode("utf-8"))
    (folder / "thai_windows.csv").write_bytes("code,name\n0050,หมู่ที่ 1\n".encode("cp874"))
    (folder / "ragged.csv").write_bytes(b"code,name\n1,a,extra\n2\n")
    sheets = workbook.read_source(folder)
    assert all(isinstance(column, pa.Array) for columns in sheets.values() for column in columns)
    read = {name: [column.to_pylist() for column in columns] for name, columns in sheets.items()}
    assert read["plain"] == [["code", "0050", "", "7"], ["name", "บ้าน\nต้น", "", "ค"],
                             ["amount", "1,000", "", ""]]
    assert read["thai_windows"] == [["code", "0050"], ["name", "หมู่ที่ 1"]]
    assert read["ragged"] == [["code", "1", "2"], ["name", "a", None], [None, "extra", None]]
