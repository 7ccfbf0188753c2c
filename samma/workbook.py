"""The spreadsheet: template, reading what people type, validation, import and export.

One sheet per kind of record, named like its table; each column header is "Thai / key". The same
columns work as a folder of CSV files, one `<sheet>.csv` each. An import reads everything, checks
everything, and only then builds a new database beside the live one (db.write_database), so a
mistake in the sheet changes nothing. Rule breaches that are facts (a grant not split 70/30,
matching above the members' own part, revolving capital below its floor) load as warnings.
"""

from __future__ import annotations

import csv
import datetime as dt
import hmac
import io
import math
import os
import re
import threading
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from time import sleep

import duckdb
import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from samma import db
from samma.funds import ADMIN_SHARE
from samma.i18n import LANGS, THAI_MONTHS, baht, t

# --- what the sheets hold -------------------------------------------------------------------

# Fixed values: code -> (Thai, English). The drop-down shows "Thai / code"; any of the three is read.
CHOICES: dict[str, dict[str, tuple[str, str]]] = {
    "yes_no": {"yes": ("ใช่", "yes"), "no": ("ไม่ใช่", "no")},
    "sector": {"state": ("รัฐ", "state"), "private": ("เอกชน", "private"),
               "civil": ("ประชาสังคม", "civil society"), "academic": ("วิชาการ", "academic")},
    "sage_role": {"lead": ("ปราชญ์หลัก", "lead sage"), "team": ("ทีมปราชญ์", "team member")},
    "owner_kind": {"group": ("กลุ่มอาชีพ", "group"), "network": ("เครือข่าย", "network")},
    "k": {"committee": ("กรรมการ", "committee"), "members": ("กลุ่มสมาชิก", "member groups"),
          "rules": ("กฎระเบียบ", "rules"), "fund": ("กองทุน", "fund"),
          "activities": ("กิจกรรม", "activities")},
    "source": {"partner": ("ภาคี", "partner"), "members": ("สมาชิก", "members")},
    "kind": {"cash": ("เงินสด", "cash"), "in_kind": ("ไม่ใช่เงินสด", "in kind")},
    "purpose": {"grant": ("เงินอุดหนุน", "grant"), "matching": ("เงินสมทบ", "matching"),
                "shares": ("หุ้น", "shares"), "savings": ("เงินออม", "savings"),
                "training": ("ฝึกอบรม", "training"), "design": ("ออกแบบ", "design"),
                "marketing": ("การตลาด", "marketing"), "event": ("งานแสดงสินค้า", "event")},
    "bucket": {"admin": ("ค่าบริหาร", "administration"), "revolving": ("ทุนหมุนเวียน", "revolving")},
    "entry": {"paid_in": ("เงินเข้า", "paid in"), "loan_out": ("ให้กู้", "loan out"),
              "repayment": ("รับชำระคืน", "repayment"), "profit": ("กำไร", "profit"),
              "loss": ("หนี้สูญ", "loss")},
    "step": {"quarter": ("ไตรมาส", "quarter"), "year1": ("1 ปี", "1 year"),
             "year3": ("3 ปี", "3 years")},
    "indicator": {"households_trained": ("ครัวเรือนที่ได้รับการอบรม", "households trained"),
                  "groups_formed": ("กลุ่มที่จัดตั้งแล้ว", "groups formed"),
                  "groups_5k": ("กลุ่มที่ครบ ๕ ก.", "groups with all 5 K"),
                  "revolving_fund": ("ทุนหมุนเวียน", "revolving fund"),
                  "sales": ("ยอดขาย", "sales"), "income": ("รายได้", "income")},
    "topic": {"line": ("LINE", "LINE"), "facebook": ("Facebook", "Facebook"),
              "website": ("เว็บไซต์", "website"), "product_design": ("ออกแบบผลิตภัณฑ์", "product design"),
              "packaging": ("บรรจุภัณฑ์", "packaging"), "bookkeeping": ("การทำบัญชี", "bookkeeping")},
}

# Roughly Thailand, with a margin: a position outside it is a typo (swapped lat/lon, a missing digit).
LAT_RANGE, LON_RANGE = (4.0, 22.0), (96.0, 107.0)


@dataclass(frozen=True)
class Column:
    key: str                 # the database column
    th: str                  # Thai header
    en: str                  # what it means, in English
    kind: str = "text"       # text, code, int, number, date, bool, choice
    required: bool = True
    choices: str = ""        # a CHOICES name, for kind "choice"
    ref: str = ""            # sheet whose first column this must name
    digits: int = 0          # a code of exactly this many digits
    minimum: float | None = None
    maximum: float | None = None
    future_ok: bool = False  # plan dates may lie ahead; records of what happened may not

    @property
    def header(self) -> str:
        return f"{self.th} / {self.key}"


@dataclass(frozen=True)
class Sheet:
    name: str                # also the table name and the CSV file name
    th: str
    en: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _c(key, th, en, kind="text", **kw) -> Column:
    return Column(key, th, en, kind, **kw)


BAHT = dict(kind="number", minimum=0)
DAYS = dict(kind="number", minimum=0, maximum=366)
LAT = dict(kind="number", required=False, minimum=LAT_RANGE[0], maximum=LAT_RANGE[1])
LON = dict(kind="number", required=False, minimum=LON_RANGE[0], maximum=LON_RANGE[1])

