"""The fund rules and the what-if model against figures worked out by hand.

Projections are checked against the closed form of the monthly recurrence,
fund_m = fund0 (1+g)^m + N·saving ((1+g)^m − 1) / g, evaluated separately (see the literals)."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samma.funds import (
    SLIDERS,
    Notice,
    WhatIf,
    match,
    match_gap,
    parse_params,
    parse_value,
    project,
    sliders_for,
    split_gap,
    split_grant,
    to_params,
    verdict,
)


def test_source_defaults_give_the_issues_figures():
    p = project(WhatIf())
    assert p.members == 25                         # 1 × (5 + 20)
    assert p.raised == 6_250                       # 25 × (100 + 50 × 3)
    assert (p.asked, p.grant, p.shortfall) == (6_250, 6_250, 0)
    assert p.admin == 1_875                        # 30% of 6,250
    assert p.fund_at_match == 10_625               # 6,250 + 4,375
    assert [round(p.at(s)) for s in ("quarter", "year1", "year3")] == [14_494, 26_336, 59_704]
    assert not p.loses_capital


def test_save_100_for_six_months_with_a_cap_of_100000_for_13_villages():
    p = project(WhatIf(villages=13, saving=100, months_before_match=6, cap=100_000))
    assert p.members == 325                        # 13 × 25
    assert p.raised == 227_500                     # 325 × (100 + 600)
    assert (p.asked, p.grant, p.shortfall) == (227_500, 100_000, 127_500)
    assert p.admin == 30_000
    assert p.fund_at_match == 297_500              # 227,500 + 70,000
    assert [round(p.at(s), 2) for s in ("quarter", "year1", "year3")] == pytest.approx(
        [398_310.29, 706_850.65, 1_576_264.16], abs=0.01)


def test_loss_above_return_shrinks_the_fund_and_is_flagged():
    p = project(WhatIf(saving=0, months_before_match=0, return_pct=2, loss_pct=5))
    assert p.raised == 2_500 and p.grant == 2_500 and p.admin == 750
    assert p.fund_at_match == 4_250
    assert [round(p.at(s), 2) for s in ("quarter", "year1", "year3")] == pytest.approx(
        [4_218.20, 4_124.24, 3_883.77], abs=0.01)
    assert p.loses_capital


def test_half_match_and_20_percent_admin():
    p = project(WhatIf(match_ratio=0.5, admin_pct=20))
    assert (p.asked, p.grant, p.admin, p.fund_at_match) == (3_125, 3_125, 625, 8_750)
    assert [round(p.at(s), 2) for s in ("quarter", "year1", "year3")] == pytest.approx(
        [12_600.31, 24_384.57, 57_590.58], abs=0.01)


def test_cap_of_zero_means_no_cap():
    assert match(1_000, 1.0, 0) == (1_000, 1_000, 0)
    assert match(1_000, 2.0, 1_500) == (2_000, 1_500, 500)


def test_split_grant_is_70_30_to_the_satang():
    assert split_grant(10_000) == (3_000, 7_000)
    assert split_grant(3_333.33) == (1_000.0, 2_333.33)


def test_rule_gaps_and_their_words():
    assert split_gap(10_000, 3_000) == 0 and verdict(split_gap(10_000, 3_000)) == "ok"
    assert split_gap(10_000, 3_500) == 500 and verdict(500) == "over"
    assert match_gap(raised=6_250, matched=5_000) == -1_250 and verdict(-1_250) == "under"
    assert verdict(match_gap(6_250, 6_250.4)) == "ok"      # satang rounding is not a breach


@given(st.floats(0, 1e9, allow_nan=False), st.floats(0, 1, allow_nan=False))
def test_admin_plus_revolving_is_the_grant(amount, share):
    admin, revolving = split_grant(amount, share)
    assert admin + revolving == pytest.approx(amount, abs=0.011)


@given(st.floats(0, 1e9), st.floats(0, 3), st.floats(0, 1e9))
def test_grant_never_exceeds_cap_and_shortfall_is_never_negative(raised, ratio, cap):
    asked, grant, shortfall = match(raised, ratio, cap)
    assert shortfall >= 0
    assert grant + shortfall == pytest.approx(asked)
    if cap > 0:
        assert grant <= cap


# --- the link's parameters ---------------------------------------------------------------------

def test_slider_names_are_the_issues_query_parameters():
    assert [s.param for s in SLIDERS] == ["villages", "team", "households", "share", "saving",
                                          "months", "match", "cap", "admin", "return", "loss"]
    assert {s.param: s.default for s in SLIDERS} == {
        "villages": 1, "team": 5, "households": 20, "share": 100, "saving": 50, "months": 3,
        "match": 1.0, "cap": 0, "admin": 30, "return": 6, "loss": 2}


def test_a_good_link_gives_its_scenario_without_notices():
    w, notices = parse_params({"villages": "13", "saving": "100", "months": "6", "cap": "100000"})
    assert notices == []
    assert w == WhatIf(villages=13, saving=100, months_before_match=6, cap=100_000)


@pytest.mark.parametrize("raw, used, problem", [
    ("abc", 1, "not_a_number"), ("", 1, "not_a_number"), ("nan", 1, "not_a_number"),
    ("inf", 1, "not_a_number"), ("-3", 1, "out_of_range"), ("1e308", 200, "out_of_range"),
    ("2.6", 3, "off_step"),
])
def test_bad_villages_values_fall_back_or_clamp_with_a_notice(raw, used, problem):
    w, notices = parse_params({"villages": raw})
    assert w.villages == used
    assert notices == [Notice("villages", raw, used, problem)]


def test_bad_values_for_other_sliders():
    w, notices = parse_params({"admin": "150", "match": "1.05", "cap": "-1", "loss": "x"})
    assert (w.admin_pct, w.match_ratio, w.cap, w.loss_pct) == (100, 1.0, 0, 2)
    assert [(n.param, n.problem) for n in notices] == [
        ("match", "off_step"), ("cap", "out_of_range"), ("admin", "out_of_range"),
        ("loss", "not_a_number")]


def test_thousands_separators_in_a_link_are_read():
    assert parse_value(SLIDERS[7], "100,000") == (100_000, None)


def _on_steps(spec):
    steps = round((spec.maximum - spec.minimum) / spec.step)
    return st.integers(0, steps).map(lambda k: spec.value(spec.minimum + k * spec.step))


@given(st.builds(WhatIf, **{spec.field: _on_steps(spec) for spec in SLIDERS}))
def test_params_round_trip(w):
    parsed, notices = parse_params(to_params(w))
    assert notices == [] and parsed == w


@given(st.dictionaries(st.sampled_from([s.param for s in SLIDERS]), st.text(max_size=12)))
def test_any_link_gives_a_scenario_within_the_sliders(params):
    w, notices = parse_params(params)
    for spec in SLIDERS:
        value = getattr(w, spec.field)
        assert math.isfinite(value) and spec.minimum <= value <= spec.maximum
    p = project(w)
    assert p.shortfall >= 0 and p.admin + (p.grant - p.admin) == pytest.approx(p.grant)


@pytest.mark.parametrize("villages_in_data, reach", [
    (0, 200), (13, 200), (200, 200), (201, 300), (1_725, 2_000), (65_162, 70_000), (75_000, 80_000)])
def test_the_villages_slider_reaches_the_networks_own_size(villages_in_data, reach):
    sliders = sliders_for(villages_in_data)
    assert sliders[0].field == "villages" and sliders[0].maximum == reach
    assert sliders[1:] == SLIDERS[1:]                    # the other sliders keep their ranges


def test_a_national_link_is_read_against_the_national_range():
    national = sliders_for(65_162)
    assert parse_params({"villages": "65162"}, national) == (WhatIf(villages=65_162), [])
    w, notices = parse_params({"villages": "90000"}, national)
    assert w.villages == 70_000 and notices == [Notice("villages", "90000", 70_000, "out_of_range")]
    assert parse_params({"villages": "65162"})[0].villages == 200   # a district's range clamps it


# --- the Funds page's words, from hand-made figures ---------------------------------------------

def test_the_1_1_summary_judges_only_members_already_matched():
    import pandas as pd

    from samma.funds import match_summary
    checks = pd.DataFrame({"verdict": ["ok", "ok", "under", "over", "not_matched", "not_matched"],
                           "raised": [100.0, 200.0, 300.0, 400.0, 1_000.0, 2_500.5]})
    found = match_summary(checks)
    assert (found["ok"], found["judged"], found["waiting"], found["waiting_raised"]) == (2, 4, 2, 3_500.5)
    assert list(found["breaches"].verdict) == ["under", "over"]


def test_loan_boxes_and_overdue_words_with_and_without_a_register():
    from samma import tables
    ledger = {"loans": 0, "ledger_repaid": 1_234.0, "ledger_losses": 0.0}
    assert [(label, value) for label, value, _ in tables.loan_boxes(ledger, "en")] == [
        ("Principal repaid so far", "฿1,234"), ("Losses", "฿0")]
    assert [level for level, _, _ in tables.overdue_notices(ledger, "en")] == ["info"]
    register = {**ledger, "loans": 3, "borrowers": 2, "overdue_loans": 1, "overdue_baht": 500.0,
                "funds_overdue": 1, "fell_due": 0.0, "fell_due_repaid": 0.0}
    boxes = dict((label, value) for label, value, _ in tables.loan_boxes(register, "en"))
    assert len(boxes) == 5 and "–" in boxes.values()            # nothing fell due: no rate to give
    (level, words, _), = tables.overdue_notices(register, "en")
    assert level == "error" and "฿500" in words
    assert tables.overdue_notices({**register, "overdue_loans": 0}, "en")[0][0] == "success"
