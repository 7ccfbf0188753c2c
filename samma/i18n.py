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
    "page_map": ("แผนที่หมู่บ้าน", "Village map"),
    "page_groups": ("การจัดตั้งกลุ่ม", "Group formation"),
    "map_title": ("หมู่บ้านเป้าหมายอยู่ที่ไหน และก้าวหน้าไปถึงไหน", "Where the villages are and how far each has come"),
    "groups_title": ("ความก้าวหน้าการจัดตั้งกลุ่มอาชีพและ ๕ ก.", "Occupational groups and the 5 K"),
    "stage_target": ("เป็นเป้าหมายแล้ว", "Target only"),
    "stage_sages": ("มีปราชญ์แล้ว", "Sages in place"),
    "stage_households": ("ครัวเรือนเข้าร่วมแล้ว", "Households enrolled"),
    "stage_group": ("ตั้งกลุ่มแล้ว", "Group formed"),
    "stage_all5k": ("ครบ ๕ ก.", "All 5 K"),
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
    "tooltip_groups": ("กลุ่มอาชีพ: {n} (ครบ ๕ ก. {k5})", "Groups: {n} ({k5} with all 5 K)"),
    "tooltip_next": ("ขั้นต่อไป: {step}", "Next: {step}"),
    "tooltip_villages": ("หมู่บ้าน: {n} (นำร่อง {pilot})", "Villages: {n} ({pilot} pilot)"),
    "tooltip_typical": ("ครึ่งหนึ่งของหมู่บ้านถึงขั้น: {stage}", "Half the villages have reached: {stage}"),
    "legend_title": ("สีบอกขั้นของหมู่บ้าน ขนาดบอกจำนวนครัวเรือน", "Colour: stage · size: households"),
    "funnel_title": ("จากหมู่บ้านเป้าหมายสู่กลุ่มที่ขายได้", "From target village to a group that sells"),
    "funnel_target_villages": ("หมู่บ้านเป้าหมาย", "Target villages"),
    "funnel_villages_with_sages": ("หมู่บ้านที่มีปราชญ์ครบ 1+4", "Villages with sages (1+4)"),
    "funnel_households": ("ครัวเรือนที่เข้าร่วม", "Households enrolled"),
    "funnel_groups_formed": ("กลุ่มอาชีพที่จัดตั้งแล้ว", "Occupational groups formed"),
    "funnel_groups_5k": ("กลุ่มที่ครบ ๕ ก.", "Groups with all 5 K"),
    "funnel_groups_sold": ("กลุ่มที่เคยขายในงานแสดงสินค้า", "Groups that have sold at an event"),
    "funnel_line": ("{label}\n{value} จาก {denominator} {of} ({share}%)",
                    "{label}\n{value} of {denominator} {of} ({share}%)"),
    "of_target_villages": ("หมู่บ้านเป้าหมาย", "target villages"),
    "of_households_planned": ("ครัวเรือนตามแผน (20 ต่อหมู่บ้าน)", "planned households (20 a village)"),
    "of_groups_formed": ("กลุ่มที่จัดตั้งแล้ว", "groups formed"),
    "funnel_axis": ("สัดส่วนของฐานที่ใช้เทียบในแต่ละขั้น", "Share of each step's own base"),
    "funnel_help": ("แต่ละขั้นเทียบกับฐานของตัวเอง: หมู่บ้านเทียบกับหมู่บ้านเป้าหมาย ครัวเรือนเทียบกับ 20 ครัวเรือนต่อหมู่บ้าน "
                    "และ ๕ ก. กับการขาย เทียบกับกลุ่มที่จัดตั้งแล้ว",
                    "Each step is measured against its own base: villages against target villages, "
                    "households against 20 a village, the 5 K and sales against groups formed."),
    "mg_village": ("หมู่บ้าน", "Village"),
    "mg_five_k": ("๕ ก.", "5 K"),
    "k_status": ("สถานะ", "Status"),
    "k_status_reached": ("มีแล้ว", "In place"),
    "k_status_next": ("ขั้นต่อไป", "Next"),
    "k_status_missing": ("ยังไม่มี", "Not yet"),
    "k_cell_next": ("ถัดไป", "next"),
    "k_cell_missing": ("–", "–"),
    "k_reached_on": ("ได้เมื่อ", "Reached on"),
    "matrix_title": ("๕ ก. ของแต่ละหมู่บ้าน", "The 5 K, village by village"),
    "matrix_help": ("ตัวเลขในช่องคือปี พ.ศ. ที่ได้ ก. นั้น ช่อง \"ถัดไป\" คือ ก. ที่หมู่บ้านควรทำต่อ",
                    "A cell's number is the year that K was reached; \"next\" is the K the village needs next."),
    "matrix_too_many": ("มีกลุ่ม {n} กลุ่มในพื้นที่นี้ เลือกพื้นที่ที่เล็กลงด้านบนเพื่อดูตาราง ๕ ก.",
                        "{n} groups in this area: choose a smaller area above to see the 5 K table."),
    "matrix_empty": ("ยังไม่มีกลุ่มอาชีพที่จัดตั้งแล้วในพื้นที่นี้", "No occupational group has been formed in this area yet."),
    "progress_title": ("ความก้าวหน้าเทียบเป้าหมาย ขยับ ๓ ขั้น", "Progress against the three-step plan"),
    "progress_households_trained": ("ครัวเรือนที่เข้าร่วม", "Households enrolled"),
    "progress_groups_formed": ("กลุ่มที่จัดตั้งแล้ว", "Groups formed"),
    "progress_groups_5k": ("กลุ่มที่ครบ ๕ ก.", "Groups with all 5 K"),
    "progress_scope": ("ผลจริงและเป้าหมายนับเฉพาะตำบลที่มีแผน ({n} ตำบล)",
                       "Actual and target count only the subdistricts with a plan ({n})"),
    "progress_none": ("ยังไม่มีแผนขยับ ๓ ขั้นสำหรับพื้นที่นี้", "There is no three-step plan for this area yet."),
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
    "map_pick_help": ("แตะจุดบนแผนที่ หรือเลือกจากรายการด้านล่าง เพื่อดูข้อมูลหมู่บ้าน",
                      "Tap a village on the map, or choose it below, to see its card."),
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
    "card_title": ("{name}", "{name}"),
    "card_where": ("ต.{subdistrict} อ.{district} · ขั้น: {stage} · ขั้นต่อไป: {next}",
                   "{subdistrict}, {district} · stage: {stage} · next: {next}"),
    "card_sages_help": ("นับจำนวน ไม่แสดงชื่อ: ปราชญ์หลัก {lead} คน ทีม {team} คน",
                        "Counted, never named: {lead} lead, {team} team"),
    "card_groups": ("กลุ่มอาชีพและ ๕ ก.", "Groups and the 5 K"),
    "card_group_line": ("{name} · อาชีพ: {occupation} · ตั้งเมื่อ {formed} · {households} ครัวเรือน · ๕ ก.: {ks}/5",
                        "{name} · occupation: {occupation} · formed {formed} · {households} households · 5 K: {ks}/5"),
    "card_not_formed": ("ยังไม่ได้ตั้งกลุ่ม", "not formed yet"),
    "card_no_groups": ("หมู่บ้านนี้ยังไม่มีกลุ่มอาชีพ", "This village has no occupational group yet."),
    "card_support_by_partner": ("การสนับสนุนจากภาคีถึงกลุ่มในหมู่บ้านนี้", "Partners' support to this village's groups"),
    "card_support_note": ("ไม่รวมการสนับสนุนที่ให้เครือข่ายระดับตำบล", "Not counting support given to the subdistrict network"),
    "mg_partner": ("ภาคี", "Partner"),
    "mg_cash": ("เงินสด", "Cash"),
    "mg_in_kind": ("ในรูปอื่น (มูลค่า)", "In kind (value)"),
    "on_loan_help": ("ในจำนวนนี้ให้สมาชิกกู้อยู่ {amount}", "Of which {amount} is out on loan to members"),
    "sales_events": ("ขายใน {n} งาน", "At {n} events"),
    "page_funds": ("กองทุนและการสนับสนุน", "Funds and support"),
    "page_whatif": ("ถ้าหาก…", "What if…"),
    "funds_title": ("เงินมาจากไหน ไปที่ไหน และเป็นไปตามกติกาหรือไม่",
                    "Where the money came from, where it went, and the rules"),
    "kind_cash": ("เงินสด", "Cash"),
    "kind_in_kind": ("ในรูปอื่น (มูลค่า)", "In kind (value)"),
    "purpose_grant": ("เงินสนับสนุนกองทุน", "Fund grant"),
    "purpose_matching": ("เงินสมทบ 1:1", "1:1 matching"),
    "purpose_shares": ("ค่าหุ้น", "Shares"),
    "purpose_savings": ("เงินออม", "Savings"),
    "purpose_training": ("อบรม", "Training"),
    "purpose_design": ("ออกแบบผลิตภัณฑ์", "Product design"),
    "purpose_marketing": ("การตลาด", "Marketing"),
    "purpose_event": ("งานแสดงสินค้า", "Market events"),
    "use_admin": ("ค่าบริหาร (30%)", "Administration (30%)"),
    "use_revolving": ("ทุนหมุนเวียน", "Revolving capital"),
    "node_members": ("สมาชิก (หุ้น + เงินออม)", "Members (shares + savings)"),
    "node_network": ("เครือข่ายสัมมาชีพตำบล", "Subdistrict network"),
    "node_groups": ("กลุ่มอาชีพ", "Occupational groups"),
    "axis_baht": ("บาท", "Baht"),
    "axis_partner": ("ภาคี", "Partner"),
    "axis_purpose": ("วัตถุประสงค์", "Purpose"),
    "axis_kind": ("ประเภท", "Kind"),
    "axis_fiscal_year": ("ปีงบประมาณ (พ.ศ.)", "Fiscal year (BE)"),
    "axis_month": ("เดือน", "Month"),
    "axis_from": ("จาก", "From"),
    "axis_to": ("ไปที่", "To"),
    "axis_days": ("วัน", "Days"),
    "funds_support": ("การสนับสนุนจากภาคี", "Support from the partners"),
    "funds_support_caption": ("เงินสดและการสนับสนุนในรูปอื่น (วันอบรม งานออกแบบ สถานที่) แสดงแยกกัน ไม่นำมารวมกัน",
                              "Cash and in-kind support (training days, design work, venues) are shown apart, never added together"),
    "funds_partner_filter": ("ภาคี", "Partner"),
    "funds_all_partners": ("ทุกภาคี", "All partners"),
    "funds_view": ("แสดงการสนับสนุน", "Show the support"),
    "funds_none_recorded": ("ไม่มีรายการ", "None recorded"),
    "funds_by_partner": ("ตามภาคีและวัตถุประสงค์", "By partner and purpose"),
    "funds_by_year": ("ตามปีงบประมาณ", "By fiscal year"),
    "funds_totals": ("ยอดรวมของแต่ละภาคี", "Each partner's totals"),
    "col_cash": ("เงินสด (บาท)", "Cash (baht)"),
    "col_in_kind": ("ในรูปอื่น (มูลค่า บาท)", "In kind (value, baht)"),
    "col_in_kind_days": ("ในรูปอื่น (วัน)", "In kind (days)"),
    "funds_flows": ("เงินสดไหลจากไหน ไปที่ไหน", "Where the cash came from and went"),
    "funds_flows_caption": ("ชี้ที่แถบของภาคีเพื่อดูเส้นทางเงินของภาคีนั้น ความกว้างของแถบคือจำนวนเงิน "
                            "การสนับสนุนในรูปอื่นไม่มีเงินสดให้ติดตาม จึงแสดงในกราฟด้านบนเท่านั้น",
                            "Point at a partner's band to see its path; a band's width is the amount. "
                            "In-kind support has no cash to follow, so it appears only in the charts above"),
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
    "revolving_below_floor": ("ทุนหมุนเวียนต่ำกว่าเงินที่จ่ายเข้า {gap}: ทุนสูญหายไปแล้ว ผิดกติกา",
                              "The fund is {gap} below what was paid in: capital has been lost, against the rule"),
    "funds_rules": ("ตรวจตามกติกา 70/30 และ 1:1", "Checking the 70/30 and 1:1 rules"),
    "rule_split_summary": ("{ok} จาก {n} รายการเงินสนับสนุนกองทุน แบ่งเป็นค่าบริหาร 30% และทุนหมุนเวียน 70% ตามกติกา",
                           "{ok} of {n} fund grants are split 30% administration, 70% revolving, as the rule says"),
    "rule_split_breaches": ("{n} รายการไม่เป็นไปตาม 70/30:", "{n} grants break the 70/30 rule:"),
    "rule_match_summary": ("{ok} จาก {n} กลุ่มได้รับเงินสมทบ 1:1 ครบตามที่สมาชิกระดมเอง",
                           "{ok} of {n} groups got the 1:1 match for what their members raised"),
    "rule_match_waiting": ("{n} กลุ่มยังไม่ได้รับเงินสมทบ (ถ้าสมทบ 1:1 ต้องใช้ {amount})",
                           "{n} groups have no match yet ({amount} at 1:1)"),
    "rule_match_breaches": ("{n} กลุ่มได้รับเงินสมทบไม่ตรง 1:1:", "{n} groups got a match that is not 1:1:"),
    "verdict_ok": ("ตรงตามกติกา", "as the rule says"),
    "verdict_over": ("เกินกติกา", "over the rule"),
    "verdict_under": ("ขาดไป", "short"),
    "verdict_not_matched": ("ยังไม่ได้รับเงินสมทบ", "not matched yet"),
    "col_date": ("วันที่", "Date"),
    "col_partner": ("ภาคี", "Partner"),
    "col_group": ("กลุ่ม", "Group"),
    "col_grant": ("เงินสนับสนุน (บาท)", "Grant (baht)"),
    "col_admin": ("ค่าบริหาร (บาท)", "Administration (baht)"),
    "col_revolving": ("ทุนหมุนเวียน (บาท)", "Revolving (baht)"),
    "col_raised": ("สมาชิกระดมเอง (บาท)", "Members raised (baht)"),
    "col_matched": ("ภาคีสมทบ (บาท)", "Partners matched (baht)"),
    "col_gap": ("ส่วนต่าง (บาท)", "Gap (baht)"),
    "col_verdict": ("ผล", "Verdict"),
    "rule_details": ("ดูทุกรายการ", "See every line"),

    "whatif_title": ("ถ้าหาก…: คำนวณกองทุนทันที", "What if…: the fund, worked out at once"),
    "wi_people": ("คน", "People"),
    "wi_money": ("เงิน", "Money"),
    "wi_rules": ("กติกา", "Rules"),
    "wi_villages": ("จำนวนหมู่บ้าน", "Villages"),
    "wi_team": ("ทีมปราชญ์ต่อหมู่บ้าน (1+4)", "Sages' team per village (1+4)"),
    "wi_households": ("ครัวเรือนต่อหมู่บ้าน", "Households per village"),
    "wi_share": ("ค่าหุ้นต่อคน (บาท ครั้งเดียว)", "Share per member (baht, once)"),
    "wi_saving": ("เงินออมต่อคนต่อเดือน (บาท)", "Saving per member per month (baht)"),
    "wi_months": ("ออมกี่เดือนก่อนขอเงินสมทบ", "Months of saving before the match"),
    "wi_match": ("ภาคีสมทบกี่เท่าของเงินที่ระดมเอง", "Partners match × what members raised"),
    "wi_cap": ("งบของภาคีสูงสุด (บาท, 0 = ไม่จำกัด)", "Partners' budget cap (baht, 0 = no cap)"),
    "wi_admin": ("ค่าบริหาร (% ของเงินสมทบ)", "Administration (% of the grant)"),
    "wi_return": ("ผลตอบแทนของทุนต่อปี (%)", "Yearly return on the fund (%)"),
    "wi_loss": ("หนี้สูญต่อปี (%)", "Yearly losses (%)"),
    "wi_reset": ("กลับไปใช้กติกาตามเอกสาร", "Back to the source's rules"),
    "wi_live": ("เริ่มจากข้อมูลจริงตอนนี้", "Start from the live data"),
    "wi_live_caption": ("ข้อมูลจริง: {villages} หมู่บ้าน สมาชิก {members} คน ระดมเองแล้ว {raised} ภาคีสมทบแล้ว {matched}",
                        "Live data: {villages} villages, {members} members, {raised} raised by members, {matched} matched by partners"),
    "wi_members": ("สมาชิก", "Members"),
    "wi_members_value": ("{n} คน", "{n} people"),
    "wi_raised": ("สมาชิกระดมเอง", "Raised by members"),
    "wi_grant": ("เงินสมทบที่ขอจากภาคี", "Grant to ask the partners for"),
    "wi_shortfall": ("ส่วนที่งบภาคีไม่พอ", "Over the partners' budget"),
    "wi_admin_out": ("ค่าบริหาร", "Administration"),
    "wi_fund0": ("ทุนหมุนเวียนเมื่อได้เงินสมทบ", "Revolving fund at the match"),
    "wi_quarter": ("ทุนหมุนเวียน: ไตรมาส", "Revolving fund: a quarter"),
    "wi_year1": ("ทุนหมุนเวียน: 1 ปี", "Revolving fund: 1 year"),
    "wi_year3": ("ทุนหมุนเวียน: 3 ปี", "Revolving fund: 3 years"),
    "step_quarter": ("ไตรมาส", "Quarter"),
    "step_year1": ("1 ปี", "1 year"),
    "step_year3": ("3 ปี", "3 years"),
    "axis_months_after": ("เดือนหลังได้เงินสมทบ", "Months after the match"),
    "series_fund": ("ทุนหมุนเวียน", "Revolving fund"),
    "series_fund0": ("ทุนเมื่อได้เงินสมทบ (ห้ามต่ำกว่านี้)", "Fund at the match (must not fall below)"),
    "wi_answer": ("สมาชิก {members} คน ระดมเองได้ {raised} ขอเงินสมทบจากภาคี {grant} "
                  "หักค่าบริหาร {admin} แล้วเริ่มทุนหมุนเวียนที่ {fund0} ครบ 1 ปีจะมี {year1} และครบ 3 ปี {year3}",
                  "{members} members raise {raised} themselves and ask the partners for {grant}; "
                  "after {admin} for administration the revolving fund starts at {fund0}, "
                  "reaches {year1} in a year and {year3} in three years"),
    "wi_answer_shortfall": ("งบของภาคีขาดไป {shortfall} จากที่ควรสมทบ {asked}",
                            "The partners' budget is {shortfall} short of the {asked} the match asks for"),
    "wi_warning_loss": ("อีก 3 ปีทุนหมุนเวียนจะเหลือ {year3} ต่ำกว่าตอนได้เงินสมทบ ({fund0}): หนี้สูญสูงกว่าผลตอบแทน "
                        "แต่กติกาบอกว่าทุนหมุนเวียนต้องไม่สูญหาย",
                        "In three years the fund is down to {year3}, below the {fund0} at the match: losses outrun "
                        "the return, and the rule says revolving capital must not be lost"),
    "wi_notice_not_a_number": ("ในลิงก์ {param}={raw} ไม่ใช่ตัวเลข จึงใช้ค่าตามเอกสาร {used}",
                               "The link's {param}={raw} is not a number, so the source's {used} is used"),
    "wi_notice_out_of_range": ("ในลิงก์ {param}={raw} อยู่นอกช่วงที่ตั้งได้ จึงใช้ {used}",
                               "The link's {param}={raw} is outside the slider's range, so {used} is used"),
    "wi_notice_off_step": ("ในลิงก์ {param}={raw} ไม่ตรงช่องของแถบเลื่อน จึงปัดเป็น {used}",
                           "The link's {param}={raw} is between the slider's steps, so it is rounded to {used}"),


    # --- market and plan ---------------------------------------------------------------------------
    # (issue 6: add this area's strings below this line)
    "page_market": ("ตลาด", "Market"),
    "page_plan": ("แผน ๓ ขั้น", "Plan"),
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
    "best_sellers": ("สินค้าขายดี ๕ อันดับ", "Five best sellers"),
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
    "plan_title": ("แผนขยับ ๓ ขั้น และการประเมินผล", "The three-step plan and its evaluation"),
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
    "no_step_targets": ("ยังไม่ได้ตั้งเป้าหมายสำหรับขั้นนี้", "No targets set for this step"),
    "ind_households_trained": ("ครัวเรือนที่ได้รับการถ่ายทอดความรู้", "Households trained"),
    "ind_groups_formed": ("กลุ่มที่จัดตั้งแล้ว", "Groups formed"),
    "ind_groups_5k": ("กลุ่มที่ครบ ๕ ก.", "Groups with all 5 K"),
    "ind_revolving_fund": ("ทุนหมุนเวียน", "Revolving fund"),
    "ind_sales": ("ยอดขายตั้งแต่เริ่มแผน", "Sales since plan start"),
    "ind_income": ("รายได้ของสมาชิก", "Members' income"),
    "status_reached": ("ถึงเป้าแล้ว", "Reached"),
    "status_on_track": ("ตามแผน", "On track"),
    "status_behind": ("ล่าช้า", "Behind"),
    "status_no_target": ("ไม่ได้ตั้งเป้า", "No target"),
    "status_not_recorded": ("ไม่มีการบันทึก", "Not recorded"),
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
                  "ยอดขาย: จากงานแสดงสินค้าตั้งแต่เริ่มแผน · รายได้ของสมาชิกยังไม่มีการบันทึกในข้อมูล",
                  "Households: those a sage has passed knowledge to (enrolled) · Revolving fund: paid in "
                  "+ profit − losses · Sales: at market events since plan start · Members' income is "
                  "not recorded in the data yet"),
    "evaluation": ("การประเมินผลของคณะกรรมการเครือข่าย", "The network committee's evaluation"),
    "changed_since": ("เปลี่ยนไปอย่างไรตั้งแต่ครบขั้น {step} ({due})",
                      "What changed since the {step} step fell due ({due})"),
    "changed_since_start": ("เปลี่ยนไปอย่างไรตั้งแต่เริ่มแผน ({due})", "What changed since the plan began ({due})"),
    "then": ("ตอนนั้น", "Then"),
    "now": ("ตอนนี้", "Now"),
    "change": ("เปลี่ยนแปลง", "Change"),
    "readiness": ("หมู่บ้านที่พร้อมขยายผลไปตำบลถัดไป", "Villages ready to extend the model to the next subdistrict"),
    "readiness_rule": ("หมู่บ้านจะพร้อมเมื่อผ่านครบทั้งสามข้อ:", "A village is ready when it meets all three:"),
    "crit_all_5k": ("ทุกกลุ่มที่จัดตั้งแล้วครบ ๕ ก. (มีอย่างน้อยหนึ่งกลุ่ม)",
                    "every group formed has all 5 K (and there is at least one)"),
    "crit_fund_at_floor": ("ทุนหมุนเวียนของทุกกลุ่มไม่ต่ำกว่าเงินที่ลงไป (ทุนต้องไม่สูญ)",
                           "every group's revolving capital is at or above what was paid in (it must not be lost)"),
    "crit_sold_at_event": ("เคยนำสินค้าไปขายในงานแสดงสินค้าอย่างน้อยหนึ่งงาน",
                           "its groups have sold at a market event at least once"),
    "short_all_5k": ("ครบ ๕ ก.", "All 5 K"),
    "short_fund_at_floor": ("ทุนไม่ต่ำกว่าที่ลงไป", "Fund at floor"),
    "short_sold_at_event": ("เคยขายในงาน", "Sold at an event"),
    "ready_count": ("หมู่บ้านที่พร้อม", "Villages ready"),
    "ready": ("พร้อม", "Ready"),
    "yes": ("ผ่าน", "Yes"),
    "no": ("ยังไม่ผ่าน", "Not yet"),
    "village": ("หมู่บ้าน", "Village"),


    # --- meeting: projector, share, handout ---------------------------------------------------------------------------
    # (issue 7: add this area's strings below this line)
    "projector_mode": ("โหมดจอโปรเจกเตอร์", "Projector mode"),
    "projector_help": ("ตัวอักษรใหญ่ ตัดกันชัด ซ่อนแถบข้าง สำหรับฉายในที่ประชุม",
                       "Large type, high contrast, sidebar closed: for the meeting room's screen"),
    "share_view": ("แชร์หน้านี้", "Share this view"),
    "share_with_projector": ("เปิดในโหมดโปรเจกเตอร์", "Open in projector mode"),
    "share_help": ("ลิงก์นี้เปิดหน้าเดียวกัน ตัวกรองและค่าที่ตั้งไว้เหมือนกัน ส่งในกลุ่มไลน์ได้ หรือสแกนคิวอาร์โค้ด",
                   "This link opens this same page with the same filters and values: "
                   "send it to the LINE group, or scan the QR code"),
    "share_qr": ("สแกนเพื่อเปิดบนโทรศัพท์", "Scan to open on a phone"),
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


    # --- national scale: what a page leaves out when there is too much to draw (issue 8) ---
    "latest_events_of": ("แสดง {n} งานล่าสุด จากทั้งหมด {total} งาน",
                         "The latest {n} of {total} events"),
    "first_rows_of": ("แสดง {n} แถวแรก จากทั้งหมด {total} แถว", "The first {n} of {total} rows"),

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


def month(day: dt.date, lang: str) -> str:
    """มี.ค. 2569 in Thai (Buddhist Era), Mar 2026 in English."""
    if lang == "th":
        return f"{THAI_MONTHS[day.month - 1]} {day.year + 543}"
    return f"{EN_MONTHS[day.month - 1]} {day.year}"


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