SHEETS: tuple[Sheet, ...] = (
    Sheet("dataset", "ชุดข้อมูล", "About this dataset (one row)", (
        _c("name_th", "ชื่อชุดข้อมูล (ไทย)", "dataset name in Thai"),
        _c("name_en", "ชื่อชุดข้อมูล (อังกฤษ)", "dataset name in English"),
        _c("as_of", "ข้อมูล ณ วันที่", "the figures are as of this date", "date"),
        _c("positions_approximate", "ตำแหน่งโดยประมาณ", "are map positions approximate?", "choice",
           choices="yes_no"))),
    Sheet("province", "จังหวัด", "Provinces", (
        _c("code", "รหัสจังหวัด", "province code, 2 digits", "code", digits=2),
        _c("name_th", "ชื่อ (ไทย)", "name in Thai"),
        _c("name_en", "ชื่อ (อังกฤษ)", "name in English")), ("code",)),
    Sheet("district", "อำเภอ", "Districts", (
        _c("code", "รหัสอำเภอ", "district code, 4 digits", "code", digits=4),
        _c("province_code", "รหัสจังหวัด", "its province", "code", ref="province"),
        _c("name_th", "ชื่อ (ไทย)", "name in Thai"),
        _c("name_en", "ชื่อ (อังกฤษ)", "name in English")), ("code",)),
    Sheet("subdistrict", "ตำบล", "Subdistricts", (
        _c("code", "รหัสตำบล", "subdistrict code, 6 digits", "code", digits=6),
        _c("district_code", "รหัสอำเภอ", "its district", "code", ref="district"),
        _c("name_th", "ชื่อ (ไทย)", "name in Thai"),
        _c("name_en", "ชื่อ (อังกฤษ)", "name in English"),
        _c("lat", "ละติจูด", "latitude", **LAT),
        _c("lon", "ลองจิจูด", "longitude", **LON)), ("code",)),
    Sheet("village", "หมู่บ้าน", "Villages", (
        _c("code", "รหัสหมู่บ้าน", "village code: subdistrict code + หมู่ที่ as 2 digits", "code", digits=8),
        _c("subdistrict_code", "รหัสตำบล", "its subdistrict", "code", ref="subdistrict"),
        _c("moo", "หมู่ที่", "village number in the subdistrict", "int", minimum=1, maximum=99),
        _c("name_th", "ชื่อ (ไทย)", "name in Thai"),
        _c("name_en", "ชื่อ (อังกฤษ)", "name in English"),
        _c("lat", "ละติจูด", "latitude", **LAT),
        _c("lon", "ลองจิจูด", "longitude", **LON),
        _c("position_approximate", "ตำแหน่งโดยประมาณ", "is the position approximate?", "choice",
           choices="yes_no"),
        _c("is_target", "หมู่บ้านเป้าหมาย", "a target village?", "choice", choices="yes_no"),
        _c("is_pilot", "หมู่บ้านนำร่อง", "a pilot village?", "choice", choices="yes_no"),
        _c("target_fiscal_year", "ปีงบประมาณที่เป็นเป้าหมาย (พ.ศ.)",
           "Buddhist-era fiscal year it became a target", "int", required=False,
           minimum=2500, maximum=2700)), ("code",)),
    Sheet("partner", "ภาคี", "Partners", (
        _c("code", "รหัสภาคี", "a short code you choose, e.g. CDD", "code"),
        _c("short_th", "ชื่อย่อ (ไทย)", "short name in Thai"),
        _c("short_en", "ชื่อย่อ (อังกฤษ)", "short name in English"),
        _c("name_th", "ชื่อเต็ม (ไทย)", "full name in Thai"),
        _c("name_en", "ชื่อเต็ม (อังกฤษ)", "full name in English"),
        _c("sector", "ภาคส่วน", "sector", "choice", choices="sector"),
        _c("role_th", "บทบาท (ไทย)", "role in Thai"),
        _c("role_en", "บทบาท (อังกฤษ)", "role in English")), ("code",)),
    Sheet("sage", "ปราชญ์สัมมาชีพ", "Livelihood sages (1+4), no names", (
        _c("id", "เลขที่", "a number, unique in this sheet", "int", minimum=1),
        _c("village_code", "รหัสหมู่บ้าน", "village", "code", ref="village"),
        _c("role", "บทบาท", "lead or team", "choice", choices="sage_role"),
        _c("skill_th", "ความรู้ (ไทย)", "skill in Thai"),
        _c("skill_en", "ความรู้ (อังกฤษ)", "skill in English"),
        _c("since", "ตั้งแต่วันที่", "since", "date")), ("id",)),
    Sheet("occupation", "อาชีพ", "Occupations", (
        _c("code", "รหัสอาชีพ", "a short code you choose", "code"),
        _c("name_th", "ชื่อ (ไทย)", "name in Thai"),
        _c("name_en", "ชื่อ (อังกฤษ)", "name in English")), ("code",)),
    Sheet("network", "เครือข่าย", "Subdistrict livelihood networks", (
        _c("code", "รหัสเครือข่าย", "a short code you choose", "code"),
        _c("subdistrict_code", "รหัสตำบล", "its subdistrict", "code", ref="subdistrict"),
        _c("name_th", "ชื่อ (ไทย)", "name in Thai"),
        _c("name_en", "ชื่อ (อังกฤษ)", "name in English"),
        _c("founded", "วันที่ก่อตั้ง", "founded", "date")), ("code",)),
    Sheet("occupation_group", "กลุ่มอาชีพ", "Occupational groups", (
        _c("code", "รหัสกลุ่ม", "a short code you choose", "code"),
        _c("village_code", "รหัสหมู่บ้าน", "village", "code", ref="village"),
        _c("occupation_code", "รหัสอาชีพ", "occupation", "code", ref="occupation"),
        _c("name_th", "ชื่อ (ไทย)", "name in Thai"),
        _c("name_en", "ชื่อ (อังกฤษ)", "name in English"),
        _c("formed", "วันที่จัดตั้ง", "formed (empty while not yet formed)", "date", required=False)),
        ("code",)),
    Sheet("household", "ครัวเรือน", "Households: a code only, never a name, ID number or phone", (
        _c("code", "รหัสครัวเรือน", "a code, not a name", "code"),
        _c("village_code", "รหัสหมู่บ้าน", "village", "code", ref="village"),
        _c("joined", "วันที่เข้าร่วม", "joined", "date"),
        _c("group_code", "รหัสกลุ่ม", "group (if any)", "code", required=False, ref="occupation_group")),
        ("code",)),
    Sheet("milestone", "๕ ก.", "The 5 K reached by a group or network", (
        _c("owner_kind", "ของ", "group or network", "choice", choices="owner_kind"),
        _c("owner_code", "รหัสกลุ่มหรือเครือข่าย", "group or network code", "code"),
        _c("k", "ก.", "which of the 5 K", "choice", choices="k"),
        _c("reached", "วันที่ครบ", "reached on", "date")), ("owner_kind", "owner_code", "k")),
    Sheet("contribution", "การสนับสนุน", "Support and money raised, cash and in kind", (
        _c("id", "เลขที่", "a number, unique in this sheet", "int", minimum=1),
        _c("date", "วันที่", "date", "date"),
        _c("source", "จาก", "a partner or the members", "choice", choices="source"),
        _c("partner_code", "รหัสภาคี", "partner (when from a partner)", "code", required=False,
           ref="partner"),
        _c("network_code", "ให้เครือข่าย", "to a network (or a group, not both)", "code",
           required=False, ref="network"),
        _c("group_code", "ให้กลุ่ม", "to a group (or a network, not both)", "code", required=False,
           ref="occupation_group"),
        _c("kind", "เงินสดหรือไม่", "cash or in kind", "choice", choices="kind"),
        _c("purpose", "วัตถุประสงค์", "purpose", "choice", choices="purpose"),
        _c("amount_baht", "จำนวนเงิน (บาท)", "amount or value in baht", **BAHT),
        _c("days", "จำนวนวัน", "days given (in kind)", **{**DAYS, "required": False})), ("id",)),
    Sheet("fund_entry", "บัญชีกองทุน", "The revolving fund's ledger", (
        _c("id", "เลขที่", "a number, unique in this sheet", "int", minimum=1),
        _c("date", "วันที่", "date", "date"),
        _c("group_code", "รหัสกลุ่ม", "group", "code", ref="occupation_group"),
        _c("bucket", "บัญชี", "administration (30%) or revolving (70%)", "choice", choices="bucket"),
        _c("entry", "รายการ", "what happened", "choice", choices="entry"),
        _c("amount_baht", "จำนวนเงิน (บาท)", "amount in baht", **BAHT),
        _c("contribution_id", "เลขที่การสนับสนุน", "the contribution paid in (if any)", "int",
           required=False, ref="contribution")), ("id",)),
    Sheet("plan_target", "แผน ๓ ขั้น", "The three-step plan's targets", (
        _c("step", "ขั้น", "quarter, 1 year or 3 years", "choice", choices="step"),
        _c("indicator", "ตัวชี้วัด", "indicator", "choice", choices="indicator"),
        _c("area_code", "รหัสพื้นที่", "subdistrict (6 digits) or village (8 digits)", "code"),
        _c("target_value", "ค่าเป้าหมาย", "target value", **BAHT),
        _c("plan_start", "วันเริ่มแผน", "plan start", "date", future_ok=True),
        _c("due", "วันครบกำหนด", "due", "date", future_ok=True)), ("step", "indicator", "area_code")),
    Sheet("market_event", "งานแสดงสินค้า", "Market events", (
        _c("code", "รหัสงาน", "a short code you choose", "code"),
        _c("name_th", "ชื่อ (ไทย)", "name in Thai"),
        _c("name_en", "ชื่อ (อังกฤษ)", "name in English"),
        _c("date", "วันที่", "date", "date"),
        _c("place_th", "สถานที่ (ไทย)", "place in Thai"),
        _c("place_en", "สถานที่ (อังกฤษ)", "place in English"),
        _c("organiser_code", "รหัสภาคีผู้จัด", "organising partner", "code", ref="partner"),
        _c("district_code", "รหัสอำเภอ", "district (if any)", "code", required=False, ref="district"),
        _c("lat", "ละติจูด", "latitude", **LAT),
        _c("lon", "ลองจิจูด", "longitude", **LON)), ("code",)),
    Sheet("product", "ผลิตภัณฑ์", "Products", (
        _c("code", "รหัสผลิตภัณฑ์", "a short code you choose", "code"),
        _c("group_code", "รหัสกลุ่ม", "group", "code", ref="occupation_group"),
        _c("name_th", "ชื่อ (ไทย)", "name in Thai"),
        _c("name_en", "ชื่อ (อังกฤษ)", "name in English"),
        _c("unit_th", "หน่วย (ไทย)", "unit in Thai"),
        _c("unit_en", "หน่วย (อังกฤษ)", "unit in English")), ("code",)),
    Sheet("sale", "ยอดขาย", "Sales at an event", (
        _c("event_code", "รหัสงาน", "event", "code", ref="market_event"),
        _c("product_code", "รหัสผลิตภัณฑ์", "product", "code", ref="product"),
        _c("quantity", "จำนวน", "quantity", "int", minimum=0, maximum=10_000_000),
        _c("amount_baht", "ยอดขาย (บาท)", "sales in baht", **BAHT)), ("event_code", "product_code")),
    Sheet("training", "การอบรม", "Trainings", (
        _c("id", "เลขที่", "a number, unique in this sheet", "int", minimum=1),
        _c("date", "วันที่", "date", "date"),
        _c("partner_code", "รหัสภาคี", "partner", "code", ref="partner"),
        _c("topic", "หัวข้อ", "topic", "choice", choices="topic"),
        _c("subdistrict_code", "รหัสตำบล", "subdistrict", "code", ref="subdistrict"),
        _c("participants", "ผู้เข้าร่วม (คน)", "participants", "int", minimum=0, maximum=10_000),
        _c("days", "จำนวนวัน", "days", **DAYS)), ("id",)),
    Sheet("training_group", "กลุ่มที่เข้าอบรม", "Which groups attended a training", (
        _c("training_id", "เลขที่การอบรม", "training", "int", ref="training"),
        _c("group_code", "รหัสกลุ่ม", "group", "code", ref="occupation_group")),
        ("training_id", "group_code")),
)
SHEET = {s.name: s for s in SHEETS}
INSTRUCTIONS = "คำแนะนำ"
LISTS = "lists"

