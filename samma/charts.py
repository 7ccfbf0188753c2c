"""Data and the language in, an Altair chart out: each builder makes its own labels, titles and
tooltips. No queries, no Streamlit: builders are pure, so tests check them as data
(`chart.to_dict()`). The map (pydeck) is in `maps`.

Layers that share their rows get them once, on the layer (`alt.layer(..., data=rows)`, each
layer an `alt.Chart()` without data): given to every layer, the same rows make Altair write
the whole frame out as text for each layer, to find that they are the same, and copy every
layer to lift them up, for the very same spec (a Plan status chart made in 23 ms, not 55)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from samma import domain, income, plan
from samma.domain import BUDDHIST_ERA_OFFSET, FIVE_K, STAGES
from samma.funds import STEP_MONTHS
from samma.i18n import baht, date, month, number, t, t_plain

# Okabe–Ito: told apart by people with any common colour blindness and on a washed-out
# projector. Meaning never rests on colour alone: every mark has a label, a legend entry or a
# tooltip that says what it is.
OKABE_ITO = {"orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
             "grey": "#999999"}
SERIES = tuple(OKABE_ITO[c] for c in ("orange", "sky", "green", "yellow", "blue", "vermillion",
                                     "purple", "black"))      # for categories, in this order

# The stages run warm (not started) to green (all 5 K). Text always says the stage too.
STAGE_COLOURS = tuple(OKABE_ITO[c] for c in ("vermillion", "orange", "yellow", "sky", "green"))
PILOT_BLUE = OKABE_ITO["blue"]


def year_axis(lang: str, **options) -> alt.Axis:
    """A time axis with a tick a year, labelled in the Buddhist Era for Thai readers (2568 =
    2025 CE): Vega-Lite knows only the Common-era year, so the label adds the difference."""
    label = "timeFormat(datum.value, '%Y')"
    if lang == "th":
        label = f"toNumber({label}) + {BUDDHIST_ERA_OFFSET}"
    return alt.Axis(labelExpr=label, tickCount={"interval": "year", "step": 1}, **options)


# --- map and groups ---------------------------------------------------------------------------

def stage_name(rank: int, lang: str) -> str:
    return t(f"stage_{STAGES[rank]}", lang)


def next_step(stage_rank: int, next_k: str | None, lang: str) -> str:
    """What a village needs next: the next stage, or inside a formed group its first missing K."""
    if isinstance(next_k, str):
        return t(f"k_{next_k}", lang)
    if stage_rank < len(STAGES) - 1:
        return stage_name(stage_rank + 1, lang)
    return t("next_none", lang)


def funnel_chart(funnel: pd.DataFrame, lang: str) -> alt.Chart:
    """Each step as a share of its own denominator, the figures written out above each bar."""
    data = funnel.copy()
    data["label"] = [t(f"funnel_{s}", lang) for s in data["step"]]
    data["share"] = [v / d if d else 0.0 for v, d in zip(data["value"], data["denominator"])]
    data["text"] = [t_plain("funnel_line", lang, label=r["label"], value=number(r["value"]),
                      denominator=number(r["denominator"]), of=t(r["denominator_key"], lang),
                      share=number(100 * r["share"]))
                    for r in data.to_dict("records")]
    data["whole"] = 1.0
    data = data[["step", "label", "share", "whole", "text", "value", "denominator"]]
    order = list(data["label"])
    y = alt.Y("label:N", sort=order, axis=None,
              scale=alt.Scale(paddingInner=0.68, paddingOuter=0.5))
    base = alt.Chart().encode(y=y)
    x_axis = alt.Axis(format="%", title=t("funnel_axis", lang), grid=False,
                      values=[0, 0.25, 0.5, 0.75, 1], labelFontSize=13)
    whole = base.mark_bar(color="#E6E6E6").encode(
        x=alt.X("whole:Q", scale=alt.Scale(domain=[0, 1]), axis=x_axis))
    bars = base.mark_bar(color=PILOT_BLUE).encode(x=alt.X("share:Q"))
    # Two short lines (the step, then its figures; dy lifts the first, which Vega anchors) stay
    # inside a phone's width: a longer line would make Vega shrink the bars to make room for it.
    text = base.mark_text(align="left", baseline="bottom", dy=-32, fontSize=15, color="#222",
                          lineBreak="\n").encode(x=alt.value(0), text=alt.Text("text:N"))
    return alt.layer(whole, bars, text, data=data).properties(height=84 * len(data), width="container")


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
    era = BUDDHIST_ERA_OFFSET if lang == "th" else 0
    data["cell"] = [str(pd.Timestamp(d).year + era) if r else t(f"k_cell_{s}", lang)
                    for d, r, s in zip(data["reached"], reached, data["status"])]
    data["when"] = [date(pd.Timestamp(d).date(), lang) if r else "–" for d, r in zip(data["reached"], reached)]
    data = data[["row", "column", "status", "status_label", "cell", "when", "k_ord"]]
    rows = list(dict.fromkeys(data["row"]))
    columns = [t(f"k_{k}", lang) for k in FIVE_K]
    colour = alt.Color("status:N", legend=None, scale=alt.Scale(
        domain=["reached", "next", "missing"], range=["#7CCBA8", "#F3C46B", "#EFEFEF"]))
    base = alt.Chart().encode(
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
    text = base.mark_text(fontSize=14, color="#1a1a1a").encode(text=alt.Text("cell:N"))
    # Room for the column labels on top, which the height would otherwise squeeze out.
    return alt.layer(cells, text, data=data).properties(height=32 * len(rows) + 70, width="container")


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
    x = alt.X("month:T", title=None, axis=year_axis(lang, labelOverlap=True, grid=False))
    actual_line = alt.Chart(line).mark_line(color=PILOT_BLUE, strokeWidth=3, interpolate="step-after").encode(
        x=x, y=alt.Y("value:Q", title=None),
        tooltip=[alt.Tooltip("month_text:N", title=t("mg_month", lang)),
                 alt.Tooltip("value:Q", title=t("mg_actual", lang), format=",")])
    marks = alt.Chart(goal).mark_point(shape="diamond", size=180, filled=True, color="#D55E00").encode(
        x=alt.X("due:T"), y=alt.Y("target:Q"),
        tooltip=[alt.Tooltip("step_name:N", title=t("mg_plan_step", lang)),
                 alt.Tooltip("due_text:N", title=t("mg_due", lang)),
                 alt.Tooltip("target:Q", title=t("mg_target", lang), format=",")])
    # Quarter and 1-year targets are often equal: their labels go below and above the marks.
    labels = [alt.Chart(goal).transform_filter(alt.datum.step == step).mark_text(
                  align="right", dx=-10, dy=dy, fontSize=14, color="#7a2f00").encode(
                  x=alt.X("due:T"), y=alt.Y("target:Q"), text=alt.Text("label:N"))
              for step, dy in (("quarter", 16), ("year1", -12), ("year3", -12))]
    return alt.layer(actual_line, marks, *labels).properties(height=260, width="container",
                                                     title=t(f"ind_{indicator}", lang))


# --- funds and what-if ------------------------------------------------------------------------

MEMBERS_GREY = OKABE_ITO["grey"]
PURPOSES = ("grant", "matching", "shares", "savings", "training", "design", "marketing", "event")
# The network's uses first, the groups' fund last: bands from the two recipients do not cross.
# Members' money a workbook did not put in a fund's ledger stays under its purpose (shares,
# savings) rather than vanish from the flows.
USES = ("training", "design", "marketing", "event", "grant", "matching", "shares", "savings", "admin",
        "revolving")
KINDS = ("cash", "in_kind")
# Fit the width to the page, but let the height be the plot's own: Streamlit's default ("fit")
# squeezes the plot to make room for legends and axis titles.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def support_chart(support: pd.DataFrame, kind: str, lang: str, by: str = "partner") -> alt.LayerChart:
    """One kind of partners' support (cash, or in kind) in baht: a chart per kind, so the two
    are never one sum. Bars split by purpose; `by` is "partner" or "fiscal_year"."""
    category = "partner" if by == "partner" else "year"
    data = support[support.kind == kind].copy()
    data["partner"] = data[f"short_{lang}"]
    data["year"] = data.fiscal_year.map(
        lambda y: str(int(y)) if lang == "th" else f"{int(y)} ({int(y) - BUDDHIST_ERA_OFFSET})")
    data = data.groupby([category, "purpose"], sort=False).amount_baht.sum().reset_index()
    data["purpose_label"] = data.purpose.map(lambda p: t(f"purpose_{p}", lang))
    order = (list(dict.fromkeys(support[f"short_{lang}"])) if by == "partner"
             else sorted(set(data.year)))
    category_title = t("axis_partner" if by == "partner" else "axis_fiscal_year", lang)
    y = alt.Y(f"{category}:N", sort=order, title=category_title)
    # Each purpose keeps its colour on every chart; the legend lists only those present.
    present = [p for p in PURPOSES if p in set(data.purpose)]
    bars = alt.Chart().mark_bar().encode(
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
    totals = alt.Chart().mark_text(align="left", dx=4, fontSize=13).encode(
        x=alt.X("sum(amount_baht):Q"), y=y, text=alt.Text("sum(amount_baht):Q", format=",.0f"))
    return alt.layer(bars, totals, data=data).properties(
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


def cash_flow_chart(flows: pd.DataFrame, partners: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Partners (and members) → network / groups → administration, revolving capital or the
    purpose the cash was given for. Pointing at a band lights up that origin's whole path.
    `partners` (code, short_th, short_en) names them, in their order."""
    partner_names = dict(zip(partners["code"], partners[f"short_{lang}"]))
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
        y2=alt.Y2("y_bottom:Q"),
        detail=alt.Detail("band:N"),
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
        x=alt.X("x0:Q"), x2=alt.X2("x1:Q"), y=alt.Y("y0:Q", scale=y_scale), y2=alt.Y2("y1:Q"),
        tooltip=[alt.Tooltip("label:N", title=t("axis_baht", lang))])
    labels = alt.Chart(nodes).mark_text(
        align="left", baseline="middle", fontSize=13, fontWeight="bold", lineBreak="\n", dy=-7).encode(
        x=alt.X("label_x:Q", scale=x_scale), y=alt.Y("y_mid:Q", scale=y_scale), text=alt.Text("label:N"))
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
    x = alt.X("month:T", title=t("axis_month", lang), axis=year_axis(lang))
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
        x=alt.X("month:T", title=t("axis_month", lang), axis=year_axis(lang)),
        y=alt.Y("signed:Q", title=t("axis_baht", lang), axis=alt.Axis(format=",.0f")),
        color=alt.Color("series_label:N", title=None,
                        scale=alt.Scale(domain=list(names.values()),
                                        range=[OKABE_ITO["green"], OKABE_ITO["vermillion"]]),
                        legend=alt.Legend(orient="bottom", labelFontSize=13)),
        tooltip=[alt.Tooltip("month:T", title=t("axis_month", lang), format="%m/%Y"),
                 alt.Tooltip("series_label:N", title=" "),
                 alt.Tooltip("baht:Q", title=t("axis_baht", lang), format=",.0f")],
    ).properties(width="container", autosize=FIT_WIDTH, height=180).configure_axis(labelFontSize=13, titleFontSize=13)


