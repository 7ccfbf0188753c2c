"""Groups: how far formation has come, from target village to a group that sells; the 5 K
village by village; progress against the three-step plan; and whether the households earn more
from the occupation, by area, group and occupation."""

import streamlit as st

from samma import area_picker, charts, income, queries, ui
from samma.i18n import number, t

MATRIX_MAX_GROUPS = 60     # more rows than a projector can show legibly

lang = ui.lang()
ui.page_header("groups_title", lang)
prefix = area_picker.pick_area(lang, st.container(horizontal=True))

st.subheader(t("funnel_title", lang))
funnel = queries.formation_funnel(prefix)
ui.chart(charts.funnel_chart, funnel, lang)
st.caption(t("funnel_help", lang))

st.subheader(t("matrix_title", lang))
groups = int(funnel.set_index("step").loc["groups_formed", "value"])
if groups == 0:
    st.info(t("matrix_empty", lang))
elif groups > MATRIX_MAX_GROUPS:
    st.info(t("matrix_too_many", lang, n=number(groups)), icon=":material/filter_alt:")
else:
    ui.chart(charts.five_k_chart, queries.five_k_matrix(prefix), lang)
    st.caption(t("matrix_help", lang))

st.subheader(t("progress_title", lang))
actual, targets = queries.formation_progress(prefix)
if targets.empty:
    st.info(t("progress_none", lang))
else:
    for column, indicator in zip(st.columns(3), ("households_trained", "groups_formed", "groups_5k")):
        ui.chart(charts.progress_chart, actual, targets, indicator, lang, where=column)
    st.caption(t("progress_scope", lang, n=number(targets["subdistricts"].max())))

# --- income: what the program is for ---
st.subheader(t("section_income", lang))
figures = queries.income_change(prefix)
ui.income_headline(figures, lang, spread=True)
if income.state(figures) != income.NOT_RECORDED:
    # Below a subdistrict its groups (each named with its village); above it, its areas.
    if len(prefix) >= 6:
        st.markdown("**" + t("income_by_group", lang) + "**")
        ui.table(income.table(queries.income_change_by_group(prefix), lang, "income_col_group"), lang)
    else:
        st.markdown("**" + t("income_by_area", lang) + "**")
        ui.table(income.table(queries.income_change_by_area(prefix), lang, "income_col_area"), lang)
    st.markdown("**" + t("income_by_occupation", lang) + "**")
    ui.table(income.table(queries.income_change_by_occupation(prefix), lang, "income_col_occupation"), lang)
