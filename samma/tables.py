"""Data and the language in, the words a page writes out: tables (DataFrames with their headers
in the page's language and their figures written as people read them), the names a picker
offers, and the short lines that sum a table up. Like the chart builders: pure, no queries, no
Streamlit. Where a table has more rows than a page shows, its builder picks which come first
(`rows`); `ui.table` draws it and says how many were left out."""

from __future__ import annotations

import pandas as pd

from samma import coordination, funds, plan
from samma.i18n import LANGS, baht, date, escape, number, pick, t, t_plain


def names(frame: pd.DataFrame, field: str, lang: str) -> dict[str, str]:
    """Code → name in the language (`field` "name" reads name_th / name_en), for a picker."""
    return dict(zip(frame["code"], frame[f"{field}_{lang}"]))


# A figure in a box (ui.boxes): its label, its value, the help behind it (or None), and, in a
# box that has one, a line under the value.
Box = tuple[str, str, str | None] | tuple[str, str, str | None, str]


# --- market ---------------------------------------------------------------------------------

def market_boxes(events: pd.DataFrame, selling: dict, lang: str,
                 by_product: pd.DataFrame | None = None) -> list[Box]:
    """The events (queries.market_events) and their sales in figures: how many were held, what
    sold, how many groups sold (queries.selling_counts); given the products' sales
    (queries.sales_by_product), the best seller too, its sales under its name."""
    shown = [(t("market_events_n", lang), number(len(events)), None),
             (t("market_sales_total", lang), baht(events["sales_baht"].sum(), lang), None),
             (t("market_groups_selling", lang), number(selling["groups"]), None)]
    if by_product is not None and len(by_product):
        best = by_product.iloc[0]
        shown.append((t("market_best_product", lang), escape(pick(best, "name", lang)), None,
                      baht(best["sales_baht"], lang)))
    return shown


def event_boxes(sold: pd.DataFrame, lang: str) -> list[Box]:
    """One event's sales (queries.event_sales) in figures: baht, groups that sold, products."""
    return [(t("event_sales", lang), baht(sold["sales_baht"].sum(), lang), None),
            (t("event_groups", lang), number(sold["group_code"].nunique()), None),
            (t("event_products", lang), number(len(sold)), None)]


def recent_events(events: pd.DataFrame, chosen: str, rows: int) -> pd.DataFrame:
    """The latest `rows` events (queries.market_events, oldest first) and the one `chosen`, which
    a link may name from before them."""
    return events[(events.index >= len(events) - rows) | (events["code"] == chosen)]


def event_where(events: pd.DataFrame, code: str, lang: str) -> str:
    """Where the event `code` (one of queries.market_events) was held and who organised it."""
    event = events.set_index("code").loc[code]
    return t("event_caption", lang, place=pick(event, "place", lang), organiser=pick(event, "organiser", lang))


