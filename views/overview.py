"""Overview: the headline figures a partner meeting opens with."""

import streamlit as st

from samma import agenda, coordination, plan, queries, ui
from samma.i18n import baht, number, t

lang = ui.lang()
info = ui.page_header("overview_title", lang)


def people() -> None:
    f = queries.headline_figures()
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("villages_reached", lang), number(f["villages_reached"]),
              delta=t("of_n", lang, n=number(f["target_villages"])), delta_color="off", delta_arrow="off",
              help=t("villages_reached_help", lang), border=True)
    c2.metric(t("pilot_villages", lang), number(f["pilot_villages"]), border=True)
    c3.metric(t("sages", lang), number(f["sages"]), border=True)
    c4.metric(t("households", lang), number(f["households"]), border=True)


def groups() -> None:
    f = queries.headline_figures()
    c1, c2 = st.columns(2)
    c1.metric(t("groups_formed", lang), number(f["groups_formed"]), border=True)
    c2.metric(t("groups_5k", lang), number(f["groups_5k"]),
              delta=t("of_n", lang, n=number(f["groups_formed"])), delta_color="off", delta_arrow="off",
              border=True)


def money() -> None:
    f = queries.headline_figures()
    c1, c2, c3 = st.columns(3)
    c1.metric(t("support_cash", lang), baht(f["support_cash"], lang), help=t("support_help", lang),
              border=True)
    c2.metric(t("support_in_kind", lang), baht(f["support_in_kind"], lang), help=t("support_help", lang),
              border=True)
    c3.metric(t("members_raised", lang), baht(f["members_raised"], lang), border=True)
    c1, c2 = st.columns(2)
    c1.metric(t("revolving_now", lang), baht(f["revolving_now"], lang), help=t("revolving_help", lang),
              border=True)
    c2.metric(t("sales_to_date", lang), baht(f["sales"], lang),
              help=t("sales_help", lang, n=number(f["events"])), border=True)


def network() -> None:
    n = queries.networks_headline()
    c1, c2, c3 = st.columns(3)
    c1.metric(t("network_fund_now", lang), baht(n["network_capital"], lang) if n["networks"] else "–",
              help=t("network_fund_help", lang), border=True)
    c2.metric(t("network_admin_left", lang), baht(n["network_admin_left"], lang) if n["networks"] else "–",
              border=True)
    c3.metric(t("overdue_loans", lang),
              t("loans_overdue_value", lang, n=number(n["overdue_loans"]), amount=baht(n["overdue_baht"], lang))
              if n["loans"] else t("not_recorded", lang), help=t("overdue_loans_help", lang), border=True)
    counts = coordination.action_counts(queries.open_actions(), plan.as_date(info["as_of"]))
    # The link lands on the actions, not on the partners' first section.
    st.page_link("views/partners.py", icon=":material/handshake:", label=t(
        "overview_actions", lang, open=number(counts["open"]), overdue=number(counts["overdue"])),
        query_params={agenda.SECTION_PARAM: "actions"})


def income() -> None:
    """What the program is for."""
    ui.income_headline(queries.income_change(), lang)


ui.sections("overview", [("people", people), ("groups", groups), ("money", money),
                         ("network", network), ("income", income)], lang)
