#!/usr/bin/env python3
"""Edits cells of an .xlsx workbook in place, as a person would in Excel (tests of `duxue review`).

    edit_xlsx.py FILE 'SHEET!CELL=VALUE' ...

A VALUE is written as text; `SHEET!CELL=` empties the cell. openpyxl is an independent writer: the
workbook it saves keeps the cells' text but not Duxue's own formatting.
"""
import sys

import openpyxl


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    path = sys.argv[1]
    book = openpyxl.load_workbook(path)
    for edit in sys.argv[2:]:
        place, _, value = edit.partition("=")
        sheet, _, cell = place.rpartition("!")
        book[sheet][cell] = value if value != "" else None
    book.save(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
