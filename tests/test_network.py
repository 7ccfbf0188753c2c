"""The network at the centre: its fund owned apart from its groups', the administration money
spent, the matching schemes, the loan register, and one rule for "capital must not be lost".
Hand-made cases loaded through real workbooks (the template, edited as a person would), each
rule just on and just off its line, and the pages' figures against plain SQL on the base tables."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from pathlib import Path

import duckdb
import openpyxl
import pytest

from samma import derive, funds, workbook
from tests.conftest import ROOT, chart_rows, open_page, run_app, whole_page

NETWORK = "N501910"
GROUP = "G50191001"
AS_OF = dt.date(2025, 9, 30)            # the template's dataset date
TODAY = dt.date(2026, 1, 1)


def _template() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook.template_bytes()))


def _load(wb: openpyxl.Workbook, tmp_path: Path) -> tuple[Path, workbook.Loaded]:
    source = tmp_path / "network.xlsx"
    wb.save(source)
    live = tmp_path / "live" / "samma.duckdb"
    live.parent.mkdir(exist_ok=True)
    return live, workbook.load(source, live, today=TODAY)


def _ledger(wb, *rows) -> None:
    """Fund entries after the template's eleven: (date, group, bucket, entry, baht, network,
    purpose)."""
    ws = wb["fund_entry"]
    for n, (day, group, bucket, entry, amount, network, purpose) in enumerate(rows, start=ws.max_row):
        ws.append([n, day, group, bucket, entry, amount, None, network, purpose, None])


def _query(live: Path, sql: str, params=()):
    con = duckdb.connect(str(live), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def _warnings(live: Path):
    return _query(live, "SELECT rule, group_code, network_code, amount_baht, limit_baht FROM load_warning "
                        "ORDER BY rule")


# --- admin money: spent against what was paid in ------------------------------------------------

@pytest.mark.parametrize("more, overspent", [(2_500, False), (2_501, True)])
def test_admin_spending_above_what_was_paid_in_is_a_warning_naming_the_network(more, overspent, tmp_path):
    # The network was paid 3,000 of administration money and the template spends 500 of it.
    wb = _template()
    _ledger(wb, ("2018-03-01", None, "admin", "spent", more, NETWORK, "travel"))
    live, loaded = _load(wb, tmp_path)
    if overspent:
        assert _warnings(live) == [("admin_overspent", None, NETWORK, 3_001, 3_000)]
        assert [en for _, en in loaded.warnings] == [
            "Tha Wang Tan Livelihood Network: spent ฿3,001 on administration, more than the ฿3,000 "
            "of administration money paid in"]
        assert loaded.warnings[0][0] == ("เครือข่ายสัมมาชีพตำบลท่าวังตาล: ใช้ค่าใช้จ่ายในการบริหารไป 3,001 บาท "
                                         "เกินกว่าที่ได้รับ 3,000 บาท")
    else:
        assert _warnings(live) == [] and loaded.warnings == []


def test_the_network_page_says_what_the_admin_money_paid_for_and_what_is_left(tmp_path, monkeypatch):
    wb = _template()
    _ledger(wb, ("2018-03-01", None, "admin", "spent", 2_501, NETWORK, "travel"),
            ("2018-04-01", None, "admin", "spent", 120, NETWORK, "meetings"))
    live, _ = _load(wb, tmp_path)
    monkeypatch.setenv("SAMMA_DB", str(live))
    pages = whole_page("network", "en")
    shown = [(m.label, m.value) for at in pages.values() for m in at.metric][-7:]
    assert shown == [("Paid in", "฿7,000"), ("Passed on to groups", "฿2,000"), ("Capital now", "฿5,000"),
                     ("Out on loan", "฿0"),
                     ("Paid in", "฿3,000"), ("Spent", "฿3,121"), ("Left", "−฿121")]
    assert any("฿121 more administration money spent" in e.value for e in pages["admin"].error)
    spent = chart_rows(pages["spending"], 0).set_index("label")["value"].to_dict()
    assert spent == {"Meetings": 620, "Travel": 2_501}


# --- the loan register: overdue the day after its due date, not on it ---------------------------

def _loans(wb, *loans) -> None:
    """Loans of the example group after the template's L-001, with the ledger lines that match
    them: (code, lent, due, baht, repaid on, repaid baht)."""
    for code, lent, due, amount, paid_on, paid in loans:
        wb["loan"].append([code, None, GROUP, "HH-002", amount, lent, due, 6])
        _ledger(wb, (lent, GROUP, "revolving", "loan_out", amount, None, None))
        if paid_on:
            wb["loan_repayment"].append([wb["loan_repayment"].max_row, code, paid_on, paid, None, None])
            _ledger(wb, (paid_on, GROUP, "revolving", "repayment", paid, None, None))


def test_a_loan_a_day_past_due_is_overdue_and_one_due_today_is_not(tmp_path, monkeypatch):
    wb = _template()
    _loans(wb, ("L-002", "2025-03-29", "2025-09-29", 1_000, None, 0),      # one day past due
           ("L-003", "2025-03-30", "2025-09-30", 2_000, None, 0),          # due on the data's date
           ("L-004", "2025-03-29", "2025-09-29", 1_500, "2025-09-29", 1_500),   # repaid on time
           ("L-005", "2025-01-01", "2025-06-01", 700, "2025-07-15", 700))  # repaid late
    live, loaded = _load(wb, tmp_path)
    assert loaded.warnings == []                       # the register agrees with the ledger
    assert _query(live, "SELECT code, overdue, days_overdue, repaid_late FROM loan_status ORDER BY code") == [
        ("L-001", False, None, False), ("L-002", True, 1, False), ("L-003", False, None, False),
        ("L-004", False, None, False), ("L-005", False, None, True)]
    assert (funds.overdue(dt.date(2025, 9, 29), AS_OF, 1_000), funds.overdue(AS_OF, AS_OF, 2_000)) == (
        True, False)
    monkeypatch.setenv("SAMMA_DB", str(live))
    at = open_page("funds", "en", section="loans")
    assert not at.exception
    shown = {m.label: m.value for m in at.metric}
    assert shown["Overdue"] == "1 loan(s) · ฿1,000"
    # Past their due date: L-001 (3,000), L-002 (1,000), L-004 (1,500), L-005 (700); repaid 5,200.
    assert shown["Repayment rate"] == f"{5_200 / 6_200:.1%}"
    assert shown["Borrowing households"] == "2"
    assert "1 more loan(s) repaid in full, after the due date" in [c.value for c in at.caption]
    overdue = open_page("funds", "en", section="overdue")
    assert any(e.value == "1 loan(s) overdue, ฿1,000 in all, in 1 fund(s)" for e in overdue.error)
    overview = {m.label: m.value for m in run_app(lang="en", section="network").metric}
    assert overview["Overdue loans"] == "1 loan(s) · ฿1,000"


@pytest.mark.parametrize("cell, value, rule, register, ledger", [
    ("F10", 2_500, "loans_lent_differ", 3_000, 2_500),          # the ledger lent 2,500
    ("F11", 2_000, "loans_repaid_differ", 3_000, 2_000),        # and got 2,000 back
])
def test_register_and_ledger_that_disagree_are_a_warning(cell, value, rule, register, ledger, tmp_path):
    wb = _template()
    wb["fund_entry"][cell] = value
    live, loaded = _load(wb, tmp_path)
    assert (rule, GROUP, None, register, ledger) in _warnings(live)
    assert any("the loan register" in en for _, en in loaded.warnings)


def test_without_a_register_the_ledger_stands_alone(tmp_path, monkeypatch):
    wb = _template()
    wb.remove(wb["loan_repayment"])
    wb.remove(wb["loan"])
    live, loaded = _load(wb, tmp_path)
    assert loaded.warnings == []                       # no register: nothing to disagree with
    monkeypatch.setenv("SAMMA_DB", str(live))
    at = open_page("funds", "en", section="loans")
    assert any("No loan register yet" in i.value for i in at.info)
    assert "Overdue" not in {m.label for m in at.metric}
    overview = run_app(lang="en", section="network")
    assert {m.label: m.value for m in overview.metric}["Overdue loans"] == "Not recorded"


# --- the 1:1 check: members of a matching scheme only, from the day they joined ------------------

def test_a_group_outside_every_scheme_is_listed_with_no_baht_figure(tmp_path, monkeypatch):
    wb = _template()
    wb["occupation_group"]["F3"] = "2018-01-01"                      # G50191002 formed, no scheme
    wb["contribution"].append([5, "2018-01-01", "members", None, None, "G50191002", "cash", "shares",
                               5_000, None])
    live, _ = _load(wb, tmp_path)
    assert _query(live, "SELECT group_code, raised, matched FROM scheme_match") == [(GROUP, 2_500, 2_500)]
    monkeypatch.setenv("SAMMA_DB", str(live))
    at = open_page("funds", "en", section="rule_match")
    assert not at.exception
    said = [i.value for i in at.info]
    assert "1 groups are not in a matching scheme: the 1:1 condition does not apply to them" in said
    assert not any("฿" in s or "5,000" in s for s in said)           # no debt implied
    assert any(s.value.startswith("1 of 1 groups or networks in a matching scheme") for s in at.success)
    (listed,) = [d.value for d in at.dataframe if list(d.value.columns) == ["Group", "Village"]]
    assert list(listed["Group"]) == ["Dried longan group, Moo 2"]
    assert list(listed["Village"]) == ["Moo 2, Tha Wang Tan"]


def test_a_match_before_a_group_joined_its_scheme_does_not_count(tmp_path, monkeypatch):
    wb = _template()
    wb["scheme_member"]["D2"] = "2017-12-01"          # joined after its 1 Nov 2017 match
    live, _ = _load(wb, tmp_path)
    assert _query(live, "SELECT raised, matched FROM scheme_match") == [(0, 0)]
    monkeypatch.setenv("SAMMA_DB", str(live))
    at = open_page("funds", "en", section="rule_match")
    assert any(i.value.startswith("1 groups or networks in a matching scheme have no match yet") for i in at.info)


def test_no_scheme_recorded_says_the_condition_cannot_be_checked(tmp_path, monkeypatch):
    wb = _template()
    for name in ("scheme_member", "scheme_partner", "matching_scheme"):
        wb.remove(wb[name])
    live, loaded = _load(wb, tmp_path)
    assert "matching_scheme" in loaded.notes[0][1]
    monkeypatch.setenv("SAMMA_DB", str(live))
    at = open_page("funds", "en", section="rule_match")
    assert any(i.value.startswith("No matching scheme is recorded") for i in at.info)
    assert any(i.value.startswith("1 groups are not in a matching scheme") for i in at.info)


# --- capital must not be lost: one rule, on its line ----------------------------------------------

@pytest.mark.parametrize("loss, lost", [(91, True), (89, False), (90, False)])
def test_capital_a_baht_below_the_floor_warns_a_baht_above_does_not(loss, lost, tmp_path, monkeypatch):
    # The group's revolving fund: 2,500 + 1,750 + 2,000 paid in and 90 profit; `loss` lost.
    wb = _template()
    _ledger(wb, ("2019-01-10", GROUP, "revolving", "loss", loss, None, None))
    live, loaded = _load(wb, tmp_path)
    below = [w for w in _warnings(live) if w[0] == "capital_below_floor"]
    assert below == ([("capital_below_floor", GROUP, None, 6_249, 6_250)] if lost else [])
    monkeypatch.setenv("SAMMA_DB", str(live))
    at = open_page("funds", "en", section="revolving")
    # Every fund together: the group's and the network's, which is on its floor (7,000 paid in,
    # 2,000 passed on, nothing gained or lost), so the total's gap is the group's.
    if lost:
        assert any(e.value.startswith("The fund is ฿1 below what was paid in") for e in at.error)
    else:
        assert any(s.value.startswith(f"The fund is ฿{90 - loss} above what was paid in")
                   for s in at.success)


def test_the_capital_and_overdue_rules_are_one_in_python_and_sql():
    con = duckdb.connect()
    con.execute(derive.terms_sql())
    floors = (0.0, 6_250.0, 1_000_000.0)
    gaps = (-1.0, -0.01, -0.005, -0.004, 0.0, 0.004, 0.01, 1.0)
    for floor, gap in itertools.product(floors, gaps):
        sql = con.execute("SELECT capital_lost(?::DECIMAL(18, 2) + ?, ?::DECIMAL(18, 2))",
                          [floor, gap, floor]).fetchone()[0]
        assert sql == funds.capital_lost(floor + gap, floor), (floor, gap)
    for days, outstanding in itertools.product((-1, 0, 1), (0.0, 0.004, 0.01, 500.0)):
        due = AS_OF + dt.timedelta(days=days)
        sql = con.execute("SELECT overdue(?::DATE, ?::DATE, ?)", [due, AS_OF, outstanding]).fetchone()[0]
        assert sql == funds.overdue(due, AS_OF, outstanding), (days, outstanding)
    assert funds.capital_lost(6_249, 6_250) and not funds.capital_lost(6_251, 6_250)


@pytest.mark.parametrize("gap, lost", [(-1.0, True), (1.0, False), (0.0, False)])
def test_the_what_if_warns_a_baht_below_everything_paid_in(gap, lost):
    base = funds.project(funds.WhatIf())
    edited = funds.Projection(**{**base.__dict__, "monthly": [*base.monthly[:-1], base.paid_in[-1] + gap]})
    assert edited.loses_capital is lost


def test_the_what_if_counts_the_savings_paid_after_the_match():
    # 0% return and 30% losses a year: the fund ends below the 10,625 at the match plus 36 months
    # of 1,250 baht savings (55,625), though not below the 10,625 alone.
    p = funds.project(funds.WhatIf(return_pct=0, loss_pct=30))
    assert p.paid_in[-1] == 10_625 + 36 * 1_250
    assert p.fund_at_match < p.at("year3") < p.paid_in[-1]
    assert p.loses_capital
    even = funds.project(funds.WhatIf(return_pct=4, loss_pct=4))    # neither gained nor lost
    assert even.at("year3") == pytest.approx(even.paid_in[-1]) and not even.loses_capital


# --- older workbooks ---------------------------------------------------------------------------

def test_the_previous_template_loads_and_says_once_what_it_lacks(tmp_path):
    # The template the previous version of Samma wrote: no committee, scheme or loan sheets, and a
    # fund ledger of three columns fewer.
    live = tmp_path / "live" / "samma.duckdb"
    live.parent.mkdir()
    loaded = workbook.load(ROOT / "tests" / "fixtures" / "template-v5.xlsx", live, today=TODAY)
    assert loaded.warnings == []
    # Newer sheets with words of their own (income surveys, the coordination sheets) say it in
    # notes of their own (tests/test_income_workbook.py, tests/test_coordination_workbook.py).
    own = [s.name for s in workbook.SHEETS if s.absent_note]
    earlier = [(th, en) for th, en in loaded.notes if not any(f"No {name} sheet" in en for name in own)]
    assert len(earlier) == 1
    th, en = earlier[0]
    for name in ("committee_seat", "matching_scheme", "scheme_partner", "scheme_member", "loan (",
                 "loan_repayment", "network_code", "purpose", "to_group_code"):
        assert name in en and name in th
    assert "not an error" in en and "ไม่ใช่ข้อผิดพลาด" in th
    assert _query(live, "SELECT count(*), count(group_code), count(network_code) FROM fund_entry") == [(3, 3, 0)]
    assert _query(live, "SELECT count(*) FROM loan") == [(0,)]


def test_the_import_command_prints_the_note_once(tmp_path, capsys):
    from samma.__main__ import main
    live = tmp_path / "samma.duckdb"
    assert main(["import", str(ROOT / "tests" / "fixtures" / "template-v5.xlsx"), "--db", str(live)]) == 0
    out = capsys.readouterr().out
    assert out.count("made with an earlier template") == 1 and out.count("แม่แบบรุ่นเก่า") == 1
