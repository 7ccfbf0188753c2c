"""The pages' questions, answered from the load-time tables (samma/derived/), against the same questions
asked of the base tables in plain SQL, on a small synthetic network over three provinces: the
totals a page shows do not depend on which table it reads."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from samma import db, handout, queries, sample
from tests.conftest import across, chart_rows, open_page, run_app, whole_page

PROVINCES = ("50", "51", "96")


@pytest.fixture(scope="module")
def three_provinces(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale-pages") / "three-provinces.duckdb"
    sample.build(path, villages=400, provinces=PROVINCES)
    return path


@pytest.fixture
def base(three_provinces, monkeypatch):
    """Plain SQL on the network's base tables; the queries under test read the same file."""
    monkeypatch.setenv("SAMMA_DB", str(three_provinces))
    with db._readers_lock:
        db._readers.clear()
    con = duckdb.connect(str(three_provinces), read_only=True)

    def query(text: str, params=()):
        return con.execute(text, list(params)).fetchall()

    yield query
    con.close()


def close(a, b) -> bool:
    return abs(float(a) - float(b)) < 0.005


@pytest.mark.parametrize("prefix", ["", "50", "96"])
def test_funnel_counts_target_villages_households_and_groups(base, prefix):
    funnel = queries.formation_funnel(prefix).set_index("step")["value"]
    villages, households = base("""SELECT count(*), (SELECT count(*) FROM household h JOIN village v
        ON v.code = h.village_code WHERE v.is_target AND v.code LIKE ? || '%')
        FROM village WHERE is_target AND code LIKE ? || '%'""", [prefix, prefix])[0]
    formed, sold = base("""SELECT count(*), count(*) FILTER (WHERE g.code IN (
            SELECT p.group_code FROM sale s JOIN product p ON p.code = s.product_code))
        FROM occupation_group g JOIN village v ON v.code = g.village_code
        WHERE g.formed IS NOT NULL AND v.is_target AND v.code LIKE ? || '%'""", [prefix])[0]
    assert (funnel["target_villages"], funnel["households"]) == (villages, households)
    assert (funnel["groups_formed"], funnel["groups_sold"]) == (formed, sold)
    assert villages > 0 and formed > 0


def test_formation_progress_ends_at_every_household_of_the_planned_subdistricts(base):
    actual, _ = queries.formation_progress("")
    last = actual.sort_values("month").groupby("indicator").value.last()
    expected = base("""SELECT count(*) FROM household
        WHERE left(village_code, 6) IN (SELECT area_code FROM plan_target WHERE length(area_code) = 6)""")
    assert last["households_trained"] == expected[0][0] > 0


def test_funds_totals_are_the_ledgers(base):
    support = queries.support_by_partner_year_purpose()
    for kind in ("cash", "in_kind"):
        assert close(support[support.kind == kind].amount_baht.sum(), base(
            "SELECT sum(amount_baht) FROM contribution WHERE source = 'partner' AND kind = ?", [kind])[0][0])
    flows = queries.cash_flows()
    cash = base("""SELECT sum(coalesce(f.amount_baht, c.amount_baht)) FROM contribution c
        LEFT JOIN fund_entry f ON f.contribution_id = c.id AND f.entry = 'paid_in' WHERE c.kind = 'cash'""")
    assert close(flows.amount_baht.sum(), cash[0][0])
    months = queries.revolving_fund_by_month()
    # Money a network passed on to a group is counted once, as the group's.
    capital = base("""SELECT sum(amount_baht) FILTER (WHERE entry IN ('paid_in', 'profit'))
        - coalesce(sum(amount_baht) FILTER (WHERE entry IN ('loss', 'passed_on')), 0)
        FROM fund_entry WHERE bucket = 'revolving'""")
    assert close(months.capital.iloc[-1], capital[0][0])
    assert len(queries.grant_split_checks()) == base("""SELECT count(*) FROM contribution
        WHERE source = 'partner' AND kind = 'cash' AND purpose IN ('grant', 'matching')""")[0][0]
    # The 1:1 check: the members of a matching scheme (the pilot groups), no other group.
    assert len(queries.scheme_match_checks()) == base("SELECT count(*) FROM scheme_member")[0][0] > 0
    assert queries.outside_schemes()[1] == base("""SELECT count(*) FROM occupation_group
        WHERE formed IS NOT NULL AND code NOT IN (SELECT group_code FROM scheme_member)""")[0][0]


