"""DataFrame in, Altair or pydeck object out. No queries, no Streamlit: builders are pure, so
tests check them as data (`chart.to_dict()`, `deck.to_json()`)."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
import pydeck as pdk

from samma.i18n import date, number, pick, t


# --- map and groups (issue 4) -----------------------------------------------------------------

# Okabe–Ito colours, told apart by people with the common colour-vision deficiencies; the
# stages run warm (not started) to green (all 5 K). Text always says the stage too.
STAGES = ("target", "sages", "households", "group", "all5k")
STAGE_COLOURS = ("#D55E00", "#E69F00", "#F0E442", "#56B4E9", "#009E73")
PILOT_BLUE = "#0072B2"
K_ORDER = ("committee", "members", "rules", "fund", "activities")
# Carto's light basemap: free and needs no token. Used only when the page asks for it.
CARTO_LIGHT = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json"
MAP_HEIGHT = 520
# How far an outline reaches past its outermost villages, by the code length of the area.
OUTLINE_PAD_KM = {2: 8.0, 4: 2.5, 6: 0.6}


def _rgb(colour: str, alpha: int = 255) -> list[int]:
    return [int(colour[i:i + 2], 16) for i in (1, 3, 5)] + [alpha]


def stage_name(rank: int, lang: str) -> str:
    return t(f"stage_{STAGES[rank]}", lang)


def next_step(stage_rank: int, next_k: str | None, lang: str) -> str:
    """What a village needs next: the next stage, or inside a formed group its first missing K."""
    if isinstance(next_k, str):
        return t(f"k_{next_k}", lang)
    if stage_rank < len(STAGES) - 1:
        return stage_name(stage_rank + 1, lang)
    return t("next_none", lang)


def padded_hull(points: list[tuple[float, float]], pad_km: float) -> list[list[float]]:
    """Convex hull (monotone chain) of the points, each first widened to an octagon of radius
    `pad_km`, so one or two villages still make a recognisable shape."""
    if not points:
        return []
    lat0 = sum(p[1] for p in points) / len(points)
    dlat = pad_km / 111.0
    dlon = pad_km / (111.0 * max(math.cos(math.radians(lat0)), 0.1))
    cloud = sorted({(round(lon + dlon * math.cos(a), 6), round(lat + dlat * math.sin(a), 6))
                    for lon, lat in points for a in (i * math.pi / 4 for i in range(8))})

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    def half(pts):
        chain: list[tuple[float, float]] = []
        for p in pts:
            while len(chain) >= 2 and cross(chain[-2], chain[-1], p) <= 0:
                chain.pop()
            chain.append(p)
        return chain

    lower, upper = half(cloud), half(reversed(cloud))
    return [list(p) for p in lower[:-1] + upper[:-1]]


def fit_view(lons: pd.Series, lats: pd.Series, width_px: int = 360,
             height_px: int = MAP_HEIGHT) -> pdk.ViewState:
    """A view that shows every point with a margin (deck.gl: 512 px span 360° at zoom 0).
    The server cannot know the screen, so it fits a phone's width; on a projector the map's
    height is what limits the zoom anyway."""
    lon0, lon1, lat0, lat1 = lons.min(), lons.max(), lats.min(), lats.max()
    mid_lat = (lat0 + lat1) / 2
    span_x = max(lon1 - lon0, 0.01) * 1.15
    span_y = max(lat1 - lat0, 0.01) * 1.15 / math.cos(math.radians(mid_lat))
    zoom = math.log2(min(width_px * 360 / (512 * span_x), height_px * 360 / (512 * span_y)))
    return pdk.ViewState(latitude=float(mid_lat), longitude=float((lon0 + lon1) / 2),
                         zoom=round(min(max(zoom, 3.0), 14.0), 2), pitch=0, bearing=0)


def outlines_frame(points: pd.DataFrame, areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One padded hull per area from its (code, lon, lat) points, named from `areas` (code,
    name_th, name_en, pilot_villages) for a text tooltip; pilot subdistricts stand out in blue."""
    names = {r["code"]: r for r in areas.to_dict("records")}
    rows = []
    for code, part in points.groupby("code", sort=True):
        area = names.get(code)
        # Only a subdistrict is a pilot; a district or province merely contains one.
        pilot = bool(area and area["pilot_villages"] > 0 and len(code) == 6)
        name = pick(area, "name", lang) if area else code
        hull = padded_hull(list(zip(part["lon"], part["lat"])), OUTLINE_PAD_KM[len(code)])
        rows.append({"code": code, "polygon": hull,
                     "tooltip": name + (" · " + t("mg_pilot", lang) if pilot else ""),
                     "line": _rgb(PILOT_BLUE) if pilot else [110, 110, 110, 255],
                     "fill": _rgb(PILOT_BLUE, 38) if pilot else [120, 120, 120, 22],
                     "width": 3 if pilot else 1})
    return pd.DataFrame(rows, columns=["code", "polygon", "tooltip", "line", "fill", "width"])


