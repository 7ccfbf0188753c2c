"""The A4 handout for the minutes: the meeting summary as a PDF, in Thai or English, with the
Sarabun font embedded and Thai shaped by HarfBuzz (so vowels and tone marks sit right).

`sections()` gathers what the handout says (plain data, tested on its own); `render()` lays
it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from samma import coordination, income, plan, queries, tables
from samma.i18n import baht, date, number, pick, t, t_plain

FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"


@dataclass
class Section:
    title: str
    rows: list[tuple[str, ...]] = field(default_factory=list)
    header: tuple[str, ...] | None = None
    note: str = ""           # a line under the table


def sections(lang: str) -> list[Section]:
    return [*headline(lang), household_income(lang), support_by_partner(lang), sales_by_event(lang),
            plan_status(lang), open_actions(lang), last_decisions(lang)]


def headline(lang: str) -> list[Section]:
    f = queries.headline_figures()
    return [
        Section(t("section_people", lang), [
            (t("villages_reached", lang), f"{number(f['villages_reached'])} "
                                          f"{t('of_n', lang, n=number(f['target_villages']))}"),
            (t("pilot_villages", lang), number(f["pilot_villages"])),
            (t("sages", lang), number(f["sages"])),
            (t("households", lang), number(f["households"])),
        ]),
        Section(t("section_groups", lang), [
            (t("groups_formed", lang), number(f["groups_formed"])),
            (t("groups_5k", lang), number(f["groups_5k"])),
        ]),
        Section(t("section_money", lang), [
            (t("support_cash", lang), baht(f["support_cash"], lang)),
            (t("support_in_kind", lang), baht(f["support_in_kind"], lang)),
            (t("members_raised", lang), baht(f["members_raised"], lang)),
            (t("revolving_now", lang), baht(f["revolving_now"], lang)),
            (t("sales_to_date", lang), baht(f["sales"], lang)),
        ]),
        network_and_loans(lang),
    ]


def network_and_loans(lang: str) -> Section:
    """The networks' own fund and administration money left, and every fund's overdue loans, as
    the Overview shows them."""
    n = queries.networks_headline()
    overdue = (t("loans_overdue_value", lang, n=number(n["overdue_loans"]), amount=baht(n["overdue_baht"], lang))
               if n["loans"] else t("not_recorded", lang))
    return Section(t("section_network", lang), [
        (t("network_fund_now", lang), baht(n["network_capital"], lang) if n["networks"] else "–"),
        (t("network_admin_left", lang), baht(n["network_admin_left"], lang) if n["networks"] else "–"),
        (t("overdue_loans", lang), overdue),
    ])
# --- income: what the program is for ---

def household_income(lang: str) -> Section:
    """Are families earning more: the whole network's figures (never one household's; none for
    fewer than 5 compared), and what they cannot say."""
    figures = queries.income_change()
    note = "" if income.state(figures) == income.NOT_RECORDED else income.limits(figures, lang)
    return Section(t("section_income", lang), income.lines(figures, lang), note=note)


def support_by_partner(lang: str) -> Section:
    """Every partner, cash and in kind side by side, never summed into one figure."""
    support = queries.support_by_partner_year_purpose()
    by_kind = support.pivot_table(index=["partner_code", f"short_{lang}"], columns="kind",
                                  values="amount_baht", aggfunc="sum", sort=False).fillna(0)
    rows = [(name, baht(row.get("cash", 0.0), lang), baht(row.get("in_kind", 0.0), lang))
            for (_, name), row in by_kind.iterrows()]
    return Section(t("handout_partners", lang), rows,
                   (t("col_partner", lang), t("support_cash", lang), t("support_in_kind", lang)))


def sales_by_event(lang: str) -> Section:
    events = queries.market_events()
    rows = [(f"{pick(e, 'name', lang)} ({date(e['date'], lang)})", number(e["groups_selling"]),
             baht(e["sales_baht"], lang)) for e in events.to_dict("records")]
    return Section(t("handout_sales", lang), rows,
                   (t("handout_event", lang), t("handout_groups_selling", lang), t("handout_sales_baht", lang)))


def plan_status(lang: str) -> Section:
    """Where the network stands against each step of its plan, in words."""
    day = plan.as_date(queries.dataset_info()["as_of"])
    start = plan.plan_start(queries.plan_steps())
    if start is None:
        return Section(t("handout_plan", lang), [(t("no_plan", lang), "", "")])
    figures = queries.plan_figures(start, start, day)
    rows = []
    for step in plan.STEPS:
        for r in plan.step_status(queries.plan_step_targets(step), figures, day).to_dict("records"):
            if r["status"] in (plan.NO_TARGET, plan.NOT_RECORDED):
                continue
            money = r["indicator"] in plan.MONEY_INDICATORS
            shown = (lambda v: baht(v, lang)) if money else number
            label = t("step_" + step, lang) + " · " + t("ind_" + r["indicator"], lang)
            rows.append((label,
                         f"{shown(r['actual'])} / {shown(r['target'])}", t(f"status_{r['status']}", lang)))
    return Section(t("handout_plan", lang), rows,
                   (t("indicator", lang), t("handout_actual_target", lang), t("status", lang)))


# --- what the last meeting left: the next one starts from it ---

# Open actions a page of the handout lists: a national dataset holds thousands.
ACTIONS_LISTED = 20


def open_actions(lang: str) -> Section:
    """The actions still open, overdue first (the first ACTIONS_LISTED), with their owner (a
    partner or the network committee, never a person) and due date."""
    day = plan.as_date(queries.dataset_info()["as_of"])
    found = coordination.actions_with_status(queries.open_actions(), day)
    actions = found.head(ACTIONS_LISTED)
    rows = [(text, tables.owner(kind, name, lang),
             f"{date(due.date(), lang)} · {t_plain(f'action_{status}', lang)}")
            for text, kind, name, due, status in zip(actions[f"text_{lang}"], actions["owner_kind"],
                                                       actions[f"owner_{lang}"], actions["due"],
                                                       actions["status"])]
    left_out = (t_plain("first_actions_of", lang, n=number(len(actions)), total=number(len(found)))
                if len(found) > len(actions) else "")
    return Section(t_plain("handout_actions", lang), rows or [(t_plain("no_open_actions", lang), "", "")],
                   (t_plain("col_action", lang), t_plain("col_owner", lang), t_plain("handout_due", lang)),
                   note=left_out)


def last_decisions(lang: str) -> Section:
    """What the latest partners' meeting decided, numbered as in its minutes."""
    meeting = queries.last_meeting()
    if meeting is None:
        return Section(t_plain("handout_decisions", lang, date="–"), [(t_plain("no_meetings", lang),)])
    decisions = queries.last_meeting_decisions()
    return Section(t_plain("handout_decisions", lang, date=date(meeting["date"].date(), lang)),
                   [(f"{n}. {text}",) for n, text in zip(decisions["seq"], decisions[f"text_{lang}"])]
                   or [("–",)])