def test_market_figures_are_the_sales(base):
    total, rows = base("SELECT sum(amount_baht), count(*) FROM sale")[0]
    events = queries.market_events()
    assert close(events.sales_baht.sum(), total) and events.products.sum() == rows
    by_group = queries.sales_by_group()
    assert close(by_group.sales_baht.sum(), total)
    assert len(by_group) == base("""SELECT count(DISTINCT p.group_code) FROM sale s
        JOIN product p ON p.code = s.product_code""")[0][0]
    assert close(queries.sales_by_village().sales_baht.sum(), total)
    assert close(queries.sales_by_product().sales_baht.sum(), total)
    best = queries.best_sellers(1).iloc[0]
    top = base("""SELECT product_code, sum(amount_baht) FROM sale GROUP BY 1
        ORDER BY 2 DESC, 1 LIMIT 1""")[0]
    assert (best.code, round(best.sales_baht, 2)) == (top[0], round(float(top[1]), 2))


def test_plan_indicators_are_the_base_tables_on_the_day(base):
    day, since = dt.date(2026, 6, 30), dt.date(2025, 10, 1)
    got = queries.plan_figures(since, day, day).set_index("indicator")["now"]
    planned = """(SELECT code FROM village WHERE subdistrict_code IN (
                    SELECT area_code FROM plan_target WHERE length(area_code) = 6))"""
    households = base(f"SELECT count(*) FROM household WHERE joined <= ? AND village_code IN {planned}",
                      [day])[0][0]
    sales = base(f"""SELECT sum(s.amount_baht) FROM sale s JOIN market_event e ON e.code = s.event_code
        JOIN product p ON p.code = s.product_code JOIN occupation_group g ON g.code = p.group_code
        WHERE e.date BETWEEN ? AND ? AND g.village_code IN {planned}""", [since, day])[0][0]
    five_k = base(f"""SELECT count(*) FROM occupation_group g WHERE g.formed <= ?
        AND g.village_code IN {planned}
        AND (SELECT count(*) FROM milestone m WHERE m.owner_kind = 'group' AND m.owner_code = g.code
             AND m.reached <= ?) = 5""", [day, day])[0][0]
    assert got["households_trained"] == households > 0
    assert close(got["sales"], sales or 0)
    assert got["groups_5k"] == five_k
    plan_villages = """(SELECT code FROM village WHERE subdistrict_code IN (SELECT area_code FROM plan_target)
                        OR code IN (SELECT area_code FROM plan_target))"""
    readiness = queries.village_readiness()
    assert readiness.events_sold.sum() == base(f"""SELECT count(*) FROM (SELECT DISTINCT g.village_code,
        s.event_code FROM sale s JOIN product p ON p.code = s.product_code
        JOIN occupation_group g ON g.code = p.group_code WHERE g.village_code IN {plan_villages})""")[0][0]


def test_plan_areas_and_villages_are_the_plan_villages_under_each_area(base):
    plan_villages = """SELECT code FROM village WHERE subdistrict_code IN (SELECT area_code FROM plan_target)
                       OR code IN (SELECT area_code FROM plan_target)"""
    provinces = [r[0] for r in base(f"SELECT DISTINCT left(code, 2) FROM ({plan_villages}) ORDER BY 1")]
    assert queries.plan_areas("", 2)["code"].tolist() == provinces and len(provinces) > 1
    for province in provinces:
        districts = [r[0] for r in base(f"""SELECT DISTINCT left(code, 4) FROM ({plan_villages})
            WHERE code LIKE ? || '%' ORDER BY 1""", [province])]
        assert queries.plan_areas(province, 4)["code"].tolist() == districts
    subdistrict = base(f"SELECT min(left(code, 6)) FROM ({plan_villages})")[0][0]
    assert queries.plan_villages(subdistrict)["code"].tolist() == [r[0] for r in base(
        f"SELECT code FROM ({plan_villages}) WHERE left(code, 6) = ? ORDER BY 1", [subdistrict])]
    assert queries.plan_areas("", 6)["name_th"].notna().all()


