"""Samma: the router. Language and projector mode, the pages, the database guard, then the
meeting bar under every page."""

from pathlib import Path

import streamlit as st

from samma import ui
from samma.i18n import t

opened = {k: st.query_params.get_all(k) for k in st.query_params}     # the link as it came
lang = ui.language_switch()
projector = ui.projector_switch(lang)
ui.style(projector)
# The icon is a file the app serves itself: a `:material/...:` page icon makes every browser
# fetch the favicon from an outside font server.
st.set_page_config(page_title="Samma · สัมมาชีพชุมชน",
                   page_icon=Path(__file__).parent / "static" / "favicon.png", layout="wide",
                   initial_sidebar_state="collapsed" if projector else "auto")
pages = [
    st.Page("views/overview.py", title=t("page_overview", lang), icon=":material/dashboard:",
            url_path="overview"),
    st.Page("views/network.py", title=t("page_network", lang), icon=":material/hub:",
            url_path="network"),
    st.Page("views/map.py", title=t("page_map", lang), icon=":material/map:", url_path="map"),
    st.Page("views/groups.py", title=t("page_groups", lang), icon=":material/groups:",
            url_path="groups"),
    st.Page("views/funds.py", title=t("page_funds", lang), icon=":material/account_balance:",
            url_path="funds"),
    st.Page("views/whatif.py", title=t("page_whatif", lang), icon=":material/tune:",
            url_path="whatif"),
    st.Page("views/market.py", title=t("page_market", lang), icon=":material/storefront:",
            url_path="market"),
    st.Page("views/plan.py", title=t("page_plan", lang), icon=":material/flag:", url_path="plan"),
    st.Page("views/partners.py", title=t("page_partners", lang), icon=":material/handshake:",
            url_path="partners"),
    st.Page("views/data.py", title=t("page_data", lang), icon=":material/database:", url_path="data"),
]


def root() -> None:
    """Streamlit serves its default page at "/" only, whatever its url_path, so the Overview is
    an ordinary page at /overview and "/" opens it there with the link as it came: every link
    to the Overview (the share link, the page links, a bookmark) names a page that exists, and
    the Overview says what the link's values were, as if opened directly."""
    ui.read_the_link_again()
    st.switch_page(pages[0], query_params=opened)


page = st.navigation([st.Page(root, title=t("page_overview", lang), url_path="", default=True,
                              visibility="hidden"), *pages])
with ui.database_guard(lang):
    page.run()
    ui.meeting_bar(pages, page, lang, projector)
