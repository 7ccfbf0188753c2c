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
    "bad_code": ("ไม่พบรหัส {code} ในข้อมูลที่แสดง จึงไม่ได้เลือกไว้",
                 "The code {code} is not in the data shown, so nothing is chosen for it."),


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
