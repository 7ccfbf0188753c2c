"""Partners: who does what and what each has given, in the source's frame (the community acts,
the private sector drives, the state supports); each partner's pledges for a step of the plan
against what it delivered; what the meetings left to do (open actions, overdue first); and the
last meeting's decisions beside the problems still open. Pledges and meetings are a network's:
an area chosen shows its networks' own; the partners work with every network, so the list of
them and what they gave is the whole program's."""

import streamlit as st

from samma import area_picker, coordination, plan, queries, tables, ui, url_state
from samma.i18n import date, pick, t

# What one screen shows at once: a national dataset holds thousands of each (the overdue
# pledges and actions come first, the latest meeting's problems).
PLEDGES_SHOWN = 200
ACTIONS_SHOWN = 8
PROBLEMS_SHOWN = 4
# On a projector the partners' table scrolls in a frame shorter than most, under the sectors' boxes.
ROLES_FRAME = 250

lang = ui.lang()
info = ui.page_header("partners_title", lang)
today = plan.as_date(info["as_of"])
# The step just reviewed (the latest one past due) unless the link names another; checked first,
# so a notice about a bad value is seen at the top.
passed = plan.last_step_passed(queries.plan_steps(), today)
default_step = passed[0] if passed else plan.STEPS[0]
url_state.choice("pledge_step", plan.STEPS, default_step, lang)
projector = ui.on_projector()
# The area above every section on a normal screen; in projector mode in the row of the section
# shown, so that the screen is left to it (the partners' own section has none).
everywhere = "" if projector else area_picker.pick_area(lang, st.container(horizontal=True))


def area(row=None) -> str:
    """The area (a code prefix, '' is all) whose networks' pledges and meetings are shown."""
    return area_picker.pick_area(lang, row or st.container(horizontal=True)) if projector else everywhere


def who_gives_what() -> None:
    partners = queries.partners_by_sector()
    if not projector:       # the area picker is above it
        st.caption(t("partners_every_network", lang))
    # The source's frame first: a box per sector, side by side (one under another on a phone).
    sectors = tables.sector_lines(partners, lang)
    for column, line in zip(st.columns(len(sectors)), sectors):
        column.container(border=True).markdown(line)
    ui.table(tables.partner_roles(partners, lang), lang, frame=ROLES_FRAME)


@ui.part
def pledges() -> None:
    """One step's pledges: choosing the step (or, on a projector, the area) reruns this part alone."""
    row = st.container(horizontal=True, vertical_alignment="bottom")
    prefix = area(row)
    step = row.segmented_control(t("pledge_step", lang), plan.STEPS, key="pledge_step", required=True,
                                 format_func=lambda s: t(f"step_{s}", lang))
    url_state.keep("pledge_step", step, default_step)
    found = coordination.pledges_with_status(queries.pledges_against_delivery(step, prefix), today)
    if found.empty:
        st.info(t("no_step_pledges" if queries.pledge_count(prefix) else
                  "no_area_pledges" if queries.pledge_count() else "no_pledges", lang),
                icon=":material/handshake:")
        return
    # On a projector how delivery is counted is the counts' help, to leave the screen to the table.
    st.markdown("**" + tables.pledge_counts(found, lang) + "**",
                help=t("pledge_rule", lang) if projector else None)
    ui.table(tables.pledges(found, lang, PLEDGES_SHOWN), lang, total=len(found))
    if not projector:
        st.caption(t("pledge_rule", lang))


def actions() -> None:
    """The actions still open, overdue first; those past the screen counted."""
    prefix = area()
    found = coordination.actions_with_status(queries.open_actions(prefix), today)
    st.markdown("**" + tables.actions_count(found, today, lang) + "**")
    st.markdown("\n".join(tables.action_lines(found, lang, ACTIONS_SHOWN)) or t("no_open_actions", lang))
    ui.left_out(min(len(found), ACTIONS_SHOWN), len(found), lang, of="first_actions_of")


def decisions() -> None:
    """What the last meeting decided, beside the problems still open."""
    prefix = area()
    meeting = queries.last_meeting(prefix)
    if meeting is None:
        st.info(t("no_area_meetings" if queries.last_meeting() else "no_meetings", lang),
                icon=":material/groups:")
        return
    problems = queries.open_problems(prefix)
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown("**" + t("last_decisions", lang, date=date(meeting["date"].date(), lang)) + "**")
        st.caption(t("meeting_place", lang, place=pick(meeting, "place", lang)))
        st.markdown("\n".join(tables.decision_lines(queries.last_meeting_decisions(prefix), lang)))
    with right:
        st.markdown("**" + t("open_problems", lang) + "**")
        st.markdown("\n".join(tables.problem_lines(problems, lang, PROBLEMS_SHOWN))
                    or t("no_open_problems", lang))
        ui.left_out(min(len(problems), PROBLEMS_SHOWN), len(problems), lang, of="latest_problems_of")


ui.sections("partners", [("who_gives_what", who_gives_what), ("pledges", pledges),
                         ("actions", actions), ("decisions", decisions)], lang)
