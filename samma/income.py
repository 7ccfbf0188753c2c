"""Income figures in words: whether there is anything to show, the lines a card, the Overview and
the handout show, a table's columns, and what the figures cannot say. Pure: a row of
queries.income_change* and the language in, text out.

No income figure is ever shown for fewer than domain.INCOME_MIN_HOUSEHOLDS households compared:
the summaries built at load time hold none (income_summary.sql), and these words say "fewer than
5 households surveyed" in their place.
"""

from __future__ import annotations

import math

import pandas as pd

from samma import domain
from samma.i18n import baht, number, t

NOT_RECORDED, TOO_FEW, SHOWN = "not_recorded", "too_few", "shown"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def state(figures: dict) -> str:
    """not_recorded (nobody surveyed), too_few (fewer households compared than a figure may be
    shown for: its figures are withheld) or shown."""
    if not figures["surveyed"]:
        return NOT_RECORDED
    if figures["compared"] < domain.INCOME_MIN_HOUSEHOLDS or _missing(figures["latest_median"]):
        return TOO_FEW
    return SHOWN


def message(figures: dict, lang: str) -> str:
    """What stands in place of the figures when there are none to show."""
    if state(figures) == NOT_RECORDED:
        return t("income_not_recorded", lang)
    return t("income_too_few", lang, n=domain.INCOME_MIN_HOUSEHOLDS)


def signed_baht(value: float, lang: str) -> str:
    return ("+" if value > 0 else "") + baht(value, lang)


def change(figures: dict, lang: str) -> str:
    """+900 บาท (+53%): the latest median less the baseline's, in baht and per cent (the per
    cent only when the baseline's median is above zero)."""
    text = signed_baht(figures["change_baht"], lang)
    if not _missing(figures["change_percent"]):
        text += f" ({'+' if figures['change_percent'] > 0 else ''}{number(figures['change_percent'])}%)"
    return text


def compared_of(figures: dict, lang: str) -> str:
    """425 of 496 households: compared, of those enrolled."""
    return t("income_compared_of", lang, compared=number(figures["compared"]),
             households=number(figures["households"]))


def households(n: float, lang: str) -> str:
    """3 households, 1 household."""
    return t("income_households_one" if n == 1 else "income_households_n", lang, n=number(n))


def rose(figures: dict, lang: str) -> str:
    """73% (310 households)."""
    return t("income_rose_value", lang, percent=number(figures["rose_percent"]),
             households=households(figures["rose"], lang))


def lines(figures: dict, lang: str) -> list[tuple[str, str]]:
    """(label, value) lines: households compared, then the income figures or, in their place,
    why there are none."""
    out = [(t("income_compared", lang), compared_of(figures, lang))]
    if state(figures) != SHOWN:
        return out + [(t("income_figures", lang), message(figures, lang))]
    return out + [
        (t("income_rose", lang), rose(figures, lang)),
        (t("income_median_baseline", lang), baht(figures["baseline_median"], lang)),
        (t("income_median_latest", lang), baht(figures["latest_median"], lang)),
        (t("income_change", lang), change(figures, lang)),
    ]


def limits(figures: dict, lang: str) -> str:
    """What the figures cannot say: how many were surveyed of how many joined, and that a rise
    is not proof the program caused it."""
    return t("income_limits", lang, compared=number(figures["compared"]),
             households=number(figures["households"]), surveyed=number(figures["surveyed"]),
             band=number(100 * domain.INCOME_SAME_BAND))


def table(frame: pd.DataFrame, lang: str, name: str) -> pd.DataFrame:
    """A table of areas, groups or occupations (rows of queries.income_change_by_*): the name
    (`name` is its heading's key), households compared of enrolled, the medians, the change and
    the share that rose; a row with too few compared says so instead of its figures."""
    rows = frame.to_dict("records")
    shown = [state(r) == SHOWN for r in rows]
    return pd.DataFrame({
        t(name, lang): [r[f"name_{lang}"] if "village_th" not in r
                        else f"{r[f'name_{lang}']} · {r[f'village_{lang}']}" for r in rows],
        t("income_col_compared", lang): [compared_of(r, lang) for r in rows],
        t("income_col_baseline", lang): [baht(r["baseline_median"], lang) if ok else message(r, lang)
                                         for r, ok in zip(rows, shown)],
        t("income_col_latest", lang): [baht(r["latest_median"], lang) if ok else "–"
                                       for r, ok in zip(rows, shown)],
        t("income_col_change", lang): [change(r, lang) if ok else "–" for r, ok in zip(rows, shown)],
        t("income_col_rose", lang): [f"{number(r['rose_percent'])}%" if ok else "–"
                                     for r, ok in zip(rows, shown)],
    })
