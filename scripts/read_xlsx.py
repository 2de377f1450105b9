#!/usr/bin/env python3
"""Dump every sheet of an .xlsx workbook as JSON: {"sheets": [name, ...], "cells": {name: [[value, ...], ...]}}.

An independent reader (openpyxl) for the tests of Duxue's filing package: the tests check cell values
read back this way, not just that a file exists. Usage: read_xlsx.py FILE.xlsx
"""
import json
import sys

import openpyxl


def main() -> None:
    workbook = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
    out = {"sheets": workbook.sheetnames, "cells": {}}
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(["" if value is None else value for value in row])
        out["cells"][sheet.title] = rows
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
