"""Market: which products sell at which events, the trend across events, one event's own view,
and sales before and after partners' training. Groups only, never households."""

import streamlit as st

from samma import charts, queries, tables, ui, url_state
from samma.i18n import baht, escape, number, pick, t

TOP = 12
# On a projector, the first few only: their names stay large enough to read from the back.
TOP_ON_PROJECTOR = 4
# Events drawn one by one on the timeline and trend (beyond this, a month's events are one
# point), and offered in the picker: a national network holds thousands, more than a chart can
# label or a list can scroll.
EVENTS_SHOWN = 30
# On a projector the event's sales table, with where the event was and the list of events under
# it, is no taller than the ranking beside it.
EVENT_TABLE_PX = 250

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

# The latest events, and the one chosen (a link may name an older one).
recent = events[(events.index >= len(events) - EVENTS_SHOWN) | (events["code"] == st.session_state["event"])]
# Too many events to draw one by one (15,776 nationally): a month's events are one point, and
# the headings say so.
many_events = ("market_timeline_months", "market_trend_months") if len(events) > EVENTS_SHOWN else None


def sales_over_time() -> None:
    """The events and the sales in figures, then the sales across time."""
    by_product = queries.sales_by_product()
    selling = queries.selling_counts()
    # One row that wraps: each box at least as wide as its figure (billions at national scale).
    boxes = st.container(horizontal=True)
    boxes.metric(t("market_events_n", lang), number(len(events)), border=True)
    boxes.metric(t("market_sales_total", lang), baht(events["sales_baht"].sum(), lang), border=True)
    boxes.metric(t("market_groups_selling", lang), number(selling["groups"]), border=True)
    # On a projector the best seller waits for its own section (best_sellers).
    if len(by_product) and not ui.on_projector():
        boxes.metric(t("market_best_product", lang), escape(pick(by_product.iloc[0], "name", lang)),
                        delta=baht(by_product.iloc[0]["sales_baht"], lang), delta_color="off",
                        delta_arrow="off", border=True)

    st.markdown(f"**{t(many_events[1] if many_events else 'market_trend', lang)}**")
    ui.chart(charts.sales_trend, queries.market_month_totals() if many_events else recent, lang, fit=380)


def timeline() -> None:
    """Which organiser held events when, each sized by its sales."""
    if many_events:
        st.markdown(f"**{t(many_events[0], lang)}**")
        ui.chart(charts.event_timeline, queries.market_months(), lang)
        st.caption(t("market_months_caption", lang, total=number(len(events))))
    else:
        ui.chart(charts.event_timeline, recent, lang)
        st.caption(t("market_timeline_caption", lang))


def ranking(sales, total: int) -> None:
    """The best TOP of `total` (fewer on a projector), with how many were left out."""
    top = TOP_ON_PROJECTOR if ui.on_projector() else TOP
    ui.chart(charts.sales_ranking, sales.head(top), lang)
    ui.left_out(min(top, len(sales)), total, lang, of="top_n_of")


def best_sellers() -> None:
    by_product = queries.sales_by_product()
    selling = queries.selling_counts()
    left, right = st.columns(2)
    with left:
        st.subheader(t("market_by", lang))
        tab_group, tab_product, tab_village = st.tabs(
            [t("by_group", lang), t("by_product", lang), t("by_village", lang)])
        with tab_group:
            ranking(queries.sales_by_group(limit=TOP), selling["groups"])
        with tab_product:
            ranking(by_product, len(by_product))
        with tab_village:
            ranking(queries.sales_by_village(limit=TOP), selling["villages"])
    with right:
        st.subheader(t("best_sellers", lang))
        ui.chart(charts.best_sellers_chart, queries.best_sellers(5), lang)


@ui.part
def event_view() -> None:
    """One event's own view: choosing another event reruns this part, not the page."""
    names = tables.event_names(recent, lang)
    # The event and its figures in one row (wrapping on a phone), where and by whom beside the
    # table, so that the section fits a projector screen.
    head = st.container(horizontal=True, vertical_alignment="bottom")
    chosen = head.selectbox(t("event_pick", lang), list(names), key="event", format_func=names.get,
                            width=420)
    url_state.keep("event", chosen, latest)
    sold = queries.event_sales(chosen)
    beside = st
    if sold.empty:
        st.info(t("event_none", lang))
    else:
        head.metric(t("event_sales", lang), baht(sold["sales_baht"].sum(), lang), border=True)
        head.metric(t("event_groups", lang), number(sold["group_code"].nunique()), border=True)
        head.metric(t("event_products", lang), number(len(sold)), border=True)
        left, beside = st.columns(2)
        with left:
            at_event = queries.sales_by_group(chosen)
            ranking(at_event, len(at_event))
        ui.table(tables.event_sales(sold, lang), lang, where=beside, frame=EVENT_TABLE_PX)
    event = recent.set_index("code").loc[chosen]
    beside.caption(t("event_caption", lang, place=pick(event, "place", lang),
                     organiser=pick(event, "organiser", lang)))
    with beside.expander(t("market_event_list", lang)):
        ui.table(tables.event_list(recent, lang), lang, total=len(events), of="latest_events_of")


def training() -> None:
    """Sales before and after the partners' trainings."""
    effect = queries.sales_before_after_training()
    if len(effect):
        partners = queries.training_partners()
        kinds = list(dict.fromkeys(effect["kind"]))
        for column, kind in zip(st.columns(len(kinds)), kinds):
            column.markdown(f"**{t(f'kind_{kind}', lang)}**  \n" + escape(tables.run_by(partners, kind, lang)))
            ui.chart(charts.before_after, effect[effect["kind"] == kind], lang, where=column)
    st.caption(t("support_effect_caption", lang))


ui.sections("market", [("events", sales_over_time), ("timeline", timeline), ("best_sellers", best_sellers),
                       ("event", event_view),
                       ("training", training)], lang)
