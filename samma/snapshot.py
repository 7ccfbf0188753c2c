"""The meeting as one HTML file that needs no server and no connection: the pages' figures and
charts, in one language, to send to a LINE group and open on a phone.

Each figure is the query its page calls and each chart the page's own builder (`queries`,
`charts`, `tables`), so the file says what the app says. A section is one entry in SECTIONS:
a function from the language to a list of blocks (a heading, figures, a chart, a table, a
line of text). `build` reads them, `render` lays them out.

Safety: the markup is made by `element`, which escapes every text and attribute value; chart
specs travel as JSON in a `<script type="application/json">` with `<`, `>` and `&` escaped; the
only scripts that run are Vega (inlined from vl-convert) and the few lines that draw the charts,
both allowed by their hashes in the page's Content-Security-Policy, which also forbids every
request. Aggregates only: villages, groups, areas and partners, never a household."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import pandas as pd
import vl_convert

from samma import charts, funds, income, maps, plan, queries, tables
from samma.domain import STAGES
from samma.handout import FONTS
from samma.i18n import baht, date, number, pick, t_plain

# The Vega-Lite major version Altair writes its specs for.
VEGA_LITE = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]


# --- what a section holds ---------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Figures:
    """Headline boxes: (label, value, a line under the value or None)."""
    items: list[tuple[str, str, str | None]]


@dataclass(frozen=True)
class Chart:
    chart: alt.TopLevelMixin


@dataclass(frozen=True)
class Table:
    """A table builder's frame; numbers are written with thousands separators."""
    frame: pd.DataFrame
    index: bool = False


@dataclass(frozen=True)
class Text:
    text: str
    tone: str = "plain"        # plain, good, bad: a line of the page's success and error boxes


@dataclass(frozen=True)
class Row:
    """Columns side by side on a wide screen, one under the other on a phone."""
    columns: list[list]


Block = Heading | Figures | Chart | Table | Text | Row


@dataclass(frozen=True)
class Section:
    key: str                                   # its anchor in the file
    title: str                                 # the i18n key of its heading
    blocks: Callable[[str], list[Block]]


# --- the sections: each what its page shows, without the pickers ------------------------------

def overview(lang: str) -> list[Block]:
    f = queries.headline_figures()
    n = queries.networks_headline()
    return [
        Heading(t_plain("section_people", lang)),
        Figures([(t_plain("villages_reached", lang), number(f["villages_reached"]),
                  t_plain("of_n", lang, n=number(f["target_villages"]))),
                 (t_plain("pilot_villages", lang), number(f["pilot_villages"]), None),
                 (t_plain("sages", lang), number(f["sages"]), None),
                 (t_plain("households", lang), number(f["households"]), None)]),
        Heading(t_plain("section_groups", lang)),
        Figures([(t_plain("groups_formed", lang), number(f["groups_formed"]), None),
                 (t_plain("groups_5k", lang), number(f["groups_5k"]),
                  t_plain("of_n", lang, n=number(f["groups_formed"])))]),
        Heading(t_plain("section_money", lang)),
        Figures([(t_plain("support_cash", lang), baht(f["support_cash"], lang), None),
                 (t_plain("support_in_kind", lang), baht(f["support_in_kind"], lang), None),
                 (t_plain("members_raised", lang), baht(f["members_raised"], lang), None),
                 (t_plain("revolving_now", lang), baht(f["revolving_now"], lang), None),
                 (t_plain("sales_to_date", lang), baht(f["sales"], lang), None)]),
        Text(t_plain("support_help", lang)),
        Heading(t_plain("section_network", lang)),
        Figures([(t_plain("network_fund_now", lang), baht(n["network_capital"], lang) if n["networks"] else "–", None),
                 (t_plain("network_admin_left", lang), baht(n["network_admin_left"], lang) if n["networks"] else "–",
                  None),
                 (t_plain("overdue_loans", lang),
                  t_plain("loans_overdue_value", lang, n=number(n["overdue_loans"]),
                          amount=baht(n["overdue_baht"], lang))
                  if n["loans"] else t_plain("not_recorded", lang), None)]),
        Heading(t_plain("section_income", lang)),
        *income_blocks(queries.income_change(), lang),
    ]


def income_blocks(figures: dict, lang: str, spread: bool = False) -> list[Block]:
    """An area's income as ui.income_headline shows it: four boxes and how many earn more, about
    the same or less (with `spread`, beside the middle half of incomes), or why there is nothing
    to show; then what the figures cannot say."""
    shown = income.state(figures)
    if shown != income.SHOWN:
        return [Text(income.message(figures, lang)),
                *([Text(income.limits(figures, lang))] if shown == income.TOO_FEW else [])]
    bands = Chart(charts.income_bands(figures, lang))
    return [Figures([(t_plain("income_compared", lang), number(figures["compared"]),
                      t_plain("of_n", lang, n=number(figures["households"]))),
                     (t_plain("income_rose", lang), f"{number(figures['rose_percent'])}%",
                      income.households(figures["rose"], lang)),
                     (t_plain("income_median_baseline", lang), baht(figures["baseline_median"], lang), None),
                     (t_plain("income_median_latest", lang), baht(figures["latest_median"], lang),
                      income.change(figures, lang))]),
            Row([[bands], [Chart(charts.income_spread(figures, lang))]]) if spread else bands,
            Text(income.limits(figures, lang))]


