"""Several networks' workbooks into one database: checked together, the shared rows once, a
conflict or a code claimed twice located in both files, nothing written unless all pass."""

import datetime as dt

import duckdb

from samma import db, workbook
from samma.workbook import EXAMPLES, write_workbook
from tests.test_import import _rejected_after_load

_D = dt.date
# A second network beside the template's (Tha Wang Tan, 501910): Nong Phueng, 501911, in the same
# province and district, with the same partners and occupation, and its own numbers.
NONG_PHUENG = {
    "dataset": [("เครือข่ายสัมมาชีพตำบลหนองผึ้ง", "Nong Phueng livelihood network", _D(2025, 6, 30), False)],
    "province": EXAMPLES["province"],
    "district": EXAMPLES["district"],
    "subdistrict": [("501911", "5019", "หนองผึ้ง", "Nong Phueng", 18.70, 99.01)],
    "village": [("50191101", "501911", 1, "หมู่ที่ 1 ต.หนองผึ้ง", "Moo 1, Nong Phueng", None, None,
                 True, True, False, 2561)],
    "partner": EXAMPLES["partner"],
    "occupation": EXAMPLES["occupation"],
    "network": [("N501911", "501911", "เครือข่ายสัมมาชีพตำบลหนองผึ้ง", "Nong Phueng Livelihood Network",
                 _D(2018, 2, 1))],
    "occupation_group": [("G50191101", "50191101", "longan", "กลุ่มลำไย หมู่ที่ 1", "Longan group, Moo 1",
                          _D(2018, 3, 1))],
    "household": [("HH-101", "50191101", _D(2018, 2, 10), "G50191101")],
    "contribution": [(5, _D(2018, 3, 1), "members", None, None, "G50191101", "cash", "shares", 1000.0, None)],
    "fund_entry": [(12, _D(2018, 3, 1), "G50191101", "revolving", "paid_in", 1000.0, 5, None, None, None)],
    "training": [(2, _D(2018, 7, 1), "CDD", "line", "501911", 8, 1.0)],
    "training_group": [(2, "G50191101")],
}


def _union() -> dict[str, list[tuple]]:
    """Both networks in one workbook, written out by hand: every row of each, a shared row once."""
    union = {name: list(rows) for name, rows in EXAMPLES.items()}
    for name, rows in NONG_PHUENG.items():
        if name != "dataset":
            union[name] = union.get(name, []) + [r for r in rows if r not in union.get(name, [])]
    return union


def _write(tmp_path, name, rows):
    target = tmp_path / name
    write_workbook(target, rows)
    return target


