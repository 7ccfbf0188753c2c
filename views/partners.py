"""Partners: who does what and what each has given, in the source's frame (the community acts,
the private sector drives, the state supports); each partner's pledges for a step of the plan
against what it delivered; and what the meetings left to do: open actions, overdue first, the
last meeting's decisions and the problems still open. Three parts, each one screen."""

import streamlit as st

from samma import coordination, plan, queries, tables, ui, url_state
from samma.i18n import date, pick, t

# What one screen shows at once: a national dataset holds thousands of each (the overdue
# pledges and actions come first, the latest meeting's problems).
PLEDGES_SHOWN = 200
ACTIONS_SHOWN = 8
PROBLEMS_SHOWN = 4

lang = ui.lang()
info = ui.page_header("partners_title", lang)
today = plan.as_date(info["as_of"])
# The step just reviewed (the latest one past due) unless the link names another; checked first,
# so a notice about a bad value is seen at the top.
passed = plan.last_step_passed(queries.plan_steps(), today)
default_step = passed[0] if passed else plan.STEPS[0]
url_state.choice("pledge_step", plan.STEPS, default_step, lang)


def who_gives_what() -> None:
    partners = queries.partners_by_sector()
    # The source's frame first: a box per sector, side by side (one under another on a phone).
    sectors = tables.sector_lines(partners, lang)
    for column, line in zip(st.columns(len(sectors)), sectors):
        column.container(border=True).markdown(line)
    ui.table(tables.partner_roles(partners, lang), lang)


@ui.part
def pledges() -> None:
    """One step's pledges: choosing the step reruns this part alone."""
    step = st.segmented_control(t("pledge_step", lang), plan.STEPS, key="pledge_step", required=True,
                                format_func=lambda s: t(f"step_{s}", lang))
    url_state.keep("pledge_step", step, default_step)
    found = coordination.pledges_with_status(queries.pledges_against_delivery(step), today)
    if found.empty:
        st.info(t("no_step_pledges" if queries.pledge_count() else "no_pledges", lang),
                icon=":material/handshake:")
        return
    st.markdown("**" + tables.pledge_counts(found, lang) + "**")
    ui.table(tables.pledges(found, lang, PLEDGES_SHOWN), lang, total=len(found))
    st.caption(t("pledge_rule", lang))


def actions_and_decisions() -> None:
    meeting = queries.last_meeting()
    if meeting is None:
        st.info(t("no_meetings", lang), icon=":material/groups:")
        return
    actions = coordination.actions_with_status(queries.open_actions(), today)
    problems = queries.open_problems()
    left, middle, right = st.columns([6, 4, 4], gap="large")
    with left:
        st.markdown("**" + tables.actions_count(actions, today, lang) + "**")
        st.markdown("\n".join(tables.action_lines(actions, lang, ACTIONS_SHOWN)) or t("no_open_actions", lang))
        ui.left_out(min(len(actions), ACTIONS_SHOWN), len(actions), lang, of="first_actions_of")
    with middle:
        st.markdown("**" + t("last_decisions", lang, date=date(meeting["date"].date(), lang)) + "**")
        st.caption(t("meeting_place", lang, place=pick(meeting, "place", lang)))
        st.markdown("\n".join(tables.decision_lines(queries.last_meeting_decisions(), lang)))
    with right:
        st.markdown("**" + t("open_problems", lang) + "**")
        st.markdown("\n".join(tables.problem_lines(problems, lang, PROBLEMS_SHOWN))
                    or t("no_open_problems", lang))
        ui.left_out(min(len(problems), PROBLEMS_SHOWN), len(problems), lang, of="latest_problems_of")


ui.sections("partners", [("who_gives_what", who_gives_what), ("pledges", pledges),
                         ("actions_and_decisions", actions_and_decisions)], lang)