def _outline_layer(outlines: pd.DataFrame) -> pdk.Layer:
    return pdk.Layer("PolygonLayer", outlines, id="outlines", get_polygon="polygon",
                     get_fill_color="fill", get_line_color="line", get_line_width="width",
                     line_width_units="'pixels'", stroked=True, filled=True, pickable=True)


def _deck(layers: list[pdk.Layer], points: pd.DataFrame, outlines: pd.DataFrame,
          basemap: bool) -> pdk.Deck:
    # Offline by default. Streamlit fills in a Carto basemap whenever mapStyle is missing (as
    # map_style=None leaves it); only pydeck's own placeholder style with no provider makes
    # it draw none and request nothing.
    basemap_args = ({"map_provider": "carto", "map_style": CARTO_LIGHT} if basemap
                    else {"map_provider": None})
    # Fit the outlines too: they reach past the outermost villages.
    corners = [corner for polygon in outlines["polygon"] for corner in polygon]
    lons = pd.concat([points["lon"], pd.Series([c[0] for c in corners], dtype=float)])
    lats = pd.concat([points["lat"], pd.Series([c[1] for c in corners], dtype=float)])
    return pdk.Deck(layers=layers, initial_view_state=fit_view(lons, lats),
                    tooltip={"text": "{tooltip}"}, height=MAP_HEIGHT, **basemap_args)


def village_tooltip(row: dict, lang: str) -> str:
    return "\n".join((
        pick(row, "name", lang),
        t("tooltip_moo", lang, moo=row["moo"], subdistrict=pick(row, "subdistrict", lang)),
        t("tooltip_stage", lang, stage=stage_name(row["stage_rank"], lang)),
        t("tooltip_households", lang, n=number(row["households"])),
        t("tooltip_groups", lang, n=number(row["groups_formed"]), k5=number(row["groups_5k"])),
        t("tooltip_next", lang, step=next_step(row["stage_rank"], row["next_k"], lang)),
    ))


def village_map(villages: pd.DataFrame, outlines: pd.DataFrame, lang: str, basemap: bool = False,
                selected: str | None = None) -> pdk.Deck:
    """Villages coloured by stage and sized by households enrolled, over their subdistricts'
    outlines; the selected village gets a ring."""
    data = villages.copy()
    data["tooltip"] = [village_tooltip(r, lang) for r in data.to_dict("records")]
    data["colour"] = [_rgb(STAGE_COLOURS[r]) for r in data["stage_rank"]]
    data["radius"] = [5 + 7 * math.sqrt(min(h, 40) / 20) for h in data["households"]]
    data = data[["code", "lon", "lat", "tooltip", "colour", "radius", "is_pilot"]]
    layers = [_outline_layer(outlines),
              pdk.Layer("ScatterplotLayer", data, id="villages", get_position=["lon", "lat"],
                        get_fill_color="colour", get_radius="radius", radius_units="'pixels'",
                        stroked=True, get_line_color=[40, 40, 40, 255], line_width_min_pixels=1,
                        pickable=True, auto_highlight=True)]
    if selected is not None and (data["code"] == selected).any():
        layers.append(pdk.Layer("ScatterplotLayer", data[data["code"] == selected], id="selected",
                                get_position=["lon", "lat"], get_radius=22, radius_units="'pixels'",
                                filled=False, stroked=True, get_line_color=[0, 0, 0, 255],
                                line_width_min_pixels=3))
    return _deck(layers, data, outlines, basemap)


def area_tooltip(row: dict, lang: str) -> str:
    counts = " · ".join(f"{stage_name(rank, lang)} {number(row[f'stage_{rank}'])}"
                        for rank in range(len(STAGES)))
    return "\n".join((
        pick(row, "name", lang),
        t("tooltip_villages", lang, n=number(row["villages"]), pilot=number(row["pilot_villages"])),
        t("tooltip_households", lang, n=number(row["households"])),
        t("tooltip_groups", lang, n=number(row["groups_formed"]), k5=number(row["groups_5k"])),
        counts,
        t("tooltip_typical", lang, stage=stage_name(row["typical_rank"], lang)),
    ))


