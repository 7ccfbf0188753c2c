"""Page furniture shared by every page: language, the database guard, the page header."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from contextlib import ExitStack, contextmanager

import streamlit as st

from samma import agenda, charts, db, handout, income, meeting, queries, sample, snapshot, specs, tables, url_state
from samma.i18n import DEFAULT_LANG, LANGS, baht, date, number, t

# A phone shows a page title in two or three lines, not six.
PHONE_CSS = """<style>
@media (max-width: 640px) { h1 { font-size: 2rem !important; } h2 { font-size: 1.5rem !important; } }
</style>"""
# Off the projector a page's sections are tabs: they wrap onto more lines rather than scroll
# sideways, so that every section is in sight, the link's open one with them.
TABS_CSS = """<style>
[data-testid="stTabs"] [role="tablist"] { flex-wrap: wrap; row-gap: 0.25rem; overflow: visible; }
[data-testid="stTabsScrollLeft"], [data-testid="stTabsScrollRight"] { display: none; }
</style>"""
# Projector mode: rem-based sizes follow the root font size, which follows the screen's height
# (28 px at 1080, 20 px at 720: the same share of the wall), so body text (and even captions,
# 0.875 rem) is 24 px or more at 1920×1080 and a 1280×720 projector shows as much as a 1080 one;
# text goes to full black for a washed-out projector. One section fills one screen: the header
# is two lines (a smaller title, the header bar see-through), less room between elements, and
# what is sized in pixels (charts, tables, the map) is held under a share of the screen's height,
# a chart kept in proportion. Constant CSS, never data.
PROJECTOR_CSS = """<style>
html { font-size: clamp(20px, 2.6vh, 28px); }
[data-testid="stApp"], [data-testid="stMarkdownContainer"] p { color: #000; }
[data-testid="stHeader"] { background: transparent; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-top: 1rem; padding-bottom: 0.5rem; }
[data-testid="stVerticalBlock"] { gap: 0.75rem; }
h1 { font-size: 1.7rem !important; padding: 0 !important; }
h2 { font-size: 1.4rem !important; padding: 0.25rem 0 0 !important; }
h3 { font-size: 1.5rem !important; }
hr { margin: 0.25rem 0 !important; }
[data-testid="stMetricValue"] { font-size: 2rem; }
[data-testid="stMetricLabel"] p { white-space: normal !important; }
[data-testid="stMetricLabel"] .stMarkdownEllipsis { overflow: visible; text-overflow: clip; }
[data-testid="stPageLink"] a { font-size: 1.1rem; padding: 0.4rem 0.8rem; }
[data-testid="stPageLink"] a p { white-space: normal; }
[data-testid="stVegaLiteChart"] svg { max-height: 42vh; width: auto; }
@media (max-height: 800px) {
  h1 { font-size: 1.5rem !important; }
  [data-testid="stMetricValue"] { font-size: 1.75rem; }
  [data-testid="stVerticalBlock"] { gap: 0.5rem; }
  [data-testid="stVegaLiteChart"] svg { max-height: 36vh; }
}
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
    st.html(PHONE_CSS + (PROJECTOR_CSS if projector else TABS_CSS))


# A table in projector mode: this many rows show in full; a longer one gets a frame this tall
# (six rows at 1280×720, four at 1920×1080, where rows are taller with the type).
PROJECTOR_TABLE_ROWS = 7
PROJECTOR_TABLE_PX = 330


def table(rows, lang: str, total: int | None = None, *, money: bool = False, index: bool = False,
          of: str = "first_rows_of", where=st, frame: int = PROJECTOR_TABLE_PX) -> None:
    """A table (a DataFrame from `tables`) the width of its column; `money` writes its numbers
    with thousands separators. When `total` says there are more rows than it shows, a line
    under it says which part it is ("the first 200 of 1,234 rows"). `frame`: the height of a
    long table's frame in projector mode, less where its section has more above it."""
    config = ({c: st.column_config.NumberColumn(format="localized")
               for c in rows.select_dtypes("number").columns} if money else None)
    # In projector mode a long table scrolls inside a frame that leaves its section on the screen.
    tall = on_projector() and len(rows) > PROJECTOR_TABLE_ROWS
    where.dataframe(rows, hide_index=not index, column_config=config,
                    height=frame if tall else "auto")
    left_out(len(rows), total, lang, of, where)


def boxes(shown: list[tables.Box], per_row: int | None = None, where=st) -> None:
    """Figures in bordered boxes (tables.Box), `per_row` to a line (all on one when None), each
    box at least as wide as its figure, wrapping when the line is too narrow, so that a national
    figure in the billions is never cut short."""
    per_row = per_row or len(shown) or 1
    for start in range(0, len(shown), per_row):
        metrics(shown[start:start + per_row], where.container(horizontal=True))


def metrics(shown: list[tables.Box], row) -> None:
    """Figures in bordered boxes (tables.Box: label, value, help, and a line under the value when
    it has one), one after another in `row`, a horizontal container that may hold a picker too."""
    for label, value, help_, *under in shown:
        line = {"delta": under[0], "delta_color": "off", "delta_arrow": "off"} if under else {}
        row.metric(label, value, help=help_, border=True, **line)


def boxes_beside(shown: list[tables.Box], verdict: tables.Notice) -> None:
    """Figures in bordered boxes, a column each, and beside them, in a wider column, the verdict
    on them (tables.Notice)."""
    *columns, said = st.columns([1] * len(shown) + [1.4], vertical_alignment="center")
    for column, box in zip(columns, shown):
        metrics([box], column)
    notices([verdict], where=said)


def notices(said: list[tuple[str, str, str]], where=st) -> None:
    """Verdicts in words (tables.Notice), each drawn as it says: success, info or error."""
    for level, words, icon in said:
        getattr(where, level)(words, icon=icon)


def left_out(shown: int, total: int | None, lang: str, of: str = "first_rows_of", where=st) -> None:
    """Under a table or chart that shows `shown` of `total` rows, the line that says so (`of`
    names its words: the first, the latest, the top N of M)."""
    if total is not None and total > shown:
        where.caption(t(of, lang, n=number(shown), total=number(total)))


def chart(builder, *args, where=st, fit: int | None = None, **kwargs) -> None:
    """Draws `builder(*args, **kwargs)`, an Altair chart, the width of its column; in projector
    mode with its text enlarged (charts.enlarged), since a chart's text is in pixels and does not
    follow the page's, and no taller than `fit` px, so that its section fits one screen (a chart
    whose marks stretch with its height). Its spec is built once per database version, mode and
    arguments (`specs`), so a rerun that changed nothing in it draws it without building it."""
    projector = on_projector()
    spec = specs.spec(builder, args, kwargs, projector)
    if projector and fit and isinstance(spec.get("height"), int | float) and spec["height"] > fit:
        spec = {**spec, "height": fit}      # a copy: the kept spec stays as built
    where.vega_lite_chart(spec, width="stretch")


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


def sections(page: str, parts: list[tuple[str, Callable[[], None]]], lang: str) -> None:
    """The page's sections (`parts`: name and drawing function, in agenda order); only the one
    on screen runs, so a page costs what one section costs. In projector mode the one the link
    names (`?section=`, the first by default) under its title, stepped to by the meeting bar; on
    a normal screen and a phone the sections are tabs, the link's one open, and choosing another
    writes it into the link."""
    names = tuple(name for name, _ in parts)
    if names != agenda.sections(page):
        raise ValueError(f"{page}: sections {names} are not the agenda's {agenda.sections(page)}")
    shown = url_state.section(page, lang)
    draw = dict(parts)
    if on_projector():
        st.subheader(t(agenda.title(page, shown), lang))
        draw[shown]()
        return
    titles = {name: t(agenda.title(page, name), lang) for name in names}
    # Keyed by page: a visit to another page and back opens the link's section, not the last.
    key = f"{page}_section"
    st.session_state[key] = titles[shown]
    for name, tab in zip(names, st.tabs(list(titles.values()), key=key, on_change=_open_chosen_tab,
                                        args=(page, key, titles))):
        if tab.open:
            with tab:
                draw[name]()


def _open_chosen_tab(page: str, key: str, titles: dict[str, str]) -> None:
    """A tab chosen: the link names its section before the page runs again."""
    open_section(page, next(name for name, title in titles.items() if title == st.session_state[key]))


def open_section(page: str, name: str) -> None:
    """From a callback: the page runs again on its section `name` (the link names it; none for
    the first, to keep links short)."""
    url_state.keep(agenda.SECTION_PARAM, name, agenda.sections(page)[0])


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
    """Under every page: previous and next, the share panel, the A4 handout and the one-file
    snapshot, and the as-of date. On a normal screen previous and next are pages; in projector
    mode they are the agenda's sections, each button saying where it goes. Drawn after the page
    has run, so the share link holds the page's own filters."""
    st.divider()
    # In projector mode the steps' labels are sections' titles: they get the room, the rest icons.
    # Keyed, so that a test (or a person's style) finds the bar apart from a page's own links.
    # The middle keeps its three buttons on one line at 1280×720 in English, so the bar stays one row.
    c_prev, c_middle, c_next = st.container(key="meeting_bar").columns(
        [9, 8, 9] if projector else [1, 2, 1], vertical_alignment="center")
    for column, (target, label, params), icon in zip(
            (c_prev, c_next), _steps(pages, current, lang, projector),
            (":material/arrow_back:", ":material/arrow_forward:")):
        if target:
            column.page_link(target, label=label, icon=icon, query_params=params, width="stretch")
    middle = c_middle.container(horizontal=True, horizontal_alignment="center",
                                gap="xsmall" if projector else "small")
    if middle.button(t("share_view", lang), icon=":material/qr_code_2:"):
        _share_dialog(current, lang, projector)
    # Built when clicked, from the version this page shows.
    middle.download_button(
        "" if projector else t("handout", lang), help=t("handout", lang) if projector else None,
        data=db.keep_version(lambda: handout.pdf(lang)), file_name=handout.file_name(lang),
        mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore")
    middle.download_button(
        "" if projector else t("snapshot", lang), data=db.keep_version(lambda: snapshot.build(lang)),
        file_name=snapshot.file_name(lang), mime="text/html", icon=":material/offline_share:",
        help=t("snapshot_help", lang), on_click="ignore")
    if not projector:
        # In projector mode the page's header says it, and the room needs the line for the section.
        st.caption(t("as_of", lang, date=date(queries.dataset_info()["as_of"], lang)))


def _steps(pages: list, current, lang: str, projector: bool) -> list[tuple]:
    """(page, label, query params) of the step back and the step on, or (None, None, None) at an
    end. Pages by position on a normal screen (the default page's url_path is ""); sections in
    agenda order in projector mode, on a page the agenda lists."""
    carried = {k: v for k, v in st.query_params.items() if k in ("lang", meeting.PROJECTOR_PARAM)}
    if not (projector and agenda.on_agenda(current.url_path)):
        return [(page, page.title, carried) if page else (None, None, None)
                for page in meeting.neighbours(pages, current)]
    by_path = {page.url_path: page for page in pages}
    here, _ = agenda.chosen(current.url_path, st.query_params.get(agenda.SECTION_PARAM))
    steps = []
    for step in agenda.neighbours(list(by_path), current.url_path, here):
        if step is None:
            steps.append((None, None, None))
            continue
        path, name = step
        title = t(agenda.title(path, name), lang)
        if path == current.url_path:
            # The page's own choices (area, event, step, sliders) go along to its next section.
            params = {k: st.query_params.get_all(k) for k in st.query_params}
            steps.append((current, title, {**params, agenda.SECTION_PARAM: name}))
        else:
            page = by_path[path]
            steps.append((page, f"{page.title} · {title}", {**carried, agenda.SECTION_PARAM: name}))
    return steps


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


def on_projector() -> bool:
    """Whether the page is drawn for a projector (projector_switch decided it this run)."""
    return bool(st.session_state.get("projector"))


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
    """Title, the dataset and its as-of date, and the sample marker whenever it is the sample; in
    projector mode the marker is a badge on the date's line, to leave the screen to the section."""
    info = queries.dataset_info()
    st.title(t(title_key, lang))
    projector = on_projector()
    line = st.container(horizontal=True, vertical_alignment="center") if projector else st
    line.caption(" · ".join((t("as_of", lang, date=date(info["as_of"], lang)),
                             t("dataset", lang, name=info[f"name_{lang}"]))), width="content")
    if info["is_sample"]:
        if projector:
            line.badge(t("sample_marker", lang), icon=":material/science:", color="orange")
        else:
            st.warning(t("sample_marker", lang), icon=":material/science:")
    return info


# --- income: the program's aim ------------------------------------------------------------------

def income_headline(figures: dict, lang: str, bands: bool = True) -> bool:
    """An area's income in four boxes (households compared, the share earning more, the median
    before joining and now with the change) and, with `bands`, how many earn more, about the
    same or less, beside what the figures cannot say; in their place, why there is nothing to
    show (not recorded, or fewer than 5 households surveyed). Returns whether figures were shown."""
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
    below = st
    if bands:
        # Beside the chart, the caveat leaves the section on one projector screen.
        left, below = st.columns([3, 2], gap="large")
        chart(charts.income_bands, figures, lang, where=left, fit=320)
    below.caption(income.limits(figures, lang))
    return True
