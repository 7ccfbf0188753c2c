"""What the sheets hold: one sheet per kind of record, named like its table, each column with its
Thai header, its meaning in English, its kind and its limits; and the fixed values a drop-down
offers. The checks, the template and the export all read this one specification."""

from __future__ import annotations

from dataclasses import dataclass

from samma import domain
from samma.i18n import t

# Fixed values: code -> (Thai, English). The drop-down shows "Thai / code"; any of the three is read.
CHOICES: dict[str, dict[str, tuple[str, str]]] = {
    "yes_no": {"yes": ("ใช่", "yes"), "no": ("ไม่ใช่", "no")},
    "sector": {"state": ("รัฐ", "state"), "private": ("เอกชน", "private"),
               "civil": ("ประชาสังคม", "civil society"), "academic": ("วิชาการ", "academic"),
               "community": ("ชุมชน", "community")},
    "sage_role": {"lead": ("ปราชญ์หลัก", "lead sage"), "team": ("ทีมปราชญ์", "team member")},
    "owner_kind": {"group": ("กลุ่มอาชีพ", "group"), "network": ("เครือข่าย", "network")},
    "k": {"committee": ("กรรมการ", "committee"), "members": ("กลุ่มสมาชิก", "member groups"),
          "rules": ("กฎระเบียบ", "rules"), "fund": ("กองทุน", "fund"),
          "activities": ("กิจกรรม", "activities")},
    "source": {"partner": ("ภาคี", "partner"), "members": ("สมาชิก", "members")},
    "kind": {"cash": (t("kind_cash", "th"), "cash"), "in_kind": (t("kind_in_kind_word", "th"), "in kind")},
    "purpose": {"grant": ("เงินอุดหนุน", "grant"), "matching": ("เงินสมทบ", "matching"),
                "shares": ("หุ้น", "shares"), "savings": ("เงินออม", "savings"),
                "training": ("ฝึกอบรม", "training"), "design": ("ออกแบบ", "design"),
                "marketing": ("การตลาด", "marketing"), "event": ("งานแสดงสินค้า", "event")},
    "bucket": {"admin": ("ค่าบริหาร", "administration"), "revolving": ("ทุนหมุนเวียน", "revolving")},
    "entry": {"paid_in": ("เงินเข้า", "paid in"), "loan_out": ("ให้กู้", "loan out"),
              "repayment": ("รับชำระคืน", "repayment"), "profit": ("กำไร", "profit"),
              "loss": ("หนี้สูญ", "loss"), "spent": ("จ่ายค่าบริหาร", "spent"),
              "passed_on": ("ส่งต่อให้กลุ่ม", "passed on")},
    "step": {"quarter": ("ไตรมาส", "quarter"), "year1": ("1 ปี", "1 year"),
             "year3": ("3 ปี", "3 years")},
    # One name per indicator: the plan's own, as every page says it.
    "indicator": {code: (t(f"ind_{code}", "th"), t(f"ind_{code}", "en"))
                  for code in ("households_trained", "groups_formed", "groups_5k", "revolving_fund",
                               "sales", "income")},
    "topic": {"line": ("LINE", "LINE"), "facebook": ("Facebook", "Facebook"),
              "website": ("เว็บไซต์", "website"), "product_design": ("ออกแบบผลิตภัณฑ์", "product design"),
              "packaging": ("บรรจุภัณฑ์", "packaging"), "bookkeeping": ("การทำบัญชี", "bookkeeping")},
    # --- the network's committee, admin spending (the page's words) ---
    "admin_purpose": {code: (t(f"spend_{code}", "th"), t(f"spend_{code}", "en").lower())
                      for code in ("meetings", "bookkeeping", "travel", "materials", "other")},
    "committee_role": {code: (t(f"role_{code}", "th"), t(f"role_{code}", "en").lower())
                       for code in ("chair", "vice_chair", "secretary", "treasurer", "member")},
    # --- income surveys ---
    "survey_kind": {"baseline": ("ก่อนเข้าร่วม", "baseline"), "follow_up": ("ติดตามผล", "follow-up")},
    # --- partner coordination (the Partners page's words) ---
    "pledge_kind": {code: (t(f"pledge_kind_{code}", "th"), t(f"pledge_kind_{code}", "en").lower())
                    for code in ("cash", "in_kind", "training", "event", "other")},
    "action_owner": {"partner": ("ภาคี", "partner"), "committee": (t("owner_committee", "th"), "committee")},
    "action_status": {code: (t(f"action_{code}", "th"), t(f"action_{code}", "en").lower())
                      for code in ("open", "done", "dropped")},
    "problem_status": {code: (t(f"problem_{code}", "th"), t(f"problem_{code}", "en").lower())
                       for code in ("open", "resolved")},
}

