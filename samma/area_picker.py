"""The drill-down shared by the Map and Groups pages: province → district → subdistrict.

A level is offered only when the data has more than one area at it, so the pilot sees one
subdistrict list and a national dataset starts from its provinces. Choices are kept in the URL
as codes (`url_state`) so a shared link opens the same area.
"""

from __future__ import annotations

import streamlit as st

from samma import queries, url_state
from samma.i18n import pick, t

LEVEL_KEYS = {2: "province", 4: "district", 6: "subdistrict"}


def _label(areas, lang: str):
    def label(code: str) -> str:
        if not code:
            return t("all_areas", lang)
        area = areas[code]
        name = pick(area, "name", lang)
        return t("pilot_mark", lang, name=name) if area["pilot_villages"] > 0 else name
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
