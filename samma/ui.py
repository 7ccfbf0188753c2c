"""Page furniture shared by every page: language, the database guard, the page header."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from contextlib import ExitStack, contextmanager

import streamlit as st

from samma import charts, db, handout, income, meeting, queries, sample, snapshot, specs, tables
from samma.i18n import DEFAULT_LANG, LANGS, baht, date, number, t

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


def table(rows, lang: str, total: int | None = None, *, money: bool = False, index: bool = False,
          of: str = "first_rows_of", where=st) -> None:
    """A table (a DataFrame from `tables`) the width of its column; `money` writes its numbers
    with thousands separators. When `total` says there are more rows than it shows, a line
    under it says which part it is ("the first 200 of 1,234 rows")."""
    config = ({c: st.column_config.NumberColumn(format="localized")
               for c in rows.select_dtypes("number").columns} if money else None)
    where.dataframe(rows, hide_index=not index, column_config=config)
    left_out(len(rows), total, lang, of, where)


def left_out(shown: int, total: int | None, lang: str, of: str = "first_rows_of", where=st) -> None:
    """Under a table or chart that shows `shown` of `total` rows, the line that says so (`of`
    names its words: the first, the latest, the top N of M)."""
    if total is not None and total > shown:
        where.caption(t(of, lang, n=number(shown), total=number(total)))


def chart(builder, *args, where=st, **kwargs) -> None:
    """Draws `builder(*args, **kwargs)`, an Altair chart, the width of its column; in projector
    mode with its text enlarged (charts.enlarged), since a chart's text is in pixels and does not
    follow the page's. Its spec is built once per database version, mode and arguments
    (`specs`), so a rerun that changed nothing in it draws it without building it."""
    projector = bool(st.session_state.get("projector"))
    where.vega_lite_chart(specs.spec(builder, args, kwargs, projector), width="stretch")


def part(draw: Callable) -> Callable:
    """A part of a page that the pickers inside it rerun alone (st.fragment), not the whole page.
    Rerun alone, it is outside the page's database guard: it takes one of its own."""
    @st.fragment
    @functools.wraps(draw)
    def rerun_alone(*args, **kwargs) -> None:
        if db.pinned():
            draw(*args, **kwargs)
            return
        with database_guard(lang()):
            draw(*args, **kwargs)
    return rerun_alone


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
    """Under every page: previous and next page, the share panel, the A4 handout and the one-file
    snapshot, and the as-of date. Drawn after the page has run, so the share link holds the page's own filters."""
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
    # Built when clicked, from the version this page shows.
    downloads = c_handout.container(horizontal=True)
    downloads.download_button(
        t("handout", lang), data=db.keep_version(lambda: handout.pdf(lang)),
        file_name=handout.file_name(lang), mime="application/pdf", icon=":material/picture_as_pdf:",
        on_click="ignore", width="stretch")
    downloads.download_button(
        t("snapshot", lang), data=db.keep_version(lambda: snapshot.build(lang)),
        file_name=snapshot.file_name(lang), mime="text/html", icon=":material/offline_share:",
        help=t("snapshot_help", lang), on_click="ignore", width="stretch")
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
    address = meeting.share_address(_public_url(), st.context.url, current.url_path)
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    link = meeting.share_link(address.page_url, params, with_projector)
    st.caption(t("share_help", lang))
    st.code(link, language=None, wrap_lines=True)
    # Above the QR code: seen before it is projected.
    if address.problem:
        st.warning(t("share_public_url_bad", lang, reason=t(address.problem, lang)), icon=":material/link_off:")
    if address.local:
        st.warning(t("share_local_address", lang), icon=":material/phonelink_off:")
    st.image(meeting.qr_png(link), width=480, caption=t("share_qr", lang))
    # The address is the server's setting or the presenter's own browser: shown as code, never Markdown.
    st.caption(t(f"share_uses_{address.source}", lang))
    st.code(address.base, language=None)


