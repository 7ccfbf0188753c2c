"""The drill-down shared by the Map and Groups pages: province → district → subdistrict.

A level is offered only when the data has more than one area at it, so the pilot sees one
subdistrict list and a national dataset starts from its provinces. Choices are kept in the URL
as codes (not labels, which change with the language) so a shared link opens the same area;
an unknown code in the link gets a message, not an error.
"""

from __future__ import annotations

import streamlit as st

from samma import queries
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


def seed_from_url(key: str, options: list[str], lang: str, many: bool = False) -> None:
    """Before a widget is drawn: on first load take its value from the URL (codes, so a link
    reads the same in Thai and English; `many` for a comma-separated list); afterwards drop a
    value no longer among the options (a filter above changed). An unknown code in a link gets
    a message and is ignored."""
    if key in st.session_state:
        value = st.session_state[key]
        if many:
            st.session_state[key] = [v for v in value if v in options]
        elif value and value not in options:
            del st.session_state[key]
        return
    asked = st.query_params.get(key)
    if not asked:
        return
    wanted = asked.split(",") if many else [asked]
    unknown = [v for v in wanted if v not in options]
    if unknown:
        st.warning(t("bad_code", lang, code=",".join(unknown)), icon=":material/travel_explore:")
    known = [v for v in wanted if v in options]
    if many:
        st.session_state[key] = known
    elif known:
        st.session_state[key] = known[0]


def keep_in_url(key: str, value: str | list[str] | None, default=None) -> None:
    """After a widget is drawn: its value goes into the URL (left out when it is the default)."""
    text = ",".join(value) if isinstance(value, list) else value
    if not text or value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = text


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
        seed_from_url(key, codes, lang)
        chosen = row.selectbox(t(f"filter_{key}", lang), ["", *codes], key=key,
                               format_func=_label(frame.set_index("code", drop=False)
                                                  .to_dict("index"), lang), width=260)
        keep_in_url(key, chosen)
        if not chosen:
            return prefix
        prefix = chosen
    return prefix


def drill_into(code: str) -> None:
    """Chooses `code` (a province, district or subdistrict) as if picked in its selector."""
    st.session_state[LEVEL_KEYS[len(code)]] = code