# --- reading what people type -----------------------------------------------------------------

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Spaces Excel and LINE copy-paste bring along: no-break, thin, zero-width.
ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")
THAI_MONTH_NAMES = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
EN_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december")
MONTHS = {name: i for names in (THAI_MONTH_NAMES, EN_MONTH_NAMES) for i, name in enumerate(names, 1)}
MONTHS |= {m.replace(".", ""): i for i, m in enumerate(THAI_MONTHS, 1)}
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items()) if m in EN_MONTH_NAMES}
MONTHS["sept"] = 9


class BadCell(ValueError):
    """A cell that cannot be read as its column's kind; `key` names the message in i18n."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def clean_text(value: object) -> str | None:
    """Text as typed, without stray or odd spaces; an empty cell is None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(ODD_SPACES.sub(" ", str(value)).split())
    return text or None


def parse_code(value: object) -> str:
    """A code: Thai digits read as digits, spaces dropped; 50191001 typed as a number stays whole."""
    if isinstance(value, bool):
        raise BadCell("err_not_code")
    if isinstance(value, float):
        if not value.is_integer():
            raise BadCell("err_not_code")
        value = int(value)
    return "".join(str(clean_text(value)).translate(THAI_DIGITS).split())


def parse_number(value: object) -> float:
    """1,234.50 · ๑,๒๓๔ · ฿1,234 · 1 234 บาท · −500 all read as numbers."""
    if isinstance(value, bool):
        raise BadCell("err_not_number")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(clean_text(value)).translate(THAI_DIGITS).lower()
        text = re.sub(r"฿|บาท|baht|thb", "", text).replace("−", "-").replace(",", "")
        text = "".join(text.split())
        if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", text):
            raise BadCell("err_not_number")
        number = float(text)
    if not math.isfinite(number):
        raise BadCell("err_not_number")
    return number


