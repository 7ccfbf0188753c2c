"""Funds: where every baht and every in-kind day came from and went, and the two fund rules
(70/30 and 1:1) checked line by line, with breaches said in words."""

import streamlit as st

from samma import charts, queries, ui, url_state
from samma.i18n import baht, date, number, pick, t

# Rows a rule table shows: a national network has tens of thousands of grants and groups.
TABLE_ROWS = 200
# The support charts: by partner and purpose, or by fiscal year (one partner or all).
VIEWS = ("partner", "year")

lang = ui.lang()
ui.page_header("funds_title", lang)
partners = queries.partners()
partner_names = {row["code"]: pick(row, "short", lang) for row in partners.to_dict("records")}
# The view and the partner are in the link, so a shared link opens what the room saw; a link
# naming a partner opens the view that filters by one. Checked first, so a notice about a bad
# value is seen at the top.
choices = ["all", *partner_names]
url_state.choice("view", VIEWS, "year" if st.query_params.get("partner") else "partner", lang)
url_state.choice("partner", choices, "all", lang)

# --- support by partner: cash and in kind always apart ---------------------------------------
st.subheader(t("funds_support", lang))
st.caption(t("funds_support_caption", lang))
support = queries.support_by_partner_year_purpose()
given = support.dropna(subset=["kind"])
c1, c2 = st.columns(2)
for column, kind in zip((c1, c2), charts.KINDS):
    column.metric(t(f"kind_{kind}", lang), baht(given[given.kind == kind].amount_baht.sum(), lang),
                  border=True)


def draw_support(rows, by: str) -> None:
    """Cash and in kind in separate charts; a kind with nothing recorded says so."""
    for kind in charts.KINDS:
        st.markdown(f"**{t(f'kind_{kind}', lang)}**")
        if (rows.kind == kind).any():
            ui.chart(charts.support_chart(rows, kind, lang, by=by))
        else:
            st.caption(t("funds_none_recorded", lang))


view = st.segmented_control(t("funds_view", lang), VIEWS, key="view", required=True,
                            format_func=lambda v: t(f"funds_by_{v}", lang))
url_state.keep("view", view, "partner")
if view == "partner":
    url_state.keep("partner", None)
    draw_support(support, "partner")
else:
    chosen = st.selectbox(t("funds_partner_filter", lang), choices, key="partner", width=320,
                          format_func=lambda code: partner_names.get(code, t("funds_all_partners", lang)))
    url_state.keep("partner", chosen, "all")
    draw_support(support if chosen == "all" else support[support.partner_code == chosen], "fiscal_year")

st.markdown(f"**{t('funds_totals', lang)}**")
totals = given.pivot_table(index="partner_code", columns="kind", values="amount_baht", aggfunc="sum",
                           fill_value=0).reindex(index=list(partner_names), columns=charts.KINDS,
                                                 fill_value=0)
totals["days"] = given[given.kind == "in_kind"].groupby("partner_code").days.sum()
totals = totals.fillna(0).rename(index=partner_names).rename(columns={
    "cash": t("col_cash", lang), "in_kind": t("col_in_kind", lang), "days": t("col_in_kind_days", lang)})
totals.index.name = t("col_partner", lang)
st.dataframe(totals, column_config={c: st.column_config.NumberColumn(format="localized")
                                    for c in totals.columns})

# --- cash flows -------------------------------------------------------------------------------
st.subheader(t("funds_flows", lang))
st.caption(t("funds_flows_caption", lang))
ui.chart(charts.cash_flow_chart(queries.cash_flows(), partner_names, lang))

