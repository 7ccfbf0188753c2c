import datetime as dt

import pytest

from samma import domain, i18n


def test_buddhist_era_dates_with_thai_months():
    assert i18n.date(dt.date(2025, 1, 15), "th") == "15 ม.ค. 2568"
    assert i18n.date(dt.date(2026, 10, 31), "th") == "31 ต.ค. 2569"
    assert i18n.date(dt.date(2025, 1, 15), "en") == "15 Jan 2025"


@pytest.mark.parametrize("day,fy", [
    (dt.date(2024, 9, 30), 2567), (dt.date(2024, 10, 1), 2568), (dt.date(2025, 9, 30), 2568),
    (dt.date(2016, 10, 1), 2560), (dt.date(2017, 9, 30), 2560),
])
def test_thai_fiscal_year_runs_october_to_september(day, fy):
    assert domain.fiscal_year(day) == fy


def test_baht_with_separators_in_each_language():
    assert i18n.baht(1234567, "th") == "1,234,567 บาท"
    assert i18n.baht(1234567.5, "en", decimals=2) == "฿1,234,567.50"
    assert i18n.baht(-2500, "th") == "−2,500 บาท"
    assert i18n.baht(None, "th") == "–"
    assert i18n.baht(float("nan"), "en") == "–"


def test_every_string_exists_in_both_languages():
    for key, (th, en) in i18n.STRINGS.items():
        assert th.strip() and en.strip(), key
        # the same placeholders in both, or formatting one language would fail
        assert sorted(th.split("{")[1:]) == sorted(en.split("{")[1:]) or \
            {p.split("}")[0] for p in th.split("{")[1:]} == {p.split("}")[0] for p in en.split("{")[1:]}, key


def test_unknown_key_fails_loudly():
    with pytest.raises(KeyError):
        i18n.t("no_such_string", "th")


def test_no_string_is_defined_twice():
    """A second entry with the same key silently wins in a dict literal: a bug to catch."""
    import ast
    import collections
    from pathlib import Path

    import samma.i18n
    tree = ast.parse(Path(samma.i18n.__file__).read_text(encoding="utf-8"))
    strings = next(n.value for n in tree.body
                   if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "STRINGS")
    counts = collections.Counter(k.value for k in strings.keys)
    assert [k for k, n in counts.items() if n > 1] == []
