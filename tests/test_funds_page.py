"""The Funds page (AppTest): its figures equal plain SQL on the raw tables."""

import duckdb
import pytest

from tests.conftest import across, chart_rows, expected_capital_warnings, expected_overdue, run_app, whole_page


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _baht(value) -> str:
    return f"{value:,.0f} บาท"


@pytest.fixture(scope="module")
def funds_page(sample_db):
    # Module-scoped, so it runs before the autouse fixture that points SAMMA_DB at the sample.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SAMMA_DB", str(sample_db))
        return whole_page("funds")


def test_cash_and_in_kind_apart_equal_plain_sql(funds_page, sql):
    at = funds_page["support"]
    assert not at.exception
    cash, in_kind = sql("SELECT sum(amount_baht) FILTER (WHERE kind = 'cash'), "
                        "sum(amount_baht) FILTER (WHERE kind = 'in_kind') "
                        "FROM contribution WHERE partner_code IS NOT NULL")[0]
    shown = _metrics(at)
    assert shown["เงินสด"] == _baht(cash)
    assert shown["ไม่ใช่ตัวเงิน (มูลค่า)"] == _baht(in_kind)


def test_each_partners_totals_equal_plain_sql(funds_page, sql):
    table = funds_page["totals"].dataframe[0].value
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
        assert table.loc[name, "ไม่ใช่ตัวเงิน (มูลค่า บาท)"] == float(in_kind), name
        assert table.loc[name, "ไม่ใช่ตัวเงิน (วัน)"] == float(days), name


def test_revolving_fund_now_equals_the_ledger(funds_page, sql):
    # Every fund, groups' and the network's; what the network passed on to a group counts once.
    capital, floor, on_loan = sql("""
        SELECT sum(CASE WHEN entry IN ('paid_in', 'profit') THEN amount_baht
                        WHEN entry IN ('loss', 'passed_on') THEN -amount_baht ELSE 0 END),
               sum(amount_baht) FILTER (WHERE entry = 'paid_in')
                 - sum(amount_baht) FILTER (WHERE entry = 'passed_on'),
               sum(CASE WHEN entry = 'loan_out' THEN amount_baht
                        WHEN entry IN ('repayment', 'loss') THEN -amount_baht ELSE 0 END)
        FROM fund_entry WHERE bucket = 'revolving'""")[0]
    at = funds_page["revolving"]
    shown = _metrics(at)
    assert shown["ทุนหมุนเวียนตอนนี้"] == _baht(capital)
    assert shown["เงินที่จ่ายเข้า (ขั้นต่ำ)"] == _baht(floor)
    assert shown["ให้สมาชิกกู้อยู่ตอนนี้"] == _baht(on_loan)
    assert any(_baht(capital - floor) in s.value and "ไม่สูญหาย" in s.value for s in at.success)


def test_rules_are_said_in_words(funds_page, sql):
    grants = sql("SELECT count(*) FROM contribution WHERE partner_code IS NOT NULL "
                 "AND kind = 'cash' AND purpose IN ('grant', 'matching')")[0][0]
    matched = sql("SELECT count(DISTINCT group_code) FROM contribution WHERE purpose = 'matching'")[0][0]
    outside = sql("""SELECT count(*) FROM occupation_group WHERE formed IS NOT NULL
                     AND code NOT IN (SELECT group_code FROM scheme_member)""")[0][0]
    said = [s.value for s in across(funds_page, "success")] + [i.value for i in across(funds_page, "info")]
    assert f"{grants} จาก {grants} รายการเงินสนับสนุนกองทุน" in said[1]
    assert said[2].startswith(f"{matched} จาก {matched} กลุ่มหรือเครือข่ายที่อยู่ในการสมทบทุน")
    assert said[3] == f"{outside} กลุ่มไม่ได้อยู่ในการสมทบทุนใด เงื่อนไข 1:1 จึงไม่ใช้กับกลุ่มเหล่านี้"
    # The one error on the page is the loans overdue: the sample keeps both conditions.
    assert [e.value for e in across(funds_page, "error")] == [f"ค้างชำระ {o[0]} สัญญา รวม {_baht(o[1])} ใน 3 กองทุน"
                                                   for o in [expected_overdue(sql)]]


def test_funds_in_english_and_filtered_by_partner():
    at = run_app("funds", lang="en")
    assert not at.exception
    assert at.title[0].value == "Where the money came from, where it went, and the conditions"
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


def test_funds_page_lists_the_rule_breaches_the_load_found(funds_page, sql):
    expected = expected_capital_warnings(sql, "th")
    assert expected                                  # the sample records some (capital below floor)
    shown = [list(d.value.iloc[:, 0]) for d in across(funds_page, "dataframe") if d.value.columns[0] == "ข้อสังเกต"]
    assert shown == [expected]


# --- breaches, and more of them than a table shows (the sample keeps every rule) ----------------

SHOWN = 200          # rows a rule table shows; beyond that the page says how many it left out
GRANT = "source = 'partner' AND kind = 'cash' AND purpose IN ('grant', 'matching')"


@pytest.fixture
def edited(edited_pilot, monkeypatch):
    """The pilot with off-split grants (tests/conftest.py), and plain SQL on it."""
    monkeypatch.setenv("SAMMA_DB", str(edited_pilot))
    con = duckdb.connect(str(edited_pilot), read_only=True)
    yield lambda text: con.execute(text).fetchall()
    con.close()


