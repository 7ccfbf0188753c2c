"""Page furniture shared by every page: language, the database guard, the page header."""

from __future__ import annotations

from contextlib import contextmanager

import streamlit as st

from samma import db, queries
from samma.i18n import DEFAULT_LANG, LANGS, date, t


def language_switch() -> str:
    """Thai first; the choice lives in the URL (`lang=th|en`) so a shared link keeps it.
    Not a bound widget: binding would put the button's label ("English") in the URL."""
    if "lang" not in st.session_state:
        asked = st.query_params.get("lang", DEFAULT_LANG)
        st.session_state.lang = asked if asked in LANGS else DEFAULT_LANG
    st.sidebar.segmented_control("ภาษา / Language", LANGS, key="lang", required=True,
                                 format_func=lambda code: t(f"lang_{code}", code))
    chosen = lang()
    if chosen == DEFAULT_LANG:
        st.query_params.pop("lang", None)
    else:
        st.query_params["lang"] = chosen
    return chosen


def lang() -> str:
    chosen = st.session_state.get("lang")
    return chosen if chosen in LANGS else DEFAULT_LANG


@contextmanager
def database_guard(lang: str):
    """A viewer never sees a traceback: a database that cannot be read, before or during a page,
    gets a message in both languages that says what is wrong and what to do. Nothing is cached
    about the failure, so the app recovers by itself once the file is fixed."""
    try:
        db.reader(db.ensure_database()).state()
    except db.DatabaseUnavailable as problem:
        _explain(problem, lang)
        st.stop()
    try:
        yield
    except db.DatabaseUnavailable as problem:
        _explain(problem, lang)


def _explain(problem: db.DatabaseUnavailable, lang: str) -> None:
    # Both languages at once: whoever reads it may not be the one who chose the language.
    for code in (lang, *(c for c in LANGS if c != lang)):
        st.error(t(f"db_{problem.reason}", code, path=problem.path.name), icon=":material/error:")
    st.info(t("db_what_to_do", lang), icon=":material/build:")


def page_header(title_key: str, lang: str) -> dict:
    """Title, the dataset and its as-of date, and the sample marker whenever it is the sample."""
    info = queries.dataset_info()
    st.title(t(title_key, lang))
    st.caption(" · ".join((t("as_of", lang, date=date(info["as_of"], lang)),
                           t("dataset", lang, name=info[f"name_{lang}"]))))
    if info["is_sample"]:
        st.warning(t("sample_marker", lang), icon=":material/science:")
    return info