def test_plan_page_offers_areas_then_the_villages_of_one_subdistrict(base):
    at = open_page("plan", section="village")
    first = base("""SELECT min(code) FROM village WHERE subdistrict_code IN (SELECT area_code FROM plan_target)
                    OR code IN (SELECT area_code FROM plan_target)""")[0][0]
    assert at.selectbox(key="village").value == first
    provinces = at.selectbox(key="plan_province")
    assert provinces.options == [n for (n,) in base("""SELECT p.name_th FROM province p WHERE p.code IN (
        SELECT left(area_code, 2) FROM plan_target) ORDER BY p.code""")]
    in_subdistrict = base("""SELECT count(*) FROM village WHERE left(code, 6) = ?""", [first[:6]])[0][0]
    assert len(at.selectbox(key="village").options) == in_subdistrict
    # another province: its first plan village, and the areas above it follow
    other = base("SELECT max(left(area_code, 2)) FROM plan_target")[0][0]
    at.selectbox(key="plan_province").set_value(other).run()
    assert not at.exception
    village = at.selectbox(key="village").value
    assert village == base("""SELECT min(code) FROM village WHERE code LIKE ? || '%' AND (
        subdistrict_code IN (SELECT area_code FROM plan_target) OR code IN (SELECT area_code FROM plan_target))""",
                           [other])[0][0]
    assert at.query_params["village"] == village
    # a province whose plan covers two districts (one subdistrict each) offers the districts
    districts = base("SELECT count(DISTINCT left(area_code, 4)) FROM plan_target WHERE area_code LIKE ? || '%'",
                     [other])[0][0]
    assert districts == 2 and at.session_state["plan_district"] == village[:4]
    assert len(at.selectbox(key="plan_district").options) == districts
    assert not any(s.key == "plan_subdistrict" for s in at.selectbox)   # one per district


def test_a_shared_plan_link_opens_the_villages_province_and_subdistrict(base):
    village = base("""SELECT max(code) FROM village WHERE subdistrict_code IN (
        SELECT area_code FROM plan_target WHERE length(area_code) = 6)""")[0][0]
    at = open_page("plan", "en", section="village", village=village)
    assert all(w.icon != ":material/link_off:" for w in at.warning)
    assert at.selectbox(key="village").value == village
    assert at.session_state["plan_province"] == village[:2]
    assert at.session_state["plan_district"] == village[:4]


def test_the_live_what_if_start_fits_a_network_of_hundreds_of_villages(base):
    villages, sages, households = base("""SELECT count(DISTINCT h.village_code),
        (SELECT count(*) FROM sage WHERE village_code IN (SELECT village_code FROM household)), count(*)
        FROM household h""")[0]
    assert villages > 200                                 # past the slider's usual end
    at = run_app("whatif")
    at.toggle(key="whatif_live").set_value(True).run()
    assert not at.exception
    assert all(w.icon != ":material/link_off:" for w in at.warning)   # nothing clamped
    assert at.slider(key="whatif_villages").value == villages
    assert at.slider(key="whatif_households").value == round(households / villages)
    assert at.query_params["villages"] == str(villages)


def test_market_months_are_the_events_summed_by_month_and_organiser(base):
    months = queries.market_months()
    expected = base("""SELECT date_trunc('month', e.date)::DATE, e.organiser_code, count(DISTINCT e.code),
            count(DISTINCT e.district_code), coalesce(sum(s.amount_baht), 0)
        FROM market_event e LEFT JOIN sale s ON s.event_code = e.code
        GROUP BY 1, 2 ORDER BY 1, 2""")
    got = [(m.date(), o, int(n), int(d), round(v, 2)) for m, o, n, d, v in zip(
        months["month"], months["organiser_code"], months["events"], months["districts"], months["sales_baht"])]
    assert got == [(m, o, n, d, round(float(v), 2)) for m, o, n, d, v in expected]


def test_market_page_draws_a_months_events_as_one_point_past_30_events(base):
    events, total = base("SELECT count(*), (SELECT sum(amount_baht) FROM sale) FROM market_event")[0]
    months = base("SELECT count(DISTINCT date_trunc('month', date)) FROM market_event")[0][0]
    assert events > 30
    at = whole_page("market")
    assert {"**งานแต่ละเดือน และผู้จัด**", "**ยอดขายของงานในแต่ละเดือน**"} <= {m.value for m in across(at, "markdown")}
    trend = chart_rows(at["events"], 0)          # the events section draws the trend
    assert len(trend) == months
    assert round(float(trend["sales_baht"].sum()), 2) == round(float(total), 2)
    assert f"{events:,} งาน" in " ".join(c.value for c in across(at, "caption"))


