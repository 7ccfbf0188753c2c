"""What if…: the source's fund rules worked out live from a few sliders. Every slider lives in
the link (the issue's parameter names), so a shared link shows the same scenario; a value in a
link that cannot be used as written is clamped or replaced, and said so."""

import streamlit as st

from samma import charts, funds, queries, tables, ui
from samma.i18n import t

lang = ui.lang()
ui.page_header("whatif_title", lang)
live_now = queries.whatif_live_start()
SLIDERS = funds.sliders_for(live_now["villages"])
KEY = {spec.param: f"whatif_{spec.param}" for spec in SLIDERS}
# The source's conditions apart from the example values: only 70/30 and 1:1 are the source's.
GROUPS = {"wi_people": ("villages", "team", "households"),
          "wi_conditions": ("match", "admin"),
          "wi_examples": ("share", "saving", "months", "return", "loss", "cap")}
SPEC = {spec.param: spec for spec in SLIDERS}


def set_scenario(values: dict[str, float], notices: list[funds.Notice]) -> None:
    for param, value in values.items():
        st.session_state[KEY[param]] = value
    st.session_state.whatif_notices = notices


def back_to_source() -> None:
    set_scenario({p: s.value(s.default) for p, s in SPEC.items()}, [])
    st.session_state.whatif_live = False


def live_start() -> None:
    """Villages and members as they are now; values past a slider's end are clamped, and said."""
    if not st.session_state.whatif_live:
        back_to_source()
        return
    live = queries.whatif_live_start()
    villages = max(live["villages"], 1)
    wanted = {"villages": live["villages"], "team": round(live["sages"] / villages),
              "households": round(live["households"] / villages)}
    parsed = {p: funds.parse_value(SPEC[p], str(v)) for p, v in wanted.items()}
    set_scenario({p: value for p, (value, _) in parsed.items()},
                 [notice for _, notice in parsed.values() if notice])


# First run of the page in this session: the link decides where the sliders start.
if any(key not in st.session_state for key in KEY.values()):
    scenario, notices = funds.parse_params(st.query_params.to_dict(), SLIDERS)
    set_scenario({p: s.value(getattr(scenario, s.field)) for p, s in SPEC.items()}, notices)

# The live-data toggle is drawn on the scenario's section only; kept here, it is still on when
# that section opens again (Streamlit forgets a widget's state on a run that does not draw it).
st.session_state.whatif_live = st.session_state.get("whatif_live", False)

ui.notices(tables.whatif_link_notices(st.session_state.get("whatif_notices", []), SLIDERS, lang))


def inputs() -> None:
    """The sliders, a tab for each group, under the buttons that set them all at once."""
    buttons = st.container(horizontal=True, vertical_alignment="center")
    buttons.button(t("wi_reset", lang), icon=":material/restart_alt:", on_click=back_to_source)
    buttons.toggle(t("wi_live", lang), key="whatif_live", on_change=live_start)
    if st.session_state.whatif_live:
        st.caption(tables.whatif_live(live_now, lang))
    for tab, params in zip(st.tabs([t(heading, lang) for heading in GROUPS]), GROUPS.values()):
        # Two to a row: the six example values fit beside the answer on one projector screen.
        for param, column in zip(params, tab.columns(2) * len(params)):
            spec = SPEC[param]
            cast = int if spec.whole else float
            column.slider(t(f"wi_{param}", lang), cast(spec.minimum), cast(spec.maximum),
                          step=cast(spec.step), key=KEY[param], format="%,d" if spec.whole else "%.1f")


def projection() -> funds.Projection:
    """The scenario the sliders (or the link) set, worked out, and kept in the link."""
    scenario, _ = funds.parse_params({p: str(st.session_state[k]) for p, k in KEY.items()}, SLIDERS)
    st.query_params.update(funds.to_params(scenario))
    return funds.project(scenario)


def scenario() -> None:
    """The question and its answer in words, beside the sliders that ask it."""
    answer, sliders = st.columns([2, 1], gap="large")
    with sliders:
        inputs()
    p = projection()
    with answer:
        for said in tables.whatif_answer(p, lang):
            st.markdown("#### " + said)
        ui.notices(tables.whatif_notices(p, lang))
        # On a projector the answer above, which says every figure of the boxes, is left the screen.
        if not ui.on_projector():
            ui.boxes(tables.whatif_boxes(p, lang), per_row=3)
        st.caption(t("wi_values_caption", lang))


def figures() -> None:
    """The revolving fund step by step, in figures and over the three years."""
    p = projection()
    ui.boxes(tables.whatif_steps(p, lang), per_row=3)
    ui.chart(charts.whatif_projection_chart, p, lang, fit=360)


ui.sections("whatif", [("scenario", scenario), ("projection", figures)], lang)
