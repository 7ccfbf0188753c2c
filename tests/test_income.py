"""Income, the program's aim: medians and shares against plain SQL and by hand on hand-made
households (odd and even counts, ties, a household with only a baseline, one with two follow-ups,
one with only a follow-up), nothing shown for fewer than 5 households (exactly 4 and 5), the
plan's income indicator, the words and charts, a file that records no income, and the pages."""

from __future__ import annotations

import datetime as dt
import gzip
import math
import shutil

import duckdb
import pytest

from samma import charts, db, domain, handout, income, plan, queries
from tests.conftest import ROOT, chart_rows, open_page, run_app

# The median of the latest follow-ups of the households surveyed before joining and again later,
# in the villages `{villages}` (an SQL condition on a village code): plain SQL on the base tables.
LATEST_MEDIAN = """
    SELECT median(latest) FROM (
        SELECT arg_max(f.occupation_income_baht, f.surveyed)::DOUBLE AS latest
        FROM income_survey f JOIN income_survey b ON b.household_code = f.household_code
        JOIN household h ON h.code = f.household_code
        WHERE f.kind = 'follow_up' AND b.kind = 'baseline' AND f.surveyed > b.surveyed
          AND h.village_code {villages}
        GROUP BY f.household_code)"""

# Each compared household's baseline and latest follow-up, found with window functions (not the
# way the derived tables find them), for the households that `{where}` picks.
PLAIN = """
    WITH ranked AS (
        SELECT s.*, row_number() OVER (PARTITION BY s.household_code, s.kind
                                       ORDER BY s.surveyed DESC) AS newest
        FROM income_survey s),
    pairs AS (
        SELECT b.household_code, b.occupation_income_baht::DOUBLE AS baseline,
               f.occupation_income_baht::DOUBLE AS latest
        FROM ranked b JOIN ranked f ON f.household_code = b.household_code
        WHERE b.kind = 'baseline' AND f.kind = 'follow_up' AND f.newest = 1
          AND f.surveyed > b.surveyed)
    SELECT count(*), median(p.baseline), median(p.latest),
           count(*) FILTER (WHERE p.latest > p.baseline * (1 + {band})),
           count(*) FILTER (WHERE p.latest < p.baseline * (1 - {band})),
           quantile_cont(p.baseline, 0.25), quantile_cont(p.latest, 0.75)
    FROM pairs p
    JOIN household h ON h.code = p.household_code
    JOIN village v ON v.code = h.village_code
    JOIN subdistrict sd ON sd.code = v.subdistrict_code
    LEFT JOIN occupation_group g ON g.code = h.group_code
    WHERE {where}"""

A, B, C, D = "50191001", "50191002", "50190101", "50190102"
JOINED = dt.date(2018, 1, 10)
BASELINE_DAY = dt.date(2018, 1, 1)
ROUND_1, ROUND_2 = dt.date(2019, 8, 15), dt.date(2020, 8, 15)
AS_OF = dt.date(2021, 1, 31)
PLAN_START, YEAR1_DUE = dt.date(2020, 1, 1), dt.date(2020, 12, 31)

# (household, village, baseline or None, [(day, follow-up income)]).
HOUSEHOLDS = [
    # Village A, six compared (an even count): baselines 0 1000 1500 2000 2000 3000 (a tie),
    # latest 800 1500 1560 2000 2500 3000; A1 has two follow-ups, A7 only a baseline.
    ("A1", A, 1000, [(ROUND_1, 1200), (ROUND_2, 1500)]),      # rose
    ("A2", A, 2000, [(ROUND_1, 2000)]),                       # the same
    ("A3", A, 3000, [(ROUND_1, 2500)]),                       # fell
    ("A4", A, 0, [(ROUND_1, 800)]),                           # rose from nothing
    ("A5", A, 1500, [(ROUND_1, 1560)]),                       # +4%: about the same
    ("A6", A, 2000, [(ROUND_2, 3000)]),                       # rose
    ("A7", A, 1800, []),
    # Village B, five compared (odd; exactly the least shown): baselines 100 to 500, latest
    # 150 150 350 500 600.
    ("B1", B, 100, [(ROUND_1, 150)]), ("B2", B, 200, [(ROUND_1, 150)]),
    ("B3", B, 300, [(ROUND_1, 350)]), ("B4", B, 400, [(ROUND_1, 600)]),
    ("B5", B, 500, [(ROUND_1, 500)]),
    # Village C, four compared: one short of a figure.
    *[(f"C{i}", C, 1000, [(ROUND_1, 2000)]) for i in range(1, 5)],
    # Village D: a follow-up with no baseline, a baseline with no follow-up, one never surveyed.
    ("D1", D, None, [(ROUND_1, 900)]), ("D2", D, 700, []), ("D3", D, None, []),
]
GROUPS = {A: ("GA", "longan"), B: ("GB", "herbal"), C: ("GC", "herbal"), D: ("GD", "longan")}


