"""DataFrame in, Altair or pydeck object out. No queries, no Streamlit: builders are pure, so
tests check them as data (`chart.to_dict()`, `deck.to_json()`)."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
import pydeck as pdk

from samma.funds import STEP_MONTHS
from samma.i18n import baht, date, number, pick, t

# Okabe–Ito: told apart by people with any common colour blindness and on a washed-out
# projector. Meaning never rests on colour alone: every mark has a label, a legend entry or a
# tooltip that says what it is.
OKABE_ITO = {"orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
             "grey": "#999999"}
SERIES = tuple(OKABE_ITO[c] for c in ("orange", "sky", "green", "yellow", "blue", "vermillion",
                                     "purple", "black"))      # for categories, in this order

# --- map and groups (issue 4) -----------------------------------------------------------------

# The stages run warm (not started) to green (all 5 K). Text always says the stage too.
STAGES = ("target", "sages", "households", "group", "all5k")
STAGE_COLOURS = tuple(OKABE_ITO[c] for c in ("vermillion", "orange", "yellow", "sky", "green"))
PILOT_BLUE = OKABE_ITO["blue"]
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

MEMBERS_GREY = OKABE_ITO["grey"]
PURPOSES = ("grant", "matching", "shares", "savings", "training", "design", "marketing", "event")
# The network's uses first, the groups' fund last: bands from the two recipients do not cross.
USES = ("training", "design", "marketing", "event", "grant", "matching", "admin", "revolving")
KINDS = ("cash", "in_kind")
# Fit the width to the page, but let the height be the plot's own: Streamlit's default ("fit")
# squeezes the plot to make room for legends and axis titles.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def _thai_year_axis(lang: str) -> dict:
    """Year ticks in the Buddhist Era for Thai readers (Vega-Lite only knows the CE year)."""
    ticks = {"format": "%Y", "tickCount": {"interval": "year", "step": 1}}
    if lang == "th":
        return {**ticks, "labelExpr": "toNumber(timeFormat(datum.value, '%Y')) + 543"}
    return ticks


def support_chart(support: pd.DataFrame, kind: str, lang: str, by: str = "partner") -> alt.LayerChart:
    """One kind of partners' support (cash, or in kind) in baht: a chart per kind, so the two
    are never one sum. Bars split by purpose; `by` is "partner" or "fiscal_year"."""
    category = "partner" if by == "partner" else "year"
    data = support[support.kind == kind].copy()
    data["partner"] = data[f"short_{lang}"]
    data["year"] = data.fiscal_year.map(lambda y: str(int(y)) if lang == "th" else f"{int(y)} ({int(y) - 543})")
    data = data.groupby([category, "purpose"], sort=False).amount_baht.sum().reset_index()
    data["purpose_label"] = data.purpose.map(lambda p: t(f"purpose_{p}", lang))
    order = (list(dict.fromkeys(support[f"short_{lang}"])) if by == "partner"
             else sorted(set(data.year)))
    category_title = t("axis_partner" if by == "partner" else "axis_fiscal_year", lang)
    y = alt.Y(f"{category}:N", sort=order, title=category_title)
    # Each purpose keeps its colour on every chart; the legend lists only those present.
    present = [p for p in PURPOSES if p in set(data.purpose)]
    bars = alt.Chart(data).mark_bar().encode(
        x=alt.X("amount_baht:Q", title=t("axis_baht", lang), axis=alt.Axis(format=",.0f")),
        y=y,
        color=alt.Color("purpose_label:N", title=t("axis_purpose", lang),
                        scale=alt.Scale(domain=[t(f"purpose_{p}", lang) for p in present],
                                        range=[SERIES[PURPOSES.index(p)] for p in present]),
                        legend=alt.Legend(orient="bottom", columns=2, labelFontSize=13)),
        order=alt.Order("purpose:N"),
        tooltip=[alt.Tooltip(f"{category}:N", title=category_title),
                 alt.Tooltip("purpose_label:N", title=t("axis_purpose", lang)),
                 alt.Tooltip("amount_baht:Q", title=t("axis_baht", lang), format=",.0f")])
    # The total at the end of each bar: the figure, not only the bar's length.
    totals = alt.Chart(data).mark_text(align="left", dx=4, fontSize=13).encode(
        x="sum(amount_baht):Q", y=y, text=alt.Text("sum(amount_baht):Q", format=",.0f"))
    return alt.layer(bars, totals).properties(
        width="container", autosize=FIT_WIDTH, height=alt.Step(26 if by == "partner" else 22)).configure_axis(
        labelFontSize=13, titleFontSize=13).configure_scale(bandPaddingInner=0.25)


def _smoothstep(t_: float) -> float:
    return t_ * t_ * (3 - 2 * t_)


def flow_layout(flows: pd.DataFrame, origin_order: list[str], gap_share: float = 0.12
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The geometry of a three-column Sankey: origin → recipient → use. Returns (nodes, bands):
    nodes with column, y0, y1 and amount; bands as curved strips, one polygon per (origin,
    stage, from, to), each as points with x, y_top, y_bottom. Every band carries its origin, so
    one origin's whole path can be picked out. Units are baht; gaps are a share of the total."""
    total = flows.amount_baht.sum()
    gap = total * gap_share
    columns = {
        0: [o for o in origin_order if o in set(flows.origin)],
        1: [r for r in ("network", "groups") if r in set(flows.recipient)],
        2: [u for u in USES if u in set(flows.use)],
    }
    keys = {0: "origin", 1: "recipient", 2: "use"}
    nodes, tops = [], {}
    for col, names in columns.items():
        y = 0.0
        for name in names:
            amount = flows[flows[keys[col]] == name].amount_baht.sum()
            nodes.append({"column": col, "node": name, "y0": y, "y1": y + amount, "amount": amount})
            tops[(col, name)] = y
            y += amount + gap
    nodes = pd.DataFrame(nodes)
    rank = {o: i for i, o in enumerate(columns[0])}
    stage1 = flows.groupby(["origin", "recipient"], sort=False).amount_baht.sum().reset_index()
    out_y = dict(tops)
    in_y = dict(tops)
    points = []
    band = 0
    for stage, frame, left, right, left_col in ((1, stage1, "origin", "recipient", 0),
                                                (2, flows, "recipient", "use", 1)):
        # Bands leave a node in the order of their target and arrive in origin order, so
        # strips from one node do not cross one another.
        order = frame.assign(_r=frame.origin.map(rank),
                             _t=frame[right].map({n: i for i, n in enumerate(columns[left_col + 1])}))
        for row in order.sort_values(["_t", "_r"]).itertuples():
            a, b = getattr(row, left), getattr(row, right)
            y_out = out_y[(left_col, a)]
            out_y[(left_col, a)] += row.amount_baht
            y_in = in_y[(left_col + 1, b)]
            in_y[(left_col + 1, b)] += row.amount_baht
            for i in range(17):
                s_ = i / 16
                y_top = y_out + _smoothstep(s_) * (y_in - y_out)
                points.append({"band": band, "origin": row.origin, "stage": stage, "source": a,
                               "target": b, "amount": row.amount_baht,
                               "x": left_col + s_, "y_top": y_top, "y_bottom": y_top + row.amount_baht})
            band += 1
    return nodes, pd.DataFrame(points)