# --- the networks and their loans, at more than one province ------------------------------------

def test_every_networks_figures_are_its_ledger_and_register(base):
    shown = queries.networks_by_gap().set_index("code")
    expected = base("""
        WITH f AS (
            SELECT network_code AS code,
                   sum(CASE WHEN bucket = 'revolving' AND entry IN ('paid_in', 'profit') THEN amount_baht
                            WHEN bucket = 'revolving' AND entry IN ('loss', 'passed_on') THEN -amount_baht
                            ELSE 0 END) AS capital,
                   sum(CASE WHEN bucket = 'admin' AND entry = 'paid_in' THEN amount_baht
                            WHEN bucket = 'admin' AND entry = 'spent' THEN -amount_baht ELSE 0 END) AS admin_left
            FROM fund_entry WHERE network_code IS NOT NULL GROUP BY 1),
        ks AS (SELECT owner_code AS code, count(*) AS ks FROM milestone WHERE owner_kind = 'network' GROUP BY 1),
        owed AS (
            SELECT l.network_code AS code, count(*) AS overdue FROM loan l
            WHERE l.network_code IS NOT NULL AND l.due < (SELECT as_of FROM dataset)
              AND l.amount_baht > (SELECT coalesce(sum(principal_baht), 0) + coalesce(sum(written_off_baht), 0)
                                   FROM loan_repayment r WHERE r.loan_code = l.code)
            GROUP BY 1)
        SELECT n.code, coalesce(ks.ks, 0), coalesce(f.capital, 0), coalesce(f.admin_left, 0),
               coalesce(owed.overdue, 0)
        FROM network n LEFT JOIN ks USING (code) LEFT JOIN f USING (code) LEFT JOIN owed USING (code)""")
    assert len(expected) == len(shown) > 3
    for code, ks, capital, admin_left, overdue in expected:
        row = shown.loc[code]
        assert (row.ks, row.overdue_loans) == (ks, overdue), code
        assert close(row.capital, capital) and close(row.admin_left, admin_left), code
    # The largest gaps first: networks missing a K before those with all five.
    missing = list(5 - queries.networks_by_gap().ks)
    assert missing == sorted(missing, reverse=True) and missing[0] > 0


def test_loan_health_is_the_register_and_the_ledger(base):
    health = queries.loan_health()
    loans, borrowers = base("SELECT count(*), count(DISTINCT household_code) FROM loan")[0]
    losses = base("SELECT sum(amount_baht) FROM fund_entry WHERE entry = 'loss'")[0][0]
    overdue = base("""SELECT count(*) FROM loan l WHERE l.due < (SELECT as_of FROM dataset)
        AND l.amount_baht > (SELECT coalesce(sum(principal_baht), 0) + coalesce(sum(written_off_baht), 0)
                             FROM loan_repayment r WHERE r.loan_code = l.code)""")[0][0]
    assert (health["loans"], health["borrowers"], health["overdue_loans"]) == (loans, borrowers, overdue)
    assert close(health["ledger_losses"], losses) and overdue > 0


def test_the_network_page_lists_every_network_and_picks_one_by_province(base):
    networks = base("SELECT count(*) FROM network")[0][0]
    at = run_app("network", lang="en")
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == networks and table["5 K in place"].iloc[0] < 5
    province = at.selectbox(key="network_province")
    assert sorted(province.options) == sorted(
        n for (n,) in base("SELECT DISTINCT p.name_en FROM network n JOIN subdistrict s "
                           "ON s.code = n.subdistrict_code JOIN district d ON d.code = s.district_code "
                           "JOIN province p ON p.code = d.province_code"))
    code, name = base("SELECT code, name_en FROM network WHERE subdistrict_code LIKE '96%' "
                      "ORDER BY code LIMIT 1")[0]
    at.selectbox(key="network_province").set_value("96").run()
    assert at.selectbox(key="network").value == code
    assert at.header[0].value == name and at.query_params["network"] == code
    # A shared link opens the same network; a link naming none gets a notice and the default.
    again = run_app("network", network=code)
    assert again.header[0].value == base("SELECT name_th FROM network WHERE code = ?", [code])[0][0]
    bad = run_app("network", network="<b>nope</b>")
    assert not bad.exception and any('"network"' in w.value for w in bad.warning)