def whatif_projection_chart(projection, lang: str) -> alt.LayerChart:
    """The revolving fund month by month after the match, with the quarter, 1 year and 3 years
    marked and named, against everything paid into it by then (the capital that must not be
    lost: the grant's 70% and the members' shares and savings, the match's and after). The two
    lines differ in dash as well as colour and are named in a legend; the steps' names sit on
    the side of their points away from the other line."""
    names = {"fund": t("series_fund", lang), "paid_in": t("series_paid_in", lang)}
    data = pd.DataFrame({"month": [*range(len(projection.monthly)), *range(len(projection.paid_in))],
                         "baht": [*projection.monthly, *projection.paid_in],
                         "series": [names["fund"]] * len(projection.monthly)
                         + [names["paid_in"]] * len(projection.paid_in)})
    steps = pd.DataFrame([{"month": m, "baht": projection.monthly[m],
                           "label": f"{t('step_' + s, lang)}\n{baht(projection.monthly[m], lang)}"}
                          for s, m in STEP_MONTHS.items()])
    x = alt.X("month:Q", title=t("axis_months_after", lang),
              scale=alt.Scale(domain=[0, STEP_MONTHS["year3"]]),
              axis=alt.Axis(values=[0, *STEP_MONTHS.values()], labelFontSize=14))
    y = alt.Y("baht:Q", title=t("axis_baht", lang), axis=alt.Axis(format=",.0f", labelFontSize=14),
              scale=alt.Scale(zero=True))
    domain = [names["fund"], names["paid_in"]]
    lines = alt.Chart(data).mark_line().encode(
        x=x, y=y,
        color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain,
                                                                range=[OKABE_ITO["blue"], "#000000"]),
                        legend=alt.Legend(orient="bottom", columns=1, labelFontSize=14, labelLimit=0)),
        strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=domain, range=[[1, 0], [6, 4]]),
                                  legend=None),
        strokeWidth=alt.StrokeWidth("series:N", scale=alt.Scale(domain=domain, range=[4, 2]),
                                    legend=None),
        tooltip=[alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("month:Q", title=t("axis_months_after", lang)),
                 alt.Tooltip("baht:Q", title=t("axis_baht", lang), format=",.0f")])
    marks = alt.Chart(steps).mark_point(size=160, filled=True, color=OKABE_ITO["vermillion"], shape="diamond"
                                        ).encode(x=x, y=y)
    # Name over amount, centred above each point, or below it when the fund runs under what was
    # paid in (the dashed line is then above); the last one ends at its point so it stays inside.
    dy = 34 if projection.loses_capital else -30
    last = STEP_MONTHS["year3"]
    early_labels = alt.Chart(steps[steps.month < last]).mark_text(
        align="center", dy=dy, fontSize=15, fontWeight="bold", lineBreak="\n").encode(
        x=x, y=y, text=alt.Text("label:N"))
    last_label = alt.Chart(steps[steps.month == last]).mark_text(
        align="right", dx=-10, dy=dy, fontSize=15, fontWeight="bold", lineBreak="\n").encode(
        x=x, y=y, text=alt.Text("label:N"))
    return alt.layer(lines, marks, early_labels, last_label).properties(
        width="container", autosize=FIT_WIDTH, height=360).configure_axis(titleFontSize=14)