def parse_int(value: object) -> int:
    number = parse_number(value)
    if not number.is_integer():
        raise BadCell("err_not_whole")
    return int(number)


def _year(year: int) -> int:
    """Buddhist-era years (2400 and later) become Common-era years."""
    if year >= 2400:
        year -= 543
    if not 1900 <= year <= 2200:
        raise BadCell("err_not_date")
    return year


def parse_date(value: object) -> dt.date:
    """2568-01-15 · 15/01/2568 · 15 ม.ค. 2568 · 15 มกราคม พ.ศ. ๒๕๖๘ · 15 Jan 2025 · an Excel date.
    Day first, as Thai people write it; a year of 2400 or more is Buddhist era."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        try:
            return value.replace(year=_year(value.year))
        except ValueError:
            raise BadCell("err_not_date") from None
    if isinstance(value, (bool, int, float)):
        raise BadCell("err_not_date")
    text = str(clean_text(value)).translate(THAI_DIGITS).lower()
    text = re.sub(r"\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", text)        # a time of day
    common_era = "ค.ศ" in text
    text = re.sub(r"(พ\.\s*ศ|ค\.\s*ศ)\.?", " ", text).strip()
    try:
        if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text):
            year, month, day = (int(g) for g in m.groups())
        elif m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text):
            day, month, year = (int(g) for g in m.groups())
        elif m := re.fullmatch(r"(\d{1,2})\s*([^\d\s]+?)\s*,?\s*(\d{4})", text):
            month = MONTHS.get(m.group(2).replace(".", "").replace(" ", ""))
            if month is None:
                raise BadCell("err_not_date")
            day, year = int(m.group(1)), int(m.group(3))
        else:
            raise BadCell("err_not_date")
        if common_era and year >= 2400:
            raise BadCell("err_not_date")
        return dt.date(_year(year), month, day)
    except ValueError as e:
        if isinstance(e, BadCell):
            raise
        raise BadCell("err_not_date") from None


def parse_choice(value: object, choices: str) -> str:
    """The code, its Thai or English label, or the drop-down's "Thai / code"."""
    text = str(clean_text(value)).lower()
    options = CHOICES[choices]
    for code, (th, en) in options.items():
        if text in (code, th.lower(), en.lower(), choice_label(choices, code).lower()):
            return code
    if " / " in text:
        return parse_choice(text.rsplit(" / ", 1)[1], choices)
    raise BadCell("err_not_choice", allowed=", ".join(choice_label(choices, c) for c in options))