def pdf(lang: str) -> bytes:
    return render(sections(lang), queries.dataset_info(), lang)


def file_name(lang: str) -> str:
    return "samma-handout.pdf" if lang == "en" else "samma-handout-th.pdf"


def render(parts: list[Section], info: dict, lang: str) -> bytes:
    # Imported here, not with the module: fpdf and its fonts take half a second to import, paid
    # by the first page of every new server, and only a download of the handout needs them.
    from fpdf import FPDF
    doc = FPDF(format="A4")
    doc.set_auto_page_break(True, margin=15)
    doc.add_font("Sarabun", "", FONTS / "Sarabun-Regular.ttf")
    doc.add_font("Sarabun", "B", FONTS / "Sarabun-Bold.ttf")
    doc.set_text_shaping(True)
    doc.set_title(t("handout_title", lang))
    doc.add_page()

    doc.set_font("Sarabun", "B", 18)
    doc.multi_cell(0, 9, t("handout_title", lang), new_x="LMARGIN", new_y="NEXT")
    doc.set_font("Sarabun", "", 11)
    doc.multi_cell(0, 6, "\n".join((pick(info, "name", lang),
                                    t("as_of", lang, date=date(info["as_of"], lang)))),
                   new_x="LMARGIN", new_y="NEXT")
    if info["is_sample"]:
        doc.set_text_color(160, 60, 0)
        doc.set_font("Sarabun", "B", 11)
        doc.multi_cell(0, 6, t("sample_marker", lang), new_x="LMARGIN", new_y="NEXT")
        doc.set_text_color(0, 0, 0)

    for part in parts:
        doc.ln(3)
        doc.set_font("Sarabun", "B", 13)
        doc.multi_cell(0, 8, part.title, new_x="LMARGIN", new_y="NEXT")
        doc.set_font("Sarabun", "", 11)
        columns = len(part.header or part.rows[0])
        with doc.table(col_widths=(5, *([3] * (columns - 1))),
                       text_align=("LEFT", *(["RIGHT"] * (columns - 1))), line_height=7,
                       first_row_as_headings=part.header is not None) as table:
            for cells in ([part.header] if part.header else []) + part.rows:
                table.row(cells)
        if part.note:
            doc.set_font("Sarabun", "", 9)
            doc.multi_cell(0, 5, part.note, new_x="LMARGIN", new_y="NEXT")
    return bytes(doc.output())
