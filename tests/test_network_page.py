"""The Network page and the Funds page's loan health (AppTest) on the Saraphi sample: every figure
equal to plain SQL on the base tables. Only the open tab's section runs, so each page is opened
once on each of its sections."""

import re

import pytest

from tests.conftest import ROOT, chart_rows, expected_overdue, run_app, whole_page

NETWORK = "N501910"
K_TH = {"committee": "กรรมการ", "members": "กลุ่มสมาชิก", "rules": "กฎระเบียบ", "fund": "กองทุน",
        "activities": "กิจกรรม"}
ROLE_TH = {"chair": "ประธาน", "vice_chair": "รองประธาน", "secretary": "เลขานุการ",
           "treasurer": "เหรัญญิก", "member": "กรรมการ"}
THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
               "พ.ย.", "ธ.ค.")


def _baht(value) -> str:
    return f"{value:,.0f} บาท" if value >= 0 else f"−{-value:,.0f} บาท"


def _every_section(page: str, sample_db) -> dict:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SAMMA_DB", str(sample_db))
        return whole_page(page)


@pytest.fixture(scope="module")
def network_page(sample_db):
    """The Network page on each of its sections, by section name."""
    return _every_section("network", sample_db)


@pytest.fixture(scope="module")
def funds_page(sample_db):
    """The Funds page on each of its sections, by section name."""
    return _every_section("funds", sample_db)


def test_the_networks_5k_committee_and_fund_equal_plain_sql(network_page, sql):
    shown = [(m.label, m.value) for at in network_page.values() for m in at.metric]
    ks = sql("""SELECT m.k, m.reached FROM milestone m
                WHERE m.owner_kind = 'network' AND m.owner_code = ?
                ORDER BY list_position(['committee', 'members', 'rules', 'fund', 'activities'], m.k)""",
             [NETWORK])
    expected = [(K_TH[k], f"{d.day} {THAI_MONTHS[d.month - 1]} {d.year + 543}") for k, d in ks]
    seats = sql("SELECT role, seats FROM committee_seat WHERE network_code = ?", [NETWORK])
    order = list(ROLE_TH)
    expected += [(ROLE_TH[r], f"{n} คน") for r, n in sorted(seats, key=lambda s: order.index(s[0]))]
    paid_in, passed_on, profit, loss, lent, repaid, admin_in, spent = sql("""
        SELECT sum(amount_baht) FILTER (WHERE bucket = 'revolving' AND entry = 'paid_in'),
               sum(amount_baht) FILTER (WHERE entry = 'passed_on'),
               sum(amount_baht) FILTER (WHERE entry = 'profit'),
               coalesce(sum(amount_baht) FILTER (WHERE entry = 'loss'), 0),
               sum(amount_baht) FILTER (WHERE entry = 'loan_out'),
               sum(amount_baht) FILTER (WHERE entry = 'repayment'),
               sum(amount_baht) FILTER (WHERE bucket = 'admin' AND entry = 'paid_in'),
               sum(amount_baht) FILTER (WHERE entry = 'spent')
        FROM fund_entry WHERE network_code = ?""", [NETWORK])[0]
    expected += [("เงินเข้า", _baht(paid_in)), ("ส่งต่อให้กลุ่ม", _baht(passed_on)),
                 ("ทุนหมุนเวียนตอนนี้", _baht(paid_in - passed_on + profit - loss)),
                 ("ให้กู้อยู่", _baht(lent - repaid - loss)),
                 ("ได้รับ", _baht(admin_in)), ("ใช้ไป", _baht(spent)), ("คงเหลือ", _baht(admin_in - spent))]
    assert shown == expected
    assert sum(n for _, n in seats) == 13 and 0 < spent < admin_in
    assert [s.value for at in network_page.values() for s in at.success][0] == (
        "ครบ 5 ก. แล้ว ถือว่าจัดตั้งเครือข่ายสมบูรณ์")
    assert not any(at.error for at in network_page.values())


def test_what_the_admin_money_paid_for_and_what_was_passed_on(network_page, sql):
    spent = dict(sql("SELECT purpose, sum(amount_baht) FROM fund_entry WHERE network_code = ? "
                     "AND entry = 'spent' GROUP BY 1", [NETWORK]))
    names = {"meetings": "ค่าประชุม", "bookkeeping": "ค่าทำบัญชี", "travel": "ค่าเดินทาง",
             "materials": "ค่าวัสดุ", "other": "อื่น ๆ"}
    drawn = chart_rows(network_page["spending"], 0).set_index("label")["value"].to_dict()
    assert drawn == {names[p]: float(v) for p, v in spent.items()}
    passed = sql("""SELECT g.name_th, sum(f.amount_baht) FROM fund_entry f
                    JOIN occupation_group g ON g.code = f.to_group_code
                    WHERE f.network_code = ? AND f.entry = 'passed_on' GROUP BY 1 ORDER BY 1""", [NETWORK])
    table = network_page["passed_on"].dataframe[-1].value
    assert sorted(zip(table["กลุ่ม"], table["จำนวนเงิน (บาท)"])) == [(n, float(v)) for n, v in passed]
    # A network's page names groups, counts the committee: no household, no person.
    text = " ".join(str(e.value) for at in network_page.values() for e in (*at.caption, *at.markdown))
    assert "HH-" not in text and "HH-" not in table.to_string()


