"""Writing a workbook in the template's format: an instructions sheet, one sheet per kind of
record with "Thai / key" headers and their meaning in a note, drop-downs for fixed values and
partner codes. The template (with a tiny example network) and the export of the live data
share this one writer."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import duckdb
import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from samma import db
from samma.i18n import t
from samma.workbook.sheets import CHOICES, INCOME_TERMS, PER_HOUSEHOLD, SHEETS, Column, choice_label

INSTRUCTIONS = "คำแนะนำ"
LISTS = "lists"

# A tiny network that passes every check, so the template shows real, loadable rows.
_D = dt.date
EXAMPLES: dict[str, list[tuple]] = {
    "dataset": [("เครือข่ายสัมมาชีพตำบลท่าวังตาล", "Tha Wang Tan livelihood network",
                 _D(2025, 9, 30), True)],
    "province": [("50", "เชียงใหม่", "Chiang Mai")],
    "district": [("5019", "50", "สารภี", "Saraphi")],
    "subdistrict": [("501910", "5019", "ท่าวังตาล", "Tha Wang Tan", 18.688, 98.998)],
    "village": [("50191001", "501910", 1, "หมู่ที่ 1 ต.ท่าวังตาล", "Moo 1, Tha Wang Tan", 18.69, 98.995,
                 True, True, True, 2560),
                ("50191002", "501910", 2, "หมู่ที่ 2 ต.ท่าวังตาล", "Moo 2, Tha Wang Tan", None, None,
                 True, True, True, 2560)],
    "partner": [("CDD", "พช.", "CDD", "สำนักงานพัฒนาชุมชนอำเภอสารภี", "Saraphi District Community "
                 "Development Office", "state", "งบประมาณ การอบรม งานแสดงสินค้า",
                 "budget, training, market events"),
                ("TTT", "ทิศทางไท", "Thitthang Thai", "สถาบันทิศทางไท", "Thai Direction Institute",
                 "civil", "ร่วมสนับสนุนกองทุน", "co-offers the fund")],
    "sage": [(1, "50191001", "lead", "แปรรูปลำไย", "Longan processing", _D(2017, 3, 1)),
             (2, "50191001", "team", "แปรรูปลำไย", "Longan processing", _D(2017, 3, 1))],
    "occupation": [("longan", "แปรรูปลำไยอบแห้ง", "Dried longan")],
    "network": [("N501910", "501910", "เครือข่ายสัมมาชีพตำบลท่าวังตาล", "Tha Wang Tan Livelihood Network",
                 _D(2017, 5, 20))],
    "occupation_group": [("G50191001", "50191001", "longan", "กลุ่มแปรรูปลำไย หมู่ที่ 1",
                          "Dried longan group, Moo 1", _D(2017, 8, 1)),
                         ("G50191002", "50191002", "longan", "กลุ่มแปรรูปลำไย หมู่ที่ 2",
                          "Dried longan group, Moo 2", None)],
    "household": [("HH-001", "50191001", _D(2017, 6, 1), "G50191001"),
                  ("HH-002", "50191001", _D(2017, 6, 3), "G50191001")],
    # HH-002 had no income from the occupation before joining: 0 is a figure, not an empty cell.
    "income_survey": [("HH-001", _D(2017, 5, 20), "baseline", 1500.0, 9000.0),
                      ("HH-001", _D(2018, 8, 15), "follow_up", 2200.0, 10500.0),
                      ("HH-002", _D(2017, 6, 3), "baseline", 0.0, None),
                      ("HH-002", _D(2018, 8, 16), "follow_up", 1200.0, None)],
    "milestone": [("group", "G50191001", "committee", _D(2017, 8, 1)),
                  ("network", "N501910", "committee", _D(2017, 5, 20))],
    "contribution": [(1, _D(2017, 8, 1), "members", None, None, "G50191001", "cash", "shares",
                      2500.0, None),
                     (2, _D(2017, 11, 1), "partner", "TTT", None, "G50191001", "cash", "matching",
                      2500.0, None),
                     (3, _D(2018, 6, 16), "partner", "CDD", "N501910", None, "in_kind", "training",
                      12000.0, 1.0),
                     (4, _D(2017, 9, 17), "partner", "TTT", "N501910", None, "cash", "grant",
                      10000.0, None)],
    # A group's fund, then the network's: its grant split 70/30, admin money spent on a meeting,
    # money passed on to the group, and the group's loan to a household (in the loan register).
    "fund_entry": [(1, _D(2017, 8, 1), "G50191001", "revolving", "paid_in", 2500.0, 1, None, None, None),
                   (2, _D(2017, 11, 1), "G50191001", "admin", "paid_in", 750.0, 2, None, None, None),
                   (3, _D(2017, 11, 1), "G50191001", "revolving", "paid_in", 1750.0, 2, None, None, None),
                   (4, _D(2017, 9, 17), None, "admin", "paid_in", 3000.0, 4, "N501910", None, None),
                   (5, _D(2017, 9, 17), None, "revolving", "paid_in", 7000.0, 4, "N501910", None, None),
                   (6, _D(2017, 12, 1), None, "admin", "spent", 500.0, None, "N501910", "meetings",
                    None),
                   (7, _D(2018, 1, 15), None, "revolving", "passed_on", 2000.0, None, "N501910", None,
                    "G50191001"),
                   (8, _D(2018, 1, 15), "G50191001", "revolving", "paid_in", 2000.0, None, None, None,
                    None),
                   (9, _D(2018, 2, 1), "G50191001", "revolving", "loan_out", 3000.0, None, None, None,
                    None),
                   (10, _D(2018, 8, 1), "G50191001", "revolving", "repayment", 3000.0, None, None,
                    None, None),
                   (11, _D(2018, 8, 1), "G50191001", "revolving", "profit", 90.0, None, None, None,
                    None)],
    "plan_target": [("year1", "groups_formed", "501910", 2.0, _D(2025, 10, 1), _D(2026, 9, 30))],
    "market_event": [("E1", "กาดสัมมาชีพตำบลท่าวังตาล", "Tha Wang Tan Livelihood Market",
                      _D(2018, 12, 8), "ตำบลท่าวังตาล", "Tha Wang Tan", "CDD", "5019", 18.686, 98.999)],
    "product": [("G50191001-1", "G50191001", "ลำไยอบแห้ง", "Dried longan", "ถุง", "bag")],
    "sale": [("E1", "G50191001-1", 40, 4800.0)],
    "training": [(1, _D(2018, 6, 16), "CDD", "bookkeeping", "501910", 12, 1.0)],
    "training_group": [(1, "G50191001")],
    # --- the network's committee, the matching scheme, the loan register ---
    "committee_seat": [("N501910", "chair", 1), ("N501910", "treasurer", 1), ("N501910", "member", 5)],
    "matching_scheme": [("TTT-WP", "การสนับสนุนกองทุนจากสถาบันทิศทางไท", "Fund support from Thitthang Thai",
                         1.0)],
    "scheme_partner": [("TTT-WP", "TTT")],
    "scheme_member": [("TTT-WP", None, "G50191001", _D(2017, 8, 1))],
    "loan": [("L-001", None, "G50191001", "HH-001", 3000.0, _D(2018, 2, 1), _D(2018, 8, 1), 6.0)],
    "loan_repayment": [(1, "L-001", _D(2018, 8, 1), 3000.0, 90.0, None)],
    # --- partner coordination: a pledge matched from the records (CDD's bookkeeping course, row
    # training 1), one delivered by hand, and a meeting with what it decided, asked and heard ---
    "pledge": [(1, "CDD", "N501910", "quarter", "training", "อบรมการทำบัญชีกลุ่ม 1 ครั้ง",
                "One group bookkeeping course", 1.0, _D(2018, 5, 1), _D(2018, 6, 30), None),
               (2, "TTT", "N501910", "year1", "other", "ร่วมเป็นที่ปรึกษาเวทีประชุมภาคีทุกไตรมาส", None,
                4.0, _D(2018, 1, 20), _D(2018, 12, 31), 3.0)],
    "meeting": [("M2561-1", _D(2018, 1, 20), "มหาวิชชาลัยเวียงพิงค์", "Mahawitchalai Wiang Ping", "N501910")],
    "decision": [("M2561-1", 1, "เห็นชอบแผนขยับ 3 ขั้นของเครือข่าย และให้ภาคีแจ้งสิ่งที่จะสนับสนุนในแต่ละขั้น",
                  "Approved the network's three-step plan; partners to say what they give at each step")],
    "action": [(1, "M2561-1", "จัดอบรมการทำบัญชีกลุ่มให้กลุ่มอาชีพ", "Hold a bookkeeping course for the groups",
                "partner", "CDD", _D(2018, 6, 30), "done", _D(2018, 6, 16)),
               (2, "M2561-1", "รายงานกองทุนหมุนเวียนต่อที่ประชุมภาคีทุกไตรมาส", None, "committee", None,
                _D(2018, 3, 31), "open", None)],
    "problem": [(1, "M2561-1", "กลุ่มอาชีพยังไม่มีฉลากและบรรจุภัณฑ์", "The groups have no labels or packaging yet",
                 "ประสาน TCDC เชียงใหม่ให้คำปรึกษาการออกแบบ", "TCDC Chiang Mai asked to advise on design",
                 "open")],
}

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
VALIDATED_ROWS = 5000


def _cell_value(column: Column, value: object) -> object:
    """What the sheet shows for a database value: drop-down labels for fixed values."""
    if value is None:
        return None
    if column.kind == "choice":
        if column.choices == "yes_no":
            value = "yes" if value else "no"
        return choice_label(column.choices, value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _instructions(wb: openpyxl.Workbook) -> None:
    ws = wb.create_sheet(INSTRUCTIONS, 0)
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 60
    for lang_pair in (t("wb_intro", "th"), t("wb_intro", "en")):
        ws.append([lang_pair])
    ws.append([])
    for key in ("wb_rule_dates", "wb_rule_numbers", "wb_rule_choices", "wb_rule_codes",
                "wb_rule_examples", "wb_rule_people", "wb_rule_load", "wb_rule_optional"):
        ws.append([t(key, "th"), t(key, "en")])
    for key in ("wb_rule_income", "wb_rule_income_dates", "wb_rule_income_plan"):
        ws.append([t(key, "th", **INCOME_TERMS), t(key, "en", **INCOME_TERMS)])
    ws.append([t("wb_rule_coordination", "th"), t("wb_rule_coordination", "en")])
    ws.append([])
    ws.append([t("wb_sheet", "th") + " / sheet", "ไทย", "English"])
    for sheet in SHEETS:
        ws.append([sheet.name, sheet.th, sheet.en])
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True, size=14)


def _lists(wb: openpyxl.Workbook) -> dict[str, str]:
    """A hidden sheet of the fixed values, one column each; returns each list's range."""
    ws = wb.create_sheet(LISTS)
    ranges = {}
    for i, (name, options) in enumerate(CHOICES.items(), start=1):
        letter = get_column_letter(i)
        ws.cell(1, i, name)
        for j, code in enumerate(options, start=2):
            ws.cell(j, i, choice_label(name, code))
        ranges[name] = f"{LISTS}!${letter}$2:${letter}${len(options) + 1}"
    ws.sheet_state = "hidden"
    return ranges


