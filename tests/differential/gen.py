#!/usr/bin/env python3
"""Random but realistic `baocao` data folder + expected tong-hop JSON.

usage: gen.py --seed N --units U --tasks T [--year Y] [--workbooks] OUTDIR

Writes OUTDIR/data/ (docs/du-lieu.md) and OUTDIR/expected/<KY>/tong-hop-<KY>.json for
every period that `baocao build` (no --ky) must build, plus
OUTDIR/expected/manifest.json (what was generated, for humans).
OUTDIR/data and OUTDIR/expected are deleted first if they exist.

Python 3.11 standard library only.  Deterministic for a seed.
"""

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys
import unicodedata

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

D = dt.date
TD = dt.timedelta


# =================================================================== YAML emitter

class Raw:
    """A plain scalar written verbatim; `parsed` is what a YAML parser returns."""

    def __init__(self, text, parsed):
        self.text = text
        self.parsed = parsed


class Flow(list):
    """A list written in flow style: ["a", "b"]."""


def quote(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif o < 0x20 or o == 0x7F or 0x80 <= o < 0xA0 or o in (0x2028, 0x2029, 0xFEFF):
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def scalar_text(v):
    if isinstance(v, Raw):
        return v.text
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        return quote(v)
    if isinstance(v, Flow):
        return "[" + ", ".join(scalar_text(x) for x in v) + "]"
    raise TypeError(repr(v))


def to_parsed(v):
    if isinstance(v, Raw):
        return v.parsed
    if isinstance(v, list):
        return [to_parsed(x) for x in v]
    if isinstance(v, dict):
        return {k: to_parsed(x) for k, x in v.items()}
    return v


class Emitter:
    """Block-style YAML with known (line, col) of every key and value, and the
    text of every scalar value as written ("raw", quotes included)."""

    def __init__(self):
        self.lines = []
        self.pos = {}

    def comment(self, text):
        self.lines.append("# " + text if text else "#")

    def _check(self, p, text):
        line, col = p
        got = self.lines[line - 1][col - 1:]
        assert got.startswith(text), (p, text, self.lines[line - 1])

    def mapping(self, d, indent=0, path=(), first_prefix=None):
        for i, (k, v) in enumerate(d.items()):
            first = i == 0 and first_prefix is not None
            prefix = first_prefix if first else " " * indent
            ln = len(self.lines) + 1
            entry = {"key": (ln, len(prefix) + 1)}
            self.pos[path + (k,)] = entry
            if first:
                self.pos[path] = {"val": (ln, len(prefix) + 1)}
            if v is None:
                self.lines.append(prefix + k + ":")
            elif isinstance(v, list) and not isinstance(v, Flow) and not v:
                entry["val"] = (ln, len(prefix) + len(k) + 3)
                entry["raw"] = "[]"
                self.lines.append(prefix + k + ": []")
            elif isinstance(v, dict) and not v:
                entry["val"] = (ln, len(prefix) + len(k) + 3)
                entry["raw"] = "{}"
                self.lines.append(prefix + k + ": {}")
            elif isinstance(v, dict):
                self.lines.append(prefix + k + ":")
                self.mapping(v, indent + 2, path + (k,))
            elif isinstance(v, list) and not isinstance(v, Flow):
                self.lines.append(prefix + k + ":")
                ip = " " * (indent + 2) + "- "
                for j, item in enumerate(v):
                    if isinstance(item, dict):
                        self.mapping(item, indent + 4, path + (k, j), first_prefix=ip)
                    else:
                        self.pos[path + (k, j)] = {"val": (len(self.lines) + 1, len(ip) + 1),
                                                   "raw": scalar_text(item)}
                        self.lines.append(ip + scalar_text(item))
            else:
                entry["val"] = (ln, len(prefix) + len(k) + 3)
                entry["raw"] = scalar_text(v)
                self.lines.append(prefix + k + ": " + scalar_text(v))
                self._check(entry["val"], scalar_text(v))
            self._check(entry["key"], k + ":")

    def text(self):
        return "\n".join(self.lines) + "\n"


def emit(doc, comments=()):
    e = Emitter()
    for c in comments:
        e.comment(c)
    e.mapping(doc)
    return e.text(), e.pos


# =================================================================== name pools

DEPARTMENTS = [
    ("Văn phòng HĐND và UBND thành phố", "van-phong-hdnd-ubnd", "cq"),
    ("Phòng Nội vụ", "phong-noi-vu", "cq"),
    ("Phòng Tư pháp", "phong-tu-phap", "cq"),
    ("Phòng Tài chính - Kế hoạch", "phong-tai-chinh-ke-hoach", "cq"),
    ("Phòng Kinh tế", "phong-kinh-te", "cq"),
    ("Phòng Quản lý đô thị", "phong-quan-ly-do-thi", "cq"),
    ("Phòng Tài nguyên và Môi trường", "phong-tai-nguyen-moi-truong", "cq"),
    ("Phòng Văn hóa và Thông tin", "phong-van-hoa-thong-tin", "cq"),
    ("Phòng Giáo dục và Đào tạo", "phong-giao-duc-dao-tao", "cq"),
    ("Phòng Y tế", "phong-y-te", "cq"),
    ("Phòng Lao động - Thương binh và Xã hội", "phong-lao-dong-tbxh", "cq"),
    ("Thanh tra thành phố", "thanh-tra", "cq"),
    ("Ban Quản lý dự án đầu tư xây dựng", "ban-qlda-dtxd", "sn"),
    ("Trung tâm Phát triển quỹ đất", "trung-tam-phat-trien-quy-dat", "sn"),
    ("Trung tâm Văn hóa, Thể thao và Truyền thanh", "trung-tam-van-hoa-the-thao", "sn"),
    ("Ban Quản lý các chợ", "ban-quan-ly-cho", "sn"),
    ("Đội Quản lý trật tự đô thị", "doi-quan-ly-trat-tu-do-thi", "sn"),
    ("Công an thành phố", "cong-an-thanh-pho", "nganh"),
    ("Chi cục Thuế khu vực", "chi-cuc-thue", "nganh"),
    ("Chi nhánh Văn phòng Đăng ký đất đai", "chi-nhanh-vp-dang-ky-dat-dai", "nganh"),
    ("Bảo hiểm xã hội thành phố", "bao-hiem-xa-hoi", "nganh"),
    ("Kho bạc Nhà nước thành phố", "kho-bac-nha-nuoc", "nganh"),
    ("Trung tâm Y tế thành phố", "trung-tam-y-te", "sn"),
    ("Ban Chỉ huy quân sự thành phố", "ban-chi-huy-quan-su", "nganh"),
]
SYL1 = ["Tịnh", "Nghĩa", "Đức", "Phổ", "Bình", "Hành", "Tư", "Ba", "Sơn", "Trà", "Long",
        "Minh", "Mộ", "An", "Hòa", "Quảng", "Thạch", "Điện", "Hương", "Cẩm"]
SYL2 = ["An", "Hòa", "Thạnh", "Phú", "Lộc", "Thọ", "Châu", "Hiệp", "Kỳ", "Khê", "Long",
        "Thuận", "Dũng", "Hà", "Ấn", "Phong", "Thiện", "Minh", "Trung", "Lợi", "Vinh",
        "Đông", "Nghĩa", "Hưng", "Quang"]
SYL3 = ["Đông", "Tây", "Nam", "Bắc"]
WARDS = ["Trần Phú", "Lê Hồng Phong", "Nguyễn Nghiêm", "Trần Hưng Đạo", "Chánh Lộ",
         "Nghĩa Chánh", "Nghĩa Lộ", "Quảng Phú", "Trương Quang Trọng", "Lê Lợi",
         "Phan Đình Phùng", "Hai Bà Trưng", "Quang Trung", "Nguyễn Du", "Trần Quốc Toản",
         "Lý Thường Kiệt", "Hoàng Văn Thụ", "Điện Biên Phủ"]
SCHOOL_NAMES = ["Nguyễn Trãi", "Lê Quý Đôn", "Chu Văn An", "Trần Quốc Tuấn", "Võ Thị Sáu",
                "Phạm Văn Đồng", "Huỳnh Thúc Kháng", "Nguyễn Bỉnh Khiêm", "Lương Thế Vinh",
                "Kim Đồng", "Nguyễn Văn Trỗi", "Lê Văn Tám", "Bùi Thị Xuân", "Tô Hiến Thành"]

AREAS = [
    "Công tác chỉ đạo, điều hành cải cách hành chính",
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
]
TASK_TEXT = {
    0: ["Ban hành Kế hoạch cải cách hành chính năm {y}", "Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị",
        "Tuyên truyền về cải cách hành chính trên các phương tiện thông tin đại chúng",
        "Tổ chức Hội nghị sơ kết công tác cải cách hành chính", "Đánh giá, xếp hạng chỉ số cải cách hành chính các cơ quan, đơn vị"],
    1: ["Nâng cao chất lượng công tác soạn thảo, thẩm định văn bản quy phạm pháp luật",
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "Tự kiểm tra, xử lý văn bản quy phạm pháp luật",
        "Theo dõi tình hình thi hành pháp luật", "Phổ biến, giáo dục pháp luật cho cán bộ, công chức"],
    2: ["Công bố, công khai thủ tục hành chính trên Cổng dịch vụ công", "Rà soát, đơn giản hóa thủ tục hành chính",
        "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Nâng cao chất lượng hoạt động của Bộ phận Một cửa", "Thực hiện thanh toán trực tuyến phí, lệ phí"],
    3: ["Rà soát chức năng, nhiệm vụ, cơ cấu tổ chức các cơ quan chuyên môn", "Sắp xếp đơn vị hành chính cấp xã",
        "Thực hiện phân cấp, ủy quyền trong quản lý nhà nước", "Quản lý biên chế, vị trí việc làm"],
    4: ["Chuyển đổi vị trí công tác đối với cán bộ, công chức", "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
        "Đánh giá, xếp loại chất lượng cán bộ, công chức", "Tăng cường kỷ luật, kỷ cương hành chính"],
    5: ["Thực hiện cơ chế tự chủ tài chính đối với đơn vị sự nghiệp công lập", "Quản lý, sử dụng tài sản công",
        "Thực hành tiết kiệm, chống lãng phí", "Giải ngân vốn đầu tư công"],
    6: ["Sử dụng chữ ký số trong văn bản điện tử", "Vận hành Hệ thống quản lý văn bản và điều hành",
        "Cung cấp dịch vụ công trực tuyến toàn trình", "Xây dựng cơ sở dữ liệu chuyên ngành",
        "Bảo đảm an toàn thông tin mạng"],
}
TEXT_POOL = [
    "Đã triển khai thực hiện theo kế hoạch.",
    "Đã ban hành văn bản hướng dẫn các đơn vị thực hiện.",
    "Đang phối hợp với các cơ quan liên quan để hoàn thiện hồ sơ.",
    "Tổ chức 02 lớp tập huấn cho 120 lượt cán bộ, công chức.",
    "Đã rà soát 35 văn bản, đề nghị sửa đổi 03 văn bản.",
    "Kết quả đạt 100% chỉ tiêu đề ra.",
    "Chưa triển khai do chờ hướng dẫn của cấp trên.",
    "Đã cập nhật số liệu lên Hệ thống thông tin báo cáo.",
    "Ghi chú: mục #3 \"chưa xong\", xem tệp C:\\bao-cao\\2024.docx",
    "**Quan trọng**: đề xuất bổ sung kinh phí {{ kinh_phi }} cho năm sau.",
    "Nội dung có ký tự <w:p> và & cần giữ nguyên.",
    "Dòng thứ nhất.\nDòng thứ hai: đã hoàn thành 80% khối lượng.",
    "Thực hiện tốt; không có vướng mắc; 'đúng hạn'.",
]
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Long", "Phạm Thị Thu Hà", "Võ Minh Đức",
          "Huỳnh Ngọc Ánh", "Đặng Quốc Việt", "Bùi Thị Hường"]
LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q",
           "r", "s", "t", "u", "v", "x", "y"]

GROUP_DEFS = [
    ("co-quan-chuyen-mon", "Các cơ quan chuyên môn thuộc UBND thành phố", lambda u: u["kind"] == "cq"),
    ("don-vi-su-nghiep", "Các đơn vị sự nghiệp công lập thuộc UBND thành phố", lambda u: u["kind"] in ("sn", "truong")),
    ("co-quan-don-vi", "Các cơ quan, đơn vị thuộc UBND thành phố", lambda u: u["kind"] in ("cq", "sn")),
    ("co-quan-giai-quyet-tthc", "Các cơ quan giải quyết thủ tục hành chính", lambda u: u.get("tthc", False)),
    ("xa-phuong", "UBND các xã, phường", lambda u: u["kind"] in ("xa", "phuong")),
    ("phuong", "UBND các phường", lambda u: u["kind"] == "phuong"),
    ("xa", "UBND các xã", lambda u: u["kind"] == "xa"),
    ("truong-hoc", "Các trường học trực thuộc", lambda u: u["kind"] == "truong"),
]

INDICATORS = [
    # ma, ten, dvt, linh_vuc index, value kind
    ("vb_qppl_ban_hanh", "Số văn bản QPPL được ban hành", "văn bản", 1, "small"),
    ("vb_qppl_ra_soat", "Số văn bản QPPL được rà soát", "văn bản", 1, "mid"),
    ("tthc_cong_bo", "Số TTHC được công bố, công khai", "thủ tục", 2, "mid"),
    ("tthc_don_gian_hoa", "Số TTHC được đơn giản hóa", "thủ tục", 2, "small"),
    ("hs_tiep_nhan", "Số hồ sơ TTHC tiếp nhận", "hồ sơ", 2, "big"),
    ("hs_dung_han", "Số hồ sơ giải quyết đúng hạn", "hồ sơ", 2, "big"),
    ("hs_tre_han", "Số hồ sơ giải quyết trễ hạn", "hồ sơ", 2, "big"),
    ("hs_truc_tuyen", "Số hồ sơ trực tuyến toàn trình", "hồ sơ", 6, "big"),
    ("hs_so_hoa", "Số hồ sơ được số hóa", "hồ sơ", 2, "big"),
    ("hs_thanh_toan_tt", "Số hồ sơ thanh toán trực tuyến", "hồ sơ", 6, "big"),
    ("pakn_tiep_nhan", "Số phản ánh, kiến nghị tiếp nhận", "phản ánh", 2, "small"),
    ("pakn_xu_ly", "Số phản ánh, kiến nghị đã xử lý", "phản ánh", 2, "small"),
    ("cuoc_kiem_tra", "Số cuộc kiểm tra CCHC", "cuộc", 0, "small"),
    ("luot_dao_tao", "Số lượt cán bộ được đào tạo, bồi dưỡng", "lượt", 4, "mid"),
    ("cong_chuc_chuyen_doi", "Số công chức chuyển đổi vị trí công tác", "người", 4, "small"),
    ("dv_tu_chu", "Số đơn vị sự nghiệp tự chủ tài chính", "đơn vị", 5, "tiny"),
    ("vb_ky_so", "Số văn bản điện tử có ký số", "văn bản", 6, "big"),
    ("vb_phat_hanh", "Số văn bản phát hành", "văn bản", 6, "big"),
    ("kinh_phi_cchc", "Kinh phí bố trí cho CCHC", "triệu đồng", 5, "money"),
    ("kinh_phi_da_chi", "Kinh phí CCHC đã giải ngân", "triệu đồng", 5, "money"),
]
RATIOS = [
    ("ty_le_dung_han", "Tỷ lệ hồ sơ giải quyết đúng hạn", 2, "hs_dung_han", "hs_tiep_nhan"),
    ("ty_le_tre_han", "Tỷ lệ hồ sơ giải quyết trễ hạn", 2, "hs_tre_han", "hs_tiep_nhan"),
    ("ty_le_truc_tuyen", "Tỷ lệ hồ sơ trực tuyến toàn trình", 6, "hs_truc_tuyen", "hs_tiep_nhan"),
    ("ty_le_so_hoa", "Tỷ lệ hồ sơ được số hóa", 2, "hs_so_hoa", "hs_tiep_nhan"),
    ("ty_le_xu_ly_pakn", "Tỷ lệ phản ánh, kiến nghị được xử lý", 2, "pakn_xu_ly", "pakn_tiep_nhan"),
    ("ty_le_ky_so", "Tỷ lệ văn bản có ký số", 6, "vb_ky_so", "vb_phat_hanh"),
    ("ty_le_giai_ngan", "Tỷ lệ giải ngân kinh phí CCHC", 5, "kinh_phi_da_chi", "kinh_phi_cchc"),
]


