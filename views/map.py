"""Map: where the target villages are and how far each has come; choose one to see its card.

Above a district the map shows one circle per area (aggregated in SQL); inside a district it
shows the villages over their subdistricts' outlines. No basemap unless asked for, so the page
works without internet."""

import streamlit as st

from samma import agenda, area_picker, charts, maps, queries, tables, ui, url_state, village_card
from samma.domain import STAGES
from samma.i18n import t

# Drawing the outlines of 77 provinces costs more than querying them, on every rerun: the same
# points give the same outlines, so they are kept (the points change with the data).
outlines_frame = st.cache_data(maps.outlines_frame, max_entries=64, show_spinner=False)

lang = ui.lang()
info = ui.page_header("map_title", lang)


def open_card() -> None:
    """A village chosen on the map's section opens its card, the next section; on a section of
    the card the page stays where it is, on the new village's."""
    if st.session_state["village"] and agenda.chosen("map", st.query_params.get(agenda.SECTION_PARAM))[0] == "map":
        ui.open_section("map", "village")


filters = st.container(horizontal=True, vertical_alignment="bottom")
prefix = area_picker.pick_area(lang, filters)
villages_level = len(prefix) >= 4
if villages_level:
    every_stage = list(STAGES)
    url_state.codes("stage", every_stage, lang, many=True)
    st.session_state.setdefault("stage", every_stage)
    # The stages are picked on the map's section (stage_pills); the villages they leave are
    # the ones whose card can be chosen, on every section.
    villages = queries.villages_on_map(prefix)
    shown = villages[villages["stage_rank"].isin([every_stage.index(s) for s in st.session_state["stage"]])]
    codes = shown["code"].tolist()
    url_state.codes("village", codes, lang)
    # Beside the area: the village whose card the sections below show, on every one of them.
    names = tables.names(shown, "name", lang)
    chosen = filters.selectbox(
        t("village_pick", lang), [None, *codes], key="village",
        format_func=lambda code: t("village_none", lang) if code is None else names[code],
        on_change=open_card)
    url_state.keep("village", chosen)


def pick_from_map(chart_key: str) -> None:
    """A tap on a village opens its card (the next section); a tap on an area (its circle or its
    outline) drills into it, as choosing it in the selectors above would."""
    objects = st.session_state[chart_key]["selection"]["objects"]
    if objects.get("villages"):
        st.session_state["village"] = objects["villages"][0]["code"]
        open_card()
    elif objects.get("areas") or objects.get("outlines"):
        area_picker.drill_into((objects.get("areas") or objects["outlines"])[0]["code"])


def stage_pills() -> None:
    """Not in the row of selectors: there the pills would not wrap on a phone. Each wears its
    stage's colour, so that on a projector they are the legend."""
    st.html(maps.STAGE_PILLS_CSS)
    stages = st.pills(t("filter_stage", lang), every_stage, selection_mode="multi", key="stage",
                      format_func=lambda stage: charts.stage_name(every_stage.index(stage), lang))
    url_state.keep("stage", stages, default=every_stage)


def village_map() -> None:
    """Where the villages are: tap one for its card (the next sections), or an area to go into it."""
    if ui.on_projector():
        st.html(maps.PROJECTOR_MAP_CSS)
    if villages_level:
        stage_pills()
    map_column, legend_column = st.columns([3, 1])
    with legend_column:
        st.markdown("**" + t("legend_title", lang) + "**")
        if not (villages_level and ui.on_projector()):
            st.html(maps.STAGE_LEGEND_CSS)
            legend = st.container(key="stage_legend", gap=None)
            for name in maps.stage_legend(lang):
                legend.markdown(name)
        basemap = st.toggle(t("basemap", lang), key="basemap", bind="query-params")
    # How to read and use the map, under it: the legend's column stays no taller than the map.
    notes = [t("positions_approximate", lang)] if info["positions_approximate"] else []

    if not villages_level:
        areas = queries.area_progress(prefix)
        outlines = outlines_frame(queries.area_outline_points(prefix), areas, lang)
        map_column.pydeck_chart(maps.area_map(areas, outlines, lang, basemap, ui.on_projector()), key="area_map",
                                on_select=lambda: pick_from_map("area_map"),
                                selection_mode="single-object")
        level = area_picker.LEVEL_KEYS[len(prefix) + 2]
        notes += [t(f"area_level_{level}", lang), t("area_typical_help", lang), t("area_pick_help", lang)]
    else:
        subdistricts = queries.area_progress(prefix[:4])
        outlines = outlines_frame(queries.area_outline_points(prefix), subdistricts, lang)
        if shown.empty:
            map_column.info(t("no_villages", lang), icon=":material/filter_alt_off:")
        else:
            map_column.pydeck_chart(
                maps.village_map(shown, outlines, lang, basemap, st.session_state.get("village"),
                                 ui.on_projector()),
                key="village_map", on_select=lambda: pick_from_map("village_map"),
                selection_mode="single-object")
        notes.append(t("map_pick_help", lang))
    # On a projector, beside the map where the pills are the legend: the map keeps the height.
    (legend_column if villages_level and ui.on_projector() else map_column).caption(" · ".join(notes))


def card(draw):
    """A section of the chosen village's card (samma.village_card); without one, how to choose one."""
    def section() -> None:
        chosen = st.session_state.get("village") if villages_level else None
        if chosen:
            draw(chosen, lang)
        else:
            st.info(t("map_pick_help" if villages_level else "area_pick_help", lang), icon=":material/touch_app:")
    return section


ui.sections("map", [("map", village_map), ("village", card(village_card.progress)),
                    ("village_money", card(village_card.money)), ("village_income", card(village_card.income))], lang)