def _fill(con) -> None:
    rows = {
        "province": [("50", "เชียงใหม่", "Chiang Mai")],
        "district": [("5019", "50", "สารภี", "Saraphi")],
        "subdistrict": [("501901", "5019", "ยางเนิ้ง", "Yang Noeng", 18.7, 99.06),
                        ("501910", "5019", "ท่าวังตาล", "Tha Wang Tan", 18.69, 99.0)],
        "village": [(code, code[:6], int(code[6:]), f"หมู่ {int(code[6:])}", f"Moo {int(code[6:])}",
                     18.69, 99.0, True, True, code[:6] == "501910", 2560) for code in (A, B, C, D)],
        "occupation": [("longan", "แปรรูปลำไย", "Dried longan"), ("herbal", "ลูกประคบ", "Herbal balls")],
        "occupation_group": [(g, v, o, f"กลุ่ม {g}", f"Group {g}", JOINED) for v, (g, o) in GROUPS.items()],
        "household": [(h, v, JOINED, GROUPS[v][0]) for h, v, _, _ in HOUSEHOLDS],
        "income_survey": [(h, BASELINE_DAY, "baseline", float(b), None)
                          for h, _, b, _ in HOUSEHOLDS if b is not None]
                         + [(h, day, "follow_up", float(x), None)
                            for h, _, _, follow in HOUSEHOLDS for day, x in follow],
        # Two subdistricts' income targets (averaged, not added), and one of village C's own.
        "plan_target": [("year1", "income", "501910", 2000.0, PLAN_START, YEAR1_DUE),
                        ("year1", "income", "501901", 3000.0, PLAN_START, YEAR1_DUE),
                        ("year1", "income", C, 2500.0, PLAN_START, YEAR1_DUE)],
    }
    con.execute("INSERT INTO dataset VALUES ('มือ', 'By hand', FALSE, ?, ?, ?, FALSE)",
                [AS_OF, db.SCHEMA_VERSION, dt.datetime(2021, 2, 1)])
    db.insert_rows(con, rows)


@pytest.fixture(scope="module")
def by_hand(tmp_path_factory):
    path = tmp_path_factory.mktemp("income") / "samma.duckdb"
    db.write_database(path, _fill)
    con = duckdb.connect(str(path), read_only=True)

    def query(text: str, params=()):
        return con.execute(text, list(params)).fetchall()

    yield path, query
    con.close()


@pytest.fixture
def hand(by_hand, monkeypatch):
    """The pages and queries read the hand-made network; its plain SQL is returned."""
    path, query = by_hand
    monkeypatch.setenv("SAMMA_DB", str(path))
    return query


def _plain(query, where: str) -> tuple:
    return query(PLAIN.format(where=where, band=domain.INCOME_SAME_BAND))[0]


# --- the figures ---------------------------------------------------------------------------------

def test_village_a_by_hand_even_count_ties_two_follow_ups_and_a_baseline_only(hand):
    f = queries.income_change(A)
    assert (f["households"], f["surveyed"], f["baselined"], f["compared"]) == (7, 7, 7, 6)
    assert f["baseline_median"] == 1750 and f["latest_median"] == 1780       # (1500+2000)/2, (1560+2000)/2
    assert f["change_baht"] == 30 and f["change_percent"] == pytest.approx(100 * 30 / 1750)
    assert (f["rose"], f["same"], f["fell"]) == (3, 2, 1)
    assert f["rose_percent"] == pytest.approx(50)
    # The middle half: 25th and 75th percentiles, interpolated as by hand.
    assert f["baseline_p25"] == 1125 and f["baseline_p75"] == 2000


