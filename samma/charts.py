"""DataFrame in, Altair or pydeck object out. No queries, no Streamlit: builders are pure, so
tests check them as data (`chart.to_dict()`, `deck.to_json()`)."""

from __future__ import annotations

import altair as alt
import pandas as pd


# --- map and groups (issue 4) -----------------------------------------------------------------


# --- funds and what-if (issue 5) --------------------------------------------------------------


# --- market and plan (issue 6) ----------------------------------------------------------------

# Okabe–Ito: readable by people with colour-blindness, and every status also says itself in words.
OKABE_ITO = {"orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "grey": "#999999"}
STATUS_COLOURS = {"reached": OKABE_ITO["green"], "on_track": OKABE_ITO["blue"],
                  "behind": OKABE_ITO["vermillion"], "no_target": OKABE_ITO["grey"],
                  "not_recorded": OKABE_ITO["grey"]}
BIG = 18       # px: read from the back of a meeting room
LABEL_LIMIT = 220


def _projector(chart: alt.Chart, height: int) -> alt.Chart:
    return (chart.properties(width="container", height=height)
            .configure_axis(labelFontSize=BIG, titleFontSize=BIG, labelLimit=LABEL_LIMIT)
            .configure_legend(labelFontSize=BIG, titleFontSize=BIG, orient="top")
            .configure_title(fontSize=BIG + 4)
            .configure_view(stroke=None))


def _year_axis(title: str, buddhist_era: bool) -> alt.Axis:
    """Year ticks, in the Buddhist Era for Thai readers (2568 = 2025)."""
    label = ("toNumber(timeFormat(datum.value, '%Y')) + 543" if buddhist_era
             else "timeFormat(datum.value, '%Y')")
    return alt.Axis(title=title, labelExpr=label, tickCount={"interval": "year", "step": 1},
                    grid=False)


def event_timeline(events: pd.DataFrame, titles: dict, buddhist_era: bool) -> alt.Chart:
    """One row per organiser, events on a time line, each dot sized by what was sold there and
    labelled with its date. Columns: date, organiser, name, place, date_label, sales_text, sales_baht."""
    base = alt.Chart(events).encode(
        x=alt.X("date:T", axis=_year_axis(titles["date"], buddhist_era)),
        y=alt.Y("organiser:N", title=titles["organiser"], sort=None),
        tooltip=[alt.Tooltip("name:N", title=titles["event"]),
                 alt.Tooltip("date_label:N", title=titles["date"]),
                 alt.Tooltip("place:N", title=titles["place"]),
                 alt.Tooltip("organiser:N", title=titles["organiser"]),
                 alt.Tooltip("sales_text:N", title=titles["sales"])])
    dots = base.mark_circle(color=OKABE_ITO["blue"], opacity=0.85).encode(
        size=alt.Size("sales_baht:Q", title=titles["sales"], legend=None,
                      scale=alt.Scale(range=[200, 1600])))
    dates = base.mark_text(dy=30, fontSize=BIG - 2).encode(text="date_label:N")
    return _projector(dots + dates, height=max(180, 110 * events["organiser"].nunique()))


def sales_trend(events: pd.DataFrame, titles: dict, buddhist_era: bool) -> alt.Chart:
    """Sales at each event over time, each point labelled with its baht and groups selling.
    Columns: date, name, date_label, sales_baht, sales_text, groups_text."""
    base = alt.Chart(events).encode(
        x=alt.X("date:T", axis=_year_axis(titles["date"], buddhist_era)),
        y=alt.Y("sales_baht:Q", title=titles["sales"],
                scale=alt.Scale(domainMax=float(events["sales_baht"].max()) * 1.3 or 1)),
        tooltip=[alt.Tooltip("name:N", title=titles["event"]),
                 alt.Tooltip("date_label:N", title=titles["date"]),
                 alt.Tooltip("sales_text:N", title=titles["sales"]),
                 alt.Tooltip("groups_text:N", title=titles["groups"])])
    line = base.mark_line(color=OKABE_ITO["blue"], strokeWidth=3)
    dots = base.mark_point(color=OKABE_ITO["blue"], filled=True, size=160)
    labels = base.mark_text(dy=-18, fontSize=BIG - 2).encode(text="sales_text:N")
    return _projector(line + dots + labels, height=380)


def ranked_bars(frame: pd.DataFrame, titles: dict, colour: str = OKABE_ITO["blue"]) -> alt.Chart:
    """Horizontal bars, largest first, each labelled with its figure in words.
    Columns: label, value, text."""
    top = float(frame["value"].max()) if len(frame) else 1.0
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort="-x", title=None),
        x=alt.X("value:Q", title=titles["value"], scale=alt.Scale(domain=[0, top * 1.45 or 1])),
        tooltip=[alt.Tooltip("label:N", title=titles["label"]),
                 alt.Tooltip("text:N", title=titles["value"])])
    bars = base.mark_bar(color=colour)
    text = base.mark_text(align="left", dx=6, fontSize=BIG - 2).encode(text="text:N")
    return _projector(bars + text, height=max(160, 42 * len(frame)))