def test_the_network_page_in_english_with_one_network_has_no_picker():
    at = run_app("network", lang="en")
    assert not at.exception
    assert at.title[0].value == "The subdistrict livelihood network: its 5 K, fund and committee"
    assert at.header[0].value == "Tha Wang Tan Livelihood Network"
    # One network: no table of networks (above the sections; the first, its 5 K, has none).
    assert not at.selectbox and not at.dataframe


def test_the_network_page_comes_right_after_the_overview():
    pages = re.findall(r'st\.Page\("views/([a-z]+)\.py".*?url_path="([a-z]+)"',
                       (ROOT / "app.py").read_text(encoding="utf-8"), re.S)
    assert pages[:2] == [("overview", "overview"), ("network", "network")]


def test_loan_health_on_the_funds_page_equals_plain_sql(funds_page, sql):
    shown = {m.label: m.value for m in funds_page["loans"].metric}
    borrowers = sql("SELECT count(DISTINCT household_code) FROM loan")[0][0]
    overdue, overdue_baht = expected_overdue(sql)
    repaid, losses = sql("SELECT sum(amount_baht) FILTER (WHERE entry = 'repayment'), "
                         "sum(amount_baht) FILTER (WHERE entry = 'loss') FROM fund_entry "
                         "WHERE bucket = 'revolving'")[0]
    fell_due, came_back = sql("""
        SELECT sum(l.amount_baht), sum(coalesce(r.principal, 0)) FROM loan l
        LEFT JOIN (SELECT loan_code, sum(principal_baht) AS principal FROM loan_repayment GROUP BY 1) r
               ON r.loan_code = l.code
        WHERE l.due < (SELECT as_of FROM dataset)""")[0]
    assert shown["ครัวเรือนผู้กู้"] == f"{borrowers:,}"
    assert shown["ค้างชำระ"] == f"{overdue} สัญญา · {_baht(overdue_baht)}"
    assert shown["รับชำระเงินต้นคืนแล้ว"] == _baht(repaid)
    assert shown["หนี้สูญ"] == _baht(losses)
    assert shown["อัตราการชำระคืน"] == f"{float(came_back) / float(fell_due):.1%}"
    funds_overdue = sql("""SELECT count(DISTINCT coalesce(group_code, network_code)) FROM loan l
        WHERE l.code IN (SELECT code FROM loan_status WHERE overdue)""")[0][0]
    assert [e.value for at in funds_page.values() for e in at.error] == [
        f"ค้างชำระ {overdue} สัญญา รวม {_baht(overdue_baht)} ใน {funds_overdue} กองทุน"]
    table = next(d.value for d in funds_page["overdue"].dataframe if "กองทุนของ" in d.value.columns)
    assert table["ค้างชำระ (บาท)"].sum() == float(overdue_baht)
    assert list(table["ค้างชำระ (บาท)"]) == sorted(table["ค้างชำระ (บาท)"], reverse=True)
    assert "เครือข่ายสัมมาชีพตำบลท่าวังตาล" in set(table["กองทุนของ"])


def test_the_funds_page_checks_1_to_1_for_the_schemes_members_only(funds_page, sql):
    members = sql("SELECT count(*) FROM scheme_member")[0][0]
    outside = sql("""SELECT count(*) FROM occupation_group WHERE formed IS NOT NULL
                     AND code NOT IN (SELECT group_code FROM scheme_member)""")[0][0]
    said = [n.value for at in funds_page.values() for n in (*at.success, *at.info)]
    assert (f"{members} จาก {members} กลุ่มหรือเครือข่ายที่อยู่ในการสมทบทุน ได้รับเงินสมทบครบตามสัดส่วน "
            "เมื่อเทียบกับเงินที่สมาชิกระดมเอง") in said
    assert f"{outside} กลุ่มไม่ได้อยู่ในการสมทบทุนใด เงื่อนไข 1:1 จึงไม่ใช้กับกลุ่มเหล่านี้" in said
    # The old message named a baht figure for groups the condition is not theirs: gone.
    assert not any("1,023,750" in s or "ต้องใช้" in s for s in said)
