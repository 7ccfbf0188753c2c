"""Loading a filled-in workbook: every problem located at once, nothing changed on a mistake,
rule breaches as warnings, backups and restore."""

import datetime as dt
import io
import subprocess
import sys

import duckdb
import openpyxl
import pytest

from samma import db, workbook
from samma.workbook import LoadRejected
from tests.conftest import ROOT, expected_capital_warnings


def _template():
    return openpyxl.load_workbook(io.BytesIO(workbook.template_bytes()))


def _save(wb, tmp_path, name="filled.xlsx"):
    target = tmp_path / name
    wb.save(target)
    return target


def _rejected(source, live) -> list[workbook.Problem]:
    before = live.read_bytes()
    with pytest.raises(LoadRejected) as rejected:
        workbook.load(source, live)
    assert live.read_bytes() == before
    assert not db.backups_dir(live).exists()
    assert sorted(p.name for p in live.parent.iterdir()) == ["samma.duckdb"]
    return rejected.value.problems


def _find(problems, key, sheet=None, row=None, column=None):
    matches = [p for p in problems if p.key == key and (sheet is None or p.sheet == sheet)
               and (row is None or p.row == row) and (column is None or column in p.column)]
    assert matches, [p.text("en") for p in problems]
    return matches[0]


def _set(sheet, cell, value):
    def edit(wb):
        wb[sheet][cell] = value
    return edit


