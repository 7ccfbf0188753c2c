"""The Market page: figures equal plain SQL, the event in the link, bad links, English."""

import json

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from tests.conftest import chart_rows, open_page, run_app


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def market(section: str, lang: str | None = None, **query_params: str):
    """The Market page opened on one of its sections: only the open tab's section runs."""
    return open_page("market", lang, section=section, **query_params)


def test_market_figures_equal_plain_sql(sql):
    at = market("events")
    shown = _metrics(at)
    assert shown["งานที่จัดแล้ว"] == str(sql("SELECT count(*) FROM market_event")[0][0])
    assert shown["ยอดขายรวมทุกงาน"] == f"{sql('SELECT sum(amount_baht) FROM sale')[0][0]:,.0f} บาท"
    assert shown["กลุ่มที่เคยนำสินค้าไปขาย"] == str(sql(
        "SELECT count(DISTINCT p.group_code) FROM sale s JOIN product p ON p.code = s.product_code")[0][0])
    best, best_sales = sql("SELECT p.name_th, sum(s.amount_baht) FROM sale s JOIN product p ON p.code = s.product_code "
                           "GROUP BY 1 ORDER BY 2 DESC LIMIT 1")[0]
    assert shown["สินค้าขายดีที่สุด"] == best
    # Its sales under its name, in grey with no arrow: a figure, not a change.
    best_box = next(m for m in at.metric if m.label == "สินค้าขายดีที่สุด")
    assert (best_box.delta, best_box.proto.color, best_box.proto.direction) == (
        f"{best_sales:,.0f} บาท", MetricProto.MetricColor.GRAY, MetricProto.MetricDirection.NONE)
    # With no event in the link, the event view shows the latest event.
    at = market("event")
    shown = _metrics(at)
    latest = sql("SELECT code FROM market_event ORDER BY date DESC LIMIT 1")[0][0]
    assert at.selectbox(key="event").value == latest
    event_sales = sql("SELECT sum(amount_baht) FROM sale WHERE event_code = ?", [latest])[0][0]
    assert shown["ยอดขายในงาน"] == f"{event_sales:,.0f} บาท"
    assert "event" not in at.query_params          # the default stays out of the link


def test_the_event_in_the_link_is_shown_and_kept(sql):
    at = market("event", event="E5019-3")
    assert at.selectbox(key="event").value == "E5019-3"
    shown = _metrics(at)
    assert shown["กลุ่มที่มาขาย"] == str(sql(
        "SELECT count(DISTINCT p.group_code) FROM sale s JOIN product p ON p.code = s.product_code "
        "WHERE s.event_code = 'E5019-3'")[0][0])
    assert at.query_params["event"] == "E5019-3"
    at.selectbox(key="event").set_value("E5019-1").run()
    assert at.query_params["event"] == "E5019-1"
    event_sales = sql("SELECT sum(amount_baht) FROM sale WHERE event_code = ?", ["E5019-1"])[0][0]
    assert _metrics(at)["ยอดขายในงาน"] == f"{event_sales:,.0f} บาท"
    # Who sold what: group names, never household codes.
    table = at.dataframe[0].value
    assert len(table) == sql("SELECT count(*) FROM sale WHERE event_code = 'E5019-1'")[0][0]
    assert not table.astype(str).apply(lambda col: col.str.contains("HH-")).any().any()


@pytest.mark.parametrize("bad", ["nope", "", "E5019-99", "<b>x</b>", "E5019-3' OR 1=1"])
def test_a_bad_event_in_the_link_gets_a_notice_and_the_latest_event(bad, sql):
    at = market("event", event=bad)
    notices = [w.value for w in at.warning]
    assert any('"event"' in n and "ค่าเริ่มต้น" in n for n in notices)
    assert all(bad not in n for n in notices if bad)          # the bad value is not echoed
    assert at.selectbox(key="event").value == sql(
        "SELECT code FROM market_event ORDER BY date DESC LIMIT 1")[0][0]


def test_market_in_english_with_buddhist_era_only_in_thai():
    at = run_app("market", lang="en")
    assert not at.exception
    assert at.title[0].value == "Market events and sales"
    timeline = _specs(at)[0]
    assert "+ 543" not in json.dumps(timeline)
    thai = _specs(run_app("market"))[0]
    assert "+ 543" in json.dumps(thai)


def test_before_and_after_charts_carry_the_number_of_groups(sql):
    at = market("training", "en")
    charts = at.get("vega_lite_chart")
    texts = " ".join(" ".join(chart_rows(at, n)["behind"]) for n in range(len(charts))
                     if "behind" in chart_rows(at, n))
    # Groups that had a social-media session and sold before it, counted apart.
    before = sql("""
        WITH first AS (SELECT tg.group_code, min(t.date) AS d FROM training t
                       JOIN training_group tg ON tg.training_id = t.id
                       WHERE t.topic IN ('line', 'facebook', 'website') GROUP BY 1)
        SELECT count(DISTINCT p.group_code) FROM sale s JOIN product p ON p.code = s.product_code
        JOIN market_event e ON e.code = s.event_code JOIN first f ON f.group_code = p.group_code
        WHERE e.date < f.d""")[0][0]
    assert f"from {before} groups" in texts
    assert "not proof" in " ".join(c.value for c in at.caption)


def test_the_event_list_has_buddhist_era_dates_places_and_organisers(sql):
    # The latest event's sales first, then the list of events under it.
    events = market("event").dataframe[1].value
    expected = sql("""SELECT e.date, e.place_th, o.short_th FROM market_event e
                      JOIN partner o ON o.code = e.organiser_code ORDER BY e.date""")
    assert list(events["สถานที่"]) == [r[1] for r in expected]
    assert list(events["ผู้จัด"]) == [r[2] for r in expected]
    first = expected[0][0]
    assert events["วันที่"].iloc[0].endswith(str(first.year + 543))
