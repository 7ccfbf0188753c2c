"""The Overview shows the figures a meeting opens with, equal to plain SQL on the raw tables."""

import pytest

from samma import agenda
from tests.conftest import across, expected_overdue, run_app, to_section, whole_page


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_figures_equal_plain_sql(sql):
    metrics = across(whole_page("overview"), "metric")         # every section's boxes
    shown = {m.label: m.value for m in metrics}
    def count(text: str) -> str:
        return f"{sql(text)[0][0]:,}"

    def baht(text: str) -> str:
        return f"{sql(text)[0][0]:,.0f} บาท"

    expected = {
        "หมู่บ้านเป้าหมายที่ดำเนินการแล้ว": count("SELECT count(DISTINCT village_code) FROM sage"),
        "หมู่บ้านนำร่อง": count("SELECT count(*) FROM village WHERE is_pilot"),
        "ปราชญ์สัมมาชีพ (1+4)": count("SELECT count(*) FROM sage"),
        "ครัวเรือนที่เข้าร่วม": count("SELECT count(*) FROM household"),
        "กลุ่มอาชีพที่จัดตั้งแล้ว": count("SELECT count(*) FROM occupation_group WHERE formed IS NOT NULL"),
        "กลุ่มที่ครบ 5 ก.": count("SELECT count(*) FROM (SELECT owner_code FROM milestone "
                                 "WHERE owner_kind = 'group' GROUP BY 1 HAVING count(*) = 5)"),
        "การสนับสนุนเป็นเงินสด": baht("SELECT sum(amount_baht) FROM contribution "
                                      "WHERE partner_code IS NOT NULL AND kind = 'cash'"),
        "การสนับสนุนที่ไม่ใช่ตัวเงิน (มูลค่า)": baht("SELECT sum(amount_baht) FROM contribution "
                                              "WHERE partner_code IS NOT NULL AND kind = 'in_kind'"),
        "ทุนหมุนเวียนของกลุ่มอาชีพ": baht(
            "SELECT sum(CASE entry WHEN 'loss' THEN -amount_baht ELSE amount_baht END) "
            "FROM fund_entry WHERE bucket = 'revolving' AND group_code IS NOT NULL "
            "AND entry IN ('paid_in', 'profit', 'loss')"),
        # The network's own fund: what it was paid in, less what it passed on to its groups.
        "ทุนหมุนเวียนของเครือข่าย": baht(
            "SELECT sum(CASE WHEN entry IN ('loss', 'passed_on') THEN -amount_baht ELSE amount_baht END) "
            "FROM fund_entry WHERE bucket = 'revolving' AND network_code IS NOT NULL "
            "AND entry IN ('paid_in', 'profit', 'loss', 'passed_on')"),
        "ค่าใช้จ่ายในการบริหารของเครือข่ายคงเหลือ": baht(
            "SELECT sum(CASE entry WHEN 'spent' THEN -amount_baht ELSE amount_baht END) "
            "FROM fund_entry WHERE bucket = 'admin' AND network_code IS NOT NULL"),
        "ยอดขายสะสม": baht("SELECT sum(amount_baht) FROM sale"),
    }
    for label, value in expected.items():
        assert shown[label] == value, label
    overdue, baht_overdue = expected_overdue(sql)
    assert shown["เงินกู้ค้างชำระ"] == f"{overdue} สัญญา · {baht_overdue:,.0f} บาท"
    assert 0 < overdue <= 5                           # the sample's few
    # Cash and in kind are shown apart, never as one sum.
    assert len([m for m in metrics if "สนับสนุน" in m.label]) == 2


def test_overview_says_sample_and_as_of():
    at = run_app()
    assert [w.value for w in at.warning] == ["ข้อมูลตัวอย่าง ไม่ใช่ตัวเลขจริงของเครือข่าย"]
    assert "ข้อมูล ณ วันที่ 31 ต.ค. 2569" in at.caption[0].value


def test_overview_in_english():
    at = run_app(lang="en")
    assert not at.exception
    assert at.title[0].value == "Community livelihood at a glance"
    assert "Data as of 31 Oct 2026" in at.caption[0].value
    assert _metrics(at)["Pilot villages"] == "13"
    assert at.query_params["lang"] == "en"


@pytest.mark.parametrize("bad", ["xx", "", "<script>", "EN"])
def test_unknown_language_in_url_falls_back_to_thai(bad):
    at = run_app(lang=bad)
    assert not at.exception
    assert at.title[0].value == "ภาพรวมสัมมาชีพชุมชน"


def test_every_page_runs_without_exception():
    """Every section of every page: only the open tab's section runs (open_page checks that
    none raised)."""
    from tests.conftest import ROOT
    for page in sorted((ROOT / "views").glob("*.py")):
        for name, at in whole_page(page.stem).items():
            assert at.title, (page.name, name)


def test_missing_configured_database_gets_a_clear_page(monkeypatch, tmp_path):
    monkeypatch.setenv("SAMMA_DB", str(tmp_path / "nowhere.duckdb"))
    at = run_app()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("ไม่พบฐานข้อมูล" in e for e in errors) and any("No database" in e for e in errors)
    assert not at.metric


def test_a_file_that_is_not_duckdb_gets_a_clear_page(monkeypatch, tmp_path):
    bogus = tmp_path / "samma.duckdb"
    bogus.write_bytes(b"PK\x03\x04 this is a spreadsheet, not a database" * 100)
    monkeypatch.setenv("SAMMA_DB", str(bogus))
    at = run_app()
    assert not at.exception
    assert any("not a readable database" in e.value for e in at.error)


def test_the_app_recovers_by_itself_once_the_file_is_fixed(monkeypatch, tmp_path, sample_db):
    live = tmp_path / "samma.duckdb"
    live.write_bytes(b"half a copy")
    monkeypatch.setenv("SAMMA_DB", str(live))
    at = run_app()
    assert at.error and not at.metric
    live.unlink()
    live.write_bytes(sample_db.read_bytes())
    at.run()
    assert not at.error and not at.exception
    # Every section of the page, tab by tab in the same session: none says the file is bad.
    boxes = 0
    for name in agenda.sections("overview"):
        boxes += len(to_section(at, name).metric)
        assert not at.error, name
    assert boxes == 18                     # 11, the network's three and the four of income


@pytest.mark.parametrize("link", [{"section": "network"}, {"projector": "1", "section": "network"}])
def test_the_open_actions_link_lands_on_the_actions(link):
    """The link is on the Overview's network section. The partners' page shows one section: on a
    projector the link's, on a normal screen and a phone the link's as the open tab (the first
    when it names none). Either way the link names the actions', so it lands on them."""
    at = run_app(**link)
    assert not at.exception
    [actions] = [p.proto for p in at.get("page_link") if p.proto.page == "partners"]
    assert actions.query_string == "section=actions"
