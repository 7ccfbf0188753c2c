"""A page's choices kept in the URL, so a shared link reproduces the view.

Not `bind="query-params"`: a bound widget writes its formatted label into the URL, which would
put Thai event names there and break the link when the language changes. Here the URL holds a
plain code (`event=E5019-5`, `step=year1`), and a code the page does not know gets a visible
notice and the default instead of an error.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from samma import agenda
from samma.i18n import t


def choice(key: str, options: Sequence[str], default: str, lang: str) -> None:
    """Seeds the widget state `key` from the URL once per visit, before the widget is drawn."""
    if key in st.session_state and st.session_state[key] in options:
        return
    asked = st.query_params.get(key)
    if asked is not None and asked not in options:
        _say_unusable(key, lang)
    st.session_state[key] = asked if asked in options else default


def codes(key: str, options: Sequence[str], lang: str, many: bool = False) -> None:
    """Like `choice`, for a widget whose default is no choice at all (`many`: a comma-separated
    list in the URL). Afterwards, a value no longer among the options (a filter above changed)
    is dropped."""
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
    known = [v for v in wanted if v in options]
    if len(known) < len(wanted):
        _say_unusable(key, lang)
    if many:
        st.session_state[key] = known
    elif known:
        st.session_state[key] = known[0]


def keep(key: str, value: str | list[str] | None, default: str | list[str] | None = None) -> None:
    """Writes a widget's value back to the URL; the default stays out to keep links short."""
    text = ",".join(value) if isinstance(value, list) else value
    if not text or value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = text


def section(page: str, lang: str) -> str:
    """The section of `page` the link names (`?section=`), the first when it names none; a name
    the page does not have gets a notice, the first section, and the link corrected."""
    shown, understood = agenda.chosen(page, st.query_params.get(agenda.SECTION_PARAM))
    if not understood:
        _say_unusable(agenda.SECTION_PARAM, lang)
        st.query_params[agenda.SECTION_PARAM] = shown
    return shown


def _say_unusable(key: str, lang: str) -> None:
    # The value itself is not echoed: it came from a link and could be anything.
    st.warning(t("bad_link_value", lang, name=key), icon=":material/link_off:")