def area_map(areas: pd.DataFrame, outlines: pd.DataFrame, lang: str, basemap: bool = False) -> pdk.Deck:
    """One circle per area (province, district or subdistrict), sized by households and coloured
    by the stage at least half its villages have reached."""
    data = areas.copy()
    biggest = max(int(data["households"].max()), 1)
    data["tooltip"] = [area_tooltip(r, lang) for r in data.to_dict("records")]
    data["colour"] = [_rgb(STAGE_COLOURS[r]) for r in data["typical_rank"]]
    data["radius"] = [8 + 22 * math.sqrt(h / biggest) for h in data["households"]]
    data = data[["code", "lon", "lat", "tooltip", "colour", "radius"]]
    layers = [_outline_layer(outlines),
              pdk.Layer("ScatterplotLayer", data, id="areas", get_position=["lon", "lat"],
                        get_fill_color="colour", get_radius="radius", radius_units="'pixels'",
                        stroked=True, get_line_color=[40, 40, 40, 255], line_width_min_pixels=1,
                        pickable=True, auto_highlight=True)]
    return _deck(layers, data, outlines, basemap)


def stage_legend(lang: str) -> alt.Chart:
    """The map's legend as a chart, in the page's language (names, not only colours)."""
    frame = pd.DataFrame({"rank": range(len(STAGES)),
                          "stage": [stage_name(r, lang) for r in range(len(STAGES))]})
    scale = alt.Scale(domain=list(frame["stage"]), range=list(STAGE_COLOURS))
    base = alt.Chart(frame).encode(y=alt.Y("stage:N", sort=list(frame["stage"]), axis=None))
    dots = base.mark_circle(size=300, stroke="#282828", strokeWidth=1, opacity=1).encode(
        x=alt.value(12), color=alt.Color("stage:N", scale=scale, legend=None))
    names = base.mark_text(align="left", dx=28, fontSize=16).encode(x=alt.value(0), text="stage:N")
    return (dots + names).properties(height=36 * len(STAGES), width="container")


def funnel_chart(funnel: pd.DataFrame, lang: str) -> alt.Chart:
    """Each step as a share of its own denominator, the figures written out above each bar."""
    data = funnel.copy()
    data["label"] = [t(f"funnel_{s}", lang) for s in data["step"]]
    data["share"] = [v / d if d else 0.0 for v, d in zip(data["value"], data["denominator"])]
    data["text"] = [t("funnel_line", lang, label=r["label"], value=number(r["value"]),
                      denominator=number(r["denominator"]), of=t(r["denominator_key"], lang),
                      share=number(100 * r["share"]))
                    for r in data.to_dict("records")]
    data["whole"] = 1.0
    data = data[["step", "label", "share", "whole", "text", "value", "denominator"]]
    order = list(data["label"])
    y = alt.Y("label:N", sort=order, axis=None,
              scale=alt.Scale(paddingInner=0.68, paddingOuter=0.5))
    base = alt.Chart(data).encode(y=y)
    x_axis = alt.Axis(format="%", title=t("funnel_axis", lang), grid=False,
                      values=[0, 0.25, 0.5, 0.75, 1], labelFontSize=13)
    whole = base.mark_bar(color="#E6E6E6").encode(
        x=alt.X("whole:Q", scale=alt.Scale(domain=[0, 1]), axis=x_axis))
    bars = base.mark_bar(color=PILOT_BLUE).encode(x="share:Q")
    # Two short lines (the step, then its figures; dy lifts the first, which Vega anchors) stay
    # inside a phone's width: a longer line would make Vega shrink the bars to make room for it.
    text = base.mark_text(align="left", baseline="bottom", dy=-32, fontSize=15, color="#222",
                          lineBreak="\n").encode(x=alt.value(0), text="text:N")
    return (whole + bars + text).properties(height=84 * len(data), width="container")


def _row_label(frame: pd.DataFrame, lang: str) -> pd.Series:
    """A village's name, with its group's when the village has more than one group."""
    several = frame.groupby("village_code")["group_code"].transform("nunique") > 1
    village = frame[f"village_{lang}"]
    return village.where(~several, village + " · " + frame[f"group_{lang}"])


