"""Upgrading a file made by an earlier version of Samma, so that no network's data is stranded.

Only facts are carried over: everything derived is rebuilt from them (samma/derive.py). The old
file's fact tables are copied into a `stage` schema, each version's step turns them into the next
version's, in order, and the result goes into the current tables by column name.

To change the facts' schema (schema.sql) or anything derived (samma/derived/): bump CURRENT, list
the new version's fact tables in FACTS, write the step from the previous version in STEPS (SQL over
`stage.<table>`; empty when only derived tables changed), and add a fixture file of the previous
version to tests/fixtures/ (tests/test_upgrade.py says how).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

# The fact tables of versions 1 to 5, parents before children.
_FACTS_1 = ("dataset", "province", "district", "subdistrict", "village", "partner", "sage",
            "occupation", "network", "occupation_group", "household", "milestone", "contribution",
            "fund_entry", "plan_target", "market_event", "product", "sale", "training",
            "training_group")

# 6: the network's committee, matching schemes and the loan register.
_FACTS_6 = (*_FACTS_1, "committee_seat", "matching_scheme", "scheme_partner", "scheme_member", "loan",
            "loan_repayment")

# 7: the households' income surveys.
_FACTS_7 = (*_FACTS_6[:_FACTS_6.index("household") + 1], "income_survey",
            *_FACTS_6[_FACTS_6.index("household") + 1:])

# 8: partner coordination: pledges, meetings and what they decided, asked and heard.
_FACTS_8 = (*_FACTS_7, "pledge", "meeting", "decision", "action", "problem")

# 10: which file each network's data came from, and when (several networks' workbooks in one file).
_FACTS_10 = (*_FACTS_8, "network_source")

# The fact tables a file of each version holds.
FACTS: dict[int, tuple[str, ...]] = {1: _FACTS_1, 2: _FACTS_1, 3: _FACTS_1, 4: _FACTS_1, 5: _FACTS_1,
                                     6: _FACTS_6, 7: _FACTS_7, 8: _FACTS_8, 9: _FACTS_8, 10: _FACTS_10}

# STEPS[n] turns version n's facts (in schema `stage`) into version n + 1's.
STEPS: dict[int, str] = {
    1: "",  # 2 added the load warnings: derived
    2: "",  # 3 added the area summaries: derived
    3: "",  # 4 added the pages' load-time tables: derived
    4: "",  # 5 set facts and derived apart: derived tables rebuilt from SQL files, the 5 K lookup
            # written from code, load warnings without their messages
    # 6: a fund belongs to a group or a network (every earlier entry is a group's), admin money is
    # spent on a purpose, a network passes money on to a group; the new tables start empty.
    5: """
        ALTER TABLE stage.fund_entry ADD COLUMN network_code VARCHAR;
        ALTER TABLE stage.fund_entry ADD COLUMN purpose VARCHAR;
        ALTER TABLE stage.fund_entry ADD COLUMN to_group_code VARCHAR;
    """,
    6: "",  # 7 added income surveys: a new table, left empty (its sheet is optional), and the
            # income summaries derived from it
    7: "",  # 8 added pledges, meetings, decisions, actions and problems: new tables, left empty
            # (their sheets are optional); a partner's sector may also be 'community'; the
            # grants' 70/30 gap and verdict held in grant_split, every fund's loans and
            # borrowers counted once (loan_totals): derived
    8: "",  # 9: the matching schemes' gap and verdict held in scheme_match: derived
    9: "",  # 10 added network_source, which file each network came from: a new table, left empty
            # (where the data came from before was not recorded)
}

FIRST = min(FACTS)
CURRENT = max(FACTS)


def carry_facts(con: duckdb.DuckDBPyConnection, source: Path, version: int) -> None:
    """Fills the current (empty) fact tables in `con` with the facts of the version-`version`
    file at `source`, migrated step by step."""
    if not FIRST <= version < CURRENT:
        raise ValueError(f"no upgrade from schema version {version}")
    con.execute("ATTACH ? AS old (READ_ONLY)", [str(source)])
    try:
        con.execute("CREATE SCHEMA stage")
        for table in FACTS[version]:
            # Table names come from FACTS above, never from the file.
            con.execute(f"CREATE TABLE stage.{table} AS SELECT * FROM old.{table}")
    finally:
        con.execute("DETACH old")
    for step in range(version, CURRENT):
        if STEPS[step].strip():
            con.execute(STEPS[step])
    staged = {name for (name,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'stage'").fetchall()}
    # A table newer than the file stays empty: its sheet is optional.
    for table in (t for t in FACTS[CURRENT] if t in staged):
        con.execute(f"INSERT INTO main.{table} BY NAME SELECT * FROM stage.{table}")
    con.execute("UPDATE main.dataset SET schema_version = ?", [CURRENT])
    con.execute("DROP SCHEMA stage CASCADE")
