"""Map: where the target villages are and how far each has come; choose one to see its card.

Above a district the map shows one circle per area (aggregated in SQL); inside a district it
shows the villages over their subdistricts' outlines. No basemap unless asked for, so the page
works without internet."""

import streamlit as st

from samma import area_picker, charts, maps, queries, tables, ui, url_state
from samma.domain import STAGES
from samma.i18n import baht, escape, number, pick, t

# Drawing the outlines of 77 provinces costs more than querying them, on every rerun: the same
# points give the same outlines, so they are kept (the points change with the data).
outlines_frame = st.cache_data(maps.outlines_frame, max_entries=64, show_spinner=False)

lang = ui.lang()
info = ui.page_header("map_title", lang)

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
        format_func=lambda code: t("village_none", lang) if code is None else names[code])
    url_state.keep("village", chosen)


def pick_from_map(chart_key: str) -> None:
    """A tap on a village opens its card; a tap on an area (its circle or its outline) drills
    into it, as choosing it in the selectors above would."""
    objects = st.session_state[chart_key]["selection"]["objects"]
    if objects.get("villages"):
        st.session_state["village"] = objects["villages"][0]["code"]
    elif objects.get("areas") or objects.get("outlines"):
        area_picker.drill_into((objects.get("areas") or objects["outlines"])[0]["code"])


def stage_pills() -> None:
    """Not in the row of selectors: there the pills would not wrap on a phone."""
    stages = st.pills(t("filter_stage", lang), every_stage, selection_mode="multi", key="stage",
                      format_func=lambda stage: charts.stage_name(every_stage.index(stage), lang))
    url_state.keep("stage", stages, default=every_stage)


def village_map() -> None:
    """Where the villages are: tap one for its card (the next sections), or an area to go into it."""
    if villages_level:
        stage_pills()
    map_column, legend_column = st.columns([3, 1])
    with legend_column:
        st.markdown("**" + t("legend_title", lang) + "**")
        ui.chart(charts.stage_legend, lang)
        basemap = st.toggle(t("basemap", lang), key="basemap", bind="query-params")
    # How to read and use the map, under it: the legend's column stays as tall as the map.
    notes = [t("positions_approximate", lang)] if info["positions_approximate"] else []

    if not villages_level:
        areas = queries.area_progress(prefix)
        outlines = outlines_frame(queries.area_outline_points(prefix), areas, lang)
        map_column.pydeck_chart(maps.area_map(areas, outlines, lang, basemap), key="area_map",
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
                maps.village_map(shown, outlines, lang, basemap, st.session_state.get("village")),
                key="village_map", on_select=lambda: pick_from_map("village_map"),
                selection_mode="single-object")
        notes.append(t("map_pick_help", lang))
    map_column.caption(" · ".join(notes))


def village_chosen() -> str | None:
    """The village whose card is shown; without one, how to choose one."""
    chosen = st.session_state.get("village") if villages_level else None
    if not chosen:
        st.info(t("map_pick_help" if villages_level else "area_pick_help", lang), icon=":material/touch_app:")
    return chosen


def village_card() -> None:
    """The chosen village: where it is, how far it has come, its groups and their 5 K."""
    chosen_village = village_chosen()
    if not chosen_village:
        return
    card = queries.village_card(chosen_village)
    st.subheader(escape(pick(card, "name", lang)))
    st.caption(t("card_where", lang, subdistrict=pick(card, "subdistrict", lang),
                 district=pick(card, "district", lang),
                 stage=charts.stage_name(card["stage_rank"], lang),
                 next=charts.next_step(card["stage_rank"], card["next_k"], lang)))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("sages", lang), number(card["sages"]), border=True,
              help=t("card_sages_help", lang, lead=card["lead_sages"],
                     team=card["sages"] - card["lead_sages"]))
    c2.metric(t("households", lang), number(card["households"]), border=True)
    c3.metric(t("groups_formed", lang), number(card["groups_formed"]), border=True)
    c4.metric(t("groups_5k", lang), number(card["groups_5k"]), border=True)

    st.markdown("**" + t("card_groups", lang) + "**")
    for line in tables.group_lines(card["groups"], lang) or [t("card_no_groups", lang)]:
        st.write(line)
    matrix = queries.five_k_matrix(chosen_village)
    if not matrix.empty:
        ui.chart(charts.five_k_chart, matrix, lang)


def village_money() -> None:
    """The chosen village's support, fund, sales and income."""
    chosen_village = village_chosen()
    if not chosen_village:
        return
    card = queries.village_card(chosen_village)
    c1, c2, c3 = st.columns(3)
    support = card["support"]
    c1.metric(t("support_cash", lang), baht(support["cash"].sum(), lang), border=True)
    c2.metric(t("support_in_kind", lang), baht(support["in_kind"].sum(), lang), border=True)
    c3.metric(t("members_raised", lang), baht(card["members_raised"], lang), border=True)
    c1, c2 = st.columns(2)
    c1.metric(t("revolving_now", lang), baht(card["revolving_now"], lang), border=True,
              help=t("on_loan_help", lang, amount=baht(card["on_loan"], lang)))
    c2.metric(t("sales_to_date", lang), baht(card["sales"], lang), border=True,
              help=t("sales_events", lang, n=number(card["events"])))
    if not support.empty:
        st.markdown("**" + t("card_support_by_partner", lang) + "**")
        ui.table(tables.partner_support(support, lang), lang)
    st.caption(t("card_support_note", lang))

    # --- income: what the program is for ---
    st.markdown("**" + t("income_card", lang) + "**")
    ui.income_headline(queries.income_change(chosen_village), lang, bands=False)


ui.sections("map", [("map", village_map), ("village", village_card), ("village_money", village_money)],
            lang)
