"""Funds: where every baht and every in-kind day came from and went, the revolving funds against
what was paid in, loan health from the loan register, and the two fund conditions (70/30, and 1:1
for the members of a matching scheme) checked line by line, with breaches said in words."""

import streamlit as st

from samma import charts, funds, queries, tables, ui, url_state
from samma.i18n import baht, date, escape, number, t

# Rows a rule table shows: a national network has tens of thousands of grants and groups.
TABLE_ROWS = 200
# The support charts: by partner and purpose, or by fiscal year (one partner or all).
VIEWS = ("partner", "year")

lang = ui.lang()
ui.page_header("funds_title", lang)
partners = queries.partners()
partner_names = tables.names(partners, "short", lang)
# The view and the partner are in the link, so a shared link opens what the room saw; a link
# naming a partner opens the view that filters by one. Checked first, so a notice about a bad
# value is seen at the top.
choices = ["all", *partner_names]
url_state.choice("view", VIEWS, "year" if st.query_params.get("partner") else "partner", lang)
url_state.choice("partner", choices, "all", lang)


def draw_support(rows, by: str) -> None:
    """Cash and in kind in separate charts; a kind with nothing recorded says so."""
    totals = queries.support_totals()
    for column, kind in zip(st.columns(2, gap="large"), charts.KINDS):
        column.metric(t(f"kind_{kind}", lang), baht(totals[kind].sum(), lang))
        if (rows.kind == kind).any():
            ui.chart(charts.support_chart, rows, kind, lang, by=by, where=column)
        else:
            column.caption(t("funds_none_recorded", lang))


@ui.part
def support_view() -> None:
    """The support charts by partner or by year: the view and the partner rerun this part alone."""
    pickers = st.container(horizontal=True, vertical_alignment="bottom")
    # On a projector the options say what they are: the label's line is left to the charts.
    view = pickers.segmented_control(t("funds_view", lang), VIEWS, key="view", required=True,
                                     format_func=lambda v: t(f"funds_by_{v}", lang),
                                     label_visibility="collapsed" if ui.on_projector() else "visible")
    url_state.keep("view", view, "partner")
    partner = None
    if view == "partner":
        url_state.keep("partner", None)
    else:
        chosen = pickers.selectbox(t("funds_partner_filter", lang), choices, key="partner", width=320,
                                   format_func=lambda code: partner_names.get(code, t("funds_all_partners", lang)))
        url_state.keep("partner", chosen, "all")
        partner = None if chosen == "all" else chosen
    # Beside the pickers, to leave the screen to the charts.
    pickers.caption(t("funds_support_caption", lang))
    draw_support(queries.support_by_partner_year_purpose(partner), "partner" if view == "partner" else "fiscal_year")


def totals() -> None:
    ui.table(tables.partner_totals(queries.support_totals(), lang), lang, money=True, index=True)


def flows() -> None:
    st.caption(t("funds_flows_caption", lang))
    ui.chart(charts.cash_flow_chart, queries.cash_flows(), partners, lang, fit=460)


def revolving() -> None:
    """The revolving fund against its floor: the figures now beside whether capital was lost, then
    over time."""
    st.caption(t("funds_revolving_caption", lang))
    months = queries.revolving_fund_by_month()
    if months.empty:
        return
    now = months.iloc[-1]
    c1, c2, c3, verdict = st.columns([1, 1, 1, 1.4], vertical_alignment="center")
    c1.metric(t("revolving_capital_now", lang), baht(now.capital, lang), border=True)
    c2.metric(t("revolving_floor", lang), baht(now.floor, lang), border=True)
    c3.metric(t("revolving_on_loan", lang), baht(now.on_loan, lang), border=True)
    headroom = now.capital - now.floor
    if funds.capital_lost(now.capital, now.floor):
        verdict.error(t("revolving_below_floor", lang, gap=baht(-headroom, lang)), icon=":material/error:")
    else:
        verdict.success(t("revolving_above_floor", lang, gap=baht(headroom, lang)), icon=":material/check_circle:")
    ui.chart(charts.revolving_fund_chart, months, lang, fit=280)


def gains() -> None:
    months = queries.revolving_fund_by_month()
    if not months.empty:
        ui.chart(charts.revolving_gains_chart, months, lang)