def cash_flow_chart(flows: pd.DataFrame, partner_names: dict[str, str], lang: str) -> alt.LayerChart:
    """Partners (and members) → network / groups → administration, revolving capital or the
    purpose the cash was given for. Pointing at a band lights up that origin's whole path."""
    names = {**partner_names, "members": t("node_members", lang), "network": t("node_network", lang),
             "groups": t("node_groups", lang), "admin": t("use_admin", lang),
             "revolving": t("use_revolving", lang),
             **{p: t(f"purpose_{p}", lang) for p in PURPOSES}}
    origin_order = [*partner_names, "members"]
    nodes, bands = flow_layout(flows, origin_order)
    # Two-line labels (name, then amount) right of each node, so they fit a 390 px phone.
    nodes["label"] = [f"{names[n]}\n{baht(a, lang)}" for n, a in zip(nodes.node, nodes.amount)]
    nodes["x0"] = nodes.column - 0.015
    nodes["x1"] = nodes.column + 0.015
    nodes["label_x"] = nodes.column + 0.03
    nodes["y_mid"] = (nodes.y0 + nodes.y1) / 2
    bands["origin_label"] = bands.origin.map(names)
    bands["from_label"] = bands.source.map(names)
    bands["to_label"] = bands.target.map(names)
    bands["baht_label"] = bands.amount.map(lambda v: baht(v, lang))
    origins_present = [o for o in origin_order if o in set(bands.origin)]
    palette = [MEMBERS_GREY if o == "members" else SERIES[i % len(SERIES)]
               for i, o in enumerate(origins_present)]
    height = float(nodes.y1.max())
    y_scale = alt.Scale(domain=[0, height], reverse=True)
    x_scale = alt.Scale(domain=[-0.02, 2.55])
    hover = alt.selection_point(name="origin_hover", fields=["origin"], on="pointerover",
                                clear="pointerout")
    strip = alt.Chart(bands).mark_area(interpolate="linear", line=False).encode(
        x=alt.X("x:Q", scale=x_scale, axis=None),
        y=alt.Y("y_top:Q", scale=y_scale, axis=None),
        y2="y_bottom:Q",
        detail="band:N",
        color=alt.Color("origin_label:N", title=t("axis_from", lang),
                        scale=alt.Scale(domain=[names[o] for o in origins_present], range=palette),
                        legend=alt.Legend(orient="bottom", columns=2)),
        opacity=alt.condition(hover, alt.value(0.8), alt.value(0.12)),
        tooltip=[alt.Tooltip("origin_label:N", title=t("axis_from", lang)),
                 alt.Tooltip("from_label:N", title="→"),
                 alt.Tooltip("to_label:N", title=t("axis_to", lang)),
                 alt.Tooltip("baht_label:N", title=t("axis_baht", lang))],
    ).add_params(hover)
    boxes = alt.Chart(nodes).mark_rect(color="#333333").encode(
        x="x0:Q", x2="x1:Q", y=alt.Y("y0:Q", scale=y_scale), y2="y1:Q",
        tooltip=[alt.Tooltip("label:N", title=t("axis_baht", lang))])
    labels = alt.Chart(nodes).mark_text(
        align="left", baseline="middle", fontSize=13, fontWeight="bold", lineBreak="\n", dy=-7).encode(
        x=alt.X("label_x:Q", scale=x_scale), y=alt.Y("y_mid:Q", scale=y_scale), text="label:N")
    return alt.layer(strip, boxes, labels).properties(width="container", autosize=FIT_WIDTH, height=540).configure_view(
        strokeWidth=0)


