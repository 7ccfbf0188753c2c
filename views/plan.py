"""Plan: the three steps (quarter, 1 year, 3 years) against their targets, for the whole network
and per village, and the committee's evaluation: what changed since the last step, and which
villages are ready for the model to go to the next subdistrict."""

import streamlit as st

from samma import area_picker, charts, plan, queries, tables, ui, url_state
from samma.i18n import date, number, t

# Rows the readiness table shows; on a projector its frame is shorter than most, under the rule.
TABLE_ROWS = 200
SHORT_FRAME = 290

lang = ui.lang()
info = ui.page_header("plan_title", lang)
steps = queries.plan_steps()
plan_villages = queries.plan_villages()["code"].tolist()
if steps.empty or not plan_villages:
    st.info(t("no_plan", lang), icon=":material/flag:")
    st.stop()

# The link is checked first, so a notice about a bad value is seen at the top.
url_state.choice("step", plan.STEPS, "year1", lang)
url_state.choice("village", plan_villages, plan_villages[0], lang)
today = plan.as_date(info["as_of"])
start = plan.plan_start(steps)
passed = plan.last_step_passed(steps, today)
since = passed[1] if passed else start
overall = queries.plan_figures(start, since, today)
projector = ui.on_projector()


def draw_status(status, head):
    """The chart (share of target, status in words), and under it the table of figures behind it;
    returns the column beside that table. The counts by status go in `head`, a row above the
    chart. On a projector the indicators are split into two charts side by side, so that their
    names stay large on one screen; elsewhere the section scrolls, and one chart is one less for
    a phone to draw."""
    head.markdown("**" + tables.status_counts(status, lang) + "**")
    if projector:
        half = (len(status) + 1) // 2
        for column, rows in zip(st.columns(2, gap="large"), (status.iloc[:half], status.iloc[half:])):
            ui.chart(charts.plan_status, rows, lang, where=column, fit=460)
    else:
        ui.chart(charts.plan_status, status, lang)
    figures, beside = st.columns(2, gap="large")
    # Filled only when opened: closed, the section draws no table, and a first visit does not
    # wait for the table's code (a quarter of a second of Chromium's drawing here).
    folded = figures.expander(t("plan_figures", lang), key="plan_figures", on_change="rerun")
    if folded.open:
        ui.table(tables.plan_figures(status, lang), lang, where=folded)
    return beside


def pick_step(where=st) -> str:
    """The step the network's and a village's sections show: above them on a normal screen; on a
    projector in the head row of the one shown (its options say what they are), leaving the
    screen to it, and away from the evaluation's sections, which do not depend on it."""
    chosen = where.segmented_control(t("plan_step", lang), plan.STEPS, key="step", required=True,
                                     format_func=lambda s: t(f"step_{s}", lang),
                                     label_visibility="collapsed" if projector else "visible")
    url_state.keep("step", chosen, "year1")
    return chosen


if not projector:
    pick_step()


def overall_view() -> None:
    head = st.container(horizontal=True, vertical_alignment="center")
    step = pick_step(head) if projector else st.session_state["step"]
    step_due = plan.step_due(steps, step)
    status = plan.step_status(queries.plan_step_targets(step), overall, today)
    beside = draw_status(status, head)
    if step_due:
        head.caption(t("plan_period", lang, start=date(start, lang), due=date(step_due, lang),
                       day=date(today, lang)))
    with beside.expander(t("plan_how_to_read", lang)):
        st.caption(t("plan_rule", lang))
        st.caption(t("plan_help", lang))


@ui.part
def village_view() -> None:
    """One village at the chosen step: choosing another reruns this part alone."""
    head = st.container(horizontal=True, vertical_alignment="bottom")
    step = pick_step(head) if projector else st.session_state["step"]
    village = area_picker.pick_plan_village(lang, head)
    draw_status(plan.step_status(queries.plan_step_targets(step, village),
                                 queries.plan_figures(start, since, today, village), today), head)


def changes() -> None:
    """The committee's evaluation: what changed since the last step passed."""
    st.subheader(t("changed_since", lang, step=t(f"step_{passed[0]}", lang), due=date(since, lang))
                 if passed else t("changed_since_start", lang, due=date(since, lang)))
    ui.table(tables.plan_changes(plan.changes(overall), lang), lang)


def readiness() -> None:
    """Which villages are ready for the model to go to the next subdistrict."""
    ready = plan.readiness(queries.village_readiness())
    rule, count = st.columns([3, 1])
    rule.markdown(t("readiness_rule", lang) + "\n"
                  + "\n".join(f"1. {t(f'crit_{c}', lang)}" for c in plan.READINESS_CRITERIA))
    count.metric(t("ready_count", lang), number(int(ready["ready"].sum())),
                 delta=t("of_n", lang, n=number(len(ready))), delta_color="off", delta_arrow="off",
                 border=True)
    # A national plan covers thousands of villages: those not ready yet come first.
    ui.table(tables.readiness(ready, lang, TABLE_ROWS), lang, total=len(ready), frame=SHORT_FRAME)


ui.sections("plan", [("overall", overall_view), ("village", village_view), ("changes", changes),
                     ("readiness", readiness)], lang)