def test_village_b_by_hand_odd_count_with_a_tie(hand):
    f = queries.income_change(B)
    assert f["compared"] == 5
    assert f["baseline_median"] == 300 and f["latest_median"] == 350
    assert (f["rose"], f["same"], f["fell"]) == (3, 1, 1)


@pytest.mark.parametrize("level, where", [
    ("all", "true"), ("district", "sd.district_code = '5019'"),
    ("subdistrict", "v.subdistrict_code = '501910'"), ("village", f"h.village_code = '{A}'"),
    ("group", "h.group_code = 'GB'"), ("occupation", "g.occupation_code = 'herbal'")])
def test_every_level_equals_plain_sql(hand, level, where):
    compared, baseline, latest, rose, fell, p25, p75 = _plain(hand, where)
    if level == "group":
        [f] = queries.income_change_by_group("501910").query("code == 'GB'").to_dict("records")
    elif level == "occupation":
        [f] = queries.income_change_by_occupation("").query("code == 'herbal'").to_dict("records")
    else:
        f = queries.income_change({"all": "", "district": "5019", "subdistrict": "501910",
                                   "village": A}[level])
    assert f["compared"] == compared >= domain.INCOME_MIN_HOUSEHOLDS
    assert (f["baseline_median"], f["latest_median"], f["rose"], f["fell"]) == (baseline, latest, rose, fell)
    assert (f["baseline_p25"], f["latest_p75"]) == (p25, p75)


def test_the_sample_network_equals_plain_sql_in_every_village_and_subdistrict(sql):
    for level, column in (("village", "h.village_code"), ("subdistrict", "v.subdistrict_code")):
        for code, compared, baseline, latest, rose in sql(
                "SELECT code, compared, baseline_median, latest_median, rose FROM income_summary "
                "WHERE level = ? AND occupation_code IS NULL", [level]):
            plain = _plain(sql, f"{column} = '{code}'")
            assert compared == plain[0], code
            if compared >= domain.INCOME_MIN_HOUSEHOLDS:
                assert (baseline, latest, rose) == (plain[1], plain[2], plain[3]), code
            else:
                assert (baseline, latest, rose) == (None, None, None), code


# --- nothing for fewer than 5 ------------------------------------------------------------------

def test_four_households_give_no_figure_anywhere_five_do(hand):
    four, five = queries.income_change(C), queries.income_change(B)
    assert four["compared"] == 4 and five["compared"] == 5
    withheld = ("rose", "same", "fell", "rose_percent", "baseline_median", "latest_median",
                "baseline_p25", "baseline_p75", "latest_p25", "latest_p75", "change_baht")
    assert all(math.isnan(four[k]) for k in withheld)
    assert not any(math.isnan(five[k]) for k in withheld)
    # Not even stored: the load-time table holds nothing a page could show by mistake.
    assert hand("SELECT baseline_median, latest_p75, rose FROM income_summary "
                "WHERE level = 'village' AND code = ?", [C]) == [(None, None, None)]
    # Village C's subdistrict has only its 4 compared (D's households are not): withheld too, and
    # within it herbal (C) and longan (D, nobody compared).
    assert math.isnan(queries.income_change("501901")["latest_median"])
    by_occupation = queries.income_change_by_occupation("501901").set_index("code")
    assert by_occupation["latest_median"].isna().all()
    assert by_occupation.loc["longan", "surveyed"] == 2 and by_occupation.loc["longan", "compared"] == 0


def test_the_words_say_fewer_than_5_in_both_languages(hand):
    four, five = queries.income_change(C), queries.income_change(B)
    assert income.state(four) == income.TOO_FEW and income.state(five) == income.SHOWN
    assert "ไม่ถึง 5 ครัวเรือน" in income.message(four, "th")
    assert "Fewer than 5 households surveyed" in income.message(four, "en")
    lines = dict(income.lines(four, "en"))
    assert lines["Households surveyed before and after joining"] == "4 of 4 households"
    assert "Fewer than 5" in lines["Income figures"] and len(lines) == 2
    lines = dict(income.lines(five, "th"))
    assert lines["ค่ากลางรายได้ต่อเดือน ก่อนเข้าร่วม"] == "300 บาท"
    assert lines["เปลี่ยนแปลง (ค่ากลาง)"] == "+50 บาท (+17%)"
    table = income.table(queries.income_change_by_area("5019"), "en", "income_col_area")
    rows = dict(zip(table["Area"], table["Median before joining"]))
    assert rows == {"Tha Wang Tan": "฿500", "Yang Noeng": income.message(four, "en")}