def five_k_chart(matrix: pd.DataFrame, lang: str) -> alt.Chart:
    """Village × 5 K: what is in place (and the year it was reached), which K comes next, and
    what is still to come. The cell text says it, so colour is never the only cue."""
    data = matrix.copy()
    data["row"] = _row_label(data, lang)
    data["column"] = [t(f"k_{k}", lang) for k in data["k"]]
    reached = data["reached"].notna()
    is_next = ~reached & (data["k"] == data["next_k"])
    data["status"] = ["reached" if r else ("next" if n else "missing") for r, n in zip(reached, is_next)]
    data["status_label"] = [t(f"k_status_{s}", lang) for s in data["status"]]
    era = 543 if lang == "th" else 0
    data["cell"] = [str(pd.Timestamp(d).year + era) if r else t(f"k_cell_{s}", lang)
                    for d, r, s in zip(data["reached"], reached, data["status"])]
    data["when"] = [date(pd.Timestamp(d).date(), lang) if r else "–" for d, r in zip(data["reached"], reached)]
    data = data[["row", "column", "status", "status_label", "cell", "when", "k_ord"]]
    rows = list(dict.fromkeys(data["row"]))
    columns = [t(f"k_{k}", lang) for k in K_ORDER]
    colour = alt.Color("status:N", legend=None, scale=alt.Scale(
        domain=["reached", "next", "missing"], range=["#7CCBA8", "#F3C46B", "#EFEFEF"]))
    base = alt.Chart(data).encode(
        x=alt.X("column:N", sort=columns, title=None,
                # Slanted, every label shows even in a phone's narrow columns.
                axis=alt.Axis(orient="top", labelAngle=30, labelAlign="right", labelOverlap=False,
                              labelFontSize=14, labelLimit=140)),
        y=alt.Y("row:N", sort=rows, title=None, axis=alt.Axis(labelFontSize=14, labelLimit=170)),
        tooltip=[alt.Tooltip("row:N", title=t("mg_village", lang)),
                 alt.Tooltip("column:N", title=t("mg_five_k", lang)),
                 alt.Tooltip("status_label:N", title=t("k_status", lang)),
                 alt.Tooltip("when:N", title=t("k_reached_on", lang))])
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(color=colour)
    text = base.mark_text(fontSize=14, color="#1a1a1a").encode(text="cell:N")
    # Room for the column labels on top, which the height would otherwise squeeze out.
    return (cells + text).properties(height=32 * len(rows) + 70, width="container")


def progress_chart(actual: pd.DataFrame, targets: pd.DataFrame, indicator: str, lang: str) -> alt.Chart:
    """One indicator month by month, with the plan's quarter / 1-year / 3-year targets as
    labelled diamonds at their due dates."""
    line = actual[actual["indicator"] == indicator][["month", "value"]].copy()
    goal = targets[targets["indicator"] == indicator][["step", "target", "due"]].copy()
    goal["due"] = pd.to_datetime(goal["due"])
    goal["label"] = [t(f"mg_step_{s}", lang) + " " + number(v) for s, v in zip(goal["step"], goal["target"])]
    goal["step_name"] = [t(f"mg_step_{s}", lang) for s in goal["step"]]
    goal["due_text"] = [date(pd.Timestamp(d).date(), lang) for d in goal["due"]]
    line["month_text"] = [date(pd.Timestamp(d).date(), lang) for d in line["month"]]
    year_labels = "year(datum.value) + 543" if lang == "th" else "year(datum.value)"
    x = alt.X("month:T", title=None, axis=alt.Axis(labelExpr=year_labels, tickCount="year",
                                                   labelOverlap=True, grid=False))
    actual_line = alt.Chart(line).mark_line(color=PILOT_BLUE, strokeWidth=3, interpolate="step-after").encode(
        x=x, y=alt.Y("value:Q", title=None),
        tooltip=[alt.Tooltip("month_text:N", title=t("mg_month", lang)),
                 alt.Tooltip("value:Q", title=t("mg_actual", lang), format=",")])
    marks = alt.Chart(goal).mark_point(shape="diamond", size=180, filled=True, color="#D55E00").encode(
        x=alt.X("due:T"), y="target:Q",
        tooltip=[alt.Tooltip("step_name:N", title=t("mg_plan_step", lang)),
                 alt.Tooltip("due_text:N", title=t("mg_due", lang)),
                 alt.Tooltip("target:Q", title=t("mg_target", lang), format=",")])
    # Quarter and 1-year targets are often equal: their labels go below and above the marks.
    labels = [alt.Chart(goal).transform_filter(alt.datum.step == step).mark_text(
                  align="right", dx=-10, dy=dy, fontSize=14, color="#7a2f00").encode(
                  x="due:T", y="target:Q", text="label:N")
              for step, dy in (("quarter", 16), ("year1", -12), ("year3", -12))]
    return alt.layer(actual_line, marks, *labels).properties(height=260, width="container",
                                                     title=t(f"progress_{indicator}", lang))


# --- funds and what-if (issue 5) --------------------------------------------------------------


# --- market and plan (issue 6) ----------------------------------------------------------------
