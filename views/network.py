"""Network: the subdistrict livelihood network at the centre of the source's process. Its 5 K,
its committee (seats by role, never names), its own fund (revolving and administration apart),
what the administration money paid for and what is left, and what it passed on to its groups.
With more than one network, every network in a table, the largest gaps first, and a picker."""

import functools

import streamlit as st

from samma import area_picker, charts, queries, tables, ui
from samma.i18n import baht, date, escape, number, pick, t

# Rows the networks' table shows: a national dataset has about 900 networks.
TABLE_ROWS = 200

lang = ui.lang()
ui.page_header("network_title", lang)
total = queries.network_count()


def networks_table() -> None:
    """Every network's figures, the largest gaps first, at most TABLE_ROWS of them."""
    st.subheader(t("networks_table", lang))
    st.caption(t("networks_table_caption", lang))
    ui.table(tables.networks(queries.networks_by_gap(TABLE_ROWS), lang), lang, total, money=True)


def five_k(n: dict) -> None:
    ui.boxes(tables.five_k_boxes(n["five_k"], lang))
    ui.notices([tables.five_k_verdict(n, lang)])
    st.caption(t("network_groups", lang, formed=number(n["groups_formed"]), k5=number(n["groups_5k"])))


def committee(n: dict) -> None:
    seats = n["committee"]
    if seats.empty:
        st.info(t("network_committee_none", lang))
        return
    ui.boxes(tables.committee_boxes(seats, lang))
    st.caption(t("network_committee_caption", lang, n=number(n["committee_seats"])))


def paid_in(n: dict) -> bool:
    """Whether the network's fund has anything paid in; if not, says so: no figures of a fund that
    is not there, and no "no capital lost"."""
    if not (n["revolving_paid_in"] or n["admin_paid_in"]):
        st.info(t("network_fund_none", lang), icon=":material/info:")
        return False
    return True


def fund(n: dict) -> None:
    """Where the network's fund came from, and its revolving part (70%)."""
    st.caption(t("network_fund_caption", lang))
    st.caption(t("network_support", lang, cash=baht(n["support_cash"], lang),
                 in_kind=baht(n["support_in_kind"], lang)))
    if not paid_in(n):
        return
    st.markdown(f"**{t('network_revolving', lang)}**")
    ui.boxes(tables.network_fund_boxes(n, lang))
    ui.notices([tables.revolving_verdict(n, lang)])
    st.caption(tables.network_loans(n, lang))


def admin(n: dict) -> None:
    """The fund's administration part (30%): received, spent, left."""
    if not paid_in(n):
        return
    ui.boxes(tables.admin_boxes(n, lang))
    ui.notices(tables.admin_notices(n, lang))


def spending(n: dict) -> None:
    spent = n["spending"]
    if spent.empty:
        st.info(t("network_spending_none", lang))
        return
    ui.chart(charts.admin_spending_chart, spent, lang)
    st.caption(tables.admin_spent(n, lang))


def passed_on(n: dict) -> None:
    passed = n["passed"]
    if passed.empty:
        st.info(t("network_passed_none", lang))
        return
    st.caption(t("network_passed_caption", lang, n=number(n["groups_passed_on"]),
                 amount=baht(n["passed_on"], lang)))
    ui.table(tables.passed_on(passed, lang), lang, money=True)


if total == 0:
    st.info(t("network_none", lang))
else:
    if total == 1:
        code = queries.networks_in()["code"].iloc[0]
    else:
        # On a projector the networks' table waits behind a button beside the pickers: the screen
        # is the section's.
        if not ui.on_projector():
            networks_table()
        row = st.container(horizontal=True, vertical_alignment="bottom")
        code = area_picker.pick_network(lang, row)
        if ui.on_projector():
            with row.popover(t("networks_table", lang), icon=":material/table_rows:"):
                networks_table()
    n = queries.network_detail(code)
    st.header(escape(pick(n, "name", lang)))
    st.caption(t("network_where", lang, subdistrict=pick(n, "subdistrict", lang),
                 district=pick(n, "district", lang), founded=date(n["founded"].date(), lang)))
    ui.sections("network", [(name, functools.partial(draw, n)) for name, draw in (
        ("five_k", five_k), ("committee", committee), ("fund", fund), ("admin", admin), ("spending", spending),
        ("passed_on", passed_on))], lang)