def _public_url() -> str | None:
    """The address partners reach: $SAMMA_PUBLIC_URL, else `public_url` in .streamlit/secrets.toml."""
    configured = os.environ.get(meeting.PUBLIC_URL_ENV)
    if configured is None and st.secrets.load_if_toml_exists():
        configured = st.secrets.get(meeting.PUBLIC_URL_SECRET)
    return configured if isinstance(configured, str) else None


def read_the_link_again() -> None:
    """The language and projector switches read the link once a visit. When a run hands the
    visit on to another page before drawing one (the root opening the Overview), this makes the
    next run read it again, so a notice about a bad value shows on the page that is opened."""
    for key in ("lang", "projector"):
        st.session_state.pop(key, None)


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
            pinned.enter_context(db.one_version(first_run_database()))
        except db.DatabaseUnavailable as problem:
            _explain(problem, lang)
            st.stop()
        try:
            yield
        except db.DatabaseUnavailable as problem:
            _explain(problem, lang)


def first_run_database():
    """The first run needs nothing: at the default path, a missing database is built from the
    sample. A configured path that is missing is a mistake to report, not to paper over."""
    path = db.database_path()
    if not path.exists() and db.is_default_path(path):
        sample.build(path)
    return path


def _explain(problem: db.DatabaseUnavailable, lang: str) -> None:
    # Both languages at once: whoever reads it may not be the one who chose the language.
    for code in (lang, *(c for c in LANGS if c != lang)):
        st.error(t(f"db_{problem.reason}", code, path=problem.path.name), icon=":material/error:")
    advice = {"old": "db_what_to_do_old", "newer": "db_what_to_do_newer"}.get(problem.reason, "db_what_to_do")
    st.info(t(advice, lang), icon=":material/build:")


# A national load can find tens of thousands of breaches: a page lists the first few hundred.
WARNINGS_SHOWN = 200


def load_warnings(lang: str) -> int:
    """The rule breaches the last load found (facts, not typos), as a table on the pages they
    concern. Returns how many there are."""
    total = queries.load_warning_count()
    if total:
        table(tables.load_warnings(queries.load_warnings(limit=WARNINGS_SHOWN), lang), lang, total)
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


# --- income: the program's aim ------------------------------------------------------------------

def income_headline(figures: dict, lang: str, bands: bool = True, spread: bool = False) -> bool:
    """An area's income in four boxes (households compared, the share earning more, the median
    before joining and now with the change) and, with `bands`, how many earn more, about the
    same or less (with `spread`, beside the middle half of incomes before and now); in their
    place, why there is nothing to show (not recorded, or fewer than 5
    households surveyed). Then what the figures cannot say. Returns whether figures were shown."""
    shown = income.state(figures)
    if shown != income.SHOWN:
        st.info(income.message(figures, lang),
                icon=":material/info:" if shown == income.NOT_RECORDED else ":material/lock:")
        if shown == income.TOO_FEW:
            st.caption(income.limits(figures, lang))
        return False
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("income_compared", lang), number(figures["compared"]),
              delta=t("of_n", lang, n=number(figures["households"])), delta_color="off",
              delta_arrow="off", border=True)
    c2.metric(t("income_rose", lang), f"{number(figures['rose_percent'])}%",
              delta=income.households(figures["rose"], lang),
              delta_color="off", delta_arrow="off", border=True)
    c3.metric(t("income_median_baseline", lang), baht(figures["baseline_median"], lang),
              help=t("income_median_help", lang), border=True)
    c4.metric(t("income_median_latest", lang), baht(figures["latest_median"], lang),
              delta=income.change(figures, lang), help=t("income_median_help", lang), border=True)
    if bands:
        left, right = st.columns(2) if spread else (st, None)
        chart(charts.income_bands, figures, lang, where=left)
        if spread:
            chart(charts.income_spread, figures, lang, where=right)
    st.caption(income.limits(figures, lang))
    return True