def write_workbook(target: Path | io.BytesIO, rows: dict[str, list[tuple]],
                   leave_out: tuple[str, ...] = ()) -> None:
    """The template's format: instructions, one sheet per kind of record with "Thai / key"
    headers and their meaning in a note, drop-downs for fixed values and partner codes.
    `leave_out`: optional sheets not to write at all."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _instructions(wb)
    sheets = [s for s in SHEETS if s.name not in leave_out]
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name)
        ws.append([c.header for c in sheet.columns])
        for i, column in enumerate(sheet.columns, start=1):
            cell = ws.cell(1, i)
            cell.font, cell.fill = Font(bold=True), HEADER_FILL
            need = t("wb_required" if column.required else "wb_optional", "en")
            cell.comment = Comment(f"{column.en} ({need})", "Samma")
            ws.column_dimensions[get_column_letter(i)].width = max(14, min(40, len(column.header) + 4))
        for row in rows.get(sheet.name, []):
            ws.append([_cell_value(c, v) for c, v in zip(sheet.columns, row)])
        for i, column in enumerate(sheet.columns, start=1):
            if column.kind == "date":
                for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = "yyyy-mm-dd"
        ws.freeze_panes = "A2"
    ranges = _lists(wb)
    for sheet in sheets:
        ws = wb[sheet.name]
        last = max(VALIDATED_ROWS, ws.max_row + 1000)
        for i, column in enumerate(sheet.columns, start=1):
            if column.kind == "choice":
                source = ranges[column.choices]
            elif column.ref == "partner":
                source = f"partner!$A$2:$A${last}"
            else:
                continue
            # A warning, not a stop: people may type the code or the English word instead.
            check = DataValidation(type="list", formula1=f"={source}", allow_blank=True,
                                   errorStyle="warning", showErrorMessage=True)
            letter = get_column_letter(i)
            check.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(check)
    wb.save(target)


def template_bytes() -> bytes:
    buffer = io.BytesIO()
    write_workbook(buffer, EXAMPLES)
    return buffer.getvalue()


def export_rows(con: duckdb.DuckDBPyConnection, leave_out: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every sheet's rows (but those left out) from a database, in the template's column order."""
    rows = {}
    for sheet in (s for s in SHEETS if s.name not in leave_out):
        columns = ", ".join(c.key for c in sheet.columns)
        order = ", ".join(sheet.key) or "1"
        # Names come from SHEETS, never from input.
        rows[sheet.name] = con.execute(f"SELECT {columns} FROM {sheet.name} ORDER BY {order}").fetchall()
    return {name: [tuple(float(v) if isinstance(v, Decimal) else v for v in row)
                   for row in values] for name, values in rows.items()}


def export(db_path: Path, target: Path | io.BytesIO, per_household: bool = True) -> None:
    """The live data in the template's format. Without `per_household` (what a viewer may
    download), the sheets of households' own figures (PER_HOUSEHOLD: their incomes) are left
    out altogether, so the file says nothing of them; the data keeper's export has everything."""
    leave_out = () if per_household else PER_HOUSEHOLD
    with db.snapshot(db_path) as con:
        rows = export_rows(con, leave_out)
    write_workbook(target, rows, leave_out)


def export_bytes(db_path: Path, per_household: bool = True) -> bytes:
    buffer = io.BytesIO()
    export(db_path, buffer, per_household)
    return buffer.getvalue()

