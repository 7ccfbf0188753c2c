"""Market and plan chart builders, checked as data: Okabe–Ito colours, words beside colour,
Buddhist-era years, big text."""

import json

import altair as alt
import pandas as pd

from samma import charts


def _events():
    """Three events as queries.market_events gives them, in both languages."""
    both = {f"{field}_{lang}": values for field, values in (
        ("name", ["a", "b", "c"]), ("place", ["p", "q", "r"]), ("organiser", ["CDD", "CDD", "KPS"]))
        for lang in ("th", "en")}
    return pd.DataFrame({
        "date": pd.to_datetime(["2018-03-24", "2024-08-17", "2026-08-22"]),
        "organiser_code": ["CDD", "CDD", "KPS"], **both, "sales_baht": [1.0, 2.0, 3.0],
        "groups_selling": [1, 2, 3]})


def _layers(spec: dict) -> list[dict]:
    found = []
    for layer in spec.get("layer", []):
        found.extend(_layers(layer) if "layer" in layer else [layer])
    return found


def test_timeline_years_are_buddhist_era_in_thai_and_common_era_in_english():
    thai = charts.event_timeline(_events(), "th").to_dict()
    english = charts.event_timeline(_events(), "en").to_dict()
    axis = _layers(thai)[0]["encoding"]["x"]["axis"]
    assert axis["labelExpr"] == "toNumber(timeFormat(datum.value, '%Y')) + 543"
    assert "543" not in _layers(english)[0]["encoding"]["x"]["axis"]["labelExpr"]
    # The date labels are the given Buddhist-era strings, one layer above and one below.
    texts = [layer for layer in _layers(thai) if layer["mark"]["type"] == "text"]
    assert {layer["encoding"]["text"]["field"] for layer in texts} == {"date_label", "organiser"}
    assert thai["config"]["axis"]["labelFontSize"] >= 16


def test_timeline_domain_leaves_room_for_the_first_and_last_labels():
    spec = charts.sales_trend(_events(), "th").to_dict()
    start, end = _layers(spec)[0]["encoding"]["x"]["scale"]["domain"]
    assert pd.Timestamp(start) < pd.Timestamp("2018-03-24") and pd.Timestamp(end) > pd.Timestamp("2026-08-22")


def test_ranked_bars_keep_the_given_order_and_write_each_figure():
    frame = pd.DataFrame({"name_th": ["b", "a"], "name_en": ["b", "a"], "sales_baht": [20.0, 10.0]})
    spec = charts.sales_ranking(frame, "th").to_dict()
    layers = _layers(spec)
    assert layers[0]["encoding"]["y"]["sort"] == ["b", "a"]
    assert layers[0]["encoding"]["color"] == {"value": charts.OKABE_ITO["blue"]}
    texts = {layer["encoding"]["text"]["field"] for layer in layers if layer["mark"]["type"] == "text"}
    assert texts == {"label", "text"}
    assert spec["height"] == charts.ROW * 2 + charts.AXIS


def test_before_after_writes_the_groups_behind_each_bar_in_okabe_ito():
    frame = pd.DataFrame({"kind": "social_media", "period": ["before", "after"],
                          "sales_per_group_event": [9190.0, 15575.0], "groups": [10, 13],
                          "group_events": [11, 48]})
    spec = charts.before_after(frame, "th").to_dict()
    layers = _layers(spec)
    colour = layers[0]["encoding"]["color"]["scale"]
    assert colour["domain"] == ["before", "after"]
    assert colour["range"] == [charts.OKABE_ITO["orange"], charts.OKABE_ITO["blue"]]
    assert "behind" in {layer["encoding"]["text"]["field"] for layer in layers if layer["mark"]["type"] == "text"}
    assert json.dumps(spec, ensure_ascii=False).count("จาก 10 กลุ่ม") == 1


def test_plan_status_says_the_status_in_words_and_marks_the_target_and_the_line():
    frame = pd.DataFrame({"indicator": ["households_trained", "revolving_fund", "income"],
                          "actual": [260.0, 240.0, None], "target": [260.0, 100.0, None],
                          "expected": [260.0, 80.0, None],
                          "status": ["reached", "behind", "not_recorded"]})
    spec = charts.plan_status(frame, "th").to_dict()
    layers = _layers(spec)
    colour = layers[0]["encoding"]["color"]["scale"]
    assert dict(zip(colour["domain"], colour["range"]))["behind"] == charts.OKABE_ITO["vermillion"]
    assert "under" in {layer["encoding"]["text"]["field"] for layer in layers if layer["mark"]["type"] == "text"}
    assert any(layer["mark"]["type"] == "tick" for layer in layers)          # where the line says to be
    assert any(layer["mark"]["type"] == "rule" for layer in layers)          # the target, at 100%
    data = next(iter(spec["datasets"].values()))
    assert max(r["bar"] for r in data if r["bar"] is not None) == 150   # over-achievers clipped


def test_many_events_keep_their_labels_in_tooltips_only():
    many = pd.concat([_events()] * 6, ignore_index=True)          # 18 events
    layers = _layers(charts.sales_trend(many, "th").to_dict())
    assert not any(layer["mark"]["type"] == "text" for layer in layers)
    assert len(_layers(charts.sales_trend(_events(), "th").to_dict())) == 4


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


def test_enlarged_grows_a_height_by_step_with_the_names_beside_the_bars():
    data = pd.DataFrame({"label": ["a", "b"], "value": [1.0, 2.0], "step": [5, 6]})
    chart = (alt.Chart(data).mark_bar().encode(x=alt.X("value:Q", bin=alt.Bin(step=0.5)), y="label:N")
             .properties(height=alt.Step(26)).configure_axis(labelFontSize=13))
    spec = charts.enlarged(chart, 1.5)
    assert spec["height"] == {"step": 39}                     # 26 × 1.5: names 20 px tall fit
    assert spec["encoding"]["x"]["bin"] == {"step": 0.5}      # a bin's step is the data's, not text
    assert list(spec["datasets"].values())[0][0]["step"] == 5
