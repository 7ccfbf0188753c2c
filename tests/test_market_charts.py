"""Market and plan chart builders, checked as data: Okabe–Ito colours, words beside colour,
Buddhist-era years, big text."""

import json

import altair as alt
import pandas as pd

from samma import charts

TITLES = {k: k for k in ("date", "organiser", "event", "place", "sales", "groups", "value",
                         "label", "period", "behind", "indicator", "status", "percent")}


def _events():
    return pd.DataFrame({
        "date": pd.to_datetime(["2018-03-24", "2024-08-17", "2026-08-22"]),
        "organiser": ["CDD", "CDD", "KPS"], "name": ["a", "b", "c"], "place": ["p", "q", "r"],
        "date_label": ["24 มี.ค. 2561", "17 ส.ค. 2567", "22 ส.ค. 2569"],
        "sales_text": ["1 บาท", "2 บาท", "3 บาท"], "sales_baht": [1.0, 2.0, 3.0],
        "groups_text": ["1", "2", "3"], "label_below": [True, False, True]})


def _layers(spec: dict) -> list[dict]:
    found = []
    for layer in spec.get("layer", []):
        found.extend(_layers(layer) if "layer" in layer else [layer])
    return found


def test_timeline_years_are_buddhist_era_in_thai_and_common_era_in_english():
    thai = charts.event_timeline(_events(), TITLES, buddhist_era=True).to_dict()
    english = charts.event_timeline(_events(), TITLES, buddhist_era=False).to_dict()
    axis = _layers(thai)[0]["encoding"]["x"]["axis"]
    assert axis["labelExpr"] == "toNumber(timeFormat(datum.value, '%Y')) + 543"
    assert "543" not in _layers(english)[0]["encoding"]["x"]["axis"]["labelExpr"]
    # The date labels are the given Buddhist-era strings, one layer above and one below.
    texts = [l for l in _layers(thai) if l["mark"]["type"] == "text"]
    assert {l["encoding"]["text"]["field"] for l in texts} == {"date_label", "organiser"}
    assert thai["config"]["axis"]["labelFontSize"] >= 16


def test_timeline_domain_leaves_room_for_the_first_and_last_labels():
    spec = charts.sales_trend(_events(), TITLES, buddhist_era=True).to_dict()
    start, end = _layers(spec)[0]["encoding"]["x"]["scale"]["domain"]
    assert pd.Timestamp(start) < pd.Timestamp("2018-03-24") and pd.Timestamp(end) > pd.Timestamp("2026-08-22")


def test_ranked_bars_keep_the_given_order_and_write_each_figure():
    frame = pd.DataFrame({"label": ["b", "a"], "value": [20.0, 10.0], "text": ["20 บาท", "10 บาท"]})
    spec = charts.ranked_bars(frame, TITLES).to_dict()
    layers = _layers(spec)
    assert layers[0]["encoding"]["y"]["sort"] == ["b", "a"]
    assert layers[0]["encoding"]["color"] == {"value": charts.OKABE_ITO["blue"]}
    assert {l["encoding"]["text"]["field"] for l in layers if l["mark"]["type"] == "text"} == {"label", "text"}
    assert spec["height"] == charts.ROW * 2 + charts.AXIS


def test_before_after_writes_the_groups_behind_each_bar_in_okabe_ito():
    frame = pd.DataFrame({"period": ["before", "after"], "label": ["ก่อน", "หลัง"],
                          "value": [9190.0, 15575.0], "text": ["9,190 บาท", "15,575 บาท"],
                          "behind": ["จาก 10 กลุ่ม ขาย 11 ครั้ง", "จาก 13 กลุ่ม ขาย 48 ครั้ง"]})
    spec = charts.before_after(frame, TITLES).to_dict()
    layers = _layers(spec)
    colour = layers[0]["encoding"]["color"]["scale"]
    assert colour["domain"] == ["before", "after"]
    assert colour["range"] == [charts.OKABE_ITO["orange"], charts.OKABE_ITO["blue"]]
    assert "behind" in {l["encoding"]["text"]["field"] for l in layers if l["mark"]["type"] == "text"}
    assert json.dumps(spec, ensure_ascii=False).count("จาก 10 กลุ่ม") == 1


def test_plan_status_says_the_status_in_words_and_marks_the_target_and_the_line():
    frame = pd.DataFrame({"label": ["ครัวเรือน", "ทุน", "รายได้"], "percent": [100.0, 240.0, None],
                          "expected_percent": [100.0, 80.0, None],
                          "status": ["reached", "behind", "not_recorded"],
                          "under": ["ถึงเป้าแล้ว · 260 จาก 260", "ล่าช้า · 9 จาก 11", "ไม่มีการบันทึก"]})
    spec = charts.plan_status(frame, TITLES).to_dict()
    layers = _layers(spec)
    colour = layers[0]["encoding"]["color"]["scale"]
    assert dict(zip(colour["domain"], colour["range"]))["behind"] == charts.OKABE_ITO["vermillion"]
    assert "under" in {l["encoding"]["text"]["field"] for l in layers if l["mark"]["type"] == "text"}
    assert any(l["mark"]["type"] == "tick" for l in layers)          # where the line says to be
    assert any(l["mark"]["type"] == "rule" for l in layers)          # the target, at 100%
    data = next(iter(spec["datasets"].values()))
    assert max(r["bar"] for r in data if r["bar"] is not None) == 150   # over-achievers clipped


def test_many_events_keep_their_labels_in_tooltips_only():
    many = pd.concat([_events()] * 6, ignore_index=True)          # 18 events
    layers = _layers(charts.sales_trend(many, TITLES, buddhist_era=True).to_dict())
    assert not any(l["mark"]["type"] == "text" for l in layers)
    assert len(_layers(charts.sales_trend(_events(), TITLES, buddhist_era=True).to_dict())) == 4


def test_enlarged_grows_text_and_its_room_but_not_the_data():
    data = pd.DataFrame({"label": ["a"], "value": [1.0], "dy": [3], "fontSize": [7]})
    bars = alt.Chart(data).mark_bar(size=24).encode(x="value:Q", y="label:N")
    names = alt.Chart(data).mark_text(fontSize=16, dy=-15).encode(x="value:Q", y="label:N", text="label:N")
    dots = alt.Chart(data).mark_point(size=160).encode(x="value:Q", y="label:N")
    chart = (alt.layer(bars, names, dots).properties(height=100)
             .configure_axis(labelFontSize=18, titleFontSize=18, labelLimit=220))
    spec = charts.enlarged(chart, 1.5)
    bar, text, point = spec["layer"]
    assert bar["mark"]["size"] == 36                          # a bar's thickness
    assert (text["mark"]["fontSize"], text["mark"]["dy"]) == (24, -22)
    assert point["mark"]["size"] == 160                       # a point's area is not text
    assert spec["height"] == 150
    assert (spec["config"]["axis"]["labelFontSize"], spec["config"]["axis"]["labelLimit"]) == (27, 330)
    assert list(spec["datasets"].values()) == [[{"label": "a", "value": 1.0, "dy": 3, "fontSize": 7}]]
    assert charts.enlarged(chart, 1.0) == chart.to_dict()