CASES = {
    "missing sheet": (lambda wb: wb.remove(wb["sale"]), ("err_missing_sheet", "sale", None, None)),
    "missing column": (lambda wb: wb["contribution"].delete_cols(9),
                       ("err_missing_column", "contribution", 1, None)),
    "wrong type": (_set("contribution", "I2", "สองพันห้าร้อย"),
                   ("err_not_number", "contribution", 2, "amount_baht")),
    "unknown code": (_set("household", "B3", "50191099"),
                     ("err_unknown_code", "household", 3, "village_code")),
    "duplicate key": (_set("partner", "A3", "CDD"), ("err_duplicate", "partner", 3, "code")),
    "negative amount": (_set("sale", "D2", "-4,800"), ("err_negative", "sale", 2, "amount_baht")),
    "thai-digit date in the future": (_set("household", "C2", "๑/๑/๒๖๐๐"),
                                      ("err_future", "household", 2, "joined")),
    "impossible BE date": (_set("sage", "F2", "31/04/2568"), ("err_not_date", "sage", 2, "since")),
    "required cell": (_set("village", "D2", "   "), ("err_required", "village", 2, "name_th")),
    "fractional count": (_set("training", "F2", "12.5"),
                         ("err_not_whole", "training", 2, "participants")),
    "impossible count": (_set("training", "F2", 50_000), ("err_above", "training", 2, "participants")),
    "unknown choice": (_set("contribution", "G2", "cheque"), ("err_not_choice", "contribution", 2, "kind")),
    "district outside its province": (_set("district", "A2", "6019"),
                                      ("err_prefix", "district", 2, "code")),
    "short code": (_set("province", "A2", "5"), ("err_digits", "province", 2, "code")),
    "village code not its subdistrict + moo": (_set("village", "C2", 3),
                                               ("err_village_code", "village", 2, "code")),
    "members' money with a partner": (_set("contribution", "D2", "TTT"),
                                      ("err_partner_source", "contribution", 2, "partner_code")),
    "two recipients": (_set("contribution", "E2", "N501910"),
                       ("err_one_recipient", "contribution", 2, "group_code")),
    "ledger names an unknown contribution": (_set("fund_entry", "G2", 99),
                                             ("err_unknown_code", "fund_entry", 2, "contribution_id")),
    "milestone of an unknown group": (_set("milestone", "B2", "G999"),
                                      ("err_unknown_code", "milestone", 2, "owner_code")),
    "position outside Thailand": (_set("village", "F2", 98.9), ("err_above", "village", 2, "lat")),
    "due before start": (_set("plan_target", "F2", "1/1/2568"),
                         ("err_due_before_start", "plan_target", 2, "due")),
    "a target for an area the workbook does not hold": (_set("plan_target", "C2", "50199999"),
                                                         ("err_area_code", "plan_target", 2, "area_code")),
    "two dataset rows": (lambda wb: wb["dataset"].append(["x", "x", "2025-01-01", "yes"]),
                         ("err_one_dataset_row", "dataset", None, None)),
    # The fund's owner and kinds of entry, the matching schemes and the loan register.
    "a ledger entry of a group and a network": (_set("fund_entry", "H2", "N501910"),
                                                ("err_one_owner", "fund_entry", 2, "group_code")),
    "a ledger entry of nobody": (_set("fund_entry", "C2", None),
                                 ("err_one_owner", "fund_entry", 2, "group_code")),
    "admin spending without what it paid for": (_set("fund_entry", "I7", None),
                                                ("err_spent_purpose", "fund_entry", 7, "purpose")),
    "revolving money spent": (_set("fund_entry", "D7", "revolving"),
                              ("err_spent_admin", "fund_entry", 7, "bucket")),
    "a group passing money on": (lambda wb: (_set("fund_entry", "E3", "passed_on")(wb),
                                             _set("fund_entry", "J3", "G50191002")(wb)),
                                 ("err_passed_on_network", "fund_entry", 3, "network_code")),
    "money passed on to no group": (_set("fund_entry", "J8", None),
                                    ("err_passed_on_group", "fund_entry", 8, "to_group_code")),
    "unknown spending purpose": (_set("fund_entry", "I7", "party"),
                                 ("err_not_choice", "fund_entry", 7, "purpose")),
    "unknown committee role": (_set("committee_seat", "B2", "king"),
                               ("err_not_choice", "committee_seat", 2, "role")),
    "no seats": (_set("committee_seat", "C2", 0), ("err_below", "committee_seat", 2, "seats")),
    "a scheme matching nothing": (_set("matching_scheme", "D2", 0),
                                  ("err_below", "matching_scheme", 2, "ratio")),
    "a scheme member twice": (lambda wb: wb["scheme_member"].append(["TTT-WP", None, "G50191001",
                                                                     "2018-01-01"]),
                              ("err_duplicate", "scheme_member", 3, "group_code")),
    "a scheme member of an unknown scheme": (_set("scheme_member", "A2", "NOPE"),
                                             ("err_unknown_code", "scheme_member", 2, "scheme_code")),
    "a loan due before it was lent": (_set("loan", "G2", "2018-01-01"),
                                      ("err_due_before_lent", "loan", 2, "due")),
    "a borrower that is not a household": (_set("loan", "D2", "HH-999"),
                                           ("err_unknown_code", "loan", 2, "household_code")),
    "a negative loan": (_set("loan", "E2", "-3,000"), ("err_negative", "loan", 2, "amount_baht")),
    "a loan from two funds": (_set("loan", "B2", "N501910"), ("err_one_owner", "loan", 2, "group_code")),
    "a repayment of a loan that does not exist": (_set("loan_repayment", "B2", "L-999"),
                                                  ("err_unknown_code", "loan_repayment", 2, "loan_code")),
    "a negative repayment": (_set("loan_repayment", "D2", -5),
                             ("err_negative", "loan_repayment", 2, "principal_baht")),
    "repaid before it was lent": (_set("loan_repayment", "C2", "2018-01-15"),
                                  ("err_repaid_before_lent", "loan_repayment", 2, "date")),
    "repaid more than was lent": (_set("loan_repayment", "D2", 3_000.01),
                                  ("err_repaid_more_than_lent", "loan_repayment", 2, "principal_baht")),
}