def before_after(frame: pd.DataFrame, titles: dict) -> alt.Chart:
    """Sales per group per event before and after a kind of support, side by side, each bar
    labelled with its figure and the number of groups behind it.
    Columns: kind_label, period, period_label, value, text."""
    top = float(frame["value"].max()) if len(frame) else 1.0
    periods = list(dict.fromkeys(frame["period_label"]))
    base = alt.Chart(frame).encode(
        y=alt.Y("kind_label:N", title=None, sort=None),
        yOffset=alt.YOffset("period_label:N", sort=periods),
        x=alt.X("value:Q", title=titles["value"], scale=alt.Scale(domain=[0, top * 1.9 or 1])),
        tooltip=[alt.Tooltip("kind_label:N", title=titles["kind"]),
                 alt.Tooltip("period_label:N", title=titles["period"]),
                 alt.Tooltip("text:N", title=titles["value"])])
    bars = base.mark_bar().encode(color=alt.Color(
        "period_label:N", title=titles["period"], sort=periods,
        scale=alt.Scale(domain=periods, range=[OKABE_ITO["orange"], OKABE_ITO["blue"]])))
    text = base.mark_text(align="left", dx=6, fontSize=BIG - 2).encode(text="text:N")
    return _projector(bars + text, height=90 * frame["kind_label"].nunique() + 40)


def plan_status(frame: pd.DataFrame, titles: dict) -> alt.Chart:
    """Each indicator's actual as a share of its target, with the straight-line expectation
    marked and the status written beside the bar (not told by colour alone).
    Columns: indicator_label, percent, expected_percent, status, status_label, text."""
    statuses = list(STATUS_COLOURS)
    bar = frame["percent"].clip(upper=150)
    shown = frame.assign(bar=bar, text_x=bar.fillna(0))
    base = alt.Chart(shown).encode(
        y=alt.Y("indicator_label:N", title=None, sort=None),
        tooltip=[alt.Tooltip("indicator_label:N", title=titles["indicator"]),
                 alt.Tooltip("text:N", title=titles["value"])])
    bars = base.mark_bar().encode(
        x=alt.X("bar:Q", title=titles["percent"], scale=alt.Scale(domain=[0, 260])),
        color=alt.Color("status:N", scale=alt.Scale(domain=statuses,
                                                    range=[STATUS_COLOURS[s] for s in statuses]),
                        legend=None))
    expected = base.mark_tick(color="black", thickness=3, size=34).encode(x="expected_percent:Q")
    target = alt.Chart(pd.DataFrame({"x": [100]})).mark_rule(
        color="black", strokeDash=[6, 4], strokeWidth=2).encode(x="x:Q")
    text = base.mark_text(align="left", dx=8, fontSize=BIG - 2).encode(
        x=alt.X("text_x:Q"), text="text:N")
    return _projector(bars + expected + target + text, height=70 * len(frame))