def test_what_the_figures_cannot_say(hand):
    f = queries.income_change()
    text = income.limits(f, "en")
    assert "15 of the 19 households enrolled" in text and "18 answered at least one survey" in text
    assert "not proof that the program caused it" in text
    assert "15 จาก 19 ครัวเรือน" in income.limits(f, "th") and "ไม่ได้พิสูจน์" in income.limits(f, "th")


# --- the plan's income indicator ------------------------------------------------------------------

def test_the_plan_indicator_is_the_latest_follow_ups_median_on_each_day(hand):
    figures = queries.plan_figures(PLAN_START, PLAN_START, AS_OF).set_index("indicator")
    everywhere = "IN (SELECT code FROM village)"
    assert figures.at["income", "now"] == hand(LATEST_MEDIAN.format(villages=everywhere))[0][0] == 1560
    # At the plan's start A6 had no follow-up yet and A1 only its first: 14 households.
    assert figures.at["income", "at_start"] == (1200 + 1560) / 2
    # Subdistricts' targets are levels: averaged (2000 and 3000), not added up.
    targets = queries.plan_step_targets("year1").set_index("indicator")
    assert targets.at["income", "target"] == 2500
    rows = plan.step_status(queries.plan_step_targets("year1"), figures.reset_index(), AS_OF)
    assert rows.set_index("indicator").at["income", "status"] == plan.BEHIND


def test_a_village_with_too_few_compared_is_too_few_not_behind(hand):
    figures = queries.plan_figures(PLAN_START, PLAN_START, AS_OF, C)
    assert math.isnan(figures.set_index("indicator").at["income", "now"])
    rows = plan.step_status(queries.plan_step_targets("year1", C), figures, AS_OF).set_index("indicator")
    assert rows.at["income", "status"] == plan.TOO_FEW and math.isnan(rows.at["income", "actual"])
    assert rows.at["income", "target"] == 2500


def test_the_plan_page_says_too_few_for_that_village_in_words(hand):
    at = open_page("plan", "en", section="village", village=C)
    # The village's section draws its status in one chart on a normal screen, and nothing else.
    village = [row["under"] for row in _chart_data(at, 0)]
    assert "Fewer than 5 households surveyed" in village
    th = open_page("plan", section="village", village=C)
    assert "สำรวจไม่ถึง 5 ครัวเรือน" in [row["under"] for row in _chart_data(th, 0)]


def _chart_data(at, index: int) -> list[dict]:
    return chart_rows(at, index).to_dict("records")


# --- charts ----------------------------------------------------------------------------------------

def test_the_bands_chart_counts_households_and_names_each_band(hand):
    spec = charts.income_bands(queries.income_change(A), "en").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["label"] for r in rows] == ["Earn more", "About the same (within 5%)", "Earn less"]
    assert [r["text"] for r in rows] == ["3 households · 50%", "2 households · 33%", "1 household · 17%"]
    th = next(iter(charts.income_bands(queries.income_change(A), "th").to_dict()["datasets"].values()))
    assert th[0]["label"] == "มีรายได้มากขึ้น" and th[0]["text"] == "3 ครัวเรือน · ร้อยละ 50"


def test_the_spread_chart_shows_the_middle_half_and_the_median_only(hand):
    f = queries.income_change(A)
    rows = next(iter(charts.income_spread(f, "en").to_dict()["datasets"].values()))
    assert [(r["low"], r["median"], r["high"]) for r in rows] == [
        (f["baseline_p25"], 1750, f["baseline_p75"]), (f["latest_p25"], 1780, f["latest_p75"])]
    assert rows[0]["text"] == "Median ฿1,750\nthe middle half of households: ฿1,125 – ฿2,000"
    # Percentiles interpolate between households: here none is one household's own answer.
    own = {x for (x,) in hand("SELECT occupation_income_baht::DOUBLE FROM income_survey "
                              "WHERE household_code LIKE 'A%'")}
    assert not {r["low"] for r in rows} & own


