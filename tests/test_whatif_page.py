"""The What-if page (AppTest): the link sets the sliders, sliders move the figures to values
worked out by hand, bad links get a notice and never an exception. The sliders and the answer
are the scenario's section, the fund step by step the projection's: only the open tab's runs."""

import pytest

from tests.conftest import open_page, run_app, to_section, whole_page

PARAMS = ["villages", "team", "households", "share", "saving", "months", "match", "cap", "admin",
          "return", "loss"]


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _sliders(at) -> dict[str, float]:
    return {p: at.slider(key=f"whatif_{p}").value for p in PARAMS}


def test_source_defaults():
    pages = whole_page("whatif")
    assert {m.label: m.value for at in pages.values() for m in at.metric} == {
        "สมาชิก": "25 คน", "สมาชิกระดมเอง": "6,250 บาท", "เงินสมทบที่ขอจากภาคี": "6,250 บาท",
        "ส่วนที่งบภาคีไม่พอ": "0 บาท", "ค่าใช้จ่ายในการบริหาร": "1,875 บาท",
        "ทุนหมุนเวียนเมื่อได้เงินสมทบ": "10,625 บาท", "ทุนหมุนเวียน: ไตรมาส": "14,494 บาท",
        "ทุนหมุนเวียน: 1 ปี": "26,336 บาท", "ทุนหมุนเวียน: 3 ปี": "59,704 บาท"}
    assert "ครบ 1 ปีจะมี 26,336 บาท" in pages["scenario"].markdown[0].value
    assert not any(at.error for at in pages.values())


def test_moving_a_slider_changes_the_figures_and_the_link():
    at = run_app("whatif")
    at.slider(key="whatif_villages").set_value(2).run()
    shown = _metrics(at)
    # 2 villages: 50 members, raised 50 × 250 = 12,500, admin 3,750, fund0 12,500 + 8,750.
    assert shown["สมาชิก"] == "50 คน"
    assert shown["สมาชิกระดมเอง"] == "12,500 บาท"
    assert shown["ค่าใช้จ่ายในการบริหาร"] == "3,750 บาท"
    assert shown["ทุนหมุนเวียนเมื่อได้เงินสมทบ"] == "21,250 บาท"
    assert at.query_params["villages"] == "2"
    at.slider(key="whatif_cap").set_value(10_000).run()
    assert _metrics(at)["ส่วนที่งบภาคีไม่พอ"] == "2,500 บาท"


def test_the_partners_question_from_a_link():
    link = {"villages": "13", "saving": "100", "months": "6", "cap": "100000"}
    pages = whole_page("whatif", "en", **link)
    at = pages["scenario"]
    assert _sliders(at) == {"villages": 13, "team": 5, "households": 20, "share": 100, "saving": 100,
                            "months": 6, "match": 1.0, "cap": 100_000, "admin": 30, "return": 6,
                            "loss": 2}
    shown = {m.label: m.value for at in pages.values() for m in at.metric}
    assert shown["Grant to ask the partners for"] == "฿100,000"
    assert shown["Over the partners' budget"] == "฿127,500"
    assert shown["Revolving fund at the match"] == "฿297,500"
    assert shown["Revolving fund: 1 year"] == "฿706,851"
    assert any("฿127,500 short" in m.value for m in at.markdown)


def test_loss_above_return_warns_that_capital_is_lost():
    pages = whole_page("whatif", saving="0", months="0", **{"return": "2", "loss": "5"})
    assert _metrics(pages["projection"])["ทุนหมุนเวียน: 3 ปี"] == "3,884 บาท"        # 4,250 × 0.9975^36
    errors = [e.value for at in pages.values() for e in at.error]
    assert len(errors) == 1 and "3,884 บาท" in errors[0] and "4,250 บาท" in errors[0]


@pytest.mark.parametrize("params, notices, members", [
    ({"villages": "abc"}, ["villages=abc ไม่ใช่ตัวเลข"], "25 คน"),
    ({"villages": "-4", "team": "1e308"}, ["villages=-4 อยู่นอกช่วง", "team=1e308 อยู่นอกช่วง"], "30 คน"),
    ({"households": "nan", "match": "0.25"}, ["households=nan ไม่ใช่ตัวเลข", "match=0.25"], "25 คน"),
    # Markup a link carries is echoed as text: escaped for Streamlit's Markdown.
    ({"villages": "[x](javascript:alert(1))"}, ["villages=\\[x\\](javascript\\:\u2060alert(1)) "], "25 คน"),
    ({"villages": "a\n\n![x](http://e.vu/p)"}, ["villages=a\n\n\\!\\[x\\](http\\:\u2060//e.vu/p) "], "25 คน"),
])
def test_bad_link_values_get_a_notice_never_an_exception(params, notices, members):
    at = run_app("whatif", **params)
    assert not at.exception
    warnings = [w.value for w in at.warning][1:]                  # after the sample marker
    assert len(warnings) == len(notices)
    for warning, expected in zip(warnings, notices):
        assert expected in warning
    assert _metrics(at)["สมาชิก"] == members


def test_back_to_the_source_rules():
    at = open_page("whatif", villages="abc", saving="300", admin="10")
    at.button[0].click().run()
    assert _sliders(at)["saving"] == 50 and _sliders(at)["admin"] == 30
    assert len(at.warning) == 1                                  # the notice is gone
    assert at.query_params["saving"] == "50"
    # The projection's tab opened, as choosing it does: the link names it and the page reruns.
    at.query_params["section"] = "projection"
    at.run()
    assert _metrics(at)["ทุนหมุนเวียน: 3 ปี"] == "59,704 บาท"


def test_live_data_start(sql):
    villages, sages, households = sql("""
        SELECT count(DISTINCT h.village_code), (SELECT count(*) FROM sage WHERE village_code IN
               (SELECT village_code FROM household)), count(*)
        FROM household h""")[0]
    at = run_app("whatif")
    at.toggle[0].set_value(True).run()
    assert not at.exception
    sliders = _sliders(at)
    assert (sliders["villages"], sliders["team"], sliders["households"]) == (
        villages, round(sages / villages), round(households / villages))
    assert any(f"{villages} หมู่บ้าน สมาชิก {sages + households:,} คน" in c.value for c in at.caption)
    at.toggle[0].set_value(False).run()
    assert _sliders(at)["villages"] == 1


def test_the_live_data_toggle_is_still_on_after_the_projections_tab():
    at = run_app("whatif")
    at.toggle[0].set_value(True).run()
    to_section(to_section(at, "projection"), "scenario")
    assert at.toggle[0].value is True
    assert any("หมู่บ้าน สมาชิก" in c.value for c in at.caption)      # the live figures' line
