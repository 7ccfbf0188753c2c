"""The A4 handout for the minutes: the meeting summary as a PDF, in Thai or English, with the
Sarabun font embedded and Thai shaped by HarfBuzz (so vowels and tone marks sit right).

`sections()` gathers what the handout says (plain data, tested on its own); `render()` lays
it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

from samma import queries
from samma.i18n import baht, date, number, pick, t

FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"


@dataclass
class Section:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    header: tuple[str, str] | None = None


def sections(lang: str) -> list[Section]:
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
    ]


def pdf(lang: str) -> bytes:
    return render(sections(lang), queries.dataset_info(), lang)


def file_name(lang: str) -> str:
    return "samma-handout.pdf" if lang == "en" else "samma-handout-th.pdf"


def render(parts: list[Section], info: dict, lang: str) -> bytes:
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
        with doc.table(col_widths=(3, 2), text_align=("LEFT", "RIGHT"), line_height=7,
                       first_row_as_headings=part.header is not None) as table:
            for label, value in ([part.header] if part.header else []) + part.rows:
                table.row((label, value))
    return bytes(doc.output())
