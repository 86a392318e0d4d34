#!/usr/bin/env python3
"""Fills a baocao workbook form the way a clerk would, with another program than baocao.

    fill-form.py calc     FORM.xlsx ANSWERS.json OUT.xlsx   # LibreOffice Calc, headless (UNO)
    fill-form.py openpyxl FORM.xlsx ANSWERS.json OUT.xlsx   # the openpyxl library

ANSWERS.json:
    {"header": {"Ngày báo cáo:": "12/03/2024", ...},
     "tasks": {"1.a": {"Tình trạng": "Đang thực hiện", "Tiến độ (%)": 40, ...}},
     "documents": [["1.a", "12/2024/QĐ-UBND", "20/02/2024", "Ban hành ..."]],
     "indicators": {"hs_tiep_nhan": 1200},
     "narratives": {"Khó khăn": ["...", "..."]},
     "calc": {"formulas": [["Nhiệm vụ", "H9", "=20*2"]],   # Calc only: what a clerk
              "text": [["Nhiệm vụ", "I9", "=1+1"]],        # does beyond typing answers
              "merge": [["Nhiệm vụ", "G10:J10"]],
              "delete_columns": [["Nhiệm vụ", "H"]],
              "password": "123"}}

A value goes into its cell as a clerk's typing leaves it: a JSON number is a number cell, a
string a text cell; {"date": "2024-03-12", "typed": "12/03/2024"} is a date cell for openpyxl
and, for Calc, the text typed into the form's text-formatted date cell (Calc's input line keeps
what is typed into a cell formatted as text; its UNO setFormula would not, it parses dates
by the machine's locale, so text goes in with setString). Cells are found by the labels of
the form's header row, as the form's layout (src/model/form.rs) gives them; this script does not use baocao.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

TASKS, DOCS, INDICATORS = "Nhiệm vụ", "Văn bản", "Chỉ tiêu"
TASK_KEY, INDICATOR_KEY, VALUE = "Mã nhiệm vụ", "Mã chỉ tiêu", "Số liệu"
DOC_COLUMNS = ["Mã nhiệm vụ", "Số, ký hiệu văn bản", "Ngày ban hành", "Trích yếu nội dung"]
NARRATIVE = "Nội dung"


class Grid:
    """A sheet seen as rows of texts, with a way to set a cell (0-based)."""

    def __init__(self, read, write, rows=60, cols=20):
        self.read, self.write = read, write
        self.rows, self.cols = rows, cols

    def find(self, label, below=0):
        for r in range(below, self.rows):
            for c in range(self.cols):
                if str(self.read(r, c) or "").strip() == label:
                    return r, c
        raise SystemExit(f"label not found: {label}")

    def header(self, first_label):
        r, _ = self.find(first_label)
        labels = {str(self.read(r, c) or "").strip(): c for c in range(self.cols)}
        return r, labels


def fill(grids, answers):
    tasks = grids[TASKS]
    for label, value in answers.get("header", {}).items():
        r, c = tasks.find(label)
        # The answer cell is the first cell right of the label's merged cells: column C.
        tasks.write(r, 2, value)
    row, cols = tasks.header(TASK_KEY)
    ids = {}
    for r in range(row + 1, row + 400):
        v = tasks.read(r, cols[TASK_KEY])
        if v:
            ids[str(v).strip()] = r
    for task, fields in answers.get("tasks", {}).items():
        for label, value in fields.items():
            tasks.write(ids[task], cols[label], value)
    if answers.get("documents"):
        docs = grids[DOCS]
        row, cols = docs.header(DOC_COLUMNS[0])
        for i, doc in enumerate(answers["documents"]):
            for label, value in zip(DOC_COLUMNS, doc):
                if value is not None:
                    docs.write(row + 1 + i, cols[label], value)
    if answers.get("indicators"):
        ind = grids[INDICATORS]
        row, cols = ind.header(INDICATOR_KEY)
        at = {}
        for r in range(row + 1, row + 200):
            v = ind.read(r, cols[INDICATOR_KEY])
            if v:
                at[str(v).strip()] = r
        for key, value in answers["indicators"].items():
            ind.write(at[key], cols[VALUE], value)
    for sheet, lines in answers.get("narratives", {}).items():
        g = grids[sheet]
        row, cols = g.header("STT")
        for i, line in enumerate(lines):
            g.write(row + 1 + i, cols[NARRATIVE], line)


def with_openpyxl(form, answers, out):
    import datetime
    import openpyxl

    wb = openpyxl.load_workbook(form)

    def grid(ws):
        def write(r, c, v):
            if isinstance(v, dict) and "date" in v:
                v = datetime.date.fromisoformat(v["date"])
            ws.cell(row=r + 1, column=c + 1).value = v

        return Grid(lambda r, c: ws.cell(row=r + 1, column=c + 1).value, write)

    fill({name: grid(wb[name]) for name in wb.sheetnames}, answers)
    wb.save(out)


def with_calc(form, answers, out):
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    profile = tempfile.mkdtemp(prefix="baocao-calc-")
    pipe = "baocao" + str(os.getpid())
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        url = uno.systemPathToFileUrl(os.path.abspath(form))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        sheets = doc.Sheets

        def grid(name):
            sh = sheets.getByName(name)

            def read(r, c):
                return sh.getCellByPosition(c, r).getString()

            def write(r, c, v):
                cell = sh.getCellByPosition(c, r)
                if isinstance(v, dict):
                    v = v["typed"]
                if isinstance(v, (int, float)):
                    cell.setValue(v)
                else:
                    cell.setString(v)

            return Grid(read, write)

        fill({name: grid(name) for name in sheets.ElementNames}, answers)
        extra = answers.get("calc", {})
        for sheet, address, formula in extra.get("formulas", []):
            sheets.getByName(sheet).getCellRangeByName(address).setFormula(formula)
        for sheet, address, text in extra.get("text", []):
            sheets.getByName(sheet).getCellRangeByName(address).setString(text)
        for sheet, address in extra.get("merge", []):
            sh = sheets.getByName(sheet)
            sh.unprotect("")
            sh.getCellRangeByName(address).merge(True)
        for sheet, column in extra.get("delete_columns", []):
            sh = sheets.getByName(sheet)
            sh.unprotect("")
            sh.getColumns().removeByIndex(ord(column) - ord("A"), 1)
        doc.calculateAll()
        target = uno.systemPathToFileUrl(os.path.abspath(out))
        store = [prop("FilterName", "Calc MS Excel 2007 XML")]
        if "password" in extra:
            store.append(prop("Password", extra["password"]))
        doc.storeToURL(target, tuple(store))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("calc", "openpyxl"):
        raise SystemExit(__doc__)
    engine, form, answers, out = sys.argv[1:]
    with open(answers, encoding="utf-8") as f:
        answers = json.load(f)
    (with_calc if engine == "calc" else with_openpyxl)(form, answers, out)


if __name__ == "__main__":
    main()
