"""Thai and English: every string the app shows, Buddhist-era dates, baht.

Thai first. A string missing in one language is a bug, so `t()` fails loudly on unknown keys.
"""

from __future__ import annotations

import datetime as dt
import math

LANGS = ("th", "en")
DEFAULT_LANG = "th"

THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
               "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

STRINGS: dict[str, tuple[str, str]] = {
    "app_name": ("สัมมาชีพชุมชน", "Samma"),
    "app_subtitle": ("เครือข่ายสัมมาชีพตำบลท่าวังตาล อำเภอสารภี จังหวัดเชียงใหม่",
                     "Tha Wang Tan livelihood network, Saraphi, Chiang Mai"),
    "language": ("ภาษา", "Language"),
    "lang_th": ("ไทย", "ไทย"),
    "lang_en": ("English", "English"),
    "page_overview": ("ภาพรวม", "Overview"),
    "overview_title": ("ภาพรวมสัมมาชีพชุมชน", "Community livelihood at a glance"),
    "as_of": ("ข้อมูล ณ วันที่ {date}", "Data as of {date}"),
    "dataset": ("ชุดข้อมูล: {name}", "Dataset: {name}"),
    "sample_marker": ("ข้อมูลตัวอย่าง ไม่ใช่ตัวเลขจริงของเครือข่าย",
                      "Sample data, not the network's real figures"),
    "positions_approximate": ("ตำแหน่งหมู่บ้านบนแผนที่เป็นตำแหน่งโดยประมาณ",
                              "Village positions on the map are approximate"),
    "section_people": ("หมู่บ้าน ปราชญ์ และครัวเรือน", "Villages, sages and households"),
    "section_groups": ("กลุ่มอาชีพ", "Occupational groups"),
    "section_money": ("การสนับสนุน กองทุน และยอดขาย", "Support, fund and sales"),
    "villages_reached": ("หมู่บ้านเป้าหมายที่ดำเนินการแล้ว", "Target villages reached"),
    "of_n": ("จาก {n}", "of {n}"),
    "villages_reached_help": ("หมู่บ้านเป้าหมายที่มีปราชญ์สัมมาชีพแล้ว จากหมู่บ้านเป้าหมายทั้งหมด",
                              "Target villages with sages in place, of all target villages"),
    "pilot_villages": ("หมู่บ้านนำร่อง", "Pilot villages"),
    "sages": ("ปราชญ์สัมมาชีพ (1+4)", "Livelihood sages (1+4)"),
    "households": ("ครัวเรือนที่เข้าร่วม", "Households enrolled"),
    "groups_formed": ("กลุ่มอาชีพที่จัดตั้งแล้ว", "Occupational groups formed"),
    "groups_5k": ("กลุ่มที่ครบ ๕ ก.", "Groups with all 5 K"),
    "support_cash": ("การสนับสนุนเป็นเงินสด", "Support in cash"),
    "support_in_kind": ("การสนับสนุนในรูปอื่น (มูลค่า)", "Support in kind (value)"),
    "support_help": ("จากภาคีทุกภาคี ไม่รวมเงินที่สมาชิกระดมเอง เงินสดและในรูปอื่นแสดงแยกกัน",
                     "From all partners, not counting members' own money; cash and in kind are kept apart"),
    "members_raised": ("สมาชิกระดมทุนเอง (หุ้น + เงินออม)", "Raised by members (shares + savings)"),
    "revolving_now": ("ทุนหมุนเวียนปัจจุบัน", "Revolving fund now"),
    "revolving_help": ("เงินเข้ากองทุนหมุนเวียน + กำไร − หนี้สูญ (รวมเงินที่ให้สมาชิกกู้อยู่)",
                       "Paid in + profit − losses (including money out on loan to members)"),
    "sales_to_date": ("ยอดขายสะสม", "Sales to date"),
    "sales_help": ("ยอดขายจากงานแสดงและจำหน่ายสินค้า {n} งาน", "Sales at {n} market events"),
    "db_missing": ("ไม่พบฐานข้อมูลที่ {path}", "No database at {path}"),
    "db_unreadable": ("ไฟล์ {path} ไม่ใช่ฐานข้อมูลที่อ่านได้", "The file {path} is not a readable database"),
    "db_locked": ("ฐานข้อมูล {path} กำลังถูกเขียนโดยโปรแกรมอื่น", "The database {path} is locked by another program"),
    "db_schema": ("ฐานข้อมูล {path} เป็นรุ่นเก่าหรือใหม่กว่าที่แอปนี้อ่านได้",
                  "The database {path} is of a version this app cannot read"),
    "db_what_to_do": ("ให้ผู้ดูแลระบบนำเข้าข้อมูลใหม่ หรือกู้คืนจากสำเนาสำรอง (python -m samma restore) "
                      "หน้านี้จะกลับมาเองเมื่อแก้ไขแล้ว",
                      "Ask the administrator to load the data again or restore a backup "
                      "(python -m samma restore); this page recovers by itself once it is fixed."),
    "baht_unit": ("บาท", "baht"),

    # --- data page, template, import ---------------------------------------------------------------------------
    # (issue 3: add this area's strings below this line)
    "page_data": ("ข้อมูล", "Data"),
    "data_title": ("ข้อมูลและการนำเข้า", "Data and loading"),
    "data_live": ("ชุดข้อมูลที่ใช้อยู่", "The live dataset"),
    "data_name": ("ชุดข้อมูล", "Dataset"),
    "data_as_of": ("ข้อมูล ณ วันที่", "Figures as of"),
    "data_loaded_at": ("นำเข้าเมื่อ", "Loaded"),
    "data_kind": ("ประเภท", "Kind"),
    "data_is_sample": ("ข้อมูลตัวอย่าง", "Sample data"),
    "data_is_real": ("ข้อมูลจริงของเครือข่าย", "The network's own figures"),
    "data_counts": ("จำนวนรายการในแต่ละแผ่นงาน", "Rows in each sheet"),
    "data_sheet": ("แผ่นงาน", "Sheet"),
    "data_rows": ("จำนวนแถว", "Rows"),
    "data_warnings": ("ข้อสังเกตจากการนำเข้า", "Warnings from the load"),
    "data_warnings_help": ("ข้อมูลจริงที่ไม่เป็นไปตามหลัก 70/30, 1:1 หรือทุนหมุนเวียนต้องไม่สูญ",
                           "Facts that break the 70/30 split, the 1:1 match or the rule that capital must not be lost"),
    "data_no_warnings": ("ไม่มีข้อสังเกต ข้อมูลเป็นไปตามหลักทุกข้อ", "No warnings: the figures keep every rule"),
    "data_warning": ("ข้อสังเกต", "Warning"),
    "data_downloads": ("ดาวน์โหลด", "Downloads"),
    "data_template": ("แม่แบบสำหรับกรอกข้อมูล (.xlsx)", "Template to fill in (.xlsx)"),
    "data_export": ("ข้อมูลที่ใช้อยู่ ในรูปแบบเดียวกับแม่แบบ (.xlsx)", "The live data, in the template's format (.xlsx)"),
    "data_how_to_load": ("ผู้ดูแลนำเข้าข้อมูลด้วยคำสั่ง python -m samma import ไฟล์.xlsx "
                         "สำเนาสำรองเก็บไว้ 20 ชุดล่าสุด กู้คืนได้ด้วย python -m samma restore",
                         "An administrator loads figures with python -m samma import FILE.xlsx; "
                         "the last 20 backups are kept and python -m samma restore puts one back"),
    "data_editor": ("นำเข้าข้อมูล (สำหรับผู้แก้ไข)", "Load a spreadsheet (editors)"),
    "data_password": ("รหัสผ่านผู้แก้ไข", "Editor password"),
    "data_unlock": ("เข้าสู่ระบบ", "Sign in"),
    "data_wrong_password": ("รหัสผ่านไม่ถูกต้อง", "Wrong password"),
    "data_upload": ("เลือกไฟล์ Excel (.xlsx) ตามแม่แบบ", "Choose an Excel file (.xlsx) in the template's format"),
    "data_load": ("ตรวจและนำเข้า", "Check and load"),
    "data_loaded": ("นำเข้าแล้ว ทุกหน้าแสดงตัวเลขใหม่ ข้อมูลเดิมเก็บเป็นสำเนาสำรอง",
                    "Loaded: every page shows the new figures; the previous data is kept as a backup"),
    "wb_intro": ("แม่แบบข้อมูลสัมมาชีพชุมชน: กรอกข้อมูลของเครือข่ายในแต่ละแผ่นงาน แล้วนำเข้าด้วย "
                 "python -m samma import ไฟล์.xlsx หรือที่หน้าข้อมูล",
                 "Samma data template: fill in your network sheet by sheet, then load it with "
                 "python -m samma import FILE.xlsx or on the Data page"),
    "wb_rule_dates": ("วันที่: พิมพ์แบบ พ.ศ. หรือ ค.ศ. ก็ได้ เช่น 15/01/2568, 2568-01-15, 15 ม.ค. 2568",
                      "Dates: Buddhist or Common era, e.g. 15/01/2568, 2025-01-15, 15 Jan 2025"),
    "wb_rule_numbers": ("ตัวเลข: ใส่จุลภาค ฿ หรือ บาท หรือเลขไทยได้ เช่น ๑,๒๐๐ บาท",
                        "Numbers: separators, ฿, บาท and Thai digits are fine, e.g. ฿1,200"),
    "wb_rule_choices": ("ช่องที่มีรายการให้เลือก: เลือกจากรายการ หรือพิมพ์รหัสภาษาอังกฤษ",
                        "Columns with a drop-down: pick from it, or type the English code"),
    "wb_rule_codes": ("รหัส: จังหวัด 2 หลัก อำเภอ 4 หลัก ตำบล 6 หลัก หมู่บ้าน = รหัสตำบล + หมู่ที่ 2 หลัก",
                      "Codes: province 2 digits, district 4, subdistrict 6, village = subdistrict + "
                      "หมู่ที่ as 2 digits"),
    "wb_rule_examples": ("แถวตัวอย่างเป็นเครือข่ายสมมุติ ให้ลบหรือเขียนทับด้วยข้อมูลจริง",
                         "The example rows are an imaginary network: delete or overwrite them"),
    "wb_rule_people": ("ห้ามใส่ชื่อ เลขบัตรประชาชน หรือเบอร์โทรของครัวเรือน ใช้รหัสเท่านั้น",
                       "Never put a household's name, ID number or phone: codes only"),
    "wb_rule_load": ("ถ้ามีข้อผิดพลาด ระบบจะบอกทุกจุด (แผ่นงาน แถว คอลัมน์) และจะไม่เปลี่ยนข้อมูลเดิม",
                     "If anything is wrong, every problem is listed (sheet, row, column) and the "
                     "live data is not changed"),
    "wb_sheet": ("แผ่นงาน", "Sheet"),
    "wb_required": ("ต้องกรอก", "required"),
    "wb_optional": ("เว้นว่างได้", "may be empty"),
    "err_at_cell": ("แผ่นงาน {sheet} แถว {row} คอลัมน์ {column}", "sheet {sheet}, row {row}, column {column}"),
    "err_at_row": ("แผ่นงาน {sheet} แถว {row}", "sheet {sheet}, row {row}"),
    "err_at_sheet": ("แผ่นงาน {sheet}", "sheet {sheet}"),
    "err_at_file": ("ไฟล์", "file"),
    "err_value": ("ค่า “{value}”", "value “{value}”"),
    "err_not_spreadsheet": ("ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) หรือโฟลเดอร์ไฟล์ CSV",
                            "this is not an Excel (.xlsx) file or a folder of CSV files"),
    "err_no_file": ("ไม่พบไฟล์ {path}", "there is no file {path}"),
    "err_empty_file": ("ไฟล์ว่างเปล่า", "the file is empty"),
    "err_missing_sheet": ("ไม่พบแผ่นงาน {sheet} ({th})", "the sheet {sheet} ({th}) is missing"),
    "err_missing_column": ("ไม่พบคอลัมน์ “{header}”", "the column “{header}” is missing"),
    "err_required": ("ต้องกรอกช่องนี้", "this cell must be filled in"),
    "err_not_number": ("ไม่ใช่ตัวเลข", "not a number"),
    "err_not_whole": ("ต้องเป็นจำนวนเต็ม", "must be a whole number"),
    "err_not_date": ("ไม่ใช่วันที่ที่อ่านได้ (เช่น 15/01/2568)", "not a date we can read (e.g. 15/01/2568)"),
    "err_not_code": ("ไม่ใช่รหัสที่อ่านได้", "not a code we can read"),
    "err_not_choice": ("ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {allowed}", "must be one of: {allowed}"),
    "err_digits": ("ต้องเป็นตัวเลข {n} หลัก", "must be {n} digits"),
    "err_below": ("ต้องไม่น้อยกว่า {limit}", "must be at least {limit}"),
    "err_above": ("ต้องไม่เกิน {limit}", "must be at most {limit}"),
    "err_negative": ("ต้องไม่ติดลบ", "must not be negative"),
    "err_future": ("เป็นวันที่ในอนาคต (หลังวันนี้)", "is a date in the future"),
    "err_unknown_code": ("ไม่มีรหัสนี้ในแผ่นงาน {ref}", "no such code in the sheet {ref}"),
    "err_duplicate": ("ซ้ำกับแถว {first}", "duplicates row {first}"),
    "err_prefix": ("ต้องขึ้นต้นด้วยรหัส {parent} ของคอลัมน์ {parent_column}",
                   "must start with {parent}, the code in column {parent_column}"),
    "err_village_code": ("รหัสหมู่บ้านต้องเป็น {expected} (รหัสตำบล + หมู่ที่ 2 หลัก)",
                         "the village code must be {expected} (subdistrict code + หมู่ที่ as 2 digits)"),
    "err_partner_source": ("ถ้ามาจากภาคีต้องใส่รหัสภาคี ถ้ามาจากสมาชิกต้องเว้นว่าง",
                           "a partner's support needs a partner code; members' money must have none"),
    "err_one_recipient": ("ต้องระบุผู้รับอย่างใดอย่างหนึ่ง: เครือข่าย หรือ กลุ่ม",
                          "give exactly one recipient: a network or a group"),
    "err_due_before_start": ("วันครบกำหนดมาก่อนวันเริ่มแผน", "the due date is before the plan start"),
    "err_one_dataset_row": ("ต้องมีข้อมูลหนึ่งแถวพอดี (พบ {n} แถว)", "must have exactly one row (found {n})"),
    "err_area_code": ("ต้องเป็นรหัสตำบลหรือรหัสหมู่บ้านที่มีในแผ่นงาน", "must be a subdistrict or village code in the workbook"),
    "err_database": ("ฐานข้อมูลไม่ยอมรับข้อมูล: {detail}", "the database refused the data: {detail}"),
    "load_rejected": ("ไม่ได้นำเข้า: พบปัญหา {n} จุด ข้อมูลเดิมไม่เปลี่ยนแปลง",
                      "Not loaded: {n} problem(s) found; the live data is unchanged"),
    "load_warnings": ("นำเข้าแล้ว มีข้อสังเกต {n} รายการ (ข้อมูลจริงที่ไม่เป็นไปตามหลัก)",
                      "Loaded, with {n} warning(s): facts that break a rule"),
    "warn_split_70_30": ("กลุ่ม {group}: เงินสนับสนุนเลขที่ {id} จำนวน {amount} เข้าบัญชีค่าบริหาร {actual} "
                         "(ตามหลัก 70/30 ควรเป็น {expected})",
                         "group {group}: of contribution {id} ({amount}), {actual} went to "
                         "administration (70/30 says {expected})"),
    "warn_matching_above_members": ("กลุ่ม {group}: ภาคีสมทบ {actual} มากกว่าเงินที่สมาชิกระดมเอง {expected} "
                                    "(หลัก 1:1)",
                                    "group {group}: partners matched {actual}, more than the "
                                    "members' own {expected} (1:1 rule)"),
    "warn_capital_below_floor": ("กลุ่ม {group}: ทุนหมุนเวียน {actual} ต่ำกว่าเงินที่ลงไว้ {expected} "
                                 "(ทุนต้องไม่สูญ)",
                                 "group {group}: revolving capital {actual} is below the "
                                 "{expected} paid in (capital must not be lost)"),


    # --- map and groups ---------------------------------------------------------------------------
    # (issue 4: add this area's strings below this line)


    # --- funds and what-if ---------------------------------------------------------------------------
    # (issue 5: add this area's strings below this line)


    # --- market and plan ---------------------------------------------------------------------------
    # (issue 6: add this area's strings below this line)


    # --- meeting: projector, share, handout ---------------------------------------------------------------------------
    # (issue 7: add this area's strings below this line)


    # --- reliability and notices ---------------------------------------------------------------------------
    # (issue 9: add this area's strings below this line)

}


