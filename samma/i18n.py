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


    # --- map and groups ---------------------------------------------------------------------------
    # (issue 4: add this area's strings below this line)


    # --- funds and what-if ---------------------------------------------------------------------------
    # (issue 5: add this area's strings below this line)


    # --- market and plan ---------------------------------------------------------------------------
    # (issue 6: add this area's strings below this line)


    # --- meeting: projector, share, handout ---------------------------------------------------------------------------
    # (issue 7: add this area's strings below this line)
    "projector_mode": ("โหมดจอโปรเจกเตอร์", "Projector mode"),
    "projector_help": ("ตัวอักษรใหญ่ ตัดกันชัด ซ่อนแถบข้าง สำหรับฉายในที่ประชุม",
                       "Large type, high contrast, sidebar closed: for the meeting room's screen"),
    "projector_off": ("ปิดโหมดโปรเจกเตอร์", "projector mode off"),
    "bad_param": ("ค่าในลิงก์ {name}={value} ใช้ไม่ได้ จึงใช้ {used} แทน",
                  "The link's {name}={value} cannot be used; showing {used} instead"),
    "share_view": ("แชร์หน้านี้", "Share this view"),
    "share_with_projector": ("เปิดในโหมดโปรเจกเตอร์", "Open in projector mode"),
    "share_help": ("ลิงก์นี้เปิดหน้าเดียวกัน ตัวกรองและค่าที่ตั้งไว้เหมือนกัน ส่งในกลุ่มไลน์ได้ หรือสแกนคิวอาร์โค้ด",
                   "This link opens this same page with the same filters and values: "
                   "send it to the LINE group, or scan the QR code"),
    "share_qr": ("สแกนเพื่อเปิดบนโทรศัพท์", "Scan to open on a phone"),
    "handout": ("เอกสารสรุป A4 (PDF)", "A4 handout (PDF)"),
    "handout_title": ("สรุปสำหรับการประชุมภาคีเครือข่ายสัมมาชีพชุมชน",
                      "Summary for the livelihood partners' meeting"),


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
