"""The drill-down shared by the Map, Groups and Partners pages: province → district → subdistrict;
and the pickers of one page's choice that a link keeps (a plan village, a network, a view of the
partners' support).

A level is offered only when the data has more than one area at it, so the pilot sees one
subdistrict list and a national dataset starts from its provinces. Choices are kept in the URL
as codes (`url_state`) so a shared link opens the same area.
"""

from __future__ import annotations

import streamlit as st

from samma import queries, ui, url_state
from samma.i18n import pick, t, t_plain

LEVEL_KEYS = {2: "province", 4: "district", 6: "subdistrict"}


def _label(areas, lang: str):
    def label(code: str) -> str:
        if not code:
            return t("all_areas", lang)
        area = areas[code]
        name = pick(area, "name", lang)
        return t_plain("pilot_mark", lang, name=name) if area["pilot_villages"] > 0 else name
    return label


def pick_area(lang: str, row) -> str:
    """Draws the area selectors into `row` (a horizontal container, so they sit side by side
    and wrap on a phone) and returns the chosen scope as a code prefix ('' is all)."""
    prefix = ""
    for length, key in LEVEL_KEYS.items():
        frame = queries.area_progress(prefix)
        codes = frame["code"].tolist()
        if len(codes) == 1 and length < 6:
            prefix = codes[0]          # one area at this level: nothing to choose
            continue
        url_state.codes(key, codes, lang)
        chosen = row.selectbox(t(f"filter_{key}", lang), ["", *codes], key=key,
                               format_func=_label(frame.set_index("code", drop=False)
                                                  .to_dict("index"), lang), width=260)
        url_state.keep(key, chosen)
        if not chosen:
            return prefix
        prefix = chosen
    return prefix


def drill_into(code: str) -> None:
    """Chooses `code` (a province, district or subdistrict) as if picked in its selector."""
    st.session_state[LEVEL_KEYS[len(code)]] = code


def pick_plan_village(lang: str, row) -> str:
    """Draws a village selector for the Plan page into `row`, with a province, district and
    subdistrict selector before it wherever the plan covers more than one, so a national plan
    offers tens of choices at a time rather than thousands of villages. The village is the one
    piece of state (in the URL as `village`, checked by the page with `url_state.choice` before
    anything is drawn); the selectors above it follow it."""
    village = st.session_state["village"]
    prefix = ""
    for length, level in LEVEL_KEYS.items():
        areas = queries.plan_areas(prefix, length)
        if len(areas) > 1:
            key = f"plan_{level}"
            st.session_state[key] = village[:length]
            names = dict(zip(areas["code"], pick(areas, "name", lang)))
            row.selectbox(t(f"filter_{level}", lang), areas["code"].tolist(), key=key,
                          format_func=names.get, on_change=_first_plan_village_in, args=(key,),
                          width=260)
        prefix = village[:length]
    villages = queries.plan_villages(prefix)
    names = dict(zip(villages["code"], pick(villages, "name", lang)))
    chosen = row.selectbox(t("plan_village_pick", lang), villages["code"].tolist(), key="village",
                           format_func=names.get, width=260)
    url_state.keep("village", chosen, queries.plan_villages()["code"].iloc[0])
    return chosen


def _first_plan_village_in(key: str) -> None:
    """A province, district or subdistrict picked above the village: its first plan village."""
    st.session_state["village"] = queries.plan_villages(st.session_state[key])["code"].iloc[0]


def pick_network(lang: str, row) -> str:
    """Draws a network selector into `row`, with a province selector before it when networks lie
    in more than one province (a national dataset: 77 provinces, then a province's dozen
    networks, never 900 in one list). The network is the one piece of state, in the URL as
    `network`; by default the one with the largest gaps."""
    networks = queries.networks_in()
    first = queries.networks_by_gap(1)["code"].iloc[0]
    url_state.choice("network", networks["code"].tolist(), first, lang)
    province = networks.set_index("code").loc[st.session_state["network"], "province_code"]
    provinces = queries.network_provinces()
    prefix = ""
    if len(provinces) > 1:
        st.session_state["network_province"] = province
        names = dict(zip(provinces["code"], pick(provinces, "name", lang)))
        row.selectbox(t("filter_province", lang), provinces["code"].tolist(), key="network_province",
                      format_func=names.get, on_change=_first_network_in, width=260)
        prefix = province
    shown = networks[networks["province_code"] == prefix] if prefix else networks
    names = dict(zip(shown["code"], pick(shown, "name", lang)))
    chosen = row.selectbox(t("network_pick", lang), shown["code"].tolist(), key="network",
                           format_func=names.get, width=360)
    url_state.keep("network", chosen, first)
    return chosen


def _first_network_in() -> None:
    """A province picked above the network: its first network."""
    st.session_state["network"] = queries.networks_in(st.session_state["network_province"])["code"].iloc[0]


# The Funds page's support charts: by partner and purpose, or by fiscal year (one partner or all).
SUPPORT_VIEWS = ("partner", "year")


def check_support_view(partner_codes: list[str], lang: str) -> None:
    """The view and the partner in the link, checked before anything is drawn, so a notice about
    a bad value is seen at the top; a link naming a partner opens the view that filters by one."""
    url_state.choice("view", SUPPORT_VIEWS, "year" if st.query_params.get("partner") else "partner", lang)
    url_state.choice("partner", ["all", *partner_codes], "all", lang)


def pick_support_view(lang: str, row, partner_names: dict[str, str]) -> tuple[str, str | None]:
    """Draws the view of the partners' support (and, by year, the partner) into `row`, kept in the
    link so a shared link opens what the room saw. Returns the chart's grouping ("partner" or
    "fiscal_year") and the partner chosen (None: all). On a projector the options say what they
    are: the label's line is left to the charts."""
    view = row.segmented_control(t("funds_view", lang), SUPPORT_VIEWS, key="view", required=True,
                                 format_func=lambda v: t(f"funds_by_{v}", lang),
                                 label_visibility="collapsed" if ui.on_projector() else "visible")
    url_state.keep("view", view, "partner")
    chosen = None if view == "partner" else row.selectbox(
        t("funds_partner_filter", lang), ["all", *partner_names], key="partner", width=320,
        format_func=lambda code: partner_names.get(code, t("funds_all_partners", lang)))
    url_state.keep("partner", chosen, "all")
    return ("partner" if view == "partner" else "fiscal_year"), (None if chosen in (None, "all") else chosen)
