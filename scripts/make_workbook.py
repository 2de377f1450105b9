#!/usr/bin/env python3
"""Writes an .xlsx from a JSON description with openpyxl: the tests' independent workbook writer.

    python3 scripts/make_workbook.py SPEC.json      (or the JSON on standard input with -)

SPEC: {"path": "out.xlsx", "date1904": false, "sheets": [{"name": "学校", "state": "visible|hidden|veryHidden",
"rows": [[cell, ...], ...], "merges": ["A1:H1"], "hidden_rows": [5], "hidden_columns": ["F"]}]}. Row 1 is the first list. A cell is
null (empty), a string, a number (int or float), or an object:
  {"date": "2024-05-31", "format": "yyyy/m/d"}   a date cell (a serial number with a date format)
  {"number": 45443, "format": "0000"}            a number with a number format
  {"formula": "=B2+1", "cached": 42}             a formula with its saved value (openpyxl computes nothing:
                                                 the value is written into the sheet XML afterwards)
  {"bool": true}                                 a boolean
  {"inline": "text"}                             an inline string (rich text, t="inlineStr")
Plain strings go to xl/sharedStrings.xml, as Excel and WPS write them (openpyxl writes every string inline:
they are moved afterwards); {"inline": …} cells stay inline.
"""
import datetime
import json
import re
import sys
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904


def cell_value(cell, spec):
    if not isinstance(spec, dict):
        cell.value = spec
        return None
    if "date" in spec:
        cell.value = datetime.date.fromisoformat(spec["date"])
        cell.number_format = spec.get("format", "yyyy-mm-dd")
    elif "number" in spec:
        cell.value = spec["number"]
        cell.number_format = spec.get("format", "General")
    elif "formula" in spec:
        cell.value = spec["formula"]
        return spec.get("cached")
    elif "bool" in spec:
        cell.value = bool(spec["bool"])
    elif "inline" in spec:
        cell.value = CellRichText([TextBlock(InlineFont(b=True), spec["inline"])])
    return None


def write(spec):
    book = openpyxl.Workbook()
    book.remove(book.active)
    if spec.get("date1904"):
        book.epoch = CALENDAR_MAC_1904
    cached = {}  # sheet index -> {ref: value}
    for index, sheet_spec in enumerate(spec["sheets"]):
        sheet = book.create_sheet(sheet_spec["name"])
        sheet.sheet_state = sheet_spec.get("state", "visible")
        for r, row in enumerate(sheet_spec.get("rows", []), start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                saved = cell_value(sheet.cell(row=r, column=c), value)
                if saved is not None:
                    cached.setdefault(index, {})[f"{get_column_letter(c)}{r}"] = saved
        for merge in sheet_spec.get("merges", []):
            sheet.merge_cells(merge)
        for number in sheet_spec.get("hidden_rows", []):
            sheet.row_dimensions[number].hidden = True
        for letter in sheet_spec.get("hidden_columns", []):
            sheet.column_dimensions[letter].hidden = True
    if all(s.get("state", "visible") != "visible" for s in spec["sheets"]):
        book.active = 0
    book.save(spec["path"])
    rewrite(spec["path"], cached)


PLAIN_INLINE = re.compile(r'<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"([^>]*)><is><t(?: [^>]*)?>(.*?)</t></is></c>', re.S)


def rewrite(path, cached):
    """Moves plain strings to a shared-string table and writes each formula's saved value into its <v>,
    as Excel does when it saves."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    shared, index = [], {}

    def share(match):
        text = match.group(4)
        if text not in index:
            index[text] = len(shared)
            shared.append(text)
        return '<c r="%s"%s t="s"%s><v>%d</v></c>' % (match.group(1), match.group(2), match.group(3), index[text])

    out = []
    for info, data in items:
        match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
        if match:
            text = PLAIN_INLINE.sub(share, data.decode("utf-8"))
            for ref, value in cached.get(int(match.group(1)) - 1, {}).items():
                pattern = re.compile(r'<c r="%s"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?' % ref)
                kind = ' t="str"' if isinstance(value, str) else ""
                text = pattern.sub(lambda m: '<c r="%s"%s%s><f>%s</f><v>%s</v>' % (
                    ref, re.sub(r'\s*t="[^"]*"', "", m.group(1)), kind, m.group(2), value), text)
            data = text.encode("utf-8")
        out.append((info, data))
    strings = "".join('<si><t xml:space="preserve">%s</t></si>' % text for text in shared)
    sst = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
           % (len(shared), len(shared), strings))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in out:
            if info.filename == "[Content_Types].xml" and shared:
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            if info.filename == "xl/_rels/workbook.xml.rels" and shared:
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
            target.writestr(info, data)
        if shared:
            target.writestr("xl/sharedStrings.xml", sst)


if __name__ == "__main__":
    source = sys.stdin if len(sys.argv) < 2 or sys.argv[1] == "-" else open(sys.argv[1], encoding="utf-8")
    write(json.load(source))