# Networks listed when there are many, the largest gaps first (a national dataset has about 900).
NETWORKS_SHOWN = 30


def network(lang: str) -> list[Block]:
    """One network: its 5 K, committee, fund, spending and what it passed on, as the Network page
    shows it; many: the Network page's table of them, the largest gaps first."""
    total = queries.network_count()
    if total == 0:
        return [Text(t_plain("network_none", lang))]
    if total > 1:
        return [Heading(t_plain("networks_table", lang)), Text(t_plain("networks_table_caption", lang)),
                Table(tables.networks(queries.networks_by_gap(NETWORKS_SHOWN), lang)),
                *_left_out(min(NETWORKS_SHOWN, total), total, lang)]
    n = queries.network_detail(queries.networks_in()["code"].iloc[0])
    blocks: list[Block] = [
        Heading(pick(n, "name", lang)),
        Text(t_plain("network_where", lang, subdistrict=pick(n, "subdistrict", lang),
               district=pick(n, "district", lang), founded=date(n["founded"].date(), lang))),
        Heading(t_plain("network_5k", lang)),
        Figures([(tables.k_name(k["k"], lang),
                  date(k["reached"].date(), lang) if k["reached"] else t_plain("k_not_yet", lang), None)
                 for k in n["five_k"].to_dict("records")]),
        Text(t_plain("network_5k_all", lang), "good") if not isinstance(n["next_k"], str)
        else Text(t_plain("network_5k_next", lang, n=number(n["ks"]), k=tables.k_name(n["next_k"], lang))),
        Text(t_plain("network_groups", lang, formed=number(n["groups_formed"]), k5=number(n["groups_5k"]))),
        Heading(t_plain("network_committee", lang))]
    seats = n["committee"]
    blocks += ([Figures([(t_plain(f"role_{r['role']}", lang), t_plain("n_people", lang, n=number(r["seats"])), None)
                         for r in seats.to_dict("records")]),
                Text(t_plain("network_committee_caption", lang, n=number(n["committee_seats"])))]
               if len(seats) else [Text(t_plain("network_committee_none", lang))])
    blocks += [Heading(t_plain("network_fund", lang)), Text(t_plain("network_fund_caption", lang)),
               Text(t_plain("network_support", lang, cash=baht(n["support_cash"], lang),
                      in_kind=baht(n["support_in_kind"], lang)))]
    if n["revolving_paid_in"] or n["admin_paid_in"]:
        headroom = n["capital"] - n["floor"]
        overdue = (t_plain("loans_overdue_value", lang, n=number(n["overdue_loans"]),
                          amount=baht(n["overdue_baht"], lang))
                   if n["overdue_loans"] else "–")
        blocks.append(Row([
            [Heading(t_plain("network_revolving", lang)),
             Figures([(t_plain("fund_paid_in", lang), baht(n["revolving_paid_in"], lang), None),
                      (t_plain("fund_passed_on", lang), baht(n["passed_on"], lang), None),
                      (t_plain("fund_capital", lang), baht(n["capital"], lang),
                       t_plain("fund_capital_help", lang, floor=baht(n["floor"], lang))),
                      (t_plain("fund_on_loan", lang), baht(n["on_loan"], lang), None)]),
             Text(t_plain("revolving_below_floor", lang, gap=baht(-headroom, lang)), "bad")
             if funds.capital_lost(n["capital"], n["floor"])
             else Text(t_plain("revolving_above_floor", lang, gap=baht(headroom, lang)), "good"),
             Text(t_plain("network_loans", lang, n=number(n["loans"]), overdue=overdue))],
            [Heading(t_plain("network_admin", lang)),
             Figures([(t_plain("admin_paid_in", lang), baht(n["admin_paid_in"], lang), None),
                      (t_plain("admin_spent", lang), baht(n["admin_spent"], lang), None),
                      (t_plain("admin_left", lang), baht(n["admin_left"], lang), None)]),
             *([Text(t_plain("admin_overspent", lang, gap=baht(-n["admin_left"], lang)), "bad")]
               if n["admin_left"] < -funds.EXACT_BAHT else [])]]))
    else:
        blocks.append(Text(t_plain("network_fund_none", lang)))
    spent, passed = n["spending"], n["passed"]
    spending = ([Chart(charts.admin_spending_chart(spent, lang)),
                 Text(" · ".join((t_plain("admin_spent", lang) + " " + baht(n["admin_spent"], lang),
                                  t_plain("admin_left", lang) + " " + baht(n["admin_left"], lang))))]
                if len(spent) else [Text(t_plain("network_spending_none", lang))])
    passing = ([Text(t_plain("network_passed_caption", lang, n=number(n["groups_passed_on"]),
                       amount=baht(n["passed_on"], lang))), Table(tables.passed_on(passed, lang))]
               if len(passed) else [Text(t_plain("network_passed_none", lang))])
    return [*blocks, Row([[Heading(t_plain("network_spending", lang)), *spending],
                          [Heading(t_plain("network_passed", lang)), *passing]])]


