"""Groups: how far formation has come, from target village to a group that sells; the 5 K
village by village; progress against the three-step plan; and whether the households earn more
from the occupation, by area, group and occupation."""

import streamlit as st

from samma import area_picker, charts, income, queries, ui
from samma.i18n import number, t

MATRIX_MAX_GROUPS = 60     # more rows than a projector can show legibly
# On a projector the income tables scroll in a frame shorter than most, under the area picker
# and the tabs.
INCOME_TABLE_PX = 280

lang = ui.lang()
ui.page_header("groups_title", lang)
prefix = area_picker.pick_area(lang, st.container(horizontal=True))


def funnel() -> None:
    ui.chart(charts.funnel_chart, queries.formation_funnel(prefix), lang, fit=480)
    st.caption(t("funnel_help", lang))


def five_k() -> None:
    funnel = queries.formation_funnel(prefix)
    groups = int(funnel.set_index("step").loc["groups_formed", "value"])
    if groups == 0:
        st.info(t("matrix_empty", lang))
    elif groups > MATRIX_MAX_GROUPS:
        st.info(t("matrix_too_many", lang, n=number(groups)), icon=":material/filter_alt:")
    else:
        ui.chart(charts.five_k_chart, queries.five_k_matrix(prefix), lang)
        st.caption(t("matrix_help", lang))


def progress() -> None:
    actual, targets = queries.formation_progress(prefix)
    if targets.empty:
        st.info(t("progress_none", lang))
        return
    for column, indicator in zip(st.columns(3), ("households_trained", "groups_formed", "groups_5k")):
        ui.chart(charts.progress_chart, actual, targets, indicator, lang, where=column)
    st.caption(t("progress_scope", lang, n=number(targets["subdistricts"].max())))


def income_headline() -> None:
    """What the program is for. How many earn more is a section of its own: under the area
    picker the two do not fit one projector screen."""
    ui.income_headline(queries.income_change(prefix), lang, bands=False)


def income_chart(builder) -> None:
    """One of income's charts (charts.income_bands, charts.income_spread), or why it is not shown."""
    figures = queries.income_change(prefix)
    if income.state(figures) == income.SHOWN:
        ui.chart(builder, figures, lang)
    else:
        st.info(income.message(figures, lang), icon=":material/info:")


def income_tables() -> None:
    """Below a subdistrict its groups (each named with its village); above it, its areas."""
    figures = queries.income_change(prefix)
    if income.state(figures) == income.NOT_RECORDED:
        st.info(income.message(figures, lang), icon=":material/info:")
        return
    by_area, by_occupation = st.tabs([t("income_by_group" if len(prefix) >= 6 else "income_by_area", lang),
                                      t("income_by_occupation", lang)])
    if len(prefix) >= 6:
        ui.table(income.table(queries.income_change_by_group(prefix), lang, "income_col_group"), lang,
                 where=by_area, frame=INCOME_TABLE_PX)
    else:
        ui.table(income.table(queries.income_change_by_area(prefix), lang, "income_col_area"), lang,
                 where=by_area, frame=INCOME_TABLE_PX)
    ui.table(income.table(queries.income_change_by_occupation(prefix), lang, "income_col_occupation"), lang,
             where=by_occupation, frame=INCOME_TABLE_PX)


ui.sections("groups", [("funnel", funnel), ("five_k", five_k), ("progress", progress),
                       ("income", income_headline), ("income_bands", lambda: income_chart(charts.income_bands)),
                       ("income_spread", lambda: income_chart(charts.income_spread)),
                       ("income_tables", income_tables)], lang)
