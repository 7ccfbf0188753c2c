"""The Map page's card of one village, in three sections: how far it has come and its groups; its
support, fund and sales; its households' income. On a projector each fits one screen: the
figures beside the lists rather than above them, and the village's name said once, by the
picker above the sections."""

from __future__ import annotations

import streamlit as st

from samma import charts, queries, tables, ui
from samma.i18n import baht, escape, number, pick, t


def progress(village: str, lang: str) -> None:
    """Where the village is, how far it has come, its groups and their 5 K."""
    card = queries.village_card(village)
    projector = ui.on_projector()
    if not projector:
        st.subheader(escape(pick(card, "name", lang)))
    st.caption(t("card_where", lang, subdistrict=pick(card, "subdistrict", lang),
                 district=pick(card, "district", lang),
                 stage=charts.stage_name(card["stage_rank"], lang),
                 next=charts.next_step(card["stage_rank"], card["next_k"], lang)))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("sages", lang), number(card["sages"]), border=True,
              help=t("card_sages_help", lang, lead=card["lead_sages"],
                     team=card["sages"] - card["lead_sages"]))
    c2.metric(t("households", lang), number(card["households"]), border=True)
    c3.metric(t("groups_formed", lang), number(card["groups_formed"]), border=True)
    c4.metric(t("groups_5k", lang), number(card["groups_5k"]), border=True)

    groups, matrix_column = st.columns(2, gap="large") if projector else (st, st)
    groups.markdown("**" + t("card_groups", lang) + "**")
    for line in tables.group_lines(card["groups"], lang) or [t("card_no_groups", lang)]:
        groups.write(line)
    matrix = queries.five_k_matrix(village)
    if not matrix.empty:
        ui.chart(charts.five_k_chart, matrix, lang, where=matrix_column)


def money(village: str, lang: str) -> None:
    """The village's support (in figures and by partner), its groups' fund and their sales."""
    card = queries.village_card(village)
    support = card["support"]
    figures = [
        (t("support_cash", lang), baht(support["cash"].sum(), lang), None),
        (t("support_in_kind", lang), baht(support["in_kind"].sum(), lang), None),
        (t("members_raised", lang), baht(card["members_raised"], lang), None),
        (t("revolving_now", lang), baht(card["revolving_now"], lang),
         t("on_loan_help", lang, amount=baht(card["on_loan"], lang))),
        (t("sales_to_date", lang), baht(card["sales"], lang), t("sales_events", lang, n=number(card["events"]))),
    ]
    # On a projector four figures two by two, the sales and the partners beside them (a village
    # has a few partners); otherwise three figures, then two, the partners below them.
    if ui.on_projector():
        # The figures get the wider side: a baht figure is long in projector type.
        left, right = st.columns([3, 2], gap="large")
        rows = ((left, figures[:2]), (left, figures[2:4]), (right, figures[4:]))
    else:
        left = right = st.container()
        rows = ((left, figures[:3]), (left, figures[3:]))
    for where, row in rows:
        for column, (label, value, help_) in zip(where.columns(len(row)), row):
            column.metric(label, value, help=help_, border=True)
    if not support.empty:
        right.markdown("**" + t("card_support_by_partner", lang) + "**")
        ui.table(tables.partner_support(support, lang), lang, where=right)
    # What the support figures leave out: under them (on a projector, under the four figures).
    left.caption(t("card_support_note", lang))


def income(village: str, lang: str) -> None:
    """What the program is for, in the village."""
    ui.income_headline(queries.income_change(village), lang, bands=False)
