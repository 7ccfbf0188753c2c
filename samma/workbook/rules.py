"""What a single cell cannot tell (duplicates, codes that exist, rows that must agree), as SQL
over the checked sheets: each rule one query that returns the rows breaking it, so a province's
rows are gone through by DuckDB, not one by one in Python. A cell already reported is NULL in
the sheet it is read from and named in the row's `failed`: a rule skips it (`reported(...)`)
rather than report it twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import duckdb
import pyarrow as pa

from samma import domain
from samma.funds import EXACT_BAHT
from samma.i18n import date
from samma.workbook.sheets import Sheet, choice_label


def cross_checks(sheets: dict[str, tuple[Sheet, pa.Table, bool]], report: Callable) -> None:
    """Every rule across cells and sheets. `sheets`: by name, the sheet, its rows as the rules
    read them (`row`, its columns, `failed`) and whether it is broken (missing, or missing
    columns: its codes are unknown, not absent). `report(sheet, row, column key, value, message
    key, **params)` says one problem."""
    con = duckdb.connect()
    try:
        for name, (_, rows, _) in sheets.items():
            con.register(name, rows)
        con.execute("CREATE MACRO reported(failed, column_key) AS "
                    "coalesce(list_contains(failed, column_key), FALSE)")
        broken = {name for name, (_, _, is_broken) in sheets.items() if is_broken}
        rules = _Rules(con, {name: sheet for name, (sheet, _, _) in sheets.items()}, broken, report)
        rules.keys_and_codes()
        rules.codes_and_areas()
        rules.recipients()
        rules.funds()
        rules.coordination()
        rules.plan()
        rules.income()
    finally:
        con.close()


class _Rules:
    """The rules, grouped as the workbook's instructions group them. Table and column names in
    the SQL come from SHEETS, never from input."""

    def __init__(self, con: duckdb.DuckDBPyConnection, sheets: dict[str, Sheet], broken: set[str],
                 report: Callable) -> None:
        self.con, self.sheets, self.broken, self.say = con, sheets, broken, report

    def breaking(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()

    def report(self, sheet: str, sql: str, column: str, key: str, params: list | None = None,
               **message: object) -> None:
        """Says `key` at `column` of each row `sql` returns: (row, the value found)."""
        for row, value in self.breaking(sql, params):
            self.say(self.sheets[sheet], row, column, value, key, **message)

    def keys_and_codes(self) -> None:
        """No key twice in a sheet (the first row named), no code a sheet refers to that the
        sheet it refers to does not hold."""
        for name, sheet in self.sheets.items():
            if sheet.key:
                key = ", ".join(sheet.key)
                present = " AND ".join(f"{k} IS NOT NULL" for k in sheet.key)
                # The keys given twice found by grouping, and only their rows sorted to say where.
                for row, *values, first in self.breaking(
                        f"WITH twice AS (SELECT {key} FROM {name} WHERE {present} GROUP BY ALL "
                        f"HAVING count(*) > 1) SELECT row, {key}, min(row) OVER (PARTITION BY {key}) AS first "
                        f"FROM {name} SEMI JOIN twice USING ({key}) QUALIFY row > first ORDER BY row"):
                    self.say(sheet, row, sheet.key[-1], " · ".join(map(str, values)), "err_duplicate",
                             first=first)
            for column in sheet.columns:
                if not column.ref or column.ref in self.broken:
                    continue
                target = self.sheets[column.ref].columns[0].key
                # A cell already reported is NULL here, so not said again.
                self.report(name, f"SELECT row, {column.key} FROM {name} WHERE {column.key} IS NOT NULL "
                                  f"AND {column.key} NOT IN "
                                  f"(SELECT {target} FROM {column.ref} WHERE {target} IS NOT NULL) "
                                  f"ORDER BY row", column.key, "err_unknown_code", ref=column.ref)

    def codes_and_areas(self) -> None:
        """A district's code starts with its province's, a subdistrict's with its district's, a
        village's is its subdistrict's and its moo; a milestone's owner exists."""
        for name, parent_column in (("district", "province_code"), ("subdistrict", "district_code")):
            for row, code, parent_code in self.breaking(
                    f"SELECT row, code, {parent_column} FROM {name} WHERE NOT starts_with(code, "
                    f"{parent_column}) ORDER BY row"):
                self.say(self.sheets[name], row, "code", code, "err_prefix", parent=parent_code,
                         parent_column=self.sheets[name].column(parent_column).header)
        for row, code, expected in self.breaking(
                "SELECT row, code, subdistrict_code || printf('%02d', moo) AS expected FROM village "
                "WHERE code != expected ORDER BY row"):
            self.say(self.sheets["village"], row, "code", code, "err_village_code", expected=expected)
        if {"occupation_group", "network"} & self.broken:
            return
        for kind, table in (("group", "occupation_group"), ("network", "network")):
            self.report("milestone", "SELECT row, owner_code FROM milestone WHERE owner_kind = ? "
                                     "AND owner_code IS NOT NULL AND owner_code NOT IN "
                                     f"(SELECT code FROM {table} WHERE code IS NOT NULL) ORDER BY row",
                        "owner_code", "err_unknown_code", [kind], ref=table)

    def recipients(self) -> None:
        """A contribution from a partner names the partner (and only one from a partner does), and
        goes to a network or a group, not both, not neither."""
        self.report("contribution", "SELECT row, partner_code FROM contribution WHERE source IS NOT NULL "
                                    "AND NOT reported(failed, 'partner_code') "
                                    "AND (source = 'partner') != (partner_code IS NOT NULL) ORDER BY row",
                    "partner_code", "err_partner_source")
        self.report("contribution", f"SELECT row, group_code FROM contribution WHERE {_ONE_OF} ORDER BY row",
                    "group_code", "err_one_recipient")

    def funds(self) -> None:
        """The fund ledger's owner and kinds of entry, scheme members, and the loan register: a
        loan due before it was lent, repaid before it was lent or beyond what was lent."""
        for name in ("fund_entry", "scheme_member", "loan"):
            self.report(name, f"SELECT row, group_code FROM {name} WHERE {_ONE_OF} ORDER BY row", "group_code",
                        "err_one_owner")
        spent, passed_on = "coalesce(entry = 'spent', FALSE)", "coalesce(entry = 'passed_on', FALSE)"
        ledger = "FROM fund_entry WHERE NOT reported(failed, 'entry') AND "
        self.report("fund_entry", f"SELECT row, purpose {ledger} NOT reported(failed, 'purpose') "
                                  f"AND {spent} != (purpose IS NOT NULL) ORDER BY row", "purpose", "err_spent_purpose")
        self.report("fund_entry", f"SELECT row, bucket {ledger} {spent} AND bucket != 'admin' ORDER BY row",
                    "bucket", "err_spent_admin")
        self.report("fund_entry", f"SELECT row, to_group_code {ledger} NOT reported(failed, 'to_group_code') "
                                  f"AND {passed_on} != (to_group_code IS NOT NULL) ORDER BY row",
                    "to_group_code", "err_passed_on_group")
        self.report("fund_entry", f"SELECT row, network_code {ledger} {passed_on} AND ((network_code IS NULL "
                                  "AND NOT reported(failed, 'network_code')) OR bucket != 'revolving') ORDER BY row",
                    "network_code", "err_passed_on_network")
        # A member is a network or a group; one of them named twice is named once too many.
        for row, network, group, first in self.breaking(
                "SELECT row, network_code, group_code, min(row) OVER (PARTITION BY network_code, group_code) "
                "AS first FROM scheme_member WHERE NOT reported(failed, 'network_code') "
                "AND NOT reported(failed, 'group_code') AND (network_code IS NOT NULL OR group_code IS NOT NULL) "
                "QUALIFY row > first ORDER BY row"):
            self.say(self.sheets["scheme_member"], row, "group_code" if group else "network_code",
                     group or network, "err_duplicate", first=first)
        self.report("loan", "SELECT row, due FROM loan WHERE due < lent ORDER BY row", "due", "err_due_before_lent")
        # Each loan as lent (the last row of a code given twice, which is reported as such).
        lent = ("(SELECT code, arg_max(lent, row) AS lent, arg_max(amount_baht, row) AS amount FROM loan "
                "WHERE code IS NOT NULL AND lent IS NOT NULL AND amount_baht IS NOT NULL GROUP BY code) l")
        for row, day, lent_on in self.breaking(
                f'SELECT r.row, r."date", l.lent FROM loan_repayment r JOIN {lent} ON r.loan_code = l.code '
                'WHERE r."date" < l.lent ORDER BY r.row'):
            self.say(self.sheets["loan_repayment"], row, "date", day, "err_repaid_before_lent", lent=lent_on)
        # Repaid and written off, row by row: the row where it passes what was lent, once a loan.
        for row, principal, amount in self.breaking(
                "SELECT row, principal_baht, amount FROM (SELECT r.row, r.principal_baht, l.amount, l.code, "
                "sum(coalesce(r.principal_baht, 0) + coalesce(r.written_off_baht, 0)) "
                f"OVER (PARTITION BY l.code ORDER BY r.row) AS back FROM loan_repayment r JOIN {lent} "
                "ON r.loan_code = l.code WHERE NOT reported(r.failed, 'principal_baht') "
                "AND NOT reported(r.failed, 'written_off_baht')) WHERE back > amount + ? "
                "QUALIFY row = min(row) OVER (PARTITION BY code) ORDER BY row", [EXACT_BAHT]):
            self.say(self.sheets["loan_repayment"], row, "principal_baht", principal,
                     "err_repaid_more_than_lent", amount=f"{amount:,.2f}")

    def coordination(self) -> None:
        """A pledge promises something (more than zero) due on or after the day it was promised;
        an action a partner owns names the partner (the committee's names none); a done action
        says when it was done, and only a done one."""
        for row, amount in self.breaking("SELECT row, amount FROM pledge WHERE amount <= 0 ORDER BY row"):
            self.say(self.sheets["pledge"], row, "amount", f"{amount:g}", "err_not_positive")
        self.report("pledge", "SELECT row, due FROM pledge WHERE due < made ORDER BY row", "due",
                    "err_due_before_made")
        self.report("action", "SELECT row, partner_code FROM action WHERE owner_kind IS NOT NULL "
                              "AND NOT reported(failed, 'partner_code') "
                              "AND (owner_kind = 'partner') != (partner_code IS NOT NULL) ORDER BY row",
                    "partner_code", "err_action_partner")
        self.report("action", "SELECT row, done_on FROM action WHERE status IS NOT NULL "
                              "AND NOT reported(failed, 'done_on') "
                              "AND (status = 'done') != (done_on IS NOT NULL) ORDER BY row",
                    "done_on", "err_done_on")

    def plan(self) -> None:
        """A target is for a subdistrict or a village the workbook holds, due after it starts."""
        if not {"subdistrict", "village"} & self.broken:
            self.report("plan_target", "SELECT row, area_code FROM plan_target WHERE area_code IS NOT NULL "
                                       "AND area_code NOT IN "
                                       "(SELECT code FROM subdistrict WHERE code IS NOT NULL UNION ALL "
                                       "SELECT code FROM village WHERE code IS NOT NULL) ORDER BY row",
                        "area_code", "err_area_code")
        self.report("plan_target", "SELECT row, due FROM plan_target WHERE due < plan_start ORDER BY row",
                    "due", "err_due_before_start")

    def income(self) -> None:
        """A baseline is taken on the day the household joins or at most a year before it, one per
        household; a follow-up after the household joined (so after its baseline too); the
        household's total income is not below what it earns from the occupation alone."""
        surveys = self.sheets["income_survey"]
        for row, kind, first in self.breaking(
                "SELECT row, kind, min(row) OVER (PARTITION BY household_code) AS first FROM income_survey "
                "WHERE household_code IS NOT NULL AND kind = 'baseline' QUALIFY row > first ORDER BY row"):
            self.say(surveys, row, "kind", choice_label("survey_kind", kind), "err_second_baseline", first=first)
        for row, total in self.breaking("SELECT row, household_income_baht FROM income_survey "
                                        "WHERE household_income_baht < occupation_income_baht ORDER BY row"):
            self.say(surveys, row, "household_income_baht", f"{total:,.0f}", "err_total_below_occupation")
        if "household" in self.broken:
            return
        # Each household's day of joining (the last row of a code given twice, reported as such).
        for row, day, joined, key in self.breaking(
                "SELECT s.row, s.surveyed, h.joined, CASE "
                "WHEN s.kind = 'baseline' AND s.surveyed > h.joined THEN 'err_baseline_after_joining' "
                "WHEN s.kind = 'baseline' AND date_diff('day', s.surveyed, h.joined) > ? "
                "THEN 'err_baseline_too_early' "
                "WHEN s.kind = 'follow_up' AND s.surveyed <= h.joined THEN 'err_follow_up_before_joining' "
                "END AS problem FROM income_survey s JOIN (SELECT code, arg_max(joined, row) AS joined "
                "FROM household WHERE code IS NOT NULL AND joined IS NOT NULL GROUP BY code) h "
                "ON s.household_code = h.code WHERE problem IS NOT NULL ORDER BY s.row",
                [domain.BASELINE_MAX_DAYS_BEFORE_JOINING]):
            days = {"days": domain.BASELINE_MAX_DAYS_BEFORE_JOINING} if key == "err_baseline_too_early" else {}
            self.say(surveys, row, "surveyed", day, key, joined=_in_each_language(joined), **days)


# Names a network or a group, not both, not neither (a cell already reported aside).
_ONE_OF = ("NOT reported(failed, 'network_code') AND NOT reported(failed, 'group_code') "
           "AND (network_code IS NULL) = (group_code IS NULL)")


def _in_each_language(day: dt.date) -> dict:
    """A day a message names, in each language's way of writing it."""
    return {lang: date(day, lang) for lang in ("th", "en")}