def event_list(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The events (queries.market_events): date, name, place, organiser, groups, sales."""
    return pd.DataFrame({
        t("date", lang): [date(d.date(), lang) for d in events["date"]],
        t("event", lang): list(events[f"name_{lang}"]),
        t("place", lang): list(events[f"place_{lang}"]),
        t("organiser", lang): list(events[f"organiser_{lang}"]),
        t("event_groups", lang): list(events["groups_selling"]),
        t("sales", lang): [baht(v, lang) for v in events["sales_baht"]]})


def event_names(events: pd.DataFrame, lang: str) -> dict[str, str]:
    """Code → "date · name" of each event, for the event picker."""
    return {code: f"{date(day.date(), lang)} · {name}"
            for code, day, name in zip(events["code"], events["date"], events[f"name_{lang}"])}


def event_sales(sold: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Who sold what at one event (queries.event_sales): groups, never households."""
    return pd.DataFrame({
        t("group", lang): list(sold[f"group_{lang}"] + " · " + sold[f"subdistrict_{lang}"]),
        t("product", lang): list(sold[f"name_{lang}"]),
        t("quantity", lang): [t_plain("qty_unit", lang, n=number(n), unit=unit)
                              for n, unit in zip(sold["quantity"], sold[f"unit_{lang}"])],
        t("sales", lang): [baht(v, lang) for v in sold["sales_baht"]]})


def run_by(partners: pd.DataFrame, kind: str, lang: str) -> str:
    """Who ran one kind of support (queries.training_partners), as a line under its name: plain
    text (a page escapes it; the snapshot writes it into HTML)."""
    ran = partners.loc[partners["kind"] == kind, f"short_{lang}"]
    return t_plain("run_by", lang, partners=", ".join(ran))


def before_after_by_kind(effect: pd.DataFrame, partners: pd.DataFrame, lang: str) -> list[tuple[str, pd.DataFrame]]:
    """Sales before and after the partners' trainings (queries.sales_before_after_training) kind
    by kind, in the order they come: each kind's heading (its name in bold, and under it who ran
    it, queries.training_partners) and its rows."""
    return [(f"**{t(f'kind_{kind}', lang)}**  \n" + escape(run_by(partners, kind, lang)),
             effect[effect["kind"] == kind]) for kind in dict.fromkeys(effect["kind"])]


# --- funds ----------------------------------------------------------------------------------

def partner_totals(totals: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each partner's cash, in-kind value and in-kind days (queries.support_totals), indexed
    by the partner's name."""
    return pd.DataFrame({t("col_cash", lang): totals["cash"].to_numpy(),
                         t("col_in_kind", lang): totals["in_kind"].to_numpy(),
                         t("col_in_kind_days", lang): totals["in_kind_days"].to_numpy()},
                        index=pd.Index(totals[f"short_{lang}"], name=t("col_partner", lang)))


def kind_totals(totals: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """All partners' cash and all their in kind (queries.support_totals), apart: each kind, its
    name and its total in baht."""
    return [(kind, t(f"kind_{kind}", lang), baht(totals[kind].sum(), lang)) for kind in ("cash", "in_kind")]


def revolving_boxes(now, lang: str) -> list[Box]:
    """The revolving funds' latest month (queries.revolving_fund_by_month): capital, its floor,
    what is on loan."""
    return [(t("revolving_capital_now", lang), baht(now["capital"], lang), None),
            (t("revolving_floor", lang), baht(now["floor"], lang), None),
            (t("revolving_on_loan", lang), baht(now["on_loan"], lang), None)]


# A verdict in words (ui.notices): how it is drawn ("success", "info", "warning" or "error"), the
# words, the icon.
Notice = tuple[str, str, str]
OK, WRONG = ":material/check_circle:", ":material/error:"


def revolving_verdict(now, lang: str) -> Notice:
    """How far a revolving fund's capital is below or above its floor: `now` holds both, as the
    latest month of queries.revolving_fund_by_month or a network's queries.network_detail."""
    headroom = now["capital"] - now["floor"]
    if funds.capital_lost(now["capital"], now["floor"]):
        return "error", t("revolving_below_floor", lang, gap=baht(-headroom, lang)), WRONG
    return "success", t("revolving_above_floor", lang, gap=baht(headroom, lang)), OK


def _no_register(lang: str) -> Notice:
    return "info", t("loans_no_register", lang), ":material/info:"


def loan_notices(health: dict, lang: str) -> list[Notice]:
    """No loan register (queries.loan_health): only the ledger's figures can be shown."""
    return [] if health["loans"] else [_no_register(lang)]


def overdue_notices(health: dict, lang: str) -> list[Notice]:
    """Loans overdue (queries.loan_health): how many, how much, in how many funds; none; or no
    loan register to tell."""
    if not health["loans"]:
        return [_no_register(lang)]
    if not health["overdue_loans"]:
        return [("success", t("loans_none_overdue", lang), OK)]
    return [("error", t("loans_overdue_words", lang, n=number(health["overdue_loans"]),
                        amount=baht(health["overdue_baht"], lang), funds=number(health["funds_overdue"])),
             ":material/schedule:")]


def split_notices(splits: dict, lang: str) -> list[Notice]:
    """70/30 (queries.grant_split_counts): the grants that keep it, and the breaches."""
    said = [("success", t("rule_split_summary", lang, ok=number(splits["ok"]), n=number(splits["grants"])), OK)]
    if splits["ok"] < splits["grants"]:
        said.append(("error", t("rule_split_breaches", lang, n=number(splits["grants"] - splits["ok"])), WRONG))
    return said


def match_notices(any_scheme: bool, found: dict, lang: str) -> list[Notice]:
    """1:1 (funds.match_summary): the members that keep the ratio of those judged, those still
    waiting for a match, and the breaches; or that there is no matching scheme."""
    said = [("success", t("rule_match_summary", lang, ok=number(found["ok"]), n=number(found["judged"])), OK)
            if any_scheme else ("info", t("rule_no_scheme", lang), ":material/info:")]
    if found["waiting"]:
        said.append(("info", t("rule_match_waiting", lang, n=number(found["waiting"]),
                               amount=baht(found["waiting_raised"], lang)), ":material/hourglass_top:"))
    if len(found["breaches"]):
        said.append(("error", t("rule_match_breaches", lang, n=number(len(found["breaches"]))), WRONG))
    return said


def outside_notices(outside: int, lang: str) -> list[Notice]:
    """How many groups are in no matching scheme (queries.outside_schemes), if any. Not a
    shortfall: the condition is the scheme's, so no baht is named for these groups."""
    return [("info", t("rule_outside", lang, n=number(outside)), ":material/info:")] if outside else []


def loan_boxes(health: dict, lang: str) -> list[Box]:
    """Loan health (queries.loan_health): what the ledger says (repaid, losses) always; borrowers,
    the overdue and the repayment rate only from a loan register."""
    repaid = (t("loans_repaid", lang), baht(health["ledger_repaid"], lang), None)
    losses = (t("loans_losses", lang), baht(health["ledger_losses"], lang), None)
    if not health["loans"]:
        return [repaid, losses]
    rate = health["fell_due_repaid"] / health["fell_due"] if health["fell_due"] else None
    return [(t("loans_borrowers", lang), number(health["borrowers"]), None), repaid,
            (t("loans_overdue", lang), t("loans_overdue_value", lang, n=number(health["overdue_loans"]),
                                         amount=baht(health["overdue_baht"], lang)), None),
            (t("loans_rate", lang), "–" if rate is None else f"{rate:.1%}",
             t("loans_rate_help", lang, repaid=baht(health["fell_due_repaid"], lang),
               due=baht(health["fell_due"], lang))),
            losses]


def _largest_gaps(checks: pd.DataFrame, rows: int) -> pd.DataFrame:
    if len(checks) <= rows:
        return checks
    return checks.loc[checks["gap"].abs().sort_values(ascending=False, kind="stable").index[:rows]]


def _verdicts(checks: pd.DataFrame, lang: str) -> list[str]:
    return [t(f"verdict_{v}", lang) for v in checks["verdict"]]


def split_checks(checks: pd.DataFrame, partners: pd.DataFrame, lang: str, rows: int) -> pd.DataFrame:
    """Grants against 70/30 (queries.grant_split_checks), the largest gaps first when only
    `rows` can be shown."""
    shown = _largest_gaps(checks, rows)
    partner = names(partners, "short", lang)
    return pd.DataFrame({
        t("col_date", lang): [date(d, lang) for d in shown["date"]],
        t("col_partner", lang): shown["partner_code"].map(partner).to_numpy(),
        t("col_grant", lang): shown["grant_baht"].to_numpy(),
        t("col_admin", lang): shown["admin"].to_numpy(),
        t("col_revolving", lang): shown["revolving"].to_numpy(),
        t("col_gap", lang): shown["gap"].to_numpy(),
        t("col_verdict", lang): _verdicts(shown, lang)})


def match_checks(checks: pd.DataFrame, lang: str, rows: int) -> pd.DataFrame:
    """Members of a matching scheme against its ratio (queries.scheme_match_checks), the
    largest gaps first when only `rows` can be shown."""
    shown = _largest_gaps(checks, rows)
    return pd.DataFrame({
        t("col_group", lang): list(shown[f"name_{lang}"]),
        t("col_raised", lang): shown["raised"].to_numpy(),
        t("col_matched", lang): shown["matched"].to_numpy(),
        t("col_gap", lang): shown["gap"].to_numpy(),
        t("col_verdict", lang): _verdicts(shown, lang)})


def load_warnings(warnings: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rule breaches a load found (queries.load_warnings), in the language."""
    return pd.DataFrame({t("data_warning", lang): list(warnings[f"message_{lang}"])})


# --- what if -------------------------------------------------------------------------------

def whatif_link_notices(notices: list[funds.Notice], sliders: tuple[funds.SliderSpec, ...],
                        lang: str) -> list[Notice]:
    """Each value of a link the What-if could not use as written (funds.parse_params), in words:
    the value as given, cut short (anyone can write a link; `t` escapes it), and the value used,
    written as its slider (`sliders`) holds it."""
    whole = {spec.param: spec.whole for spec in sliders}
    return [("warning", t(f"wi_notice_{n.problem}", lang, param=n.param, raw=n.raw[:24],
                          used=number(n.used, 0 if whole[n.param] else 1)), ":material/link_off:")
            for n in notices]


def whatif_live(live: dict, lang: str) -> str:
    """The network as it is now (queries.whatif_live_start), where the live scenario starts from."""
    return t("wi_live_caption", lang, villages=number(live["villages"]),
             members=number(live["sages"] + live["households"]), raised=baht(live["raised"], lang),
             matched=baht(live["matched"], lang))


def whatif_answer(p: funds.Projection, lang: str) -> list[str]:
    """A scenario's answer in words (funds.project): what the members raise, the grant to ask for,
    the fund at the match and after one and three years; and what the partners' budget lacks."""
    said = [t("wi_answer", lang, members=number(p.members), raised=baht(p.raised, lang),
              grant=baht(p.grant, lang), admin=baht(p.admin, lang), fund0=baht(p.fund_at_match, lang),
              year1=baht(p.at("year1"), lang), year3=baht(p.at("year3"), lang))]
    if p.shortfall > 0:
        said.append(t("wi_answer_shortfall", lang, shortfall=baht(p.shortfall, lang), asked=baht(p.asked, lang)))
    return said


def whatif_notices(p: funds.Projection, lang: str) -> list[Notice]:
    """A scenario whose fund falls below what was paid in: by how much at three years."""
    if not p.loses_capital:
        return []
    return [("error", t("wi_warning_loss", lang, year3=baht(p.at("year3"), lang), paid=baht(p.paid_in[-1], lang)),
             ":material/trending_down:")]


def whatif_boxes(p: funds.Projection, lang: str) -> list[Box]:
    """A scenario's figures (funds.project): members, what they raise, the grant, what the
    partners' budget lacks, the administration part and the fund at the match."""
    return [(t("wi_members", lang), t("wi_members_value", lang, n=number(p.members)), None),
            (t("wi_raised", lang), baht(p.raised, lang), None),
            (t("wi_grant", lang), baht(p.grant, lang), None),
            (t("wi_shortfall", lang), baht(p.shortfall, lang), None),
            (t("wi_admin_out", lang), baht(p.admin, lang), None),
            (t("wi_fund0", lang), baht(p.fund_at_match, lang), None)]


def whatif_steps(p: funds.Projection, lang: str) -> list[Box]:
    """A scenario's revolving fund at each step (funds.STEP_MONTHS: a quarter, one year, three)."""
    return [(t(f"wi_{step}", lang), baht(p.at(step), lang), None) for step in funds.STEP_MONTHS]


# --- the network, its fund and loans; the matching schemes ------------------------------------

def scheme_lines(schemes: pd.DataFrame, lang: str) -> list[str]:
    """Each matching scheme (queries.matching_schemes) in a line: its partners and ratio, as
    plain text (a page escapes it; the snapshot writes it into HTML)."""
    return [t_plain("scheme_line", lang, name=s[f"name_{lang}"], partners=s[f"partners_{lang}"],
              ratio=number(s["ratio"], 0 if float(s["ratio"]).is_integer() else 2),
              members=number(s["members"])) for s in schemes.to_dict("records")]


def outside_schemes(groups: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The groups in no matching scheme (queries.outside_schemes): names only, no baht."""
    return pd.DataFrame({t("col_group", lang): list(groups[f"name_{lang}"]),
                         t("village", lang): list(groups[f"village_{lang}"])})


def overdue_funds(funds: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The funds with overdue loans (queries.overdue_by_fund), the most baht first."""
    return pd.DataFrame({
        t("col_fund_of", lang): list(funds[f"name_{lang}"]),
        t("col_place", lang): list(funds[f"place_{lang}"]),
        t("col_overdue_loans", lang): funds["overdue_loans"].to_numpy(),
        t("col_overdue_baht", lang): funds["overdue_baht"].to_numpy(),
        t("col_oldest_due", lang): [date(d.date(), lang) for d in funds["oldest_due"]]})


def k_name(k, lang: str) -> str:
    """One of the 5 K by name; none (empty, or NaN in a frame) is a dash."""
    return t(f"k_{k}", lang) if isinstance(k, str) else "–"


def five_k_boxes(five_k: pd.DataFrame, lang: str) -> list[Box]:
    """Each of a network's 5 K (queries.network_detail's five_k) with the day it was reached, or
    not yet."""
    return [(k_name(k, lang), date(reached.date(), lang) if reached else t("k_not_yet", lang), None)
            for k, reached in zip(five_k["k"], five_k["reached"])]


def five_k_verdict(n: dict, lang: str) -> Notice:
    """Whether a network (queries.network_detail) has all its 5 K, or how many and which is next."""
    if not isinstance(n["next_k"], str):
        return "success", t("network_5k_all", lang), OK
    return ("warning", t("network_5k_next", lang, n=number(n["ks"]), k=k_name(n["next_k"], lang)),
            ":material/pending:")


def committee_boxes(seats: pd.DataFrame, lang: str) -> list[Box]:
    """A network's committee (queries.network_detail's committee): seats by role, never names."""
    return [(t(f"role_{role}", lang), t("n_people", lang, n=number(n)), None)
            for role, n in zip(seats["role"], seats["seats"])]


def network_fund_boxes(n: dict, lang: str) -> list[Box]:
    """A network's revolving fund (queries.network_detail): paid in, passed on to its groups, its
    capital (the floor behind it) and what is on loan."""
    return [(t("fund_paid_in", lang), baht(n["revolving_paid_in"], lang), None),
            (t("fund_passed_on", lang), baht(n["passed_on"], lang), None),
            (t("fund_capital", lang), baht(n["capital"], lang),
             t("fund_capital_help", lang, floor=baht(n["floor"], lang))),
            (t("fund_on_loan", lang), baht(n["on_loan"], lang), None)]


def network_loans(n: dict, lang: str) -> str:
    """A network fund's loans (queries.network_detail) in a line: how many, and those overdue."""
    overdue = (t("loans_overdue_value", lang, n=number(n["overdue_loans"]), amount=baht(n["overdue_baht"], lang))
               if n["overdue_loans"] else "–")
    return t("network_loans", lang, n=number(n["loans"]), overdue=overdue)


def admin_boxes(n: dict, lang: str) -> list[Box]:
    """A network fund's administration part (queries.network_detail): received, spent, left."""
    return [(t("admin_paid_in", lang), baht(n["admin_paid_in"], lang), None),
            (t("admin_spent", lang), baht(n["admin_spent"], lang), None),
            (t("admin_left", lang), baht(n["admin_left"], lang), None)]


def admin_spent(n: dict, lang: str) -> str:
    """What a network's administration part has spent and has left (queries.network_detail), in a line."""
    return " · ".join((t("admin_spent", lang) + " " + baht(n["admin_spent"], lang),
                       t("admin_left", lang) + " " + baht(n["admin_left"], lang)))


def admin_notices(n: dict, lang: str) -> list[Notice]:
    """More of the administration part spent than received, by how much; else nothing to say."""
    if n["admin_left"] < -funds.EXACT_BAHT:
        return [("error", t("admin_overspent", lang, gap=baht(-n["admin_left"], lang)), WRONG)]
    return []


def networks(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every network's figures (queries.networks_by_gap), in the order given: largest gaps first."""
    return pd.DataFrame({
        t("col_network", lang): list(rows[f"name_{lang}"]),
        t("col_ks", lang): rows["ks"].to_numpy(),
        t("col_next_k", lang): [k_name(k, lang) for k in rows["next_k"]],
        t("col_seats", lang): rows["committee_seats"].to_numpy(),
        t("col_capital", lang): rows["capital"].to_numpy(),
        t("col_floor", lang): rows["floor"].to_numpy(),
        t("col_passed_on", lang): rows["passed_on"].to_numpy(),
        t("col_admin_left", lang): rows["admin_left"].to_numpy(),
        t("col_overdue_loans", lang): rows["overdue_loans"].to_numpy(),
        t("col_overdue_baht", lang): rows["overdue_baht"].to_numpy()})


def passed_on(passed: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What a network passed on to each of its groups (queries.network_detail's passed)."""
    return pd.DataFrame({
        t("col_group", lang): list(passed[f"name_{lang}"]),
        t("village", lang): list(passed[f"village_{lang}"]),
        t("col_first_date", lang): [date(d.date(), lang) for d in passed["first_date"]],
        t("col_amount", lang): passed["amount_baht"].to_numpy()})


# --- plan -----------------------------------------------------------------------------------

def status_counts(status: pd.DataFrame, lang: str) -> str:
    """How many indicators of a step (plan.step_status) are reached, on track and behind."""
    counts = status["status"].value_counts()
    return t("plan_counts", lang, **{s: number(counts.get(s, 0))
                                     for s in (plan.REACHED, plan.ON_TRACK, plan.BEHIND)})


def plan_figures(status: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The figures behind a step's chart (plan.step_status): target, expected by now, actual."""
    def figures(column):
        return [plan.figure(i, v, lang) for i, v in zip(status["indicator"], status[column])]

    return pd.DataFrame({
        t("indicator", lang): [t(f"ind_{i}", lang) for i in status["indicator"]],
        t("target", lang): figures("target"),
        t("expected_now", lang): figures("expected"),
        t("actual", lang): figures("actual"),
        t("status", lang): [t(f"status_{s}", lang) for s in status["status"]]})


def plan_changes(changed: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each indicator then (the last step's due date), now, and the change (plan.changes)."""
    def figures(column, sign=False):
        return [("+" if sign and v > 0 else "") + plan.figure(i, v, lang)
                for i, v in zip(changed["indicator"], changed[column])]

    return pd.DataFrame({
        t("indicator", lang): [t(f"ind_{i}", lang) for i in changed["indicator"]],
        t("then", lang): figures("then"),
        t("now", lang): figures("now"),
        t("change", lang): figures("change", sign=True)})


def readiness(ready: pd.DataFrame, lang: str, rows: int) -> pd.DataFrame:
    """Each plan village against the committee's checks (plan.readiness); when only `rows` can
    be shown, those not ready yet come first."""
    shown = ready.sort_values("ready", kind="stable").head(rows) if len(ready) > rows else ready

    def marks(column):
        return ["✓ " + t("yes", lang) if ok else "✗ " + t("no", lang) for ok in shown[column]]

    return pd.DataFrame({
        t("village", lang): list(shown[f"name_{lang}"]),
        t("ready", lang): marks("ready"),              # first, where a phone shows it
        **{t(f"short_{c}", lang): marks(c) for c in plan.READINESS_CRITERIA}})


# --- partners -------------------------------------------------------------------------------

def partner_roles(partners: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every partner (queries.partners_by_sector): its sector in words, its role, and what it
    has given to date, cash and in kind apart."""
    return pd.DataFrame({
        t("col_partner", lang): list(partners[f"short_{lang}"]),
        t("col_sector", lang): [t_plain(f"sector_{s}", lang) for s in partners["sector"]],
        t("col_role", lang): list(partners[f"role_{lang}"]),
        t("kind_cash", lang): [baht(v, lang) for v in partners["cash"]],
        t("pledge_kind_in_kind", lang): [baht(v, lang) for v in partners["in_kind"]]})


def sector_lines(partners: pd.DataFrame, lang: str) -> list[str]:
    """Who acts, who drives, who supports, then who joins them: each sector of the source's frame
    (coordination.SECTORS) with its partners (queries.partners_by_sector), every sector listed."""
    return [t("sector_line", lang, frame=t_plain(f"frame_{s}", lang),
              partners=" · ".join(partners.loc[partners["sector"] == s, f"short_{lang}"]) or "–")
            for s in coordination.SECTORS]


def pledge_figure(kind: str, value: float, lang: str) -> str:
    """A pledged or delivered figure as people read it: baht for cash and in kind, a count of
    trainings and events, a plain number for what else was promised."""
    if kind in coordination.BAHT_KINDS:
        return baht(value, lang)
    return t_plain("times", lang, n=number(value)) if kind in ("training", "event") else number(value)


PLEDGE_MARKS = {coordination.DELIVERED: "✓", coordination.PARTLY: "◐", coordination.OVERDUE: "✗",
                coordination.COMING_UP: "○"}


def pledge_counts(pledges: pd.DataFrame, lang: str) -> str:
    """How many pledges (coordination.pledges_with_status) stand at each status, in a line."""
    return t("pledge_counts", lang, **{s: number(n) for s, n in coordination.status_counts(pledges).items()})


def pledges(found: pd.DataFrame, lang: str, rows: int) -> pd.DataFrame:
    """Each partner's pledges against what it delivered, the status in words
    (coordination.pledges_with_status); when only `rows` can be shown, the overdue come first."""
    shown = found
    if len(found) > rows:
        rank = found["status"].map(coordination.PLEDGE_STATUSES.index)
        shown = found.loc[rank.sort_values(kind="stable").index[:rows]]
    delivered = [pledge_figure(k, v, lang) for k, v in zip(shown["kind"], shown["delivered"])]
    return pd.DataFrame({
        t("col_partner", lang): list(shown[f"short_{lang}"]),
        t("col_what", lang): list(shown[f"what_{lang}"]),
        t("col_due", lang): [date(d.date(), lang) for d in shown["due"]],
        t("col_pledged", lang): [pledge_figure(k, v, lang) for k, v in zip(shown["kind"], shown["amount"])],
        t("col_delivered", lang): [t_plain("by_hand", lang, value=d) if hand else d
                                   for d, hand in zip(delivered, shown["by_hand"])],
        t("status", lang): [f"{PLEDGE_MARKS[s]} " + t_plain(f"pledge_{s}", lang) for s in shown["status"]]})


def owner(kind: str, name: str | None, lang: str) -> str:
    """Who owns an action: the partner's short name, or the network committee."""
    return name if kind == "partner" else t_plain("owner_committee", lang)


def action_lines(actions: pd.DataFrame, lang: str, rows: int) -> list[str]:
    """The first `rows` open actions in the order given (overdue first:
    coordination.actions_with_status), one line each: due date, owner and what; an overdue one
    says so in words, not by a mark alone."""
    shown = actions.head(rows)
    return [t("action_line_overdue" if s == coordination.OVERDUE else "action_line", lang,
              due=date(d.date(), lang), owner=owner(k, n, lang), text=text)
            for s, d, k, n, text in zip(shown["status"], shown["due"], shown["owner_kind"],
                                        shown[f"owner_{lang}"], shown[f"text_{lang}"])]


def actions_count(actions: pd.DataFrame, day, lang: str) -> str:
    """How many actions are open and how many of them overdue, in a line."""
    counts = coordination.action_counts(actions, day)
    return t("actions_count", lang, open=number(counts["open"]), overdue=number(counts["overdue"]))


def decision_lines(decisions: pd.DataFrame, lang: str) -> list[str]:
    """The last meeting's decisions (queries.last_meeting_decisions), numbered as in its minutes."""
    return [t("decision_line", lang, n=number(n), text=text)
            for n, text in zip(decisions["seq"], decisions[f"text_{lang}"])]


def problem_lines(problems: pd.DataFrame, lang: str, rows: int) -> list[str]:
    """The first `rows` open problems (queries.open_problems: the latest meeting's first), each
    with what is being done about it."""
    shown = problems.head(rows)
    return [t("problem_line", lang, problem=p, response=r)
            for p, r in zip(shown[f"text_{lang}"], shown[f"response_{lang}"])]


# --- map ------------------------------------------------------------------------------------

def group_lines(groups: pd.DataFrame, lang: str) -> list[str]:
    """One line per occupational group of a village (queries.village_card's groups)."""
    return [t("card_group_line", lang, name=g[f"name_{lang}"], occupation=g[f"occupation_{lang}"],
              formed=date(g["formed"], lang) if g["formed"] is not None else t("card_not_formed", lang),
              households=number(g["households"]), ks=g["ks"])
            for g in groups.to_dict("records")]


def partner_support(support: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each partner's cash and in-kind support to a village's groups (queries.village_card)."""
    return pd.DataFrame({
        t("mg_partner", lang): list(support[f"short_{lang}"]),
        t("mg_cash", lang): [baht(v, lang) for v in support["cash"]],
        t("mg_in_kind", lang): [baht(v, lang) for v in support["in_kind"]]})


# --- data -----------------------------------------------------------------------------------

def row_counts(sheets, counts: dict[str, int], lang: str) -> pd.DataFrame:
    """How many rows each sheet (workbook.SHEETS) holds in the live database."""
    return pd.DataFrame({t("data_sheet", lang): [s.th if lang == "th" else s.en for s in sheets],
                    t("data_rows", lang): [number(counts[s.name]) for s in sheets]})


def network_sources(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each network with the file its data came from and when (queries.network_sources)."""
    return pd.DataFrame({
        t("data_source_network", lang): list(sources[f"name_{lang}"]),
        t("data_source_file", lang): [t_plain("not_recorded", lang) if pd.isna(f) else f for f in sources["file"]],
        t("data_loaded_at", lang): ["" if pd.isna(at) else f"{date(at.date(), lang)} {at:%H:%M}"
                                    for at in sources["loaded_at"]]})


def loaded_warnings(warnings: list[tuple[str, str]], lang: str) -> pd.DataFrame:
    """The warnings a load returned, (Thai, English) each, in the language."""
    return pd.DataFrame({t("data_warning", lang): [w[LANGS.index(lang)] for w in warnings]})


def problems(found: list, lang: str) -> pd.DataFrame:
    """Why a file was not loaded (workbook.LoadRejected's problems), one line each."""
    return pd.DataFrame({t("data_warning", lang): [p.text(lang) for p in found]})