def revolving_fund_chart(months: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Capital and what is out on loan, month by month, against the floor (what was paid in).
    Lines differ in dash as well as colour, and each carries its name at its end."""
    series = ("capital", "floor", "on_loan")
    names = {s: t(f"series_{s}", lang) for s in (*series, "loans_out", "repayments", "profit", "losses")}
    long = months.melt(id_vars=["month", "loans_out", "repayments", "profit", "losses"],
                       value_vars=list(series), var_name="series", value_name="baht")
    long["series_label"] = long.series.map(names)
    x = alt.X("month:T", title=t("axis_month", lang), axis=alt.Axis(**_thai_year_axis(lang)))
    colour = alt.Color("series_label:N", title=None,
                       scale=alt.Scale(domain=[names[s] for s in series],
                                       range=[OKABE_ITO["blue"], "#000000", OKABE_ITO["orange"]]),
                       legend=alt.Legend(orient="bottom", columns=1, labelFontSize=13))
    dash = alt.StrokeDash("series_label:N", scale=alt.Scale(
        domain=[names[s] for s in series], range=[[1, 0], [6, 4], [2, 2]]), legend=None)
    tips = [alt.Tooltip("month:T", title=t("axis_month", lang), format="%m/%Y"),
            alt.Tooltip("series_label:N", title=" "),
            alt.Tooltip("baht:Q", title=t("axis_baht", lang), format=",.0f"),
            *[alt.Tooltip(f"{c}:Q", title=names[c], format=",.0f")
              for c in ("loans_out", "repayments", "profit", "losses")]]
    lines = alt.Chart(long).mark_line(strokeWidth=3).encode(
        x=x, y=alt.Y("baht:Q", title=t("axis_baht", lang), axis=alt.Axis(format=",.0f")),
        color=colour, strokeDash=dash, tooltip=tips)
    return lines.properties(width="container", autosize=FIT_WIDTH, height=340).configure_axis(
        labelFontSize=13, titleFontSize=13)


def revolving_gains_chart(months: pd.DataFrame, lang: str) -> alt.Chart:
    """Each month's profit (up) and losses (down), apart, never netted."""
    names = {s: t(f"series_{s}", lang) for s in ("profit", "losses")}
    gains = months.melt(id_vars=["month"], value_vars=["profit", "losses"], var_name="series",
                        value_name="baht")
    gains["signed"] = gains.baht.where(gains.series == "profit", -gains.baht)
    gains["series_label"] = gains.series.map(names)
    return alt.Chart(gains).mark_bar().encode(
        x=alt.X("month:T", title=t("axis_month", lang), axis=alt.Axis(**_thai_year_axis(lang))),
        y=alt.Y("signed:Q", title=t("axis_baht", lang), axis=alt.Axis(format=",.0f")),
        color=alt.Color("series_label:N", title=None,
                        scale=alt.Scale(domain=list(names.values()), range=[OKABE_ITO["green"], OKABE_ITO["vermillion"]]),
                        legend=alt.Legend(orient="bottom", labelFontSize=13)),
        tooltip=[alt.Tooltip("month:T", title=t("axis_month", lang), format="%m/%Y"),
                 alt.Tooltip("series_label:N", title=" "),
                 alt.Tooltip("baht:Q", title=t("axis_baht", lang), format=",.0f")],
    ).properties(width="container", autosize=FIT_WIDTH, height=180).configure_axis(labelFontSize=13, titleFontSize=13)


def whatif_projection_chart(projection, lang: str) -> alt.LayerChart:
    """The revolving fund month by month after the match, with the quarter, 1 year and 3 years
    marked and named, against the fund at the match (the capital that must not be lost)."""
    data = pd.DataFrame({"month": range(len(projection.monthly)), "baht": projection.monthly})
    steps = pd.DataFrame([{"month": m, "baht": projection.monthly[m],
                           "label": f"{t('step_' + s, lang)}\n{baht(projection.monthly[m], lang)}"}
                          for s, m in STEP_MONTHS.items()])
    x = alt.X("month:Q", title=t("axis_months_after", lang),
              scale=alt.Scale(domain=[0, STEP_MONTHS["year3"]]),
              axis=alt.Axis(values=[0, *STEP_MONTHS.values()], labelFontSize=14))
    y = alt.Y("baht:Q", title=t("axis_baht", lang), axis=alt.Axis(format=",.0f", labelFontSize=14),
              scale=alt.Scale(zero=True))
    line = alt.Chart(data).mark_line(strokeWidth=4, color=OKABE_ITO["blue"]).encode(
        x=x, y=y, tooltip=[alt.Tooltip("month:Q", title=t("axis_months_after", lang)),
                           alt.Tooltip("baht:Q", title=t("series_fund", lang), format=",.0f")])
    floor = alt.Chart(pd.DataFrame({"baht": [projection.fund_at_match],
                                    "label": [t("series_fund0", lang)]})).mark_rule(
        strokeDash=[6, 4], strokeWidth=2, color="#000000").encode(
        y="baht:Q", tooltip=[alt.Tooltip("label:N", title=" "),
                             alt.Tooltip("baht:Q", title=t("axis_baht", lang), format=",.0f")])
    floor_label = alt.Chart(pd.DataFrame({"baht": [projection.fund_at_match], "month": [36],
                                          "label": [t("series_fund0", lang)]})).mark_text(
        align="right", dy=14, fontSize=13).encode(x="month:Q", y="baht:Q", text="label:N")
    marks = alt.Chart(steps).mark_point(size=160, filled=True, color=OKABE_ITO["vermillion"], shape="diamond"
                                        ).encode(x=x, y=y)
    # Name over amount, centred above each point (clear of the rising line and the floor);
    # the last one ends at its point so it stays inside the chart.
    last = STEP_MONTHS["year3"]
    early_labels = alt.Chart(steps[steps.month < last]).mark_text(
        align="center", dy=-30, fontSize=15, fontWeight="bold", lineBreak="\n").encode(
        x=x, y=y, text="label:N")
    last_label = alt.Chart(steps[steps.month == last]).mark_text(
        align="right", dx=-10, dy=-30, fontSize=15, fontWeight="bold", lineBreak="\n").encode(
        x=x, y=y, text="label:N")
    return alt.layer(line, floor, floor_label, marks, early_labels, last_label).properties(
        width="container", autosize=FIT_WIDTH, height=360).configure_axis(titleFontSize=14)



# --- market and plan (issue 6) ----------------------------------------------------------------

STATUS_COLOURS = {"reached": OKABE_ITO["green"], "on_track": OKABE_ITO["blue"],
                  "behind": OKABE_ITO["vermillion"], "no_target": OKABE_ITO["grey"],
                  "not_recorded": OKABE_ITO["grey"]}
BIG = 18       # px: read from the back of a meeting room
TEXT = 16
BAR = 24       # px: a bar's thickness
ROW = 64       # px per bar with its name above it; a line under the bar adds UNDER
UNDER = 56
MAX_LABELLED = 15   # events: beyond this, dates and figures live in the tooltips only
AXIS = 80      # px: Streamlit fits the whole chart, axis included, into the height given


def _projector(chart: alt.Chart, height: int) -> alt.Chart:
    return (chart.properties(width="container", height=height)
            .configure_axis(labelFontSize=BIG, titleFontSize=BIG, labelLimit=220)
            .configure_legend(labelFontSize=BIG, titleFontSize=BIG, orient="top")
            .configure_view(stroke=None))


# What grows with the text: its sizes, how much of an axis label shows, the offsets that keep
# text clear of its marks, and the room it needs (heights, a bar's thickness).
_TEXT_SIZES = frozenset({"fontSize", "labelFontSize", "titleFontSize", "labelLimit", "dy",
                         "height"})


def enlarged(chart: alt.TopLevelMixin, factor: float) -> dict:
    """The chart's Vega-Lite spec with its text `factor` times larger (projector mode), and the
    room around the text with it, so that names still sit clear of their bars. The data is
    left as it is, whatever its columns are called."""
    def scale(node, key=None):
        if key in ("datasets", "values"):
            return node
        if isinstance(node, dict):
            bar = node.get("type") == "bar"
            return {k: round(v * factor) if bar and k == "size" and isinstance(v, (int, float))
                    else scale(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [scale(v) for v in node]
        if key in _TEXT_SIZES and isinstance(node, (int, float)) and not isinstance(node, bool):
            return round(node * factor)
        return node
    return scale(chart.to_dict())


def _time_axis(dates: pd.Series, title: str, buddhist_era: bool) -> alt.X:
    """Year ticks, in the Buddhist Era for Thai readers (2568 = 2025), with room at both ends
    for the labels of the first and last events."""
    label = ("toNumber(timeFormat(datum.value, '%Y')) + 543" if buddhist_era
             else "timeFormat(datum.value, '%Y')")
    first, last = pd.Timestamp(dates.min()), pd.Timestamp(dates.max())
    pad = max(pd.Timedelta(days=120), (last - first) * 0.08)
    return alt.X("date:T", scale=alt.Scale(domain=[(first - pad).isoformat(),
                                                   (last + pad).isoformat()]),
                 axis=alt.Axis(title=title, labelExpr=label, grid=False,
                               tickCount={"interval": "year", "step": 1}))


def _named_bars(frame: pd.DataFrame, x: alt.X, colour, tooltip: list, under: str | None = None
                ) -> alt.LayerChart:
    """Bars with each row's name written above its bar (not on an axis), so long Thai names get
    the full width of a phone. A `text` column, if any, goes at the end of the bar, the column
    named by `under` below it. Columns: label, and what `x` and `colour` read."""
    order = list(frame["label"])
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=order, axis=None,
                scale=alt.Scale(paddingOuter=0.15 if under else 0.45)),
        tooltip=tooltip)
    bars = base.mark_bar(size=BAR).encode(x=x, color=colour)
    names = base.mark_text(align="left", baseline="bottom", dy=-(BAR // 2 + 3), fontSize=TEXT,
                           fontWeight="bold").encode(x=alt.datum(0), text="label:N")
    layers = [bars, names]
    if "text" in frame.columns:
        layers.append(base.mark_text(align="left", dx=6, fontSize=TEXT).encode(x=x, text="text:N"))
    if under:
        layers.append(base.mark_text(align="left", baseline="top", dy=BAR // 2 + 3, fontSize=TEXT)
                      .encode(x=alt.datum(0), text=f"{under}:N"))
    return alt.layer(*layers)


def event_timeline(events: pd.DataFrame, titles: dict, buddhist_era: bool) -> alt.Chart:
    """One row per organiser, its name written above the row (not on an axis, so a phone keeps
    the width for the time line); each event a dot sized by what was sold there and labelled
    with its date, below or above as `label_below` says, so neighbours do not write over each
    other. Columns: date, organiser, name, place, date_label, sales_text, sales_baht, label_below."""
    x = _time_axis(events["date"], titles["date"], buddhist_era)
    start = x.to_dict()["scale"]["domain"][0]
    base = alt.Chart(events.assign(row_start=start)).encode(
        x=x,
        y=alt.Y("organiser:N", axis=None, sort=None, scale=alt.Scale(paddingOuter=0.6)),
        tooltip=[alt.Tooltip("name:N", title=titles["event"]),
                 alt.Tooltip("date_label:N", title=titles["date"]),
                 alt.Tooltip("place:N", title=titles["place"]),
                 alt.Tooltip("organiser:N", title=titles["organiser"]),
                 alt.Tooltip("sales_text:N", title=titles["sales"])])
    dots = base.mark_circle(color=OKABE_ITO["blue"], opacity=0.85).encode(
        size=alt.Size("sales_baht:Q", legend=None, scale=alt.Scale(range=[150, 1200])))
    below = base.transform_filter("datum.label_below").mark_text(dy=30, fontSize=TEXT)
    above = base.transform_filter("!datum.label_below").mark_text(dy=-28, fontSize=TEXT)
    dates = below.encode(text="date_label:N") + above.encode(text="date_label:N")
    organisers = base.mark_text(align="left", dy=-52, fontSize=TEXT, fontWeight="bold",
                                color="#555555").encode(x=alt.X("row_start:T"), text="organiser:N")
    layers = [dots, dates, organisers] if len(events) <= MAX_LABELLED else [dots, organisers]
    return _projector(alt.layer(*layers),
                      height=130 * events["organiser"].nunique())


def sales_trend(events: pd.DataFrame, titles: dict, buddhist_era: bool) -> alt.Chart:
    """Sales at each event over time, each point labelled with its baht (above it, or below it
    where `label_below`). Columns: date, name, date_label, sales_baht, sales_text, groups_text,
    label_below."""
    top = float(events["sales_baht"].max()) or 1.0
    base = alt.Chart(events).encode(
        x=_time_axis(events["date"], titles["date"], buddhist_era),
        y=alt.Y("sales_baht:Q", title=titles["sales"], scale=alt.Scale(domain=[0, top * 1.25]),
                axis=alt.Axis(format="~s", tickCount=4)),
        tooltip=[alt.Tooltip("name:N", title=titles["event"]),
                 alt.Tooltip("date_label:N", title=titles["date"]),
                 alt.Tooltip("sales_text:N", title=titles["sales"]),
                 alt.Tooltip("groups_text:N", title=titles["groups"])])
    line = base.mark_line(color=OKABE_ITO["blue"], strokeWidth=3)
    dots = base.mark_point(color=OKABE_ITO["blue"], filled=True, size=160, opacity=1)
    labels = (base.transform_filter("!datum.label_below").mark_text(dy=-20, fontSize=TEXT)
              .encode(text="sales_text:N")
              + base.transform_filter("datum.label_below").mark_text(dy=22, fontSize=TEXT)
              .encode(text="sales_text:N"))
    layers = [line, dots, labels] if len(events) <= MAX_LABELLED else [line, dots]
    return _projector(alt.layer(*layers), height=380)


def ranked_bars(frame: pd.DataFrame, titles: dict, colour: str = OKABE_ITO["blue"]) -> alt.Chart:
    """Largest first, each bar named above and its figure at its end.
    Columns: label, value, text (already in the order to show)."""
    top = float(frame["value"].max()) if len(frame) else 0.0
    x = alt.X("value:Q", title=titles["value"], scale=alt.Scale(domain=[0, top * 1.7 or 1]),
              axis=alt.Axis(format="~s", tickCount=3))
    chart = _named_bars(frame, x, alt.value(colour),
                        [alt.Tooltip("label:N", title=titles["label"]),
                         alt.Tooltip("text:N", title=titles["value"])])
    return _projector(chart, height=ROW * max(1, len(frame)) + AXIS)


def before_after(frame: pd.DataFrame, titles: dict) -> alt.Chart:
    """Sales per group per event before and after one kind of support, each bar labelled with
    its figure; the line under it says how many groups and group-events stand behind it.
    Columns: period, label (the period in words), value, text, behind."""
    top = float(frame["value"].max()) if len(frame) else 0.0
    x = alt.X("value:Q", title=titles["value"], scale=alt.Scale(domain=[0, top * 1.6 or 1]),
              axis=alt.Axis(format="~s", tickCount=3))
    colour = alt.Color("period:N", legend=None, scale=alt.Scale(
        domain=["before", "after"], range=[OKABE_ITO["orange"], OKABE_ITO["blue"]]))
    chart = _named_bars(frame, x, colour,
                        [alt.Tooltip("label:N", title=titles["period"]),
                         alt.Tooltip("text:N", title=titles["value"]),
                         alt.Tooltip("behind:N", title=titles["behind"])], under="behind")
    return _projector(chart, height=(ROW + UNDER) * len(frame) + AXIS)


def plan_status(frame: pd.DataFrame, titles: dict) -> alt.Chart:
    """Each indicator's actual as a share of its target, the straight-line expectation marked
    with a black tick, the target as a dashed line, and the status written under each bar (not
    told by colour alone). Columns: label, percent, expected_percent, status, text, under."""
    statuses = list(STATUS_COLOURS)
    shown = frame.assign(bar=frame["percent"].clip(upper=150))
    x = alt.X("bar:Q", title=titles["percent"], scale=alt.Scale(domain=[0, 150]),
              axis=alt.Axis(values=[0, 50, 100, 150]))
    colour = alt.Color("status:N", legend=None, scale=alt.Scale(
        domain=statuses, range=[STATUS_COLOURS[s] for s in statuses]))
    bars = _named_bars(shown, x, colour, [alt.Tooltip("label:N", title=titles["indicator"]),
                                          alt.Tooltip("under:N", title=titles["status"])],
                       under="under")
    expected = alt.Chart(shown).mark_tick(color="black", thickness=3, size=BAR + 12).encode(
        x="expected_percent:Q", y=alt.Y("label:N", sort=list(shown["label"]), axis=None))
    target = alt.Chart(pd.DataFrame({"x": [100]})).mark_rule(
        color="black", strokeDash=[6, 4], strokeWidth=2).encode(x="x:Q")
    return _projector(alt.layer(bars, expected, target), height=(ROW + UNDER) * len(frame) + AXIS)