# --- the pages -------------------------------------------------------------------------------------

def test_overview_income_equals_plain_sql_in_both_languages(sql):
    compared, baseline, latest, rose, _, _, _ = _plain(sql, "true")
    households = sql("SELECT count(*) FROM household")[0][0]
    for lang, money in (("th", "{:,.0f} บาท"), ("en", "฿{:,.0f}")):
        at = run_app(lang=lang, section="income")
        assert not at.exception
        metrics = {m.label: m for m in at.metric}
        label = "ครัวเรือนที่สำรวจทั้งก่อนและหลังเข้าร่วม" if lang == "th" else \
            "Households surveyed before and after joining"
        assert metrics[label].value == f"{compared:,}" and str(households) in metrics[label].delta
        values = [m.value for m in at.metric]
        assert money.format(baseline) in values and money.format(latest) in values
        assert f"{100 * rose / compared:.0f}%" in values


def test_groups_page_shows_the_area_and_its_groups_with_the_one_withheld(sql):
    at = open_page("groups", "en", section="income_tables", subdistrict="501910")
    tables = [d.value for d in at.dataframe if "Median before joining" in d.value.columns]
    groups, occupations = tables
    assert len(groups) == sql("SELECT count(*) FROM occupation_group WHERE village_code LIKE '501910%' "
                              "AND code IN (SELECT group_code FROM household)")[0][0]
    withheld = groups[groups["Median latest"] == "–"]
    # The sample's hard-to-reach village: too few of its households answered a follow-up.
    assert list(withheld["Median before joining"]) == [
        "Fewer than 5 households surveyed: no income figure is shown, so that no household's "
        "income can be told"]
    assert len(occupations) == sql("SELECT count(DISTINCT g.occupation_code) FROM household h "
                                   "JOIN occupation_group g ON g.code = h.group_code "
                                   "WHERE h.village_code LIKE '501910%'")[0][0]
    # The bands and the spread too, each its section's one chart.
    for section in ("income_bands", "income_spread"):
        assert len(open_page("groups", "en", section=section, subdistrict="501910").get("vega_lite_chart")) == 1


def test_the_village_card_withholds_four_and_shows_five(hand):
    four = open_page("map", section="village_income", village=C)
    assert any("ไม่ถึง 5 ครัวเรือน" in i.value for i in four.info)
    assert not [m for m in four.metric if "ค่ากลาง" in m.label]
    five = open_page("map", "en", section="village_income", village=B)
    shown = {m.label: m.value for m in five.metric}
    assert shown["Median income a month, before joining"] == "฿300"
    assert shown["Median income a month, latest survey"] == "฿350"


def test_the_handout_has_income_and_what_it_cannot_say(sql):
    section = handout.household_income("en")
    compared, baseline, latest, _, _, _, _ = _plain(sql, "true")
    rows = dict(section.rows)
    assert rows["Median income a month, before joining"] == f"฿{baseline:,.0f}"
    assert rows["Median income a month, latest survey"] == f"฿{latest:,.0f}"
    assert "not proof" in section.note
    assert handout.household_income("th").title == "รายได้ของครัวเรือน: เป้าหมายของโครงการ"


# --- a file that records no income -----------------------------------------------------------------

@pytest.fixture
def upgraded_v5(tmp_path, monkeypatch):
    path = tmp_path / "samma.duckdb"
    with gzip.open(ROOT / "tests" / "fixtures" / "schema-v5.duckdb.gz") as packed, open(path, "wb") as out:
        shutil.copyfileobj(packed, out)
    db.upgrade(path)
    monkeypatch.setenv("SAMMA_DB", str(path))
    return path


def test_an_upgraded_earlier_file_says_income_is_not_recorded(upgraded_v5):
    for lang, words in (("th", "ยังไม่มีการบันทึกรายได้"), ("en", "Household income is not recorded")):
        at = run_app(lang=lang, section="income")
        assert not at.exception
        assert any(words in i.value for i in at.info)
    plan_page = run_app("plan", lang="en")
    assert not plan_page.exception
    assert "Not recorded" in [row["under"] for row in _chart_data(plan_page, 0)]
    assert dict(handout.household_income("en").rows)["Income figures"].startswith(
        "Household income is not recorded")
