"""Market: which products sell at which events, the trend across events, one event's own view,
and sales before and after partners' training. Groups only, never households."""

import pandas as pd
import streamlit as st

from samma import charts, queries, ui, url_state
from samma.i18n import baht, date, month, number, pick, t

TOP = 12
# Events drawn one by one on the timeline and trend (beyond this, a month's events are one
# point), and offered in the picker: a national network holds thousands, more than a chart can
# label or a list can scroll.
EVENTS_SHOWN = 30

lang = ui.lang()
ui.page_header("market_title", lang)
events = queries.market_events()
if events.empty:
    st.info(t("no_events", lang), icon=":material/storefront:")
    st.stop()
# The event in the link is checked first, so a notice about a bad one is seen at the top.
codes = list(events["code"])
latest = codes[-1]
url_state.choice("event", codes, latest, lang)

by_product = queries.sales_by_product()
by_group = queries.sales_by_group(limit=TOP)
selling = queries.selling_counts()
# One row that wraps: each box at least as wide as its figure (billions at national scale).
headline = st.container(horizontal=True)
headline.metric(t("market_events_n", lang), number(len(events)), border=True)
headline.metric(t("market_sales_total", lang), baht(events["sales_baht"].sum(), lang), border=True)
headline.metric(t("market_groups_selling", lang), number(selling["groups"]), border=True)
if len(by_product):
    headline.metric(t("market_best_product", lang), pick(by_product.iloc[0], "name", lang),
                    delta=baht(by_product.iloc[0]["sales_baht"], lang), delta_color="off",
                    delta_arrow="off", border=True)

titles = {"date": t("date", lang), "organiser": t("organiser", lang), "event": t("event", lang),
          "place": t("place", lang), "sales": t("sales_baht_axis", lang), "groups": t("groups", lang)}
# The latest events, and the one chosen (a link may name an older one).
recent = events[(events.index >= len(events) - EVENTS_SHOWN) | (events["code"] == st.session_state["event"])]
dated = recent.assign(
    name=[pick(r, "name", lang) for _, r in recent.iterrows()],
    place=[pick(r, "place", lang) for _, r in recent.iterrows()],
    organiser=[pick(r, "organiser", lang) for _, r in recent.iterrows()],
    date_label=[date(d.date(), lang) for d in recent["date"]],
    sales_text=[baht(v, lang) for v in recent["sales_baht"]],
    groups_text=[t("n_groups", lang, n=number(n)) for n in recent["groups_selling"]],
    label_below=[i % 2 == 0 for i in range(len(recent))],
    # Within an organiser's row, alternate so that close events do not share a line.
    row_label_below=(recent.groupby("organiser_code").cumcount() % 2 == 0).tolist())


def by_month(months):
    """Month rows in the shape the timeline and trend draw: a month's events as one point."""
    return months.assign(
        date=pd.to_datetime(months["month"]),
        name=[t("n_events", lang, n=number(n)) for n in months["events"]],
        date_label=[month(d, lang) for d in months["month"]],
        sales_text=[baht(v, lang) for v in months["sales_baht"]],
        groups_text=[t("n_groups", lang, n=number(n)) for n in months["groups_selling"]],
        label_below=[i % 2 == 0 for i in range(len(months))])


if len(events) > EVENTS_SHOWN:
    # Too many events to draw one by one (15,776 nationally): a month's events are one point.
    months = queries.market_months()
    timeline = by_month(months).assign(
        organiser=pick(months, "organiser", lang),
        place=[t("in_n_districts", lang, n=number(n)) for n in months["districts"]])
    trend = by_month(months.groupby("month", as_index=False)[["events", "groups_selling", "sales_baht"]].sum())
    headings, caption = ("market_timeline_months", "market_trend_months"), t(
        "market_months_caption", lang, total=number(len(events)))
else:
    timeline, trend = dated.assign(label_below=dated["row_label_below"]), dated
    headings, caption = ("market_timeline", "market_trend"), t("market_timeline_caption", lang)

left, right = st.columns(2)
with left:
    st.subheader(t(headings[0], lang))
    ui.chart(charts.event_timeline(timeline, titles, lang == "th"))
    st.caption(caption)
    with st.expander(t("market_event_list", lang)):
        st.dataframe({t("date", lang): dated["date_label"], t("event", lang): dated["name"],
                      t("place", lang): dated["place"], t("organiser", lang): dated["organiser"],
                      t("event_groups", lang): dated["groups_selling"],
                      t("sales", lang): dated["sales_text"]}, hide_index=True, width="stretch")
        if len(events) > len(dated):
            st.caption(t("latest_events_of", lang, n=number(len(dated)), total=number(len(events))))
