"""A bare Streamlit page: a title and 12 figures, nothing read. The benchmark serves it beside the
app, so that each page's first visit is set against what Streamlit itself takes on this machine."""

import streamlit as st

st.title("Bare")
for row in range(3):
    for number, column in enumerate(st.columns(4), row * 4 + 1):
        column.metric(f"Figure {number}", f"{number * 1_000:,}", border=True)
