"""Market: which products sell at which events, the trend across events, one event's own view,
and sales before and after partners' training. Groups only, never households."""

import streamlit as st

from samma import charts, queries, tables, ui, url_state
from samma.i18n import number, t

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
latest = events["code"].iloc[-1]
url_state.choice("event", list(events["code"]), latest, lang)
recent = tables.recent_events(events, st.session_state["event"], EVENTS_SHOWN)
# Too many events to draw one by one (15,776 nationally): a month's events are one point, and
# the headings say so.
many_events = ("market_timeline_months", "market_trend_months") if len(events) > EVENTS_SHOWN else None


def sales_over_time() -> None:
    """The events and the sales in figures, then the sales across time."""
    # On a projector the best seller waits for its own section (best_sellers).
    best = None if ui.on_projector() else queries.sales_by_product()
    ui.boxes(tables.market_boxes(events, queries.selling_counts(), lang, by_product=best))

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


def ranking(sales, total: int | None = None) -> None:
    """The best TOP of `total` (all of `sales` when None; fewer on a projector), and how many left out."""
    top = TOP_ON_PROJECTOR if ui.on_projector() else TOP
    ui.chart(charts.sales_ranking, sales.head(top), lang)
    ui.left_out(min(top, len(sales)), len(sales) if total is None else total, lang, of="top_n_of")


def best_sellers() -> None:
    selling = queries.selling_counts()
    left, right = st.columns(2)
    with left:
        st.subheader(t("market_by", lang))
        tab_group, tab_product, tab_village = st.tabs(
            [t("by_group", lang), t("by_product", lang), t("by_village", lang)])
        with tab_group:
            ranking(queries.sales_by_group(limit=TOP), selling["groups"])
        with tab_product:
            ranking(queries.sales_by_product())
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
        ui.metrics(tables.event_boxes(sold, lang), head)
        left, beside = st.columns(2)
        with left:
            ranking(queries.sales_by_group(chosen))
        ui.table(tables.event_sales(sold, lang), lang, where=beside, frame=EVENT_TABLE_PX)
    beside.caption(tables.event_where(recent, chosen, lang))
    with beside.expander(t("market_event_list", lang)):
        ui.table(tables.event_list(recent, lang), lang, total=len(events), of="latest_events_of")


def training() -> None:
    """Sales before and after the partners' trainings."""
    effect = queries.sales_before_after_training()
    if len(effect):
        kinds = tables.before_after_by_kind(effect, queries.training_partners(), lang)
        for column, (heading, rows) in zip(st.columns(len(kinds)), kinds):
            column.markdown(heading)
            ui.chart(charts.before_after, rows, lang, where=column)
    st.caption(t("support_effect_caption", lang))


ui.sections("market", [("events", sales_over_time), ("timeline", timeline), ("best_sellers", best_sellers),
                       ("event", event_view), ("training", training)], lang)