with right:
    st.subheader(t(headings[1], lang))
    ui.chart(charts.sales_trend(trend, titles, lang == "th"))


def bars(frame, label, total: int):
    """The best TOP of `total`, with how many were left out."""
    top = frame.head(TOP)
    shown = top.assign(label=label(top), value=top["sales_baht"],
                       text=[baht(v, lang) for v in top["sales_baht"]])
    ui.chart(charts.ranked_bars(shown, {"value": t("sales_baht_axis", lang),
                                        "label": t("market_by", lang)}))
    if total > TOP:
        st.caption(t("top_n_of", lang, n=TOP, total=number(total)))


def group_label(frame):
    return [f"{pick(r, 'name', lang)} · {pick(r, 'subdistrict', lang)}" for _, r in frame.iterrows()]


left, right = st.columns(2)
with left:
    st.subheader(t("market_by", lang))
    tab_group, tab_product, tab_village = st.tabs(
        [t("by_group", lang), t("by_product", lang), t("by_village", lang)])
    with tab_group:
        bars(by_group, group_label, selling["groups"])
    with tab_product:
        bars(by_product, lambda f: [pick(r, "name", lang) for _, r in f.iterrows()], len(by_product))
    with tab_village:
        bars(queries.sales_by_village(limit=TOP), lambda f: [pick(r, "name", lang) for _, r in f.iterrows()],
             selling["villages"])
with right:
    st.subheader(t("best_sellers", lang))
    best = queries.best_sellers(5)
    ui.chart(charts.ranked_bars(
        best.assign(label=[f"{pick(r, 'name', lang)} · {pick(r, 'village', lang)}" for _, r in best.iterrows()],
                    value=best["sales_baht"],
                    text=[f"{baht(r['sales_baht'], lang)} · "
                          + t("qty_unit", lang, n=number(r["quantity"]), unit=pick(r, "unit", lang))
                          for _, r in best.iterrows()]),
        {"value": t("sales_baht_axis", lang), "label": t("product", lang)},
        colour=charts.OKABE_ITO["green"]))

st.subheader(t("event_view", lang))
names = dict(zip(dated["code"], dated["date_label"] + " · " + dated["name"]))
chosen = st.selectbox(t("event_pick", lang), list(dated["code"]), key="event", format_func=names.get)
url_state.keep("event", chosen, latest)
event = dated.set_index("code").loc[chosen]
st.caption(t("event_caption", lang, place=event["place"], organiser=event["organiser"]))
sold = queries.event_sales(chosen)
if sold.empty:
    st.info(t("event_none", lang))
else:
    c1, c2, c3 = st.columns(3)
    c1.metric(t("event_sales", lang), baht(sold["sales_baht"].sum(), lang), border=True)
    c2.metric(t("event_groups", lang), number(sold["group_code"].nunique()), border=True)
    c3.metric(t("event_products", lang), number(len(sold)), border=True)
    left, right = st.columns(2)
    with left:
        at_event = queries.sales_by_group(chosen)
        bars(at_event, group_label, len(at_event))
    with right:
        st.dataframe(
            {t("group", lang): [f"{pick(r, 'group', lang)} · {pick(r, 'subdistrict', lang)}"
                                for _, r in sold.iterrows()],
             t("product", lang): [pick(r, "name", lang) for _, r in sold.iterrows()],
             t("quantity", lang): [t("qty_unit", lang, n=number(r["quantity"]), unit=pick(r, "unit", lang))
                                   for _, r in sold.iterrows()],
             t("sales", lang): [baht(v, lang) for v in sold["sales_baht"]]},
            hide_index=True, width="stretch")

st.subheader(t("support_effect", lang))
effect = queries.sales_before_after_training()
if len(effect):
    partners = queries.training_partners()
    columns = st.columns(effect["kind"].nunique())
    for column, (kind, rows) in zip(columns, effect.groupby("kind", sort=False)):
        ran_by = partners.loc[partners["kind"] == kind]
        column.markdown(f"**{t(f'kind_{kind}', lang)}**  \n" + t("run_by", lang, partners=", ".join(
            pick(r, "short", lang) for _, r in ran_by.iterrows())))
        shown = rows.assign(
            label=[t(f"period_{p}", lang) for p in rows["period"]],
            value=rows["sales_per_group_event"],
            text=[baht(v, lang) for v in rows["sales_per_group_event"]],
            behind=[t("behind_figure", lang, groups=number(r["groups"]), times=number(r["group_events"]))
                    for _, r in rows.iterrows()])
        ui.chart(charts.before_after(shown, {
            "value": t("per_group_event", lang), "period": t("period", lang),
            "behind": t("behind_label", lang)}), column)
st.caption(t("support_effect_caption", lang))
