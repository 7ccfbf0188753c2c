"""A sheet's cells read a column at a time. The cells nearly every workbook holds (a code, a plain
number, a date as Excel stores it, a drop-down's value, text without stray spaces) are read by
Arrow in one pass over the column; only the rest go through typed.parse_cell one by one, so a
province's workbook reads in seconds and every message about a cell stays the one it was."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from samma.domain import BUDDHIST_ERA_OFFSET
from samma.workbook.sheets import Column
from samma.workbook.typed import BadCell, choice_words, clean_text, parse_cell

# Every character str.split() takes for a space, and the odd spaces clean_text turns into one.
_SPACE = (r"\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200b}\x{2028}\x{2029}"
          r"\x{202f}\x{205f}\x{3000}\x{feff}")
_BLANK = rf"^[{_SPACE}]*$"
_CLEAN = rf"^[^{_SPACE}]+( [^{_SPACE}]+)*$"
# What each kind reads as it stands; anything else is read by typed.parse_cell.
_AS_TYPED = {
    "code": r"^[!-~]+$",                         # printable ASCII without spaces
    "int": r"^-?[0-9]{1,15}$",
    "number": r"^-?[0-9]{1,15}(\.[0-9]{1,15})?$",
    "date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}( 00:00:00)?$",   # how a date cell reads as text
}


# How each kind is held once read (a yes/no drop-down as a boolean).
_ARROW_TYPE = {"text": pa.string(), "code": pa.string(), "choice": pa.string(), "int": pa.int64(),
               "number": pa.float64(), "date": pa.date32()}


def arrow_type(column: Column) -> pa.DataType:
    return pa.bool_() if column.choices == "yes_no" else _ARROW_TYPE[column.kind]


@dataclass(frozen=True)
class Cells:
    """One column's values, typed (null where empty) and, by position, what was wrong with a
    cell: (message key, its parameters)."""
    values: pa.Array
    bad: dict[int, tuple[str, dict]]


def as_column(cells: Sequence) -> pa.Array | Sequence:
    """Cells that are all text (or empty) as an Arrow column; others (numbers and dates typed
    in Python) stay as they are and are read one by one."""
    if isinstance(cells, pa.Array):
        return cells
    try:
        return pa.array(cells, type=pa.string())
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        return cells


def cell_at(cells: pa.Array | Sequence, i: int) -> object:
    """The i-th cell of a column, as typed (Arrow's text as a str)."""
    return cells[i].as_py() if isinstance(cells, pa.Array) else cells[i]


def blank(cells: pa.Array | Sequence) -> pa.BooleanArray:
    """Which cells are empty, or hold only spaces."""
    if isinstance(cells, pa.Array):
        return pc.fill_null(pc.match_substring_regex(cells, _BLANK), True)
    return pa.array([clean_text(v) is None for v in cells], pa.bool_())


def read_column(column: Column, cells: pa.Array | Sequence, empty: pa.BooleanArray,
                today: dt.date) -> Cells:
    """Every cell of `cells` read as `column`'s kind and checked against its limits (an empty
    cell is None, whether or not its column needs it)."""
    if isinstance(cells, pa.Array):
        read, fast = _read_as_typed(column, cells)
        fast = pc.fill_null(fast, False)
        at_once = pc.if_else(fast, read, pa.scalar(None, arrow_type(column)))
        one_by_one = pc.indices_nonzero(pc.invert(pc.or_(fast, empty))).to_pylist()
    else:
        at_once = pa.nulls(len(cells), arrow_type(column))
        one_by_one = pc.indices_nonzero(pc.invert(empty)).to_pylist()
    bad: dict[int, tuple[str, dict]] = {}
    if isinstance(cells, pa.Array):
        for i in _breaking_limits(column, read, fast, today):
            bad[i] = cell_rules(column, at_once[i].as_py(), today)[0]
    if not one_by_one:         # most columns: no Python object made for any of its cells
        return Cells(at_once, bad)
    values = at_once.to_pylist()
    for i in one_by_one:
        try:
            values[i] = parse_cell(column, cell_at(cells, i))
        except BadCell as problem:
            bad[i] = (problem.key, problem.params)
            continue
        if found := cell_rules(column, values[i], today):
            bad[i] = found[0]
    return Cells(pa.array(values, arrow_type(column)), bad)


def _read_as_typed(column: Column, cells: pa.Array) -> tuple[pa.Array, pa.Array]:
    """The values Arrow can read at once (null elsewhere), and which cells those are."""
    if column.kind == "text":
        return cells, pc.match_substring_regex(cells, _CLEAN)
    if column.kind == "choice":
        words = choice_words(column.choices)
        found = pc.index_in(pc.utf8_lower(cells), value_set=pa.array(list(words), pa.string()))
        codes = pc.take(pa.array(list(words.values()), pa.string()), found)
        if column.choices == "yes_no":
            return pc.equal(codes, "yes"), pc.is_valid(found)
        return codes, pc.is_valid(found)
    fast = pc.match_substring_regex(cells, _AS_TYPED[column.kind])
    if column.kind == "code":
        return cells, fast
    typed = pc.if_else(fast, cells, None)
    if column.kind == "int":
        return pc.cast(typed, pa.int64()), fast
    if column.kind == "number":
        return pc.cast(typed, pa.float64()), fast
    # A date: a Buddhist-era year (2400 and later) is the Common era's plus 543.
    year = pc.cast(pc.utf8_slice_codeunits(typed, 0, 4), pa.int32())
    year = pc.if_else(pc.greater_equal(year, 2400), pc.subtract(year, BUDDHIST_ERA_OFFSET), year)
    in_range = pc.and_(pc.greater_equal(year, 1900), pc.less_equal(year, 2200))
    text = pc.binary_join_element_wise(pc.utf8_lpad(pc.cast(year, pa.string()), 4, "0"),
                                       pc.utf8_slice_codeunits(typed, 4, 10), "")
    days = pc.cast(pc.strptime(pc.if_else(in_range, text, None), format="%Y-%m-%d", unit="s",
                               error_is_null=True), pa.date32())
    # strptime rolls 30 February over into March; a day that does not exist is not read here.
    exists = pc.equal(pc.day(days), pc.cast(pc.utf8_slice_codeunits(text, 8, 10), pa.int64()))
    return pc.if_else(exists, days, None), pc.fill_null(exists, False)


def _breaking_limits(column: Column, read: pa.Array, fast: pa.BooleanArray, today: dt.date) -> list[int]:
    """Positions of the cells read at once that break their column's limits."""
    if column.digits:
        wrong = pc.invert(pc.match_substring_regex(read, f"^[0-9]{{{column.digits}}}$"))
    elif column.kind in ("int", "number") and (column.minimum is not None or column.maximum is not None):
        below = pc.less(read, column.minimum) if column.minimum is not None else None
        above = pc.greater(read, column.maximum) if column.maximum is not None else None
        wrong = pc.or_(below, above) if below is not None and above is not None else below or above
    elif column.kind == "date" and not column.future_ok:
        wrong = pc.greater(read, pa.scalar(today, pa.date32()))
    else:
        return []
    return pc.indices_nonzero(pc.and_(fast, pc.fill_null(wrong, False))).to_pylist()


def cell_rules(column: Column, value: object, today: dt.date) -> list[tuple[str, dict]]:
    """What is wrong with a value read from a cell, by its column's limits."""
    found = []
    if column.digits and not (len(value) == column.digits and value.isdigit()):
        found.append(("err_digits", {"n": column.digits}))
    if column.kind in ("int", "number"):
        if column.minimum == 0 and value < 0:
            found.append(("err_negative", {}))
        elif column.minimum is not None and value < column.minimum:
            found.append(("err_below", {"limit": f"{column.minimum:g}"}))
        if column.maximum is not None and value > column.maximum:
            found.append(("err_above", {"limit": f"{column.maximum:,g}"}))
    if column.kind == "date" and not column.future_ok and value > today:
        found.append(("err_future", {}))
    return found
