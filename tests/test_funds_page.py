"""The Funds page (AppTest): its figures equal plain SQL on the raw tables."""

import pytest

from tests.conftest import run_app
from tests.test_market_page import chart_rows


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _baht(value) -> str:
    return f"{value:,.0f} บาท"


@pytest.fixture(scope="module")
def funds_page(sample_db):
    # Module-scoped, so it runs before the autouse fixture that points SAMMA_DB at the sample.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SAMMA_DB", str(sample_db))
        return run_app("funds")


def test_cash_and_in_kind_apart_equal_plain_sql(funds_page, sql):
    assert not funds_page.exception
    cash, in_kind = sql("SELECT sum(amount_baht) FILTER (WHERE kind = 'cash'), "
                        "sum(amount_baht) FILTER (WHERE kind = 'in_kind') "
                        "FROM contribution WHERE partner_code IS NOT NULL")[0]
    shown = _metrics(funds_page)
    assert shown["เงินสด"] == _baht(cash)
    assert shown["ในรูปอื่น (มูลค่า)"] == _baht(in_kind)


def test_each_partners_totals_equal_plain_sql(funds_page, sql):
    table = funds_page.dataframe[0].value
    expected = sql("""
        SELECT p.short_th,
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'cash'), 0),
               coalesce(sum(c.amount_baht) FILTER (WHERE c.kind = 'in_kind'), 0),
               coalesce(sum(c.days) FILTER (WHERE c.kind = 'in_kind'), 0)
        FROM partner p LEFT JOIN contribution c ON c.partner_code = p.code
        GROUP BY p.short_th, p.rowid ORDER BY p.rowid""")
    assert list(table.index) == [row[0] for row in expected]     # every partner, even at zero
    for name, cash, in_kind, days in expected:
        assert table.loc[name, "เงินสด (บาท)"] == float(cash), name
        assert table.loc[name, "ในรูปอื่น (มูลค่า บาท)"] == float(in_kind), name
        assert table.loc[name, "ในรูปอื่น (วัน)"] == float(days), name


def test_revolving_fund_now_equals_the_ledger(funds_page, sql):
    capital, floor, on_loan = sql("""
        SELECT sum(CASE WHEN entry IN ('paid_in', 'profit') THEN amount_baht
                        WHEN entry = 'loss' THEN -amount_baht ELSE 0 END),
               sum(amount_baht) FILTER (WHERE entry = 'paid_in'),
               sum(CASE WHEN entry = 'loan_out' THEN amount_baht
                        WHEN entry IN ('repayment', 'loss') THEN -amount_baht ELSE 0 END)
        FROM fund_entry WHERE bucket = 'revolving'""")[0]
    shown = _metrics(funds_page)
    assert shown["ทุนหมุนเวียนตอนนี้"] == _baht(capital)
    assert shown["เงินที่จ่ายเข้า (ขั้นต่ำ)"] == _baht(floor)
    assert shown["ให้สมาชิกกู้อยู่ตอนนี้"] == _baht(on_loan)
    assert any(_baht(capital - floor) in s.value and "ไม่สูญหาย" in s.value for s in funds_page.success)


def test_rules_are_said_in_words(funds_page, sql):
    grants = sql("SELECT count(*) FROM contribution WHERE partner_code IS NOT NULL "
                 "AND kind = 'cash' AND purpose IN ('grant', 'matching')")[0][0]
    matched = sql("SELECT count(DISTINCT group_code) FROM contribution WHERE purpose = 'matching'")[0][0]
    waiting, waiting_raised = sql("""
        SELECT count(DISTINCT group_code), sum(amount_baht) FROM contribution
        WHERE source = 'members' AND group_code NOT IN
              (SELECT group_code FROM contribution WHERE purpose = 'matching')""")[0]
    said = [s.value for s in funds_page.success] + [i.value for i in funds_page.info]
    assert f"{grants} จาก {grants} รายการเงินสนับสนุนกองทุน" in said[1]
    assert said[2].startswith(f"{matched} จาก {matched} กลุ่ม")
    assert said[3] == f"{waiting} กลุ่มยังไม่ได้รับเงินสมทบ (ถ้าสมทบ 1:1 ต้องใช้ {_baht(waiting_raised)})"
    assert not funds_page.error          # the sample keeps both rules


def test_funds_in_english_and_filtered_by_partner():
    at = run_app("funds", lang="en")
    assert not at.exception
    assert at.title[0].value == "Where the money came from, where it went, and the rules"
    assert _metrics(at)["Cash"].startswith("฿")
    at.session_state["view"] = "year"
    at.run()
    at.selectbox(key="partner").set_value("TCDC").run()
    assert not at.exception
    assert at.query_params["view"] == "year" and at.query_params["partner"] == "TCDC"


@pytest.mark.parametrize("partner", ["TTT", "TCDC"])     # cash and in kind; in kind only
def test_a_link_naming_a_partner_opens_its_support_by_fiscal_year(sql, partner):
    at = run_app("funds", partner=partner)
    assert not at.exception and not [w for w in at.warning if "ลิงก์" in w.value]
    assert at.session_state["view"] == "year" and at.selectbox(key="partner").value == partner
    cash, in_kind = sql("""SELECT coalesce(sum(amount_baht) FILTER (WHERE kind = 'cash'), 0),
        coalesce(sum(amount_baht) FILTER (WHERE kind = 'in_kind'), 0)
        FROM contribution WHERE source = 'partner' AND partner_code = ?""", [partner])[0]
    charts = [float(chart_rows(at, n)["amount_baht"].sum()) for n in range(2 if cash else 1)]
    assert [round(v, 2) for v in charts] == [round(float(v), 2) for v in (cash, in_kind) if v]
    assert ("ไม่มีรายการ" in [c.value for c in at.caption]) == (cash == 0)


def test_choosing_the_partner_view_takes_the_partner_out_of_the_link():
    at = run_app("funds", view="year", partner="CDD")
    assert at.query_params["partner"] == "CDD"
    at.session_state["view"] = "partner"
    at.run()
    assert "partner" not in at.query_params and "view" not in at.query_params


@pytest.mark.parametrize("params, unusable", [
    ({"partner": "NOBODY"}, ["partner"]), ({"view": "sideways"}, ["view"]),
    ({"view": "partner", "partner": "x"}, ["partner"])])
def test_bad_view_or_partner_in_a_link_gets_a_notice_and_the_default(params, unusable):
    at = run_app("funds", **params)
    assert not at.exception
    notices = " ".join(w.value for w in at.warning)
    assert [key for key in ("view", "partner") if f'"{key}"' in notices] == unusable
    assert "partner" not in at.query_params


def test_funds_page_lists_the_rule_breaches_the_load_found(sql):
    expected = [m for (m,) in sql("SELECT message_th FROM load_warning ORDER BY rule, group_code, contribution_id")]
    assert expected                                  # the sample records some (capital below floor)
    at = run_app("funds")
    shown = [list(d.value.iloc[:, 0]) for d in at.dataframe if d.value.columns[0] == "ข้อสังเกต"]
    assert shown == [expected]
