"""One function per question a page asks. All SQL runs through `db.run`, read-only and
parameterised; each function returns plain data the page can draw."""

from __future__ import annotations

from samma.db import run


def dataset_info() -> dict:
    """Which dataset is live, whether it is the sample, and as of when."""
    return run("SELECT name_th, name_en, is_sample, as_of, loaded_at, positions_approximate "
               "FROM dataset").iloc[0].to_dict()


def headline_figures() -> dict:
    """The figures a partner meeting opens with, from the load-time summaries (a hundred rows
    at national scale). Cash and in-kind support stay apart."""
    figures = run("""
        SELECT sum(target_villages) AS target_villages, sum(villages_reached) AS villages_reached,
               sum(pilot_villages) AS pilot_villages, sum(sages) AS sages,
               sum(households) AS households, sum(groups_formed) AS groups_formed,
               sum(groups_5k) AS groups_5k,
               sum(support_cash) AS support_cash, sum(support_in_kind) AS support_in_kind,
               sum(members_raised) AS members_raised, sum(revolving_capital) AS revolving_now,
               sum(sales) AS sales,
               -- Events with no district belong to no province: count them all here.
               (SELECT count(*) FROM market_event) AS events
        FROM area_summary WHERE level = 'province'""").iloc[0].to_dict()
    money = ("support_cash", "support_in_kind", "members_raised", "revolving_now", "sales")
    return {k: float(v or 0) if k in money else int(v or 0) for k, v in figures.items()}


# --- data page (issue 3) -----------------------------------------------------------------------


# --- map and groups (issue 4) -----------------------------------------------------------------------


# --- funds (issue 5) -----------------------------------------------------------------------


# --- market and plan (issue 6) -----------------------------------------------------------------------
