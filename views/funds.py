"""Funds: where every baht and every in-kind day came from and went, the revolving funds against
what was paid in, loan health from the loan register, and the two fund conditions (70/30, and 1:1
for the members of a matching scheme) checked line by line, with breaches said in words."""

import streamlit as st

from samma import area_picker, charts, funds, queries, tables, ui
from samma.i18n import date, escape, number, t

# Rows a rule table shows: a national network has tens of thousands of grants and groups.
TABLE_ROWS = 200

lang = ui.lang()
ui.page_header("funds_title", lang)
partners = queries.partners()
partner_names = tables.names(partners, "short", lang)
area_picker.check_support_view(list(partner_names), lang)


@ui.part
def support_view() -> None:
    """Cash and in kind apart, by partner or by year: the view and the partner rerun this part alone."""
    pickers = st.container(horizontal=True, vertical_alignment="bottom")
    by, partner = area_picker.pick_support_view(lang, pickers, partner_names)
    # Beside the pickers, to leave the screen to the charts.
    pickers.caption(t("funds_support_caption", lang))
    rows = queries.support_by_partner_year_purpose(partner)
    kinds = tables.kind_totals(queries.support_totals(), lang)
    for column, (kind, label, total) in zip(st.columns(len(kinds), gap="large"), kinds):
        column.metric(label, total)
        if (rows.kind == kind).any():
            ui.chart(charts.support_chart, rows, kind, lang, by=by, where=column)
        else:
            column.caption(t("funds_none_recorded", lang))


def totals() -> None:
    ui.table(tables.partner_totals(queries.support_totals(), lang), lang, money=True, index=True)


def flows() -> None:
    st.caption(t("funds_flows_caption", lang))
    ui.chart(charts.cash_flow_chart, queries.cash_flows(), partners, lang, fit=460)


def revolving() -> None:
    """The revolving fund against its floor: the figures now beside whether capital was lost, then over time."""
    st.caption(t("funds_revolving_caption", lang))
    months = queries.revolving_fund_by_month()
    if not months.empty:
        ui.boxes_beside(tables.revolving_boxes(months.iloc[-1], lang), tables.revolving_verdict(months.iloc[-1], lang))
        ui.chart(charts.revolving_fund_chart, months, lang, fit=280)


def gains() -> None:
    months = queries.revolving_fund_by_month()
    if not months.empty:
        ui.chart(charts.revolving_gains_chart, months, lang)


def loans() -> None:
    """Loan health: the register for borrowers, due dates and arrears; the ledger for money."""
    st.caption(t("loans_caption", lang, date=date(queries.dataset_info()["as_of"], lang)))
    health = queries.loan_health()
    ui.boxes(tables.loan_boxes(health, lang))
    ui.notices(tables.loan_notices(health, lang))
    if health["loans"] and health["repaid_late"]:
        st.caption(t("loans_late", lang, n=number(health["repaid_late"])))


def overdue() -> None:
    """Which funds have loans overdue, and how much."""
    health = queries.loan_health()
    ui.notices(tables.overdue_notices(health, lang))
    if health["loans"] and health["overdue_loans"]:
        found, funds_overdue = queries.overdue_by_fund(TABLE_ROWS)
        ui.table(tables.overdue_funds(found, lang), lang, funds_overdue, money=True)


def split_table(checks, total: int, where=st) -> None:
    ui.table(tables.split_checks(checks, partners, lang, TABLE_ROWS), lang, total, money=True, where=where)


def rule_split() -> None:
    """70/30, grant by grant: breaches in words and listed."""
    splits = queries.grant_split_counts()
    ui.notices(tables.split_notices(splits, lang))
    if splits["ok"] < splits["grants"]:
        split_table(queries.grant_split_checks(TABLE_ROWS, breaches_only=True), splits["grants"] - splits["ok"])
    split_table(queries.grant_split_checks(TABLE_ROWS), splits["grants"], where=st.expander(t("rule_details", lang)))


def rule_match() -> None:
    """1:1, for the members of a matching scheme: waiting, breaches, and groups outside any."""
    schemes = queries.matching_schemes()
    for line in tables.scheme_lines(schemes, lang):
        st.caption(escape(line))
    matches = queries.scheme_match_checks()
    found = funds.match_summary(matches)
    ui.notices(tables.match_notices(not schemes.empty, found, lang))
    if len(found["breaches"]):
        ui.table(tables.match_checks(found["breaches"], lang, TABLE_ROWS), lang, len(found["breaches"]), money=True)
    groups, outside = queries.outside_schemes(TABLE_ROWS)
    ui.notices(tables.outside_notices(outside, lang))
    if outside:
        ui.table(tables.outside_schemes(groups, lang), lang, outside, where=st.expander(t("rule_outside_list", lang)))
    with st.expander(t("rule_details", lang)):
        ui.table(tables.match_checks(matches, lang, TABLE_ROWS), lang, len(matches), money=True)


def warnings() -> None:
    st.caption(t("data_warnings_help", lang))
    if not ui.load_warnings(lang):
        st.caption(t("data_no_warnings", lang))


ui.sections("funds", [("support", support_view), ("totals", totals), ("flows", flows), ("revolving", revolving),
                      ("gains", gains), ("loans", loans), ("overdue", overdue), ("rule_split", rule_split),
                      ("rule_match", rule_match), ("warnings", warnings)], lang)
