"""Page furniture shared by every page: language, the database guard, the page header."""

from __future__ import annotations

from contextlib import ExitStack, contextmanager

import streamlit as st

from samma import charts, db, handout, meeting, queries
from samma.i18n import DEFAULT_LANG, LANGS, date, number, t

# A phone shows a page title in two or three lines, not six.
PHONE_CSS = """<style>
@media (max-width: 640px) { h1 { font-size: 2rem !important; } h2 { font-size: 1.5rem !important; } }
</style>"""
# Projector mode: rem-based sizes follow the root font size, which follows the screen's height
# (28 px at 1080, 20 px at 720: the same share of the wall), so body text (and even captions,
# 0.875 rem) is 24 px or more at 1920×1080 and a 1280×720 projector shows as much as a 1080 one;
# text goes to full black for a washed-out projector. Constant CSS, never data.
PROJECTOR_CSS = """<style>
html { font-size: clamp(20px, 2.6vh, 28px); }
[data-testid="stApp"], [data-testid="stMarkdownContainer"] p { color: #000; }
[data-testid="stMetricValue"] { font-size: 2.4rem; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-top: 2rem; }
[data-testid="stMetricLabel"] p { white-space: normal !important; }
[data-testid="stMetricLabel"] .stMarkdownEllipsis { overflow: visible; text-overflow: clip; }
[data-testid="stPageLink"] a { font-size: 1.3rem; padding: 0.6rem 1rem; }
</style>"""


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


def style(projector: bool) -> None:
    """The page's type: titles that leave room on a phone; large type in projector mode."""
    st.html(PHONE_CSS + (PROJECTOR_CSS if projector else ""))


# Chart text in projector mode: the 13-18 px of a chart becomes 20-27 px, beside body text of
# 24 px or more.
PROJECTOR_CHART_TEXT = 1.5


def chart(figure, where=st) -> None:
    """Draws an Altair chart the width of its column; in projector mode with its text enlarged
    (charts.enlarged), since a chart's text is in pixels and does not follow the page's."""
    if st.session_state.get("projector"):
        where.vega_lite_chart(charts.enlarged(figure, PROJECTOR_CHART_TEXT), width="stretch")
    else:
        where.altair_chart(figure, width="stretch")


def projector_switch(lang: str) -> bool:
    """Projector mode from `projector=1` in the URL or the sidebar toggle, kept in the session
    and the URL so page switches and shared links keep it. An unknown value is said, not
    guessed."""
    if "projector" not in st.session_state:
        asked = st.query_params.get(meeting.PROJECTOR_PARAM)
        on, understood = meeting.projector_flag(asked)
        st.session_state.projector = on
        if not understood:
            st.session_state.projector_bad_value = asked
    st.sidebar.toggle(t("projector_mode", lang), key="projector", help=t("projector_help", lang))
    on = bool(st.session_state.projector)
    if on:
        st.query_params[meeting.PROJECTOR_PARAM] = "1"
    else:
        st.query_params.pop(meeting.PROJECTOR_PARAM, None)
    if st.session_state.pop("projector_bad_value", None) is not None:
        # The value itself is not echoed: it came from a link and could be anything.
        st.warning(t("bad_link_value", lang, name=meeting.PROJECTOR_PARAM), icon=":material/link_off:")
    return on


def meeting_bar(pages: list, current, lang: str, projector: bool) -> None:
    """Under every page: previous and next page, the share panel, the A4 handout, and the as-of
    date. Drawn after the page has run, so the share link holds the page's own filters."""
    carried = {k: v for k, v in st.query_params.items() if k in ("lang", meeting.PROJECTOR_PARAM)}
    # By position, not url_path: the default page's url_path is "".
    earlier, later = meeting.neighbours(pages, current)
    st.divider()
    c_prev, c_share, c_handout, c_next = st.columns(4, vertical_alignment="center")
    if earlier:
        c_prev.page_link(earlier, label=earlier.title, icon=":material/arrow_back:",
                         query_params=carried, width="stretch")
    if c_share.button(t("share_view", lang), icon=":material/qr_code_2:", width="stretch"):
        _share_dialog(current, lang, projector)
    c_handout.download_button(
        t("handout", lang), data=lambda: handout.pdf(lang), file_name=handout.file_name(lang),
        mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore", width="stretch")
    if later:
        c_next.page_link(later, label=later.title, icon=":material/arrow_forward:",
                         query_params=carried, width="stretch")
    st.caption(t("as_of", lang, date=date(queries.dataset_info()["as_of"], lang)))


@st.dialog(" ", width="large")
def _share_dialog(current, lang: str, projector: bool) -> None:
    """A dialog, not a popover: big enough for the QR code to be scanned from the back of the
    room when it is shown on the projector."""
    st.subheader(t("share_view", lang))
    with_projector = st.toggle(t("share_with_projector", lang), value=projector, key="share_projector")
    # The browser's own address when there is one; a path is still a working link behind a proxy.
    page_url = st.context.url or f"/{current.url_path}"
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    link = meeting.share_link(page_url, params, with_projector)
    st.caption(t("share_help", lang))
    st.code(link, language=None, wrap_lines=True)
    st.image(meeting.qr_png(link), width=480, caption=t("share_qr", lang))


def lang() -> str:
    chosen = st.session_state.get("lang")
    return chosen if chosen in LANGS else DEFAULT_LANG


@contextmanager
def database_guard(lang: str):
    """A viewer never sees a traceback: a database that cannot be read, before or during a page,
    gets a message in both languages that says what is wrong and what to do. Nothing is cached
    about the failure, so the app recovers by itself once the file is fixed. The whole page
    reads one version of the file (`db.one_version`)."""
    with ExitStack() as pinned:
        try:
            pinned.enter_context(db.one_version(db.ensure_database()))
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


# A national load can find tens of thousands of breaches: a page lists the first few hundred.
WARNINGS_SHOWN = 200


def load_warnings(lang: str) -> int:
    """The rule breaches the last load found (facts, not typos), as a table on the pages they
    concern. Returns how many there are."""
    total = queries.load_warning_count()
    if total:
        column = t("data_warning", lang)
        shown = queries.load_warnings(limit=WARNINGS_SHOWN)
        st.dataframe(shown[[f"message_{lang}"]].rename(columns={f"message_{lang}": column}),
                     hide_index=True, width="stretch")
        if total > len(shown):
            st.caption(t("first_rows_of", lang, n=number(len(shown)), total=number(total)))
    return total


def page_header(title_key: str, lang: str) -> dict:
    """Title, the dataset and its as-of date, and the sample marker whenever it is the sample."""
    info = queries.dataset_info()
    st.title(t(title_key, lang))
    st.caption(" · ".join((t("as_of", lang, date=date(info["as_of"], lang)),
                           t("dataset", lang, name=info[f"name_{lang}"]))))
    if info["is_sample"]:
        st.warning(t("sample_marker", lang), icon=":material/science:")
    return info