# --- market and plan --------------------------------------------------------------------------

STATUS_COLOURS = {"reached": OKABE_ITO["green"], "on_track": OKABE_ITO["blue"],
                  "behind": OKABE_ITO["vermillion"], "no_target": OKABE_ITO["grey"],
                  "not_recorded": OKABE_ITO["grey"], "too_few": OKABE_ITO["grey"]}
TEXT = 16      # px: the Market and Plan charts' text, names above their bars
BAR = 24       # px: a bar's thickness
ROW = 64       # px per bar with its name above it; a line under the bar adds UNDER
UNDER = 56
MAX_LABELLED = 15   # events: beyond this, dates and figures live in the tooltips only
AXIS = 80      # px: Streamlit fits the whole chart, axis included, into the height given


def _framed(chart: alt.Chart, height: int) -> alt.Chart:
    """The Market and Plan charts' common frame: the column's width, text the size of the names
    on the bars, the legend on top, no border. Projector mode enlarges it like any chart."""
    # One copy of the chart, not one per setting: Altair copies the whole chart on each call,
    # most of a layered chart's making.
    return chart.properties(width="container", height=height, config=alt.Config(
        axis=alt.AxisConfig(labelFontSize=TEXT, titleFontSize=TEXT, labelLimit=220),
        legend=alt.LegendConfig(labelFontSize=TEXT, titleFontSize=TEXT, orient="top"),
        view=alt.ViewConfig(stroke=None)))