# A network of up to this many villages is drawn village by village; a larger one as circles
# for its areas (77 provinces nationally), as the Map page does above a district.
MAP_VILLAGES = 400


def map_scope() -> tuple[str, pd.DataFrame]:
    """The widest area level that has more than one area (a one-district network shows its
    subdistricts, not one circle), as (the prefix above it, its areas)."""
    prefix = ""
    areas = queries.area_progress(prefix)
    while len(areas) == 1 and len(prefix) < 4:
        prefix = areas["code"].iloc[0]
        areas = queries.area_progress(prefix)
    return prefix, areas


def area_map(lang: str) -> list[Block]:
    info = queries.dataset_info()
    prefix, areas = map_scope()
    if areas.empty:
        return [Text(t_plain("no_villages", lang))]
    outlines = maps.outlines_frame(queries.area_outline_points(prefix), areas, lang)
    level = t_plain(f"area_level_{_LEVEL[len(areas['code'].iloc[0])]}", lang)
    if areas["villages"].sum() <= MAP_VILLAGES:
        chart = stage_map(queries.villages_on_map(prefix), outlines, lang)
        notes = [t_plain("legend_title", lang)]
    else:
        chart = stage_map(areas, outlines, lang)
        notes = [level, t_plain("area_typical_help", lang)]
    if info["positions_approximate"]:
        notes.append(t_plain("positions_approximate", lang))
    return [Row([[Chart(chart), *(Text(n) for n in notes)], [Table(area_table(areas, lang))]])]


_LEVEL = {2: "province", 4: "district", 6: "subdistrict"}


