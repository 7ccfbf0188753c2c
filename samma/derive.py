"""What is derived from the facts: the pages' summaries and the rule breaches, rebuilt in every
file that is written (a sample, an import, an upgrade, a restore of an older backup).

Each derived table or view is one SQL file in `samma/derived/`, named for what it answers, that
builds it from the facts alone. So a derived table can never strand data: a new version of Samma
rebuilds every one of them from the facts it migrated. The program's terms reach that SQL as
macros written here from `domain` and `funds` (`team_size()`, `admin_share()`,
`fiscal_year(day)` ...), never as copies.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from samma import domain, funds

FOLDER = Path(__file__).with_name("derived")

# In the order they read each other.
DERIVED = (
    "group_progress", "village_stage", "fund_capital", "group_fund", "admin_account",
    "admin_spending", "loan_status", "loan_health", "loan_totals", "fund_grant", "plan_village",
    "load_warning", "area_summary", "funnel_village", "formation_month", "contribution_summary",
    "cash_flow_summary", "revolving_month", "grant_split", "scheme_match", "event_sales_summary",
    "group_sales", "product_sales", "training_effect", "plan_village_day", "plan_readiness",
    "network_summary", "income_household", "income_summary", "plan_income", "pledge_delivery",
)


def terms_sql() -> str:
    """The program's terms as SQL macros. Only numbers from the code are formatted in."""
    return f"""
        CREATE OR REPLACE MACRO team_size() AS {int(domain.TEAM_SIZE)};
        CREATE OR REPLACE MACRO households_per_village() AS {int(domain.HOUSEHOLDS_PER_VILLAGE)};
        CREATE OR REPLACE MACRO admin_share() AS {float(funds.ADMIN_SHARE)!r};
        CREATE OR REPLACE MACRO exact_baht() AS {float(funds.EXACT_BAHT)!r};
        CREATE OR REPLACE MACRO capital_lost(capital, floor) AS capital < floor - exact_baht();
        CREATE OR REPLACE MACRO tolerance_baht() AS {float(funds.TOLERANCE_BAHT)!r};
        CREATE OR REPLACE MACRO split_gap(grant_baht, admin_paid) AS admin_paid - grant_baht * admin_share();
        CREATE OR REPLACE MACRO match_gap(raised, matched, ratio) AS matched - ratio * raised;
        CREATE OR REPLACE MACRO verdict(gap) AS
            CASE WHEN abs(gap) <= tolerance_baht() THEN 'ok' WHEN gap > 0 THEN 'over' ELSE 'under' END;
        CREATE OR REPLACE MACRO overdue(due, as_of, outstanding) AS
            due < as_of AND outstanding > exact_baht();
        CREATE OR REPLACE MACRO income_min_households() AS {int(domain.INCOME_MIN_HOUSEHOLDS)};
        CREATE OR REPLACE MACRO income_same_band() AS {float(domain.INCOME_SAME_BAND)!r};
        CREATE OR REPLACE MACRO fiscal_year(day) AS
            year(day) + {int(domain.BUDDHIST_ERA_OFFSET)}
            + CASE WHEN month(day) >= {int(domain.FISCAL_YEAR_START_MONTH)} THEN 1 ELSE 0 END;
    """


def sql(name: str) -> str:
    return (FOLDER / f"{name}.sql").read_text(encoding="utf-8")


def derive(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)builds every derived object from the facts in `con`."""
    con.execute(terms_sql())
    for name in DERIVED:
        con.execute(sql(name))
