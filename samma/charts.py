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