def test_a_cell_already_reported_is_not_said_again_by_a_rule_across_cells(tmp_path, live):
    """Row 7 of the ledger is the administration's spending, with what it paid for: its kind of
    entry unreadable is said once, not again as "a purpose without spending"."""
    wb = _template()
    _set("fund_entry", "E7", "gift")(wb)
    problems = _rejected(_save(wb, tmp_path), live)
    assert [(p.key, p.sheet, p.row, p.value) for p in problems] == [("err_not_choice", "fund_entry", 7, "gift")]


@pytest.mark.parametrize("case", CASES)
def test_each_kind_of_mistake_is_located_and_changes_nothing(case, tmp_path, live):
    edit, (key, sheet, row, column) = CASES[case]
    wb = _template()
    edit(wb)
    problems = _rejected(_save(wb, tmp_path), live)
    found = _find(problems, key, sheet, row, column)
    for lang, word in (("th", "แผ่นงาน"), ("en", "sheet")):
        assert f"{word} {sheet}" in found.text(lang)
    if row:
        assert f"row {row}" in found.text("en") and f"แถว {row}" in found.text("th")


def test_every_problem_is_reported_at_once_in_thai_and_english(tmp_path, live):
    wb = _template()
    wb["contribution"]["I2"] = "abc"
    wb["sale"]["D2"] = -1
    wb["household"]["B3"] = "50191099"
    problems = _rejected(_save(wb, tmp_path), live)
    assert len(problems) == 3
    assert [p.text("en") for p in problems] == [
        "sheet household, row 3, column รหัสหมู่บ้าน / village_code: value “50191099”: "
        "no such code in the sheet village",
        "sheet contribution, row 2, column จำนวนเงิน (บาท) / amount_baht: value “abc”: not a number",
        "sheet sale, row 2, column ยอดขาย (บาท) / amount_baht: value “-1”: must not be negative",
    ]
    assert problems[1].text("th") == ("แผ่นงาน contribution แถว 2 คอลัมน์ จำนวนเงิน (บาท) / amount_baht: "
                                      "ค่า “abc”: ไม่ใช่ตัวเลข")


@pytest.mark.parametrize("content,key", [
    (b"", "err_empty_file"),
    (b"name,amount\nx,1\n", "err_not_spreadsheet"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "err_not_spreadsheet"),
    (b"PK\x03\x04 truncated zip", "err_not_spreadsheet"),
])
def test_files_that_are_not_workbooks(content, key, tmp_path, live):
    source = tmp_path / "figures.xlsx"
    source.write_bytes(content)
    assert [p.key for p in _rejected(source, live)] == [key]


def test_a_workbook_with_nothing_in_it_is_empty(tmp_path, live):
    assert [p.key for p in _rejected(_save(openpyxl.Workbook(), tmp_path), live)] == ["err_empty_file"]


def test_a_database_file_is_not_a_workbook(tmp_path, live, sample_db):
    assert [p.key for p in _rejected(sample_db, live)] == ["err_not_spreadsheet"]


def test_a_missing_sheet_does_not_also_flood_its_dependants(tmp_path, live):
    wb = _template()
    wb.remove(wb["village"])
    problems = _rejected(_save(wb, tmp_path), live)
    assert [p.key for p in problems] == ["err_missing_sheet"]


def test_template_as_filled_in_loads_and_replaces_the_live_data(tmp_path, live, sql):
    loaded = workbook.load(_save(_template(), tmp_path), live)
    assert loaded.warnings == [] and loaded.notes == []
    con = duckdb.connect(str(live), read_only=True)
    assert con.execute("SELECT name_en, is_sample, as_of FROM dataset").fetchone() == (
        "Tha Wang Tan livelihood network", False, dt.date(2025, 9, 30))
    assert con.execute("SELECT count(*), sum(amount_baht) FROM contribution").fetchone() == (4, 27000)
    assert con.execute("SELECT code FROM village ORDER BY 1").fetchall() == [("50191001",), ("50191002",)]
    con.close()
    backups = db.list_backups(live)
    assert len(backups) == 1
    old = duckdb.connect(str(backups[0]), read_only=True)
    assert old.execute("SELECT count(*) FROM village").fetchone() == sql("SELECT count(*) FROM village")[0]
    old.close()