def t(key: str, lang: str, **values: object) -> str:
    th, en = STRINGS[key]
    text = th if lang == "th" else en
    return text.format(**values) if values else text


def number(value: float | int | None, decimals: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{decimals}f}"


def baht(value: float | None, lang: str, decimals: int = 0) -> str:
    """Thai readers write the unit after the figure; English readers put ฿ before it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    figure = number(abs(value), decimals)
    sign = "−" if value < 0 else ""
    return f"{sign}{figure} บาท" if lang == "th" else f"{sign}฿{figure}"


def date(day: dt.date | None, lang: str) -> str:
    """15 ม.ค. 2568 in Thai (Buddhist Era), 15 Jan 2025 in English."""
    if day is None:
        return "–"
    if lang == "th":
        return f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + 543}"
    return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def fiscal_year(day: dt.date) -> int:
    """The Thai fiscal year (Buddhist Era) a day falls in: FY2568 runs Oct 2024 to Sep 2025."""
    return day.year + 543 + (1 if day.month >= 10 else 0)


def fiscal_year_label(fy_be: int, lang: str) -> str:
    return f"ปีงบประมาณ {fy_be}" if lang == "th" else f"FY{fy_be} BE ({fy_be - 543})"


def pick(row: dict, field: str, lang: str) -> str:
    """A name stored in both languages, in the chosen one (`name` -> `name_th` / `name_en`)."""
    return row[f"{field}_{lang}"]