# What grows with the text: its sizes, how much of an axis label shows, the offsets that keep
# text clear of its marks, and the room it needs (heights, a bar's thickness).
_TEXT_SIZES = frozenset({"fontSize", "labelFontSize", "titleFontSize", "labelLimit", "dy",
                         "height"})


def enlarged(chart: alt.TopLevelMixin | dict, factor: float) -> dict:
    """The chart's Vega-Lite spec with its text `factor` times larger (projector mode), and the
    room around the text with it, so that names still sit clear of their bars. The data is
    left as it is, whatever its columns are called."""
    def scale(node, key=None):
        if key in ("datasets", "values"):
            return node
        if key == "height" and isinstance(node, dict) and "step" in node:
            # A height by step (a bar's band) grows with the names beside it, or they overlap.
            return {**node, "step": round(node["step"] * factor)}
        if isinstance(node, dict):
            bar = node.get("type") == "bar"
            return {k: round(v * factor) if bar and k == "size" and isinstance(v, (int, float))
                    else scale(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [scale(v) for v in node]
        if key in _TEXT_SIZES and isinstance(node, (int, float)) and not isinstance(node, bool):
            return round(node * factor)
        return node
    return scale(chart if isinstance(chart, dict) else chart.to_dict())


def _time_axis(dates: pd.Series, lang: str) -> alt.X:
    """Year ticks (year_axis), with room at both ends for the labels of the first and last
    events."""
    first, last = pd.Timestamp(dates.min()), pd.Timestamp(dates.max())
    pad = max(pd.Timedelta(days=120), (last - first) * 0.08)
    return alt.X("date:T", scale=alt.Scale(domain=[(first - pad).isoformat(),
                                                   (last + pad).isoformat()]),
                 axis=year_axis(lang, title=t("date", lang), grid=False))


def _named_bars(frame: pd.DataFrame, x: alt.X, colour, tooltip: list, under: str | None = None
                ) -> alt.LayerChart:
    """Bars with each row's name written above its bar (not on an axis), so long Thai names get
    the full width of a phone. A `text` column, if any, goes at the end of the bar, the column
    named by `under` below it. Columns: label, and what `x` and `colour` read."""
    order = list(frame["label"])
    base = alt.Chart().encode(
        y=alt.Y("label:N", sort=order, axis=None,
                scale=alt.Scale(paddingOuter=0.15 if under else 0.45)),
        tooltip=tooltip)
    bars = base.mark_bar(size=BAR).encode(x=x, color=colour)
    names = base.mark_text(align="left", baseline="bottom", dy=-(BAR // 2 + 3), fontSize=TEXT,
                           fontWeight="bold").encode(x=alt.XDatum(0), text=alt.Text("label:N"))
    layers = [bars, names]
    if "text" in frame.columns:
        layers.append(base.mark_text(align="left", dx=6, fontSize=TEXT).encode(x=x, text=alt.Text("text:N")))
    if under:
        layers.append(base.mark_text(align="left", baseline="top", dy=BAR // 2 + 3, fontSize=TEXT)
                      .encode(x=alt.XDatum(0), text=alt.Text(f"{under}:N")))
    return alt.layer(*layers, data=frame)


def _event_points(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The points the timeline and the trend draw, with their words. Rows are events
    (queries.market_events) or, where there are too many to draw one by one, months
    (queries.market_months, market_month_totals): a month's events as one point, named by how
    many there were (and in how many districts)."""
    if "month" in events.columns:
        points = events.assign(
            date=pd.to_datetime(events["month"]),
            name=[t("n_events", lang, n=number(n)) for n in events["events"]],
            date_label=[month(d, lang) for d in events["month"]])
        if "districts" in events.columns:
            points["place"] = [t("in_n_districts", lang, n=number(n)) for n in events["districts"]]
    else:
        points = events.assign(name=events[f"name_{lang}"], place=events[f"place_{lang}"],
                               date_label=[date(d.date(), lang) for d in events["date"]])
    if f"organiser_{lang}" in events.columns:
        points["organiser"] = events[f"organiser_{lang}"]
    return points.assign(
        sales_text=[baht(v, lang) for v in events["sales_baht"]],
        groups_text=[t("n_groups", lang, n=number(n)) for n in events["groups_selling"]],
        label_below=[i % 2 == 0 for i in range(len(events))])


def event_timeline(events: pd.DataFrame, lang: str) -> alt.Chart:
    """One row per organiser, its name written above the row (not on an axis, so a phone keeps
    the width for the time line); each event a dot sized by what was sold there and labelled
    with its date, below and above in turn along the row, so neighbours do not write over each
    other. Rows: events or months, as _event_points reads them."""
    points = _event_points(events, lang)
    points["label_below"] = (points.groupby("organiser", sort=False).cumcount() % 2 == 0).tolist()
    x = _time_axis(points["date"], lang)
    start = x.to_dict()["scale"]["domain"][0]
    drawn = points.assign(row_start=start)
    base = alt.Chart().encode(
        x=x,
        y=alt.Y("organiser:N", axis=None, sort=None, scale=alt.Scale(paddingOuter=0.6)),
        tooltip=[alt.Tooltip("name:N", title=t("event", lang)),
                 alt.Tooltip("date_label:N", title=t("date", lang)),
                 alt.Tooltip("place:N", title=t("place", lang)),
                 alt.Tooltip("organiser:N", title=t("organiser", lang)),
                 alt.Tooltip("sales_text:N", title=t("sales_baht_axis", lang))])
    dots = base.mark_circle(color=OKABE_ITO["blue"], opacity=0.85).encode(
        size=alt.Size("sales_baht:Q", legend=None, scale=alt.Scale(range=[150, 1200])))
    below = base.transform_filter("datum.label_below").mark_text(dy=30, fontSize=TEXT)
    above = base.transform_filter("!datum.label_below").mark_text(dy=-28, fontSize=TEXT)
    dates = below.encode(text=alt.Text("date_label:N")) + above.encode(text=alt.Text("date_label:N"))
    organisers = base.mark_text(align="left", dy=-52, fontSize=TEXT, fontWeight="bold",
                                color="#555555").encode(x=alt.X("row_start:T"), text=alt.Text("organiser:N"))
    layers = [dots, dates, organisers] if len(points) <= MAX_LABELLED else [dots, organisers]
    return _framed(alt.layer(*layers, data=drawn), height=130 * points["organiser"].nunique())


def sales_trend(events: pd.DataFrame, lang: str) -> alt.Chart:
    """Sales at each event over time, each point labelled with its baht (above and below in
    turn). Rows: events or months, as _event_points reads them."""
    points = _event_points(events, lang)
    top = float(points["sales_baht"].max()) or 1.0
    sales = t("sales_baht_axis", lang)
    base = alt.Chart().encode(
        x=_time_axis(points["date"], lang),
        y=alt.Y("sales_baht:Q", title=sales, scale=alt.Scale(domain=[0, top * 1.25]),
                axis=alt.Axis(format="~s", tickCount=4)),
        tooltip=[alt.Tooltip("name:N", title=t("event", lang)),
                 alt.Tooltip("date_label:N", title=t("date", lang)),
                 alt.Tooltip("sales_text:N", title=sales),
                 alt.Tooltip("groups_text:N", title=t("groups", lang))])
    line = base.mark_line(color=OKABE_ITO["blue"], strokeWidth=3)
    dots = base.mark_point(color=OKABE_ITO["blue"], filled=True, size=160, opacity=1)
    labels = (base.transform_filter("!datum.label_below").mark_text(dy=-20, fontSize=TEXT)
              .encode(text=alt.Text("sales_text:N"))
              + base.transform_filter("datum.label_below").mark_text(dy=22, fontSize=TEXT)
              .encode(text=alt.Text("sales_text:N")))
    layers = [line, dots, labels] if len(points) <= MAX_LABELLED else [line, dots]
    return _framed(alt.layer(*layers, data=points), height=380)


def _ranked_bars(frame: pd.DataFrame, value_title: str, label_title: str,
                 colour: str = OKABE_ITO["blue"]) -> alt.Chart:
    """Largest first, each bar named above and its figure at its end.
    Columns: label, value, text (already in the order to show)."""
    top = float(frame["value"].max()) if len(frame) else 0.0
    x = alt.X("value:Q", title=value_title, scale=alt.Scale(domain=[0, top * 1.7 or 1]),
              axis=alt.Axis(format="~s", tickCount=3))
    chart = _named_bars(frame, x, alt.value(colour),
                        [alt.Tooltip("label:N", title=label_title),
                         alt.Tooltip("text:N", title=value_title)])
    return _framed(chart, height=ROW * max(1, len(frame)) + AXIS)


def sales_ranking(sales: pd.DataFrame, lang: str) -> alt.Chart:
    """Sales per group, product or village (queries.sales_by_group, sales_by_product,
    sales_by_village), in the order given; a group is named with its subdistrict."""
    if "subdistrict_th" in sales.columns:
        label = sales[f"name_{lang}"] + " · " + sales[f"subdistrict_{lang}"]
    else:
        label = sales[f"name_{lang}"]
    shown = sales.assign(label=label, value=sales["sales_baht"],
                         text=[baht(v, lang) for v in sales["sales_baht"]])
    return _ranked_bars(shown, t("sales_baht_axis", lang), t("market_by", lang))


def best_sellers_chart(best: pd.DataFrame, lang: str) -> alt.Chart:
    """The products that brought in the most (queries.best_sellers), each named with its
    village and written with its baht and how many units were sold."""
    shown = best.assign(
        label=best[f"name_{lang}"] + " · " + best[f"village_{lang}"], value=best["sales_baht"],
        text=[f"{baht(v, lang)} · " + t_plain("qty_unit", lang, n=number(n), unit=unit)
              for v, n, unit in zip(best["sales_baht"], best["quantity"], best[f"unit_{lang}"])])
    return _ranked_bars(shown, t("sales_baht_axis", lang), t("product", lang), OKABE_ITO["green"])


def admin_spending_chart(spent: pd.DataFrame, lang: str) -> alt.Chart:
    """What a fund's administration money paid for (queries.network_detail's spending: purpose,
    amount_baht), in the order given."""
    shown = pd.DataFrame({"label": [t(f"spend_{p}", lang) for p in spent["purpose"]],
                          "value": spent["amount_baht"].to_numpy(),
                          "text": [baht(v, lang) for v in spent["amount_baht"]]})
    return _ranked_bars(shown, t("axis_baht", lang), t("col_purpose", lang))


def before_after(effect: pd.DataFrame, lang: str) -> alt.Chart:
    """Sales per group per event before and after one kind of support, each bar labelled with
    its figure; the line under it says how many groups and group-events stand behind it.
    Rows: one kind's periods from queries.sales_before_after_training."""
    value_title = t("per_group_event", lang)
    frame = effect.assign(
        label=[t(f"period_{p}", lang) for p in effect["period"]],
        value=effect["sales_per_group_event"],
        text=[baht(v, lang) for v in effect["sales_per_group_event"]],
        behind=[t("behind_figure", lang, groups=number(g), times=number(n))
                for g, n in zip(effect["groups"], effect["group_events"])])
    top = float(frame["value"].max()) if len(frame) else 0.0
    x = alt.X("value:Q", title=value_title, scale=alt.Scale(domain=[0, top * 1.6 or 1]),
              axis=alt.Axis(format="~s", tickCount=3))
    colour = alt.Color("period:N", legend=None, scale=alt.Scale(
        domain=["before", "after"], range=[OKABE_ITO["orange"], OKABE_ITO["blue"]]))
    chart = _named_bars(frame, x, colour,
                        [alt.Tooltip("label:N", title=t("period", lang)),
                         alt.Tooltip("text:N", title=value_title),
                         alt.Tooltip("behind:N", title=t("behind_label", lang))], under="behind")
    return _framed(chart, height=(ROW + UNDER) * len(frame) + AXIS)


def plan_status(rows: pd.DataFrame, lang: str) -> alt.Chart:
    """Each indicator's actual as a share of its target, the straight-line expectation marked
    with a black tick, the target as a dashed line, and the status written under each bar (not
    told by colour alone). Rows: plan.step_status."""
    statuses = list(STATUS_COLOURS)
    status_label = [t(f"status_{s}", lang) for s in rows["status"]]
    percent = [plan.percent_of_target(a, tg) for a, tg in zip(rows["actual"], rows["target"])]
    shown = rows.assign(
        label=[t(f"ind_{i}", lang) for i in rows["indicator"]],
        percent=percent,
        expected_percent=[plan.percent_of_target(e, tg) for e, tg in zip(rows["expected"], rows["target"])],
        under=[f"{s} · " + t("of_target", lang, actual=plan.figure(i, a, lang),
                              target=plan.figure(i, tg, lang))
               if not (pd.isna(tg) or pd.isna(a)) else s
               for s, i, a, tg in zip(status_label, rows["indicator"], rows["actual"], rows["target"])],
        bar=pd.Series(percent, index=rows.index, dtype=float).clip(upper=150))
    x = alt.X("bar:Q", title=t("percent_of_target", lang), scale=alt.Scale(domain=[0, 150]),
              axis=alt.Axis(values=[0, 50, 100, 150]))
    colour = alt.Color("status:N", legend=None, scale=alt.Scale(
        domain=statuses, range=[STATUS_COLOURS[s] for s in statuses]))
    bars = _named_bars(shown, x, colour, [alt.Tooltip("label:N", title=t("indicator", lang)),
                                          alt.Tooltip("under:N", title=t("status", lang))],
                       under="under")
    expected = alt.Chart(shown).mark_tick(color="black", thickness=3, size=BAR + 12).encode(
        x=alt.X("expected_percent:Q"), y=alt.Y("label:N", sort=list(shown["label"]), axis=None))
    target = alt.Chart(pd.DataFrame({"x": [100]})).mark_rule(
        color="black", strokeDash=[6, 4], strokeWidth=2).encode(x=alt.X("x:Q"))
    return _framed(alt.layer(bars, expected, target), height=(ROW + UNDER) * len(shown) + AXIS)


# --- income: the program's aim ----------------------------------------------------------------

INCOME_BANDS = ("rose", "same", "fell")
INCOME_COLOURS = {"rose": OKABE_ITO["blue"], "same": OKABE_ITO["grey"], "fell": OKABE_ITO["vermillion"],
                  "baseline": OKABE_ITO["orange"], "latest": OKABE_ITO["blue"]}


def income_bands(figures: dict, lang: str) -> alt.Chart:
    """Of the households compared (a baseline and a follow-up), how many earn more from the
    occupation than at baseline, about the same, or less: one bar each, named above it, with its
    households and share written at its end. Three bars a room reads at a glance, where a
    histogram would need explaining; counts only, never a household's income. `figures`: a row
    of queries.income_change with figures to show."""
    band = number(100 * domain.INCOME_SAME_BAND)
    frame = pd.DataFrame({
        "band": INCOME_BANDS,
        "label": [t(f"income_band_{b}", lang, band=band) for b in INCOME_BANDS],
        "value": [float(figures[f"{b}_percent"]) for b in INCOME_BANDS],
        "text": [t("income_band_text", lang, households=income.households(figures[b], lang),
                   percent=number(figures[f"{b}_percent"])) for b in INCOME_BANDS]})
    # Room at the end of the longest bar for its figures, which say all an axis would. (An axis
    # of None here leaves Vega drawing nothing at all beside the names at x = 0: hidden instead.)
    x = alt.X("value:Q", scale=alt.Scale(domain=[0, max(frame["value"].max() * 1.8, 1)]),
              axis=alt.Axis(labels=False, ticks=False, domain=False, grid=False, title=None))
    colour = alt.Color("band:N", legend=None, scale=alt.Scale(
        domain=list(INCOME_BANDS), range=[INCOME_COLOURS[b] for b in INCOME_BANDS]))
    chart = _named_bars(frame, x, colour, [alt.Tooltip("label:N", title=t("income_bands_title", lang)),
                                           alt.Tooltip("text:N", title=t("income_households", lang))])
    return _framed(chart, height=ROW * len(frame) + 50)


def income_spread(figures: dict, lang: str) -> alt.Chart:
    """The households compared, at baseline and at their latest follow-up: a bar over the middle
    half of them (25th to 75th percentile) with the median marked, both written under it, so the
    spread shows and not only the middle. Three figures a row, each over five or more households:
    no household's own income. `figures`: a row of queries.income_change with figures to show."""
    whens = ("baseline", "latest")
    frame = pd.DataFrame({
        "when": whens,
        "label": [t(f"income_spread_{w}", lang) for w in whens],
        "low": [float(figures[f"{w}_p25"]) for w in whens],
        "high": [float(figures[f"{w}_p75"]) for w in whens],
        "median": [float(figures[f"{w}_median"]) for w in whens]})
    frame["text"] = [t("income_spread_text", lang, median=baht(r["median"], lang),
                       low=baht(r["low"], lang), high=baht(r["high"], lang))
                     for r in frame.to_dict("records")]
    top = float(frame["high"].max()) or 1.0
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=list(frame["label"]), axis=None, scale=alt.Scale(paddingOuter=0.15)),
        tooltip=[alt.Tooltip("label:N", title=t("income_spread_title", lang)),
                 alt.Tooltip("text:N", title=t("income_households", lang))])
    colour = alt.Color("when:N", legend=None, scale=alt.Scale(
        domain=list(whens), range=[INCOME_COLOURS[w] for w in whens]))
    x = alt.X("low:Q", title=t("income_axis", lang), scale=alt.Scale(domain=[0, top * 1.15]),
              axis=alt.Axis(format=",.0f", tickCount=3, grid=False))
    middle_half = base.mark_bar(size=BAR, opacity=0.55).encode(x=x, x2=alt.X2("high:Q"), color=colour)
    median = base.mark_tick(color="black", thickness=4, size=BAR + 10).encode(x=alt.X("median:Q"))
    names = base.mark_text(align="left", baseline="bottom", dy=-(BAR // 2 + 3), fontSize=TEXT,
                           fontWeight="bold").encode(x=alt.XDatum(0), text=alt.Text("label:N"))
    under = base.mark_text(align="left", baseline="top", dy=BAR // 2 + 12, fontSize=TEXT,
                           lineBreak="\n").encode(x=alt.XDatum(0), text=alt.Text("text:N"))
    return _framed(alt.layer(middle_half, median, names, under),
                   height=(ROW + UNDER + 20) * len(frame) + AXIS)