def test_people_typing_loads_as_the_same_figures(tmp_path, live):
    wb = _template()
    ws = wb["contribution"]
    ws["B2"], ws["I2"] = "๑ ส.ค. ๒๕๖๐", "๒,๕๐๐ บาท"          # Thai digits, BE, baht
    ws["B3"], ws["I3"] = "01/11/2560", "฿2,500"
    ws["C2"], ws["G2"], ws["H2"] = "members", "cash", "หุ้น"
    workbook.load(_save(wb, tmp_path), live)
    con = duckdb.connect(str(live), read_only=True)
    assert con.execute("SELECT id, date, source, kind, purpose, amount_baht FROM contribution "
                       "WHERE id <= 2 ORDER BY id").fetchall() == [
        (1, dt.date(2017, 8, 1), "members", "cash", "shares", 2500),
        (2, dt.date(2017, 11, 1), "partner", "cash", "matching", 2500)]
    con.close()


def test_rule_breaches_load_as_warnings(tmp_path, live):
    wb = _template()
    ws = wb["fund_entry"]
    ws["F3"], ws["F4"] = 500, 2000                          # 20/80 instead of 30/70
    wb["contribution"].append([5, "2018-01-10", "partner", "WP", None, "G50191001", "cash",
                               "matching", 1000, None])       # matching now 3,500 > 2,500 own
    ws.append([12, "2018-01-10", "G50191001", "admin", "paid_in", 300, 5])
    ws.append([13, "2018-01-10", "G50191001", "revolving", "paid_in", 700, 5])
    ws.append([14, "2019-01-10", "G50191001", "revolving", "loss", 1290, None])
    wb["partner"].append(["WP", "มวพ.", "Wiang Ping", "มหาวิชชาลัยเวียงพิงค์", "Wiang Ping", "academic",
                          "กองทุน", "fund"])
    warnings = workbook.load(_save(wb, tmp_path), live).warnings
    assert [en for _, en in warnings] == [
        # The template's example group G50191001 is named "Dried longan group, Moo 1" ("กลุ่มแปรรูปลำไย หมู่ที่ 1").
        "Dried longan group, Moo 1: of contribution 2 (฿2,500), ฿500 went to administration "
        "(the 70/30 condition says ฿750)",
        "Dried longan group, Moo 1: partners matched ฿3,500, more than the members' own ฿2,500 (the 1:1 condition)",
        # paid in 2,500 + 2,000 + 700 + 2,000 passed on by the network = 7,200; with 90 profit and
        # 1,290 lost: 6,000
        "Dried longan group, Moo 1: revolving capital ฿6,000 is below the ฿7,200 paid in (capital must not be lost)",
    ]
    assert warnings[2][0] == "กลุ่มแปรรูปลำไย หมู่ที่ 1: ทุนหมุนเวียน 6,000 บาท ต่ำกว่าเงินที่จ่ายเข้า 7,200 บาท (ทุนต้องไม่สูญ)"
    con = duckdb.connect(str(live), read_only=True)
    assert con.execute("SELECT rule, group_code, contribution_id, amount_baht, limit_baht "
                       "FROM load_warning ORDER BY rule").fetchall() == [
        ("capital_below_floor", "G50191001", None, 6000, 7200),
        ("matching_above_members", "G50191001", None, 3500, 2500),
        ("split_70_30", "G50191001", 2, 500, 750)]
    con.close()


