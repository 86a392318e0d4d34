#!/usr/bin/env python3
"""Makes the fixture folders of the workbook diagnostics (tests/cases/bang-tinh-*/) from the
form that `baocao forms` writes for phong-tu-phap in 2024-Q1 on tests/fixtures/base/:

    tests/tools/make-workbook-cases.py target/debug/baocao

Each case is what a clerk (or a clerk's computer) can do to the form: save it with a password,
send half a file, send a workbook of their own, delete a column, leave a formula's error in a
cell, compute answers with formulas, type a text that starts with "=", merge answer cells,
paste a 32,767-character text. Calc (through fill-form.py) does the editing; the files are
what LibreOffice saves (the password one then encrypted with msoffcrypto-tool, as Excel
encrypts). Needs LibreOffice's Python `uno` (run with /usr/bin/python3 by default), openpyxl and
msoffcrypto-tool. tests/it/workbook_forms.rs says what each must give.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FILL = os.path.join(ROOT, "tests", "tools", "fill-form.py")
UNIT, KY = "phong-tu-phap", "2024-Q1"

BASE = {
    "header": {"Ngày báo cáo:": {"date": "2024-03-12", "typed": "12/03/2024"}},
    "tasks": {"1.a": {"Tình trạng": "Đang thực hiện", "Tiến độ (%)": 40,
                      "Kết quả thực hiện": "Đã thẩm định 03 dự thảo."}},
}


def case(name, calc=None, tasks=None):
    answers = json.loads(json.dumps(BASE))
    if tasks:
        answers["tasks"].update(tasks)
    if calc:
        answers["calc"] = calc
    return name, answers


CASES = [
    case("bang-tinh-mat-khau"),
    case("bang-tinh-thieu-cot", calc={"delete_columns": [["Nhiệm vụ", "H"]]}),
    case("bang-tinh-o-loi", calc={"formulas": [["Nhiệm vụ", "H9", "=1/0"]]}),
    case(
        "bang-tinh-cong-thuc",
        calc={
            "formulas": [["Nhiệm vụ", "H9", "=20*2"], ["Nhiệm vụ", "I10", "=\"Đã \"&\"ban hành\""]],
            "text": [["Nhiệm vụ", "I9", "=HYPERLINK(\"http://x\";\"bấm\")"]],
        },
        tasks={"1.b": {"Tình trạng": "Hoàn thành", "Tiến độ (%)": 100}},
    ),
    case(
        "bang-tinh-o-gop",
        calc={"merge": [["Nhiệm vụ", "I10:J10"]]},
        tasks={"1.b": {"Tình trạng": "Hoàn thành", "Kết quả thực hiện": "Đã công bố."}},
    ),
    case("bang-tinh-chu-dai", tasks={"1.b": {"Tình trạng": "Hoàn thành",
                                              "Kết quả thực hiện": "Đã làm. " * 4095 + "Hết"}}),
]


def encrypt(path, password):
    """Encrypts a workbook as Excel does when it is given a password to open (msoffcrypto-tool;
    LibreOffice's UNO store does not encrypt OOXML)."""
    import io

    from msoffcrypto.format.ooxml import OOXMLFile

    with open(path, "rb") as f:
        plain = io.BytesIO(f.read())
    with open(path, "wb") as out:
        OOXMLFile(plain).encrypt(password, out)


def main():
    baocao = os.path.abspath(sys.argv[1])
    python = sys.argv[2] if len(sys.argv) > 2 else "/usr/bin/python3"
    tmp = tempfile.mkdtemp(prefix="baocao-cases-")
    data = os.path.join(tmp, "data")
    shutil.copytree(os.path.join(ROOT, "tests", "fixtures", "base"), data)
    subprocess.run([baocao, "forms", "--ky", KY, "--data", data, "--out", os.path.join(tmp, "o")],
                   check=True, stdout=subprocess.DEVNULL)
    form = os.path.join(tmp, "o", KY, "bieu-mau", UNIT + ".xlsx")
    for name, answers in CASES:
        out = os.path.join(ROOT, "tests", "cases", name, "nop", UNIT, KY + ".xlsx")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        a = os.path.join(tmp, name + ".json")
        with open(a, "w", encoding="utf-8") as f:
            json.dump(answers, f, ensure_ascii=False)
        subprocess.run([python, FILL, "calc", form, a, out], check=True)
        if name == "bang-tinh-mat-khau":
            encrypt(out, "123")
        print("wrote", os.path.relpath(out, ROOT))
    # Half a file: the first 3,000 bytes of a filled form, as a broken copy leaves it.
    whole = os.path.join(ROOT, "tests", "cases", "bang-tinh-calc", "nop", UNIT, KY + ".xlsx")
    half = os.path.join(ROOT, "tests", "cases", "bang-tinh-hong", "nop", UNIT, KY + ".xlsx")
    os.makedirs(os.path.dirname(half), exist_ok=True)
    with open(whole, "rb") as f, open(half, "wb") as g:
        g.write(f.read()[:3000])
    print("wrote", os.path.relpath(half, ROOT))
    # A workbook of the unit's own, made with openpyxl: not the form.
    import openpyxl  # noqa: E402 (only this case needs it)

    own = os.path.join(ROOT, "tests", "cases", "bang-tinh-khac", "nop", UNIT, KY + ".xlsx")
    os.makedirs(os.path.dirname(own), exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Báo cáo quý I"
    ws.append(["STT", "Nhiệm vụ", "Kết quả"])
    ws.append([1, "1.a", "Đã thẩm định 03 dự thảo."])
    wb.save(own)
    print("wrote", os.path.relpath(own, ROOT))
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
