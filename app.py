"""Samma: the router. Page config, language, the database guard, then the pages."""

import streamlit as st

from samma import ui
from samma.i18n import t

st.set_page_config(page_title="Samma · สัมมาชีพชุมชน", page_icon=":material/handshake:",
                   layout="wide")
lang = ui.language_switch()
page = st.navigation([
    st.Page("views/overview.py", title=t("page_overview", lang), icon=":material/dashboard:",
            url_path="overview", default=True),
    # map, groups (issue 4)
    st.Page("views/map.py", title=t("page_map", lang), icon=":material/map:", url_path="map"),
    st.Page("views/groups.py", title=t("page_groups", lang), icon=":material/groups:",
            url_path="groups"),

    # funds, whatif (issue 5)

    # market, plan (issue 6)

    # data (issue 3)

])
with ui.database_guard(lang):
    page.run()