def test_the_sample_carries_its_capital_warnings(sql):
    below = sql("""SELECT group_code FROM fund_entry WHERE bucket = 'revolving' GROUP BY 1
                   HAVING sum(amount_baht) FILTER (WHERE entry = 'loss')
                          - coalesce(sum(amount_baht) FILTER (WHERE entry = 'profit'), 0) >= 0.01
                   ORDER BY 1""")
    assert len(below) > 0
    assert sql("SELECT group_code FROM load_warning WHERE rule = 'capital_below_floor' ORDER BY 1") == below
    assert sql("SELECT count(*) FROM load_warning WHERE rule <> 'capital_below_floor'") == [(0,)]


def test_a_folder_of_csv_files_loads_like_the_workbook(tmp_path, live):
    folder = tmp_path / "csv"
    folder.mkdir()
    wb = _template()
    for sheet in workbook.SHEETS:
        rows = [["" if v is None else (v.strftime("%d/%m/") + str(v.year + 543) if hasattr(v, "year")
                                       else v) for v in row]
                for row in wb[sheet.name].iter_rows(values_only=True)]
        encoding = "cp874" if sheet.name == "village" else "utf-8-sig"   # as Thai Excel saves it
        with open(folder / f"{sheet.name}.csv", "w", newline="", encoding=encoding) as f:
            import csv
            csv.writer(f).writerows(rows)
    workbook.load(folder, live)
    con = duckdb.connect(str(live), read_only=True)
    assert con.execute("SELECT name_th FROM village ORDER BY code").fetchall() == [
        ("หมู่ที่ 1 ต.ท่าวังตาล",), ("หมู่ที่ 2 ต.ท่าวังตาล",)]
    assert con.execute("SELECT date FROM contribution WHERE id = 1").fetchone() == (dt.date(2017, 8, 1),)
    con.close()
    (folder / "sale.csv").unlink()
    assert [p.key for p in _rejected_after_load(folder, live)] == ["err_missing_sheet"]


def _rejected_after_load(source, live):
    before = live.read_bytes()
    with pytest.raises(LoadRejected) as rejected:
        workbook.load(source, live)
    assert live.read_bytes() == before
    return rejected.value.problems


def test_only_the_last_twenty_backups_are_kept(tmp_path, live):
    folder = db.backups_dir(live)
    folder.mkdir()
    for day in range(1, 26):
        (folder / f"samma-2020-01-{day:02d}_000000_000000.duckdb").write_bytes(b"old")
    (folder / "notes.txt").write_text("not a backup")
    workbook.load(_save(_template(), tmp_path), live)
    kept = [p.name for p in db.list_backups(live)]
    assert len(kept) == 20
    assert kept[0].startswith(f"samma-{dt.date.today():%Y-%m-%d}_")
    assert kept[-1] == "samma-2020-01-07_000000_000000.duckdb"
    assert (folder / "notes.txt").exists()


def test_the_replaced_file_is_the_backup_itself_or_a_copy_where_there_are_no_hard_links(
        tmp_path, live, monkeypatch):
    original, inode = live.read_bytes(), live.stat().st_ino
    workbook.load(_save(_template(), tmp_path), live)
    (backup,) = db.list_backups(live)
    assert backup.stat().st_ino == inode and backup.read_bytes() == original      # not copied
    assert live.stat().st_ino != inode
    loaded, loaded_inode = live.read_bytes(), live.stat().st_ino

    def no_hard_links(src, dst):
        raise OSError(1, "Operation not permitted")
    monkeypatch.setattr("os.link", no_hard_links)
    workbook.load(_save(_template(), tmp_path), live)
    newest = db.list_backups(live)[0]
    assert newest.read_bytes() == loaded and newest.stat().st_ino != loaded_inode
    assert sorted(p.name for p in newest.parent.iterdir() if p.name.startswith(".")) == []


