"""The meeting's agenda: the pages in the order a partner meeting looks at them, each split into
sections that fit one projector screen, and the steps of the previous/next buttons through them.
Pure: the router and ui.sections read it, the tests check it without Streamlit.

A section is (name, title): the name goes in the link (`?section=flows`), the title is an i18n
key, drawn above the section and written on the button that goes to it.
"""

from __future__ import annotations

from collections.abc import Sequence

SECTION_PARAM = "section"

# The Data page is not shown to a meeting: it is not on the agenda. A page is stepped to only
# where it is among the router's pages.
AGENDA: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("overview", (("people", "section_people"), ("groups", "section_groups"),
                  ("money", "section_money"), ("network", "section_network"),
                  ("income", "section_income"))),
    ("network", (("five_k", "network_5k"), ("committee", "network_committee"),
                 ("fund", "network_fund"), ("admin", "network_admin"), ("spending", "network_spending"),
                 ("passed_on", "network_passed"))),
    ("map", (("map", "sec_map"), ("village", "sec_village"), ("village_money", "sec_village_money"),
             ("village_income", "sec_village_income"))),
    ("groups", (("funnel", "funnel_title"), ("five_k", "matrix_title"),
                ("progress", "progress_title"), ("income", "section_income"),
                ("income_bands", "income_bands_title"),
                ("income_spread", "sec_income_spread"),
                ("income_tables", "sec_income_tables"))),
    ("funds", (("support", "funds_support"), ("totals", "funds_totals"), ("flows", "funds_flows"),
               ("revolving", "funds_revolving"), ("gains", "sec_fund_gains"),
               ("loans", "loans_title"), ("overdue", "sec_loans_overdue"),
               ("rule_split", "sec_rule_split"), ("rule_match", "sec_rule_match"),
               ("warnings", "data_warnings"))),
    ("whatif", (("scenario", "sec_whatif_scenario"), ("projection", "sec_whatif_projection"))),
    ("market", (("events", "sec_market_events"), ("timeline", "sec_market_timeline"),
                ("best_sellers", "sec_market_best"),
                ("event", "event_view"), ("training", "support_effect"))),
    ("plan", (("overall", "plan_overall"), ("village", "plan_village"), ("changes", "evaluation"),
              ("readiness", "readiness"))),
    ("partners", (("who_gives_what", "partners_who"), ("pledges", "partners_pledges"),
                  ("actions", "partners_actions"), ("decisions", "partners_decisions"))),
)
_PAGES = dict(AGENDA)


def on_agenda(page: str) -> bool:
    return page in _PAGES


def sections(page: str) -> tuple[str, ...]:
    """The page's sections in agenda order; none for a page not on the agenda."""
    return tuple(name for name, _ in _PAGES.get(page, ()))


def title(page: str, section: str) -> str:
    """The i18n key of the section's title."""
    return dict(_PAGES[page])[section]


def chosen(page: str, asked: str | None) -> tuple[str, bool]:
    """(section, understood): the section a link asks for on `page`, the first when it names
    none; a name the page does not have means the first too, and the caller says so."""
    names = sections(page)
    if asked is None:
        return names[0], True
    return (asked, True) if asked in names else (names[0], False)


def steps(pages: Sequence[str]) -> list[tuple[str, str]]:
    """Every (page, section) of the meeting in agenda order, for the pages that exist (`pages`:
    the router's url_paths)."""
    present = set(pages)
    return [(page, name) for page, parts in AGENDA if page in present for name, _ in parts]


def neighbours(pages: Sequence[str], page: str, section: str
               ) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """The steps before and after (page, section); none past either end, or for a step that is
    not on the agenda."""
    order = steps(pages)
    if (page, section) not in order:
        return None, None
    i = order.index((page, section))
    return (order[i - 1] if i > 0 else None), (order[i + 1] if i + 1 < len(order) else None)