# --- income ----------------------------------------------------------------------------------------

def test_groups_page_income_drills_down_provinces_then_districts(base):
    """The national tier's drill-down: the whole network, then one province's districts, each row's
    median of the latest follow-ups equal to plain SQL on the surveys."""
    latest = """
        SELECT left(h.village_code, ?) AS area, count(*), median(latest) FROM (
            SELECT f.household_code, arg_max(f.occupation_income_baht, f.surveyed)::DOUBLE AS latest
            FROM income_survey f JOIN income_survey b ON b.household_code = f.household_code
            WHERE f.kind = 'follow_up' AND b.kind = 'baseline' AND f.surveyed > b.surveyed
            GROUP BY 1) x JOIN household h ON h.code = x.household_code
        WHERE h.village_code LIKE ? || '%' GROUP BY 1"""
    at = open_page("groups", "en", section="income_tables")
    [areas] = [d.value for d in at.dataframe if "Area" in d.value.columns]
    names = dict(base("SELECT name_en, code FROM province"))
    expected = {code: median for code, _, median in base(latest, [2, ""])}
    assert len(areas) == len(PROVINCES)
    for name, shown in zip(areas["Area"], areas["Median latest"]):
        assert shown == f"฿{expected[names[name]]:,.0f}"
    at.selectbox(key="province").set_value("51").run()
    assert not at.exception
    [areas] = [d.value for d in at.dataframe if "Area" in d.value.columns]
    # A province of one district goes straight to that district's subdistricts.
    names = dict(base("SELECT name_en, code FROM district WHERE province_code = '51'"))
    length = 4
    if len(names) == 1:
        names = dict(base("SELECT name_en, code FROM subdistrict WHERE code LIKE '51%'"))
        length = 6
    expected = {code: (n, median) for code, n, median in base(latest, [length, "51"])}
    assert len(areas) == len(names) > 1
    for name, shown in zip(areas["Area"], areas["Median latest"]):
        n, median = expected.get(names[name], (0, None))
        assert shown == (f"฿{median:,.0f}" if n >= 5 else "–")


def test_the_partners_page_over_many_networks(base):
    """Every network's pledges delivered as its own records show (CDD's events in each network's
    district, its cash to each network), and the page lists the first open actions, saying how
    many there are."""
    networks = base("SELECT count(*) FROM network")[0][0]
    assert networks > 3
    delivered = dict(base("SELECT pledge_id, delivered FROM pledge_delivery"))
    events = dict(base("""
        SELECT p.id, least(p.amount, (SELECT count(*) FROM market_event e
                                      WHERE e.organiser_code = 'CDD' AND e.district_code = left(n.subdistrict_code, 4)
                                        AND e.date BETWEEN p.made AND (SELECT as_of FROM dataset)))::DOUBLE
        FROM pledge p JOIN network n ON n.code = p.network_code
        WHERE p.partner_code = 'CDD' AND p.kind = 'event'"""))
    assert len(events) == networks and all(delivered[i] == v for i, v in events.items())
    assert len(queries.pledges_against_delivery()) == base("SELECT count(*) FROM pledge")[0][0]
    at = whole_page("partners")
    open_actions = base("SELECT count(*) FROM action WHERE status = 'open'")[0][0]
    lines = next(m.value for m in across(at, "markdown") if m.value.startswith("- **✗")).split("\n")
    assert len(lines) == 8 < open_actions
    captions = [c.value for c in across(at, "caption")]
    assert f"แสดง 8 เรื่องแรก จากทั้งหมด {open_actions:,} เรื่อง (เรื่องที่เลยกำหนดอยู่ก่อน)" in captions
    problems = base("SELECT count(*) FROM problem WHERE status = 'open'")[0][0]
    assert f"แสดง 4 เรื่องล่าสุด จากทั้งหมด {problems:,} เรื่อง" in captions
    *_, actions, _ = handout.sections("en")
    assert len(actions.rows) == handout.ACTIONS_LISTED
    assert actions.note == f"The first {handout.ACTIONS_LISTED} of {open_actions:,} actions, overdue first"
