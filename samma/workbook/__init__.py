"""The spreadsheet: one sheet per kind of record, named like its table; each column header is
"Thai / key". The same columns work as a folder of CSV files, one `<sheet>.csv` each.

    sheets   what the sheets hold (the one specification the others read)
    typed    what people type, read as values (BE/CE dates, Thai digits, baht)
    columns  a sheet's cells read a column at a time (Arrow), the odd ones by `typed`
    checks   every cell and every cross-sheet rule checked before anything is written
    writer   the template and the export, one writer
    loading  a file read, checked and loaded into a new database, swapped in
    merge    several networks' workbooks checked together into one database
    update   one network's workbook replacing its areas in a database of many
"""

from samma.workbook.checks import LoadRejected, Problem, Raw, absent_parts, validate
from samma.workbook.loading import Loaded, load, load_bytes, load_raw, read_source
from samma.workbook.sheets import CHOICES, PER_HOUSEHOLD, SHEET, SHEETS, Column, Sheet, choice_label
from samma.workbook.typed import BadCell, parse_cell, parse_choice, parse_code, parse_date, parse_int, parse_number
from samma.workbook.update import update
from samma.workbook.writer import EXAMPLES, export, export_bytes, export_rows, template_bytes, write_workbook

__all__ = ["CHOICES", "EXAMPLES", "PER_HOUSEHOLD", "SHEET", "SHEETS", "BadCell", "Column", "LoadRejected",
           "Loaded", "Problem", "Raw", "Sheet", "absent_parts", "choice_label", "export", "export_bytes",
           "export_rows", "load", "load_bytes", "load_raw", "parse_cell", "parse_choice", "parse_code",
           "parse_date", "parse_int", "parse_number", "read_source", "template_bytes", "update",
           "validate", "write_workbook"]
