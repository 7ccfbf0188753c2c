"""The meeting's agenda: the order of pages and sections, the steps of previous/next through
them, the section in the link; projector mode draws one section, a normal screen names every
section in a tab and draws the open one."""

import json

import pytest

from samma import agenda, i18n, meeting
from tests.conftest import PAGE_URLS, open_page, run_app

# The router's pages as they are today; Partners joins when its page exists.
PAGES = ["overview", "network", "map", "groups", "funds", "whatif", "market", "plan", "data"]
# Written out by hand: the order a partner meeting looks at things.
MEETING_ORDER = ["overview", "network", "map", "groups", "funds", "whatif", "market", "plan", "partners"]


def test_the_agenda_follows_the_meeting_and_leaves_the_data_page_out():
    assert [page for page, _ in agenda.AGENDA] == MEETING_ORDER
    assert not agenda.on_agenda("data")
    assert agenda.sections("data") == ()


def test_every_page_of_the_router_but_data_is_on_the_agenda():
    assert {p for p in PAGE_URLS if p} - {"data"} <= set(MEETING_ORDER)


def test_every_section_has_a_title_in_both_languages():
    for page, parts in agenda.AGENDA:
        for name, _ in parts:
            key = agenda.title(page, name)
            assert i18n.t(key, "th") and i18n.t(key, "en"), (page, name)


def test_steps_visit_each_section_once_in_order_and_only_pages_that_exist():
    steps = agenda.steps(PAGES)
    assert len(steps) == len(set(steps))
    assert steps[:2] == [("overview", "people"), ("overview", "groups")]
    assert steps[-1] == ("plan", "readiness")                  # no Partners page yet
    assert "partners" not in {page for page, _ in steps}
    with_partners = agenda.steps([*PAGES, "partners"])
    assert with_partners[-4:] == [("partners", "who_gives_what"), ("partners", "pledges"),
                                  ("partners", "actions"), ("partners", "decisions")]


def test_previous_and_next_within_a_page():
    assert agenda.neighbours(PAGES, "funds", "flows") == (("funds", "totals"), ("funds", "revolving"))


def test_previous_from_a_first_section_is_the_last_section_of_the_page_before():
    assert agenda.neighbours(PAGES, "network", "five_k") == (("overview", "income"), ("network", "committee"))
    assert agenda.neighbours(PAGES, "market", "events") == (("whatif", "projection"), ("market", "timeline"))


def test_the_ends_have_no_step_past_them():
    assert agenda.neighbours(PAGES, "overview", "people") == (None, ("overview", "groups"))
    assert agenda.neighbours(PAGES, "plan", "readiness") == (("plan", "changes"), None)
    assert agenda.neighbours([*PAGES, "partners"], "plan", "readiness")[1] == ("partners", "who_gives_what")
    assert agenda.neighbours([*PAGES, "partners"], "partners", "decisions")[1] is None


def test_a_step_off_the_agenda_has_no_neighbours():
    assert agenda.neighbours(PAGES, "data", "people") == (None, None)
    assert agenda.neighbours(PAGES, "funds", "nowhere") == (None, None)
    assert agenda.neighbours(PAGES, "partners", "pledges") == (None, None)      # its page is not there


@pytest.mark.parametrize("asked, expected", [
    (None, ("support", True)), ("flows", ("flows", True)), ("FLOWS", ("support", False)),
    ("", ("support", False)), ("<b>x</b>", ("support", False)), ("people", ("support", False)),
])
def test_the_section_a_link_asks_for(asked, expected):
    assert agenda.chosen("funds", asked) == expected


def test_the_share_link_keeps_the_section():
    params = {"lang": "en", "section": "flows", "projector": "1"}
    assert meeting.share_link("https://samma.example/funds", params, projector=True) == (
        "https://samma.example/funds?lang=en&section=flows&projector=1")
    assert meeting.share_link("https://samma.example/funds", params, projector=False) == (
        "https://samma.example/funds?lang=en&section=flows")


# --- the pages: one section in projector mode, one open tab otherwise -----------------------------

def on_projector(page: str, lang: str, **query_params: str):
    """views/<page>.py in projector mode (from the first run's link, as a shared link turns it
    on), with `query_params` in its link."""
    at = run_app(lang=lang, projector="1")
    for key, value in query_params.items():
        at.query_params[key] = value
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception
    return at


def _subheaders(at) -> list[str]:
    return [s.value for s in at.subheader]


def _titles(page: str, lang: str) -> list[str]:
    return [i18n.t_plain(agenda.title(page, name), lang) for name in agenda.sections(page)]


@pytest.mark.parametrize("page", ["overview", "funds", "market"])
def test_a_normal_screen_names_every_section_in_a_tab_in_order(page):
    at = open_page(page, "en")
    titles = _titles(page, "en")
    assert [tab.label for tab in at.tabs if tab.label in titles] == titles
    assert not [s for s in _subheaders(at) if s in titles]     # the tab is the title


def test_a_normal_screen_runs_only_the_open_tab_the_link_names():
    at = open_page("funds", "en", section="flows")
    flows = _titles("funds", "en").index("Where the cash came from and went")
    tabs = [tab for tab in at.tabs if tab.label in _titles("funds", "en")]
    assert [len(tab.get("vega_lite_chart")) for tab in tabs] == [1 if i == flows else 0 for i in range(len(tabs))]
    assert not at.metric                                        # the support boxes were not drawn
    assert at.query_params["section"] == "flows"


