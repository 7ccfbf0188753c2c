"""What people type, read as values: dates in the Buddhist or Common Era, day first, with Thai
or English month names; Thai digits; baht with ฿, บาท and thousands separators; codes typed as
numbers; the spaces Excel and LINE bring along. A cell that cannot be read raises BadCell."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

from samma.domain import BUDDHIST_ERA_OFFSET
from samma.i18n import THAI_MONTHS
from samma.workbook.sheets import CHOICES, EARLIER_WORDS, Column, choice_label

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Spaces Excel and LINE copy-paste bring along: no-break, thin, zero-width.
ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")
THAI_MONTH_NAMES = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
EN_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december")
MONTHS = {name: i for names in (THAI_MONTH_NAMES, EN_MONTH_NAMES) for i, name in enumerate(names, 1)}
MONTHS |= {m.replace(".", ""): i for i, m in enumerate(THAI_MONTHS, 1)}
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items()) if m in EN_MONTH_NAMES}
MONTHS["sept"] = 9


class BadCell(ValueError):
    """A cell that cannot be read as its column's kind; `key` names the message in i18n."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def clean_text(value: object) -> str | None:
    """Text as typed, without stray or odd spaces; an empty cell is None."""
    if value is None:
        return None
    if type(value) is str and value.isascii():      # most cells: no odd spaces to look for
        return " ".join(value.split()) or None
    # A date cell reads as a date; it is said as Excel holds it, a day and a time (as ever).
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if not text.isascii():          # the odd spaces are not ASCII: most cells need no search
        text = ODD_SPACES.sub(" ", text)
    return " ".join(text.split()) or None


def parse_code(value: object) -> str:
    """A code: Thai digits read as digits, spaces dropped; 50191001 typed as a number stays whole."""
    if isinstance(value, bool):
        raise BadCell("err_not_code")
    if isinstance(value, float):
        if not value.is_integer():
            raise BadCell("err_not_code")
        value = int(value)
    return "".join(str(clean_text(value)).translate(THAI_DIGITS).split())


def parse_number(value: object) -> float:
    """1,234.50 · ๑,๒๓๔ · ฿1,234 · 1 234 บาท · −500 all read as numbers."""
    if isinstance(value, bool):
        raise BadCell("err_not_number")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(clean_text(value)).translate(THAI_DIGITS).lower()
        text = re.sub(r"฿|บาท|baht|thb", "", text).replace("−", "-").replace(",", "")
        text = "".join(text.split())
        if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", text):
            raise BadCell("err_not_number")
        number = float(text)
    if not math.isfinite(number):
        raise BadCell("err_not_number")
    return number


# The whole numbers the database holds (64-bit integers).
LARGEST_WHOLE, SMALLEST_WHOLE = 2**63 - 1, -2**63


def parse_int(value: object) -> int:
    number = parse_number(value)
    if not number.is_integer():
        raise BadCell("err_not_whole")
    if number > LARGEST_WHOLE:
        raise BadCell("err_above", limit=f"{LARGEST_WHOLE:,}")
    if number < SMALLEST_WHOLE:
        raise BadCell("err_below", limit=f"{SMALLEST_WHOLE:,}")
    return int(number)


def _year(year: int) -> int:
    """Buddhist-era years (2400 and later) become Common-era years."""
    if year >= 2400:
        year -= BUDDHIST_ERA_OFFSET
    if not 1900 <= year <= 2200:
        raise BadCell("err_not_date")
    return year


def parse_date(value: object) -> dt.date:
    """2568-01-15 · 15/01/2568 · 15 ม.ค. 2568 · 15 มกราคม พ.ศ. ๒๕๖๘ · 15 Jan 2025 · an Excel date.
    Day first, as Thai people write it; a year of 2400 or more is Buddhist era."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        try:
            return value.replace(year=_year(value.year))
        except ValueError:
            raise BadCell("err_not_date") from None
    if isinstance(value, (bool, int, float)):
        raise BadCell("err_not_date")
    text = str(clean_text(value)).translate(THAI_DIGITS).lower()
    text = re.sub(r"\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", text)        # a time of day
    common_era = "ค.ศ" in text
    text = re.sub(r"(พ\.\s*ศ|ค\.\s*ศ)\.?", " ", text).strip()
    try:
        if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text):
            year, month, day = (int(g) for g in m.groups())
        elif m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text):
            day, month, year = (int(g) for g in m.groups())
        elif m := re.fullmatch(r"(\d{1,2})\s*([^\d\s]+?)\s*,?\s*(\d{4})", text):
            month = MONTHS.get(m.group(2).replace(".", "").replace(" ", ""))
            if month is None:
                raise BadCell("err_not_date")
            day, year = int(m.group(1)), int(m.group(3))
        else:
            raise BadCell("err_not_date")
        if common_era and year >= 2400:
            raise BadCell("err_not_date")
        return dt.date(_year(year), month, day)
    except ValueError as e:
        if isinstance(e, BadCell):
            raise
        raise BadCell("err_not_date") from None


@functools.cache
def choice_words(choices: str) -> dict[str, str]:
    """Every way of writing a fixed value, in lower case, to its code: the code, its Thai and
    English words, the drop-down's "Thai / code", then the words earlier templates offered."""
    words: dict[str, str] = {}
    for code, (th, en) in CHOICES[choices].items():
        for word in (code, th, en, choice_label(choices, code)):
            words.setdefault(word.lower(), code)
    for word, code in EARLIER_WORDS.get(choices, {}).items():
        words.setdefault(word, code)
    return words


def parse_choice(value: object, choices: str) -> str:
    """The code, its Thai or English label, or the drop-down's "Thai / code"."""
    text = str(clean_text(value)).lower()
    if text in choice_words(choices):
        return choice_words(choices)[text]
    if " / " in text:
        return parse_choice(text.rsplit(" / ", 1)[1], choices)
    raise BadCell("err_not_choice", allowed=", ".join(choice_label(choices, c) for c in CHOICES[choices]))


def parse_cell(column: Column, value: object) -> object:
    """The value for the database, or None for an empty cell; BadCell if it cannot be read."""
    text = clean_text(value)
    if text is None or column.kind == "text":
        return text
    if column.kind == "code":
        return parse_code(value)
    if column.kind == "int":
        return parse_int(value)
    if column.kind == "number":
        return parse_number(value)
    if column.kind == "date":
        return parse_date(value)
    code = parse_choice(value, column.choices)
    return code == "yes" if column.choices == "yes_no" else code