# --- the revolving fund against its floor -------------------------------------------------------
st.subheader(t("funds_revolving", lang))
st.caption(t("funds_revolving_caption", lang))
months = queries.revolving_fund_by_month()
if not months.empty:
    now = months.iloc[-1]
    c1, c2, c3 = st.columns(3)
    c1.metric(t("revolving_capital_now", lang), baht(now.capital, lang), border=True)
    c2.metric(t("revolving_floor", lang), baht(now.floor, lang), border=True)
    c3.metric(t("revolving_on_loan", lang), baht(now.on_loan, lang), border=True)
    headroom = now.capital - now.floor
    if headroom >= 0:
        st.success(t("revolving_above_floor", lang, gap=baht(headroom, lang)), icon=":material/check_circle:")
    else:
        st.error(t("revolving_below_floor", lang, gap=baht(-headroom, lang)), icon=":material/error:")
    ui.chart(charts.revolving_fund_chart(months, lang))
    st.markdown(f"**{t('series_profit', lang)} / {t('series_losses', lang)}**")
    ui.chart(charts.revolving_gains_chart(months, lang))

# --- the rules ------------------------------------------------------------------------------
st.subheader(t("funds_rules", lang))
money = st.column_config.NumberColumn(format="localized")


def verdict_words(frame):
    return frame.verdict.map(lambda v: t(f"verdict_{v}", lang))


def capped(frame):
    """At most TABLE_ROWS rows: the largest gaps first when some must be left out."""
    if len(frame) <= TABLE_ROWS:
        return frame
    return frame.loc[frame.gap.abs().sort_values(ascending=False, kind="stable").index[:TABLE_ROWS]]


def rows_left_out(frame) -> None:
    if len(frame) > TABLE_ROWS:
        st.caption(t("first_rows_of", lang, n=number(TABLE_ROWS), total=number(len(frame))))


def split_table(frame):
    table = frame.assign(
        date=frame.date.map(lambda d: date(d, lang)), partner_code=frame.partner_code.map(partner_names),
        verdict=verdict_words(frame))[["date", "partner_code", "grant_baht", "admin", "revolving", "gap", "verdict"]]
    table.columns = [t(k, lang) for k in ("col_date", "col_partner", "col_grant", "col_admin",
                                          "col_revolving", "col_gap", "col_verdict")]
    st.dataframe(table, hide_index=True, column_config={c: money for c in table.columns[2:6]})


def match_table(frame):
    table = frame.assign(group=[pick(r, "name", lang) for r in frame.to_dict("records")],
                         verdict=verdict_words(frame))[["group", "raised", "matched", "gap", "verdict"]]
    table.columns = [t(k, lang) for k in ("col_group", "col_raised", "col_matched", "col_gap",
                                          "col_verdict")]
    st.dataframe(table, hide_index=True, column_config={c: money for c in table.columns[1:4]})


splits = queries.grant_split_checks()
split_ok = int((splits.verdict == "ok").sum())
st.success(t("rule_split_summary", lang, ok=number(split_ok), n=number(len(splits))),
           icon=":material/check_circle:")
if split_ok < len(splits):
    st.error(t("rule_split_breaches", lang, n=number(len(splits) - split_ok)), icon=":material/error:")
    split_breaches = splits[splits.verdict.values != "ok"]
    split_table(capped(split_breaches))
    rows_left_out(split_breaches)

matches = queries.group_match_checks()
match_ok = int((matches.verdict == "ok").sum())
waiting = matches[matches.verdict == "not_matched"]
breaches = matches[matches.verdict.isin(["over", "under"])]
st.success(t("rule_match_summary", lang, ok=number(match_ok), n=number(len(matches) - len(waiting))),
           icon=":material/check_circle:")
if len(waiting):
    st.info(t("rule_match_waiting", lang, n=number(len(waiting)), amount=baht(waiting.raised.sum(), lang)),
            icon=":material/hourglass_top:")
if len(breaches):
    st.error(t("rule_match_breaches", lang, n=number(len(breaches))), icon=":material/error:")
    match_table(capped(breaches))
    rows_left_out(breaches)
st.markdown(f"**{t('data_warnings', lang)}**", help=t("data_warnings_help", lang))
if not ui.load_warnings(lang):
    st.caption(t("data_no_warnings", lang))
with st.expander(t("rule_details", lang)):
    split_table(capped(splits))
    rows_left_out(splits)
    match_table(capped(matches))
    rows_left_out(matches)