def _facts(path) -> dict[str, list[tuple]]:
    """Every fact table's rows (but the dataset's and when each network was loaded)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
                for table in db.TABLES if table not in ("dataset", "network_source")}
    finally:
        con.close()


def test_two_networks_load_as_their_union(tmp_path, live):
    a = _write(tmp_path, "tha_wang_tan.xlsx", EXAMPLES)
    b = _write(tmp_path, "nong_phueng.xlsx", NONG_PHUENG)
    union_db = tmp_path / "union" / "samma.duckdb"
    workbook.load(_write(tmp_path, "union.xlsx", _union()), union_db)
    workbook.load([a, b], live)
    assert _facts(live) == _facts(union_db)
    assert _facts(live)["network"][1][0] == "N501911"
    con = duckdb.connect(str(live), read_only=True)
    # The first file's name, the later of the two dates.
    assert con.execute("SELECT name_en, as_of FROM dataset").fetchone() == (
        "Tha Wang Tan livelihood network", _D(2025, 9, 30))
    con.close()


def test_a_folder_of_workbooks_loads_them_all(tmp_path, live):
    folder = tmp_path / "districts"
    folder.mkdir()
    _write(folder, "a.xlsx", EXAMPLES)
    _write(folder, "b.xlsx", NONG_PHUENG)
    workbook.load(folder, live)
    assert [r[0] for r in _facts(live)["network"]] == ["N501910", "N501911"]


def test_numbers_taken_by_an_earlier_file_are_moved_past_them(tmp_path, live):
    clashing = dict(NONG_PHUENG, contribution=[(1, *NONG_PHUENG["contribution"][0][1:])],
                    fund_entry=[(1, *NONG_PHUENG["fund_entry"][0][1:6], 1, None, None, None)],
                    training=[(1, *NONG_PHUENG["training"][0][1:])], training_group=[(1, "G50191101")])
    loaded = workbook.load([_write(tmp_path, "a.xlsx", EXAMPLES), _write(tmp_path, "b.xlsx", clashing)], live)
    facts = _facts(live)
    # The template's contributions are 1-4, its ledger 1-11, its training 1: b's 1 follows each.
    assert (5, "G50191101") in [(r[0], r[5]) for r in facts["contribution"]]
    assert (12, 5) in [(r[0], r[6]) for r in facts["fund_entry"]]
    assert (2, "G50191101") in facts["training_group"]
    assert any("b.xlsx" in en and "contribution (+4)" in en for _, en in loaded.notes)


def test_a_shared_row_that_differs_is_located_in_both_files(tmp_path, live):
    partners = [EXAMPLES["partner"][0], ("TTT", "ทิศทางไท", "Thitthang Thai", "สถาบันทิศทางไท",
                                          "Thai Direction Institute", "academic", "ร่วมสนับสนุนกองทุน",
                                          "co-offers the fund")]
    a = _write(tmp_path, "a.xlsx", EXAMPLES)
    b = _write(tmp_path, "b.xlsx", dict(NONG_PHUENG, partner=partners))
    problems = _rejected_after_load([a, b], live)
    assert [(p.file, p.key, p.sheet, p.row, p.column, p.value) for p in problems] == [
        (str(a), "err_conflict", "partner", 3, "ภาคส่วน / sector", "civil"),
        (str(b), "err_conflict", "partner", 3, "ภาคส่วน / sector", "academic")]
    assert problems[1].text("en") == (
        f"file {b}, sheet partner, row 3, column ภาคส่วน / sector: value “academic”: "
        f"differs from file {a}, row 3 (“civil”): the same code must read the same in every file")


def test_a_code_in_two_networks_files_is_located_in_both(tmp_path, live):
    village = ("50191002", "501910", 2, "หมู่ที่ 2", "Moo 2", None, None, True, True, True, 2560)
    b = _write(tmp_path, "b.xlsx", dict(NONG_PHUENG, village=[*NONG_PHUENG["village"], village],
                                        subdistrict=[*NONG_PHUENG["subdistrict"], EXAMPLES["subdistrict"][0]]))
    a = _write(tmp_path, "a.xlsx", EXAMPLES)
    problems = _rejected_after_load([a, b], live)
    found = {(p.file, p.key, p.sheet, p.row) for p in problems}
    assert {(str(a), "err_duplicate_in_file", "subdistrict", 2), (str(b), "err_duplicate_in_file", "subdistrict", 3),
            (str(a), "err_duplicate_in_file", "village", 3), (str(b), "err_duplicate_in_file", "village", 3)} <= found


def test_a_mistake_in_one_file_names_the_file_and_loads_neither(tmp_path, live):
    b = _write(tmp_path, "b.xlsx", dict(NONG_PHUENG, household=[("HH-101", "50199999", _D(2018, 2, 10), None)]))
    problems = _rejected_after_load([_write(tmp_path, "a.xlsx", EXAMPLES), b, tmp_path / "gone.xlsx"], live)
    assert [(p.file, p.key, p.sheet, p.row) for p in problems] == [
        (str(b), "err_unknown_code", "household", 2), (str(tmp_path / "gone.xlsx"), "err_no_file", "", None)]
    assert problems[0].text("en").startswith(f"file {b}, sheet household, row 2, column")