def _tables(page: dict, column: str) -> list:
    return [d.value for d in across(page, "dataframe") if column in d.value.columns]


def _left_out(page: dict) -> list[str]:
    return [c.value for c in across(page, "caption") if c.value.startswith("The first")]


def test_split_breaches_are_listed_largest_gap_first(edited):
    # Each grant's admin part against 30% of it; a baht either way is rounding, not a breach.
    grants = [(float(amount), float(admin), float(admin) - 0.3 * float(amount)) for amount, admin in edited(f"""
        SELECT c.amount_baht, coalesce(sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin'), 0)
        FROM (SELECT * FROM contribution WHERE {GRANT}) c
        LEFT JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in'
        GROUP BY c.id, c.amount_baht""")]
    breaches = [g for g in grants if abs(g[2]) > 1]
    assert len(breaches) > SHOWN
    at = whole_page("funds", "en")
    assert f"{len(breaches)} grants break the 70/30 condition:" in [e.value for e in across(at, "error")]
    shown, every = _tables(at, "Grant (baht)")
    largest = sorted(breaches, key=lambda g: abs(g[2]), reverse=True)[:SHOWN]
    assert [(g, round(a, 2), round(d, 2)) for g, a, d in zip(
        shown["Grant (baht)"], shown["Administration (baht)"], shown["Gap (baht)"])] == [
        (g, round(a, 2), round(d, 2)) for g, a, d in largest]
    assert set(shown["Verdict"]) == {"over the condition", "short"}
    assert len(every) == SHOWN
    warnings = edited("SELECT count(*) FROM load_warning")[0][0]
    # 70/30's breaches and every grant (its section), then the load's warnings (theirs).
    assert _left_out(at) == [f"The first 200 of {len(breaches)} rows", f"The first 200 of {len(grants)} rows",
                             f"The first 200 of {warnings} rows"]


def test_match_breaches_are_listed_with_what_was_raised_and_matched(edited):
    # The scheme's ratio, for its member groups only, from the day each joined: the partners'
    # grants since then against what its members raised from joining up to the first of them.
    groups = edited(f"""
        WITH member AS (SELECT m.group_code, m.since, s.ratio FROM scheme_member m
                        JOIN matching_scheme s ON s.code = m.scheme_code WHERE m.group_code IS NOT NULL),
        granted AS (SELECT m.group_code, min(c.date) AS first, sum(c.amount_baht) AS matched
                    FROM (SELECT * FROM contribution WHERE {GRANT}) c
                    JOIN member m ON m.group_code = c.group_code AND c.date >= m.since GROUP BY 1)
        SELECT g.name_en, sum(c.amount_baht), any_value(granted.matched), any_value(member.ratio)
        FROM contribution c JOIN granted USING (group_code) JOIN member USING (group_code)
        JOIN occupation_group g ON g.code = c.group_code
        WHERE c.source = 'members' AND c.date >= member.since AND c.date <= granted.first
        GROUP BY g.name_en""")
    breaches = {name: (float(raised), float(matched)) for name, raised, matched, ratio in groups
                if abs(float(matched) - float(ratio) * float(raised)) > 1}
    assert breaches
    at = whole_page("funds", "en")
    assert (f"{len(breaches)} groups or networks in a matching scheme got a match that is not at the "
            "scheme's ratio:"
            in [e.value for e in across(at, "error")])
    shown = _tables(at, "Partners matched (baht)")[0].set_index("Group")
    assert {name: (row["Members raised (baht)"], row["Partners matched (baht)"])
            for name, row in shown.iterrows()} == breaches
    assert (shown["Gap (baht)"] == shown["Partners matched (baht)"] - shown["Members raised (baht)"]).all()


def test_load_warnings_past_200_say_how_many_on_funds_and_data(edited):
    # In the source's order: every grant off 70/30 (by group, then contribution), then every group
    # whose capital fell below what was paid in; the edited pilot matches no group above 1:1.
    split = [f"{group}: of contribution {cid} (฿{amount:,.0f}), ฿{admin:,.0f} went to administration "
             f"(the 70/30 condition says ฿{float(amount) * 0.3:,.0f})" for group, cid, amount, admin in edited("""
        SELECT g.name_en, c.id, c.amount_baht, sum(f.amount_baht) FILTER (WHERE f.bucket = 'admin') AS admin
        FROM contribution c JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in'
        JOIN occupation_group g ON g.code = f.group_code
        WHERE c.kind = 'cash' AND c.purpose IN ('grant', 'matching')
        GROUP BY g.code, g.name_en, c.id, c.amount_baht HAVING abs(admin - c.amount_baht * 0.3) > 1
        ORDER BY g.code, c.id""")]
    expected = split + expected_capital_warnings(edited, "en")
    assert len(split) > SHOWN
    for page in ("funds", "data"):
        at = whole_page(page, "en")             # the Data page, not on the agenda, has no sections
        assert [list(t["Warning"]) for t in _tables(at, "Warning")] == [expected[:SHOWN]]
        assert f"The first 200 of {len(expected)} rows" in _left_out(at)