def test_a_normal_screen_without_a_section_opens_the_first_and_keeps_the_link_short():
    at = open_page("overview", "en")
    assert [m.label for m in at.metric] == ["Target villages reached", "Pilot villages", "Livelihood sages (1+4)",
                                            "Households enrolled"]
    assert not at.get("vega_lite_chart")                      # the later sections' charts did not run
    assert "section" not in at.query_params


def test_switching_the_language_keeps_the_open_tab():
    at = open_page("funds", "th", section="flows")
    at.get("segmented_control")[0].set_value("en").run()     # the sidebar's language switch
    assert not at.exception
    tabs = [tab for tab in at.tabs if tab.label in _titles("funds", "en")]
    assert [tab.label for tab in tabs if tab.get("vega_lite_chart")] == ["Where the cash came from and went"]
    assert at.query_params["section"] == "flows" and at.query_params["lang"] == "en"


def test_a_section_the_page_does_not_have_on_a_normal_screen_is_said_and_the_first_is_open():
    at = open_page("market", "en", section="nope")
    assert any("section" in w.value for w in at.warning)
    assert at.query_params["section"] == "events"
    assert [m.label for m in at.metric][:2] == ["Events held", "Sales at all events"]


def test_projector_mode_draws_only_the_section_in_the_link():
    at = on_projector("funds", "en", section="flows")
    titles = _titles("funds", "en")
    assert [s for s in _subheaders(at) if s in titles] == ["Where the cash came from and went"]
    assert len(at.get("vega_lite_chart")) == 1                 # the flows, and nothing else ran
    assert not at.metric                                        # the support boxes were not drawn


def test_projector_mode_without_a_section_shows_the_first():
    at = on_projector("overview", "en")
    titles = _titles("overview", "en")
    assert [s for s in _subheaders(at) if s in titles] == ["Villages, sages and households"]
    assert [m.label for m in at.metric] == ["Target villages reached", "Pilot villages", "Livelihood sages (1+4)",
                                            "Households enrolled"]


def test_a_section_the_page_does_not_have_is_said_and_the_first_is_shown():
    at = on_projector("market", "en", section="<img src=x>")
    assert any("section" in w.value for w in at.warning)
    assert not any("<img" in w.value for w in at.warning)      # a link's value is never echoed
    titles = _titles("market", "en")
    assert [s for s in _subheaders(at) if s in titles] == [titles[0]]
    assert at.query_params["section"] == "events"             # the link now names what is shown


def _steps(at) -> list[tuple[str, str]]:
    """The meeting bar's links (the Overview's own line to the Partners page aside)."""
    return [(link.proto.label, link.proto.query_string) for link in at.get("page_link")
            if "partners" not in link.proto.page]


def test_in_projector_mode_previous_and_next_are_sections_named_for_where_they_go():
    at = on_projector("funds", "th", section="support")
    (back, back_query), (on, on_query) = _steps(at)
    assert back == "การจัดตั้งกลุ่ม · รายได้แยกตามพื้นที่ กลุ่ม และอาชีพ"      # Groups' last section
    assert "section=income_tables" in back_query and "projector=1" in back_query
    assert on == "ยอดรวมของแต่ละภาคี"                                   # the same page: its title alone
    assert "section=totals" in on_query


def test_a_step_within_a_page_keeps_the_pages_own_choices():
    at = on_projector("market", "en", section="events", event="E5019-2")
    (_, back_query), (_, on_query) = _steps(at)
    assert "event=E5019-2" in on_query and "section=timeline" in on_query
    assert "event=" not in back_query                          # another page: language and mode only


def test_on_a_normal_screen_previous_and_next_are_pages():
    at = run_app(section="flows")
    assert [label for label, _ in _steps(at)] == ["เครือข่าย"]


def test_a_chart_fitted_to_its_section_is_no_taller_in_projector_mode_only():
    plain = json.loads(open_page("funds", "en", section="flows").get("vega_lite_chart")[0].proto.spec)
    fitted = json.loads(on_projector("funds", "en", section="flows").get("vega_lite_chart")[0].proto.spec)
    assert plain["height"] == 540                             # charts.cash_flow_chart's own
    assert fitted["height"] == 460                            # views/funds.py: fit=460, not 540 × 1.5


def _segmented(at) -> list[str]:
    """The page's segmented controls, the sidebar's language switch left aside."""
    return [s.label for s in at.get("segmented_control") if s.label != "ภาษา / Language"]


def test_a_picker_only_some_sections_read_is_drawn_in_their_own_row_on_a_projector():
    # The Plan's step: in the network's and a village's sections, not above the evaluation's.
    assert _segmented(on_projector("plan", "en", section="overall")) == ["Plan step"]
    assert _segmented(on_projector("plan", "en", section="village")) == ["Plan step"]
    assert not _segmented(on_projector("plan", "en", section="readiness"))
    # The Partners' area: in the pledges', actions' and decisions' sections, not the partners' own.
    assert [s.label for s in on_projector("partners", "en", section="actions").selectbox] == ["Subdistrict"]
    assert not on_projector("partners", "en", section="who_gives_what").selectbox
    # A normal screen: once each, above the sections.
    assert _segmented(open_page("plan", "en")) == ["Plan step"]
    assert [s.label for s in open_page("partners", "en").selectbox] == ["Subdistrict"]