def slug(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    out = []
    for c in s:
        out.append(c if c.isalnum() and c.isascii() else "-")
    return "-".join(p for p in "".join(out).split("-") if p)


# =================================================================== generator

class Gen:
    def __init__(self, seed, n_units, n_tasks, year, workbooks=False):
        self.workbooks = workbooks
        self.rng = random.Random(seed)
        self.seed = seed
        self.n_units = n_units
        self.n_tasks = n_tasks
        self.year = year
        self.files = []        # dicts: path, text|bytes, doc, pos, parse_error, skipped, note
        self.paths = set()
        self.notes = []        # human-readable scenario log

    # ------------------------------------------------------------ config
    def gen_config(self):
        r = self.rng
        self.chot = "nd09" if r.random() < 0.6 else "lich"
        self.han = {"quy": r.randint(0, 7), "6t": r.randint(0, 7), "9t": r.randint(0, 7),
                    "nam": r.randint(0, 10)}
        self.config = {"chot_so_lieu": self.chot, "han_nop": dict(self.han)}
        doc = {
            "co_quan_chu_quan": "",
            "co_quan_ban_hanh": "ỦY BAN NHÂN DÂN THÀNH PHỐ THỬ NGHIỆM %d" % self.seed,
            "ten_co_quan": "UBND thành phố Thử Nghiệm %d" % self.seed,
            "ky_hieu": "BC-UBND",
            "dia_danh": "TP. Thử Nghiệm",
            "kinh_gui": "Ủy ban nhân dân tỉnh Thử Nghiệm",
            "nguoi_ky": {"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH",
                         "ho_ten": r.choice(PEOPLE)},
            "noi_nhan": ["UBND tỉnh Thử Nghiệm", "Sở Nội vụ", "TT Thành ủy, TT HĐND thành phố"],
            "luu": "VT, NV.",
            "chot_so_lieu": self.chot,
            "han_nop": dict(self.han),
        }
        return emit(doc, ["Cấu hình báo cáo (sinh ngẫu nhiên, seed %d)." % self.seed])[0]

    # ------------------------------------------------------------ registry
    def gen_registry(self):
        r = self.rng
        U = self.n_units
        n_dept = max(2, min(U // 3, len(DEPARTMENTS) + len(SCHOOL_NAMES) * 2))
        n_dept = min(n_dept, U - 1) if U > 2 else U
        units = []
        ids = set()

        def add(ten, ma, kind):
            base = ma
            k = 2
            while ma in ids:
                ma = "%s-%d" % (base, k)
                k += 1
            ids.add(ma)
            u = {"ma": ma, "ten": ten, "kind": kind}
            units.append(u)
            return u

        depts = list(DEPARTMENTS)
        for i in range(n_dept):
            if i < len(depts):
                ten, ma, kind = depts[i]
                u = add(ten, ma, kind)
            else:
                j = i - len(depts)
                lvl = "THCS" if j % 2 == 0 else "Tiểu học"
                ten = "Trường %s %s" % (lvl, SCHOOL_NAMES[(j // 2) % len(SCHOOL_NAMES)])
                u = add(ten, "truong-" + slug(ten.replace("Trường ", "")), "truong")
            u["tthc"] = u["kind"] in ("cq", "nganh") and r.random() < 0.6
        communes = []
        for i in range(U - n_dept):
            if r.random() < 0.3:
                nm = r.choice(WARDS) if r.random() < 0.6 else r.choice(SYL1) + " " + r.choice(SYL2)
                communes.append(("UBND phường " + nm, "ubnd-phuong-" + slug(nm), "phuong"))
            else:
                nm = r.choice(SYL1) + " " + r.choice(SYL2)
                if r.random() < 0.3:
                    nm += " " + r.choice(SYL3)
                communes.append(("UBND xã " + nm, "ubnd-xa-" + slug(nm), "xa"))
        r.shuffle(communes)
        for ten, ma, kind in communes:
            u = add(ten, ma, kind)
            u["tthc"] = True
        # groups
        n_groups = r.randint(3, 6)
        must = [GROUP_DEFS[4]]  # xa-phuong
        others = [g for g in GROUP_DEFS if g is not GROUP_DEFS[4]]
        r.shuffle(others)
        chosen = must + others[: n_groups - 1]
        chosen.sort(key=lambda g: GROUP_DEFS.index(g))
        groups = []
        for gid, gname, sel in chosen:
            groups.append({"ma": gid, "ten": gname, "sel": sel})
        for u in units:
            mem = [g["ma"] for g in groups if g["sel"](u)]
            r.shuffle(mem)
            mem = mem[:3]
            if r.random() < 0.07:
                mem = []
            u["nhom"] = mem
        for g in groups:
            if not any(g["ma"] in u["nhom"] for u in units):
                cands = [u for u in units if len(u["nhom"]) < 3]
                u = r.choice(cands)
                u["nhom"].append(g["ma"])
        self.units = units
        self.groups = groups
        self.registry = {"nhom": [{"ma": g["ma"], "ten": g["ten"]} for g in groups],
                         "don_vi": [{"ma": u["ma"], "ten": u["ten"], "nhom": list(u["nhom"])}
                                    for u in units]}
        doc = {"nhom": [{"ma": g["ma"], "ten": g["ten"]} for g in groups],
               "don_vi": [{"ma": u["ma"], "ten": u["ten"], "nhom": Flow(u["nhom"])} for u in units]}
        return emit(doc, ["Danh mục đơn vị và nhóm đơn vị (sinh ngẫu nhiên)."])[0]

    # ------------------------------------------------------------ plan
    def interesting_dates(self):
        y = self.year
        out = []
        for chot in ("nd09", "lich"):
            for k in oracle.PERIOD_KINDS:
                den = oracle.period_bounds("%d-%s" % (y, k), chot)[1]
                out += [den, den - TD(days=1), den + TD(days=1)]
        out += [D(y, 12, 31), D(y, 12, 14), D(y, 12, 15), D(y, 1, 31), D(y, 3, 31),
                D(y, 6, 30), D(y, 9, 30), D(y + 1, 3, 31)]
        return sorted(set(out))

    def gen_plan(self):
        r = self.rng
        y = self.year
        n_areas = r.randint(5, 7)
        counts = [1] * n_areas
        for _ in range(self.n_tasks - n_areas):
            counts[r.randrange(n_areas)] += 1
        area_names = AREAS[:n_areas] if r.random() < 0.5 else AREAS[1:] + AREAS[:1]
        area_names = area_names[:n_areas]
        units = self.units
        by_kind = {}
        for u in units:
            by_kind.setdefault(u["kind"], []).append(u["ma"])
        depts = [u["ma"] for u in units if u["kind"] not in ("xa", "phuong")]
        comms = [u["ma"] for u in units if u["kind"] in ("xa", "phuong")] or depts
        gids = [g["ma"] for g in self.groups]
        members = {g: [u["ma"] for u in units if g in u["nhom"]] for g in gids}
        idates = self.interesting_dates()

        def lead_refs():
            x = r.random()
            if x < 0.33:
                return [r.choice(depts)]
            if x < 0.45:
                return r.sample(depts, min(2, len(depts))) + ([r.choice(comms)] if r.random() < 0.5 else [])
            if x < 0.60:
                g = r.choice(gids)
                return [r.choice(depts), "@" + g]
            if x < 0.70:
                gs = r.sample(gids, 2)
                return ["@" + gs[0], "@" + gs[1]]
            if x < 0.80:
                g = r.choice(gids)
                return ["@" + g, r.choice(members[g])]
            if x < 0.90:
                g = r.choice(gids)
                others = [u for u in depts if u not in members[g]] or depts
                return [r.choice(members[g]), "@" + g, r.choice(others)]
            return r.sample(comms, min(len(comms), r.randint(2, 3)))

        def coord_refs():
            x = r.random()
            if x < 0.4:
                return []
            if x < 0.75:
                return r.sample(depts, min(len(depts), r.randint(1, 3)))
            if x < 0.9:
                return ["@" + r.choice(gids)]
            return [r.choice(depts), "@" + r.choice(gids), r.choice(comms)]

        areas = []
        for ai in range(n_areas):
            ama = str(ai + 1)
            text_pool = TASK_TEXT[AREAS.index(area_names[ai])]
            letters = list(LETTERS)
            if counts[ai] < len(letters) - 1 and r.random() < 0.25:
                del letters[r.randrange(1, counts[ai] + 1)]     # the plan skips a letter
            quirk = counts[ai] >= 4 and r.random() < 0.3
            tasks = []
            for ti in range(counts[ai]):
                tid = "%s.%s" % (ama, letters[ti]) if ti < len(letters) else "%s.%d" % (ama, ti + 1)
                t = {"ma": tid}
                if quirk and ti == 3:
                    t["nhan"] = "c)"
                elif r.random() < 0.15:
                    t["nhan"] = (letters[ti] if ti < len(letters) else str(ti + 1)) + ")"
                t["noi_dung"] = r.choice(text_pool).format(y=y) + (
                    "." if r.random() < 0.5 else " trên địa bàn thành phố.")
                t["chu_tri"] = lead_refs()
                t["phoi_hop"] = coord_refs()
                if r.random() < 0.3:
                    t["phoi_hop_khac"] = "Các cơ quan, đơn vị có liên quan"
                t["san_pham"] = r.choice(["Báo cáo kết quả thực hiện", "Kế hoạch được ban hành",
                                          "100% hồ sơ được giải quyết đúng hạn", "Văn bản chỉ đạo"])
                x = r.random()
                if x < 0.28:
                    th = {"mo_ta": "Thường xuyên trong năm.", "thuong_xuyen": True}
                elif x < 0.38:
                    th = {"mo_ta": "Theo chỉ đạo của UBND tỉnh.", "thuong_xuyen": False}
                else:
                    n = r.choice([1, 1, 1, 2, 3])
                    ds = sorted(set(r.choice(idates) if r.random() < 0.7 else
                                    D(y, 1, 1) + TD(days=r.randrange(365)) for _ in range(n)))
                    last = ds[-1]
                    tx = r.random() < 0.2
                    th = {"mo_ta": ("Thường xuyên; " if tx else "") + "Trước ngày %s." % last.strftime("%d/%m/%Y"),
                          "thuong_xuyen": tx,
                          "moc": [{"ngay": d, "viec": r.choice(["Ban hành kế hoạch", "Báo cáo kết quả",
                                                                "Hoàn thành", "Sơ kết"])} for d in ds]}
                t["thoi_han"] = th
                tasks.append(t)
            areas.append({"ma": ama, "ten": area_names[ai], "nhiem_vu": tasks})
        self.plan = {"nam": y, "linh_vuc": areas}
        doc = {
            "so_ky_hieu": "/KH-UBND",
            "trich_yeu": "Cải cách hành chính thành phố Thử Nghiệm năm %d" % y,
            "nam": y,
            "linh_vuc": [],
        }
        for a in areas:
            ad = {"ma": a["ma"], "ten": a["ten"], "nhiem_vu": []}
            for t in a["nhiem_vu"]:
                td = {"ma": t["ma"]}
                if "nhan" in t:
                    td["nhan"] = t["nhan"]
                td["noi_dung"] = t["noi_dung"]
                td["chu_tri"] = Flow(t["chu_tri"])
                td["phoi_hop"] = Flow(t["phoi_hop"])
                if "phoi_hop_khac" in t:
                    td["phoi_hop_khac"] = t["phoi_hop_khac"]
                td["san_pham"] = t["san_pham"]
                td["thoi_han"] = dict(t["thoi_han"])
                ad["nhiem_vu"].append(td)
            doc["linh_vuc"].append(ad)
        return emit(doc, ["Kế hoạch CCHC năm %d (sinh ngẫu nhiên)." % y])[0]

    # ------------------------------------------------------------ catalogue
    def gen_catalogue(self):
        r = self.rng
        n_areas = len(self.plan["linh_vuc"])
        total = r.randint(6, 12)
        ratios = r.sample(RATIOS, r.randint(1, 3))
        names = []
        for rt in ratios:
            for c in (rt[3], rt[4]):
                if c not in names:
                    names.append(c)
        while len(names) + len(ratios) > 12:
            ratios.pop()
            names = []
            for rt in ratios:
                for c in (rt[3], rt[4]):
                    if c not in names:
                        names.append(c)
        pool = [i[0] for i in INDICATORS if i[0] not in names]
        r.shuffle(pool)
        while len(names) + len(ratios) < total and pool:
            names.append(pool.pop())
        info = {i[0]: i for i in INDICATORS}
        cat = []
        for n in names:
            i = info[n]
            cat.append({"ma": n, "ten": i[1], "don_vi_tinh": i[2],
                        "linh_vuc": str(min(i[3], n_areas - 1) + 1), "cach_tinh": "tong",
                        "_kind": i[4]})
        for rt in ratios:
            cat.append({"ma": rt[0], "ten": rt[1], "don_vi_tinh": "%",
                        "linh_vuc": str(min(rt[2], n_areas - 1) + 1), "cach_tinh": "ty_le",
                        "tu_so": rt[3], "mau_so": rt[4]})
        r.shuffle(cat)
        self.catalogue = cat
        self.tong = [c["ma"] for c in cat if c["cach_tinh"] == "tong"]
        self.ratios = [c for c in cat if c["cach_tinh"] == "ty_le"]
        # special modes
        self.never = set()
        self.zero = set()
        free = [m for m in self.tong if not any(m in (x["tu_so"], x["mau_so"]) for x in self.ratios)]
        if free and r.random() < 0.5:
            self.never.add(r.choice(free))
        if r.random() < 0.35:
            rt = r.choice(self.ratios)
            self.zero.add(rt["mau_so"])
            for x in self.ratios:
                if x["mau_so"] in self.zero:
                    self.zero.add(x["tu_so"])
        elif r.random() < 0.3:
            rt = r.choice(self.ratios)
            self.never.add(rt["tu_so"])      # ratio with a null numerator sum
        self.maus = {}
        for x in self.ratios:
            self.maus.setdefault(x["tu_so"], []).append(x["mau_so"])
        doc = {"chi_tieu": []}
        for c in cat:
            d = {k: v for k, v in c.items() if not k.startswith("_")}
            doc["chi_tieu"].append(d)
        return emit(doc, ["Danh mục chỉ tiêu (sinh ngẫu nhiên)."])[0]

    # ------------------------------------------------------------ helpers
    def ctx(self):
        return oracle.Context(self.registry, {self.year: self.plan}, self.catalogue, self.config)

    def add_file(self, path, text=None, doc=None, pos=None, parse_error=None, skipped=None,
                 raw_bytes=None, encoding="utf-8", crlf=False, note="", mtime=None, period=None):
        """Register one file under nop/.  `skipped` (when given) must agree
        with the §2.4 skip rules.  `mtime` (ns since the epoch) defaults to
        a time on the file's ngay_bao_cao, else early in `period` (or the
        period in the file's name)."""
        assert path not in self.paths, path
        self.paths.add(path)
        kind = oracle.file_kind(path)
        if skipped is not None:
            assert (kind == "skip") == skipped, (path, kind)
        if mtime is None:
            mtime = self.default_mtime(doc, period or oracle.name_period(path))
        self.files.append({"path": path, "text": text, "doc": doc, "pos": pos,
                           "parse_error": parse_error, "kind": kind, "skipped": kind == "skip",
                           "bytes": raw_bytes, "encoding": encoding, "crlf": crlf, "note": note,
                           "mtime": mtime})

    # -- modification times
    @staticmethod
    def epoch(d):
        return int(dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc).timestamp())

    def mtime_on(self, d):
        """A time of day on date d (ns): files are saved on the day they are dated."""
        return (self.epoch(d) + 7 * 3600 + self.rng.randrange(0, 10 * 3600)) * 10 ** 9

    def default_mtime(self, doc, period):
        r = self.rng
        d = None
        if isinstance(doc, dict) and "ngay_bao_cao" in doc:
            d = oracle.parse_date(doc["ngay_bao_cao"])
        if d is not None:
            return self.mtime_on(d)
        # Files without a readable date are older than every dated file of
        # their period (even one dated up to 60 days before its start), so
        # that "latest file" reads the same whether it orders by ngay_bao_cao
        # or by modification time (AMBIGUITY 7).
        if period is not None and oracle.period_year(period) == self.year:
            tu = oracle.period_bounds(period, self.chot)[0]
        else:
            tu = D(self.year - 1, 12, 1)
        return (self.epoch(tu - TD(days=100)) + r.randrange(0, 5 * 86400)) * 10 ** 9

    def ky_text(self, P):
        return P.lower() if self.rng.random() < 0.2 else P

    def date_value(self, d, fmt=None):
        """A date in one of the forms §2.4 accepts silently."""
        r = self.rng
        if fmt is None:
            x = r.random()
            fmt = ("iso" if x < 0.6 else "iso_q" if x < 0.66 else "vn" if x < 0.8 else
                   "vn_short" if x < 0.87 else "dash" if x < 0.94 else "dot")
        if fmt == "iso":
            return d
        if fmt == "iso_q":
            return d.isoformat()
        s = {"vn": "%02d/%02d/%d" % (d.day, d.month, d.year),
             "vn_short": "%d/%d/%d" % (d.day, d.month, d.year),
             "dash": "%02d-%02d-%d" % (d.day, d.month, d.year),
             "dot": "%02d.%02d.%d" % (d.day, d.month, d.year)}[fmt]
        return s if r.random() < 0.6 else Raw(s, s)

    def status_value(self, code):
        r = self.rng
        if r.random() < 0.7:
            return code
        label = oracle.STATUS_LABELS[code]
        x = r.random()
        da = "Đã "
        if x < 0.35:
            s = label
        elif x < 0.55:
            s, da = label.lower(), "đã "
        elif x < 0.8:
            s, da = label.upper(), "ĐÃ "
        else:
            s = "".join(c.upper() if r.random() < 0.5 else c.lower() for c in label)
        if code == "hoan_thanh" and r.random() < 0.35:
            s = da + s
        if r.random() < 0.35:
            s = unicodedata.normalize("NFD", s)
        return s

    def text(self):
        s = self.rng.choice(TEXT_POOL)
        if self.rng.random() < 0.15:
            s = unicodedata.normalize("NFD", s)
        return s

    def base_status(self, P, tma):
        key = (P, tma)
        if key not in self._base:
            due = self.due_in(P, tma)
            w = ([("hoan_thanh", 55), ("cham_tien_do", 20), ("dang_thuc_hien", 20), ("chua_thuc_hien", 5)]
                 if due else
                 [("hoan_thanh", 20), ("dang_thuc_hien", 55), ("chua_thuc_hien", 15), ("cham_tien_do", 10)])
            self._base[key] = self.rng.choices([a for a, _ in w], [b for _, b in w])[0]
        return self._base[key]

    def due_in(self, P, tma):
        t = self.octx.tasks[self.year][tma]
        dd = oracle.task_due_date(t, self.year, self.config)
        return dd is not None and dd <= oracle.period_bounds(P, self.chot)[1]

    def unit_scope(self, u):
        return self.lead_of.get(u, []), self.coord_of.get(u, [])

    def free_indicators(self):
        """Count indicators that take part in no ratio and are submitted."""
        in_ratio = set()
        for x in self.ratios:
            in_ratio |= {x["tu_so"], x["mau_so"]}
        return [m for m in self.tong if m not in in_ratio and m not in self.never and m not in self.zero]

    # ------------------------------------------------------------ contents
    def indicators_for(self, u, outside_warning=False):
        """Integer counts (§2.4: counts are integers 0 ... 10^12)."""
        r = self.rng
        kind = self.unit_kind[u]
        p = 0.45 if kind not in ("xa", "phuong") else 0.6
        vals = {}
        maus = set(x["mau_so"] for x in self.ratios)
        order = [m for m in self.tong if m in maus] + [m for m in self.tong if m not in maus]
        info = {c["ma"]: c for c in self.catalogue}
        for m in order:
            if m in self.never or r.random() > p:
                continue
            k = info[m]["_kind"]
            if m in self.zero:
                v = 0
            else:
                hi = {"tiny": 3, "small": 40, "mid": 300, "big": 4000, "money": 50000}[k]
                v = r.randint(0, hi)
                bounds = [vals[mm] for mm in self.maus.get(m, []) if mm in vals]
                if bounds:
                    v = r.randint(0, min(bounds))
            vals[m] = v
        if outside_warning:
            # force one numerator above its denominator (warning, file valid)
            cands = [x for x in self.ratios if x["mau_so"] not in self.zero
                     and x["tu_so"] not in self.never and x["mau_so"] not in self.never]
            if cands:
                x = r.choice(cands)
                mau = vals.get(x["mau_so"])
                if mau is None:
                    mau = r.randint(1, 50)
                    vals[x["mau_so"]] = mau
                    # keep other ratios with this denominator consistent
                    for y in self.ratios:
                        if y["mau_so"] == x["mau_so"] and y["tu_so"] in vals and y is not x \
                                and vals[y["tu_so"]] > mau:
                            vals[y["tu_so"]] = mau
                vals[x["tu_so"]] = mau + r.randint(1, 9)
                # a numerator that is also bounded by another denominator
                for y in self.ratios:
                    if y is not x and y["tu_so"] == x["tu_so"] and y["mau_so"] in vals:
                        vals[y["mau_so"]] = max(vals[y["mau_so"]], vals[x["tu_so"]])
        ordered = {m: vals[m] for m in self.tong if m in vals}
        return ordered

    def task_items(self, u, P, d, outside=False, restrict=None, force_one=False):
        r = self.rng
        leads, coords = self.unit_scope(u)
        chosen = [t for t in leads if r.random() < 0.85] + [t for t in coords if r.random() < 0.35]
        if restrict is not None:
            chosen = [t for t in chosen if t in restrict]
            if force_one and not chosen and restrict:
                chosen = [sorted(restrict, key=self.task_index.get)[0]]
        if force_one and not chosen:
            allsc = leads + coords
            if allsc:
                chosen = [r.choice(allsc)]
        if outside:
            scope = set(leads) | set(coords)
            others = [t for t in self.task_ids if t not in scope]
            if others:
                chosen.append(r.choice(others))
        chosen = sorted(set(chosen), key=self.task_index.get)
        if r.random() < 0.2:
            r.shuffle(chosen)
        tu, den = oracle.period_bounds(P, self.chot)
        last = min(den, d) if d is not None else den
        items = []
        for t in chosen:
            code = self.base_status(P, t) if r.random() < 0.88 else \
                r.choices(oracle.STATUS_CODES, [35, 35, 10, 20])[0]
            it = {"ma": t, "trang_thai": self.status_value(code)}
            if r.random() < 0.6:
                x = {"hoan_thanh": 100, "chua_thuc_hien": 0}.get(code, r.randint(5, 95))
                if code not in ("hoan_thanh", "chua_thuc_hien") and r.random() < 0.1:
                    x = x + 0.5
                it["tien_do"] = x
            if r.random() < 0.7:
                it["ket_qua"] = self.text()
            if r.random() < 0.12:
                prods = []
                for _ in range(r.randint(1, 2)):
                    # on or before ngay_bao_cao (a later date is a warning)
                    pd = tu + TD(days=r.randrange(max(1, (last - tu).days + 1)))
                    prods.append({"so_ky_hieu": "%d/%d/QĐ-UBND" % (r.randint(1, 300), self.year),
                                  "ngay": self.date_value(pd),
                                  "trich_yeu": "Ban hành Quy chế phối hợp"})
                it["san_pham"] = prods
            if r.random() < 0.08:
                it["kho_khan"] = self.text()
            items.append(it)
        return items

    def content(self, u, P, d, date_fmt=None, outside=False, ratio_warn=False, restrict=None,
                force_task=False, ky=None):
        r = self.rng
        doc = {"don_vi": u, "ky_bao_cao": ky if ky is not None else self.ky_text(P),
               "ngay_bao_cao": self.date_value(d, date_fmt) if d is not None else None}
        if r.random() < 0.7:
            doc["nguoi_lap"] = r.choice(PEOPLE)
        if r.random() < 0.5:
            doc["so_ky_hieu"] = "%d/BC-%s" % (r.randint(1, 99), u.split("-")[-1].upper()[:6])
        doc["nhiem_vu"] = self.task_items(u, P, d, outside=outside, restrict=restrict, force_one=force_task)
        ct = self.indicators_for(u, outside_warning=ratio_warn)
        if ct:
            doc["chi_tieu"] = ct
        if r.random() < 0.3:
            doc["chi_dao_dieu_hanh"] = self.text()
        for k in ("kho_khan", "kien_nghi", "phuong_huong"):
            if r.random() < 0.25:
                doc[k] = [self.text() for _ in range(r.randint(1, 2))]
        return doc

    def not_empty(self, u, P, doc):
        """Make sure a file that must carry no warning lists something
        (an empty report is a warning)."""
        if not doc.get("nhiem_vu") and not doc.get("chi_tieu"):
            free = self.free_indicators()
            if free:
                doc["chi_tieu"] = {free[0]: self.rng.randint(0, 30)}
            else:
                doc["nhiem_vu"] = [{"ma": self.rng.choice(self.task_ids), "trang_thai": "dang_thuc_hien"}]
                leads, coords = self.unit_scope(u)
                if leads + coords:
                    doc["nhiem_vu"][0]["ma"] = (leads + coords)[0]
                else:
                    return False
        return True

    def write_doc(self, path, doc, note="", enc=None, crlf=None, comments=None, mtime=None):
        r = self.rng
        if comments is None:
            comments = ["Báo cáo tiến độ CCHC — %s" % self.unit_name.get(doc.get("don_vi"), "")] \
                if r.random() < 0.8 else []
        text, pos = emit(doc, comments)
        if enc is None:
            x = r.random()
            enc = "utf-8" if x < 0.86 else ("utf-8-sig" if x < 0.95 else "utf-16")
        if crlf is None:
            crlf = r.random() < 0.1
        parsed = to_parsed(doc)
        self.add_file(path, text=text, doc=parsed, pos=pos, encoding=enc, crlf=crlf, note=note,
                      mtime=mtime)

    def report_date(self, P, late=False, before=None, after=None):
        r = self.rng
        _, den = oracle.period_bounds(P, self.chot)
        dl = oracle.deadline(P, self.config)
        if late:
            d = dl + TD(days=r.randint(1, 12))
        else:
            d = dl - TD(days=r.randint(0, 12 + self.han[oracle.han_nop_key(P)]))
        if before is not None and d >= before:
            d = before - TD(days=r.randint(1, 5))
        if after is not None and d <= after:
            d = after + TD(days=r.randint(1, 5))
        return d

    def fname(self, P, suffix=""):
        r = self.rng
        base = self.ky_text(P) + suffix
        if r.random() < 0.1:
            # a name without a period code: the period is ky_bao_cao alone
            base = "bao-cao-" + NO_CODE_NAME[oracle.period_kind(P)] + suffix
        x = r.random()
        ext = ".yaml" if x < 0.8 else (".yml" if x < 0.95 else ".YAML")
        return base + ext

    # ------------------------------------------------------------ scenarios
    def gen_submissions(self):
        r = self.rng
        y = self.year
        self.octx = self.ctx()
        self._base = {}
        self.task_ids = [t["ma"] for a in self.plan["linh_vuc"] for t in a["nhiem_vu"]]
        self.task_index = {t: i for i, t in enumerate(self.task_ids)}
        self.unit_ids = [u["ma"] for u in self.units]
        self.unit_kind = {u["ma"]: u["kind"] for u in self.units}
        self.unit_name = {u["ma"]: u["ten"] for u in self.units}
        self.lead_of, self.coord_of = {}, {}
        for t in self.task_ids:
            L = self.octx.leads(y, t)
            for u in L:
                self.lead_of.setdefault(u, []).append(t)
            for u in self.octx.expand(self.octx.tasks[y][t].get("phoi_hop")):
                if u not in L:
                    self.coord_of.setdefault(u, []).append(t)

        kinds = oracle.PERIOD_KINDS
        k = r.randint(2, 4)
        pool = [x for x in kinds if x != "NAM"]
        chosen = r.sample(pool, k - 1) + (["NAM"] if r.random() < 0.7 else r.sample(
            [x for x in pool], 1))
        chosen = sorted(set(chosen), key=kinds.index)
        while len(chosen) < 2:
            chosen = sorted(set(chosen + [r.choice(kinds)]), key=kinds.index)
        self.periods = ["%d-%s" % (y, x) for x in chosen]

        special = {P: set() for P in self.periods}
        with_scope = [u for u in self.unit_ids if self.lead_of.get(u) or self.coord_of.get(u)]

        def pick(P, need_scope=False, exclude=()):
            cands = [u for u in (with_scope if need_scope else self.unit_ids)
                     if u not in special[P] and u not in exclude]
            if not cands:
                return None
            u = r.choice(cands)
            special[P].add(u)
            return u

        self.pick = pick
        log = self.notes.append

        # ---- once-per-seed scenarios, each in a random period
        need_task = ("unknown_status", "tien_do_150", "dup_task", "unknown_key", "tien_do_negative",
                     "tien_do_text", "product_date_impossible", "product_date_form")
        for kind in INVALID_KINDS:
            for variant in ("only", "plus_older_valid"):
                P = r.choice(self.periods)
                u = pick(P, need_scope=kind in need_task)
                if u is None:
                    continue
                self.sc_invalid(P, u, kind, variant)
                log("%s %s: invalid file (%s), %s" % (P, u, kind, variant))

        for name in ONCE_SCENARIOS + (["workbook_not_form"] if self.workbooks else []):
            P = r.choice(self.periods)
            u = pick(P, need_scope=name in NEED_SCOPE)
            if u is None:
                continue
            if getattr(self, "sc_" + name)(P, u, pick) is False:
                log("%s %s: %s (not possible here)" % (P, u, name))
                continue
            log("%s %s: %s" % (P, u, name))

        # ---- per-period scenarios
        for P in self.periods:
            for name in PERIOD_SCENARIOS:
                u = pick(P, need_scope=name in NEED_SCOPE)
                if u is None:
                    continue
                if getattr(self, "sc_" + name)(P, u, pick) is False:
                    log("%s %s: %s (not possible here)" % (P, u, name))
                    continue
                log("%s %s: %s" % (P, u, name))

        # ---- everyone else
        for P in self.periods:
            for u in self.unit_ids:
                if u in special[P]:
                    continue
                if r.random() > 0.85:
                    continue
                late = r.random() < 0.12
                d = self.report_date(P, late=late)
                doc = self.content(u, P, d, outside=r.random() < 0.02, ratio_warn=r.random() < 0.01)
                self.write_doc("nop/%s/%s" % (u, self.fname(P)), doc)
                if r.random() < 0.04:
                    d2 = d + TD(days=r.randint(1, 6))
                    doc2 = self.content(u, P, d2)
                    self.write_doc("nop/%s/%s" % (u, self.fname(P, "-lan-2")), doc2, note="resubmit")

        # ---- files that count for no period / are skipped
        self.sc_global()

    # -- invalid files
    def sc_invalid(self, P, u, kind, variant):
        r = self.rng
        late = r.random() < 0.2
        d = self.report_date(P, late=late)
        if variant == "plus_older_valid":
            d0 = d - TD(days=r.randint(1, 6))
            self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d0),
                           note="valid, older than an invalid file")
        doc = self.content(u, P, d, force_task=kind in (
            "unknown_status", "tien_do_150", "dup_task", "tien_do_negative", "tien_do_text",
            "product_date_impossible", "product_date_form"), date_fmt="iso")
        nv = doc["nhiem_vu"]
        ct = doc.setdefault("chi_tieu", {})
        tu, den = oracle.period_bounds(P, self.chot)
        free = self.free_indicators()
        any_count = r.choice(free or self.tong)
        if kind == "unknown_task":
            area = r.choice(self.plan["linh_vuc"])["ma"]
            bogus = "%s.%s" % (area, r.choice(["w", "z", "aa", "99"]))
            while bogus in self.task_index:
                bogus += "x"
            nv.insert(r.randint(0, len(nv)), {"ma": bogus, "trang_thai": "dang_thuc_hien"})
        elif kind == "unknown_status":
            nv[0]["trang_thai"] = r.choice(["đã xong", "xong", "Hoàn thành rồi", "dang_lam"])
        elif kind == "tien_do_150":
            it = nv[0]
            nv[0] = {"ma": it["ma"], "trang_thai": "dang_thuc_hien", "tien_do": 150}
        elif kind == "tien_do_negative":
            nv[0] = {"ma": nv[0]["ma"], "trang_thai": "dang_thuc_hien", "tien_do": -r.randint(1, 30)}
        elif kind == "tien_do_text":
            nv[0] = {"ma": nv[0]["ma"], "trang_thai": "dang_thuc_hien",
                     "tien_do": r.choice(["gần xong", "một nửa", "chưa rõ"])}
        elif kind == "missing_date":
            del doc["ngay_bao_cao"]
        elif kind == "null_date":
            doc["ngay_bao_cao"] = None
        elif kind == "unknown_key":
            if nv and r.random() < 0.6:
                nv[0] = {"ma": nv[0]["ma"], "trang_thai": nv[0]["trang_thai"], "ket_qa": "Đã thực hiện."}
            else:
                items = list(doc.items())
                items.insert(3, ("ghi_chu", "Báo cáo bổ sung"))
                doc = dict(items)
        elif kind == "dup_task":
            dup = {"ma": nv[0]["ma"], "trang_thai": "hoan_thanh", "tien_do": 100}
            nv.append(dup)
        elif kind == "ty_le_submitted":
            ct[r.choice(self.ratios)["ma"]] = r.choice([95, 100, 87])
        elif kind == "negative_count":
            ct[any_count] = -r.randint(1, 20)
        elif kind == "count_thousands":
            v = r.randint(1001, 99999)
            sep = r.choice([".", ",", " "])
            s = "{:,}".format(v).replace(",", sep)
            ct[any_count] = Raw(s, float(s) if sep == "." else s)
        elif kind == "count_decimal":
            v = r.randint(1, 500) + r.choice([0.5, 0.25, 0.75])
            ct[any_count] = v
        elif kind == "count_notation":
            text, parsed = r.choice([("0x1F", 31), ("0o17", 15), ("1e3", 1000.0), (".inf", float("inf")),
                                     (".nan", float("nan")), ("0xFF", 255), ("2E2", 200.0)])
            ct[any_count] = Raw(text, parsed)
        elif kind == "count_too_big":
            ct[any_count] = 10 ** 12 + r.randint(1, 10 ** 6)
        elif kind == "impossible_date_iso":
            mo, dd = r.choice([(2, 30), (4, 31), (6, 31), (9, 31), (11, 31), (2, 31)])
            doc["ngay_bao_cao"] = Raw("%d-%02d-%02d" % (self.year, mo, dd), "%d-%02d-%02d" % (self.year, mo, dd))
        elif kind == "impossible_date_vn":
            mo, dd = r.choice([(2, 30), (4, 31), (6, 31), (9, 31), (11, 31)])
            doc["ngay_bao_cao"] = "%02d/%02d/%d" % (dd, mo, self.year)
        elif kind == "bad_date_form":
            doc["ngay_bao_cao"] = r.choice([
                "%02d/%02d/%02d" % (d.day, d.month, d.year % 100),
                "%d tháng %d năm %d" % (d.day, d.month, d.year),
                "%d/%02d/%02d" % (d.year, d.month, d.day),
            ])
        elif kind == "year_out_of_range":
            bad = d.replace(year=r.choice([1900 + d.year % 100, 2100 + d.year % 100]))
            if r.random() < 0.5:
                doc["ngay_bao_cao"] = Raw(bad.isoformat(), bad)
            else:
                doc["ngay_bao_cao"] = "%02d/%02d/%d" % (bad.day, bad.month, bad.year)
        elif kind == "date_before_start":
            doc["ngay_bao_cao"] = self.date_value(tu - TD(days=r.randint(1, 60)))
        elif kind == "date_too_late":
            doc["ngay_bao_cao"] = self.date_value(oracle._plus_one_year(den) + TD(days=r.randint(1, 40)))
        elif kind in ("product_date_impossible", "product_date_form"):
            bad = r.choice(["30/02/%d" % self.year, "31/04/%d" % self.year]) \
                if kind == "product_date_impossible" else r.choice(["20/3", "tháng 3/%d" % self.year,
                                                                    "%d" % self.year])
            nv[0] = {"ma": nv[0]["ma"], "trang_thai": nv[0]["trang_thai"],
                     "san_pham": [{"so_ky_hieu": "15/%d/QĐ-UBND" % self.year, "ngay": bad,
                                   "trich_yeu": "Ban hành Kế hoạch"}]}
            if isinstance(nv[0]["trang_thai"], str) and nv[0]["trang_thai"] not in oracle.STATUS_CODES:
                nv[0]["trang_thai"] = "dang_thuc_hien"
        if not ct:
            del doc["chi_tieu"]
        if kind in DATE_KINDS:
            # no product dates: "after ngay_bao_cao" would add a warning
            for it in doc["nhiem_vu"]:
                it.pop("san_pham", None)
        name = self.fname(P, "-sua" if variant == "plus_older_valid" else "")
        self.write_doc("nop/%s/%s" % (u, name), doc, note="invalid: " + kind, enc="utf-8")

    def sc_xls(self, P, u, pick, with_valid=False):
        if with_valid:
            self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, self.report_date(P)))
        self.add_file("nop/%s/bao-cao-%s.xls" % (u, P.lower()), raw_bytes=XLS_BYTES,
                      note="old Excel format: error, sent for %s" % P)

    def sc_xls_only(self, P, u, pick):
        self.sc_xls(P, u, pick)

    def sc_xls_plus_valid(self, P, u, pick):
        self.sc_xls(P, u, pick, with_valid=True)

    # -- not submissions
    def sc_nonsub_only(self, P, u, pick):
        name = self.rng.choice(["bao-cao-%s.docx", "%s.pdf", "Bao cao CCHC %s.doc", "%s.odt"])
        self.add_file("nop/%s/%s" % (u, name % self.ky_text(P)), raw_bytes=DOCX_BYTES,
                      note="not a submission, counts as sent")

    def sc_nonsub_plus_valid(self, P, u, pick):
        r = self.rng
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, self.report_date(P)))
        ky = self.ky_text(P)
        text, _ = emit(self.content(u, P, self.report_date(P)))
        self.add_file("nop/%s/%s.yaml.txt" % (u, ky), text=text, note="YAML saved as .txt")
        self.add_file("nop/%s/%s" % (u, r.choice(["scan-%s.pdf", "anh-%s.jpg", "%s.zip", "anh %s.png"]) % ky),
                      raw_bytes=PNG_BYTES, note="not a submission")

    # -- resubmission and ties
    def sc_tie2(self, P, u, pick):
        d = self.report_date(P)
        mt = self.mtime_on(d)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d), note="tie", mtime=mt)
        self.write_doc("nop/%s/%s - Copy.yaml" % (u, self.ky_text(P)), self.content(u, P, d), note="tie",
                       mtime=mt)

    def sc_same_day(self, P, u, pick, n=2):
        """n valid files, same ngay_bao_cao, different mtimes: the one
        modified last is used, a warning on each other one."""
        r = self.rng
        d = self.report_date(P)
        t0 = self.mtime_on(d)
        names = [self.fname(P), "%s - Copy.yaml" % self.ky_text(P), self.fname(P, "-ban-cuoi")][:n]
        times = [t0 + i * r.randint(60, 3600) * 10 ** 9 for i in range(n)]
        r.shuffle(times)
        for nm, mt in zip(names, times):
            self.write_doc("nop/%s/%s" % (u, nm), self.content(u, P, d), note="same day, mtime decides",
                           mtime=mt)

    def sc_same_day2(self, P, u, pick):
        self.sc_same_day(P, u, pick, 2)

    def sc_same_day3(self, P, u, pick):
        self.sc_same_day(P, u, pick, 3)

    def sc_tie3(self, P, u, pick):
        d = self.report_date(P)
        d0 = d - TD(days=self.rng.randint(1, 5))
        mt = self.mtime_on(d)
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-lan-1")), self.content(u, P, d0), note="older")
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-lan-2")), self.content(u, P, d), note="tie",
                       mtime=mt)
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-lan-2b")), self.content(u, P, d), note="tie",
                       mtime=mt)

    def sc_tie_older_then_newer(self, P, u, pick):
        d = self.report_date(P)
        d0 = d - TD(days=self.rng.randint(1, 5))
        mt = self.mtime_on(d0)
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-a")), self.content(u, P, d0), note="older tie",
                       mtime=mt)
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-b")), self.content(u, P, d0), note="older tie",
                       mtime=mt)
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-c")), self.content(u, P, d), note="newest wins")

    def sc_tie_plus_invalid_newer(self, P, u, pick):
        d = self.report_date(P)
        mt = self.mtime_on(d)
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-a")), self.content(u, P, d), note="tie", mtime=mt)
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-b")), self.content(u, P, d), note="tie", mtime=mt)
        doc = self.content(u, P, d + TD(days=2), date_fmt="iso")
        doc["ky_bao_cao"] = P
        items = list(doc.items())
        items.insert(3, ("nguoi_lap_bieu", "Nguyễn Văn B"))
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-c")), dict(items), note="invalid newer than tie",
                       enc="utf-8")

    def sc_resub_ontime_to_late(self, P, u, pick):
        d0 = self.report_date(P)
        d1 = self.report_date(P, late=True)
        m1 = self.mtime_on(d1)
        # the on-time file was touched after the correction (copied again, say):
        # dates decide, never modification times (§2.5)
        m0 = m1 + self.rng.randint(3600, 3 * 86400) * 10 ** 9
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d0), mtime=m0,
                       note="on time, modified after the correction")
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-lan-2")), self.content(u, P, d1), mtime=m1,
                       note="late correction of an on-time report: used, still dung_han")

    def sc_resub_late_twice(self, P, u, pick):
        d0 = self.report_date(P, late=True)
        d1 = d0 + TD(days=self.rng.randint(1, 5))
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d0))
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-lan-2")), self.content(u, P, d1),
                       note="late twice")

    def sc_invalid_ontime_valid_late(self, P, u, pick):
        d0 = self.report_date(P)
        d1 = self.report_date(P, late=True)
        doc = self.content(u, P, d0, date_fmt="iso")
        items = list(doc.items())
        items.insert(3, ("ghi_chu", "Bản nháp"))
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-nhap")), dict(items), enc="utf-8",
                       note="invalid on-time file: does not make the unit on time")
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d1), note="valid, late")

    def sc_resubmit(self, P, u, pick):
        r = self.rng
        d = self.report_date(P)
        d1 = d + TD(days=r.randint(1, 5))
        m0 = m1 = None
        if r.random() < 0.5:
            # the older report modified last: the later ngay_bao_cao still wins
            m1 = self.mtime_on(d1)
            m0 = m1 + r.randint(600, 5 * 86400) * 10 ** 9
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d), mtime=m0)
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-bo-sung")), self.content(u, P, d1), mtime=m1,
                       note="resubmission" + (" (the older file modified last)" if m0 else ""))

    # -- binding
    def sc_misplaced_alone(self, P, a, pick):
        b = self.rng.choice([x for x in self.unit_ids if x != a])
        restrict = set(self.lead_of.get(a, []) + self.coord_of.get(a, []))
        doc = self.content(b, P, self.report_date(P), restrict=restrict)
        self.write_doc("nop/%s/bao-cao-%s-%s.yaml" % (a, b, P.lower()), doc, note="misplaced into " + a,
                       enc="utf-8")

    def sc_misplaced_with_own(self, P, a, pick):
        self.write_doc("nop/%s/%s" % (a, self.fname(P)), self.content(a, P, self.report_date(P)))
        self.sc_misplaced_alone(P, a, pick)

    def sc_direct_nop_only(self, P, u, pick):
        doc = self.content(u, P, self.report_date(P))
        self.not_empty(u, P, doc)
        self.write_doc("nop/%s-%s.yaml" % (u, P.lower()), doc, note="directly in nop/")

    def sc_direct_nop_resub(self, P, u, pick):
        d = self.report_date(P)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d))
        doc = self.content(u, P, d + TD(days=self.rng.randint(1, 4)))
        self.not_empty(u, P, doc)
        self.write_doc("nop/%s-%s-bo-sung.yaml" % (u, P.lower()), doc, note="directly in nop/, newer")

    def sc_subfolder(self, P, u, pick):
        d = self.report_date(P)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d - TD(days=1)))
        sub = self.rng.choice(["ban-sao", "ban-sao/lan-2", "Zalo/2024/thang-6"])
        self.write_doc("nop/%s/%s/%s" % (u, sub, self.fname(P, "-moi")), self.content(u, P, d),
                       note="newer, in a sub-folder of the unit's folder")

    def sc_unit_in_unit(self, P, a, pick):
        """nop/<a>/<b>/...: the first folder decides (a); don_vi b is an error."""
        b = self.rng.choice([x for x in self.unit_ids if x != a])
        restrict = set(self.lead_of.get(a, []) + self.coord_of.get(a, []))
        doc = self.content(b, P, self.report_date(P), restrict=restrict)
        self.write_doc("nop/%s/%s/%s" % (a, b, self.fname(P)), doc, enc="utf-8",
                       note="folder of unit %s inside the folder of %s: belongs to %s, don_vi is wrong"
                       % (b, a, a))

    def sc_non_unit_folder(self, P, u, pick):
        """A first folder under nop/ that is not a unit id: an error on each
        file in it; these files name no readable unit, so they count for
        nobody (AMBIGUITY 17)."""
        r = self.rng
        g = r.choice(self.groups)["ma"]
        folder = r.choice(["dot-1", g, " ".join(w.capitalize() for w in u.split("-")), "bao-cao-quy"])
        tmpl, why = r.choice(BROKEN)
        text = self.broken_text(tmpl, u, P)
        sub = "%s/" % u if r.random() < 0.5 else ""
        self.add_file("nop/%s/%s%s-%s.yaml" % (folder, sub, self.ky_text(P), u), text=text, parse_error=why,
                      note="broken YAML in a folder that is not a unit id")
        self.add_file("nop/%s/bao-cao-%s.pdf" % (folder, P.lower()), raw_bytes=PDF_BYTES,
                      note="not a submission, in a folder that is not a unit id")
        self.notes.append("%s: folder %r is not a unit id" % (P, folder))

    # -- periods
    def sc_ky_name_mismatch(self, P, u, pick):
        others = [Q for Q in self.periods if Q != P]
        if not others:
            return False
        Q = self.rng.choice(others)
        doc = self.content(u, P, self.report_date(P))
        self.not_empty(u, P, doc)
        self.write_doc("nop/%s/bao-cao-%s.yaml" % (u, self.ky_text(Q)), doc,
                       note="ky_bao_cao %s, name says %s: counts for %s with a warning" % (P, Q, P))

    def sc_broken_with_code(self, P, u, pick, with_valid=False):
        r = self.rng
        if with_valid:
            self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, self.report_date(P)))
        tmpl, why = r.choice(BROKEN)
        name = r.choice(["%s-loi.yaml", "bc-%s-ban-cuoi.yaml", "%s.yml"]) % self.ky_text(P).lower()
        self.add_file("nop/%s/%s" % (u, name), text=self.broken_text(tmpl, u, P), parse_error=why,
                      note="broken YAML, period from its name")

    def sc_broken_only(self, P, u, pick):
        self.sc_broken_with_code(P, u, pick)

    def sc_broken_plus_valid(self, P, u, pick):
        self.sc_broken_with_code(P, u, pick, with_valid=True)

    def sc_empty_with_code(self, P, u, pick):
        self.add_file("nop/%s/%s-trong.yaml" % (u, self.ky_text(P)),
                      text="" if self.rng.random() < 0.5 else "# chưa điền\n", note="empty file, period from its name")

    def sc_unreadable_ky_with_code(self, P, u, pick):
        r = self.rng
        doc = self.content(u, P, self.report_date(P), ky=r.choice(["quý 1", "Q%s" % P[-1], "2024 Q1"]))
        x = r.random()
        if x < 0.25:
            del doc["ky_bao_cao"]
        elif x < 0.5:
            doc["ky_bao_cao"] = None
        self.write_doc("nop/%s/%s-ky-sai.yaml" % (u, self.ky_text(P)), doc, enc="utf-8",
                       note="ky_bao_cao unreadable, period from its name")

    def sc_bad_encoding(self, P, u, pick):
        """A file saved in Windows-1258: rejected, counts for the period in its name."""
        doc = self.content(u, P, self.report_date(P))
        doc["nguoi_lap"] = "Nguyễn Thị Hường"
        text, _ = emit(doc)
        b = text.encode("cp1258", errors="replace")
        try:
            b.decode("utf-8")
            return False
        except UnicodeDecodeError:
            pass
        self.add_file("nop/%s/%s-win.yaml" % (u, self.ky_text(P)), raw_bytes=b, parse_error="not UTF-8",
                      note="Windows-1258 encoding: error, period from its name")

    def sc_binary_yaml(self, P, u, pick):
        """A Word document renamed to .yaml: an error, counts for the period in its name."""
        self.add_file("nop/%s/bao-cao-%s.yaml" % (u, self.ky_text(P)), raw_bytes=DOCX_BYTES,
                      parse_error="binary file", note="binary file named .yaml")

    def sc_workbook_not_form(self, P, u, pick):
        """.xlsx files that are not the form: an error each (§2.6), counted as
        sent for the period in their name."""
        self.add_file("nop/%s/%s-excel.xlsx" % (u, self.ky_text(P)), raw_bytes=minimal_xlsx(u, P),
                      note="workbook not made from the form")
        if self.rng.random() < 0.5:
            self.add_file("nop/%s/bao-cao-%s-hong.xlsx" % (u, P.lower()), raw_bytes=b"\x00\x01 not a zip",
                          note="corrupt workbook")

    def sc_direct_nop_unknown_unit(self, P, u, pick):
        """Directly in nop/, naming a unit that does not exist: nobody's file."""
        doc = self.content(u, P, self.report_date(P))
        doc["don_vi"] = u + "-cu"
        self.write_doc("nop/%s-%s.yaml" % (P.lower(), doc["don_vi"]), doc, enc="utf-8",
                       note="directly in nop/, don_vi not in the registry")

    # -- values
    def sc_value_warnings(self, P, u, pick):
        """A valid file using forms §2.4 accepts with a warning."""
        r = self.rng
        doc = self.content(u, P, self.report_date(P), force_task=True)
        nv = doc["nhiem_vu"]
        if not nv:
            return False
        ct = doc.setdefault("chi_tieu", {})
        did = []
        # task id in another case / without its dot
        for it in nv:
            ma = it["ma"]
            cands = [ma.upper(), ma.replace(".", ""), ma.replace(".", "").upper()]
            cands = [c for c in cands if c != ma and oracle.resolve_task(self.octx.tasks[self.year], c) == (ma, "warn")]
            if cands:
                it["ma"] = r.choice(cands)
                did.append("ma " + it["ma"])
                break
        # tien_do forms
        it = r.choice(nv)
        it["trang_thai"] = "dang_thuc_hien"
        x = r.randint(5, 95)
        it["tien_do"] = r.choice([Raw("%d,5" % x, "%d,5" % x), "%d" % x, Raw("%d%%" % x, "%d%%" % x)])
        did.append("tien_do %s" % scalar_text(it["tien_do"]))
        # counts
        free = [m for m in self.free_indicators()]
        if free:
            m = r.choice(free)
            ct[m] = str(r.randint(0, 900))
            did.append("quoted count")
            rest = [x for x in free if x != m]
            if rest:
                m2 = r.choice(rest)
                v = r.randint(1, 7)
                ct[m2] = Raw("0" * r.randint(1, 2) + str(v), v)
                did.append("leading zeros")
        if not ct:
            del doc["chi_tieu"]
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), doc, note="value forms with warnings: " + ", ".join(did))

    def sc_contradiction(self, P, u, pick):
        r = self.rng
        doc = self.content(u, P, self.report_date(P), force_task=True)
        nv = doc["nhiem_vu"]
        if not nv:
            return False
        it = r.choice(nv)
        if r.random() < 0.5:
            it["trang_thai"] = self.status_value("hoan_thanh")
            it["tien_do"] = r.randint(10, 99)
        else:
            it["trang_thai"] = self.status_value("chua_thuc_hien")
            it["tien_do"] = r.randint(1, 90)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), doc, note="status contradicts tien_do")

    def sc_product_after_report(self, P, u, pick):
        r = self.rng
        d = self.report_date(P)
        doc = self.content(u, P, d, force_task=True)
        nv = doc["nhiem_vu"]
        if not nv:
            return False
        it = r.choice(nv)
        it["san_pham"] = [{"so_ky_hieu": "%d/QĐ-UBND" % r.randint(1, 300),
                           "ngay": self.date_value(d + TD(days=r.randint(1, 10))),
                           "trich_yeu": "Ban hành Kế hoạch"}]
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), doc, note="product dated after ngay_bao_cao")

    def sc_empty_report(self, P, u, pick):
        doc = {"don_vi": u, "ky_bao_cao": self.ky_text(P), "ngay_bao_cao": self.date_value(self.report_date(P))}
        if self.rng.random() < 0.5:
            doc["nhiem_vu"] = []
        if self.rng.random() < 0.5:
            doc["chi_tieu"] = {}
        if self.rng.random() < 0.5:
            doc["kho_khan"] = [self.text()]
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), doc, note="empty report (warning)")

    def sc_count_max(self, P, u, pick):
        free = self.free_indicators()
        if not free:
            return False
        doc = self.content(u, P, self.report_date(P))
        doc.setdefault("chi_tieu", {})[self.rng.choice(free)] = 10 ** 12
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), doc, note="count of exactly 10^12")

    def sc_one_year_late(self, P, u, pick):
        _, den = oracle.period_bounds(P, self.chot)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)),
                       self.content(u, P, oracle._plus_one_year(den)), note="exactly one year after the end: late, valid")

    def sc_on_period_start(self, P, u, pick):
        tu, _ = oracle.period_bounds(P, self.chot)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, tu), note="dated on the period's first day")

    # -- skipped files
    def sc_hidden_folder(self, P, u, pick):
        d = self.report_date(P)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d))
        text, _ = emit(self.content(u, P, d + TD(days=3)))
        self.add_file("nop/.thung-rac/%s/%s.yaml" % (u, P), text=text, skipped=True, note="hidden folder")
        self.add_file("nop/%s/.%s.yaml" % (u, P), text="don_vi: [\n", skipped=True, note="hidden file")
        self.add_file("nop/%s/~$%s.xlsx" % (u, P), raw_bytes=b"\x00\x01lock", skipped=True, note="lock file")
        self.add_file("nop/%s/%s.yaml~" % (u, P), text=text, skipped=True, note="editor backup")
        self.add_file("nop/%s/%s.yaml.tmp" % (u, P), text="don_vi: [", skipped=True, note="temporary file")
        self.add_file("nop/%s/%s.yaml.bak" % (u, P), text=text, skipped=True, note="backup file")
        self.add_file("nop/%s/.~lock.%s.xlsx#" % (u, P), text="x,y,z;", skipped=True, note="LibreOffice lock")

    # -- encodings
    def sc_utf16(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, self.report_date(P)),
                       enc="utf-16", crlf=True, note="UTF-16 LE with BOM, CRLF")

    def sc_bom_crlf(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, self.report_date(P)),
                       enc="utf-8-sig", crlf=True, note="UTF-8 BOM, CRLF")

    # -- deadlines and warnings
    def sc_boundary_on(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)),
                       self.content(u, P, oracle.deadline(P, self.config)), note="on the deadline")

    def sc_boundary_late(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)),
                       self.content(u, P, oracle.deadline(P, self.config) + TD(days=1)),
                       note="one day late")

    def sc_outside_scope(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)),
                       self.content(u, P, self.report_date(P), outside=True), note="reports a task outside scope")

    def sc_ratio_warning(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)),
                       self.content(u, P, self.report_date(P), ratio_warn=True), note="numerator > denominator")

    # -- files for every period
    def broken_text(self, tmpl, u, P):
        if tmpl.count("%s") == 2:
            return tmpl % (u, P)
        return tmpl % (u, P, oracle.deadline(P, self.config).isoformat())

    def sc_global(self):
        r = self.rng
        y = self.year
        u = r.choice(self.unit_ids)
        other_year = y - 1 if r.random() < 0.5 else y + 1
        ky = "%d-%s" % (other_year, r.choice(["Q4", "NAM", "Q1", "6T"]))
        tu, den = oracle.period_bounds(ky, self.chot)
        doc = {"don_vi": u, "ky_bao_cao": ky, "ngay_bao_cao": den - TD(days=3)}
        self.write_doc("nop/%s/%s.yaml" % (u, ky), doc, note="year without a plan", enc="utf-8")
        self.notes.append("global: %s year without a plan (%s)" % (u, ky))

        u = r.choice(self.unit_ids)
        doc = {"don_vi": u, "ky_bao_cao": "%d-Q5" % y, "ngay_bao_cao": D(y, 4, 2), "nhiem_vu": []}
        self.write_doc("nop/%s/ky-sai.yaml" % u, doc, note="unreadable period", enc="utf-8")
        self.notes.append("global: %s unreadable period %d-Q5" % (u, y))

        for i, (tmpl, why) in enumerate(r.sample(BROKEN, 2)):
            u = r.choice(self.unit_ids)
            P = r.choice(self.periods)
            self.add_file("nop/%s/bao-cao-loi-%d.yaml" % (u, i), text=self.broken_text(tmpl, u, P),
                          parse_error=why, note="broken YAML, no period in its name")
            self.notes.append("global: %s broken YAML (%s), no period in its name" % (u, why))

        u = r.choice(self.unit_ids)
        self.add_file("nop/%s/trong.yaml" % u, text="", note="empty file")
        u2 = r.choice(self.unit_ids)
        self.add_file("nop/%s/chua-dien.yml" % u2,
                      text="# Báo cáo kỳ này chưa điền\n# (đơn vị sẽ bổ sung)\n", note="comments only")
        self.notes.append("global: %s empty file, %s comments-only file" % (u, u2))

        u = r.choice(self.unit_ids)
        self.add_file("nop/%s/ghi-chu.txt" % u, text="không phải YAML: [",
                      note="not a submission, no period in its name")
        self.add_file("nop/%s/anh-chup-man-hinh.png" % u, raw_bytes=PNG_BYTES,
                      note="not a submission, no period in its name")
        u = r.choice(self.unit_ids)
        self.add_file("nop/%s/so-lieu-cu.xls" % u, raw_bytes=XLS_BYTES, note="old Excel file, no period in its name")
        self.notes.append("global: files that are not submissions, without a period in their name")

    # ------------------------------------------------------------ output
    def write(self, outdir):
        data = os.path.join(outdir, "data")
        exp = os.path.join(outdir, "expected")
        for p in (data, exp):
            if os.path.isdir(p):
                shutil.rmtree(p)
        os.makedirs(os.path.join(data, "ke-hoach"))
        os.makedirs(os.path.join(data, "nop"))
        self.rng = random.Random(self.seed)
        cfg = self.gen_config()
        reg = self.gen_registry()
        plan = self.gen_plan()
        cat = self.gen_catalogue()
        self.gen_submissions()

        def wtext(rel, text):
            with open(os.path.join(data, rel), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)

        wtext("cau-hinh.yaml", cfg)
        wtext("don-vi.yaml", reg)
        wtext("ke-hoach/%d.yaml" % self.year, plan)
        wtext("chi-tieu.yaml", cat)

        for f in self.files:
            full = os.path.join(data, *f["path"].split("/"))
            os.makedirs(os.path.dirname(full), exist_ok=True)
            if f["bytes"] is not None:
                b = f["bytes"]
            else:
                t = f["text"]
                if f["crlf"]:
                    t = t.replace("\n", "\r\n")
                if f["encoding"] == "utf-16":
                    b = b"\xff\xfe" + t.encode("utf-16-le")
                elif f["encoding"] == "utf-8-sig":
                    b = b"\xef\xbb\xbf" + t.encode("utf-8")
                else:
                    b = t.encode("utf-8")
            with open(full, "wb") as fh:
                fh.write(b)
            # §2.4 resubmission: the modification time decides between files
            # of the same date, so it is part of the data.
            os.utime(full, ns=(f["mtime"], f["mtime"]))

        ctx = self.octx
        records = []
        for f in self.files:
            rec = oracle.check_file(ctx, f["path"], f["kind"], doc=f["doc"], pos=f["pos"],
                                    parse_error=f["parse_error"], mtime=f["mtime"])
            if rec is not None:
                records.append(rec)
        result = oracle.build_all(ctx, records)
        os.makedirs(exp)
        for code, js in result.items():
            os.makedirs(os.path.join(exp, code))
            with open(os.path.join(exp, code, "tong-hop-%s.json" % code), "w", encoding="utf-8") as fh:
                json.dump(js, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
        manifest = {
            "seed": self.seed, "units": self.n_units, "tasks": self.n_tasks, "year": self.year,
            "chot_so_lieu": self.chot, "han_nop": self.han, "periods_with_submissions": self.periods,
            "expected_periods": sorted(result), "files": len(self.files),
            "files_read": len(records),
            "files_rejected": sum(1 for x in records if x["has_error"]),
            "scenarios": self.notes,
            "file_notes": {f["path"]: f["note"] for f in self.files if f["note"]},
            "mtimes_ns": {f["path"]: f["mtime"] for f in self.files},
        }
        with open(os.path.join(exp, "manifest.json"), "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        return result, records


INVALID_KINDS = ["unknown_task", "unknown_status", "tien_do_150", "tien_do_negative", "tien_do_text",
                 "missing_date", "null_date", "unknown_key", "dup_task", "ty_le_submitted",
                 "negative_count", "count_thousands", "count_decimal", "count_notation", "count_too_big",
                 "impossible_date_iso", "impossible_date_vn", "bad_date_form", "year_out_of_range",
                 "date_before_start", "date_too_late", "product_date_impossible", "product_date_form"]
DATE_KINDS = {"missing_date", "null_date", "impossible_date_iso", "impossible_date_vn", "bad_date_form",
              "year_out_of_range", "date_before_start", "date_too_late"}
ONCE_SCENARIOS = ["tie3", "tie_older_then_newer", "tie_plus_invalid_newer", "same_day3",
                  "resub_ontime_to_late", "resub_late_twice", "invalid_ontime_valid_late",
                  "misplaced_alone", "misplaced_with_own", "direct_nop_only", "direct_nop_resub",
                  "subfolder", "unit_in_unit", "non_unit_folder", "hidden_folder",
                  "ky_name_mismatch", "broken_only", "broken_plus_valid", "empty_with_code",
                  "unreadable_ky_with_code", "nonsub_only", "nonsub_plus_valid", "xls_only",
                  "xls_plus_valid", "bad_encoding", "binary_yaml", "direct_nop_unknown_unit", "count_max", "one_year_late", "on_period_start",
                  "utf16", "bom_crlf"]
PERIOD_SCENARIOS = ["boundary_on", "boundary_late", "tie2", "same_day2", "resubmit", "resubmit",
                    "outside_scope", "ratio_warning", "value_warnings", "contradiction",
                    "product_after_report", "empty_report"]
NEED_SCOPE = {"outside_scope", "value_warnings", "contradiction", "product_after_report"}

BROKEN = [
    ('don_vi: "%s"\nky_bao_cao: "%s\nngay_bao_cao: 2024-03-10\nnhiem_vu: []\n', "unterminated quoted scalar"),
    ('don_vi: "%s"\nky_bao_cao: "%s"\nngay_bao_cao: %s\nnhiem_vu: [\n  {ma: "1.a", trang_thai: "hoan_thanh"}\n',
     "unterminated flow sequence"),
    ('don_vi: "%s"\nky_bao_cao: "%s"\nngay_bao_cao: %s\nnhiem_vu:\n\t- ma: "1.a"\n\t  trang_thai: "hoan_thanh"\n',
     "tab indentation"),
]
def minimal_xlsx(u, P):
    """A real .xlsx (one sheet, a few cells) that is not baocao's form."""
    import io
    import zipfile
    files = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Báo cáo CCHC %s</t></is></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>%s</t></is></c><c r="B2"><v>42</v></c></row>'
            '</sheetData></worksheet>' % (P, u),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


NO_CODE_NAME = {"Q1": "quy-1", "Q2": "quy-2", "Q3": "quy-3", "Q4": "quy-4", "6T": "6-thang",
                "9T": "9-thang", "NAM": "ca-nam"}
DOCX_BYTES = b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 24 + b"[Content_Types].xml"
PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
XLS_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 56


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--units", type=int, required=True)
    ap.add_argument("--tasks", type=int, required=True)
    ap.add_argument("--year", type=int, default=2024)
    ap.add_argument("--workbooks", action="store_true",
                    help="also write .xlsx files that are not the form (§2.6: an error each)")
    ap.add_argument("outdir")
    a = ap.parse_args(argv)
    if a.units < 4:
        ap.error("--units must be at least 4")
    if a.tasks < 7:
        ap.error("--tasks must be at least 7")
    g = Gen(a.seed, a.units, a.tasks, a.year, workbooks=a.workbooks)
    result, records = g.write(a.outdir)
    print("seed %d: %d files (%d read, %d rejected), periods %s -> %s" % (
        a.seed, len(g.files), len(records), sum(1 for x in records if x["has_error"]),
        ", ".join(g.periods), os.path.join(a.outdir, "expected")))


if __name__ == "__main__":
    main()
