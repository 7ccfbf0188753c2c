"""One function per question a page asks. All SQL runs through `db.run`, read-only and
parameterised; each function returns plain data the page can draw."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from samma.db import run


def dataset_info() -> dict:
    """Which dataset is live, whether it is the sample, and as of when."""
    return run("SELECT name_th, name_en, is_sample, as_of, loaded_at, positions_approximate "
               "FROM dataset").iloc[0].to_dict()


def headline_figures() -> dict:
    """The figures a partner meeting opens with. Cash and in-kind support stay apart."""
    people = run("""
        SELECT count(*) FILTER (WHERE is_target) AS target_villages,
               count(*) FILTER (WHERE is_target AND stage_rank >= 1) AS villages_reached,
               count(*) FILTER (WHERE is_pilot) AS pilot_villages,
               coalesce(sum(sages), 0) AS sages,
               coalesce(sum(households), 0) AS households,
               coalesce(sum(groups_formed), 0) AS groups_formed,
               coalesce(sum(groups_5k), 0) AS groups_5k
        FROM village_stage""").iloc[0].to_dict()
    money = run("""
        SELECT (SELECT coalesce(sum(amount_baht), 0) FROM contribution
                WHERE source = 'partner' AND kind = 'cash') AS support_cash,
               (SELECT coalesce(sum(amount_baht), 0) FROM contribution
                WHERE source = 'partner' AND kind = 'in_kind') AS support_in_kind,
               (SELECT coalesce(sum(amount_baht), 0) FROM contribution
                WHERE source = 'members') AS members_raised,
               (SELECT coalesce(sum(capital), 0) FROM group_fund) AS revolving_now,
               (SELECT coalesce(sum(amount_baht), 0) FROM sale) AS sales,
               (SELECT count(*) FROM market_event) AS events""").iloc[0].to_dict()
    figures = {**people, **money}
    return {k: (float(v) if k in money and k != "events" else int(v)) for k, v in figures.items()}


# --- data page (issue 3) -----------------------------------------------------------------------

def table_row_counts() -> dict[str, int]:
    """How many rows each table of the live database holds, in the schema's order."""
    from samma.db import TABLES
    # Table names come from db.TABLES, never from input.
    counts = run(" UNION ALL ".join(f"SELECT '{table}' AS name, count(*) AS n FROM {table}"
                                    for table in TABLES))
    return dict(zip(counts["name"], counts["n"].astype(int)))


def load_warnings(rules: Sequence[str] = (), group_code: str | None = None) -> pd.DataFrame:
    """Rule breaches found when the data was loaded (split not 70/30, matching above the members'
    own part, revolving capital below its floor), optionally only some rules or one group.
    Columns: rule, group_code, contribution_id, amount_baht, limit_baht, message_th, message_en."""
    return run("""
        SELECT rule, group_code, contribution_id, amount_baht::DOUBLE AS amount_baht,
               limit_baht::DOUBLE AS limit_baht, message_th, message_en
        FROM load_warning
        WHERE (? = '' OR list_contains(string_split(?, ','), rule))
          AND (?::VARCHAR IS NULL OR group_code = ?)
        ORDER BY rule, group_code, contribution_id""",
               [",".join(rules), ",".join(rules), group_code, group_code])



# --- map and groups (issue 4) -----------------------------------------------------------------------


# --- funds (issue 5) -----------------------------------------------------------------------


# --- market and plan (issue 6) -----------------------------------------------------------------------
