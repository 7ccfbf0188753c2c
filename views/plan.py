"""Plan: the three steps (quarter, 1 year, 3 years) against their targets, for the whole network
and per village, and the committee's evaluation: what changed since the last step, and which
villages are ready for the model to go to the next subdistrict."""

import pandas as pd
import streamlit as st

from samma import area_picker, charts, plan, queries, ui, url_state
from samma.i18n import baht, date, number, pick, t

# Rows the readiness table shows.
TABLE_ROWS = 200

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


def figure(indicator: str, value: float | None) -> str:
    if pd.isna(value):
        return "–"
    return baht(value, lang) if indicator in plan.MONEY_INDICATORS else number(value)


def share(value: float | None, target: float | None) -> float | None:
    """Per cent of target; a target of zero is met by anything recorded."""
    if pd.isna(value) or pd.isna(target):
        return None
    return 100 * value / target if target else 100.0


def draw_status(rows) -> None:
    """The chart (share of target, status in words) and the table of figures behind it."""
    labelled = rows.assign(
        label=[t(f"ind_{i}", lang) for i in rows["indicator"]],
        status_label=[t(f"status_{s}", lang) for s in rows["status"]],
        percent=[share(a, tg) for a, tg in zip(rows["actual"], rows["target"])],
        expected_percent=[share(e, tg) for e, tg in zip(rows["expected"], rows["target"])])
    labelled["under"] = [
        f"{s} · " + t("of_target", lang, actual=figure(i, a), target=figure(i, tg))
        if not (pd.isna(tg) or pd.isna(a)) else s
        for s, i, a, tg in zip(labelled["status_label"], labelled["indicator"],
                               labelled["actual"], labelled["target"])]
    counts = labelled["status"].value_counts()
    st.markdown("**" + t("plan_counts", lang, **{s: number(counts.get(s, 0))
                                                  for s in (plan.REACHED, plan.ON_TRACK, plan.BEHIND)}) + "**")
    ui.chart(charts.plan_status(labelled, {
        "indicator": t("indicator", lang), "status": t("status", lang),
        "percent": t("percent_of_target", lang)}))
    with st.expander(t("plan_figures", lang)):
        st.dataframe({
            t("indicator", lang): labelled["label"],
            t("target", lang): [figure(i, v) for i, v in zip(rows["indicator"], rows["target"])],
            t("expected_now", lang): [figure(i, v) for i, v in zip(rows["indicator"], rows["expected"])],
            t("actual", lang): [figure(i, v) for i, v in zip(rows["indicator"], rows["actual"])],
            t("status", lang): labelled["status_label"],
        }, hide_index=True, width="stretch")


step = st.segmented_control(t("plan_step", lang), plan.STEPS, key="step", required=True,
                            format_func=lambda s: t(f"step_{s}", lang))
url_state.keep("step", st.session_state.get("step"), "year1")
step_due = steps.loc[steps["step"] == step, "due"]
if len(step_due):
    st.caption(t("plan_period", lang, start=date(start, lang),
                 due=date(plan.as_date(step_due.iloc[0]), lang), day=date(today, lang)))
st.caption(t("plan_rule", lang))

left, right = st.columns(2)
with left:
    st.subheader(t("plan_overall", lang))
    draw_status(plan.step_status(queries.plan_step_targets(step), overall, today))
with right:
    st.subheader(t("plan_village", lang))
    village = area_picker.pick_plan_village(lang, st.container(horizontal=True))
    draw_status(plan.step_status(queries.plan_step_targets(step, village),
                                 queries.plan_figures(start, since, today, village), today))
st.caption(t("plan_help", lang))

st.header(t("evaluation", lang))
left, right = st.columns(2)
with left:
    st.subheader(t("changed_since", lang, step=t(f"step_{passed[0]}", lang), due=date(since, lang))
                 if passed else t("changed_since_start", lang, due=date(since, lang)))
    changed = plan.changes(overall)
    st.dataframe({
        t("indicator", lang): [t(f"ind_{i}", lang) for i in changed["indicator"]],
        t("then", lang): [figure(i, v) for i, v in zip(changed["indicator"], changed["then"])],
        t("now", lang): [figure(i, v) for i, v in zip(changed["indicator"], changed["now"])],
        t("change", lang): [("+" if v > 0 else "") + figure(i, v)
                            for i, v in zip(changed["indicator"], changed["change"])],
    }, hide_index=True, width="stretch")
with right:
    st.subheader(t("readiness", lang))
    ready = plan.readiness(queries.village_readiness())
    st.markdown(t("readiness_rule", lang) + "\n"
                + "\n".join(f"1. {t(f'crit_{c}', lang)}" for c in plan.READINESS_CRITERIA))
    st.metric(t("ready_count", lang), number(int(ready["ready"].sum())),
              delta=t("of_n", lang, n=number(len(ready))), delta_color="off", delta_arrow="off",
              border=True)

    def mark(ok: bool) -> str:
        return "✓ " + t("yes", lang) if ok else "✗ " + t("no", lang)

    # A national plan covers thousands of villages: those not ready yet come first.
    if len(ready) > TABLE_ROWS:
        shown = ready.sort_values("ready", kind="stable").head(TABLE_ROWS)
    else:
        shown = ready
    st.dataframe({
        t("village", lang): [pick(r, "name", lang) for r in shown.to_dict("records")],
        t("ready", lang): [mark(v) for v in shown["ready"]],     # first, where a phone shows it
        **{t(f"short_{c}", lang): [mark(v) for v in shown[c]] for c in plan.READINESS_CRITERIA},
    }, hide_index=True, width="stretch")
    if len(ready) > len(shown):
        st.caption(t("first_rows_of", lang, n=number(len(shown)), total=number(len(ready))))
