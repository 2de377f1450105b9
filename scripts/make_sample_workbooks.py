#!/usr/bin/env python3
"""Writes Data/county.xlsx (and Data/county.policy.toml beside it) from Data/county: the sample district
as one workbook, the way district offices keep it in Excel or WPS.

    python3 scripts/make_sample_workbooks.py

Sheets: 说明 (notes, ignored), 学校 and 督学, each with a title row merged across the columns above the
header, a 序号 column offices keep (ignored), numbers typed as numbers (enrollment, coordinates, terms,
caps), retirement dates typed as dates (yyyy/m/d). `duxue plan Data/county.xlsx` gives the roster
`duxue plan Data/county` gives (a test checks it).
"""
import csv
import datetime
import os
import shutil

import openpyxl
from make_workbook import rewrite
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SOURCE = os.path.join(ROOT, "Data", "county")
TARGET = os.path.join(ROOT, "Data", "county.xlsx")

INTEGERS = {"在校生数", "已连任届数", "最多负责学校数"}
DECIMALS = {"纬度", "经度"}
DATES = {"退休日期", "聘任日期"}


def read(name):
    with open(os.path.join(SOURCE, name), encoding="gb18030", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def typed(column, text):
    if text == "":
        return None
    if column in INTEGERS:
        return int(text)
    if column in DECIMALS:
        return float(text)
    if column in DATES:
        return datetime.date.fromisoformat(text)
    return text


def add_table(book, sheet_name, title, header, rows):
    sheet = book.create_sheet(sheet_name)
    header = ["序号"] + header
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for number, row in enumerate(rows, start=1):
        sheet.append([number] + [typed(column, text) for column, text in zip(header[1:], row)])
    for index, column in enumerate(header, start=1):
        letter = get_column_letter(index)
        if column in DATES:
            for cell in sheet[letter][2:]:
                cell.number_format = "yyyy/m/d"
        sheet.column_dimensions[letter].width = 14 if column not in ("学校名称", "回避学校") else 24


def main():
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["丰城县（模拟数据）学校名单和督学库：学校、督学两个工作表；政策见同目录 county.policy.toml。"])
    header, rows = read("schools.csv")
    add_table(book, "学校", "丰城县中小学校（幼儿园）名单", header, rows)
    header, rows = read("inspectors.csv")
    add_table(book, "督学", "丰城县责任督学库", header, rows)
    book.save(TARGET)
    rewrite(TARGET, {})  # strings in a shared-string table, as Excel and WPS save them
    shutil.copyfile(os.path.join(SOURCE, "policy.toml"), os.path.join(ROOT, "Data", "county.policy.toml"))


if __name__ == "__main__":
    main()