def stage_map(points: pd.DataFrame, outlines: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Villages (queries.villages_on_map) or areas (queries.area_progress) coloured by stage
    and sized by households over their areas' outlines, on longitude and latitude: the Map
    page's picture with no tiles, its tooltips the Map page's words."""
    villages = "stage_rank" in points
    data = points.copy()
    data["rank"] = data["stage_rank"] if villages else data["typical_rank"]
    data["stage"] = [charts.stage_name(r, lang) for r in data["rank"]]
    tooltip = maps.village_tooltip if villages else maps.area_tooltip
    data["tooltip"] = [tooltip(r, lang) for r in data.to_dict("records")]
    data = data[["lon", "lat", "stage", "households", "tooltip"]]
    names = [charts.stage_name(r, lang) for r in range(len(STAGES))]
    dots = alt.Chart(data).mark_circle(opacity=0.95, stroke="#282828", strokeWidth=1).encode(
        longitude="lon:Q", latitude="lat:Q",
        color=alt.Color("stage:N", scale=alt.Scale(domain=names, range=list(charts.STAGE_COLOURS)),
                        legend=alt.Legend(title=None, orient="bottom", columns=1, labelFontSize=14,
                                          symbolSize=200, labelLimit=300)),
        size=alt.Size("households:Q", scale=alt.Scale(range=[40, 500] if villages else [100, 1200]),
                      legend=None),
        tooltip=alt.Tooltip("tooltip:N"))
    shapes = alt.Chart(alt.Data(values=_features(outlines))).mark_geoshape().encode(
        fill=alt.Fill("properties.fill:N", scale=None),
        stroke=alt.Stroke("properties.line:N", scale=None),
        strokeWidth=alt.StrokeWidth("properties.width:Q", scale=None),
        tooltip=alt.Tooltip("properties.tooltip:N"))
    return (alt.layer(shapes, dots).project(type="mercator")
            .properties(width="container", height=480).configure_view(stroke=None))


def _features(outlines: pd.DataFrame) -> list[dict]:
    """maps.outlines_frame's hulls as GeoJSON, each ring closed and clockwise: Vega's spherical
    geometry reads a counter-clockwise ring as the whole globe but that polygon."""
    def colour(rgba):
        return f"rgba({rgba[0]}, {rgba[1]}, {rgba[2]}, {rgba[3] / 255:.3f})"

    features = []
    for row in outlines.to_dict("records"):
        ring = [list(p) for p in reversed(row["polygon"])]
        if len(ring) < 3:
            continue
        features.append({"type": "Feature",
                         "geometry": {"type": "Polygon", "coordinates": [ring + [ring[0]]]},
                         "properties": {"tooltip": row["tooltip"], "fill": colour(row["fill"]),
                                        "line": colour(row["line"]), "width": row["width"]}})
    return features


def area_table(areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The areas the map shows (queries.area_progress), in figures: a phone cannot hover."""
    return pd.DataFrame({
        t_plain("snapshot_area", lang): list(areas[f"name_{lang}"]),
        t_plain("snapshot_villages", lang): list(areas["villages"]),
        t_plain("snapshot_households", lang): list(areas["households"]),
        t_plain("snapshot_groups", lang): list(areas["groups_formed"]),
        t_plain("snapshot_groups_5k", lang): list(areas["groups_5k"]),
        t_plain("snapshot_typical", lang): [charts.stage_name(r, lang) for r in areas["typical_rank"]]})


# As the Groups page: a village-by-5 K matrix past this many groups is too long to read.
MATRIX_MAX_GROUPS = 60


def groups(lang: str) -> list[Block]:
    funnel = queries.formation_funnel()
    blocks: list[Block] = [Heading(t_plain("funnel_title", lang)), Chart(charts.funnel_chart(funnel, lang)),
                           Text(t_plain("funnel_help", lang))]
    formed = int(funnel.set_index("step").loc["groups_formed", "value"])
    if 0 < formed <= MATRIX_MAX_GROUPS:
        blocks += [Heading(t_plain("matrix_title", lang)),
                   Chart(charts.five_k_chart(queries.five_k_matrix(""), lang)),
                   Text(t_plain("matrix_help", lang))]
    actual, targets = queries.formation_progress()
    blocks.append(Heading(t_plain("progress_title", lang)))
    if targets.empty:
        blocks.append(Text(t_plain("progress_none", lang)))
    else:
        blocks += [Row([[Chart(charts.progress_chart(actual, targets, indicator, lang))]
                        for indicator in ("households_trained", "groups_formed", "groups_5k")]),
                   Text(t_plain("progress_scope", lang, n=number(targets["subdistricts"].max())))]
    return [*blocks, *income_by_area(lang)]


def income_by_area(lang: str) -> list[Block]:
    """The Groups page's income for the whole network: the headline, then by area and by
    occupation."""
    figures = queries.income_change("")
    blocks: list[Block] = [Heading(t_plain("section_income", lang)), *income_blocks(figures, lang, spread=True)]
    if income.state(figures) == income.NOT_RECORDED:
        return blocks
    return [*blocks,
            Heading(t_plain("income_by_area", lang)),
            Table(income.table(queries.income_change_by_area(""), lang, "income_col_area")),
            Heading(t_plain("income_by_occupation", lang)),
            Table(income.table(queries.income_change_by_occupation(""), lang, "income_col_occupation"))]


# Rows of a rule's breaches listed: the largest gaps first, as the Funds page orders them.
BREACHES_SHOWN = 20


def funds_section(lang: str) -> list[Block]:
    partners = queries.partners()
    totals = queries.support_totals()
    support = queries.support_by_partner_year_purpose()
    blocks: list[Block] = [
        Heading(t_plain("funds_support", lang)), Text(t_plain("funds_support_caption", lang)),
        Figures([(t_plain(f"kind_{kind}", lang), baht(totals[kind].sum(), lang), None)
                 for kind in charts.KINDS])]
    blocks.append(Row([[Heading(t_plain(f"kind_{kind}", lang)),
                        Chart(charts.support_chart(support, kind, lang, by="partner"))
                        if (support.kind == kind).any() else Text(t_plain("funds_none_recorded", lang))]
                       for kind in charts.KINDS]))
    blocks += [Heading(t_plain("funds_totals", lang)), Table(tables.partner_totals(totals, lang), index=True),
               Heading(t_plain("funds_flows", lang)), Text(t_plain("funds_flows_caption", lang)),
               Chart(charts.cash_flow_chart(queries.cash_flows(), partners, lang)),
               Heading(t_plain("funds_revolving", lang)), Text(t_plain("funds_revolving_caption", lang))]
    months = queries.revolving_fund_by_month()
    if not months.empty:
        now = months.iloc[-1]
        headroom = now.capital - now.floor
        blocks += [
            Figures([(t_plain("revolving_capital_now", lang), baht(now.capital, lang), None),
                     (t_plain("revolving_floor", lang), baht(now.floor, lang), None),
                     (t_plain("revolving_on_loan", lang), baht(now.on_loan, lang), None)]),
            Text(t_plain("revolving_below_floor", lang, gap=baht(-headroom, lang)), "bad")
            if funds.capital_lost(now.capital, now.floor)
            else Text(t_plain("revolving_above_floor", lang, gap=baht(headroom, lang)), "good"),
            Row([[Chart(charts.revolving_fund_chart(months, lang))],
                 [Heading(f"{t_plain('series_profit', lang)} / {t_plain('series_losses', lang)}"),
                  Chart(charts.revolving_gains_chart(months, lang))]])]
    blocks += loan_health(lang)
    blocks.append(Heading(t_plain("funds_rules", lang)))
    splits = queries.grant_split_checks()
    split_ok = int((splits.verdict == "ok").sum())
    blocks.append(Text(t_plain("rule_split_summary", lang, ok=number(split_ok), n=number(len(splits))), "good"))
    if split_ok < len(splits):
        broken = splits[splits.verdict.values != "ok"]
        blocks += [Text(t_plain("rule_split_breaches", lang, n=number(len(broken))), "bad"),
                   Table(tables.split_checks(broken, partners, lang, BREACHES_SHOWN)),
                   *_left_out(BREACHES_SHOWN, len(broken), lang)]
    schemes = queries.matching_schemes()
    blocks += [Text(line) for line in tables.scheme_lines(schemes, lang)]
    matches = queries.scheme_match_checks()
    match_ok = int((matches.verdict == "ok").sum())
    waiting = matches[matches.verdict == "not_matched"]
    broken = matches[matches.verdict.isin(["over", "under"])]
    blocks.append(Text(t_plain("rule_no_scheme", lang)) if schemes.empty else
                  Text(t_plain("rule_match_summary", lang, ok=number(match_ok),
                         n=number(len(matches) - len(waiting))), "good"))
    if len(waiting):
        blocks.append(Text(t_plain("rule_match_waiting", lang, n=number(len(waiting)),
                             amount=baht(waiting.raised.sum(), lang))))
    if len(broken):
        blocks += [Text(t_plain("rule_match_breaches", lang, n=number(len(broken))), "bad"),
                   Table(tables.match_checks(broken, lang, BREACHES_SHOWN)),
                   *_left_out(BREACHES_SHOWN, len(broken), lang)]
    outside_total = queries.outside_schemes(0)[1]
    if outside_total:
        # Not a shortfall: the condition is the scheme's, so no baht is named for these groups.
        blocks.append(Text(t_plain("rule_outside", lang, n=number(outside_total))))
    return blocks


def loan_health(lang: str) -> list[Block]:
    """The Funds page's loan health: the register for borrowers, due dates and arrears; the
    ledger for money."""
    health = queries.loan_health()
    register = health["loans"] > 0
    rate = health["fell_due_repaid"] / health["fell_due"] if register and health["fell_due"] else None
    figures = [*([(t_plain("loans_borrowers", lang), number(health["borrowers"]), None)] if register else []),
               (t_plain("loans_repaid", lang), baht(health["ledger_repaid"], lang), None),
               *([(t_plain("loans_overdue", lang),
                   t_plain("loans_overdue_value", lang, n=number(health["overdue_loans"]),
                                               amount=baht(health["overdue_baht"], lang)), None),
                  (t_plain("loans_rate", lang), "–" if rate is None else f"{rate:.1%}",
                   t_plain("loans_rate_help", lang, repaid=baht(health["fell_due_repaid"], lang),
                     due=baht(health["fell_due"], lang)))] if register else []),
               (t_plain("loans_losses", lang), baht(health["ledger_losses"], lang), None)]
    blocks: list[Block] = [Heading(t_plain("loans_title", lang)),
                           Text(t_plain("loans_caption", lang, date=date(queries.dataset_info()["as_of"], lang))),
                           Figures(figures)]
    if not register:
        blocks.append(Text(t_plain("loans_no_register", lang)))
    elif health["overdue_loans"]:
        overdue, funds_overdue = queries.overdue_by_fund(BREACHES_SHOWN)
        blocks += [Text(t_plain("loans_overdue_words", lang, n=number(health["overdue_loans"]),
                          amount=baht(health["overdue_baht"], lang), funds=number(health["funds_overdue"])), "bad"),
                   Table(tables.overdue_funds(overdue, lang)),
                   *_left_out(len(overdue), funds_overdue, lang)]
    else:
        blocks.append(Text(t_plain("loans_none_overdue", lang), "good"))
    if register and health["repaid_late"]:
        blocks.append(Text(t_plain("loans_late", lang, n=number(health["repaid_late"]))))
    return blocks


def _left_out(shown: int, total: int, lang: str, of: str = "first_rows_of") -> list[Block]:
    return [Text(t_plain(of, lang, n=number(shown), total=number(total)))] if total > shown else []


# As the Market page: past this many events, a month's events are one point, and the bars
# show the best TOP.
EVENTS_SHOWN = 30
TOP = 12


def market(lang: str) -> list[Block]:
    events = queries.market_events()
    if events.empty:
        return [Text(t_plain("no_events", lang))]
    by_product = queries.sales_by_product()
    selling = queries.selling_counts()
    figures = [(t_plain("market_events_n", lang), number(len(events)), None),
               (t_plain("market_sales_total", lang), baht(events["sales_baht"].sum(), lang), None),
               (t_plain("market_groups_selling", lang), number(selling["groups"]), None)]
    if len(by_product):
        figures.append((t_plain("market_best_product", lang), pick(by_product.iloc[0], "name", lang),
                        baht(by_product.iloc[0]["sales_baht"], lang)))
    if len(events) > EVENTS_SHOWN:
        timeline, trend = queries.market_months(), queries.market_month_totals()
        headings = ("market_timeline_months", "market_trend_months")
        caption = t_plain("market_months_caption", lang, total=number(len(events)))
    else:
        timeline = trend = events
        headings, caption = ("market_timeline", "market_trend"), t_plain("market_timeline_caption", lang)
    rankings = [[Heading(f"{t_plain('market_by', lang)} {t_plain(key, lang)}"),
                 Chart(charts.sales_ranking(sales.head(TOP), lang)),
                 *_left_out(min(TOP, len(sales)), total, lang, of="top_n_of")]
                for key, sales, total in (
                    ("by_group", queries.sales_by_group(limit=TOP), selling["groups"]),
                    ("by_product", by_product, len(by_product)),
                    ("by_village", queries.sales_by_village(limit=TOP), selling["villages"]))]
    blocks: list[Block] = [
        Figures(figures),
        Row([[Heading(t_plain(headings[0], lang)), Chart(charts.event_timeline(timeline, lang)), Text(caption)],
             [Heading(t_plain(headings[1], lang)), Chart(charts.sales_trend(trend, lang))]]),
        Row([*rankings, [Heading(t_plain("best_sellers", lang)),
                         Chart(charts.best_sellers_chart(queries.best_sellers(5), lang))]]),
        *latest_event(events, lang),
        Heading(t_plain("support_effect", lang))]
    effect = queries.sales_before_after_training()
    if len(effect):
        partners = queries.training_partners()
        blocks.append(Row([[Heading(t_plain(f"kind_{kind}", lang)), Text(tables.run_by(partners, kind, lang)),
                            Chart(charts.before_after(effect[effect["kind"] == kind], lang))]
                           for kind in dict.fromkeys(effect["kind"])]))
    return [*blocks, Text(t_plain("support_effect_caption", lang))]


def latest_event(events: pd.DataFrame, lang: str) -> list[Block]:
    """Who sold what at the latest event: what the Market page opens on."""
    event = events.iloc[-1]
    name = tables.event_names(events.tail(1), lang)[event["code"]]
    blocks: list[Block] = [Heading(f"{t_plain('event_view', lang)}: {name}"),
                           Text(t_plain("event_caption", lang, place=pick(event, "place", lang),
                                  organiser=pick(event, "organiser", lang)))]
    sold = queries.event_sales(event["code"])
    if sold.empty:
        return [*blocks, Text(t_plain("event_none", lang))]
    at_event = queries.sales_by_group(event["code"])
    return [*blocks,
            Figures([(t_plain("event_sales", lang), baht(sold["sales_baht"].sum(), lang), None),
                     (t_plain("event_groups", lang), number(sold["group_code"].nunique()), None),
                     (t_plain("event_products", lang), number(len(sold)), None)]),
            Row([[Chart(charts.sales_ranking(at_event.head(TOP), lang)),
                  *_left_out(min(TOP, len(at_event)), len(at_event), lang, of="top_n_of")],
                 [Table(tables.event_sales(sold, lang))]])]


def plan_section(lang: str) -> list[Block]:
    """Every step against its targets for the whole network (the Plan page shows one step at a
    time), what changed since the last step, and how many villages are ready."""
    steps = queries.plan_steps()
    if steps.empty:
        return [Text(t_plain("no_plan", lang))]
    today = plan.as_date(queries.dataset_info()["as_of"])
    start = plan.plan_start(steps)
    passed = plan.last_step_passed(steps, today)
    since = passed[1] if passed else start
    overall = queries.plan_figures(start, since, today)
    blocks: list[Block] = [Text(t_plain("plan_rule", lang))]
    for step in plan.STEPS:
        status = plan.step_status(queries.plan_step_targets(step), overall, today)
        if status.empty:
            continue
        due = plan.step_due(steps, step)
        blocks += [Heading(f"{t_plain(f'step_{step}', lang)} · {t_plain('plan_overall', lang)}"),
                   Text(t_plain("plan_period", lang, start=date(start, lang), due=date(due, lang),
                          day=date(today, lang))),
                   Row([[Text(tables.status_counts(status, lang)), Chart(charts.plan_status(status, lang))],
                        [Table(tables.plan_figures(status, lang))]])]
    blocks += [Heading(t_plain("changed_since", lang, step=t_plain(f"step_{passed[0]}", lang), due=date(since, lang))
                       if passed else t_plain("changed_since_start", lang, due=date(since, lang))),
               Table(tables.plan_changes(plan.changes(overall), lang))]
    ready = plan.readiness(queries.village_readiness())
    if len(ready):
        blocks += [Heading(t_plain("readiness", lang)),
                   Figures([(t_plain("ready_count", lang), number(int(ready["ready"].sum())),
                             t_plain("of_n", lang, n=number(len(ready))))]),
                   Text(t_plain("readiness_rule", lang)),
                   *(Text(f"{n}. {t_plain(f'crit_{c}', lang)}")
                     for n, c in enumerate(plan.READINESS_CRITERIA, 1))]
    return blocks


# The file's sections in the order of the app's pages. A new section is one line here.
SECTIONS: list[Section] = [
    Section("overview", "page_overview", overview),
    Section("network", "page_network", network),
    Section("map", "page_map", area_map),
    Section("groups", "page_groups", groups),
    Section("funds", "page_funds", funds_section),
    Section("market", "page_market", market),
    Section("plan", "page_plan", plan_section),
]


# --- the file -----------------------------------------------------------------------------------

def build(lang: str, made: dt.date | None = None) -> str:
    """The whole file, every section read from the version of the database in force (callers
    pin one: db.one_version, db.keep_version)."""
    info = queries.dataset_info()
    parts = [(section, section.blocks(lang)) for section in SECTIONS]
    return render(parts, info, lang, made or dt.date.today())


def file_name(lang: str) -> str:
    return "samma-snapshot.html" if lang == "en" else "samma-snapshot-th.html"


class Markup(str):
    """Markup made by `element`: passed through as it is, where a plain string is escaped."""


VOID = frozenset({"meta"})


def element(tag: str, *children: str, **attributes: object) -> Markup:
    """<tag attributes>children</tag>, every plain-string child and every attribute value
    escaped. Tag and attribute names come from this module, never from data (`class_` is
    `class`, `data_chart` is `data-chart`); a value of None leaves the attribute out."""
    attrs = "".join(f' {name.rstrip("_").replace("_", "-")}="{html.escape(str(value), quote=True)}"'
                    for name, value in attributes.items() if value is not None)
    if tag in VOID:
        return Markup(f"<{tag}{attrs}>")
    inner = "".join(c if isinstance(c, Markup) else html.escape(str(c), quote=True) for c in children)
    return Markup(f"<{tag}{attrs}>{inner}</{tag}>")


def json_for_script(value) -> str:
    """JSON that cannot end its <script> element or open a comment inside it: `<`, `>` and `&`
    are written as \\u escapes, which JSON.parse reads back as the characters."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                      default=_iso_date)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _iso_date(value):
    """Dates a builder's frame carries in an object column (Altair leaves them to the caller)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def vega_bundle() -> str:
    """vega-embed with Vega and Vega-Lite as one script (vl-convert keeps it once it has made it:
    about 10 s the first time in a process, then nothing)."""
    bundle = vl_convert.javascript_bundle(vl_version=VEGA_LITE)
    if "</script" in bundle.lower():
        raise ValueError("the Vega bundle would end its <script> element early")
    return bundle


# Draws every chart once Sarabun is ready (Vega measures its text with the font it will use).
# Constant code: the specs are read from the JSON element, never written into the script.
DRAW = """(function () {
  var specs = JSON.parse(document.getElementById("specs").textContent);
  function draw() {
    document.querySelectorAll("[data-chart]").forEach(function (box) {
      vegaEmbed(box, specs[Number(box.dataset.chart)], {
        actions: false, renderer: "svg",
        config: {font: "Sarabun, sans-serif"}
      }).then(function () { box.dataset.drawn = "1"; }, function (error) {
        box.dataset.drawn = "failed"; box.textContent = String(error);
      });
    });
  }
  Promise.all([document.fonts.load("16px Sarabun"), document.fonts.load("bold 16px Sarabun")])
    .then(draw, draw);
})();"""

CSS = """
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: Sarabun, sans-serif; font-size: 17px; line-height: 1.55;
       color: #1a1a1a; background: #fff; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 20px; }
h1 { font-size: 1.75rem; line-height: 1.3; margin: 0 0 6px; }
h2 { font-size: 1.45rem; line-height: 1.3; margin: 36px 0 8px; padding-top: 12px;
     border-top: 3px solid #0072B2; }
h3 { font-size: 1.15rem; line-height: 1.35; margin: 24px 0 6px; }
p { margin: 6px 0; }
.meta { color: #444; }
.sample { background: #FFF4D6; border-left: 6px solid #E69F00; padding: 8px 12px; margin: 10px 0;
          font-weight: 700; }
nav ul { list-style: none; padding: 0; margin: 12px 0 0; display: flex; flex-wrap: wrap; gap: 6px 8px; }
nav a { display: inline-block; padding: 4px 12px; border: 1px solid #bbb; border-radius: 16px;
        color: #0b4f86; text-decoration: none; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px;
           margin: 8px 0; }
.figure { border: 1px solid #d8d8d8; border-radius: 8px; padding: 10px 14px; }
.figure .label { color: #444; font-size: 0.95rem; }
.figure .value { font-size: 1.6rem; font-weight: 700; line-height: 1.25; overflow-wrap: anywhere; }
.figure .note { color: #555; font-size: 0.9rem; }
.chart { width: 100%; margin: 8px 0 4px; }
.row { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr));
       gap: 0 28px; }
.row > div { min-width: 0; }
.good { border-left: 5px solid #009E73; padding-left: 10px; }
.bad { border-left: 5px solid #D55E00; padding-left: 10px; }
.table { overflow-x: auto; margin: 8px 0; }
table { border-collapse: collapse; font-size: 0.95rem; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e2e2e2; text-align: left; vertical-align: top; }
td:first-child { min-width: 7em; }
td.n { text-align: right; white-space: nowrap; }
footer { color: #555; font-size: 0.9rem; margin-top: 40px; padding-bottom: 30px; }
#vg-tooltip-element { font-family: Sarabun, sans-serif; font-size: 15px; white-space: pre-line; }
@media (max-width: 640px) { h1 { font-size: 1.45rem; } h2 { font-size: 1.25rem; }
  .figures { grid-template-columns: 1fr 1fr; } .figure .value { font-size: 1.25rem; }
  table { font-size: 0.8rem; } th, td { padding: 4px 2px; } td:first-child { min-width: 0; } }
"""


def _font_faces() -> str:
    faces = []
    for weight, name in ((400, "Sarabun-Regular.ttf"), (700, "Sarabun-Bold.ttf")):
        data = base64.b64encode((FONTS / name).read_bytes()).decode("ascii")
        faces.append(f"@font-face {{ font-family: Sarabun; font-weight: {weight}; font-style: normal; "
                     f"src: url(data:font/ttf;base64,{data}) format('truetype'); }}")
    return "\n".join(faces)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render(parts: list[tuple[Section, list[Block]]], info: dict, lang: str, made: dt.date) -> str:
    specs: list[dict] = []

    def block_markup(block: Block) -> Markup:
        if isinstance(block, Heading):
            return element("h3", block.text)
        if isinstance(block, Figures):
            return element("div", *(element("div", element("div", label, class_="label"),
                                            element("div", value, class_="value"),
                                            *([element("div", note, class_="note")] if note else []),
                                            class_="figure")
                                    for label, value, note in block.items), class_="figures")
        if isinstance(block, Chart):
            specs.append(block.chart.to_dict())
            return element("div", class_="chart", data_chart=len(specs) - 1)
        if isinstance(block, Table):
            return _table(block)
        if isinstance(block, Row):
            return element("div", *(element("div", *(block_markup(b) for b in column))
                                    for column in block.columns), class_="row")
        return element("p", block.text, class_=None if block.tone == "plain" else block.tone)

    sections = [element("section", element("h2", t_plain(section.title, lang)),
                        *(block_markup(b) for b in blocks), id=section.key)
                for section, blocks in parts]
    title = t_plain("handout_title", lang)
    header = element(
        "header", element("h1", title),
        element("p", t_plain("dataset", lang, name=pick(info, "name", lang)), " · ",
                t_plain("as_of", lang, date=date(info["as_of"], lang)), class_="meta"),
        *([element("p", t_plain("sample_marker", lang), class_="sample")] if info["is_sample"] else []),
        element("nav", element("ul", *(element("li", element("a", t_plain(s.title, lang), href=f"#{s.key}"))
                                       for s, _ in parts))))
    footer = element("footer", element("p", t_plain("snapshot_hover", lang)),
                     element("p", t_plain("snapshot_made", lang, date=date(made, lang))))
    bundle = vega_bundle()
    # No request of any kind (fonts and data are inline); only these two scripts may run.
    policy = ("default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; "
              f"script-src {_hash(bundle)} {_hash(DRAW)} 'unsafe-eval'; base-uri 'none'; form-action 'none'")
    head = element("head", element("meta", charset="utf-8"),
                   element("meta", http_equiv="Content-Security-Policy", content=policy),
                   element("meta", name="viewport", content="width=device-width, initial-scale=1"),
                   element("title", title),
                   element("style", Markup(_font_faces() + CSS)))
    body = element("body", header, element("main", *sections), footer,
                   element("script", Markup(json_for_script(specs)), type="application/json", id="specs"),
                   element("script", Markup(bundle)), element("script", Markup(DRAW)))
    return "<!DOCTYPE html>\n" + element("html", head, body, lang=lang) + "\n"


def _table(block: Table) -> Markup:
    frame = block.frame
    columns = ([frame.index.name or ""] if block.index else []) + [str(c) for c in frame.columns]
    numeric = [False] * block.index + [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]

    def cell(value, is_number: bool) -> Markup:
        if is_number:
            return element("td", number(value), class_="n")
        return element("td", "" if pd.isna(value) else str(value))

    rows = []
    for label, values in zip(frame.index, frame.itertuples(index=False)):
        cells = ([label] if block.index else []) + list(values)
        rows.append(element("tr", *(cell(v, n) for v, n in zip(cells, numeric))))
    return element("div", element("table", element("thead", element("tr", *(element("th", c) for c in columns))),
                                  element("tbody", *rows)), class_="table")
