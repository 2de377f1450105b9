#!/usr/bin/env python3
"""Dump every sheet of an .xlsx workbook as JSON: {"sheets": [name, ...], "cells": {name: [[value, ...], ...]}}.

An independent reader (openpyxl) for the tests of Duxue's filing package: the tests check cell values
read back this way, not just that a file exists.

Usage: read_xlsx.py [--styles] [--digests] FILE.xlsx
  --styles   also "bold": {name: [[row, column], ...]} (0-based) of the cells written bold
  --digests  also "digests": for each internal sheet (name starting with 内部-) the digest stored in B2
             and the one computed here from its rows, and "package": the digest of all internal sheets
             together (docs/filing.md: FNV-1a 64 over the canonical text), computed independently of Duxue
"""
import json
import sys

import openpyxl

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
INTERNAL_PREFIX = "内部-"
HEADER_ROW = 3  # 1-based: marker in row 1, digest in row 2, header in row 3


def fnv1a64(text: str) -> str:
    value = FNV_OFFSET
    for byte in text.encode("utf-8"):
        value ^= byte
        value = (value * FNV_PRIME) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def text_of(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def canonical(name: str, rows) -> str:
    """The canonical text of an internal sheet from its header row on (docs/filing.md)."""
    table = [[text_of(value) for value in row] for row in rows]
    while table and all(cell == "" for cell in table[-1]):
        table.pop()
    width = max((max((i + 1 for i, cell in enumerate(row) if cell != ""), default=0) for row in table), default=0)
    out = escape(name) + "\n"
    for row in table:
        cells = (row + [""] * width)[:width]
        out += "\t".join(escape(cell) for cell in cells) + "\n"
    return out


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    styles = "--styles" in sys.argv
    digests = "--digests" in sys.argv
    workbook = openpyxl.load_workbook(args[0], read_only=not styles, data_only=True)
    out = {"sheets": workbook.sheetnames, "cells": {}}
    if styles:
        out["bold"] = {}
    if digests:
        out["digests"] = {}
        texts = []
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(["" if value is None else value for value in row])
        out["cells"][sheet.title] = rows
        if styles:
            out["bold"][sheet.title] = [
                [cell.row - 1, cell.column - 1]
                for row in sheet.iter_rows()
                for cell in row
                if cell.value is not None and cell.font is not None and cell.font.b
            ]
        if digests and sheet.title.startswith(INTERNAL_PREFIX):
            text = canonical(sheet.title, rows[HEADER_ROW - 1:])
            texts.append(text)
            stored = rows[1][1] if len(rows) > 1 and len(rows[1]) > 1 else ""
            out["digests"][sheet.title] = {"stored": text_of(stored), "computed": fnv1a64(text)}
    if digests:
        out["package"] = fnv1a64("".join(texts))
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
