"""A page's choices kept in the URL, so a shared link reproduces the view.

Not `bind="query-params"`: a bound widget writes its formatted label into the URL, which would
put Thai event names there and break the link when the language changes. Here the URL holds a
plain code (`event=E5019-5`, `step=year1`), and a code the page does not know gets a visible
notice and the default instead of an error.
"""

from __future__ import annotations

from typing import Sequence

import streamlit as st

from samma.i18n import t


def choice(key: str, options: Sequence[str], default: str, lang: str) -> None:
    """Seeds the widget state `key` from the URL once per visit, before the widget is drawn."""
    if key in st.session_state and st.session_state[key] in options:
        return
    asked = st.query_params.get(key)
    if asked is not None and asked not in options:
        # The value itself is not echoed: it came from a link and could be anything.
        st.warning(t("bad_link_value", lang, name=key), icon=":material/link_off:")
    st.session_state[key] = asked if asked in options else default


def keep(key: str, default: str) -> None:
    """Writes the widget's value back to the URL; the default stays out to keep links short."""
    value = st.session_state.get(key)
    if value is None or value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value