def test_restore_puts_a_backup_back_byte_for_byte(tmp_path, live):
    original = live.read_bytes()
    workbook.load(_save(_template(), tmp_path), live)
    loaded = live.read_bytes()
    (backup,) = db.list_backups(live)
    assert db.restore_backup(live, backup.name) == backup
    assert live.read_bytes() == original
    newest = db.list_backups(live)[0]
    assert newest.read_bytes() == loaded                     # the restore itself can be undone
    reader = db.Reader(live)
    assert reader.run("SELECT is_sample FROM dataset").iloc[0, 0]


def test_restore_refuses_unknown_or_unreadable_backups(tmp_path, live):
    before = live.read_bytes()
    for name in ("nope.duckdb", "../samma.duckdb", "", "backups/../samma.duckdb"):
        with pytest.raises(KeyError):
            db.restore_backup(live, name)
    db.backups_dir(live).mkdir()
    broken = db.backups_dir(live) / "samma-2020-01-01_000000_000000.duckdb"
    broken.write_bytes(b"garbage" * 1000)
    with pytest.raises(db.DatabaseUnavailable):
        db.restore_backup(live, broken.name)
    assert live.read_bytes() == before
    assert sorted(p.name for p in live.parent.iterdir()) == ["backups", "samma.duckdb"]


def _samma(*args, db_path):
    return subprocess.run([sys.executable, "-m", "samma", *args, "--db", str(db_path)], cwd=ROOT,
                          env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=120)


def test_import_command_lists_problems_in_both_languages_and_exits_non_zero(tmp_path, live):
    wb = _template()
    wb["sale"]["D2"] = "lots"
    before = live.read_bytes()
    done = _samma("import", str(_save(wb, tmp_path)), db_path=live)
    assert done.returncode == 1
    assert "Not loaded: 1 problem(s) found; the live data is unchanged" in done.stderr
    assert "ไม่ได้นำเข้า: พบปัญหา 1 จุด" in done.stderr
    assert "sheet sale, row 2, column ยอดขาย (บาท) / amount_baht: value “lots”: not a number" in done.stderr
    assert "แผ่นงาน sale แถว 2" in done.stderr and "Traceback" not in done.stderr
    assert live.read_bytes() == before


def test_import_backups_and_restore_commands(tmp_path, live, capsys):
    from samma.__main__ import main
    wb = _template()
    wb["fund_entry"]["F3"] = 500
    assert main(["import", str(_save(wb, tmp_path)), "--db", str(live)]) == 0
    out = capsys.readouterr().out
    assert "Loaded, with 1 warning(s)" in out
    assert "of contribution 2 (฿2,500), ฿500 went to administration" in out
    assert main(["backups", "--db", str(live)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    name = line.split("\t")[0]
    assert name == db.list_backups(live)[0].name
    assert main(["restore", "nothing-here", "--db", str(live)]) == 1
    assert "python -m samma backups" in capsys.readouterr().err
    assert main(["restore", name, "--db", str(live)]) == 0
    assert main(["check", "--db", str(live)]) == 0
    assert "(sample)" in capsys.readouterr().out
    assert main(["import", str(tmp_path / "nowhere.xlsx"), "--db", str(live)]) == 1
    assert "there is no file nowhere.xlsx" in capsys.readouterr().err


def test_an_empty_folder_is_not_a_workbook(tmp_path, live):
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "readme.txt").write_text("no csv here")
    assert [p.key for p in _rejected(folder, live)] == ["err_not_spreadsheet"]


def test_other_pages_can_ask_for_the_warnings_that_concern_them(sql):
    from samma import queries
    every = queries.load_warnings()
    assert list(every["message_en"]) == expected_capital_warnings(sql, "en")
    group = every["group_code"].iloc[0]
    one = queries.load_warnings(group_code=group)
    assert list(one["group_code"]) == [group] * sql(
        "SELECT count(*) FROM load_warning WHERE group_code = ?", [group])[0][0]
    assert queries.load_warnings(["split_70_30", "matching_above_members"]).empty
    assert len(queries.load_warnings(["capital_below_floor"])) == len(every)
    assert queries.load_warnings(["no_such_rule"]).empty