def choice_label(choices: str, code: str) -> str:
    return f"{CHOICES[choices][code][0]} / {code}"


def parse_cell(column: Column, value: object) -> object:
    """The value for the database, or None for an empty cell; BadCell if it cannot be read."""
    if clean_text(value) is None:
        return None
    if column.kind == "text":
        return clean_text(value)
    if column.kind == "code":
        return parse_code(value)
    if column.kind == "int":
        return parse_int(value)
    if column.kind == "number":
        return parse_number(value)
    if column.kind == "date":
        return parse_date(value)
    code = parse_choice(value, column.choices)
    return code == "yes" if column.choices == "yes_no" else code


# --- the template and the export share one writer -------------------------------------------

# A tiny network that passes every check, so the template shows real, loadable rows.
_D = dt.date
EXAMPLES: dict[str, list[tuple]] = {
    "dataset": [("เครือข่ายสัมมาชีพตำบลท่าวังตาล", "Tha Wang Tan livelihood network",
                 _D(2025, 9, 30), True)],
    "province": [("50", "เชียงใหม่", "Chiang Mai")],
    "district": [("5019", "50", "สารภี", "Saraphi")],
    "subdistrict": [("501910", "5019", "ท่าวังตาล", "Tha Wang Tan", 18.688, 98.998)],
    "village": [("50191001", "501910", 1, "หมู่ 1 ต.ท่าวังตาล", "Moo 1, Tha Wang Tan", 18.69, 98.995,
                 True, True, True, 2560),
                ("50191002", "501910", 2, "หมู่ 2 ต.ท่าวังตาล", "Moo 2, Tha Wang Tan", None, None,
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
    "occupation_group": [("G50191001", "50191001", "longan", "กลุ่มแปรรูปลำไย หมู่ 1",
                          "Dried longan group, Moo 1", _D(2017, 8, 1)),
                         ("G50191002", "50191002", "longan", "กลุ่มแปรรูปลำไย หมู่ 2",
                          "Dried longan group, Moo 2", None)],
    "household": [("HH-001", "50191001", _D(2017, 6, 1), "G50191001"),
                  ("HH-002", "50191001", _D(2017, 6, 3), "G50191001")],
    "milestone": [("group", "G50191001", "committee", _D(2017, 8, 1)),
                  ("network", "N501910", "committee", _D(2017, 5, 20))],
    "contribution": [(1, _D(2017, 8, 1), "members", None, None, "G50191001", "cash", "shares",
                      2500.0, None),
                     (2, _D(2017, 11, 1), "partner", "TTT", None, "G50191001", "cash", "matching",
                      2500.0, None),
                     (3, _D(2018, 6, 16), "partner", "CDD", "N501910", None, "in_kind", "training",
                      12000.0, 1.0)],
    "fund_entry": [(1, _D(2017, 8, 1), "G50191001", "revolving", "paid_in", 2500.0, 1),
                   (2, _D(2017, 11, 1), "G50191001", "admin", "paid_in", 750.0, 2),
                   (3, _D(2017, 11, 1), "G50191001", "revolving", "paid_in", 1750.0, 2)],
    "plan_target": [("year1", "groups_formed", "501910", 2.0, _D(2025, 10, 1), _D(2026, 9, 30))],
    "market_event": [("E1", "กาดสัมมาชีพตำบลท่าวังตาล", "Tha Wang Tan Livelihood Market",
                      _D(2018, 12, 8), "ตำบลท่าวังตาล", "Tha Wang Tan", "CDD", "5019", 18.686, 98.999)],
    "product": [("G50191001-1", "G50191001", "ลำไยอบแห้ง", "Dried longan", "ถุง", "bag")],
    "sale": [("E1", "G50191001-1", 40, 4800.0)],
    "training": [(1, _D(2018, 6, 16), "CDD", "bookkeeping", "501910", 12, 1.0)],
    "training_group": [(1, "G50191001")],
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
                "wb_rule_examples", "wb_rule_people", "wb_rule_load"):
        ws.append([t(key, "th"), t(key, "en")])
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


def write_workbook(target: Path | io.BytesIO, rows: dict[str, list[tuple]]) -> None:
    """The template's format: instructions, one sheet per kind of record with "Thai / key"
    headers and their meaning in a note, drop-downs for fixed values and partner codes."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _instructions(wb)
    for sheet in SHEETS:
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
    for sheet in SHEETS:
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


# --- reading a file ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """One thing wrong, located as precisely as it can be: sheet, row (as the spreadsheet
    numbers it, the header being row 1), column header, and the value found."""
    key: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""
    params: dict = field(default_factory=dict)

    def text(self, lang: str) -> str:
        if self.column:
            where = t("err_at_cell", lang, sheet=self.sheet, row=self.row, column=self.column)
        elif self.row:
            where = t("err_at_row", lang, sheet=self.sheet, row=self.row)
        elif self.sheet:
            where = t("err_at_sheet", lang, sheet=self.sheet)
        else:
            where = t("err_at_file", lang)
        what = t(self.key, lang, **self.params)
        if self.value:
            return f"{where}: {t('err_value', lang, value=self.value)}: {what}"
        return f"{where}: {what}"


class LoadRejected(Exception):
    """The file was not loaded; `problems` lists every reason at once."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


Raw = dict[str, list[list[object]]]


def read_source(path: Path) -> Raw:
    """Every sheet's rows as typed, header first: from an .xlsx file or a folder of CSV files."""
    if path.is_dir():
        return _read_csv_folder(path)
    if not path.exists():
        raise LoadRejected([Problem("err_no_file", params={"path": path.name})])
    if path.stat().st_size == 0:
        raise LoadRejected([Problem("err_empty_file")])
    return _read_xlsx(path)


def _read_xlsx(source: Path | io.BytesIO) -> Raw:
    try:
        wb = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError,
            openpyxl.utils.exceptions.InvalidFileException):
        raise LoadRejected([Problem("err_not_spreadsheet")]) from None
    try:
        raw = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()
    return raw


def _read_csv_folder(folder: Path) -> Raw:
    raw: Raw = {}
    for file in sorted(folder.glob("*.csv")):
        data = file.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp874", errors="replace")     # Thai Windows, as Excel saves CSV
        raw[file.stem] = [list(r) for r in csv.reader(io.StringIO(text))]
    if not raw:
        raise LoadRejected([Problem("err_not_spreadsheet")])
    return raw


# --- checking everything before anything is written -------------------------------------------

def _header_key(cell: object, sheet: Sheet) -> str | None:
    text = clean_text(cell)
    if text is None:
        return None
    for column in sheet.columns:
        if text.lower() in (column.header.lower(), column.key, column.th.lower()):
            return column.key
    tail = text.rsplit("/", 1)[-1].strip().lower()
    return tail if any(c.key == tail for c in sheet.columns) else None


@dataclass
class Parsed:
    """One sheet's rows as values, each with its spreadsheet row number."""
    sheet: Sheet
    rows: list[tuple[int, dict]] = field(default_factory=list)
    broken: bool = False    # missing, or missing columns: its codes are unknown, not absent

    def keys(self, column: str) -> set:
        return {values[column] for _, values in self.rows if values.get(column) is not None}


def _parse_sheet(sheet: Sheet, raw_rows: list[list], problems: list[Problem],
                 today: dt.date) -> Parsed:
    parsed = Parsed(sheet)
    header = raw_rows[0] if raw_rows else []
    positions: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = _header_key(cell, sheet)
        if key and key not in positions:
            positions[key] = i
    missing = [c for c in sheet.columns if c.key not in positions and c.required]
    for column in missing:
        problems.append(Problem("err_missing_column", sheet.name, 1, params={"header": column.header}))
    if missing:
        parsed.broken = True
        return parsed
    for row_number, raw in enumerate(raw_rows[1:], start=2):
        if all(clean_text(v) is None for v in raw):
            continue
        values: dict[str, object] = {}
        for column in sheet.columns:
            i = positions.get(column.key)
            cell = raw[i] if i is not None and i < len(raw) else None
            where = dict(sheet=sheet.name, row=row_number, column=column.header,
                         value=clean_text(cell) or "")
            try:
                value = parse_cell(column, cell)
            except BadCell as bad:
                problems.append(Problem(bad.key, params=bad.params, **where))
                values[column.key] = _FAILED
                continue
            values[column.key] = value
            if value is None:
                if column.required:
                    problems.append(Problem("err_required", **where))
                    values[column.key] = _FAILED
                continue
            for problem in _cell_rules(column, value, today):
                problems.append(Problem(problem[0], params=problem[1], **where))
        parsed.rows.append((row_number, values))
    return parsed


_FAILED = object()    # a cell already reported: later checks skip it rather than report it twice


def _cell_rules(column: Column, value: object, today: dt.date) -> list[tuple[str, dict]]:
    found = []
    if column.digits and not (len(value) == column.digits and value.isdigit()):
        found.append(("err_digits", {"n": column.digits}))
    if column.kind in ("int", "number"):
        if column.minimum == 0 and value < 0:
            found.append(("err_negative", {}))
        elif column.minimum is not None and value < column.minimum:
            found.append(("err_below", {"limit": f"{column.minimum:g}"}))
        if column.maximum is not None and value > column.maximum:
            found.append(("err_above", {"limit": f"{column.maximum:,g}"}))
    if column.kind == "date" and not column.future_ok and value > today:
        found.append(("err_future", {}))
    return found


def _ok(*values: object) -> bool:
    return all(v is not None and v is not _FAILED for v in values)


def _cross_checks(parsed: dict[str, Parsed], problems: list[Problem]) -> None:
    """What a single cell cannot tell: duplicates, codes that exist, rows that must agree."""
    def report(sheet: Sheet, row: int, column: str, value: object, key: str, **params):
        problems.append(Problem(key, sheet.name, row, sheet.column(column).header if column else "",
                                "" if value is None else str(value), params))

    for p in parsed.values():
        sheet = p.sheet
        if sheet.key:
            first_seen: dict[tuple, int] = {}
            for row, values in p.rows:
                key = tuple(values.get(k) for k in sheet.key)
                if not _ok(*key):
                    continue
                if key in first_seen:
                    report(sheet, row, sheet.key[-1], " · ".join(map(str, key)), "err_duplicate",
                           first=first_seen[key])
                else:
                    first_seen[key] = row
        for column in sheet.columns:
            if not column.ref:
                continue
            target = parsed[column.ref]
            if target.broken:
                continue
            known = target.keys(target.sheet.columns[0].key)
            for row, values in p.rows:
                value = values.get(column.key)
                if _ok(value) and value not in known:
                    report(sheet, row, column.key, value, "err_unknown_code", ref=column.ref)

    def prefix(sheet_name: str, column: str, parent: str):
        for row, values in parsed[sheet_name].rows:
            code, parent_code = values.get("code"), values.get(column)
            if _ok(code, parent_code) and not code.startswith(parent_code):
                report(parsed[sheet_name].sheet, row, "code", code, "err_prefix", parent=parent_code,
                       parent_column=parsed[sheet_name].sheet.column(column).header)

    prefix("district", "province_code", "province")
    prefix("subdistrict", "district_code", "district")
    village = parsed["village"]
    for row, values in village.rows:
        code, sub, moo = values.get("code"), values.get("subdistrict_code"), values.get("moo")
        if _ok(code, sub, moo) and code != f"{sub}{moo:02d}":
            report(village.sheet, row, "code", code, "err_village_code", expected=f"{sub}{moo:02d}")

    broken = {name for name, p in parsed.items() if p.broken}
    owners = {"group": parsed["occupation_group"].keys("code"), "network": parsed["network"].keys("code")}
    milestone = parsed["milestone"]
    for row, values in milestone.rows:
        kind, code = values.get("owner_kind"), values.get("owner_code")
        if _ok(kind, code) and code not in owners[kind] and not {"occupation_group", "network"} & broken:
            report(milestone.sheet, row, "owner_code", code, "err_unknown_code",
                   ref="occupation_group" if kind == "group" else "network")

    contribution = parsed["contribution"]
    for row, values in contribution.rows:
        source, partner = values.get("source"), values.get("partner_code")
        if _ok(source) and partner is not _FAILED and (source == "partner") != (partner is not None):
            report(contribution.sheet, row, "partner_code", partner, "err_partner_source")
        to_network, to_group = values.get("network_code"), values.get("group_code")
        if _FAILED not in (to_network, to_group) and (to_network is None) == (to_group is None):
            report(contribution.sheet, row, "group_code", to_group, "err_one_recipient")

    areas = parsed["subdistrict"].keys("code") | village.keys("code")
    plan = parsed["plan_target"]
    for row, values in plan.rows:
        area, start, due = values.get("area_code"), values.get("plan_start"), values.get("due")
        if _ok(area) and area not in areas and not {"subdistrict", "village"} & broken:
            report(plan.sheet, row, "area_code", area, "err_area_code")
        if _ok(start, due) and due < start:
            report(plan.sheet, row, "due", due, "err_due_before_start")

    rows = len(parsed["dataset"].rows)
    if rows != 1 and "dataset" not in broken:
        problems.append(Problem("err_one_dataset_row", "dataset", params={"n": rows}))


def _reading_order(problem: Problem) -> tuple:
    """Sheet by sheet as the workbook has them, then row by row, left to right."""
    sheet = SHEET.get(problem.sheet)
    headers = [c.header for c in sheet.columns] if sheet else []
    return (SHEETS.index(sheet) if sheet else -1, problem.row or 0,
            headers.index(problem.column) if problem.column in headers else -1)


def validate(raw: Raw, today: dt.date | None = None) -> dict[str, list[tuple]]:
    """Rows for every table, in the schema's column order; LoadRejected lists every problem."""
    today = today or dt.date.today()
    if not any(any(clean_text(v) is not None for r in rows for v in r) for rows in raw.values()):
        raise LoadRejected([Problem("err_empty_file")])
    problems: list[Problem] = []
    by_name = {name.strip().lower(): rows for name, rows in raw.items()}
    parsed: dict[str, Parsed] = {}
    for sheet in SHEETS:
        rows = by_name.get(sheet.name)
        if rows is None:
            problems.append(Problem("err_missing_sheet", sheet.name, params={"sheet": sheet.name,
                                                                              "th": sheet.th}))
            parsed[sheet.name] = Parsed(sheet, broken=True)
        else:
            parsed[sheet.name] = _parse_sheet(sheet, rows, problems, today)
    _cross_checks(parsed, problems)
    if problems:
        raise LoadRejected(sorted(problems, key=_reading_order))
    return {name: [tuple(values[c.key] for c in p.sheet.columns) for _, values in p.rows]
            for name, p in parsed.items()}


# --- loading: the checked rows into a new database, swapped in --------------------------------

# Each rule: the SQL that finds its breaches as (group, contribution id, found, limit).
# A baht of slack: spreadsheets round to whole baht.
WARNING_RULES: dict[str, str] = {
    "split_70_30": """
        SELECT f.group_code, c.id, coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin'), 0),
               round(c.amount_baht * ?, 2)
        FROM contribution c JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in'
        WHERE c.kind = 'cash' AND c.purpose IN ('grant', 'matching')
        GROUP BY f.group_code, c.id, c.amount_baht
        HAVING abs(coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin'), 0)
                   - round(c.amount_baht * ?, 2)) > 1
        ORDER BY c.id""",
    "matching_above_members": """
        WITH matched AS (
            SELECT group_code, sum(amount_baht) AS matched, max(date) AS last
            FROM contribution
            WHERE source = 'partner' AND purpose = 'matching' AND group_code IS NOT NULL
            GROUP BY group_code)
        SELECT m.group_code, NULL, m.matched, coalesce(sum(c.amount_baht), 0)
        FROM matched m
        LEFT JOIN contribution c ON c.group_code = m.group_code AND c.source = 'members'
                                AND c.date <= m.last
        GROUP BY m.group_code, m.matched
        HAVING m.matched > coalesce(sum(c.amount_baht), 0) + 1
        ORDER BY m.group_code""",
    "capital_below_floor": """
        SELECT group_code, NULL, capital, paid_in FROM group_fund
        WHERE capital < paid_in - 1 ORDER BY group_code""",
}


def record_warnings(con: duckdb.DuckDBPyConnection) -> None:
    """Finds the rule breaches in a database being built and stores them in load_warning,
    with their message in both languages."""
    found = []
    for rule, sql in WARNING_RULES.items():
        params = [ADMIN_SHARE, ADMIN_SHARE] if rule == "split_70_30" else []
        for group, cid, actual, limit in con.execute(sql, params).fetchall():
            amount = con.execute("SELECT amount_baht FROM contribution WHERE id = ?",
                                 [cid]).fetchone()[0] if cid else None
            texts = [t(f"warn_{rule}", lang, group=group, id=cid, actual=baht(float(actual), lang),
                       expected=baht(float(limit), lang),
                       amount=baht(float(amount), lang) if amount is not None else "")
                     for lang in LANGS]
            found.append((rule, group, cid, float(actual), float(limit), *texts))
    db.insert_rows(con, {"load_warning": found})


def load(source: Path, db_path: Path, today: dt.date | None = None) -> list[tuple[str, str]]:
    """Reads, checks and loads `source` (an .xlsx file or a folder of CSVs) as the live database
    at `db_path`. Returns the warnings as (Thai, English); LoadRejected changes nothing."""
    return load_raw(read_source(source), db_path, today)


def load_bytes(data: bytes, db_path: Path) -> list[tuple[str, str]]:
    """The same load, from an uploaded file's bytes."""
    if not data:
        raise LoadRejected([Problem("err_empty_file")])
    return load_raw(_read_xlsx(io.BytesIO(data)), db_path)


def load_raw(raw: Raw, db_path: Path, today: dt.date | None = None) -> list[tuple[str, str]]:
    tables = validate(raw, today)
    name_th, name_en, as_of, approximate = tables.pop("dataset")[0]
    loaded_at = dt.datetime.now().replace(microsecond=0)

    def fill(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("INSERT INTO dataset VALUES (?, ?, FALSE, ?, ?, ?, ?)",
                    [name_th, name_en, as_of, db.SCHEMA_VERSION, loaded_at, approximate])
        db.insert_rows(con, tables)
        record_warnings(con)

    try:
        db.write_database(db_path, fill)
    except duckdb.Error as refused:
        # The checks above should leave the database nothing to refuse; if it does, say so.
        raise LoadRejected([Problem("err_database", params={
            "detail": str(refused).splitlines()[0]})]) from None
    with db.snapshot(db_path) as con:
        return con.execute("SELECT message_th, message_en FROM load_warning").fetchall()


# --- export: the live data in the template's format -------------------------------------------

def export_rows(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    rows = {}
    for sheet in SHEETS:
        columns = ", ".join(c.key for c in sheet.columns)
        order = ", ".join(sheet.key) or "1"
        # Names come from SHEETS above, never from input.
        rows[sheet.name] = con.execute(f"SELECT {columns} FROM {sheet.name} ORDER BY {order}").fetchall()
    return {name: [tuple(float(v) if isinstance(v, Decimal) else v for v in row)
                   for row in values] for name, values in rows.items()}


def export(db_path: Path, target: Path | io.BytesIO) -> None:
    with db.snapshot(db_path) as con:
        rows = export_rows(con)
    write_workbook(target, rows)


def export_bytes(db_path: Path) -> bytes:
    buffer = io.BytesIO()
    export(db_path, buffer)
    return buffer.getvalue()


# --- editors: loading from the browser --------------------------------------------------------

MAX_DELAY_SECONDS = 30.0
_failed_attempts = 0
_attempts_lock = threading.Lock()


def editor_password_set() -> bool:
    """Only then does the Data page offer a load; otherwise no upload widget exists at all."""
    return bool(os.environ.get("SAMMA_EDITOR_PASSWORD"))


def check_editor_password(given: str) -> bool:
    """Compared in constant time. Each wrong guess in this process waits longer than the last
    (1, 2, 4 ... 30 s), whichever session it comes from; a right one resets the count."""
    global _failed_attempts
    expected = os.environ.get("SAMMA_EDITOR_PASSWORD", "")
    right = bool(expected) and hmac.compare_digest(given.encode(), expected.encode())
    with _attempts_lock:
        if right:
            _failed_attempts = 0
            return True
        _failed_attempts += 1
        delay = min(2.0 ** (_failed_attempts - 1), MAX_DELAY_SECONDS)
    sleep(delay)
    return False
