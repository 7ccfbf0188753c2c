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
        SELECT coalesce(sum(target_villages), 0) AS target_villages,
               coalesce(sum(villages_reached), 0) AS villages_reached,
               coalesce(sum(pilot_villages), 0) AS pilot_villages,
               coalesce(sum(sages), 0) AS sages, coalesce(sum(households), 0) AS households,
               coalesce(sum(groups_formed), 0) AS groups_formed, coalesce(sum(groups_5k), 0) AS groups_5k,
               coalesce(sum(support_cash), 0) AS support_cash,
               coalesce(sum(support_in_kind), 0) AS support_in_kind,
               coalesce(sum(members_raised), 0) AS members_raised,
               coalesce(sum(revolving_capital), 0) AS revolving_now, coalesce(sum(sales), 0) AS sales,
               -- Events with no district belong to no province: count them all here.
               (SELECT count(*) FROM market_event) AS events
        FROM area_summary WHERE level = 'province'""").iloc[0].to_dict()
    money = ("support_cash", "support_in_kind", "members_raised", "revolving_now", "sales")
    return {k: float(v) if k in money else int(v) for k, v in figures.items()}


# --- data page (issue 3) -----------------------------------------------------------------------


# --- map and groups (issue 4) -----------------------------------------------------------------------


# --- funds (issue 5) -----------------------------------------------------------------------


# --- market and plan (issue 6) -----------------------------------------------------------------------
