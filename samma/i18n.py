"""Thai and English: every string the app shows, Buddhist-era dates, baht; and the one way data
goes into page text (`t`, `escape`).

Thai first. A string missing in one language is a bug, so `t()` fails loudly on unknown keys.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from samma.domain import BUDDHIST_ERA_OFFSET

LANGS = ("th", "en")
DEFAULT_LANG = "th"

THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
               "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

STRINGS: dict[str, tuple[str, str]] = {
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
    "groups_5k": ("กลุ่มที่ครบ 5 ก.", "Groups with all 5 K"),
    "support_cash": ("การสนับสนุนเป็นเงินสด", "Support in cash"),
    "support_in_kind": ("การสนับสนุนที่ไม่ใช่ตัวเงิน (มูลค่า)", "Support in kind (value)"),
    "support_help": ("จากภาคีทุกภาคี ไม่รวมเงินที่สมาชิกระดมเอง แสดงเงินสดและการสนับสนุนที่ไม่ใช่ตัวเงินแยกกัน",
                     "From all partners, not counting members' own money; cash and in kind are kept apart"),
    "members_raised": ("สมาชิกระดมทุนเอง (หุ้น + เงินออม)", "Raised by members (shares + savings)"),
    "revolving_now": ("ทุนหมุนเวียนของกลุ่มอาชีพ", "Groups' revolving funds now"),
    "revolving_help": ("กองทุนของกลุ่มอาชีพทุกกลุ่ม: เงินเข้ากองทุนหมุนเวียน + กำไร − หนี้สูญ (รวมเงินที่ให้สมาชิกกู้อยู่)",
                       "Every group's fund: paid in + profit − losses (including money out on loan to members)"),
    "sales_to_date": ("ยอดขายสะสม", "Sales to date"),
    "sales_help": ("ยอดขายจากงานแสดงและจำหน่ายสินค้า {n} งาน", "Sales at {n} market events"),
    "db_missing": ("ไม่พบฐานข้อมูลที่ {path}", "No database at {path}"),
    "db_unreadable": ("ไฟล์ {path} ไม่ใช่ฐานข้อมูลที่อ่านได้", "The file {path} is not a readable database"),
    "db_locked": ("ฐานข้อมูล {path} กำลังถูกเขียนโดยโปรแกรมอื่น", "The database {path} is locked by another program"),
    "db_old": ("ฐานข้อมูล {path} สร้างจากแอปรุ่นเก่า ต้องปรับปรุงให้เป็นรุ่นปัจจุบันก่อนจึงจะเปิดได้",
               "The database {path} was made by an earlier version of Samma and must be upgraded"),
    "db_newer": ("ฐานข้อมูล {path} สร้างจากแอปรุ่นที่ใหม่กว่ารุ่นที่ใช้อยู่นี้",
                 "The database {path} was made by a newer version of Samma than this app"),
    "db_what_to_do_old": ("ให้ผู้ดูแลระบบใช้คำสั่ง python -m samma upgrade หนึ่งครั้ง คำสั่งนี้จะปรับปรุงข้อมูลทั้งหมด"
                          "ให้เป็นรุ่นปัจจุบัน และเก็บไฟล์เดิมไว้เป็นสำเนาสำรอง หน้านี้จะกลับมาเองเมื่อเสร็จ",
                          "Ask the administrator to run python -m samma upgrade once: it carries all "
                          "the data over and keeps the old file as a backup. This page recovers by "
                          "itself once it is done."),
    "db_what_to_do_newer": ("ให้ผู้ดูแลระบบปรับปรุงแอปนี้ให้เป็นรุ่นเดียวกับที่สร้างฐานข้อมูลนี้",
                            "Ask the administrator to update this Samma to the version that made "
                            "the database."),
    "db_what_to_do": ("ให้ผู้ดูแลระบบนำเข้าข้อมูลใหม่ หรือกู้คืนจากสำเนาสำรอง (python -m samma restore) "
                      "หน้านี้จะกลับมาเองเมื่อแก้ไขแล้ว",
                      "Ask the administrator to load the data again or restore a backup "
                      "(python -m samma restore); this page recovers by itself once it is fixed."),

    # --- the meeting's sections: one projector screen each (samma/agenda.py) -------------------
    "sec_map": ("หมู่บ้านเป้าหมายบนแผนที่", "The target villages on the map"),
    "sec_village": ("หมู่บ้านที่เลือก: ความก้าวหน้าและกลุ่มอาชีพ", "The chosen village: progress and groups"),
    "sec_village_money": ("หมู่บ้านที่เลือก: การสนับสนุน กองทุน และยอดขาย",
                          "The chosen village: support, fund and sales"),
    "sec_village_income": ("หมู่บ้านที่เลือก: รายได้ของครัวเรือน", "The chosen village: household income"),
    "sec_income_spread": ("ช่วงรายได้: ก่อนเข้าร่วมโครงการ และจากการสำรวจครั้งล่าสุด",
                          "Income range: before joining and at the latest survey"),
    "sec_income_tables": ("รายได้แยกตามพื้นที่ กลุ่ม และอาชีพ", "Income by area, group and occupation"),
    "sec_loans_overdue": ("กองทุนที่มีเงินกู้ค้างชำระ", "Funds with loans overdue"),
    "sec_rule_split": ("ตรวจตามเงื่อนไข 70/30", "Checking the 70/30 condition"),
    "sec_rule_match": ("ตรวจตามเงื่อนไข 1:1", "Checking the 1:1 condition"),
    "sec_fund_gains": ("กำไรและหนี้สูญของทุนหมุนเวียน", "The revolving fund's profit and losses"),
    "sec_whatif_scenario": ("ถ้าหาก…: คำถามและคำตอบ", "What if…: the question and the answer"),
    "sec_whatif_projection": ("ทุนหมุนเวียนเมื่อครบ 1 ไตรมาส 1 ปี และ 3 ปี",
                              "The revolving fund after a quarter, 1 year and 3 years"),
    "sec_market_events": ("งานแสดงและจำหน่ายสินค้าที่จัดแล้ว และยอดขายตามลำดับเวลา",
                          "The market events held and their sales over time"),
    # Short: it is also the label of the meeting bar's previous/next button, on one line.
    "sec_market_timeline": ("งานที่จัดตามลำดับเวลา แยกตามผู้จัด",
                            "The market events over time, by organiser"),
    "sec_market_best": ("ยอดขายแยกตามกลุ่ม สินค้า และหมู่บ้าน", "Sales by group, product and village"),
    "plan_how_to_read": ("วิธีอ่านกราฟ", "How to read the charts"),

    # --- data page, template, import ----------------------------------------------------------
    "page_data": ("ข้อมูล", "Data"),
    "data_title": ("ข้อมูลและการนำเข้า", "Data and loading"),
    "data_live": ("ชุดข้อมูลที่ใช้อยู่", "The live dataset"),
    "data_as_of": ("ข้อมูล ณ วันที่", "Figures as of"),
    "data_loaded_at": ("นำเข้าเมื่อ", "Loaded"),
    "data_kind": ("ประเภท", "Kind"),
    "data_is_sample": ("ข้อมูลตัวอย่าง", "Sample data"),
    "data_is_real": ("ข้อมูลจริงของเครือข่าย", "The network's own figures"),
    "data_counts": ("จำนวนรายการในแต่ละแผ่นงาน", "Rows in each sheet"),
    "data_sources": ("ที่มาของข้อมูลแต่ละเครือข่าย", "Where each network's data came from"),
    "data_source_network": ("เครือข่าย", "Network"),
    "data_source_file": ("ไฟล์", "File"),
    "data_sheet": ("แผ่นงาน", "Sheet"),
    "data_rows": ("จำนวนแถว", "Rows"),
    "data_warnings": ("ข้อสังเกตจากการนำเข้า", "Warnings from the load"),
    "data_warnings_help": ("ข้อมูลจริงที่ไม่เป็นไปตามเงื่อนไข 70/30 เงื่อนไข 1:1 หรือเงื่อนไขที่ทุนหมุนเวียนต้องไม่สูญหาย "
                           "ค่าใช้จ่ายในการบริหารที่ใช้เกินกว่าที่ได้รับ หรือทะเบียนเงินกู้ที่ไม่ตรงกับบัญชีกองทุน",
                           "Facts that break the 70/30 split, the 1:1 match or the condition that capital "
                           "must not be lost, administration spending beyond the administration money, or a "
                           "loan register that disagrees with the fund's ledger"),
    "data_no_warnings": ("ไม่มีข้อสังเกต ข้อมูลเป็นไปตามเงื่อนไขทุกข้อ", "No warnings: the figures keep every condition"),
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
    "err_in_file": ("ไฟล์ {file}", "file {file}"),
    "err_conflict": ("ไม่ตรงกับไฟล์ {other} แถว {other_row} (“{other_value}”): "
                     "รหัสเดียวกันต้องมีข้อมูลเหมือนกันทุกไฟล์",
                     "differs from file {other}, row {other_row} (“{other_value}”): "
                     "the same code must read the same in every file"),
    "err_duplicate_in_file": ("ซ้ำกับไฟล์ {other} แถว {other_row}: รหัสหนึ่งเป็นของได้เพียงเครือข่ายเดียว",
                              "duplicates file {other}, row {other_row}: a code can belong to only one network"),
    "load_renumbered": ("ไฟล์ {file}: เลขที่ในแผ่นงาน {sheets} ซ้ำกับที่นำเข้าไว้ก่อนแล้ว จึงเลื่อนเลขที่ของไฟล์นี้ให้ต่อจาก"
                        "เลขที่มีอยู่ (ในวงเล็บคือจำนวนที่เลื่อน) รายการที่อ้างถึงเลขที่เหล่านี้เลื่อนตามด้วย",
                        "file {file}: the numbers in {sheets} were already taken by the data loaded before it, "
                        "so this file's numbers were moved on past them (by the amount in brackets), "
                        "and every reference to them moved with them"),
    "err_taken_in_database": ("รหัสนี้เป็นของเครือข่ายอื่นในฐานข้อมูลแล้ว",
                              "this code already belongs to another network in the database"),
    "err_conflict_database": ("ไม่ตรงกับที่มีในฐานข้อมูล (“{other_value}”): รหัสเดียวกันต้องมีข้อมูลเหมือนกัน",
                              "differs from the database (“{other_value}”): the same code must read the same"),
    "err_update_still_used": ("ข้อมูลของเครือข่ายอื่นในแผ่นงาน {sheet} จำนวน {n} แถวยังอ้างถึงรายการนี้ "
                              "จึงต้องคงรายการนี้ไว้ในไฟล์ที่ใช้ปรับปรุงด้วย หรือแก้ไขข้อมูลของเครือข่ายนั้นก่อน",
                              "{n} row(s) of another network in the sheet {sheet} still refer to it: keep it in "
                              "this workbook, or change that network's data first"),
    "err_update_no_database": ("ยังไม่มีฐานข้อมูลที่ {path} ให้ปรับปรุง: นำเข้าโดยไม่ใส่ --update",
                               "there is no database at {path} to update: import without --update"),
    "err_update_version": ("ฐานข้อมูลสร้างจาก Samma รุ่นอื่น (รุ่น {version}): "
                           "ใช้คำสั่ง python -m samma upgrade ก่อน แล้วจึงปรับปรุงข้อมูล",
                           "the database was made by another version of Samma (version {version}): "
                           "run python -m samma upgrade first, then update"),
    "err_update_no_area": ("ในไฟล์ไม่มีข้อมูลตำบล จึงไม่ทราบว่าจะปรับปรุงข้อมูลของพื้นที่ใด",
                           "the file names no subdistrict, so it is not clear which area to update"),
    "load_replaced": ("ปรับปรุงข้อมูลของ {areas} แล้ว (ข้อมูลของพื้นที่อื่นคงเดิม)",
                      "updated {areas} (every other area's data is as it was)"),
    "load_replaced_row": ("{sheet}: ก่อนปรับปรุง {before:,} แถว หลังปรับปรุง {after:,} แถว "
                          "(ลบออก {removed:,} เพิ่มใหม่ {added:,})",
                          "{sheet}: {before:,} rows before, {after:,} after ({removed:,} removed, {added:,} added)"),
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
    "load_warnings": ("นำเข้าแล้ว มีข้อสังเกต {n} รายการ (ข้อมูลจริงที่ไม่เป็นไปตามเงื่อนไข)",
                      "Loaded, with {n} warning(s): facts that break a condition"),
    "warn_split_70_30": ("{owner}: เงินสนับสนุนเลขที่ {id} จำนวน {amount} เข้าบัญชีค่าใช้จ่ายในการบริหาร {actual} "
                         "(ตามเงื่อนไข 70/30 ควรเป็น {expected})",
                         "{owner}: of contribution {id} ({amount}), {actual} went to "
                         "administration (the 70/30 condition says {expected})"),
    "warn_matching_above_members": ("{owner}: ภาคีสมทบ {actual} มากกว่าเงินที่สมาชิกระดมเอง {expected} "
                                    "(เงื่อนไข 1:1)",
                                    "{owner}: partners matched {actual}, more than the "
                                    "members' own {expected} (the 1:1 condition)"),
    "warn_capital_below_floor": ("{owner}: ทุนหมุนเวียน {actual} ต่ำกว่าเงินที่จ่ายเข้า {expected} "
                                 "(ทุนต้องไม่สูญ)",
                                 "{owner}: revolving capital {actual} is below the "
                                 "{expected} paid in (capital must not be lost)"),
    "warn_admin_overspent": ("{owner}: ใช้ค่าใช้จ่ายในการบริหารไป {actual} เกินกว่าที่ได้รับ {expected}",
                             "{owner}: spent {actual} on administration, more than the {expected} of "
                             "administration money paid in"),
    "warn_loans_lent_differ": ("{owner}: ทะเบียนเงินกู้ให้กู้รวม {actual} แต่บัญชีกองทุนบันทึกให้กู้ {expected}",
                               "{owner}: the loan register lent {actual}, the fund's ledger {expected}"),
    "warn_loans_repaid_differ": ("{owner}: ทะเบียนเงินกู้รับชำระเงินต้นรวม {actual} แต่บัญชีกองทุนบันทึกรับชำระ {expected}",
                                 "{owner}: the loan register shows {actual} of principal repaid, the "
                                 "fund's ledger {expected}"),
    "err_one_owner": ("ต้องระบุเครือข่ายหรือกลุ่ม อย่างใดอย่างหนึ่งเท่านั้น",
                      "give exactly one owner: a network or a group"),
    "err_spent_purpose": ("รายการ \"จ่ายค่าบริหาร\" ต้องระบุว่าใช้จ่ายเพื่ออะไร รายการอื่นให้เว้นว่างไว้",
                          "an entry 'spent' needs what it paid for; other entries must leave it empty"),
    "err_spent_admin": ("รายการ \"จ่ายค่าบริหาร\" ต้องอยู่ในบัญชี \"ค่าบริหาร\" เท่านั้น", "only administration money is spent"),
    "err_passed_on_group": ("รายการ \"ส่งต่อให้กลุ่ม\" ต้องระบุกลุ่มที่รับเงิน รายการอื่นให้เว้นว่างไว้",
                            "an entry 'passed on' needs the group it went to; other entries must leave it empty"),
    "err_passed_on_network": ("เครือข่ายเท่านั้นที่ส่งต่อเงินทุนหมุนเวียนให้กลุ่มได้",
                              "only a network passes revolving money on to a group"),
    "err_due_before_lent": ("วันครบกำหนดชำระมาก่อนวันที่กู้", "the due date is before the day it was lent"),
    "err_repaid_before_lent": ("วันที่ชำระมาก่อนวันที่กู้ ({lent})", "repaid before it was lent ({lent})"),
    "err_repaid_more_than_lent": ("เงินต้นที่ชำระรวมกับที่ตัดเป็นหนี้สูญ เกินจำนวนเงินกู้ ({amount} บาท)",
                                  "principal repaid and written off add up to more than the {amount} baht lent"),
    "load_absent": ("ไฟล์นี้ทำจากแม่แบบรุ่นเก่า จึงไม่มีแผ่นงานหรือคอลัมน์ต่อไปนี้: {parts} "
                    "ข้อมูลส่วนนี้จะเว้นว่างไว้ (ไม่ใช่ข้อผิดพลาด)",
                    "This workbook was made with an earlier template, so it has none of these sheets "
                    "or columns: {parts}. Those records are left empty (not an error)"),
    "load_notes": ("หมายเหตุ", "Note"),
    "wb_rule_optional": ("แผ่นงานกรรมการเครือข่าย การสมทบทุน และทะเบียนเงินกู้ ให้กรอกเมื่อมีข้อมูล "
                         "ไฟล์ที่ไม่มีแผ่นงานเหล่านี้ก็นำเข้าได้",
                         "The committee, matching scheme and loan sheets are filled in when you have "
                         "the records; a workbook without them still loads"),

    # --- map and groups -----------------------------------------------------------------------
    "page_map": ("แผนที่หมู่บ้าน", "Village map"),
    "page_groups": ("การจัดตั้งกลุ่ม", "Group formation"),
    "map_title": ("หมู่บ้านเป้าหมายอยู่ที่ไหน และก้าวหน้าไปถึงไหน", "Where the villages are and how far each has come"),
    "groups_title": ("ความก้าวหน้าการจัดตั้งกลุ่มอาชีพและ 5 ก.", "Occupational groups and the 5 K"),
    "stage_target": ("เป็นเป้าหมายแล้ว", "Target only"),
    "stage_sages": ("มีปราชญ์แล้ว", "Sages in place"),
    "stage_households": ("ครัวเรือนเข้าร่วมแล้ว", "Households enrolled"),
    "stage_group": ("ตั้งกลุ่มแล้ว", "Group formed"),
    "stage_all5k": ("ครบ 5 ก.", "All 5 K"),
    "k_committee": ("กรรมการ", "Committee"),
    "k_members": ("กลุ่มสมาชิก", "Members"),
    "k_rules": ("กฎระเบียบ", "Rules"),
    "k_fund": ("กองทุน", "Fund"),
    "k_activities": ("กิจกรรม", "Activities"),
    "next_none": ("ครบทุกขั้นแล้ว", "Nothing missing"),
    "mg_pilot": ("ตำบลนำร่อง", "pilot subdistrict"),
    "tooltip_moo": ("หมู่ที่ {moo} ต.{subdistrict}", "Moo {moo}, {subdistrict}"),
    "tooltip_stage": ("ขั้น: {stage}", "Stage: {stage}"),
    "tooltip_households": ("ครัวเรือน: {n}", "Households: {n}"),
    "tooltip_groups": ("กลุ่มอาชีพ: {n} (ครบ 5 ก. {k5})", "Groups: {n} ({k5} with all 5 K)"),
    "tooltip_next": ("ขั้นต่อไป: {step}", "Next: {step}"),
    "tooltip_villages": ("หมู่บ้าน: {n} (นำร่อง {pilot})", "Villages: {n} ({pilot} pilot)"),
    "tooltip_typical": ("ครึ่งหนึ่งของหมู่บ้านถึงขั้น: {stage}", "Half the villages have reached: {stage}"),
    "legend_title": ("สีบอกขั้นของหมู่บ้าน ขนาดบอกจำนวนครัวเรือน", "Colour: stage · size: households"),
    "funnel_title": ("จากหมู่บ้านเป้าหมายสู่กลุ่มที่ขายได้", "From target village to a group that sells"),
    "funnel_target_villages": ("หมู่บ้านเป้าหมาย", "Target villages"),
    "funnel_villages_with_sages": ("หมู่บ้านที่มีปราชญ์ครบ 1+4", "Villages with sages (1+4)"),
    "funnel_households": ("ครัวเรือนที่เข้าร่วม", "Households enrolled"),
    "funnel_groups_formed": ("กลุ่มอาชีพที่จัดตั้งแล้ว", "Occupational groups formed"),
    "funnel_groups_5k": ("กลุ่มที่ครบ 5 ก.", "Groups with all 5 K"),
    "funnel_groups_sold": ("กลุ่มที่เคยขายในงานแสดงสินค้า", "Groups that have sold at an event"),
    "funnel_line": ("{label}\n{value} จาก {denominator} {of} ({share}%)",
                    "{label}\n{value} of {denominator} {of} ({share}%)"),
    "of_target_villages": ("หมู่บ้านเป้าหมาย", "target villages"),
    "of_households_planned": ("ครัวเรือนตามแผน (20 ต่อหมู่บ้าน)", "planned households (20 a village)"),
    "of_groups_formed": ("กลุ่มที่จัดตั้งแล้ว", "groups formed"),
    "funnel_axis": ("สัดส่วนของฐานที่ใช้เทียบในแต่ละขั้น", "Share of each step's own base"),
    "funnel_help": ("แต่ละขั้นเทียบกับฐานของตัวเอง: หมู่บ้านเทียบกับหมู่บ้านเป้าหมาย ครัวเรือนเทียบกับ 20 ครัวเรือนต่อหมู่บ้าน "
                    "และ 5 ก. กับการขาย เทียบกับกลุ่มที่จัดตั้งแล้ว",
                    "Each step is measured against its own base: villages against target villages, "
                    "households against 20 a village, the 5 K and sales against groups formed."),
    "mg_village": ("หมู่บ้าน", "Village"),
    "mg_five_k": ("5 ก.", "5 K"),
    "k_status": ("สถานะ", "Status"),
    "k_status_reached": ("มีแล้ว", "In place"),
    "k_status_next": ("ขั้นต่อไป", "Next"),
    "k_status_missing": ("ยังไม่มี", "Not yet"),
    "k_cell_next": ("ถัดไป", "next"),
    "k_cell_missing": ("–", "–"),
    "k_reached_on": ("ได้เมื่อ", "Reached on"),
    "matrix_title": ("5 ก. ของแต่ละหมู่บ้าน", "The 5 K, village by village"),
    "matrix_help": ("ตัวเลขในช่องคือปี พ.ศ. ที่ได้ ก. นั้น ช่อง \"ถัดไป\" คือ ก. ที่หมู่บ้านควรทำต่อ",
                    "A cell's number is the year that K was reached; \"next\" is the K the village needs next."),
    "matrix_too_many": ("มีกลุ่ม {n} กลุ่มในพื้นที่นี้ เลือกพื้นที่ที่เล็กลงด้านบนเพื่อดูตาราง 5 ก.",
                        "{n} groups in this area: choose a smaller area above to see the 5 K table."),
    "matrix_empty": ("ยังไม่มีกลุ่มอาชีพที่จัดตั้งแล้วในพื้นที่นี้", "No occupational group has been formed in this area yet."),
    "progress_title": ("ความก้าวหน้าเทียบเป้าหมาย ขยับ 3 ขั้น", "Progress against the three-step plan"),
    "progress_scope": ("ผลจริงและเป้าหมายนับเฉพาะตำบลที่มีแผน ({n} ตำบล)",
                       "Actual and target count only the subdistricts with a plan ({n})"),
    "progress_none": ("ยังไม่มีแผนขยับ 3 ขั้นสำหรับพื้นที่นี้", "There is no three-step plan for this area yet."),
    "mg_month": ("เดือน", "Month"),
    "mg_actual": ("ผลจริง", "Actual"),
    "mg_plan_step": ("ขั้นของแผน", "Plan step"),
    "mg_due": ("กำหนด", "Due"),
    "mg_target": ("เป้าหมาย", "Target"),
    "mg_step_quarter": ("ไตรมาส", "Quarter"),
    "mg_step_year1": ("1 ปี", "1 year"),
    "mg_step_year3": ("3 ปี", "3 years"),
    "filter_province": ("จังหวัด", "Province"),
    "filter_district": ("อำเภอ", "District"),
    "filter_subdistrict": ("ตำบล", "Subdistrict"),
    "filter_stage": ("แสดงหมู่บ้านที่อยู่ขั้น", "Show villages at stage"),
    "all_areas": ("ทั้งหมด", "All"),
    "pilot_mark": ("{name} (นำร่อง)", "{name} (pilot)"),
    "basemap": ("แผนที่พื้นหลัง (ต้องใช้อินเทอร์เน็ต)", "Background map (needs internet)"),
    "map_pick_help": ("แตะจุดบนแผนที่ หรือเลือกหมู่บ้านจากรายการด้านบน เพื่อดูข้อมูลหมู่บ้าน",
                      "Tap a village on the map, or choose it above, to see its card."),
    "area_pick_help": ("แตะวงกลมบนแผนที่ หรือเลือกพื้นที่ด้านบน เพื่อดูลึกลงไป",
                       "Tap a circle on the map, or choose an area above, to look inside it."),
    "area_level_province": ("แต่ละวงคือหนึ่งจังหวัด", "Each circle is a province"),
    "area_level_district": ("แต่ละวงคือหนึ่งอำเภอ", "Each circle is a district"),
    "area_level_subdistrict": ("แต่ละวงคือหนึ่งตำบล", "Each circle is a subdistrict"),
    "area_typical_help": ("สีของวงคือขั้นที่หมู่บ้านอย่างน้อยครึ่งหนึ่งในพื้นที่ไปถึงแล้ว",
                          "A circle's colour is the stage at least half of its villages have reached."),
    "no_villages": ("ไม่มีหมู่บ้านตามตัวกรองนี้", "No village matches these filters."),
    "village_pick": ("หมู่บ้าน", "Village"),
    "village_none": ("– เลือกหมู่บ้าน –", "– choose a village –"),
    "card_where": ("ต.{subdistrict} อ.{district} · ขั้น: {stage} · ขั้นต่อไป: {next}",
                   "{subdistrict}, {district} · stage: {stage} · next: {next}"),
    "card_sages_help": ("นับจำนวน ไม่แสดงชื่อ: ปราชญ์หลัก {lead} คน ทีม {team} คน",
                        "Counted, never named: {lead} lead, {team} team"),
    "card_groups": ("กลุ่มอาชีพและ 5 ก.", "Groups and the 5 K"),
    "card_group_line": ("{name} · อาชีพ: {occupation} · ตั้งเมื่อ {formed} · {households} ครัวเรือน · 5 ก.: {ks}/5",
                        "{name} · occupation: {occupation} · formed {formed} · {households} households · 5 K: {ks}/5"),
    "card_not_formed": ("ยังไม่ได้ตั้งกลุ่ม", "not formed yet"),
    "card_no_groups": ("หมู่บ้านนี้ยังไม่มีกลุ่มอาชีพ", "This village has no occupational group yet."),
    "card_support_by_partner": ("การสนับสนุนจากภาคีถึงกลุ่มในหมู่บ้านนี้", "Partners' support to this village's groups"),
    "card_support_note": ("ไม่รวมการสนับสนุนที่ให้เครือข่ายระดับตำบล", "Not counting support given to the subdistrict network"),
    "mg_partner": ("ภาคี", "Partner"),
    "mg_cash": ("เงินสด", "Cash"),
    "mg_in_kind": ("ไม่ใช่ตัวเงิน (มูลค่า)", "In kind (value)"),
    "on_loan_help": ("ในจำนวนนี้ให้สมาชิกกู้อยู่ {amount}", "Of which {amount} is out on loan to members"),
    "sales_events": ("ขายใน {n} งาน", "At {n} events"),
    "page_funds": ("กองทุนและการสนับสนุน", "Funds and support"),
    "page_whatif": ("ถ้าหาก…", "What if…"),
    "funds_title": ("เงินมาจากไหน ไปที่ไหน และเป็นไปตามเงื่อนไขหรือไม่",
                    "Where the money came from, where it went, and the conditions"),
    "kind_cash": ("เงินสด", "Cash"),
    "kind_in_kind": ("ไม่ใช่ตัวเงิน (มูลค่า)", "In kind (value)"),
    "kind_in_kind_word": ("ไม่ใช่ตัวเงิน", "in kind"),
    "purpose_grant": ("เงินสนับสนุนกองทุน", "Fund grant"),
    "purpose_matching": ("เงินสมทบ 1:1", "1:1 matching"),
    "purpose_shares": ("ค่าหุ้น", "Shares"),
    "purpose_savings": ("เงินออม", "Savings"),
    "purpose_training": ("อบรม", "Training"),
    "purpose_design": ("ออกแบบผลิตภัณฑ์", "Product design"),
    "purpose_marketing": ("การตลาด", "Marketing"),
    "purpose_event": ("งานแสดงสินค้า", "Market events"),
    "use_admin": ("ค่าใช้จ่ายในการบริหาร (30%)", "Administration (30%)"),
    "use_revolving": ("ทุนหมุนเวียน", "Revolving capital"),
    "node_members": ("สมาชิก (หุ้น + เงินออม)", "Members (shares + savings)"),
    "node_network": ("เครือข่ายสัมมาชีพตำบล", "Subdistrict network"),
    "node_groups": ("กลุ่มอาชีพ", "Occupational groups"),
    "axis_baht": ("บาท", "Baht"),
    "axis_partner": ("ภาคี", "Partner"),
    "axis_purpose": ("วัตถุประสงค์", "Purpose"),
    "axis_fiscal_year": ("ปีงบประมาณ (พ.ศ.)", "Fiscal year (BE)"),
    "axis_month": ("เดือน", "Month"),
    "axis_from": ("จาก", "From"),
    "axis_to": ("ไปที่", "To"),
    "funds_support": ("การสนับสนุนจากภาคี", "Support from the partners"),
    "funds_support_caption": ("เงินสดและการสนับสนุนที่ไม่ใช่ตัวเงิน (วันอบรม งานออกแบบ สถานที่) แสดงแยกกัน ไม่นำมารวมกัน",
                              "Cash and in-kind support (training days, design work, venues) are shown apart, "
                              "never added together"),
    "funds_partner_filter": ("ภาคี", "Partner"),
    "funds_all_partners": ("ทุกภาคี", "All partners"),
    "funds_view": ("แสดงการสนับสนุน", "Show the support"),
    "funds_none_recorded": ("ไม่มีรายการ", "None recorded"),
    "funds_by_partner": ("ตามภาคีและวัตถุประสงค์", "By partner and purpose"),
    "funds_by_year": ("ตามปีงบประมาณ", "By fiscal year"),
    "funds_totals": ("ยอดรวมของแต่ละภาคี", "Each partner's totals"),
    "col_cash": ("เงินสด (บาท)", "Cash (baht)"),
    "col_in_kind": ("ไม่ใช่ตัวเงิน (มูลค่า บาท)", "In kind (value, baht)"),
    "col_in_kind_days": ("ไม่ใช่ตัวเงิน (วัน)", "In kind (days)"),
    "funds_flows": ("เงินสดไหลจากไหน ไปที่ไหน", "Where the cash came from and went"),
    "funds_flows_caption": ("ชี้ที่แถบของภาคีเพื่อดูเส้นทางเงินของภาคีนั้น ความกว้างของแถบคือจำนวนเงิน "
                            "การสนับสนุนที่ไม่ใช่ตัวเงินไม่มีเงินสดให้ติดตาม จึงแสดงเฉพาะในหัวข้อ "
                            "“การสนับสนุนจากภาคี” และ “ยอดรวมของแต่ละภาคี”",
                            "Point at a partner's band to see its path; a band's width is the amount. "
                            "In-kind support has no cash to follow, so it appears only under "
                            "“Support from the partners” and “Each partner's totals”"),
    "funds_revolving": ("ทุนหมุนเวียนตามเวลา", "The revolving fund over time"),
    "funds_revolving_caption": ("ทุนหมุนเวียน = เงินที่จ่ายเข้า + กำไร − หนี้สูญ ทุนหมุนเวียน \"ห้ามสูญหาย\" "
                                "จึงต้องไม่ต่ำกว่าเงินที่จ่ายเข้า (เส้นประ)",
                                "Capital = paid in + profit − losses. Revolving capital \"must not be lost\", "
                                "so it must stay above what was paid in (the dashed floor)"),
    "series_capital": ("ทุนหมุนเวียน", "Revolving capital"),
    "series_floor": ("เงินที่จ่ายเข้า (ขั้นต่ำ)", "Paid in (the floor)"),
    "series_on_loan": ("ให้สมาชิกกู้อยู่", "Out on loan"),
    "series_loans_out": ("ปล่อยกู้ในเดือน", "Lent in the month"),
    "series_repayments": ("รับชำระคืนในเดือน", "Repaid in the month"),
    "series_profit": ("กำไร", "Profit"),
    "series_losses": ("หนี้สูญ", "Losses"),
    "revolving_capital_now": ("ทุนหมุนเวียนตอนนี้", "Revolving capital now"),
    "revolving_floor": ("เงินที่จ่ายเข้า (ขั้นต่ำ)", "Paid in (the floor)"),
    "revolving_on_loan": ("ให้สมาชิกกู้อยู่ตอนนี้", "Out on loan now"),
    "revolving_above_floor": ("ทุนหมุนเวียนสูงกว่าเงินที่จ่ายเข้า {gap}: ทุนไม่สูญหาย",
                              "The fund is {gap} above what was paid in: no capital lost"),
    "revolving_below_floor": ("ทุนหมุนเวียนต่ำกว่าเงินที่จ่ายเข้า {gap}: ทุนสูญหายไปแล้ว ผิดเงื่อนไข",
                              "The fund is {gap} below what was paid in: capital has been lost, against the condition"),
    "funds_rules": ("ตรวจตามเงื่อนไข 70/30 และ 1:1", "Checking the 70/30 and 1:1 conditions"),
    "rule_split_summary": ("{ok} จาก {n} รายการเงินสนับสนุนกองทุน แบ่งเป็นค่าใช้จ่ายในการบริหาร 30% และทุนหมุนเวียน 70% ตามเงื่อนไข",
                           "{ok} of {n} fund grants are split 30% administration, 70% revolving, "
                           "as the condition says"),
    "rule_split_breaches": ("{n} รายการไม่เป็นไปตามเงื่อนไข 70/30:", "{n} grants break the 70/30 condition:"),
    "rule_match_summary": ("{ok} จาก {n} กลุ่มหรือเครือข่ายที่อยู่ในการสมทบทุน ได้รับเงินสมทบครบตามสัดส่วน "
                           "เมื่อเทียบกับเงินที่สมาชิกระดมเอง",
                           "{ok} of {n} groups or networks in a matching scheme got the full match, at the "
                           "scheme's ratio, for what their members raised"),
    "rule_match_waiting": ("{n} กลุ่มหรือเครือข่ายที่อยู่ในการสมทบทุน ยังไม่ได้รับเงินสมทบ สมาชิกระดมเองแล้ว {amount}",
                           "{n} groups or networks in a matching scheme have no match yet; their members "
                           "have raised {amount}"),
    "rule_match_breaches": ("{n} กลุ่มหรือเครือข่ายได้รับเงินสมทบไม่ตรงตามสัดส่วนของการสมทบทุน:",
                            "{n} groups or networks in a matching scheme got a match that is not at the "
                            "scheme's ratio:"),
    "rule_outside": ("{n} กลุ่มไม่ได้อยู่ในการสมทบทุนใด เงื่อนไข 1:1 จึงไม่ใช้กับกลุ่มเหล่านี้",
                     "{n} groups are not in a matching scheme: the 1:1 condition does not apply to them"),
    "rule_outside_list": ("กลุ่มที่ไม่ได้อยู่ในการสมทบทุนใด", "Groups not in a matching scheme"),
    "rule_no_scheme": ("ยังไม่มีข้อมูลการสมทบทุน (ภาคีใดสมทบให้กลุ่มใด ตั้งแต่เมื่อใด) จึงยังตรวจเงื่อนไข 1:1 ไม่ได้",
                       "No matching scheme is recorded (which partners match which groups, since when), "
                       "so the 1:1 condition cannot be checked yet"),
    "scheme_line": ("{name}: {partners} สมทบ {ratio} ส่วน ต่อเงินที่สมาชิกระดมเอง 1 ส่วน "
                    "· กลุ่มและเครือข่ายที่เข้าร่วม {members} ราย",
                    "{name}: {partners} add {ratio} for each baht the members raise "
                    "· {members} groups and networks in it"),
    "verdict_ok": ("ตรงตามเงื่อนไข", "as the condition says"),
    "verdict_over": ("เกินกว่าที่เงื่อนไขกำหนด", "over the condition"),
    "verdict_under": ("ขาดไป", "short"),
    "verdict_not_matched": ("ยังไม่ได้รับเงินสมทบ", "not matched yet"),
    "col_date": ("วันที่", "Date"),
    "col_partner": ("ภาคี", "Partner"),
    "col_group": ("กลุ่ม", "Group"),
    "col_grant": ("เงินสนับสนุน (บาท)", "Grant (baht)"),
    "col_admin": ("ค่าใช้จ่ายในการบริหาร (บาท)", "Administration (baht)"),
    "col_revolving": ("ทุนหมุนเวียน (บาท)", "Revolving (baht)"),
    "col_raised": ("สมาชิกระดมเอง (บาท)", "Members raised (baht)"),
    "col_matched": ("ภาคีสมทบ (บาท)", "Partners matched (baht)"),
    "col_gap": ("ส่วนต่าง (บาท)", "Gap (baht)"),
    "col_verdict": ("ผล", "Verdict"),
    "rule_details": ("ดูทุกรายการ", "See every line"),

    "whatif_title": ("ถ้าหาก…: คำนวณกองทุนทันที", "What if…: the fund, worked out at once"),
    "wi_people": ("คน", "People"),
    "wi_money": ("เงิน", "Money"),
    "wi_conditions": ("เงื่อนไขตามเอกสาร (70/30, 1:1)", "The source's conditions (70/30, 1:1)"),
    "wi_examples": ("ค่าตัวอย่าง (ปรับตามจริงได้)", "Example values (set your own)"),
    "wi_values_caption": ("เงื่อนไข 70/30 และ 1:1 ทีม 1+4 และ 20 ครัวเรือน มาจากเอกสาร "
                          "ส่วนค่าหุ้น 100 บาท ออมเดือนละ 50 บาทเป็นเวลา 3 เดือน ผลตอบแทน 6% และหนี้สูญ 2% ต่อปี "
                          "เป็นเพียงค่าตัวอย่าง เอกสารไม่ได้กำหนดไว้",
                          "70/30 and 1:1, and the 1+4 team with its 20 households, are the source's; "
                          "shares of 100 baht, saving 50 baht a month for 3 months, a 6% return and 2% "
                          "losses a year are example values only: the source sets none of them"),
    "wi_villages": ("จำนวนหมู่บ้าน", "Villages"),
    "wi_team": ("ทีมปราชญ์ต่อหมู่บ้าน (1+4)", "Sages' team per village (1+4)"),
    "wi_households": ("ครัวเรือนต่อหมู่บ้าน", "Households per village"),
    "wi_share": ("ค่าหุ้นต่อคน (บาท ครั้งเดียว)", "Share per member (baht, once)"),
    "wi_saving": ("เงินออมต่อคนต่อเดือน (บาท)", "Saving per member per month (baht)"),
    "wi_months": ("ออมกี่เดือนก่อนขอเงินสมทบ", "Months of saving before the match"),
    "wi_match": ("ภาคีสมทบกี่เท่าของเงินที่ระดมเอง", "Partners match × what members raised"),
    "wi_cap": ("งบของภาคีสูงสุด (บาท, 0 = ไม่จำกัด)", "Partners' budget cap (baht, 0 = no cap)"),
    "wi_admin": ("ค่าใช้จ่ายในการบริหาร (% ของเงินสมทบ)", "Administration (% of the grant)"),
    "wi_return": ("ผลตอบแทนของทุนต่อปี (%)", "Yearly return on the fund (%)"),
    "wi_loss": ("หนี้สูญต่อปี (%)", "Yearly losses (%)"),
    "wi_reset": ("กลับไปใช้ค่าตั้งต้น", "Back to the starting values"),
    "wi_live": ("เริ่มจากข้อมูลจริงตอนนี้", "Start from the live data"),
    "wi_live_caption": ("ข้อมูลจริง: {villages} หมู่บ้าน สมาชิก {members} คน ระดมเองแล้ว {raised} ภาคีสมทบแล้ว {matched}",
                        "Live data: {villages} villages, {members} members, {raised} raised by members, "
                        "{matched} matched by partners"),
    "wi_members": ("สมาชิก", "Members"),
    "wi_members_value": ("{n} คน", "{n} people"),
    "wi_raised": ("สมาชิกระดมเอง", "Raised by members"),
    "wi_grant": ("เงินสมทบที่ขอจากภาคี", "Grant to ask the partners for"),
    "wi_shortfall": ("ส่วนที่งบภาคีไม่พอ", "Over the partners' budget"),
    "wi_admin_out": ("ค่าใช้จ่ายในการบริหาร", "Administration"),
    "wi_fund0": ("ทุนหมุนเวียนเมื่อได้เงินสมทบ", "Revolving fund at the match"),
    "wi_quarter": ("ทุนหมุนเวียน: ไตรมาส", "Revolving fund: a quarter"),
    "wi_year1": ("ทุนหมุนเวียน: 1 ปี", "Revolving fund: 1 year"),
    "wi_year3": ("ทุนหมุนเวียน: 3 ปี", "Revolving fund: 3 years"),
    "step_quarter": ("ไตรมาส", "Quarter"),
    "step_year1": ("1 ปี", "1 year"),
    "step_year3": ("3 ปี", "3 years"),
    "axis_months_after": ("เดือนหลังได้เงินสมทบ", "Months after the match"),
    "series_fund": ("ทุนหมุนเวียน", "Revolving fund"),
    "series_paid_in": ("เงินที่จ่ายเข้ากองทุนทั้งหมด (ทุนต้องไม่ต่ำกว่านี้)", "Everything paid in (must not fall below)"),
    "wi_answer": ("สมาชิก {members} คน ระดมเองได้ {raised} ขอเงินสมทบจากภาคี {grant} "
                  "หักค่าใช้จ่ายในการบริหาร {admin} แล้วเริ่มทุนหมุนเวียนที่ {fund0} ครบ 1 ปีจะมี {year1} และครบ 3 ปี {year3}",
                  "{members} members raise {raised} themselves and ask the partners for {grant}; "
                  "after {admin} for administration the revolving fund starts at {fund0}, "
                  "reaches {year1} in a year and {year3} in three years"),
    "wi_answer_shortfall": ("งบของภาคีขาดไป {shortfall} จากที่ควรสมทบ {asked}",
                            "The partners' budget is {shortfall} short of the {asked} the match asks for"),
    "wi_warning_loss": ("อีก 3 ปีทุนหมุนเวียนจะเหลือ {year3} ต่ำกว่าเงินที่จ่ายเข้ากองทุนทั้งหมด {paid} "
                        "(70% ของเงินสมทบ รวมกับค่าหุ้นและเงินออมของสมาชิก): หนี้สูญสูงกว่าผลตอบแทน "
                        "ขณะที่เงื่อนไขกำหนดว่าทุนหมุนเวียนต้องไม่สูญหาย",
                        "In three years the fund is down to {year3}, below the {paid} paid into it "
                        "(70% of the grant, members' shares and savings): losses outrun the return, and "
                        "the condition says revolving capital must not be lost"),
    "wi_notice_not_a_number": ("ในลิงก์ {param}={raw} ไม่ใช่ตัวเลข จึงใช้ค่าตั้งต้น {used}",
                               "The link's {param}={raw} is not a number, so the starting value {used} is used"),
    "wi_notice_out_of_range": ("ในลิงก์ {param}={raw} อยู่นอกช่วงที่ตั้งได้ จึงใช้ {used}",
                               "The link's {param}={raw} is outside the slider's range, so {used} is used"),
    "wi_notice_off_step": ("ในลิงก์ {param}={raw} ไม่ตรงช่องของแถบเลื่อน จึงปัดเป็น {used}",
                           "The link's {param}={raw} is between the slider's steps, so it is rounded to {used}"),

    # --- market and plan ----------------------------------------------------------------------
    "page_market": ("ตลาด", "Market"),
    "page_plan": ("แผน 3 ขั้น", "Plan"),
    "bad_link_value": ("ค่า \"{name}\" ในลิงก์ไม่ตรงกับตัวเลือกใด จึงแสดงค่าเริ่มต้นแทน",
                       "The link's \"{name}\" value matches no choice, so the default is shown instead"),
    "market_title": ("งานแสดงและจำหน่ายสินค้า", "Market events and sales"),
    "market_events_n": ("งานที่จัดแล้ว", "Events held"),
    "market_sales_total": ("ยอดขายรวมทุกงาน", "Sales at all events"),
    "market_groups_selling": ("กลุ่มที่เคยนำสินค้าไปขาย", "Groups that have sold"),
    "market_best_product": ("สินค้าขายดีที่สุด", "Best-selling product"),
    "market_timeline": ("งานตามลำดับเวลา และผู้จัด", "Events over time, by organiser"),
    "market_timeline_caption": ("ขนาดของจุดคือยอดขายในงาน ชี้ที่จุดเพื่อดูชื่องาน สถานที่ และยอดขาย",
                                "Dot size is the sales at the event; point at a dot for its name, place and sales"),
    "market_event_list": ("รายการงาน วันที่ สถานที่ และผู้จัด", "Events: date, place and organiser"),
    "market_trend": ("ยอดขายแต่ละงาน", "Sales at each event"),
    "market_timeline_months": ("งานแต่ละเดือน และผู้จัด", "Events by month and organiser"),
    "market_trend_months": ("ยอดขายของงานในแต่ละเดือน", "Sales at each month's events"),
    "market_months_caption": ("{total} งาน: งานในเดือนเดียวกันรวมเป็นจุดเดียว ขนาดของจุดคือยอดขาย "
                              "ชี้ที่จุดเพื่อดูจำนวนงานและยอดขาย",
                              "{total} events: a month's events make one point, sized by sales; "
                              "point at it for the number of events and the sales"),
    "n_events": ("{n} งาน", "{n} events"),
    "in_n_districts": ("ใน {n} อำเภอ", "in {n} districts"),
    "market_by": ("ยอดขายแยกตาม", "Sales by"),
    "by_group": ("กลุ่มอาชีพ", "Group"),
    "by_product": ("สินค้า", "Product"),
    "by_village": ("หมู่บ้าน", "Village"),
    "top_n_of": ("แสดง {n} อันดับแรก จากทั้งหมด {total}", "Top {n} of {total}"),
    "best_sellers": ("สินค้าขายดี 5 อันดับ", "Five best sellers"),
    "event": ("งาน", "Event"),
    "date": ("วันที่", "Date"),
    "place": ("สถานที่", "Place"),
    "organiser": ("ผู้จัด", "Organiser"),
    "sales": ("ยอดขาย", "Sales"),
    "sales_baht_axis": ("ยอดขาย (บาท)", "Sales (baht)"),
    "groups": ("กลุ่ม", "Groups"),
    "group": ("กลุ่มอาชีพ", "Group"),
    "product": ("สินค้า", "Product"),
    "quantity": ("จำนวน", "Quantity"),
    "n_groups": ("{n} กลุ่ม", "{n} groups"),
    "qty_unit": ("{n} {unit}", "{n} {unit}"),
    "event_view": ("ใครขายอะไรในงาน", "Who sold what at one event"),
    "event_pick": ("เลือกงาน", "Choose an event"),
    "event_sales": ("ยอดขายในงาน", "Sales at the event"),
    "event_groups": ("กลุ่มที่มาขาย", "Groups selling"),
    "event_products": ("รายการสินค้า", "Products sold"),
    "event_caption": ("{place} · จัดโดย {organiser}", "{place} · organised by {organiser}"),
    "event_none": ("ไม่มีการบันทึกยอดขายในงานนี้", "No sales recorded at this event"),
    "no_events": ("ยังไม่มีงานแสดงและจำหน่ายสินค้าในข้อมูล", "No market events in the data yet"),
    "support_effect": ("การสนับสนุนช่วยให้ขายได้มากขึ้นหรือไม่", "Did support help sales?"),
    "support_effect_caption": (
        "ยอดขายเฉลี่ยต่อกลุ่มต่องาน ของกลุ่มที่เข้าอบรม ก่อนและหลังการอบรมครั้งแรก "
        "ตัวเลขข้างแท่งบอกว่ามีกี่กลุ่มและกี่ครั้งที่ขายอยู่เบื้องหลัง "
        "กลุ่มมักขายได้มากขึ้นตามเวลาอยู่แล้ว และงานหลังการอบรมต่างจากงานก่อน "
        "จึงเป็นการเปรียบเทียบ ไม่ใช่ข้อพิสูจน์ว่าการอบรมทำให้ยอดขายเพิ่ม",
        "Average sales per group per event of the groups that attended, before and after their "
        "first session. The labels say how many groups and group-events stand behind each figure. "
        "Groups tend to sell more as they age, and later events differ from earlier ones, so this "
        "is a comparison, not proof that the training raised sales."),
    "kind_social_media": ("อบรมสื่อออนไลน์ (LINE, Facebook, เว็บไซต์)",
                          "Social-media training (LINE, Facebook, website)"),
    "kind_design": ("ออกแบบผลิตภัณฑ์และบรรจุภัณฑ์", "Product and packaging design"),
    "run_by": ("โดย {partners}", "by {partners}"),
    "period_before": ("ก่อนอบรม", "Before"),
    "period_after": ("หลังอบรม", "After"),
    "period": ("ช่วง", "Period"),
    "per_group_event": ("ยอดขายต่อกลุ่มต่องาน (บาท)", "Sales per group per event (baht)"),
    "behind_figure": ("จาก {groups} กลุ่ม ขาย {times} ครั้ง", "from {groups} groups, {times} group-events"),
    "behind_label": ("ตัวเลขมาจาก", "Behind the figure"),
    "plan_title": ("แผนขยับ 3 ขั้น และการประเมินผล", "The three-step plan and its evaluation"),
    "plan_step": ("ขั้นของแผน", "Plan step"),
    "plan_period": ("แผนเริ่ม {start} ครบกำหนด {due} · ประเมิน ณ {day}",
                    "Plan from {start}, due {due} · assessed on {day}"),
    "plan_rule": ("\"ตามแผน\" คือ อยู่บนหรือเหนือเส้นตรงจากค่าเมื่อเริ่มแผนถึงเป้าหมายในวันครบกำหนด "
                  "เมื่อพ้นวันครบกำหนดแล้วยังไม่ถึงเป้า ถือว่า \"ล่าช้า\" เส้นดำสั้นคือจุดที่ควรอยู่ ณ วันนี้",
                  "\"On track\" means on or above the straight line from the value at plan start to "
                  "the target on the due date; short of the target after the due date is \"behind\". "
                  "The short black mark is where the line says it should be today."),
    "plan_overall": ("ทั้งเครือข่าย", "Whole network"),
    "plan_village": ("รายหมู่บ้าน", "By village"),
    "plan_village_pick": ("เลือกหมู่บ้าน", "Choose a village"),
    "no_plan": ("ยังไม่มีแผนในข้อมูล", "No plan in the data yet"),
    "ind_households_trained": ("ครัวเรือนที่ได้รับการถ่ายทอดความรู้", "Households trained"),
    "ind_groups_formed": ("กลุ่มที่จัดตั้งแล้ว", "Groups formed"),
    "ind_groups_5k": ("กลุ่มที่ครบ 5 ก.", "Groups with all 5 K"),
    "ind_revolving_fund": ("ทุนหมุนเวียน", "Revolving fund"),
    "ind_sales": ("ยอดขายตั้งแต่เริ่มแผน", "Sales since plan start"),
    "ind_income": ("รายได้ของสมาชิก", "Members' income"),
    "status_reached": ("ถึงเป้าแล้ว", "Reached"),
    "status_on_track": ("ตามแผน", "On track"),
    "status_behind": ("ล่าช้า", "Behind"),
    "status_no_target": ("ไม่ได้ตั้งเป้า", "No target"),
    "status_not_recorded": ("ไม่มีการบันทึก", "Not recorded"),
    "status_too_few": ("สำรวจไม่ถึง 5 ครัวเรือน", "Fewer than 5 households surveyed"),
    "indicator": ("ตัวชี้วัด", "Indicator"),
    "plan_figures": ("ตัวเลขเป้าหมายและผล", "Targets and figures"),
    "target": ("เป้าหมาย", "Target"),
    "actual": ("ผลปัจจุบัน", "Actual now"),
    "expected_now": ("ควรถึง ณ วันนี้", "Expected by now"),
    "status": ("สถานะ", "Status"),
    "percent_of_target": ("ร้อยละของเป้าหมาย", "Per cent of target"),
    "of_target": ("{actual} จาก {target}", "{actual} of {target}"),
    "plan_counts": ("ถึงเป้า {reached} · ตามแผน {on_track} · ล่าช้า {behind}",
                    "Reached {reached} · on track {on_track} · behind {behind}"),
    "plan_help": ("ครัวเรือน: ที่ปราชญ์ถ่ายทอดความรู้ให้แล้ว (เข้าร่วมกลุ่ม) · ทุนหมุนเวียน: เงินเข้า + กำไร − หนี้สูญ · "
                  "ยอดขาย: จากงานแสดงสินค้าตั้งแต่เริ่มแผน · รายได้ของสมาชิก: ค่ากลาง (มัธยฐาน) ของรายได้ต่อเดือนจากอาชีพ "
                  "ของครัวเรือนที่สำรวจทั้งก่อนเข้าร่วมและภายหลัง ตามการติดตามผลครั้งล่าสุด (ไม่แสดงถ้าสำรวจไม่ถึง 5 ครัวเรือน)",
                  "Households: those a sage has passed knowledge to (enrolled) · Revolving fund: paid in "
                  "+ profit − losses · Sales: at market events since plan start · Members' income: the "
                  "median monthly income from the occupation of the households surveyed before joining "
                  "and again later, at their latest follow-up (not shown for fewer than 5 households)"),
    "evaluation": ("การประเมินผลของคณะกรรมการเครือข่าย", "The network committee's evaluation"),
    "changed_since": ("เปลี่ยนไปอย่างไรตั้งแต่ครบขั้น {step} ({due})",
                      "What changed since the {step} step fell due ({due})"),
    "changed_since_start": ("เปลี่ยนไปอย่างไรตั้งแต่เริ่มแผน ({due})", "What changed since the plan began ({due})"),
    "then": ("ตอนนั้น", "Then"),
    "now": ("ตอนนี้", "Now"),
    "change": ("เปลี่ยนแปลง", "Change"),
    "readiness": ("หมู่บ้านที่พร้อมขยายผลไปตำบลถัดไป", "Villages ready to extend the model to the next subdistrict"),
    "readiness_rule": ("หมู่บ้านจะพร้อมเมื่อผ่านครบทั้งสามข้อ:", "A village is ready when it meets all three:"),
    "crit_all_5k": ("ทุกกลุ่มที่จัดตั้งแล้วครบ 5 ก. (มีอย่างน้อยหนึ่งกลุ่ม)",
                    "every group formed has all 5 K (and there is at least one)"),
    "crit_fund_at_floor": ("ทุนหมุนเวียนของทุกกลุ่มไม่ต่ำกว่าเงินที่จ่ายเข้า (ทุนต้องไม่สูญ)",
                           "every group's revolving capital is at or above what was paid in (it must not be lost)"),
    "crit_sold_at_event": ("เคยนำสินค้าไปขายในงานแสดงสินค้าอย่างน้อยหนึ่งงาน",
                           "its groups have sold at a market event at least once"),
    "short_all_5k": ("ครบ 5 ก.", "All 5 K"),
    "short_fund_at_floor": ("ทุนไม่ต่ำกว่าเงินที่จ่ายเข้า", "Fund at floor"),
    "short_sold_at_event": ("เคยขายในงาน", "Sold at an event"),
    "ready_count": ("หมู่บ้านที่พร้อม", "Villages ready"),
    "ready": ("พร้อม", "Ready"),
    "yes": ("ผ่าน", "Yes"),
    "no": ("ยังไม่ผ่าน", "Not yet"),
    "village": ("หมู่บ้าน", "Village"),

    # --- meeting: projector, share, handout ---------------------------------------------------
    "projector_mode": ("โหมดจอโปรเจกเตอร์", "Projector mode"),
    "projector_help": ("ตัวอักษรใหญ่ ตัดกันชัด ซ่อนแถบข้าง สำหรับฉายในที่ประชุม",
                       "Large type, high contrast, sidebar closed: for the meeting room's screen"),
    "share_view": ("แชร์หน้านี้", "Share this view"),
    "share_with_projector": ("เปิดในโหมดโปรเจกเตอร์", "Open in projector mode"),
    "share_help": ("ลิงก์นี้เปิดหน้าเดียวกัน ตัวกรองและค่าที่ตั้งไว้เหมือนกัน ส่งในกลุ่มไลน์ได้ หรือสแกนคิวอาร์โค้ด",
                   "This link opens this same page with the same filters and values: "
                   "send it to the LINE group, or scan the QR code"),
    "share_qr": ("สแกนเพื่อเปิดบนโทรศัพท์", "Scan to open on a phone"),
    "share_uses_public": ("ลิงก์และคิวอาร์โค้ดใช้ที่อยู่เว็บสาธารณะที่ตั้งไว้ให้ภาคีเปิด (`SAMMA_PUBLIC_URL`):",
                          "The link and QR code use the public address set for partners (`SAMMA_PUBLIC_URL`):"),
    "share_uses_browser": ("ลิงก์และคิวอาร์โค้ดใช้ที่อยู่เว็บที่เบราว์เซอร์นี้เปิดอยู่:",
                           "The link and QR code use the address this browser opened:"),
    "share_uses_path": ("ลิงก์ใช้ที่อยู่ของหน้านี้บนเซิร์ฟเวอร์เดียวกัน:",
                        "The link uses this page's path on the same server:"),
    "share_local_address": ("ที่อยู่นี้เปิดได้เฉพาะบนเครื่องนี้ โทรศัพท์จะเปิดลิงก์และคิวอาร์โค้ดนี้ไม่ได้ "
                            "ให้ผู้ดูแลระบบตั้งค่า `SAMMA_PUBLIC_URL` (หรือ `public_url` ในไฟล์ "
                            "`.streamlit/secrets.toml`) เป็นที่อยู่เว็บที่ภาคีเปิดได้ แล้วสั่งให้แอปเริ่มทำงานใหม่",
                            "This address works on this computer only: phones cannot open this link or "
                            "QR code. Set `SAMMA_PUBLIC_URL` (or `public_url` in `.streamlit/secrets.toml`) to "
                            "the address partners reach, then restart the app."),
    "share_public_url_bad": ("ค่าที่อยู่เว็บสาธารณะ (`SAMMA_PUBLIC_URL`) ที่ตั้งไว้ใช้ไม่ได้ เพราะ{reason} "
                             "จึงใช้ที่อยู่ที่เบราว์เซอร์นี้เปิดอยู่แทน",
                             "The public address setting (`SAMMA_PUBLIC_URL`) cannot be used: {reason}. "
                             "The address this browser opened is used instead."),
    "public_url_space": ("มีช่องว่าง", "it contains a space"),
    "public_url_scheme": ("ไม่ได้ขึ้นต้นด้วย https:// หรือ http://", "it does not start with https:// or http://"),
    "public_url_query": ("มีเครื่องหมาย ? หรือ #", "it contains ? or #"),
    "public_url_credentials": ("มีชื่อผู้ใช้หรือรหัสผ่านอยู่ในที่อยู่", "it contains a user name or password"),
    "public_url_port": ("หมายเลขพอร์ตไม่ถูกต้อง", "its port is not a valid number"),
    "public_url_host": ("ไม่มีชื่อโดเมนหรือชื่อเครื่อง", "it has no host name"),
    "handout": ("เอกสารสรุป A4 (PDF)", "A4 handout (PDF)"),
    "handout_partners": ("การสนับสนุนจากภาคี", "Support by partner"),
    "handout_sales": ("ยอดขายในงานแสดงและจำหน่ายสินค้า", "Sales at market events"),
    "handout_event": ("งาน", "Event"),
    "handout_groups_selling": ("กลุ่มที่ขาย", "Groups selling"),
    "handout_sales_baht": ("ยอดขาย", "Sales"),
    "handout_plan": ("ความก้าวหน้าตามแผน", "Progress against the plan"),
    "handout_actual_target": ("ทำได้ / เป้าหมาย", "Actual / target"),
    "handout_title": ("สรุปสำหรับการประชุมภาคีเครือข่ายสัมมาชีพชุมชน",
                      "Summary for the livelihood partners' meeting"),
    "snapshot": ("ไฟล์สรุปส่งต่อทาง LINE (HTML)", "Snapshot to share (HTML)"),
    "snapshot_help": ("ไฟล์เดียวที่มีตัวเลขและกราฟของทุกหน้า เปิดในโทรศัพท์ได้โดยไม่ต้องใช้อินเทอร์เน็ต",
                      "One file with every page's figures and charts; it opens on a phone with no connection"),
    "snapshot_no_database": ("สร้างข้อมูลตัวอย่างได้ด้วย python -m samma sample หรือนำเข้าข้อมูลด้วย python -m samma import",
                             "python -m samma sample builds the sample network; python -m samma import loads yours."),
    "snapshot_area": ("พื้นที่", "Area"),
    "snapshot_villages": ("หมู่บ้าน", "Villages"),
    # Short column heads: the areas' table must fit a phone's width.
    "snapshot_households": ("ครัวเรือน", "Households"),
    "snapshot_groups": ("กลุ่มที่ตั้งแล้ว", "Groups formed"),
    "snapshot_groups_5k": ("กลุ่มครบ 5 ก.", "Groups with 5 K"),
    "snapshot_typical": ("ครึ่งหนึ่งของหมู่บ้านถึงขั้น", "Half the villages have reached"),
    "snapshot_hover": ("แตะหรือชี้ที่กราฟเพื่อดูตัวเลข", "Tap or point at a chart to see its figures."),
    "snapshot_made": ("จัดทำด้วย Samma เมื่อ {date} · ไฟล์นี้เปิดได้โดยไม่ต้องใช้อินเทอร์เน็ต",
                      "Made with Samma on {date} · this file opens with no connection"),

    # --- what a page leaves out when there is too much to draw --------------------------------
    "latest_events_of": ("แสดง {n} งานล่าสุด จากทั้งหมด {total} งาน",
                         "The latest {n} of {total} events"),
    "first_rows_of": ("แสดง {n} แถวแรก จากทั้งหมด {total} แถว", "The first {n} of {total} rows"),

    # --- the network: its 5 K, fund and committee; loan health ---------------------------------------------
    "page_network": ("เครือข่าย", "Network"),
    "network_title": ("เครือข่ายสัมมาชีพตำบล: 5 ก. กองทุน และคณะกรรมการ",
                      "The subdistrict livelihood network: its 5 K, fund and committee"),
    "network_none": ("ยังไม่มีเครือข่ายสัมมาชีพตำบลในข้อมูล", "No subdistrict livelihood network in the data yet"),
    "network_pick": ("เครือข่าย", "Network"),
    "network_where": ("ต.{subdistrict} อ.{district} · จัดตั้งเมื่อ {founded}",
                      "{subdistrict}, {district} · founded {founded}"),
    "network_5k": ("5 ก. ของเครือข่าย", "The network's 5 K"),
    "network_5k_all": ("ครบ 5 ก. แล้ว ถือว่าจัดตั้งเครือข่ายสมบูรณ์", "All 5 K in place: the network is formed"),
    "network_5k_next": ("มีแล้ว {n} จาก 5 ก. · ก. ถัดไปที่ยังขาด: {k}", "{n} of the 5 K in place · next missing: {k}"),
    "k_not_yet": ("ยังไม่มี", "Not yet"),
    "network_groups": ("กลุ่มอาชีพในตำบล: จัดตั้งแล้ว {formed} กลุ่ม ครบ 5 ก. {k5} กลุ่ม",
                       "Groups in its subdistrict: {formed} formed, {k5} with all 5 K"),
    "network_committee": ("คณะกรรมการเครือข่าย", "The network committee"),
    "network_committee_caption": ("นับจำนวนตามตำแหน่ง ไม่แสดงชื่อ · รวม {n} คน",
                                  "Seats by role, never names · {n} in all"),
    "network_committee_none": ("ยังไม่มีข้อมูลคณะกรรมการ", "No committee recorded yet"),
    "role_chair": ("ประธาน", "Chair"),
    "role_vice_chair": ("รองประธาน", "Vice chair"),
    "role_secretary": ("เลขานุการ", "Secretary"),
    "role_treasurer": ("เหรัญญิก", "Treasurer"),
    "role_member": ("กรรมการ", "Member"),
    "n_people": ("{n} คน", "{n}"),
    "network_fund": ("กองทุนของเครือข่าย", "The network's fund"),
    "network_fund_caption": ("คณะกรรมการเครือข่ายเป็นผู้บริหารจัดการ ควบคุมและดูแลการเงิน "
                             "แสดงทุนหมุนเวียน (70%) และค่าใช้จ่ายในการบริหาร (30%) แยกกัน",
                             "Run and overseen by the network committee; revolving capital (70%) and "
                             "administration money (30%) are shown apart"),
    "network_fund_none": ("ยังไม่มีการบันทึกเงินเข้ากองทุนของเครือข่าย", "Nothing paid into the network's own fund yet"),
    "network_support": ("ภาคีสนับสนุนเครือข่าย: เงินสด {cash} · ไม่ใช่ตัวเงิน (มูลค่า) {in_kind}",
                        "Partners' support to the network: cash {cash} · in kind (value) {in_kind}"),
    "network_revolving": ("ทุนหมุนเวียน (70%)", "Revolving capital (70%)"),
    "network_admin": ("ค่าใช้จ่ายในการบริหาร (30%)", "Administration money (30%)"),
    "fund_paid_in": ("เงินเข้า", "Paid in"),
    "fund_passed_on": ("ส่งต่อให้กลุ่ม", "Passed on to groups"),
    "fund_capital": ("ทุนหมุนเวียนตอนนี้", "Capital now"),
    "fund_capital_help": ("เงินเข้า − ส่งต่อให้กลุ่ม + กำไร − หนี้สูญ · ต้องไม่ต่ำกว่า {floor} (เงินเข้า − ส่งต่อให้กลุ่ม)",
                          "Paid in − passed on + profit − losses · must not fall below {floor} "
                          "(paid in − passed on)"),
    "fund_on_loan": ("ให้กู้อยู่", "Out on loan"),
    "admin_paid_in": ("ได้รับ", "Paid in"),
    "admin_spent": ("ใช้ไป", "Spent"),
    "admin_left": ("คงเหลือ", "Left"),
    "admin_overspent": ("ใช้ค่าใช้จ่ายในการบริหารเกินกว่าที่ได้รับ {gap}",
                        "{gap} more administration money spent than was paid in"),
    "network_spending": ("ค่าใช้จ่ายในการบริหารใช้ไปกับอะไร", "What the administration money paid for"),
    "network_spending_none": ("ยังไม่มีการบันทึกการใช้ค่าใช้จ่ายในการบริหาร", "No administration spending recorded yet"),
    "spend_meetings": ("ค่าประชุม", "Meetings"),
    "spend_bookkeeping": ("ค่าทำบัญชี", "Bookkeeping"),
    "spend_travel": ("ค่าเดินทาง", "Travel"),
    "spend_materials": ("ค่าวัสดุ", "Materials"),
    "spend_other": ("อื่น ๆ", "Other"),
    "col_purpose": ("ใช้จ่ายเพื่อ", "Paid for"),
    "col_amount": ("จำนวนเงิน (บาท)", "Amount (baht)"),
    "col_times": ("ครั้ง", "Times"),
    "network_passed": ("เงินที่เครือข่ายส่งต่อให้กลุ่ม", "What the network passed on to groups"),
    "network_passed_caption": ("{n} กลุ่ม รวม {amount}", "{n} groups, {amount} in all"),
    "network_passed_none": ("เครือข่ายยังไม่ได้ส่งต่อเงินให้กลุ่ม", "The network has not passed money on to groups yet"),
    "col_first_date": ("วันที่ส่งต่อครั้งแรก", "First passed on"),
    "network_loans": ("เงินกู้จากกองทุนของเครือข่าย: {n} สัญญา · ค้างชำระ: {overdue}",
                      "Loans from the network's fund: {n} · overdue: {overdue}"),
    "networks_table": ("ทุกเครือข่าย เรียงจากที่ยังขาดมากที่สุดก่อน", "Every network, largest gaps first"),
    "networks_table_caption": ("เรียงตาม ก. ที่ยังขาด ทุนหมุนเวียนที่ต่ำกว่าเงินที่จ่ายเข้า เงินกู้ค้างชำระ "
                               "และค่าใช้จ่ายในการบริหารที่ใช้เกิน ตามลำดับ",
                               "Ordered by missing K, then capital below what was paid in, overdue loans, "
                               "then administration money overspent"),
    "networks_pick_help": ("เลือกเครือข่ายเพื่อดูรายละเอียด", "Choose a network to see it in full"),
    "col_network": ("เครือข่าย", "Network"),
    "col_ks": ("5 ก. ที่มีแล้ว", "5 K in place"),
    "col_next_k": ("ก. ถัดไปที่ยังขาด", "Next missing K"),
    "col_seats": ("กรรมการ (คน)", "Committee (seats)"),
    "col_capital": ("ทุนหมุนเวียน (บาท)", "Capital (baht)"),
    "col_floor": ("เงินที่จ่ายเข้า (บาท)", "Paid in (baht)"),
    "col_passed_on": ("ส่งต่อให้กลุ่ม (บาท)", "Passed on (baht)"),
    "col_admin_left": ("ค่าใช้จ่ายในการบริหารคงเหลือ (บาท)", "Admin left (baht)"),
    "col_overdue_loans": ("สัญญาค้างชำระ", "Overdue loans"),
    "col_overdue_baht": ("ค้างชำระ (บาท)", "Overdue (baht)"),
    "col_oldest_due": ("วันครบกำหนดที่ค้างนานที่สุด", "Oldest due date"),
    "col_fund_of": ("กองทุนของ", "Fund of"),
    "col_place": ("หมู่บ้านหรือตำบล", "Village or subdistrict"),
    "loans_title": ("เงินกู้จากทุนหมุนเวียน", "Loans from the revolving funds"),
    "loans_caption": ("จากทะเบียนเงินกู้ ณ วันที่ {date}: ค้างชำระ คือ เลยวันครบกำหนดแล้วยังชำระไม่ครบ "
                      "(ในวันที่ครบกำหนดพอดียังไม่นับ) · ให้กู้อยู่ รับชำระ และหนี้สูญ มาจากบัญชีกองทุน",
                      "From the loan register as of {date}: overdue means past its due date and not "
                      "fully repaid (on the due date itself it is not yet) · out on loan, repaid and "
                      "losses come from the fund's ledger"),
    "loans_borrowers": ("ครัวเรือนผู้กู้", "Borrowing households"),
    "loans_repaid": ("รับชำระเงินต้นคืนแล้ว", "Principal repaid so far"),
    "loans_overdue": ("ค้างชำระ", "Overdue"),
    "loans_overdue_value": ("{n} สัญญา · {amount}", "{n} loan(s) · {amount}"),
    "loans_rate": ("อัตราการชำระคืน", "Repayment rate"),
    "loans_rate_help": ("เงินต้นที่ได้รับชำระคืนแล้ว ของเงินกู้ที่เลยวันครบกำหนดแล้ว ({repaid} จาก {due}) "
                        "ยอดที่ตัดเป็นหนี้สูญนับเป็นยังไม่ได้คืน",
                        "Principal repaid of the loans past their due date ({repaid} of {due}); written "
                        "off counts as not repaid"),
    "loans_losses": ("หนี้สูญ", "Losses"),
    "loans_overdue_words": ("ค้างชำระ {n} สัญญา รวม {amount} ใน {funds} กองทุน",
                            "{n} loan(s) overdue, {amount} in all, in {funds} fund(s)"),
    "loans_none_overdue": ("ไม่มีเงินกู้ค้างชำระ", "No loan is overdue"),
    "loans_late": ("อีก {n} สัญญาชำระครบแล้ว แต่ชำระหลังวันครบกำหนด", "{n} more loan(s) repaid in full, after the due date"),
    "loans_no_register": ("ยังไม่มีทะเบียนเงินกู้ จึงยังไม่รู้ผู้กู้ วันครบกำหนด และการค้างชำระ "
                          "ตัวเลขด้านบนมาจากบัญชีกองทุน",
                          "No loan register yet: borrowers, due dates and arrears are not known; the "
                          "figures above come from the fund's ledger"),
    "section_network": ("เครือข่ายและเงินกู้", "The network and its loans"),
    "network_fund_now": ("ทุนหมุนเวียนของเครือข่าย", "The network's revolving fund"),
    "network_fund_help": ("กองทุนของเครือข่ายเอง ไม่รวมกองทุนของกลุ่ม: เงินเข้า − ส่งต่อให้กลุ่ม + กำไร − หนี้สูญ",
                          "The network's own fund, not its groups': paid in − passed on to groups + "
                          "profit − losses"),
    "network_admin_left": ("ค่าใช้จ่ายในการบริหารของเครือข่ายคงเหลือ", "The network's administration money left"),
    "overdue_loans": ("เงินกู้ค้างชำระ", "Overdue loans"),
    "overdue_loans_help": ("ทุกกองทุน (กลุ่มและเครือข่าย) จากทะเบียนเงินกู้: เลยวันครบกำหนดแล้วยังชำระไม่ครบ",
                           "Every fund (groups' and the network's), from the loan register: past the due "
                           "date and not fully repaid"),
    "not_recorded": ("ไม่มีการบันทึก", "Not recorded"),
    # --- income: the program's aim ---------------------------------------------------------------------------
    "wb_rule_income": ("สำรวจรายได้ (แผ่นงาน income_survey): สำรวจครัวเรือนครั้งแรกก่อนเข้าร่วมหรือในวันที่เข้าร่วม "
                       "(ก่อนเข้าร่วม) แล้วสำรวจซ้ำภายหลัง (ติดตามผล) ใส่รายได้ต่อเดือนจากอาชีพของกลุ่ม "
                       "(ถ้ายังไม่มีให้ใส่ 0) และรายได้ทั้งหมดของครัวเรือนถ้าได้ถาม ใช้รหัสครัวเรือนเท่านั้น "
                       "ไม่มีแผ่นงานนี้ก็นำเข้าได้ ทุกหน้าจะแสดงว่ายังไม่มีการบันทึกรายได้",
                       "Income surveys (sheet income_survey): survey each household once before it joins "
                       "or on the day (baseline), then again later (follow-up): its monthly income from "
                       "the group's occupation (0 if none yet) and, where asked, its total monthly income. "
                       "Household codes only. A workbook without this sheet loads; the pages then say "
                       "income is not recorded"),
    "wb_rule_income_dates": ("การสำรวจก่อนเข้าร่วมมีได้ครั้งเดียวต่อครัวเรือน ลงวันที่ไม่หลังวันที่เข้าร่วม "
                             "และไม่ก่อนหน้านั้นเกิน {days} วัน การสำรวจติดตามผลต้องลงวันที่หลังวันที่เข้าร่วม "
                             "และหลังการสำรวจก่อนเข้าร่วม",
                             "One baseline per household, dated on or before the day it joined and at most "
                             "{days} days before; a follow-up is dated after the household joined and after "
                             "its baseline"),
    "wb_rule_income_plan": ("ตัวชี้วัด \"รายได้\" ในแผน 3 ขั้น คือค่ากลาง (มัธยฐาน) ของรายได้ต่อเดือนจากอาชีพ "
                            "ของครัวเรือนที่สำรวจทั้งก่อนเข้าร่วมและภายหลัง (การติดตามผลครั้งล่าสุด) เป็นบาท "
                            "ตัวเลขรายได้จะไม่แสดงถ้าสำรวจไม่ถึง {n} ครัวเรือน",
                            "The plan's \"income\" indicator is the median monthly income from the "
                            "occupation of the households surveyed before joining and again later (at their "
                            "latest follow-up), in baht. No income figure is shown for fewer than {n} "
                            "households"),
    "note_no_income_survey": ("ไม่มีแผ่นงาน {sheet} ({th}): ยังไม่มีการบันทึกรายได้ของครัวเรือน "
                              "ทุกหน้าจะแสดงว่ารายได้ \"ไม่มีการบันทึก\"",
                              "No {sheet} sheet ({th}): household income is not recorded, and every "
                              "page says so"),
    "err_second_baseline": ("ครัวเรือนนี้มีการสำรวจก่อนเข้าร่วมแล้วที่แถว {first} (มีได้ครั้งเดียว)",
                            "this household already has a baseline in row {first} (one per household)"),
    "err_total_below_occupation": ("รายได้ทั้งหมดของครัวเรือนน้อยกว่ารายได้จากอาชีพของกลุ่ม",
                                   "the household's total income is less than its income from the occupation"),
    "err_baseline_after_joining": ("การสำรวจก่อนเข้าร่วมลงวันที่หลังวันที่ครัวเรือนเข้าร่วม ({joined}): "
                                   "ถ้าเป็นการติดตามผลให้เลือก \"ติดตามผล\" หรือแก้วันที่",
                                   "a baseline dated after the household joined ({joined}): mark it "
                                   "a follow-up, or correct the date"),
    "err_baseline_too_early": ("การสำรวจก่อนเข้าร่วมต้องไม่ก่อนวันที่ครัวเรือนเข้าร่วม ({joined}) เกิน {days} วัน",
                               "a baseline is taken at most {days} days before the household joined "
                               "({joined})"),
    "err_follow_up_before_joining": ("การสำรวจติดตามผลต้องลงวันที่หลังวันที่ครัวเรือนเข้าร่วม ({joined})",
                                     "a follow-up must be dated after the household joined ({joined})"),
    "section_income": ("รายได้ของครัวเรือน: เป้าหมายของโครงการ", "Household income: what the program is for"),
    "income_not_recorded": ("ยังไม่มีการบันทึกรายได้ของครัวเรือนในข้อมูลนี้ (แผ่นงานสำรวจรายได้)",
                            "Household income is not recorded in this data yet (the income survey sheet)"),
    "income_too_few": ("สำรวจไม่ถึง {n} ครัวเรือน: ไม่แสดงตัวเลขรายได้ "
                       "เพื่อไม่ให้ระบุได้ว่าครัวเรือนใดมีรายได้เท่าใด",
                       "Fewer than {n} households surveyed: no income figure is shown, so that no "
                       "household's income can be told"),
    "income_compared": ("ครัวเรือนที่สำรวจทั้งก่อนและหลังเข้าร่วม", "Households surveyed before and after joining"),
    "income_compared_of": ("{compared} จาก {households} ครัวเรือน", "{compared} of {households} households"),
    "income_figures": ("ตัวเลขรายได้", "Income figures"),
    "income_rose": ("ครัวเรือนที่มีรายได้จากอาชีพเพิ่มขึ้น", "Households earning more from the occupation"),
    "income_rose_value": ("ร้อยละ {percent} ({households})", "{percent}% ({households})"),
    "income_median_baseline": ("ค่ากลางรายได้ต่อเดือน ก่อนเข้าร่วม", "Median income a month, before joining"),
    "income_median_latest": ("ค่ากลางรายได้ต่อเดือน ล่าสุด", "Median income a month, latest survey"),
    "income_change": ("เปลี่ยนแปลง (ค่ากลาง)", "Change in the median"),
    "income_median_help": ("รายได้จากอาชีพของกลุ่ม ค่ากลาง (มัธยฐาน): ครัวเรือนครึ่งหนึ่งมีรายได้มากกว่านี้ อีกครึ่งหนึ่งน้อยกว่า "
                           "ทั้งสองตัวเลขมาจากครัวเรือนกลุ่มเดียวกัน คือที่สำรวจทั้งก่อนเข้าร่วมและภายหลัง "
                           "(ผลสำรวจติดตามผลครั้งล่าสุด)",
                           "Income from the group's occupation. The median: half the households earn more "
                           "than this, half less. Both figures "
                           "are of the same households: those surveyed before joining and again later "
                           "(their latest follow-up)"),
    "income_limits": ("ตัวเลขรายได้มาจาก {compared} จาก {households} ครัวเรือนที่เข้าร่วม ที่สำรวจทั้งก่อนเข้าร่วมและภายหลัง "
                      "({surveyed} ครัวเรือนตอบแบบสำรวจอย่างน้อยหนึ่งครั้ง) จึงบอกได้เฉพาะครัวเรือนเหล่านี้ "
                      "\"ใกล้เคียงเดิม\" คือเปลี่ยนไม่เกินร้อยละ {band} รายได้ที่เพิ่มขึ้นไม่ได้พิสูจน์ว่าเป็นผลจากโครงการ: "
                      "ราคา ผลผลิต และงานอื่นก็ทำให้รายได้เปลี่ยน และไม่มีการเทียบกับครัวเรือนที่ไม่ได้เข้าร่วม",
                      "The income figures are of {compared} of the {households} households enrolled, those "
                      "surveyed both before joining and later ({surveyed} answered at least one survey), "
                      "so they speak for those households only. \"About the same\" is within {band}% "
                      "either way. A rise is not proof that the program caused it: prices, harvests and "
                      "other work change incomes too, and there is no comparison with households outside "
                      "the program"),
    "income_bands_title": ("รายได้จากอาชีพ เทียบกับก่อนเข้าร่วม", "Income from the occupation, against before joining"),
    "income_band_rose": ("มีรายได้มากขึ้น", "Earn more"),
    "income_band_same": ("ใกล้เคียงเดิม (ต่างไม่เกินร้อยละ {band})", "About the same (within {band}%)"),
    "income_band_fell": ("มีรายได้น้อยลง", "Earn less"),
    "income_band_text": ("{households} · ร้อยละ {percent}", "{households} · {percent}%"),
    "income_households": ("ครัวเรือน", "Households"),
    "income_households_n": ("{n} ครัวเรือน", "{n} households"),
    "income_households_one": ("{n} ครัวเรือน", "{n} household"),
    "income_spread_title": ("รายได้ต่อเดือนจากอาชีพ", "Monthly income from the occupation"),
    "income_spread_baseline": ("ก่อนเข้าร่วม", "Before joining"),
    "income_spread_latest": ("การสำรวจล่าสุด", "Latest survey"),
    "income_spread_text": ("ค่ากลาง {median}\nครึ่งกลางของครัวเรือน: {low} – {high}",
                           "Median {median}\nthe middle half of households: {low} – {high}"),
    "income_axis": ("บาทต่อเดือน", "Baht a month"),
    "income_by_area": ("รายได้แยกตามพื้นที่", "Income by area"),
    "income_by_group": ("รายได้แยกตามกลุ่มอาชีพ", "Income by group"),
    "income_by_occupation": ("รายได้แยกตามอาชีพ", "Income by occupation"),
    "income_col_area": ("พื้นที่", "Area"),
    "income_col_group": ("กลุ่ม · หมู่บ้าน", "Group · village"),
    "income_col_occupation": ("อาชีพ", "Occupation"),
    "income_col_compared": ("สำรวจก่อนและหลัง", "Surveyed before and after"),
    "income_col_baseline": ("ค่ากลาง ก่อนเข้าร่วม", "Median before joining"),
    "income_col_latest": ("ค่ากลาง ล่าสุด", "Median latest"),
    "income_col_change": ("เปลี่ยนแปลง", "Change"),
    "income_col_rose": ("ครัวเรือนที่รายได้เพิ่มขึ้น", "Households earning more"),
    "data_export_viewer": ("ไม่รวมแผ่นงานสำรวจรายได้ เพราะเป็นตัวเลขรายครัวเรือน "
                           "ผู้ดูแลข้อมูลดาวน์โหลดไฟล์ครบทุกแผ่นงานได้เมื่อเข้าสู่ระบบผู้แก้ไข หรือใช้คำสั่ง python -m samma export",
                           "The income surveys are left out: they are each household's own figures. "
                           "Data keepers get every sheet with python -m samma export, or signed in as an editor"),
    "data_export_full": ("ข้อมูลที่ใช้อยู่ทุกแผ่นงาน รวมการสำรวจรายได้รายครัวเรือน (.xlsx)",
                         "The live data with every sheet, household income surveys included (.xlsx)"),
    # --- partners: who gives what, pledges, meetings' decisions, actions and problems ------------------------
    "note_no_pledge": ("ไม่มีแผ่นงาน {sheet} ({th}): ยังไม่มีการบันทึกคำมั่นของภาคี "
                       "หน้าภาคีจะแสดงว่าคำมั่น \"ไม่มีการบันทึก\"",
                       "No {sheet} sheet ({th}): partners' pledges are not recorded, and the Partners page "
                       "says so"),
    "note_no_meeting": ("ไม่มีแผ่นงาน {sheet} ({th}): ยังไม่มีการบันทึกการประชุมภาคี",
                        "No {sheet} sheet ({th}): partners' meetings are not recorded"),
    "note_no_decision": ("ไม่มีแผ่นงาน {sheet} ({th}): ยังไม่มีการบันทึกมติที่ประชุม",
                         "No {sheet} sheet ({th}): meetings' decisions are not recorded"),
    "note_no_action": ("ไม่มีแผ่นงาน {sheet} ({th}): ยังไม่มีการบันทึกงานที่มอบหมายจากที่ประชุม",
                       "No {sheet} sheet ({th}): the actions meetings agreed are not recorded"),
    "note_no_problem": ("ไม่มีแผ่นงาน {sheet} ({th}): ยังไม่มีการบันทึกปัญหาและอุปสรรค",
                        "No {sheet} sheet ({th}): problems and obstacles are not recorded"),
    "wb_rule_coordination": ("คำมั่นของภาคี (แผ่นงาน pledge): เงินสดและที่ไม่ใช่ตัวเงินใส่เป็นบาท "
                             "การอบรม งานแสดงสินค้า และอื่น ๆ ใส่เป็นจำนวนครั้ง ระบบนับสิ่งที่ส่งมอบแล้วจากการสนับสนุน "
                             "การอบรม และงานแสดงสินค้าที่บันทึกไว้ตั้งแต่วันที่ให้คำมั่น ถ้าบันทึกไม่ได้ให้กรอกในช่อง "
                             "\"ส่งมอบแล้ว (กรอกเอง)\" งานที่มอบหมายให้ระบุภาคีหรือคณะกรรมการเครือข่าย ห้ามใส่ชื่อบุคคล",
                             "Pledges (sheet pledge): cash and in kind in baht; trainings, events and other "
                             "promises as a count. What was delivered is counted from the support, trainings "
                             "and events recorded since the day of the pledge; where the records cannot show "
                             "it, fill in \"delivered (by hand)\". An action is owned by a partner or the "
                             "network committee: never a person's name"),
    "err_not_positive": ("ต้องมากกว่า 0", "must be more than 0"),
    "err_due_before_made": ("วันครบกำหนดมาก่อนวันที่ให้คำมั่น", "the due date is before the day it was promised"),
    "err_action_partner": ("ถ้าผู้รับผิดชอบเป็นภาคีต้องใส่รหัสภาคี ถ้าเป็นคณะกรรมการเครือข่ายให้เว้นว่าง",
                           "an action a partner owns needs the partner's code; the committee's has none"),
    "err_done_on": ("งานที่เสร็จแล้วต้องใส่วันที่เสร็จ งานที่ยังไม่เสร็จหรือยกเลิกให้เว้นว่าง",
                    "a done action needs the day it was done; an open or dropped one has none"),
    "pledge_kind_cash": ("เงินสด", "Cash"),
    "pledge_kind_in_kind": ("ไม่ใช่ตัวเงิน", "In kind"),
    "pledge_kind_training": ("การอบรม", "Training"),
    "pledge_kind_event": ("งานแสดงสินค้า", "Event"),
    "pledge_kind_other": ("อื่น ๆ", "Other"),
    "owner_committee": ("คณะกรรมการเครือข่าย", "Network committee"),
    "action_open": ("อยู่ระหว่างดำเนินการ", "In progress"),
    "action_done": ("เสร็จแล้ว", "Done"),
    "action_dropped": ("ยกเลิก", "Dropped"),
    "action_overdue": ("เลยกำหนด", "Overdue"),
    "problem_open": ("อยู่ระหว่างแก้ไข", "Open"),
    "problem_resolved": ("แก้ไขแล้ว", "Resolved"),
    "pledge_delivered": ("ส่งมอบครบแล้ว", "Delivered"),
    "pledge_partly": ("ส่งมอบบางส่วน", "Partly delivered"),
    "pledge_overdue": ("เลยกำหนด", "Overdue"),
    "pledge_coming_up": ("ยังไม่ถึงกำหนด", "Coming up"),
    "sector_state": ("ภาครัฐ", "State"),
    "sector_private": ("ภาคเอกชน", "Private sector"),
    "sector_civil": ("ภาคประชาสังคม", "Civil society"),
    "sector_academic": ("ภาควิชาการ", "Academic"),
    "sector_community": ("ภาคชุมชน", "Community"),
    "frame_community": ("ชุมชนลงมือทำ", "Community acts"),
    "frame_private": ("เอกชนขับเคลื่อน", "Private sector drives"),
    "frame_state": ("รัฐสนับสนุน", "State supports"),
    "frame_civil": ("ภาคประชาสังคมร่วมสนับสนุน", "Civil society also supports"),
    "frame_academic": ("ภาควิชาการร่วมสนับสนุน", "Academia also supports"),
    "page_partners": ("ภาคี", "Partners"),
    "partners_title": ("ภาคีเครือข่าย: บทบาท คำมั่น และการประชุม", "Partners: roles, pledges and meetings"),
    "partners_who": ("แต่ละภาคีทำอะไร และสนับสนุนอะไรไปแล้ว", "What each partner does, and what it has given so far"),
    "col_sector": ("ภาคส่วน", "Sector"),
    "sector_line": ("**{frame}**  \n{partners}", "**{frame}**  \n{partners}"),
    "col_role": ("บทบาท", "Role"),
    "partners_pledges": ("คำมั่นของภาคีเทียบกับสิ่งที่ส่งมอบแล้ว", "Pledges against what was delivered"),
    "pledge_step": ("ขั้นของแผน", "Plan step"),
    "pledge_counts": ("ส่งมอบครบแล้ว {delivered} · ส่งมอบบางส่วน {partly} · เลยกำหนด {overdue} · "
                      "ยังไม่ถึงกำหนด {coming_up}",
                      "Delivered {delivered} · partly {partly} · overdue {overdue} · coming up {coming_up}"),
    "pledge_rule": ("นับสิ่งที่ส่งมอบจากการสนับสนุน การอบรม และงานแสดงสินค้าที่บันทึกไว้ตั้งแต่วันที่ให้คำมั่น "
                    "ถึงวันที่ของข้อมูล ตัวเลขที่มีคำว่า \"กรอกเอง\" ผู้ดูแลข้อมูลกรอกจากรายงานการประชุม",
                    "Delivery is counted from the support, trainings and events recorded from the day of "
                    "the pledge to the date of the data; figures marked \"by hand\" were written in by the "
                    "data keeper from the minutes"),
    "no_pledges": ("ยังไม่มีการบันทึกคำมั่นของภาคี (แผ่นงาน pledge)", "No pledges are recorded (sheet pledge)"),
    "no_step_pledges": ("ไม่มีคำมั่นสำหรับขั้นนี้", "No pledges for this step"),
    "no_area_pledges": ("ยังไม่มีการบันทึกคำมั่นของภาคีที่ให้แก่เครือข่ายในพื้นที่นี้",
                        "No partner pledges are recorded for the networks in this area"),
    "col_what": ("สิ่งที่ให้คำมั่น", "Pledge"),
    "col_pledged": ("ตามคำมั่น", "Pledged"),
    "col_delivered": ("ส่งมอบแล้ว", "Delivered"),
    "col_due": ("ครบกำหนด", "Due"),
    "col_owner": ("ผู้รับผิดชอบ", "Owner"),
    "col_action": ("งานที่มอบหมาย", "Action"),
    "times": ("{n} ครั้ง", "{n}×"),
    "by_hand": ("{value} (กรอกเอง)", "{value} (by hand)"),
    "partners_actions": ("งานที่มอบหมายซึ่งยังไม่แล้วเสร็จ", "Assigned actions still open"),
    "partners_decisions": ("มติที่ประชุม ปัญหาและอุปสรรค", "Meeting decisions, problems and obstacles"),
    "partners_every_network": ("ภาคีทำงานร่วมกับทุกเครือข่าย ยอดการสนับสนุนที่ให้ไปแล้วจึงเป็นยอดรวมของทุกเครือข่าย",
                               "Partners work with every network, so what each has given is the total for all of them"),
    "actions_count": ("งานที่ยังไม่เสร็จ {open} เรื่อง (เลยกำหนดแล้ว {overdue} เรื่อง)",
                      "{open} open actions, {overdue} of them overdue"),
    "no_open_actions": ("ไม่มีงานค้าง", "No open actions"),
    "first_actions_of": ("แสดง {n} เรื่องแรก จากทั้งหมด {total} เรื่อง (เรื่องที่เลยกำหนดอยู่ก่อน)",
                         "The first {n} of {total} actions, overdue first"),
    "latest_problems_of": ("แสดง {n} เรื่องล่าสุด จากทั้งหมด {total} เรื่อง", "The latest {n} of {total} problems"),
    "action_line": ("- **{due}** {owner}: {text}", "- **{due}** {owner}: {text}"),
    "action_line_overdue": ("- **✗ {due} เลยกำหนด** {owner}: {text}", "- **✗ {due}, overdue** {owner}: {text}"),
    "last_decisions": ("มติที่ประชุมครั้งล่าสุด วันที่ {date}", "Last meeting's decisions, {date}"),
    "meeting_place": ("ณ {place}", "At {place}"),
    "no_meetings": ("ยังไม่มีการบันทึกการประชุมภาคี (แผ่นงาน meeting)",
                    "No partners' meetings are recorded (sheet meeting)"),
    "no_area_meetings": ("ยังไม่มีการบันทึกการประชุมภาคีของเครือข่ายในพื้นที่นี้",
                         "No partners' meetings are recorded for the networks in this area"),
    "decision_line": ("{n}. {text}", "{n}. {text}"),
    "open_problems": ("ปัญหาและอุปสรรคที่อยู่ระหว่างแก้ไข", "Problems and obstacles still open"),
    "problem_line": ("- **{problem}** แนวทางแก้ไข: {response}", "- **{problem}** What is being done: {response}"),
    "no_open_problems": ("ไม่มีปัญหาค้าง", "No open problems"),
    "overview_actions": ("งานที่มอบหมายจากการประชุมภาคี: ยังไม่เสร็จ {open} เรื่อง (เลยกำหนดแล้ว {overdue} เรื่อง)",
                         "Actions from the partners' meetings: {open} open, {overdue} of them overdue"),
    "handout_actions": ("งานที่ยังไม่เสร็จจากการประชุมภาคี (เลยกำหนดขึ้นก่อน)",
                        "Open actions from the partners' meetings (overdue first)"),
    "handout_decisions": ("มติที่ประชุมครั้งล่าสุด ({date})", "Last meeting's decisions ({date})"),
    "handout_due": ("ครบกำหนด", "Due"),
}


class Text(str):
    """Page text: our own words, with any data in them escaped (what `t` and `escape` return).
    Streamlit's Markdown shows it as it reads, and `escape` leaves it as it is, so page text
    can be a value of another `t()` without its escapes being escaped again."""

    __slots__ = ()


# What Streamlit's Markdown gives meaning to anywhere in a line: escapes, code, emphasis and
# strikethrough, links, images, footnotes and `:color[...]` directives, autolinks and HTML,
# entities, `$math$`, tables, `:emoji:` and `:material/...:` shortcodes.
_INLINE = re.compile(r"([\\`*_\[\]<>&$~|!:])")
# What it gives meaning to at the start of a line: headings, list items ("- ", "+ ", "1. ",
# "2) "), and the "---" / "===" that underline a heading.
_LINE_START = re.compile(r"^([ \t]*)(#|[-+=](?=[ \t]|[-= \t]*$)|\d+(?=[.)](?:[ \t]|$)))", re.MULTILINE)
# The links GitHub Markdown makes of bare text (http://, www., e-mail addresses) are found in the
# text after escapes are read, so a backslash cannot stop them: an invisible word joiner breaks
# the pattern instead. The same after every colon keeps `:emoji:` and `:material/...:` codes
# from forming whatever else the element holds.
_BARE_LINK = re.compile(r"(?<=:)|(?<=@)|(?i:(?<=www)(?=\.))")
WORD_JOINER = "\u2060"


def escape(value: object) -> Text:
    """Data as page text: a name, a place, a free text from the workbook or the database, or
    anything a link carried, written so that Streamlit's Markdown (st.markdown, caption, write,
    title, subheader, info/warning/error, widget labels, metric label/value/delta/help, tabs,
    expanders, pills and segmented-control options) shows every character as typed and nothing
    in it becomes a link, an image, HTML, a heading, a list, a colour, an icon, an emoji or math.
    Thai and ordinary names come out as they are. Page text (`Text`) is returned unchanged.

    Not for places that never read Markdown (selectbox and multiselect options, table cells,
    chart text, map tooltips, the PDF, the command line): there the backslashes would show."""
    if isinstance(value, Text):
        return value
    # Markdown ends a line at \r too: one kind of line end, so every line's start is seen.
    text = _INLINE.sub(r"\\\1", str(value).replace("\r\n", "\n").replace("\r", "\n"))
    text = _LINE_START.sub(lambda m: m[1] + (m[2] + "\\" if m[2][0].isdigit() else "\\" + m[2]), text)
    return Text(_BARE_LINK.sub(WORD_JOINER, text))


def t(key: str, lang: str, **values: object) -> Text:
    """The string `key` in the language, its `{placeholders}` filled with `values`, each
    escaped (`escape`): the result is page text, safe to give to any Streamlit element that
    reads Markdown. Numbers, dates and baht (`number`, `date`, `baht`) and other page text come
    out as they are. For text that is never read as Markdown use `t_plain`."""
    text = _template(key, lang)
    return Text(text.format(**{k: _escaped(v) for k, v in values.items()}) if values else text)


def t_plain(key: str, lang: str, **values: object) -> str:
    """`t` without escaping, for text that is shown as text and never read as Markdown:
    selectbox options, table cells, chart titles and tooltips, map tooltips, the PDF, the
    command line. Never give its result to st.markdown and friends."""
    text = _template(key, lang)
    return text.format(**values) if values else text


def _template(key: str, lang: str) -> str:
    th, en = STRINGS[key]
    return th if lang == "th" else en


def _escaped(value: object) -> object:
    # Numbers keep their format specs; they cannot carry markup.
    return escape(value) if isinstance(value, str) else value


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


def month(day: dt.date, lang: str) -> str:
    """มี.ค. 2569 in Thai (Buddhist Era), Mar 2026 in English."""
    if lang == "th":
        return f"{THAI_MONTHS[day.month - 1]} {day.year + BUDDHIST_ERA_OFFSET}"
    return f"{EN_MONTHS[day.month - 1]} {day.year}"


def date(day: dt.date | None, lang: str) -> str:
    """15 ม.ค. 2568 in Thai (Buddhist Era), 15 Jan 2025 in English."""
    if day is None:
        return "–"
    if lang == "th":
        return f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + BUDDHIST_ERA_OFFSET}"
    return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def warning_text(row: dict, lang: str) -> str:
    """A rule breach in words, naming the group or network by its name: a row of
    queries.load_warnings."""
    contribution = row.get("contribution_baht")
    owner = row[f"owner_{lang}"] or row["group_code"] or row["network_code"]
    return t_plain(f"warn_{row['rule']}", lang, owner=owner,
                   id=row["contribution_id"], actual=baht(row["amount_baht"], lang),
                   expected=baht(row["limit_baht"], lang),
                   amount=baht(contribution, lang) if contribution is not None else "")


def pick(row: dict, field: str, lang: str) -> str:
    """A name stored in both languages, in the chosen one (`name` -> `name_th` / `name_en`)."""
    return row[f"{field}_{lang}"]
