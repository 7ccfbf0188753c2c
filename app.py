"""Samma: the router. Language and projector mode, the pages, the database guard, then the
meeting bar under every page."""

import streamlit as st

from samma import ui
from samma.i18n import t

lang = ui.language_switch()
projector = ui.projector_switch(lang)
ui.style(projector)
st.set_page_config(page_title="Samma · สัมมาชีพชุมชน", page_icon=":material/handshake:",
                   layout="wide", initial_sidebar_state="collapsed" if projector else "auto")
pages = [
    st.Page("views/overview.py", title=t("page_overview", lang), icon=":material/dashboard:",
            url_path="overview", default=True),
    # map, groups (issue 4)
    st.Page("views/map.py", title=t("page_map", lang), icon=":material/map:", url_path="map"),
    st.Page("views/groups.py", title=t("page_groups", lang), icon=":material/groups:",
            url_path="groups"),

    # funds, whatif (issue 5)
    st.Page("views/funds.py", title=t("page_funds", lang), icon=":material/account_balance:",
            url_path="funds"),
    st.Page("views/whatif.py", title=t("page_whatif", lang), icon=":material/tune:",
            url_path="whatif"),

    # market, plan (issue 6)
    st.Page("views/market.py", title=t("page_market", lang), icon=":material/storefront:",
            url_path="market"),
    st.Page("views/plan.py", title=t("page_plan", lang), icon=":material/flag:", url_path="plan"),

    # data (issue 3)
    st.Page("views/data.py", title=t("page_data", lang), icon=":material/database:", url_path="data"),

]
page = st.navigation(pages)
with ui.database_guard(lang):
    page.run()
    ui.meeting_bar(pages, page, lang, projector)
