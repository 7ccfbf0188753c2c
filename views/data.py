"""Data: which dataset is live and how it was loaded, the template and an export to download,
and, only when an editor password is configured, loading a spreadsheet from the browser."""

import streamlit as st

from samma import db, editor, queries, tables, ui, workbook
from samma.i18n import date, escape, t

lang = ui.lang()
info = ui.page_header("data_title", lang)

st.subheader(t("data_live", lang))
c1, c2, c3 = st.columns(3)
c1.metric(t("data_as_of", lang), date(info["as_of"], lang), border=True)
c2.metric(t("data_loaded_at", lang), f"{date(info['loaded_at'].date(), lang)} {info['loaded_at']:%H:%M}",
          border=True)
c3.metric(t("data_kind", lang), t("data_is_sample" if info["is_sample"] else "data_is_real", lang),
          border=True)

st.subheader(t("data_warnings", lang), help=t("data_warnings_help", lang))
if not ui.load_warnings(lang):
    st.success(t("data_no_warnings", lang), icon=":material/check_circle:")

st.subheader(t("data_counts", lang))
ui.table(tables.row_counts(workbook.SHEETS, queries.table_row_counts(), lang), lang)

st.subheader(t("data_sources", lang))
ui.table(tables.network_sources(queries.network_sources(), lang), lang)

st.subheader(t("data_downloads", lang))
c1, c2 = st.columns(2)
c1.download_button(t("data_template", lang), workbook.template_bytes, file_name="samma-template.xlsx",
                   icon=":material/download:", on_click="ignore", width="stretch")
# Anyone may download this, without the households' own income surveys; built when clicked, from
# the version this page shows (its date is in the file name).
c2.download_button(t("data_export", lang),
                   db.keep_version(lambda: workbook.export_bytes(db.database_path(), per_household=False)),
                   file_name=f"samma-{info['as_of']:%Y-%m-%d}.xlsx", icon=":material/download:",
                   on_click="ignore", width="stretch")
st.caption(t("data_export_viewer", lang) + " · " + t("data_how_to_load", lang))

if editor.enabled():
    st.subheader(t("data_editor", lang))
    if not st.session_state.get("editor_signed_in"):
        with st.form("editor_sign_in"):
            given = st.text_input(t("data_password", lang), type="password")
            if st.form_submit_button(t("data_unlock", lang)):
                if editor.check_password(given):
                    st.session_state.editor_signed_in = True
                    st.rerun()
                st.error(t("data_wrong_password", lang), icon=":material/lock:")
    else:
        st.download_button(t("data_export_full", lang),
                           db.keep_version(lambda: workbook.export_bytes(db.database_path())),
                           file_name=f"samma-{info['as_of']:%Y-%m-%d}-full.xlsx",
                           icon=":material/download:", on_click="ignore")
        # A load reruns the page so everything above shows the new figures; its report stays.
        if "loaded" in st.session_state:
            loaded = st.session_state.pop("loaded")
            st.success(t("data_loaded", lang), icon=":material/check_circle:")
            for note in loaded.notes:
                st.info(escape(note[lang == "en"]), icon=":material/info:")
            if loaded.warnings:
                st.warning(t("load_warnings", lang, n=len(loaded.warnings)), icon=":material/warning:")
                ui.table(tables.loaded_warnings(loaded.warnings, lang), lang)
        upload = st.file_uploader(t("data_upload", lang), type=["xlsx"])
        if upload is not None and st.button(t("data_load", lang), type="primary"):
            try:
                st.session_state.loaded = workbook.load_bytes(upload.getvalue(), db.database_path(),
                                                              upload.name)
            except workbook.LoadRejected as rejected:
                st.error(t("load_rejected", lang, n=len(rejected.problems)), icon=":material/error:")
                ui.table(tables.problems(rejected.problems, lang), lang)
            else:
                st.rerun()