def loans() -> None:
    """Loan health: the register for borrowers, due dates and arrears; the ledger for money."""
    st.caption(t("loans_caption", lang, date=date(queries.dataset_info()["as_of"], lang)))
    health = queries.loan_health()
    register = health["loans"] > 0
    boxes = st.container(horizontal=True)
    if register:
        boxes.metric(t("loans_borrowers", lang), number(health["borrowers"]), border=True)
    boxes.metric(t("loans_repaid", lang), baht(health["ledger_repaid"], lang), border=True)
    if register:
        boxes.metric(t("loans_overdue", lang), t("loans_overdue_value", lang, n=number(health["overdue_loans"]),
                                                  amount=baht(health["overdue_baht"], lang)), border=True)
        rate = health["fell_due_repaid"] / health["fell_due"] if health["fell_due"] else None
        boxes.metric(t("loans_rate", lang), "–" if rate is None else f"{rate:.1%}", border=True,
                     help=t("loans_rate_help", lang, repaid=baht(health["fell_due_repaid"], lang),
                            due=baht(health["fell_due"], lang)))
    boxes.metric(t("loans_losses", lang), baht(health["ledger_losses"], lang), border=True)
    if not register:
        st.info(t("loans_no_register", lang), icon=":material/info:")
    if register and health["repaid_late"]:
        st.caption(t("loans_late", lang, n=number(health["repaid_late"])))


def overdue() -> None:
    """Which funds have loans overdue, and how much."""
    health = queries.loan_health()
    if not health["loans"]:
        st.info(t("loans_no_register", lang), icon=":material/info:")
    elif health["overdue_loans"]:
        st.error(t("loans_overdue_words", lang, n=number(health["overdue_loans"]),
                   amount=baht(health["overdue_baht"], lang), funds=number(health["funds_overdue"])),
                 icon=":material/schedule:")
        overdue, funds_overdue = queries.overdue_by_fund(TABLE_ROWS)
        ui.table(tables.overdue_funds(overdue, lang), lang, funds_overdue, money=True)
    else:
        st.success(t("loans_none_overdue", lang), icon=":material/check_circle:")


def split_table(checks, total: int) -> None:
    ui.table(tables.split_checks(checks, partners, lang, TABLE_ROWS), lang, total, money=True)


def match_table(checks) -> None:
    ui.table(tables.match_checks(checks, lang, TABLE_ROWS), lang, len(checks), money=True)


def rule_split() -> None:
    """70/30, grant by grant: breaches in words and listed."""
    splits = queries.grant_split_counts()
    st.success(t("rule_split_summary", lang, ok=number(splits["ok"]), n=number(splits["grants"])),
               icon=":material/check_circle:")
    if splits["ok"] < splits["grants"]:
        st.error(t("rule_split_breaches", lang, n=number(splits["grants"] - splits["ok"])), icon=":material/error:")
        split_table(queries.grant_split_checks(TABLE_ROWS, breaches_only=True), splits["grants"] - splits["ok"])
    with st.expander(t("rule_details", lang)):
        split_table(queries.grant_split_checks(TABLE_ROWS), splits["grants"])


def rule_match() -> None:
    """1:1, for the members of a matching scheme: waiting, breaches, and groups outside any."""
    schemes = queries.matching_schemes()
    for line in tables.scheme_lines(schemes, lang):
        st.caption(escape(line))
    matches = queries.scheme_match_checks()
    match_ok = int((matches.verdict == "ok").sum())
    waiting = matches[matches.verdict == "not_matched"]
    breaches = matches[matches.verdict.isin(["over", "under"])]
    if schemes.empty:
        st.info(t("rule_no_scheme", lang), icon=":material/info:")
    else:
        st.success(t("rule_match_summary", lang, ok=number(match_ok), n=number(len(matches) - len(waiting))),
                   icon=":material/check_circle:")
    if len(waiting):
        st.info(t("rule_match_waiting", lang, n=number(len(waiting)), amount=baht(waiting.raised.sum(), lang)),
                icon=":material/hourglass_top:")
    if len(breaches):
        st.error(t("rule_match_breaches", lang, n=number(len(breaches))), icon=":material/error:")
        match_table(breaches)
    outside, outside_total = queries.outside_schemes(TABLE_ROWS)
    if outside_total:
        # Not a shortfall: the condition is the scheme's, so no baht is named for these groups.
        st.info(t("rule_outside", lang, n=number(outside_total)), icon=":material/info:")
        with st.expander(t("rule_outside_list", lang)):
            ui.table(tables.outside_schemes(outside, lang), lang, outside_total)
    with st.expander(t("rule_details", lang)):
        match_table(matches)


def warnings() -> None:
    st.caption(t("data_warnings_help", lang))
    if not ui.load_warnings(lang):
        st.caption(t("data_no_warnings", lang))


ui.sections("funds", [
    ("support", support_view), ("totals", totals), ("flows", flows), ("revolving", revolving),
    ("gains", gains), ("loans", loans), ("overdue", overdue), ("rule_split", rule_split),
    ("rule_match", rule_match), ("warnings", warnings)], lang)
