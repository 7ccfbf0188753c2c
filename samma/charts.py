"""DataFrame in, Altair or pydeck object out. No queries, no Streamlit: builders are pure, so
tests check them as data (`chart.to_dict()`, `deck.to_json()`)."""

from __future__ import annotations


# --- map and groups (issue 4) -----------------------------------------------------------------


# --- funds and what-if (issue 5) --------------------------------------------------------------


# --- market and plan (issue 6) ----------------------------------------------------------------
