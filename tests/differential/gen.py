#!/usr/bin/env python3
"""Random but realistic `baocao` data folder + expected tong-hop JSON.

usage: gen.py --seed N --units U --tasks T [--year Y] OUTDIR

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
    """Block-style YAML with known (line, col) of every key and value."""

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
                self.lines.append(prefix + k + ": []")
            elif isinstance(v, dict) and not v:
                entry["val"] = (ln, len(prefix) + len(k) + 3)
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
                        self.pos[path + (k, j)] = {"val": (len(self.lines) + 1, len(ip) + 1)}
                        self.lines.append(ip + scalar_text(item))
            else:
                entry["val"] = (ln, len(prefix) + len(k) + 3)
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
    def __init__(self, seed, n_units, n_tasks, year):
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

    def add_file(self, path, text=None, doc=None, pos=None, parse_error=None, skipped=False,
                 raw_bytes=None, encoding="utf-8", crlf=False, note=""):
        assert path not in self.paths, path
        self.paths.add(path)
        self.files.append({"path": path, "text": text, "doc": doc, "pos": pos,
                           "parse_error": parse_error, "skipped": skipped, "bytes": raw_bytes,
                           "encoding": encoding, "crlf": crlf, "note": note})

    def ky_text(self, P):
        return P.lower() if self.rng.random() < 0.2 else P

    def date_value(self, d, fmt=None):
        fmt = fmt or ("iso" if self.rng.random() < 0.7 else "vn")
        if fmt == "iso":
            return d
        return d.strftime("%d/%m/%Y")

    def status_value(self, code):
        r = self.rng
        if r.random() < 0.7:
            return code
        label = oracle.STATUS_LABELS[code]
        x = r.random()
        if x < 0.35:
            s = label
        elif x < 0.55:
            s = label.lower()
        elif x < 0.8:
            s = label.upper()
        else:
            s = "".join(c.upper() if r.random() < 0.5 else c.lower() for c in label)
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

    # ------------------------------------------------------------ contents
    def indicators_for(self, u, outside_warning=False):
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
                hi = {"tiny": 3, "small": 40, "mid": 300, "big": 4000, "money": 500}[k]
                if k == "money" and r.random() < 0.6:
                    v = r.randint(1, hi) + r.choice([0.5, 0.25, 0.75, 0.1])
                else:
                    v = r.randint(0, hi)
                bounds = [vals[mm] for mm in self.maus.get(m, []) if mm in vals]
                if bounds:
                    b = min(bounds)
                    if isinstance(v, float) or isinstance(b, float):
                        v = round(b * r.random(), 2)
                        if v == int(v):
                            v = int(v)
                    else:
                        v = r.randint(0, int(b))
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
                            vals[y["tu_so"]] = int(mau) if isinstance(vals[y["tu_so"]], int) else float(int(mau))
                vals[x["tu_so"]] = (int(mau) + r.randint(1, 9)) if isinstance(mau, int) else mau + 1.5
                # a numerator that is also bounded by another denominator
                for y in self.ratios:
                    if y is not x and y["tu_so"] == x["tu_so"] and y["mau_so"] in vals:
                        vals[y["mau_so"]] = max(vals[y["mau_so"]], vals[x["tu_so"]])
        ordered = {m: vals[m] for m in self.tong if m in vals}
        return ordered

    def task_items(self, u, P, outside=False, restrict=None, force_one=False):
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
        items = []
        for t in chosen:
            code = self.base_status(P, t) if r.random() < 0.88 else \
                r.choices(oracle.STATUS_CODES, [35, 35, 10, 20])[0]
            it = {"ma": t, "trang_thai": self.status_value(code)}
            if r.random() < 0.6:
                it["tien_do"] = {"hoan_thanh": 100, "chua_thuc_hien": 0}.get(code, r.randint(5, 95))
            if r.random() < 0.7:
                it["ket_qua"] = self.text()
            if r.random() < 0.12:
                prods = []
                for _ in range(r.randint(1, 2)):
                    pd = tu + TD(days=r.randrange(max(1, (den - tu).days)))
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
        doc["nhiem_vu"] = self.task_items(u, P, outside=outside, restrict=restrict, force_one=force_task)
        ct = self.indicators_for(u, outside_warning=ratio_warn)
        if ct:
            doc["chi_tieu"] = ct
        if r.random() < 0.3:
            doc["chi_dao_dieu_hanh"] = self.text()
        for k in ("kho_khan", "kien_nghi", "phuong_huong"):
            if r.random() < 0.25:
                doc[k] = [self.text() for _ in range(r.randint(1, 2))]
        return doc

    def write_doc(self, path, doc, note="", enc=None, crlf=None, comments=None):
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
        self.add_file(path, text=text, doc=to_parsed(doc), pos=pos, encoding=enc, crlf=crlf, note=note)

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

        log = self.notes.append

        # ---- once-per-seed scenarios, each in a random period
        invalid_kinds = ["unknown_task", "unknown_status", "tien_do_150", "missing_date",
                         "null_date", "unknown_key", "dup_task", "ty_le_submitted",
                         "negative_count", "impossible_date_iso", "impossible_date_vn"]
        for kind in invalid_kinds:
            for variant in ("only", "plus_older_valid"):
                P = r.choice(self.periods)
                u = pick(P, need_scope=kind in ("unknown_status", "tien_do_150", "dup_task",
                                                "unknown_key"))
                if u is None:
                    continue
                self.sc_invalid(P, u, kind, variant)
                log("%s %s: invalid file (%s), %s" % (P, u, kind, variant))

        for name in ["tie3", "tie_older_then_newer", "tie_plus_invalid_newer",
                     "misplaced_alone", "misplaced_with_own", "direct_nop_only",
                     "direct_nop_resub", "nested_dot", "nested_group", "unit_in_unit",
                     "hidden_folder", "resub_ontime_to_late", "utf16", "bom_crlf"]:
            P = r.choice(self.periods)
            u = pick(P)
            if u is None:
                continue
            getattr(self, "sc_" + name)(P, u, pick)
            log("%s %s: %s" % (P, u, name))

        # ---- per-period scenarios
        for P in self.periods:
            for name in ["boundary_on", "boundary_late", "tie2", "resubmit", "resubmit",
                         "outside_scope", "ratio_warning"]:
                u = pick(P, need_scope=name == "outside_scope")
                if u is None:
                    continue
                getattr(self, "sc_" + name)(P, u, pick)
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

    def sc_invalid(self, P, u, kind, variant):
        r = self.rng
        late = r.random() < 0.2
        d = self.report_date(P, late=late)
        if variant == "plus_older_valid":
            d0 = d - TD(days=r.randint(1, 6))
            self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d0),
                           note="valid, older than an invalid file")
        doc = self.content(u, P, d, force_task=kind in ("unknown_status", "tien_do_150", "dup_task"),
                           date_fmt="iso")
        nv = doc["nhiem_vu"]
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
            ct = doc.setdefault("chi_tieu", {})
            ct[r.choice(self.ratios)["ma"]] = r.choice([95.5, 100, 87.25])
        elif kind == "negative_count":
            ct = doc.setdefault("chi_tieu", {})
            free = [m for m in self.tong if m not in self.maus and
                    m not in set(x["mau_so"] for x in self.ratios)]
            m = r.choice(free or self.tong)
            ct[m] = -r.randint(1, 20)
        elif kind == "impossible_date_iso":
            mo, dd = r.choice([(2, 30), (4, 31), (6, 31), (9, 31), (11, 31), (2, 31)])
            doc["ngay_bao_cao"] = Raw("%d-%02d-%02d" % (self.year, mo, dd), "%d-%02d-%02d" % (self.year, mo, dd))
        elif kind == "impossible_date_vn":
            mo, dd = r.choice([(2, 30), (4, 31), (6, 31), (9, 31), (11, 31)])
            doc["ngay_bao_cao"] = "%02d/%02d/%d" % (dd, mo, self.year)
        name = self.fname(P, "-sua" if variant == "plus_older_valid" else "")
        self.write_doc("nop/%s/%s" % (u, name), doc, note="invalid: " + kind, enc="utf-8")

    def sc_tie2(self, P, u, pick):
        d = self.report_date(P)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d), note="tie")
        self.write_doc("nop/%s/%s - Copy.yaml" % (u, self.ky_text(P)), self.content(u, P, d), note="tie")

    def sc_tie3(self, P, u, pick):
        d = self.report_date(P)
        d0 = d - TD(days=self.rng.randint(1, 5))
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-lan-1")), self.content(u, P, d0), note="older")
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-lan-2")), self.content(u, P, d), note="tie")
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-lan-2b")), self.content(u, P, d), note="tie")

    def sc_tie_older_then_newer(self, P, u, pick):
        d = self.report_date(P)
        d0 = d - TD(days=self.rng.randint(1, 5))
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-a")), self.content(u, P, d0), note="older tie")
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-b")), self.content(u, P, d0), note="older tie")
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-c")), self.content(u, P, d), note="newest wins")

    def sc_tie_plus_invalid_newer(self, P, u, pick):
        d = self.report_date(P)
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-a")), self.content(u, P, d), note="tie")
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-b")), self.content(u, P, d), note="tie")
        doc = self.content(u, P, d + TD(days=2), date_fmt="iso")
        doc["ky_bao_cao"] = P
        items = list(doc.items())
        items.insert(3, ("nguoi_lap_bieu", "Nguyễn Văn B"))
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-c")), dict(items), note="invalid newer than tie",
                       enc="utf-8")

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
        self.write_doc("nop/%s-%s.yaml" % (u, P.lower()), self.content(u, P, self.report_date(P)),
                       note="directly in nop/")

    def sc_direct_nop_resub(self, P, u, pick):
        d = self.report_date(P)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d))
        self.write_doc("nop/%s-%s-bo-sung.yaml" % (u, P.lower()),
                       self.content(u, P, d + TD(days=self.rng.randint(1, 4))), note="directly in nop/, newer")

    def sc_nested_dot(self, P, u, pick):
        self.write_doc("nop/dot-1/%s/%s" % (u, self.fname(P)), self.content(u, P, self.report_date(P)),
                       note="nested under non-unit folder")

    def sc_nested_group(self, P, u, pick):
        g = self.rng.choice(self.groups)["ma"]
        d = self.report_date(P)
        self.write_doc("nop/%s/%s/%s" % (g, u, self.fname(P)), self.content(u, P, d - TD(days=1)))
        self.write_doc("nop/%s/ban-sao/%s" % (u, self.fname(P, "-moi")), self.content(u, P, d),
                       note="newer, in a sub-folder of the unit's folder")

    def sc_unit_in_unit(self, P, b, pick):
        a = self.rng.choice([x for x in self.unit_ids if x != b])
        self.write_doc("nop/%s/%s/%s" % (a, b, self.fname(P)), self.content(b, P, self.report_date(P)),
                       note="unit folder inside another unit's folder: binds to the deepest")

    def sc_hidden_folder(self, P, u, pick):
        d = self.report_date(P)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d))
        text, _ = emit(self.content(u, P, d + TD(days=3)))
        self.add_file("nop/.thung-rac/%s/%s.yaml" % (u, P), text=text, skipped=True, note="hidden folder")
        self.add_file("nop/%s/.%s.yaml" % (u, P), text="don_vi: [\n", skipped=True, note="hidden file")
        self.add_file("nop/%s/~$%s.yaml" % (u, P), raw_bytes=b"\x00\x01lock", skipped=True, note="lock file")

    def sc_resub_ontime_to_late(self, P, u, pick):
        d0 = self.report_date(P)
        d1 = self.report_date(P, late=True)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d0))
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-lan-2")), self.content(u, P, d1),
                       note="late resubmission wins")

    def sc_utf16(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, self.report_date(P)),
                       enc="utf-16", crlf=True, note="UTF-16 LE with BOM, CRLF")

    def sc_bom_crlf(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, self.report_date(P)),
                       enc="utf-8-sig", crlf=True, note="UTF-8 BOM, CRLF")

    def sc_boundary_on(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)),
                       self.content(u, P, oracle.deadline(P, self.config)), note="on the deadline")

    def sc_boundary_late(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)),
                       self.content(u, P, oracle.deadline(P, self.config) + TD(days=1)),
                       note="one day late")

    def sc_resubmit(self, P, u, pick):
        d = self.report_date(P)
        self.write_doc("nop/%s/%s" % (u, self.fname(P)), self.content(u, P, d))
        self.write_doc("nop/%s/%s" % (u, self.fname(P, "-bo-sung")),
                       self.content(u, P, d + TD(days=self.rng.randint(1, 5))), note="resubmission")

    def sc_outside_scope(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)),
                       self.content(u, P, self.report_date(P), outside=True), note="reports a task outside scope")

    def sc_ratio_warning(self, P, u, pick):
        self.write_doc("nop/%s/%s" % (u, self.fname(P)),
                       self.content(u, P, self.report_date(P), ratio_warn=True), note="numerator > denominator")

    def sc_global(self):
        r = self.rng
        y = self.year
        P = r.choice(self.periods)
        u = r.choice(self.unit_ids)
        other_year = y - 1 if r.random() < 0.5 else y + 1
        ky = "%d-%s" % (other_year, r.choice(["Q4", "NAM", "Q1", "6T"]))
        doc = {"don_vi": u, "ky_bao_cao": ky, "ngay_bao_cao": D(other_year, 6, 10)}
        self.write_doc("nop/%s/%s.yaml" % (u, ky), doc, note="year without a plan", enc="utf-8")
        self.notes.append("global: %s year without a plan (%s)" % (u, ky))

        u = r.choice(self.unit_ids)
        doc = {"don_vi": u, "ky_bao_cao": "%d-Q5" % y, "ngay_bao_cao": D(y, 4, 2), "nhiem_vu": []}
        self.write_doc("nop/%s/ky-sai.yaml" % u, doc, note="unreadable period", enc="utf-8")
        self.notes.append("global: %s unreadable period %d-Q5" % (u, y))

        broken = [
            ('don_vi: "%s"\nky_bao_cao: "%s\nngay_bao_cao: 2024-03-10\nnhiem_vu: []\n', "unterminated quoted scalar"),
            ('don_vi: "%s"\nky_bao_cao: "%s"\nngay_bao_cao: %s\nnhiem_vu: [\n  {ma: "1.a", trang_thai: "hoan_thanh"}\n',
             "unterminated flow sequence"),
            ('don_vi: "%s"\nky_bao_cao: "%s"\nngay_bao_cao: %s\nnhiem_vu:\n\t- ma: "1.a"\n\t  trang_thai: "hoan_thanh"\n',
             "tab indentation"),
        ]
        for i, (tmpl, why) in enumerate(r.sample(broken, 2)):
            u = r.choice(self.unit_ids)
            P = r.choice(self.periods)
            if tmpl.count("%s") == 2:
                text = tmpl % (u, P)
            else:
                text = tmpl % (u, P, oracle.deadline(P, self.config).isoformat())
            self.add_file("nop/%s/%s-loi-%d.yaml" % (u, P, i), text=text, parse_error=why, note="broken YAML")
            self.notes.append("global: %s broken YAML (%s)" % (u, why))

        u = r.choice(self.unit_ids)
        self.add_file("nop/%s/trong.yaml" % u, text="", note="empty file")
        u2 = r.choice(self.unit_ids)
        self.add_file("nop/%s/chua-dien.yml" % u2,
                      text="# Báo cáo kỳ này chưa điền\n# (đơn vị sẽ bổ sung)\n", note="comments only")
        self.notes.append("global: %s empty file, %s comments-only file" % (u, u2))

        u = r.choice(self.unit_ids)
        self.add_file("nop/%s/ghi-chu.txt" % u, text="không phải YAML: [", skipped=True)
        self.add_file("nop/%s/%s.yaml.bak" % (u, self.periods[0]), text="don_vi: [", skipped=True)
        self.add_file("nop/%s/bao-cao.docx" % u, raw_bytes=b"PK\x03\x04\x00\x00", skipped=True)

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

        ctx = self.octx
        records = []
        for f in self.files:
            if f["skipped"]:
                continue
            if f["parse_error"] is not None:
                records.append(oracle.validate_submission(ctx, f["path"], None, {}, parse_error=f["parse_error"]))
            elif f["doc"] is None:
                records.append(oracle.validate_submission(ctx, f["path"], None, {}))
            else:
                records.append(oracle.validate_submission(ctx, f["path"], f["doc"], f["pos"]))
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
        }
        with open(os.path.join(exp, "manifest.json"), "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        return result, records


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--units", type=int, required=True)
    ap.add_argument("--tasks", type=int, required=True)
    ap.add_argument("--year", type=int, default=2024)
    ap.add_argument("outdir")
    a = ap.parse_args(argv)
    if a.units < 4:
        ap.error("--units must be at least 4")
    if a.tasks < 7:
        ap.error("--tasks must be at least 7")
    g = Gen(a.seed, a.units, a.tasks, a.year)
    result, records = g.write(a.outdir)
    print("seed %d: %d files (%d read, %d rejected), periods %s -> %s" % (
        a.seed, len(g.files), len(records), sum(1 for x in records if x["has_error"]),
        ", ".join(g.periods), os.path.join(a.outdir, "expected")))


if __name__ == "__main__":
    main()