# Words earlier templates offered, still read: a workbook filled in with them keeps loading.
EARLIER_WORDS: dict[str, dict[str, str]] = {
    "kind": {"ไม่ใช่เงินสด": "in_kind"},
    "indicator": {"ครัวเรือนที่ได้รับการอบรม": "households_trained", "ยอดขาย": "sales",
                  "รายได้": "income", "กลุ่มที่ครบ ๕ ก.": "groups_5k"},
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
    newer: bool = False      # added after the first template: its absence is said when loading

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
    optional: bool = False   # a sheet newer than the first template: a workbook may lack it
    absent_note: str = ""    # an i18n key said on its own when the workbook lacks this sheet

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _c(key, th, en, kind="text", **kw) -> Column:
    return Column(key, th, en, kind, **kw)


BAHT = dict(kind="number", minimum=0)
DAYS = dict(kind="number", minimum=0, maximum=366)
LAT = dict(kind="number", required=False, minimum=LAT_RANGE[0], maximum=LAT_RANGE[1])
LON = dict(kind="number", required=False, minimum=LON_RANGE[0], maximum=LON_RANGE[1])
# A month's income above a million baht from a community occupation is a typo (a digit too many).
INCOME = dict(kind="number", minimum=0, maximum=1_000_000)

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
    # --- income surveys ---
    Sheet("income_survey", "สำรวจรายได้", "Income surveys of households: a code only, never a name", (
        _c("household_code", "รหัสครัวเรือน", "household", "code", ref="household"),
        _c("surveyed", "วันที่สำรวจ", "survey date", "date"),
        _c("kind", "ประเภทการสำรวจ", "baseline (before joining) or follow-up", "choice",
           choices="survey_kind"),
        _c("occupation_income_baht", "รายได้จากอาชีพของกลุ่ม (บาท/เดือน)",
           "monthly income from the group's occupation, baht", **INCOME),
        _c("household_income_baht", "รายได้ทั้งหมดของครัวเรือน (บาท/เดือน)",
           "the household's total monthly income, baht (where asked)", **{**INCOME, "required": False})),
        ("household_code", "surveyed"), optional=True, absent_note="note_no_income_survey"),
    Sheet("milestone", "5 ก.", "The 5 K reached by a group or network", (
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
    Sheet("fund_entry", "บัญชีกองทุน", "A group's or a network's fund: its ledger", (
        _c("id", "เลขที่", "a number, unique in this sheet", "int", minimum=1),
        _c("date", "วันที่", "date", "date"),
        _c("group_code", "รหัสกลุ่ม", "a group's fund (or a network's, not both)", "code",
           required=False, ref="occupation_group"),
        _c("bucket", "บัญชี", "administration (30%) or revolving (70%)", "choice", choices="bucket"),
        _c("entry", "รายการ", "what happened", "choice", choices="entry"),
        _c("amount_baht", "จำนวนเงิน (บาท)", "amount in baht", **BAHT),
        _c("contribution_id", "เลขที่การสนับสนุน", "the contribution paid in (if any)", "int",
           required=False, ref="contribution"),
        # Older workbooks have none of these three (every entry a group's).
        _c("network_code", "รหัสเครือข่าย", "a network's fund (or a group's, not both)", "code",
           required=False, ref="network", newer=True),
        _c("purpose", "ใช้จ่ายเพื่อ", "what administration money paid for (entry spent)", "choice",
           required=False, choices="admin_purpose", newer=True),
        _c("to_group_code", "ส่งต่อให้กลุ่ม", "the group a network passed money on to (entry passed on)",
           "code", required=False, ref="occupation_group", newer=True)), ("id",)),
    Sheet("plan_target", "แผน 3 ขั้น", "The three-step plan's targets", (
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
# --- the network's committee, matching schemes and the loan register (optional sheets: a workbook
# made before them loads without them, their absence said once in the load report) ---
SHEETS += (
    Sheet("committee_seat", "กรรมการเครือข่าย", "The network committee's seats by role, no names", (
        _c("network_code", "รหัสเครือข่าย", "network", "code", ref="network"),
        _c("role", "ตำแหน่ง", "role", "choice", choices="committee_role"),
        _c("seats", "จำนวน (คน)", "how many seats of this role", "int", minimum=1, maximum=1000)),
        ("network_code", "role"), optional=True),
    Sheet("matching_scheme", "การสมทบทุน", "Matching schemes: who matches members' money, at what ratio", (
        _c("code", "รหัส", "a short code you choose", "code"),
        _c("name_th", "ชื่อ (ไทย)", "name in Thai"),
        _c("name_en", "ชื่อ (อังกฤษ)", "name in English"),
        _c("ratio", "ภาคีสมทบกี่เท่า", "the partners' part for each baht members raise (1 = 1:1)",
           "number", minimum=0.01, maximum=100)), ("code",), optional=True),
    Sheet("scheme_partner", "ภาคีที่สมทบทุน", "The partners of each matching scheme", (
        _c("scheme_code", "รหัสการสมทบทุน", "matching scheme", "code", ref="matching_scheme"),
        _c("partner_code", "รหัสภาคี", "partner", "code", ref="partner")),
        ("scheme_code", "partner_code"), optional=True),
    Sheet("scheme_member", "สมาชิกการสมทบทุน", "Which groups and networks are in a matching scheme, since when", (
        _c("scheme_code", "รหัสการสมทบทุน", "matching scheme", "code", ref="matching_scheme"),
        _c("network_code", "รหัสเครือข่าย", "a network (or a group, not both)", "code", required=False,
           ref="network"),
        _c("group_code", "รหัสกลุ่ม", "a group (or a network, not both)", "code", required=False,
           ref="occupation_group"),
        _c("since", "เข้าร่วมตั้งแต่", "in the scheme since", "date")), optional=True),
    Sheet("loan", "ทะเบียนเงินกู้", "The loan register: a household code, never a name", (
        _c("code", "เลขที่สัญญา", "a loan number you choose", "code"),
        _c("network_code", "กองทุนของเครือข่าย", "lent by a network's fund (or a group's, not both)",
           "code", required=False, ref="network"),
        _c("group_code", "กองทุนของกลุ่ม", "lent by a group's fund (or a network's, not both)", "code",
           required=False, ref="occupation_group"),
        _c("household_code", "รหัสครัวเรือนผู้กู้", "the borrowing household's code, never a name",
           "code", ref="household"),
        _c("amount_baht", "จำนวนเงินกู้ (บาท)", "amount lent in baht", **BAHT),
        _c("lent", "วันที่กู้", "lent on", "date"),
        _c("due", "วันครบกำหนดชำระ", "due on", "date", future_ok=True),
        _c("interest_pct", "ดอกเบี้ยต่อปี (%)", "yearly interest in per cent", "number", minimum=0,
           maximum=100)), ("code",), optional=True),
    Sheet("loan_repayment", "การชำระคืนเงินกู้", "Repayments of a loan", (
        _c("id", "เลขที่", "a number, unique in this sheet", "int", minimum=1),
        _c("loan_code", "เลขที่สัญญา", "the loan", "code", ref="loan"),
        _c("date", "วันที่ชำระ", "paid on", "date"),
        _c("principal_baht", "เงินต้น (บาท)", "principal repaid in baht", **BAHT),
        _c("interest_baht", "ดอกเบี้ย (บาท)", "interest paid in baht", **{**BAHT, "required": False}),
        _c("written_off_baht", "ตัดเป็นหนี้สูญ (บาท)", "written off as lost, in baht",
           **{**BAHT, "required": False})), ("id",), optional=True),
)
# --- partner coordination: what partners promised, and what their meetings decided, asked and
# heard (optional sheets: a workbook made before them loads, and the load says what is not
# recorded) ---
SHEETS += (
    Sheet("pledge", "คำมั่นของภาคี", "What a partner promised a network for a step of the plan", (
        _c("id", "เลขที่", "a number, unique in this sheet", "int", minimum=1),
        _c("partner_code", "รหัสภาคี", "the partner who promised", "code", ref="partner"),
        _c("network_code", "รหัสเครือข่าย", "the network it is promised to", "code", ref="network"),
        _c("step", "ขั้นของแผน", "quarter, 1 year or 3 years", "choice", choices="step"),
        _c("kind", "ประเภท", "cash, in kind, training, event or other", "choice", choices="pledge_kind"),
        _c("what_th", "สิ่งที่ให้คำมั่น (ไทย)", "what was promised, in Thai"),
        _c("what_en", "สิ่งที่ให้คำมั่น (อังกฤษ)", "what was promised, in English (empty: the Thai is shown)",
           required=False),
        _c("amount", "จำนวน", "baht for cash and in kind; how many for a training, an event or other",
           "number", maximum=1_000_000_000),
        _c("made", "วันที่ให้คำมั่น", "the day it was promised", "date"),
        _c("due", "วันครบกำหนด", "due by", "date", future_ok=True),
        _c("delivered_by_hand", "ส่งมอบแล้ว (กรอกเอง)",
           "delivered so far, where the records cannot show it (replaces what is matched)",
           "number", required=False, minimum=0, maximum=1_000_000_000)),
        ("id",), optional=True, absent_note="note_no_pledge"),
    Sheet("meeting", "การประชุมภาคี", "Partners' meetings of a network", (
        _c("code", "รหัสการประชุม", "a short code you choose, e.g. M2569-1", "code"),
        _c("date", "วันที่ประชุม", "date", "date"),
        _c("place_th", "สถานที่ (ไทย)", "place in Thai"),
        _c("place_en", "สถานที่ (อังกฤษ)", "place in English"),
        _c("network_code", "รหัสเครือข่าย", "the network", "code", ref="network")),
        ("code",), optional=True, absent_note="note_no_meeting"),
    Sheet("decision", "มติที่ประชุม", "What a meeting decided", (
        _c("meeting_code", "รหัสการประชุม", "the meeting", "code", ref="meeting"),
        _c("seq", "ลำดับ", "its number in the minutes", "int", minimum=1, maximum=1000),
        _c("text_th", "มติ (ไทย)", "the decision in Thai"),
        _c("text_en", "มติ (อังกฤษ)", "the decision in English (empty: the Thai is shown)",
           required=False)), ("meeting_code", "seq"), optional=True, absent_note="note_no_decision"),
    Sheet("action", "งานที่มอบหมาย", "What a meeting asked a partner or the network committee to do", (
        _c("id", "เลขที่", "a number, unique in this sheet", "int", minimum=1),
        _c("meeting_code", "รหัสการประชุม", "the meeting that asked", "code", ref="meeting"),
        _c("text_th", "งาน (ไทย)", "what is to be done, in Thai"),
        _c("text_en", "งาน (อังกฤษ)", "what is to be done, in English (empty: the Thai is shown)",
           required=False),
        _c("owner_kind", "ผู้รับผิดชอบ", "a partner or the network committee (never a person)", "choice",
           choices="action_owner"),
        _c("partner_code", "รหัสภาคี", "the partner (when a partner is responsible)", "code",
           required=False, ref="partner"),
        _c("due", "วันครบกำหนด", "due by", "date", future_ok=True),
        _c("status", "สถานะ", "in progress, done or dropped", "choice", choices="action_status"),
        _c("done_on", "วันที่เสร็จ", "the day it was done (only when done)", "date", required=False)),
        ("id",), optional=True, absent_note="note_no_action"),
    Sheet("problem", "ปัญหาและอุปสรรค", "Problems and obstacles raised at a meeting, and what is done about them", (
        _c("id", "เลขที่", "a number, unique in this sheet", "int", minimum=1),
        _c("meeting_code", "รหัสการประชุม", "the meeting it was raised at", "code", ref="meeting"),
        _c("text_th", "ปัญหา (ไทย)", "the problem in Thai"),
        _c("text_en", "ปัญหา (อังกฤษ)", "the problem in English (empty: the Thai is shown)", required=False),
        _c("response_th", "แนวทางแก้ไข (ไทย)", "what is being done about it, in Thai"),
        _c("response_en", "แนวทางแก้ไข (อังกฤษ)", "what is being done about it, in English", required=False),
        _c("status", "สถานะ", "still open or resolved", "choice", choices="problem_status")),
        ("id",), optional=True, absent_note="note_no_problem"),
)
SHEET = {s.name: s for s in SHEETS}
# Sheets with one household's own figures: never in what a viewer downloads.
PER_HOUSEHOLD = ("income_survey",)
# The income rules' figures, for the instructions and the checks.
INCOME_TERMS = {"days": domain.BASELINE_MAX_DAYS_BEFORE_JOINING, "n": domain.INCOME_MIN_HOUSEHOLDS}
INSTRUCTIONS = "คำแนะนำ"
LISTS = "lists"


def choice_label(choices: str, code: str) -> str:
    """What a drop-down shows for a fixed value: "Thai / code"."""
    return f"{CHOICES[choices][code][0]} / {code}"
